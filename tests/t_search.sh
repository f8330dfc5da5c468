#!/bin/sh
# --search: exit statuses, the text and JSON forms (parsed by Python), the
# same entries for every spelling of a word (width, case, kana), multi-word
# queries, and romaji through Migemo where its dictionary is installed.
set -eu
. tests/cli.sh

status 0 --search=CSIRT
status 1 --search=存在しない語句
[ -s "$tmp/out" ] && { echo "FAIL: output for no match"; fails=$((fails + 1)); }
status 64 --search=
status 64 --search='   '
status 64 --search='　'
status 64 --search=x --dump
status 65 --search=x tests/data/unknown-key.yaml

# Text form, into a pipe: matches between [ and ], no colour.
status 0 --search=CSIRT --no-romaji
grep -qxF '2. › 2.2 › (2) › ・2: 緊急時対応訓練の支援及び[CSIRT]※1の連携組織の設立' "$tmp/out" ||
    { echo "FAIL: text form"; cat "$tmp/out"; fails=$((fails + 1)); }
grep -q "$(printf '\033')" "$tmp/out" && { echo "FAIL: colour into a pipe"; fails=$((fails + 1)); }

# Entries found by every spelling are the same (paths of the JSON hits).
paths() {
	"$bin" --search="$1" --format=json --no-romaji | python3 -c '
import json, sys
d = json.load(sys.stdin)
for h in d["hits"]:
    print(h["kind"], h["path"], h["index"], h["mark"])'
}
for group in "サイバー さいばー ｻｲﾊﾞｰ サイバー" "CYDER cyder ＣＹＤＥＲ Ｃｙｄｅｒ" "IoT iot ＩｏＴ IOT" \
    "セキュリティ せきゅりてぃ ｾｷｭﾘﾃｨ" "nisc NISC ＮＩＳＣ"; do
	first=
	for word in $group; do
		paths "$word" >"$tmp/p.$word"
		if [ -z "$first" ]; then
			first=$word
			[ -s "$tmp/p.$word" ] || { echo "FAIL: $word finds nothing"; fails=$((fails + 1)); }
		elif ! cmp -s "$tmp/p.$first" "$tmp/p.$word"; then
			echo "FAIL: $word and $first find different entries"
			fails=$((fails + 1))
		fi
	done
done
# No false friends: ハ is not バ.
status 1 --search=サイハー --no-romaji

# JSON: the fixed shape, ranges are byte offsets of the match in text.
"$bin" --search='ｻｲﾊﾞｰ　攻撃' --format=json --no-romaji >"$tmp/j"
python3 - "$tmp/j" <<'PY' || fails=$((fails + 1))
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
assert d["query"] == "ｻｲﾊﾞｰ　攻撃", d["query"]
assert d["hits"], "no hits"
for h in d["hits"]:
    assert set(h) >= {"path", "kind", "index", "mark", "text", "ranges"}, h
    assert h["kind"] in ("title", "measure", "agency", "footnote")
    raw = h["text"].encode("utf-8")
    for a, b in h["ranges"]:
        got = raw[a:b].decode("utf-8")
        # Adjacent matches merge: サイバー攻撃 is one range.
        assert got.replace("サイバー", "").replace("攻撃", "") == "", got
    # Both words must be in the same entry: this query is an AND.
kinds = {(tuple(h["path"]), h["index"]) for h in d["hits"]}
assert (("2.", "2.7"), None) in kinds, kinds
PY

# Agencies and footnotes are searched too, with their kinds.
"$bin" --search=ISAC --format=json --no-romaji >"$tmp/j"
python3 - "$tmp/j" <<'PY' || fails=$((fails + 1))
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
kinds = [(h["kind"], h["mark"]) for h in d["hits"]]
assert ("measure", None) in kinds, kinds
assert ("footnote", "※2") in kinds, kinds
PY
"$bin" --search=外務省 --format=json >"$tmp/j"
python3 - "$tmp/j" <<'PY' || fails=$((fails + 1))
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
ag = [h for h in d["hits"] if h["kind"] == "agency"]
assert len(ag) == 3 and all(h["text"] == "外務省" and h["index"] is not None
                            for h in ag), ag
PY

# Romaji through Migemo, where the dictionary is installed.
if "$bin" --version | grep -q '^romaji search: built in (C/Migemo'; then
	for pair in kokusai:国際 jouhou:情報 saiba:サイバー; do
		word=${pair%%:*} want=${pair#*:}
		status 0 --search="$word" --format=json
		python3 -c '
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
want = sys.argv[2]
assert any(want in h["text"].encode("utf-8")[a:b].decode("utf-8") or
           h["text"].encode("utf-8")[a:b].decode("utf-8") in want
           for h in d["hits"] for a, b in h["ranges"]), (want, d["hits"][:2])
' "$tmp/out" "$want" || { echo "FAIL: romaji $word"; fails=$((fails + 1)); }
		status 1 --search="$word" --no-romaji
	done
else
	echo "SKIPPED: romaji tests: Migemo or its dictionary is not installed"
fi

[ "$fails" -eq 0 ]

#!/bin/sh
# --agencies, --agency=NAME and CSV: exit statuses and messages, the text,
# JSON and CSV forms parsed back (Python's json and csv modules) and giving
# the same answers, --dump and --search as CSV (one record a line, CR LF,
# the BOM with --bom), quoting that round-trips, and no control character
# reaching any output raw (tests/data/agencies.yaml, tests/data/hostile.yaml).
set -eu
. tests/cli.sh
fix=tests/data/agencies.yaml

# expect_err TEXT: stderr must be exactly TEXT.
expect_err() {
	if [ "$(cat "$tmp/err")" != "$1" ]; then
		echo "FAIL stderr: got '$(cat "$tmp/err")', want '$1'"
		fails=$((fails + 1))
	fi
}

# no_raw FILE WHAT: FILE holds no control byte but the CR LF ending rows
# (and the LF ending lines), no C1 control and no bidi override.
no_raw() {
	if LC_ALL=C grep -q "$(printf '[\001-\011\013\014\016-\037\177]')" "$1" ||
	    LC_ALL=C grep -q "$(printf '\302[\200-\237]')" "$1" ||
	    grep -q "$(printf '\342\200\256')" "$1"; then
		echo "FAIL $2: raw control bytes in output"
		fails=$((fails + 1))
	fi
}

# Exit statuses and messages.
status 0 --agencies
[ -s "$tmp/err" ] && { echo "FAIL: --agencies wrote to stderr"; fails=$((fails + 1)); }
status 0 --agency=総務省
status 0 --agency=ＮＩＳＣ
status 0 --agency=nisc --format=csv
status 1 --agency=総務
expect_err "shisaku: no organisation '総務' (did you mean '総務省'?)"
[ -s "$tmp/out" ] && { echo "FAIL: output for an unknown organisation"; fails=$((fails + 1)); }
status 1 --agency=経産省 --format=json
expect_err "shisaku: no organisation '経産省' (did you mean '経済産業省'?)"
[ -s "$tmp/out" ] && { echo "FAIL: JSON for an unknown organisation"; fails=$((fails + 1)); }
status 1 --agency=xyz
expect_err "shisaku: no organisation 'xyz' (--agencies lists them)"
status 64 --agency=
status 64 --agencies --dump
status 64 --agency=NISC --search=CSIRT
status 64 --agencies --check
status 64 --agencies --width=40
status 64 --bom --agencies
expect_err "shisaku: --bom applies to --format=csv only
Try 'shisaku --help' for more information."
status 64 --bom --dump --format=json
status 64 --format=csv
status 64 --check --format=csv
status 64 --dump --format=tsv
status 65 --agencies tests/data/unknown-key.yaml
status 66 --agency=NISC tests/data/no-such.yaml

# --agencies: text like ls, JSON and CSV give the same list.
status 0 --agencies
head -n 1 "$tmp/out" | grep -qxF '26  NISC' || { echo "FAIL: --agencies first line"; cat "$tmp/out"; fails=$((fails + 1)); }
grep -qxF ' 9  総務省' "$tmp/out" || { echo "FAIL: --agencies 総務省"; fails=$((fails + 1)); }
cp "$tmp/out" "$tmp/ag.txt"
"$bin" --agencies --format=json >"$tmp/ag.json"
"$bin" --agencies --format=csv >"$tmp/ag.csv"
"$bin" --agencies --format=csv --bom >"$tmp/ag.bom.csv"
python3 - "$tmp/ag.txt" "$tmp/ag.json" "$tmp/ag.csv" "$tmp/ag.bom.csv" <<'PY' || fails=$((fails + 1))
import csv, json, sys
text = []
for line in open(sys.argv[1], encoding="utf-8"):
    count, name = line.rstrip("\n").lstrip(" ").split("  ", 1)
    text.append((name, int(count)))
d = json.load(open(sys.argv[2], encoding="utf-8"))
assert list(d) == ["agencies"], d.keys()
js = [(a["name"], a["count"]) for a in d["agencies"]]
raw = open(sys.argv[3], "rb").read()
assert raw.endswith(b"\r\n") and raw.count(b"\n") == raw.count(b"\r\n"), "CRLF"
rows = list(csv.reader(open(sys.argv[3], encoding="utf-8", newline="")))
assert rows[0] == ["name", "count"], rows[0]
cs = [(r[0], int(r[1])) for r in rows[1:]]
assert text == js == cs, (text, js, cs)
assert js[0] == ("NISC", 26) and ("総務省", 9) in js and ("経済産業省", 8) in js, js
counts = [c for _, c in js]
assert counts == sorted(counts, reverse=True), counts
assert len(js) == 14, len(js)
bom = open(sys.argv[4], "rb").read()
assert bom == b"\xef\xbb\xbf" + raw, "--bom"
PY

# --agency: the same places in text, JSON and CSV, for every organisation.
"$bin" --agencies --format=json | python3 -c '
import json, sys
for a in json.load(sys.stdin)["agencies"]:
    print(a["name"])' >"$tmp/names"
while IFS= read -r name; do
	"$bin" --agency="$name" >"$tmp/one.txt"
	"$bin" --agency="$name" --format=json >"$tmp/one.json"
	"$bin" --agency="$name" --format=csv >"$tmp/one.csv"
	python3 - "$name" "$tmp/one.txt" "$tmp/one.json" "$tmp/one.csv" "$tmp/ag.json" <<'PY' || { echo "FAIL: --agency=$name"; fails=$((fails + 1)); }
import csv, json, sys
name = sys.argv[1]
text = []
for line in open(sys.argv[2], encoding="utf-8"):
    where, body = line.rstrip("\n").split(": ", 1)
    path = where.split(" › ")
    index = None
    if path[-1].startswith("・"):
        index = int(path.pop()[1:]) - 1
    text.append((tuple(path), index, body))
d = json.load(open(sys.argv[3], encoding="utf-8"))
assert d["agency"] == name, d["agency"]
js = [(tuple(m["path"]), m["index"], m["text"]) for m in d["measures"]]
rows = list(csv.reader(open(sys.argv[4], encoding="utf-8", newline="")))
assert rows[0] == ["path", "index", "text"], rows[0]
cs = [(tuple(r[0].split(" › ")), int(r[1]) if r[1] else None, r[2])
      for r in rows[1:]]
assert text == js == cs, (text, js, cs)
count = {a["name"]: a["count"] for a in
         json.load(open(sys.argv[5], encoding="utf-8"))["agencies"]}[name]
assert len(js) == count, (len(js), count)
PY
done <"$tmp/names"

# Facts of the document: 総務省's places; 経済産業省 includes 1.2 (3) itself.
"$bin" --agency=総務省 --format=json >"$tmp/j"
"$bin" --agency=経済産業省 --format=json >"$tmp/k"
"$bin" --dump --format=json >"$tmp/dump.json"
python3 - "$tmp/j" "$tmp/k" "$tmp/dump.json" <<'PY' || fails=$((fails + 1))
import json, sys
j = json.load(open(sys.argv[1], encoding="utf-8"))
got = [(m["path"], m["index"]) for m in j["measures"]]
assert got == [(["1.", "1.1", "(2)"], 0), (["1.", "1.3", "(1)"], 0),
               (["1.", "1.3", "(2)"], 0), (["2.", "2.1", "(1)"], 1),
               (["2.", "2.2", "(2)"], 0), (["2.", "2.2", "(2)"], 1),
               (["2.", "2.3", "(2)"], 0), (["2.", "2.3", "(5)"], 0),
               (["4.", "4.1", "(2)"], 0)], got
k = json.load(open(sys.argv[2], encoding="utf-8"))
node = [m for m in k["measures"] if m["index"] is None]
assert len(node) == 1 and node[0]["path"] == ["1.", "1.2", "(3)"], node
# Every place agrees with the dump: the measure names the organisation.
doc = json.load(open(sys.argv[3], encoding="utf-8"))
def find(nodes, path):
    for n in nodes:
        if n["number"] == path[0]:
            return n if len(path) == 1 else find(n["children"], path[1:])
for res in (j, k):
    for m in res["measures"]:
        n = find(doc["nodes"], m["path"])
        if m["index"] is None:
            assert res["agency"] in n["agencies"] and m["text"] == n["title"]
        else:
            me = n["measures"][m["index"]]
            assert res["agency"] in me["agencies"] and m["text"] == me["text"]
PY
# Folded names: the same answer for every spelling.
"$bin" --agency=NISC --format=json >"$tmp/a"
for spelling in nisc ＮＩＳＣ Ｎｉｓｃ; do
	"$bin" --agency="$spelling" --format=json >"$tmp/b"
	cmp -s "$tmp/a" "$tmp/b" || { echo "FAIL: --agency=$spelling differs"; fails=$((fails + 1)); }
done

# --dump --format=csv: 48 measures, one record a line, CR LF; the same
# measures, titles, texts and organisations as the JSON dump.
status 0 --dump --format=csv
cp "$tmp/out" "$tmp/dump.csv"
"$bin" --dump --format=csv --bom >"$tmp/dump.bom.csv"
python3 - "$tmp/dump.csv" "$tmp/dump.json" "$tmp/dump.bom.csv" <<'PY' || fails=$((fails + 1))
import csv, json, sys
raw = open(sys.argv[1], "rb").read()
assert raw.count(b"\n") == raw.count(b"\r\n") == 49, raw.count(b"\n")
assert not raw.startswith(b"\xef\xbb\xbf"), "BOM without --bom"
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
assert rows[0] == ["path", "index", "title", "text", "organisations"], rows[0]
assert len(rows) == 49 and all(len(r) == 5 for r in rows), len(rows)
doc = json.load(open(sys.argv[2], encoding="utf-8"))
want = []
def walk(nodes, path):
    for n in nodes:
        p = path + [n["number"]]
        for i, m in enumerate(n["measures"]):
            want.append([" › ".join(p), str(i), n["title"], m["text"],
                         "、".join(m["agencies"])])
        walk(n["children"], p)
walk(doc["nodes"], [])
assert rows[1:] == want, [(a, b) for a, b in zip(rows[1:], want) if a != b][:2]
assert rows[9] == ["2. › 2.1 › (1)", "1", "安全・安心なサイバー空間の利用環境の構築",
    want[8][3], "NISC、総務省、経済産業省"], rows[9]
bom = open(sys.argv[3], "rb").read()
assert bom == b"\xef\xbb\xbf" + raw, "--bom"
# What spreadsheets read: utf-8-sig drops the BOM, the rest is the same.
assert list(csv.reader(open(sys.argv[3], encoding="utf-8-sig", newline=""))) == rows
PY

# --search --format=csv: one row per hit, the same hits as JSON.
for q in CSIRT 外務省 'ｻｲﾊﾞｰ　攻撃' ISAC; do
	status 0 --search="$q" --format=csv --no-romaji
	cp "$tmp/out" "$tmp/s.csv"
	"$bin" --search="$q" --format=json --no-romaji >"$tmp/s.json"
	python3 - "$tmp/s.csv" "$tmp/s.json" <<'PY' || { echo "FAIL: --search=$q csv"; fails=$((fails + 1)); }
import csv, json, sys
raw = open(sys.argv[1], "rb").read()
assert raw.count(b"\n") == raw.count(b"\r\n"), "CRLF"
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
assert rows[0] == ["path", "kind", "index", "mark", "text"], rows[0]
d = json.load(open(sys.argv[2], encoding="utf-8"))
want = [[" › ".join(h["path"]), h["kind"],
         "" if h["index"] is None else str(h["index"]), h["mark"] or "",
         h["text"]] for h in d["hits"]]
assert rows[1:] == want, (rows[1:3], want[:2])
assert len(want) > 0
PY
done
status 1 --search=存在しない語句 --format=csv
[ "$(cat "$tmp/out")" = "$(printf 'path,kind,index,mark,text\r')" ] ||
    { echo "FAIL: CSV of no hits is the header alone"; fails=$((fails + 1)); }
"$bin" --search=CSIRT --format=csv --bom --no-romaji | head -c 3 | od -An -tx1 |
    grep -q 'ef bb bf' || { echo "FAIL: --search --bom"; fails=$((fails + 1)); }

# The fixture: commas and quotes round-trip; controls show, never raw.
status 0 --dump --format=csv "$fix"
cp "$tmp/out" "$tmp/fix.csv"
no_raw "$tmp/fix.csv" "fixture --dump csv"
"$bin" --dump --format=json "$fix" >"$tmp/fix.json"
"$bin" --agencies --format=csv "$fix" >"$tmp/fixag.csv"
no_raw "$tmp/fixag.csv" "fixture --agencies csv"
"$bin" --agency='a, inc.' --format=csv "$fix" >"$tmp/fixone.csv"
no_raw "$tmp/fixone.csv" "fixture --agency csv"
python3 - "$tmp/fix.csv" "$tmp/fix.json" "$tmp/fixag.csv" "$tmp/fixone.csv" <<'PY' || fails=$((fails + 1))
import csv, json, sys
def read(path):
    raw = open(path, "rb").read()
    assert raw.count(b"\n") == raw.count(b"\r\n"), path + ": CRLF"
    rows = list(csv.reader(open(path, encoding="utf-8", newline="")))
    # One record a line: no field holds a line break.
    assert len(rows) == raw.count(b"\r\n"), path
    return rows
rows = read(sys.argv[1])
doc = json.load(open(sys.argv[2], encoding="utf-8"))
n = doc["nodes"][0]
assert rows[1] == ["1.", "0", n["title"], n["measures"][0]["text"],
                   "総務省、A, Inc."], rows[1]
assert rows[1][2] == '見出し, その"一"' and rows[1][3] == '施策A, 「引用"符"」付き'
# The control characters in their visible form; JSON keeps them escaped.
assert n["measures"][1]["text"] == "制御\x1b[31m文字\tタブ\n改行"
assert rows[2][3] == "制御^[[31m文字^Iタブ^J改行", rows[2][3]
assert rows[2][4] == 'A, Inc.、B "Q" 局', rows[2][4]
assert rows[3] == ["2. › 2.1", "0", "二の一", "三", "NISC、総務省"], rows[3]
ag = read(sys.argv[3])
assert ag == [["name", "count"], ["総務省", "3"], ["A, Inc.", "2"],
              ['B "Q" 局', "1"], ["NISC", "1"]], ag
one = read(sys.argv[4])
assert one == [["path", "index", "text"], ["1.", "0", rows[1][3]],
               ["1.", "1", rows[2][3]]], one
PY
# The node's own tag in the fixture: 1. itself, with its title.
"$bin" --agency=総務省 --format=json "$fix" | python3 -c '
import json, sys
d = json.load(sys.stdin)
got = [(m["path"], m["index"], m["text"]) for m in d["measures"]]
assert got == [(["1."], None, "見出し, その\"一\""),
               (["1."], 0, "施策A, 「引用\"符\"」付き"),
               (["2.", "2.1"], 0, "三")], got' || fails=$((fails + 1))
status 0 --agency='a, inc.' "$fix"
grep -qxF '1. › ・2: 制御^[[31m文字        タブ 改行' "$tmp/out" ||
    { echo "FAIL: fixture --agency text"; cat "$tmp/out"; fails=$((fails + 1)); }

# A hostile document: every form of every new output shows escapes visibly.
for fmt in text json csv; do
	status 0 --agencies --format=$fmt tests/data/hostile.yaml
	no_raw "$tmp/out" "hostile --agencies $fmt"
	status 0 --agency="$(printf '省\033[H')" --format=$fmt tests/data/hostile.yaml
	no_raw "$tmp/out" "hostile --agency $fmt"
done
status 0 --dump --format=csv tests/data/hostile.yaml
no_raw "$tmp/out" "hostile --dump csv"
status 0 --search=evil --format=csv tests/data/hostile.yaml
no_raw "$tmp/out" "hostile --search csv"
status 1 --agency=省 tests/data/hostile.yaml
no_raw "$tmp/err" "hostile suggestion"
status 1 --agency="$(printf '省\033[')" tests/data/hostile.yaml
no_raw "$tmp/err" "hostile suggestion"
grep -qF "(did you mean '省^[[H'?)" "$tmp/err" ||
    { echo "FAIL: hostile suggestion not visible"; cat "$tmp/err"; fails=$((fails + 1)); }

# A closed pipe or full disk is an error, not silence.
if [ -w /dev/full ]; then
	set +e
	"$bin" --agencies --format=csv >/dev/full 2>"$tmp/err"
	got=$?
	set -e
	[ "$got" -eq 74 ] || { echo "FAIL: full disk: status $got, want 74"; fails=$((fails + 1)); }
fi

[ "$fails" -eq 0 ]

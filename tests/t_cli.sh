#!/bin/sh
# The command line: exit statuses, error messages with FILE:LINE:COLUMN,
# --help/--version/--check, the JSON dump parsed by a real JSON parser and
# compared with the source text, and escapes never reaching the output raw.
set -eu
. tests/cli.sh

# expect_err TEXT: stderr must be exactly TEXT.
expect_err() {
	if [ "$(cat "$tmp/err")" != "$1" ]; then
		echo "FAIL stderr: got '$(cat "$tmp/err")', want '$1'"
		fails=$((fails + 1))
	fi
}

check help 0 "$bin" --help
grep -q '^Usage: shisaku \[OPTION\]... \[FILE\]' "$tmp/out" || { echo "FAIL help text"; fails=$((fails + 1)); }
[ -s "$tmp/err" ] && { echo "FAIL help wrote to stderr"; fails=$((fails + 1)); }
check version 0 "$bin" --version
grep -q '^shisaku [0-9]' "$tmp/out" || { echo "FAIL version"; fails=$((fails + 1)); }
# SHISAKU_MIGEMO_DICT names the dictionary --version reports, and one that
# cannot be read is said to be so.
if grep -q '^romaji search: built in (C/Migemo, ' "$tmp/out"; then
	dict=$(sed -n 's/^romaji search: built in (C\/Migemo, \([^;)]*\).*/\1/p' "$tmp/out")
	ln -s "$dict" "$tmp/my-dict"
	check version-dict 0 env SHISAKU_MIGEMO_DICT="$tmp/my-dict" "$bin" --version
	grep -qF "romaji search: built in (C/Migemo, $tmp/my-dict" "$tmp/out" ||
	    { echo "FAIL --version with SHISAKU_MIGEMO_DICT"; fails=$((fails + 1)); }
	check version-no-dict 0 env SHISAKU_MIGEMO_DICT="$tmp/none" "$bin" --version
	grep -qxF "romaji search: built in, but the Migemo dictionary $tmp/none cannot be read" "$tmp/out" ||
	    { echo "FAIL --version with an unreadable SHISAKU_MIGEMO_DICT"; fails=$((fails + 1)); }
fi

check bad-option 64 "$bin" --frobnicate
check bad-format 64 "$bin" --dump --format=xml
expect_err "shisaku: unknown format 'xml' (expected text, json or csv)
Try 'shisaku --help' for more information."
check bad-width 64 "$bin" --dump --width=0
check two-files 64 "$bin" a.yaml b.yaml
check dump-and-check 64 "$bin" --dump --check

check check-embedded 0 "$bin" --check
[ -s "$tmp/out" ] && { echo "FAIL --check printed"; fails=$((fails + 1)); }
check check-file 0 "$bin" --check data/cybersecurity2018.yaml

check missing 66 "$bin" --check tests/data/no-such.yaml
expect_err "shisaku: tests/data/no-such.yaml: No such file or directory"
check directory 66 "$bin" --check tests/data
expect_err "shisaku: tests/data: is a directory"
check unknown-key 65 "$bin" --check tests/data/unknown-key.yaml
expect_err "shisaku: tests/data/unknown-key.yaml:4:5: unknown key 'titel' in a node (did you mean 'title'?)"
check undefined-mark 65 "$bin" --dump tests/data/undefined-mark.yaml
expect_err "shisaku: tests/data/undefined-mark.yaml:6:15: footnote mark ※3 has no definition (define it under footnotes:)"
[ -s "$tmp/out" ] && { echo "FAIL partial output on error"; fails=$((fails + 1)); }
check syntax 65 "$bin" --check tests/data/syntax.yaml
expect_err "shisaku: tests/data/syntax.yaml:3:3: did not find expected node content (while parsing a flow node at line 3 column 3)"
check binary 65 "$bin" --check tests/data/binary.yaml
check empty 65 "$bin" --check /dev/null
expect_err "shisaku: /dev/null:1:1: the document is empty (expected a mapping with title: and nodes:)"

# The JSON dump, parsed by Python's json module, holds the whole document.
check json 0 "$bin" --dump --format=json
python3 tests/check_json.py "$tmp/out" ../shared/source/cybersecurity2018-overview.txt ||
    fails=$((fails + 1))
# The embedded document and the file give the same dump.
"$bin" --dump --format=json data/cybersecurity2018.yaml >"$tmp/file.json"
cmp -s "$tmp/out" "$tmp/file.json" || { echo "FAIL embedded != file"; fails=$((fails + 1)); }
# The embedded document opens from any directory.
(cd / && "$OLDPWD/$bin" --check) || { echo "FAIL from /"; fails=$((fails + 1)); }

# Escapes in a hostile document never reach the output raw.
for fmt in text json; do
	check hostile-$fmt 0 "$bin" --dump --format=$fmt tests/data/hostile.yaml
	if LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$tmp/out" ||
	    LC_ALL=C grep -q "$(printf '\302[\200-\237]')" "$tmp/out" ||
	    grep -q "$(printf '\342\200\256')" "$tmp/out"; then
		echo "FAIL hostile $fmt: raw control bytes in output"
		fails=$((fails + 1))
	fi
done
"$bin" --dump tests/data/hostile.yaml >"$tmp/text"
grep -qF '悪意^[]0;pwned^G文書^[[2J' "$tmp/text" || { echo "FAIL hostile text not visible"; cat "$tmp/text"; fails=$((fails + 1)); }
grep -qF '<U+202E>evil<U+0085>' "$tmp/text" || { echo "FAIL bidi/C1 not visible"; fails=$((fails + 1)); }
python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["title"] == "悪意\x1b]0;pwned\x07文書\x1b[2J", d["title"]
assert d["nodes"][0]["measures"][0]["text"] == "施策\ttab\x9b31m\x7f終"
' "$tmp/out" || fails=$((fails + 1))

# A closed pipe or full disk is an error, not silence.
if [ -w /dev/full ]; then
	check full-disk 74 sh -c "'$bin' --dump >/dev/full"
fi

[ "$fails" -eq 0 ]

#!/bin/sh
# --dump --width=N: for every N from 20 to 200 no line is wider than N,
# Japanese line-breaking rules hold and no text is lost; into a pipe the
# dump is not wrapped (one line per entry, measure and footnote).
set -eu
bin=${SHISAKU:-build/shisaku}
python3 tests/check_width.py "$bin" 20 200
# Narrow widths still terminate and keep every character.
flat=$("$bin" --dump | tr -d ' \n')
for n in 1 2 3 5 8 13 19; do
	got=$("$bin" --dump --width=$n | tr -d ' \n')
	[ "$got" = "$flat" ] || { echo "FAIL: --width=$n lost text"; exit 1; }
done
lines=$("$bin" --dump | grep -c .)
# 4 header lines, 59 nodes, 48 measures, 2 footnotes.
[ "$lines" -eq 113 ] || { echo "FAIL: unwrapped dump has $lines lines"; exit 1; }

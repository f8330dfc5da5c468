#!/bin/sh
# README.md documents every key of the help screen (ui/help.c) and every
# option of --help.
set -eu
bin=${SHISAKU:-build/shisaku}
fails=0
# The descriptions in help_entries: { "keys", "what" },
sed -n 's/^	{ "[^"]*",[[:space:]]*"\([^"]*\)" },$/\1/p' ui/help.c >"${TMPDIR:-/tmp}/help.$$"
n=$(wc -l <"${TMPDIR:-/tmp}/help.$$")
[ "$n" -ge 15 ] || { echo "FAIL: found only $n help entries"; fails=1; }
while IFS= read -r what; do
	grep -qF "| $what |" README.md || { echo "FAIL: README lacks key: $what"; fails=1; }
done <"${TMPDIR:-/tmp}/help.$$"
rm -f "${TMPDIR:-/tmp}/help.$$"
for opt in $("$bin" --help | grep -o -- '--[a-z]*' | sort -u); do
	grep -qF -- "\`$opt" README.md || { echo "FAIL: README lacks option $opt"; fails=1; }
done
[ "$fails" -eq 0 ]

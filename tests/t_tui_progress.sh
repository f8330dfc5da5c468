#!/bin/sh
# Search as you type on a large document: the search runs a slice at a
# time between keystrokes.  A document of 30,000 measures whose texts keep
# ICU's regular expressions busy (runs of 古, which starts many of the
# alternatives of the Migemo pattern of "kok"): searching it for the romaji
# "kok" takes seconds, so what happens while it runs can be seen.  The
# prompt says "searching…" while the first match is already selected; keys
# typed meanwhile are handled at once (the search restarts); Enter keeps
# the search running, the status row says "searching…" and then the count;
# a key that moves the selection meanwhile is not undone when the search
# ends; n, N and Esc behave as on a finished search.  Without C/Migemo the
# suite is skipped (literal searches are too fast to watch), and Hyperscan
# is turned off (it finds kok here in a few milliseconds).
. tests/tmux.sh
tui_env="$tui_env SHISAKU_HYPERSCAN=0"

if ! "$bin" --version 2>/dev/null | grep -q '^romaji search: built in'; then
	echo "SKIPPED: romaji search is not built in (C/Migemo)"
	tui_done
fi

# 300 entries of 100 measures of 100 古 (10 MB), one measure in ten ending
# in 国際協力, which "kok" finds: the search takes about 5 s here, 1 MB of
# the text in 0.5 s.
doc=$tui_tmp/large.yaml
awk 'BEGIN {
	for (j = 0; j < 100; j++)
		ko = ko "古"
	print "title: 大きな文書"
	print "nodes:"
	for (e = 1; e <= 300; e++) {
		printf "  - number: \"%d.\"\n    title: 施策の一覧%d\n", e, e
		print "    measures:"
		for (k = 0; k < 100; k++)
			printf "      - text: %s%s\n        agencies: [NISC]\n",
			    ko, k % 10 == 3 ? "国際協力" : ""
	}
}' >"$doc"
# The matches of kok: one a measure, 3,000 of them.
want=$(LC_ALL=C.UTF-8 "$bin" --search=kok --format=csv "$doc" |
    awk 'END { print NR - 1 }')
if [ "$want" -eq 3000 ]; then
	tui_ok "--search=kok finds 3000 measures"
else
	tui_fail "--search=kok should find 3000 measures, not $want"
fi

# start_large: open the browser on the document (80x24) and wait for it.
start_large() {
	sl_bin=$bin
	bin="$bin $doc"
	tui_start 80x24
	bin=$sl_bin
}

# expect_soon SECONDS ROW RE: ROW matches RE within SECONDS (a second or
# two: much less than the search takes).
expect_soon() {
	if tui_poll "$1" tui_has_row_E "$2" "$3"; then
		tui_ok "row $2 matches /$3/ within $1 s"
	else
		tui_fail "row $2 should match /$3/ within $1 s"
	fi
}

# The whole search can take long under the sanitizers and on a busy
# machine: its end is waited for this long.
long=120

echo "== the first match at once, the rest between keystrokes"
start_large
expect_status 1/300
keys /
expect_is '$' '/'
T send-keys -t main -l 'kok'
# The prompt says the search runs; the first match (1.'s fourth measure)
# is already selected, and set off in the pane.
expect_re '$' '^/kok +searching…$'
expect_selected 6 '・古古古'
expect_re 2 '^- 1\. 施策の一覧1$'
expect_set_off 15 '国' '^fg=30 bg=43$'
expect_re '$' '^/kok +searching…$'
# Keys typed meanwhile are handled at once: the query becomes "kok 協"
# (both words in one measure) and its search starts over.
T send-keys -t main -l ' 協'
expect_soon 2 '$' '^/kok 協 +searching…$'
keys BSpace BSpace
expect_soon 2 '$' '^/kok +searching…$'
# Backspace to "ko" (two letters: not romaji, a fast literal search that
# ends at once) and Esc: back where the search began.
keys BSpace
expect_soon 2 '$' '^/ko$'
keys Escape
expect_re '$' '^ 1\. +1/300 '
tui_quit

echo "== Enter keeps the search running; the count comes when it ends"
start_large
keys /
T send-keys -t main -l 'kok'
expect_re '$' '^/kok +searching…$'
keys Enter
expect_re '$' '^ 1\. › ・4 +searching… +5/400 '
# n waits for the whole search (as less and vim search before moving).
keys n
tui_wait_re "$long" '$' "match 2/$want " ||
    tui_fail "n should go to match 2/$want once the search ends"
expect_re '$' "^ 1\. › ・14 +match 2/$want +15/400 "
keys N
expect_re '$' "^ 1\. › ・4 +match 1/$want +5/400 "
tui_quit

echo "== a key that moves the selection while the search runs is kept"
start_large
keys /
T send-keys -t main -l 'kok'
expect_re '$' '^/kok +searching…$'
keys Enter
expect_re '$' '^ 1\. › ・4 +searching… '
keys j
expect_soon 2 '$' '^ 1\. › ・5 +searching… +6/400 '
# When the search ends, the count appears and the selection stays on
# ・5, which is no match.
tui_wait_re "$long" '$' " $want matches " ||
    tui_fail "the status row should say $want matches when the search ends"
expect_re '$' "^ 1\. › ・5 +$want matches +6/400 "
# Esc clears the search; n has nothing to go to.
keys Escape
expect_re '$' '^ search cleared '
keys n
expect_re '$' '^ no search: type / first '
tui_quit

tui_done

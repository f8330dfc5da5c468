#!/bin/sh
# Migemo's dictionary loads on a thread of its own, so the browser never
# waits for it between keys.  The dictionary is given as a FIFO
# (SHISAKU_MIGEMO_DICT) that nothing writes until the test says so: its
# load cannot end before then, whatever the machine's speed.  Meanwhile
# the prompt takes keys, a romaji search waits ("searching…") while the
# selection moves, a remembered romaji search waits after the first frame,
# and q quits; once the dictionary is written into the FIFO, the waiting
# search ends with the matches a loaded dictionary gives.  Without C/Migemo
# or its dictionary the suite is skipped.
. tests/tmux.sh

dict=$("$bin" --version 2>/dev/null |
    sed -n 's/^romaji search: built in (C\/Migemo, \([^;)]*\).*/\1/p')
if [ -z "$dict" ] || [ ! -r "$dict" ]; then
	echo "SKIPPED: romaji search is not built in, or has no dictionary"
	tui_done
fi

# The dictionary held back: its path names a FIFO, beside links to
# Migemo's other files (read from the dictionary's directory).  feed lets
# it go once the browser waits to open the FIFO: the path becomes a link
# to the real dictionary and the real dictionary is written into the FIFO
# (through a second name).  Migemo opens the dictionary twice, to tell its
# character set from the first 4 KiB and then to read it; both get the
# real text.
held=$tui_tmp/dict
mkdir "$held"
for f in "$(dirname "$dict")"/*; do
	[ "$f" = "$dict" ] || ln -s "$f" "$held/"
done
path=$held/$(basename "$dict")
fifo=$held/fifo

# hold: the path is a new FIFO.
hold() {
	rm -f "$path" "$fifo"
	mkfifo "$path" && ln "$path" "$fifo" || exit 1
}

# opening: a thread of the browser waits to open the FIFO (in the
# kernel's wait_for_partner, inside fifo_open).
opening() {
	op_pid=$(pane_fmt '#{pane_pid}')
	for op_p in $op_pid $(cat /proc/"$op_pid"/task/*/children 2>/dev/null)
	do
		for op_t in /proc/"$op_p"/task/*; do
			case $(cat "$op_t/wchan" 2>/dev/null) in
			wait_for_partner|fifo_open) return 0 ;;
			esac
		done
	done
	return 1
}

# feed: let the dictionary go, once the browser waits for it.
feed() {
	if tui_poll 30 opening; then
		tui_ok "the browser waits for the dictionary on a thread"
	else
		tui_fail "the browser should wait to open the dictionary"
	fi
	ln -s "$dict" "$held/new" && mv "$held/new" "$path"
	timeout 60 sh -c 'trap "" PIPE; cat "$1" >"$2"' sh "$dict" "$fifo" \
	    2>/dev/null &
}

# The place is remembered in $state/N: each part starts from its own,
# but the third from the second's.
state=$tui_tmp/state
mkdir "$state"

# ended: the status row when the search of kokusai has ended, with its
# matches counted or the selection on one of them.
ended() {
	echo " ($want matches|match [0-9]+/$want) "
}

echo "== with the dictionary loaded: kokusai's matches"
tui_start 80x24 XDG_STATE_HOME="$state/1"
keys /
T send-keys -t main -l 'kokusai'
keys Enter
tui_wait_re "$TUI_WAIT" '$' ' match 1/[0-9]+ ' ||
    tui_fail "kokusai should have matches"
want=$(tui_row '$' | sed -n 's/.* match 1\/\([0-9]*\) .*/\1/p')
[ -n "$want" ] && tui_ok "kokusai: $want matches"
keys Escape
tui_quit

echo "== the prompt takes keys while the dictionary loads"
hold
tui_start 80x24 XDG_STATE_HOME="$state/2" SHISAKU_MIGEMO_DICT="$path"
keys /
expect_is '$' '/'
T send-keys -t main -l 'kokusai'
# The romaji search waits for the dictionary; the keys do not.
expect_re '$' '^/kokusai +searching…$'
keys BSpace BSpace BSpace BSpace
expect_re '$' '^/kok +searching…$'
T send-keys -t main -l ' 人材'
expect_re '$' '^/kok 人材 +searching…$'
keys BSpace BSpace BSpace
expect_re '$' '^/kok +searching…$'
T send-keys -t main -l 'usai'
expect_re '$' '^/kokusai +searching…$'
# Enter keeps the search waiting; the selection moves meanwhile.
keys Enter
expect_re '$' '^ .* searching… +1/[0-9]+ '
keys j j
expect_re '$' '^ 3\. +searching… +3/5 '
# Once the dictionary is there, the search ends: the same matches, and
# the selection stays where the keys took it (3. is one of them).
feed
tui_wait_re 30 '$' "$(ended)" ||
    tui_fail "the search should end with $want matches once the dictionary loads"
expect_re '$' "^ 3\\. +match [0-9]+/$want +3/5 "
keys n
expect_re '$' " match [0-9]+/$want "
tui_quit

echo "== a remembered romaji search waits after the first frame"
# The last run saved kokusai for the document; it runs again on opening.
hold
tui_start 80x24 XDG_STATE_HOME="$state/2" SHISAKU_MIGEMO_DICT="$path"
expect_re '$' ' searching… '
keys g j
expect_re '$' ' searching… +2/[0-9]+ '
feed
tui_wait_re 30 '$' "$(ended)" ||
    tui_fail "the remembered search should end with $want matches"
tui_quit

echo "== q quits while the dictionary is still loading"
hold
tui_start 80x24 XDG_STATE_HOME="$state/4" SHISAKU_MIGEMO_DICT="$path"
keys /
T send-keys -t main -l 'kokusai'
expect_re '$' '^/kokusai +searching…$'
# Esc: back where the search began, no search waiting.
keys Escape
expect_re '$' ' 1/[0-9]+ '
expect_no_screen 'searching…'
tui_quit

tui_done

#!/bin/sh
# What goes to the terminal: each frame in one write(2), traced with
# strace, so that a terminal over SSH gets a frame in one packet rather
# than a row at a time (ncurses 6.4 flushes at every cursor movement until
# the screen has once been left and resumed: ui_start does that).  Start-up
# takes a few writes (the terminal's modes, then the whole first frame);
# then a key that moves the selection, one that opens a branch and a
# search keystroke each make exactly one.  Last, a remembered romaji
# search waits for the first frame before loading Migemo's dictionary.
. tests/tmux.sh

if ! command -v strace >/dev/null 2>&1; then
	echo "FAIL: strace is needed (tools/deps.sh test installs it)"
	exit 1
fi

trace=$tui_tmp/writes
# writes: how many write(2)s to the terminal so far, once strace is done
# writing them down (two equal counts in a row).
writes() {
	n=-1
	m=$(grep -c '^[0-9]* *write(1,' "$trace" 2>/dev/null)
	while [ "$n" != "$m" ]; do
		n=$m
		tui_sleep 0.3
		m=$(grep -c '^[0-9]* *write(1,' "$trace" 2>/dev/null)
	done
	echo "$n"
}

# expect_writes KEYS WANT WHAT: send KEYS, wait for ROW to match RE, then
# the writes since the last count must be WANT.
expect_writes() {
	before=$(writes)
	keys "$1"
	tui_wait_re "$TUI_WAIT" "$3" "$4" || tui_fail "no frame after $1"
	after=$(writes)
	if [ $((after - before)) -eq "$2" ]; then
		tui_ok "$5: $2 write"
	else
		tui_fail "$5: $((after - before)) writes, want $2"
		grep 'write(1,' "$trace" | tail -n 5 | cut -c1-120
	fi
}

tui_bin=$bin
bin="strace -f -o $trace -e trace=write -e signal=none $tui_bin"
tui_start 100x30
start=$(writes)
if [ "$start" -ge 1 ] && [ "$start" -le 12 ]; then
	tui_ok "start-up: $start writes"
else
	tui_fail "start-up: $start writes, want at most 12"
fi
expect_writes j 1 '$' ' 2/[0-9]+' "j (the selection moves)"
expect_writes Enter 1 4 '2\.1' "Enter (a branch opens)"
keys /
tui_wait_re "$TUI_WAIT" '$' '^/' || tui_fail "no search prompt"
expect_writes 'j' 1 '$' '^/j' "a search keystroke"
keys Escape q

# A romaji search remembered in the state file is run again at start-up;
# Migemo's dictionary (about 0.1 s to load) is opened only after the first
# frame has gone out, so that it does not hold the frame back.
if "$tui_bin" --version 2>/dev/null | grep -q '^romaji search: built in'
then
	rhome=$tui_tmp/home.romaji
	mkdir -p "$rhome"
	bin="strace -f -o $trace -e trace=write,openat -e signal=none $tui_bin"
	tui_start 100x30 HOME="$rhome"
	keys / k o k u s a i Enter
	tui_wait_re "$TUI_WAIT" '$' 'match 1/' ||
	    tui_fail "kokusai found no match"
	keys q
	tui_poll "$TUI_WAIT" tui_ended || tui_fail "the browser did not quit"
	tui_start 100x30 HOME="$rhome"
	tui_wait_re "$TUI_WAIT" '$' 'match [0-9]+/' ||
	    tui_fail "the remembered search did not run again"
	frame=$(grep -n '^[0-9]* *write(1,.*= [0-9]\{4,\}$' "$trace" |
	    head -n 1 | cut -d: -f1)
	dict=$(grep -n 'openat(.*migemo-dict' "$trace" | head -n 1 |
	    cut -d: -f1)
	if [ -n "$frame" ] && [ -n "$dict" ] && [ "$frame" -lt "$dict" ]; then
		tui_ok "the first frame (trace line $frame) before the dictionary (line $dict)"
	else
		tui_fail "the first frame (trace line ${frame:-none}) should go out before the dictionary is opened (line ${dict:-none})"
	fi
	keys q
else
	echo "SKIPPED: romaji is not built in: no remembered romaji search"
fi
tui_done

#!/bin/sh
# What goes to the terminal: each frame in one write(2), traced with
# strace, so that a terminal over SSH gets a frame in one packet rather
# than a row at a time (ncurses 6.4 flushes at every cursor movement until
# the screen has once been left and resumed: ui_start does that).  Start-up
# takes a few writes (the terminal's modes, then the whole first frame);
# then a key that moves the selection, one that opens a branch and a
# search keystroke each make exactly one.
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
tui_done

#!/bin/sh
# The browser and the terminal it runs in, from an interactive shell (sh,
# with job control) in a tmux pane: quitting with q, SIGTERM, SIGHUP,
# SIGINT (^C) leave the shell's screen (the alternate screen left), the
# terminal modes as they were (stty -a) and the terminal's own modes as
# they were (tmux's flags: mouse reporting, keypad, cursor...); ^Z stops it
# cleanly and fg redraws it.  Then what is not a terminal: standard input
# or output not a tty, TERM empty, unset or unknown: status 64 and one
# clear line, never a hang.  Last, a terminal that hangs up without a
# SIGHUP reaching the browser.
. tests/tmux.sh

d=$tui_tmp
prompt='tui$'
# The terminal's modes as tmux sees them.
flags='alt=#{alternate_on} mouse=#{mouse_any_flag}#{mouse_standard_flag}#{mouse_button_flag}#{mouse_all_flag}#{mouse_sgr_flag}#{mouse_utf8_flag} keypad=#{keypad_flag}#{keypad_cursor_flag} cursor=#{cursor_flag} insert=#{insert_flag} origin=#{origin_flag} wrap=#{wrap_flag}'

last_is_prompt() {
	[ "$(grep -v '^$' "$tui_tmp/screen" | tail -n 1)" = "$prompt" ]
}

# expect_prompt: wait until the shell's prompt is the last line shown.
expect_prompt() {
	if tui_poll "$TUI_START_WAIT" last_is_prompt; then
		tui_ok "the shell's prompt is back"
	else
		tui_fail "the shell's prompt '$prompt' should be the last line"
	fi
}

# run NAME COMMAND: run COMMAND in the shell, its status into $d/NAME, and
# wait for it (bounded) and for the prompt.
run() {
	type_line "$2; echo \$? >$1.tmp; mv $1.tmp $1"
	wait_file "$d/$1" "$TUI_START_WAIT" && expect_prompt
}

# expect_file_is FILE TEXT: FILE holds exactly TEXT.
expect_file_is() {
	if [ "$(cat "$1" 2>/dev/null)" = "$2" ]; then
		tui_ok "$(basename "$1") is '$2'"
	else
		tui_fails=$((tui_fails + 1))
		echo "FAIL: $1 should be '$2', is '$(cat "$1" 2>/dev/null)'"
	fi
}

# expect_same FILE1 FILE2 WHAT: the files are equal.
expect_same() {
	if cmp -s "$1" "$2"; then
		tui_ok "$3 as before"
	else
		tui_fails=$((tui_fails + 1))
		echo "FAIL: $3 changed (- before, + after):"
		diff -u "$1" "$2" | sed 1,2d
	fi
}

# browser_up: wait for the browser's first screen.
browser_up() {
	tui_wait_re "$TUI_START_WAIT" '$' ' 1/5 ' ||
	    tui_fail "the browser did not start"
	expect_is 2 '+ 1. 経済社会の活力の向上及び持続的発展 (18)'
}

# mark NAME: print a row "marker NAME" before the browser runs, to be seen
# again on the shell's screen after it.
mark() {
	run "mark.$1" "echo marker $1"
}

# expect_restored NAME: after the browser ended: the shell's screen
# (alternate screen left, the command line visible), the stty modes and
# the terminal's flags as before.
expect_restored() {
	expect_no_screen 'サイバーセキュリティ2018の全体概要'
	if tui_poll "$TUI_WAIT" grep -qx "marker $1" "$tui_tmp/screen"; then
		tui_ok "the shell's screen is back"
	else
		tui_fail "the shell's screen should be back (a row 'marker $1')"
	fi
	run "$1.s" "stty -a >stty.$1"
	expect_same "$d/stty.0" "$d/stty.$1" "stty -a after $1"
	pane_fmt "$flags" >"$d/flags.$1"
	expect_same "$d/flags.0" "$d/flags.$1" "terminal flags after $1"
}

# The shell works in $d: the command lines stay short.  Each run of the
# browser gets a HOME of its own (nothing one run leaves there reaches the
# next).
tui_open 80x24 "cd $d && $tui_env LC_ALL=C.UTF-8 TERM=xterm-256color PS1='$prompt ' sh"
expect_prompt
run stty0 "stty -a >stty.0"
pane_fmt "$flags" >"$d/flags.0"
case $(cat "$d/flags.0") in
alt=0\ *) tui_ok "a shell in the pane: $(cat "$d/flags.0")" ;;
*) tui_fail "the shell should start on the normal screen" ;;
esac

echo "== 8. q"
mark q
mkdir "$d/home.q"
type_line "HOME=$d/home.q $bin 2>err.q; echo \$? >q.tmp; mv q.tmp q"
browser_up
case $(pane_fmt "$flags") in
alt=1\ mouse=1*) tui_ok "the browser is on the alternate screen, mouse on" ;;
*) tui_cap; tui_fail "the browser should use the alternate screen and the mouse: $(pane_fmt "$flags")" ;;
esac
keys j
expect_status 2/5
keys q
wait_file "$d/q" "$TUI_START_WAIT" && expect_prompt
expect_file_is "$d/q" 0
expect_empty_stderr "$d/err.q"
expect_restored q

# sig NAME STATUS HOW: run the browser under a known pid, end it with HOW
# (a command run here), check its status and the terminal.  (The status is
# asked for on a line of its own: an interactive shell drops the rest of a
# command line whose command died of SIGINT.)
sig() {
	echo "== 8. $1"
	mark "$1"
	mkdir "$d/home.$1"
	type_line "HOME=$d/home.$1 sh -c 'echo \$\$ >pid.$1; exec $bin 2>err.$1'"
	browser_up
	wait_file "$d/pid.$1"
	keys l
	expect_status 1/8
	eval "$3"
	expect_prompt
	run "$1.st" "echo \$? >$1"
	# The signal is raised again: the shell sees 128 + its number.
	expect_file_is "$d/$1" "$2"
	if kill -0 "$(cat "$d/pid.$1")" 2>/dev/null; then
		tui_fails=$((tui_fails + 1))
		echo "FAIL: the browser still runs after $1"
	fi
	expect_empty_stderr "$d/err.$1"
	expect_restored "$1"
}
sig SIGTERM 143 'kill -TERM "$(cat "$d/pid.SIGTERM")"'
sig SIGHUP 129 'kill -HUP "$(cat "$d/pid.SIGHUP")"'
sig SIGINT 130 'keys C-c'

echo "== 8. ^Z and fg"
mark z
mkdir "$d/home.z"
type_line "HOME=$d/home.z $bin 2>err.z"
browser_up
keys j
expect_status 2/5
keys C-z
expect_screen 'Stopped'
expect_prompt
run stop "stty -a >stty.stop"
expect_same "$d/stty.0" "$d/stty.stop" "stty -a while stopped"
pane_fmt "$flags" >"$d/flags.stop"
expect_same "$d/flags.0" "$d/flags.stop" "terminal flags while stopped"
type_line "fg; echo \$? >z.tmp; mv z.tmp z"
# Redrawn as it was, without a key.
expect_is 1 ' サイバーセキュリティ2018の全体概要  資料 2 - 3  平成30年7月25日'
expect_is 3 '+ 2. 国民が安全で安心して暮らせる社会の実現 (42)'
expect_is 12 '────────────────────────────────────────────────────────────────────────────────'
expect_status 2/5
case $(pane_fmt "$flags") in
alt=1\ mouse=1*) tui_ok "back on the alternate screen, mouse on" ;;
*) tui_cap; tui_fail "after fg the browser should have the alternate screen and the mouse again: $(pane_fmt "$flags")" ;;
esac
keys j
expect_status 3/5
keys q
wait_file "$d/z" "$TUI_START_WAIT" && expect_prompt
expect_file_is "$d/z" 0
expect_empty_stderr "$d/err.z"
expect_restored z

echo "== 10. not a terminal"
# want_usage NAME PATTERN: status 64, one line on standard error holding
# --dump and PATTERN.
want_usage() {
	expect_file_is "$d/$1" 64
	if [ "$(wc -l <"$d/err.$1")" -eq 1 ] &&
	    grep -q -- '--dump' "$d/err.$1" &&
	    grep -q -- "$2" "$d/err.$1"; then
		tui_ok "$1: $(cat "$d/err.$1")"
	else
		tui_fails=$((tui_fails + 1))
		echo "FAIL: $1: standard error should be one line with --dump and '$2':"
		cat "$d/err.$1"
	fi
}
run stdin "$bin </dev/null 2>err.stdin"
want_usage stdin 'needs a terminal'
type_line "{ $bin 2>err.stdout; echo \$? >stdout.tmp; } | cat >out.stdout; mv stdout.tmp stdout"
wait_file "$d/stdout" "$TUI_START_WAIT" && expect_prompt
want_usage stdout 'needs a terminal'
if [ -s "$d/out.stdout" ]; then
	tui_fails=$((tui_fails + 1))
	echo "FAIL: the browser wrote to a pipe:"
	od -c "$d/out.stdout" | head
else
	tui_ok "nothing written to the pipe"
fi
run termempty "TERM= $bin 2>err.termempty"
want_usage termempty 'TERM is not set'
run termunset "(unset TERM; exec $bin 2>err.termunset)"
want_usage termunset 'TERM is not set'
# (libtinfo's leak when newterm() fails is suppressed: see tests/tmux.sh.)
run termunknown "$tui_lsan_ncurses TERM=nosuchterm $bin 2>err.termunknown"
want_usage termunknown "terminal type 'nosuchterm'"
# Nothing of the browser reached the terminal.
expect_no_screen 'サイバー'
pane_fmt "$flags" >"$d/flags.10"
expect_same "$d/flags.0" "$d/flags.10" "terminal flags after the refusals"
run s10 "stty -a >stty.10"
expect_same "$d/stty.0" "$d/stty.10" "stty -a after the refusals"

type_line "exit"

echo "== 11. a hang-up that sends no SIGHUP"
# The terminal goes away, but no SIGHUP reaches the browser: it runs in a
# session of its own (setsid), so neither the kernel (which signals the
# terminal's session) nor tmux (which signals the pane's process group)
# tells it, and every read of the terminal ends at once.  It ends as on a
# SIGHUP (status 129), remembering its place, instead of spinning.
mkdir "$d/home.hup"
tui_open 80x24 "cd $d && $tui_env HOME=$d/home.hup LC_ALL=C.UTF-8 TERM=xterm-256color setsid -w sh -c 'echo \$\$ >pid.hup; $bin 2>err.hup; echo \$? >hup.tmp; mv hup.tmp hup'"
browser_up
keys j
expect_status 2/5
wait_file "$d/pid.hup"
T kill-server
if wait_file "$d/hup" "$TUI_START_WAIT"; then
	expect_file_is "$d/hup" 129
	if grep -q '^selected ' "$d"/home.hup/.local/state/shisaku/*.state \
	    2>/dev/null; then
		tui_ok "the place is remembered"
	else
		tui_fails=$((tui_fails + 1))
		echo "FAIL: no place remembered after the hang-up"
	fi
else
	# Still running: end it, so that nothing is left behind.
	pkill -KILL -P "$(cat "$d/pid.hup")"
fi
tui_done

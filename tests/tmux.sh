# Shared helpers for the end-to-end tests of the browser (tests/t_tui*.sh),
# in the style of tmux regress/: a private tmux server on its own socket
# (-L name$$ -f/dev/null), a detached session of a fixed size, keys sent
# with send-keys, the screen read back with capture-pane -p.
#
# Every wait polls capture-pane with a bounded timeout (TUI_WAIT seconds,
# default 5; sanitizer builds start slower, so the first screen gets
# TUI_START_WAIT, default 20): a test never hangs and never relies on a
# fixed sleep.  A failed check prints what was expected and the screen
# captured, counts the failure and goes on; tui_done exits non-zero when
# anything failed.  The servers, their sockets and the temporary directory
# are removed on exit.
#
# Sourced by sh (POSIX): no bash features.

bin=${SHISAKU:-build/shisaku}
case $bin in
/*) ;;
*) bin=$PWD/$bin ;;
esac
if [ ! -x "$bin" ]; then
	echo "FAIL: no browser binary at $bin (set SHISAKU)"
	exit 1
fi
if ! command -v tmux >/dev/null 2>&1; then
	echo "FAIL: tmux is needed for the end-to-end tests"
	exit 1
fi

# The scripts' own text tools read UTF-8 (as tests/run.sh pins it).
LC_ALL=C.UTF-8
export LC_ALL

TUI_WAIT=${TUI_WAIT:-5}
TUI_START_WAIT=${TUI_START_WAIT:-20}
tui_base=shisaku-tui$$
tui_n=0
tui_sock=$tui_base-0	# none yet: tui_open starts $tui_base-1
tui_tmp=$(mktemp -d "${TMPDIR:-/tmp}/shisaku-tui.XXXXXX") || exit 1
tui_fails=0
tui_checks=0

# The servers' sockets: tmux runs with TMUX_TMPDIR unset (see T below).
tui_sockdir=/tmp/tmux-$(id -u)

tui_cleanup() {
	i=1
	while [ "$i" -le "$tui_n" ]; do
		tmux -L "$tui_base-$i" -f/dev/null kill-server >/dev/null 2>&1
		rm -f "$tui_sockdir/$tui_base-$i"
		i=$((i + 1))
	done
	rm -rf "$tui_tmp"
}
trap tui_cleanup EXIT
trap 'exit 2' HUP INT PIPE TERM

# The environment every program in a pane starts from: nothing inherited
# but PATH, the locale pinned (widths depend on it), sanitizer options
# passed through, HOME a scratch directory so that no rc file is read.
tui_env="env -i PATH=$PATH HOME=$tui_tmp"
for v in ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS; do
	eval "val=\${$v-}"
	[ -n "$val" ] && tui_env="$tui_env $v=$val"
done

# Leaks that are ncurses' own, for the few runs that meet them: when
# newterm() fails (an unknown TERM) libtinfo keeps the SCREEN it allocated
# in new_prescr; under TERM=linux, mousemask() has ncurses dlopen libgpm,
# whose Gpm_Open keeps the name of the console it tried (10 bytes,
# "/dev/tty0").  LeakSanitizer would report them and make the status 1;
# a run given $tui_lsan_ncurses has exactly these suppressed, and any
# other leak still fails it.  (libgpm has no frame pointers: the slow
# unwinder is needed to see mousemask_sp in the stack of its malloc.)
printf '%s\n' 'leak:new_prescr' 'leak:mousemask_sp' >"$tui_tmp/lsan.supp"
tui_lsan_ncurses="LSAN_OPTIONS=suppressions=$tui_tmp/lsan.supp:print_suppressions=0"
tui_lsan_ncurses="$tui_lsan_ncurses ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}fast_unwind_on_malloc=0"

# T ARGS...: run a tmux command on the private server.  tmux itself runs
# with a pinned UTF-8 locale, outside any enclosing tmux.
T() {
	env -i PATH="$PATH" LC_ALL=C.UTF-8 TERM=xterm-256color \
	    tmux -L "$tui_sock" -f/dev/null "$@"
}

# tui_sleep: one polling step, 0.05 s (1 s where sleep takes only whole
# seconds).
if sleep 0.01 2>/dev/null; then
	tui_step=0.05 tui_per_sec=20
else
	tui_step=1 tui_per_sec=1
fi
tui_sleep() {
	sleep "$tui_step"
}

# tui_steps SECONDS: how many polling steps that is.
tui_steps() {
	echo $(($1 * tui_per_sec))
}

# tui_open WIDTHxHEIGHT COMMAND: start the session "main" of that size
# running COMMAND (a shell command line) on a new server (the previous one
# is killed; a socket is never reused, as a new client could reach the old
# server while it exits); the pane stays when the command ends
# (remain-on-exit), so that a crash can be seen and its status read.
tui_open() {
	T kill-server >/dev/null 2>&1
	tui_n=$((tui_n + 1))
	tui_sock=$tui_base-$tui_n
	tui_w=${1%x*}
	tui_h=${1#*x}
	T set -g remain-on-exit on \; set -g default-shell /bin/sh \; \
	    new -d -x "$tui_w" -y "$tui_h" -s main "$2"
}

# tui_start [WIDTHxHEIGHT [VAR=VALUE...]]: open the browser (default 80x24,
# TERM=xterm-256color, LC_ALL=C.UTF-8; VAR=VALUE override or add to the
# environment) with its standard error in $tui_tmp/stderr, and wait for the
# first screen (the status row shows a position).  Each run has a HOME of
# its own, empty: nothing a run leaves there reaches the next.
tui_start() {
	size=${1:-80x24}
	[ $# -gt 0 ] && shift
	home=$tui_tmp/home.$((tui_n + 1))
	mkdir -p "$home"
	tui_open "$size" "$tui_env HOME=$home LC_ALL=C.UTF-8 TERM=xterm-256color $* $bin 2>$tui_tmp/stderr"
	tui_wait_re "$TUI_START_WAIT" '$' ' [0-9]+/[0-9]+' ||
	    tui_fail "the browser did not start ($*)"
}

# tui_cap: capture the screen into $tui_tmp/screen.
tui_cap() {
	T capture-pane -p -t main >"$tui_tmp/screen" 2>/dev/null
}

# tui_row ROW: the row of the last capture (1-based, or $ for the last).
tui_row() {
	sed -n "$1p" "$tui_tmp/screen"
}

# tui_show: print the last capture with row numbers.
tui_show() {
	echo "---- screen (${tui_w}x$tui_h) ----"
	awk '{ printf "%2d|%s\n", NR, $0 }' "$tui_tmp/screen"
	echo "----"
	if tui_ended; then
		echo "(the program in the pane has ended: $tui_end)"
	fi
}

# tui_fail WHAT: count a failure and show the screen.
tui_fail() {
	tui_fails=$((tui_fails + 1))
	echo "FAIL: $1"
	tui_show
	return 1
}

# tui_ok WHAT: note a passing check.
tui_ok() {
	tui_checks=$((tui_checks + 1))
	echo "ok: $1"
}

# tui_poll SECONDS CMD...: capture until CMD (run on the capture) succeeds.
tui_poll() {
	tui_left=$(tui_steps "$1")
	shift
	while :; do
		tui_cap
		"$@" && return 0
		tui_left=$((tui_left - 1))
		[ "$tui_left" -le 0 ] && return 1
		tui_sleep
	done
}

tui_has_row_E() { tui_row "$1" | grep -qE -- "$2"; }
tui_has_F() { grep -qF -- "$1" "$tui_tmp/screen"; }
tui_lacks_F() { ! grep -qF -- "$1" "$tui_tmp/screen"; }
tui_is_row() { [ "$(tui_row "$1")" = "$2" ]; }

# tui_wait_re SECONDS ROW RE: wait (quietly) for ROW to match RE.
tui_wait_re() {
	tui_poll "$1" tui_has_row_E "$2" "$3"
}

# expect_re ROW RE: wait until ROW matches the extended regex RE.
expect_re() {
	if tui_poll "$TUI_WAIT" tui_has_row_E "$1" "$2"; then
		tui_ok "row $1 matches /$2/"
	else
		tui_fail "row $1 should match /$2/"
	fi
}

# expect_is ROW LINE: wait until ROW is exactly LINE (trailing blanks are
# not captured).
expect_is() {
	if tui_poll "$TUI_WAIT" tui_is_row "$1" "$2"; then
		tui_ok "row $1 is '$2'"
	else
		tui_fail "row $1 should be exactly '$2'"
	fi
}

# expect_screen TEXT: wait until some row holds TEXT.
expect_screen() {
	if tui_poll "$TUI_WAIT" tui_has_F "$1"; then
		tui_ok "screen has '$1'"
	else
		tui_fail "the screen should hold '$1'"
	fi
}

# expect_no_screen TEXT: wait until no row holds TEXT.
expect_no_screen() {
	if tui_poll "$TUI_WAIT" tui_lacks_F "$1"; then
		tui_ok "screen lacks '$1'"
	else
		tui_fail "the screen should not hold '$1'"
	fi
}

# expect_status POS: the status row shows the position POS (e.g. 3/107).
expect_status() {
	expect_re '$' " $1( |\$)"
}

# expect_path PATH: the status row starts with the path PATH.
expect_path() {
	expect_re '$' "^ $1 +[0-9]+/[0-9]+"
}

tui_same_as() { cmp -s "$tui_tmp/screen" "$1"; }

# expect_golden FILE: wait until the whole screen is exactly FILE.
expect_golden() {
	if tui_poll "$TUI_WAIT" tui_same_as "$1"; then
		tui_ok "screen is $1"
	else
		tui_fail "the screen should be $1; difference (- want, + got):"
		diff -u "$1" "$tui_tmp/screen" | sed 1,2d
	fi
}

# keys ARGS...: send keys (tmux key names) to the pane.
keys() {
	T send-keys -t main "$@"
}

# type_line TEXT: type a command line into a shell in the pane and run it.
type_line() {
	T send-keys -t main -l "$1"
	T send-keys -t main Enter
}

# mouse BUTTON X Y [M|m]: an xterm SGR (1006) mouse event at the 1-based
# cell (X, Y): M a press (the default), m a release.
mouse() {
	T send-keys -t main -l "$(printf '\033[<%d;%d;%d%s' "$1" "$2" "$3" \
	    "${4:-M}")"
}

# click X Y: press and release button 1 at the 1-based cell (X, Y).
click() {
	mouse 0 "$1" "$2" M
	mouse 0 "$1" "$2" m
}

# pane_fmt FORMAT: a tmux format of the pane (e.g. '#{alternate_on}').
pane_fmt() {
	T display -p -t main "$1" 2>/dev/null
}

tui_alive() { [ "$(pane_fmt '#{pane_dead}')" = 0 ]; }

# tui_ended: the program in the pane has ended and tmux has its status;
# $tui_end is "exit N" or "signal N".  tmux marks the pane dead when its
# pty closes and learns the status when it reaps the child on SIGCHLD.
# Here tmux 3.3a was seen, one run in three, never to reap it (the child
# stays a zombie, pane_dead_status stays empty); a dead pane without a
# status gets the server poked with a SIGCHLD of our own, and it reaps.
tui_ended() {
	tui_end=$(pane_fmt '#{pane_dead}:#{pane_dead_status}:#{pane_dead_signal}')
	case $tui_end in
	1:*:?*) tui_end="signal ${tui_end##*:}" ;;
	1:?*:) tui_end=${tui_end#1:}; tui_end="exit ${tui_end%:}" ;;
	1::)
		kill -CHLD "$(T display -p '#{pid}')" 2>/dev/null
		tui_end=
		return 1
		;;
	*) tui_end=; return 1 ;;
	esac
}

# expect_alive: the program in the pane is still running.
expect_alive() {
	if tui_alive; then
		tui_ok "still running"
	else
		tui_cap
		tui_fail "the program in the pane should still run"
	fi
}

# expect_exit HOW: wait until the program in the pane has ended, HOW being
# "exit N" or "signal N".
expect_exit() {
	if tui_poll "$TUI_WAIT" tui_ended; then
		if [ "$tui_end" = "$1" ]; then
			tui_ok "ended: $1"
		else
			tui_fail "ended with $tui_end, want $1"
		fi
	else
		tui_fail "the program should have ended ($1)"
	fi
}

# expect_empty_stderr [FILE]: the browser wrote nothing to standard error
# (under the sanitizers: no report, no leak).
expect_empty_stderr() {
	f=${1:-$tui_tmp/stderr}
	if [ -s "$f" ]; then
		tui_fails=$((tui_fails + 1))
		echo "FAIL: the browser wrote to standard error:"
		sed 's/^/  /' "$f"
	else
		tui_ok "nothing on standard error"
	fi
}

# wait_file FILE [SECONDS]: wait until FILE exists (commands typed into a
# shell in the pane create their results atomically with mv).
wait_file() {
	tui_left=$(tui_steps "${2:-$TUI_WAIT}")
	while [ ! -e "$1" ]; do
		tui_left=$((tui_left - 1))
		if [ "$tui_left" -le 0 ]; then
			tui_cap
			tui_fail "$1 was not written"
			return 1
		fi
		tui_sleep
	done
	return 0
}

# tui_quit: press q and check the browser ended cleanly.
tui_quit() {
	keys q
	expect_exit "exit 0"
	expect_empty_stderr
}

# tui_done: report and exit.
tui_done() {
	echo "$tui_checks checks passed, $tui_fails failed"
	[ "$tui_fails" -eq 0 ] || exit 1
	exit 0
}

# --- screen attributes (capture-pane -e), for the search and views suites

# sgr_runs ROW: ROW of the last capture with attributes ($tui_tmp/escreen)
# as runs of one attribute each, one a line: "ATTRS<TAB>TEXT", ATTRS being
# "fg=C bg=C" (an SGR colour number, - for the default) and any of bold,
# dim, italic, underline, reverse.  Adjacent runs always differ in ATTRS.
sgr_awk='
function reset() { fg = "-"; bg = "-"; bo = 0; dm = 0; it = 0; ul = 0; rv = 0 }
function key() {
	return "fg=" fg " bg=" bg (bo ? " bold" : "") (dm ? " dim" : "") \
	    (it ? " italic" : "") (ul ? " underline" : "") (rv ? " reverse" : "")
}
function flush() {
	if (txt == "")
		return
	if (n > 0 && k[n] == cur)
		t[n] = t[n] txt
	else {
		n++
		k[n] = cur
		t[n] = txt
	}
	txt = ""
}
{
	reset()
	cur = key()
	s = $0
	n = 0
	txt = ""
	while ((i = index(s, "\033[")) > 0) {
		txt = txt substr(s, 1, i - 1)
		s = substr(s, i + 2)
		j = match(s, /[@-~]/)
		if (j == 0) {
			s = ""
			break
		}
		fin = substr(s, j, 1)
		p = substr(s, 1, j - 1)
		s = substr(s, j + 1)
		if (fin != "m")
			continue
		flush()
		if (p == "")
			p = "0"
		np = split(p, a, ";")
		for (x = 1; x <= np; x++) {
			v = a[x] + 0
			if (v == 0) reset()
			else if (v == 1) bo = 1
			else if (v == 2) dm = 1
			else if (v == 3) it = 1
			else if (v == 4) ul = 1
			else if (v == 7) rv = 1
			else if (v == 22) { bo = 0; dm = 0 }
			else if (v == 23) it = 0
			else if (v == 24) ul = 0
			else if (v == 27) rv = 0
			else if ((v >= 30 && v <= 37) || (v >= 90 && v <= 97)) fg = v
			else if (v == 39) fg = "-"
			else if ((v >= 40 && v <= 47) || (v >= 100 && v <= 107)) bg = v
			else if (v == 49) bg = "-"
			else if (v == 38 || v == 48) {
				c = ""
				if (a[x + 1] == 5) { c = a[x + 2]; x += 2 }
				else if (a[x + 1] == 2) {
					c = a[x + 2] "," a[x + 3] "," a[x + 4]
					x += 4
				}
				if (v == 38) fg = "c" c
				else bg = "c" c
			}
		}
		cur = key()
	}
	txt = txt s
	flush()
	for (x = 1; x <= n; x++)
		print k[x] "\t" t[x]
}'
tui_cap_e() {
	T capture-pane -e -p -t main >"$tui_tmp/escreen" 2>/dev/null
}
sgr_runs() {
	sed -n "$1p" "$tui_tmp/escreen" | awk "$sgr_awk"
}

# tui_set_off ROW TEXT ATTRS: in ROW a run is exactly TEXT, its attributes
# match the extended regex ATTRS, and the runs around it differ.
tui_set_off() {
	tui_cap_e
	sgr_runs "$1" | awk -F '	' -v want="$2" -v re="$3" '
	    { k[NR] = $1; t[NR] = $2 }
	    END {
		for (i = 1; i <= NR; i++)
			if (t[i] == want && k[i] ~ re &&
			    (i == 1 || k[i - 1] != k[i]) &&
			    (i == NR || k[i + 1] != k[i]))
				exit 0
		exit 1
	    }'
}

# tui_in_run ROW TEXT ATTRS: in ROW a run holds TEXT and its attributes
# match ATTRS.
tui_in_run() {
	tui_cap_e
	sgr_runs "$1" | awk -F '	' -v want="$2" -v re="$3" '
	    index($2, want) > 0 && $1 ~ re { found = 1 }
	    END { exit !found }'
}

# expect_set_off ROW TEXT ATTRS: wait until TEXT is set off in ROW.
expect_set_off() {
	if tui_poll "$TUI_WAIT" tui_set_off "$1" "$2" "$3"; then
		tui_ok "row $1: '$2' set off in /$3/"
	else
		tui_fail "row $1: '$2' should be a run of its own in /$3/"
		echo "runs of row $1 (attributes, text):"
		sgr_runs "$1" | sed 's/^/  /'
	fi
}

# expect_selected ROW TEXT: wait until ROW shows TEXT in reverse video
# (the selection in the tree).
expect_selected() {
	if tui_poll "$TUI_WAIT" tui_in_run "$1" "$2" 'reverse'; then
		tui_ok "row $1: '$2' is selected"
	else
		tui_fail "row $1 should be selected, showing '$2'"
		echo "runs of row $1 (attributes, text):"
		sgr_runs "$1" | sed 's/^/  /'
	fi
}

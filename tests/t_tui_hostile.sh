#!/bin/sh
# Terminal safety in the browser, proven in tmux: documents whose every
# text tries to set the window title (OSC 0/2), rename the tmux window
# (ESC k), set the clipboard (OSC 52), clear the screen, move the cursor,
# fill the screen (DECALN), reset the terminal (RIS), set a scroll region,
# leave the alternate screen, or uses C1 controls and bidi overrides.  With
# every entry expanded, shown in the pane, zoomed and searched, none of it
# happens: the pane's title and the window's name stay, tmux holds no
# paste buffer, the screen stays alternate with its whole scroll region,
# the layout (tree, rule, status row) is intact, and the text shows
# visibly (^[, <U+009B>).
. tests/tmux.sh

# hostile_start FILE [WIDTHxHEIGHT]: open the browser on FILE, with tmux
# accepting clipboard writes and window renaming from the application (so
# that an OSC 52 or ESC k that got through would show), and wait for the
# first screen.
hostile_start() {
	tui_open "${2:-80x24}" "$tui_env LC_ALL=C.UTF-8 TERM=xterm-256color \
	    $bin $PWD/$1 2>$tui_tmp/stderr"
	T set -g set-clipboard on \; set -g allow-rename on
	tui_wait_re "$TUI_START_WAIT" '$' ' [0-9]+/[0-9]+' ||
	    tui_fail "the browser did not start on $1"
	host=$(pane_fmt '#{host}')
	rows=$(pane_fmt '#{pane_height}')
}

# expect_untouched WHEN: nothing a hostile text asks for has happened.
expect_untouched() {
	t=$(pane_fmt '#{pane_title}')
	if [ "$t" = "$host" ]; then
		tui_ok "$1: pane title unchanged ($t)"
	else
		tui_fail "$1: the pane title became '$t' (was '$host')"
	fi
	w=$(pane_fmt '#{window_name}')
	case $w in
	*pwned*) tui_fail "$1: the window was renamed '$w'" ;;
	*) tui_ok "$1: window name unchanged ($w)" ;;
	esac
	b=$(T list-buffers 2>/dev/null)
	if [ -z "$b" ]; then
		tui_ok "$1: no clipboard (paste buffer) set"
	else
		tui_fail "$1: a paste buffer was set: $b"
	fi
	a=$(pane_fmt '#{alternate_on} #{scroll_region_upper}-#{scroll_region_lower}')
	if [ "$a" = "1 0-$((rows - 1))" ]; then
		tui_ok "$1: alternate screen on, whole scroll region"
	else
		tui_fail "$1: alternate screen/scroll region became '$a'"
	fi
	tui_cap
	if grep -q 'EEEEEEEEEE' "$tui_tmp/screen"; then
		tui_fail "$1: the screen was filled (DECALN)"
	else
		tui_ok "$1: the screen was not filled"
	fi
	expect_re '$' ' [0-9]+/[0-9]+ '
	expect_alive
}

echo "== 1. tests/data/hostile-tui.yaml at 80x24"
hostile_start tests/data/hostile-tui.yaml
expect_untouched start
expect 1 'T^[]0;pwned-title^G^[]2;pwned-title2^[\^[kpwned-window^[\X'
expect_is 2 '+ 1. N1^[[2J^[[H^[[5;10r^[#8 (1)'
expect_is 3 '+ 2. N2^[[10;10H^[[1K^[[3J^[P+q544e^[\ (1)'
expect_is 12 ────────────────────────────────────────────────────────────────────────────────
keys E
expect_is 3 '└─・M1^[c^[[?1049l^[[?25l^G<U+009B>2J<U+202E>evil'
expect_is 5 '└─・M2^[[?1000h^[[?1006h^[[?2004h^[[8m'
expect_screen '【^[]8;;http://evil/^GA^[]8;;^G】'
expect_untouched expanded
# Every entry in the pane, then the pane zoomed, then the help.
keys j
expect_screen ' ・M1^[c^[[?1049l^[[?25l^G<U+009B>2J<U+202E>evil'
keys j j
expect_screen ' 2. N2^[[10;10H^[[1K^[[3J^[P+q544e^[\'
keys j
expect_screen '【<U+009D>0;c1-title<U+009C>】'
expect_untouched 'all entries'
keys z
expect_screen '【<U+009D>0;c1-title<U+009C>】'
expect_untouched zoomed
keys z ?
expect_untouched help
keys q
# A search for the hostile text highlights it and stays safe.
keys /
T send-keys -t main -l 'evil'
keys Enter
expect_re '$' 'match 1/[0-9]+'
expect_untouched search
keys C-l
expect_untouched redrawn
tui_quit
expect_untouched_after_exit() {
	t=$(pane_fmt '#{pane_title}')
	[ "$t" = "$host" ] && tui_ok "after exit: pane title unchanged" ||
	    tui_fail "after exit: the pane title became '$t'"
	a=$(pane_fmt '#{alternate_on}')
	[ "$a" = 0 ] && tui_ok "after exit: alternate screen left" ||
	    tui_fail "after exit: still on the alternate screen"
}
expect_untouched_after_exit

echo "== 2. tests/data/hostile.yaml and hostile-fields.yaml at 100x30"
for f in tests/data/hostile.yaml tests/data/hostile-fields.yaml; do
	hostile_start "$f" 100x30
	expect_untouched "$f start"
	keys E
	keys G
	keys g
	keys Tab
	keys Space
	expect_untouched "$f expanded"
	tui_quit
	expect_untouched_after_exit
done
expect_no_screen 'EEEEEEEE'

tui_done

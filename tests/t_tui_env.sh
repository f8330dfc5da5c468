#!/bin/sh
# The browser under several terminal types (the same start screen; the
# tree guides as line drawing, or as ASCII on a terminal without it), with
# and without colour (NO_COLOR), and under a locale that is not UTF-8 (it
# switches LC_CTYPE to C.UTF-8 itself: the same screen, widths and all).
. tests/tmux.sh

d=$tui_tmp

# colours: whether the screen has colours set (capture-pane -e).
colours() {
	T capture-pane -p -e -t main | grep -qE '\[([0-9;]*;)?(3[0-7]|4[0-7]|[34]8;5;[0-9]+)m'
}
nocolours() { ! colours; }

# guides TERM: the start screen, then everything expanded
# with its guides in line drawing (or ASCII).  (Under TERM=linux ncurses
# loads libgpm, which leaks: suppressed, see tests/tmux.sh.)
guides() {
	echo "== 9. TERM=$1"
	tui_start 80x24 "TERM=$1" "$tui_lsan_ncurses"
	expect_golden tests/data/tui-start.screen
	keys E
	expect_status 1/107
	expect_re 3 '^(├─|\|-)- 1\.1 新たな価値創出を支えるサイバーセキュリティの推進$'
	expect_re 4 '^(│|\|) (├─|\|-)- \(1\) 経営層の意識改革$'
	expect_re 5 '^(│|\|) (│|\|) (└─|`-)・官民の連携による'
	tui_quit
}

for t in xterm-256color screen tmux-256color linux vt100; do
	if infocmp "$t" >/dev/null 2>&1; then
		guides "$t"
	else
		echo "FAIL: no terminfo entry for $t"
		tui_fails=$((tui_fails + 1))
	fi
done

echo "== 9. a terminal without line drawing: ASCII guides"
# xterm-256color without acsc (and smacs/rmacs, from which tic would make
# one up), compiled into a private terminfo directory.
infocmp -x xterm-256color | sed -e 's/acsc=[^,]*,//' \
    -e 's/[sr]macs=[^,]*,//g' \
    -e 's/^xterm-256color|[^,]*,/xterm-ascii|xterm-256color without line drawing,/' \
    >"$d/ascii.src"
mkdir "$d/terminfo"
if tic -x -o "$d/terminfo" "$d/ascii.src" 2>"$d/tic.err"; then
	tui_start 80x24 TERMINFO="$d/terminfo" TERM=xterm-ascii
	expect_is 2 '+ 1. 経済社会の活力の向上及び持続的発展 (18)'
	expect_is 6 '+ 5. 推進体制 (1)'
	expect_is 12 '--------------------------------------------------------------------------------'
	expect_is '$' ' 1.                                       1/5  ?:help  Tab:pane  z:zoom  q:quit'
	keys E
	expect_status 1/107
	expect_is 3 '|-- 1.1 新たな価値創出を支えるサイバーセキュリティの推進'
	expect_is 4 '| |-- (1) 経営層の意識改革'
	expect_re 5 '^\| \| `-・官民の連携による'
	expect_is 9 '|   `-・セキュリティ製品、サービスの有効性検証、レーティングを実施できる環境整 …'
	tui_quit
else
	echo "FAIL: tic could not compile a terminfo entry:"
	cat "$d/tic.err"
	tui_fails=$((tui_fails + 1))
fi

echo "== 9. colour, and NO_COLOR"
tui_start 80x24
expect_golden tests/data/tui-start.screen
if tui_poll "$TUI_WAIT" colours; then
	tui_ok "colours by default"
else
	tui_fail "the screen should have colours under xterm-256color"
fi
tui_quit
tui_start 80x24 NO_COLOR=1
expect_golden tests/data/tui-start.screen
if tui_poll "$TUI_WAIT" nocolours; then
	tui_ok "no colours under NO_COLOR=1"
else
	tui_fail "NO_COLOR=1: the screen should have no colours"
	T capture-pane -p -e -t main | cat -v
fi
keys E
expect_status 1/107
expect_is 3 '├─- 1.1 新たな価値創出を支えるサイバーセキュリティの推進'
keys '?'
expect_is 2 ' Keys (q or Esc to close, j/k to scroll)'
keys q
expect_status 1/107
tui_quit
# An empty NO_COLOR is as if it were not set.
tui_start 80x24 NO_COLOR=
if tui_poll "$TUI_WAIT" colours; then
	tui_ok "colours under an empty NO_COLOR"
else
	tui_fail "NO_COLOR= (empty): the screen should have colours"
fi
tui_quit

echo "== 9. a locale that is not UTF-8"
for l in 'LC_ALL=C' 'LC_ALL=POSIX' 'LC_ALL= LANG=C' 'LC_ALL= LANG= LC_CTYPE=C'; do
	echo "-- $l"
	# shellcheck disable=SC2086 # the words are separate assignments
	tui_start 80x24 $l
	expect_golden tests/data/tui-start.screen
	keys j l j j l j j
	expect_path '2\. › 2\.2 › \(2\)'
	expect_is 16 ' ・地方公共団体職員を対象とした集合研修・eラーニングを実施、セキュリティポリシー'
	tui_quit
done

tui_done

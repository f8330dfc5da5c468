#!/bin/sh
# The remembered place (issue 9) and copying (y and Y), at 80x24: the state
# file under $XDG_STATE_HOME/shisaku written on quit and restored on start
# (selection, expanded branches, marks, the search), marks ('a, ''),
# --no-state, corrupt, truncated, empty and foreign state files ignored
# with one line in the status row, two browsers quitting at once; y and Y
# copying with OSC 52 into tmux's buffer (set-clipboard on), and a hostile
# document's title copied with no control character.
. tests/tmux.sh

# Every run here gets this XDG_STATE_HOME (each has its own HOME as well).
state=$tui_tmp/state
sdir=$state/shisaku
golden=$PWD/tests/data/tui-start.screen

# start_args SIZE ARGS [VAR=VALUE...]: tui_start with ARGS after the program.
start_args() {
	sa_size=$1 sa_args=$2
	shift 2
	sa_bin=$bin
	bin="$bin $sa_args"
	tui_start "$sa_size" "$@"
	bin=$sa_bin
}

# state_files: the files in the state folder, one a line.
state_files() {
	ls -A "$sdir" 2>/dev/null
}

# expect_valid_state FILE: FILE is a whole state file of this document.
expect_valid_state() {
	if [ "$(sed -n 1p "$1")" = 'shisaku-state 1' ] &&
	    [ "$(sed -n '$p' "$1")" = end ] &&
	    [ "$(sed -n 2p "$1")" = "$doc_line" ]; then
		tui_ok "$(basename "$1") is a whole state file of the document"
	else
		tui_fails=$((tui_fails + 1))
		echo "FAIL: $1 should be a whole state file ($doc_line):"
		sed 's/^/  /' "$1"
	fi
}

# expect_rows_golden FIRST LAST: rows FIRST-LAST are those of the start
# screen.
tui_rows_golden() {
	sed -n "$1,$2p" "$tui_tmp/screen" >"$tui_tmp/rows.got"
	sed -n "$1,$2p" "$golden" | cmp -s - "$tui_tmp/rows.got"
}
expect_rows_golden() {
	if tui_poll "$TUI_WAIT" tui_rows_golden "$1" "$2"; then
		tui_ok "rows $1-$2 are the start screen's"
	else
		tui_fail "rows $1-$2 should be the start screen's; difference" \
		    "(- want, + got):"
		sed -n "$1,$2p" "$golden" | diff -u - "$tui_tmp/rows.got" |
		    sed 1,2d
	fi
}

echo "== 9. the place is saved on quit"
tui_start 80x24 XDG_STATE_HOME="$state"
# Open 1., 1.1 and 1.1 (1) and select its measure; mark it a.
keys l l l l l l
expect_re '$' '^ 1\. › 1\.1 › \(1\) › ・1 +4/12 '
keys m a
expect_re '$' '^ mark a set +4/12 '
# Search: CSIRT lies in 2.2 (2), which opens.
keys /
expect_is '$' '/'
T send-keys -t main -l csirt
expect_is '$' '/csirt'
keys Enter
expect_re '$' '^ 2\. › 2\.2 › \(2\) › ・2 +match 1/1 +15/23 '
# Select the other measure of 2.2 (2): the selection is off the match.
keys k
expect_re '$' '^ 2\. › 2\.2 › \(2\) › ・1 +1 match +14/23 '
tui_cap
before=$(tui_row '$')
tui_quit
files=$(state_files)
case $files in
*.state)
	if [ "$(state_files | wc -l)" -eq 1 ]; then
		tui_ok "one state file: $files"
	else
		tui_fails=$((tui_fails + 1))
		echo "FAIL: there should be one state file in $sdir:"
		echo "$files"
	fi
	;;
*)
	tui_fails=$((tui_fails + 1))
	echo "FAIL: no state file in $sdir (${files:-empty})"
	;;
esac
sfile=$sdir/$(state_files | head -n 1)
doc_line=document\ ${files%.state}
expect_valid_state "$sfile"
if grep -qx 'search csirt' "$sfile" && grep -q '^mark a ' "$sfile"; then
	tui_ok "the search and the mark are in the file"
else
	tui_fails=$((tui_fails + 1))
	echo "FAIL: the state file should hold the search and mark a:"
	sed 's/^/  /' "$sfile"
fi

echo "== 9. ... and restored on start"
tui_start 80x24 XDG_STATE_HOME="$state"
# The same selection, the same rows expanded (23 of them), the search
# ("1 match": the selection is off it).  The tree may be scrolled
# otherwise: it only keeps the selection in view.
expect_is '$' "$before"
expect_screen '│ └─- (2) 地方公共団体のセキュリティ強化・充実'
expect_screen '├─+ 1.2 多様なつながりから価値を生み出すサプライチェーンの実現 (5)'
keys n
expect_re '$' '^ 2\. › 2\.2 › \(2\) › ・2 +match 1/1 +15/23 '
# The mark: 'a jumps to it, '' goes back.
keys "'" a
expect_re '$' '^ 1\. › 1\.1 › \(1\) › ・1 +1 match +4/23 '
keys "'" "'"
expect_re '$' '^ 2\. › 2\.2 › \(2\) › ・2 +match 1/1 +15/23 '
keys "'" b
expect_re '$' '^ mark b is not set '
tui_quit
expect_valid_state "$sfile"
cp "$sfile" "$tui_tmp/saved.state"

echo "== 9. --no-state neither restores nor saves"
start_args 80x24 --no-state XDG_STATE_HOME="$state"
expect_golden "$golden"
keys j j m c
expect_re '$' '^ mark c set +3/5 '
tui_quit
if cmp -s "$sfile" "$tui_tmp/saved.state" &&
    [ "$(state_files | wc -l)" -eq 1 ]; then
	tui_ok "--no-state left the state file alone"
else
	tui_fails=$((tui_fails + 1))
	echo "FAIL: --no-state should not write the state file:"
	state_files
	diff "$tui_tmp/saved.state" "$sfile"
fi
start_args 80x24 --no-state XDG_STATE_HOME="$tui_tmp/state-none"
expect_golden "$golden"
keys j
expect_status 2/5
tui_quit
if [ ! -e "$tui_tmp/state-none" ]; then
	tui_ok "--no-state created nothing"
else
	tui_fails=$((tui_fails + 1))
	echo "FAIL: --no-state should create nothing:"
	find "$tui_tmp/state-none"
fi

echo "== 9. corrupt, truncated, empty and foreign state files are ignored"
# bad_state NAME REASON: start on the state file as it is now; the start
# screen with one line in the status row, the reason seen when the
# window is wide enough; then the browser works as usual.
bad_state() {
	tui_start 80x24 XDG_STATE_HOME="$state"
	expect_rows_golden 1 23
	expect_re '$' '^ ignored /.*  1/5  \?:help'
	T resize-window -t main -x 200 -y 24
	expect_re '$' "^ ignored $sfile: $2 +1/5 "
	T resize-window -t main -x 80 -y 24
	keys j
	expect_re '$' '^ 2\. +2/5 '
	tui_quit
}
printf 'garbage\n\001\377 not a state\n' >"$sfile"
echo "-- $sfile: garbage"
bad_state garbage 'not a shisaku state file'
sed '$d' "$tui_tmp/saved.state" >"$sfile"
echo "-- its last line removed"
bad_state truncated 'it is truncated'
: >"$sfile"
echo "-- empty"
bad_state empty 'it is empty'
sed '2s/.*/document 0123456789abcdef/' "$tui_tmp/saved.state" >"$sfile"
echo "-- another document's hash"
bad_state foreign "it is another document's"
# Cut in the middle of a line.
head -c 40 "$tui_tmp/saved.state" >"$sfile"
echo "-- cut in a line"
bad_state cut 'line [0-9]+ is cut short'
# Each run saved a whole file in place of the bad one.
expect_valid_state "$sfile"

echo "== 9. two browsers quitting at the same moment leave a valid file"
# two_status: the status row of the second browser (session "two").
two_row() {
	T capture-pane -p -t two 2>/dev/null | sed -n '$p'
}
tui_two_at() {
	two_row | grep -qE -- "$1"
}
two_dead() {
	[ "$(T display -p -t two '#{pane_dead}' 2>/dev/null)" = 1 ]
}
round=1
while [ "$round" -le 3 ]; do
	tui_start 80x24 XDG_STATE_HOME="$state"
	keys C g j j
	expect_re '$' '^ 3\. +3/5 '
	home2=$tui_tmp/home.two.$round
	mkdir -p "$home2"
	T new -d -s two -x 80 -y 24 "$tui_env HOME=$home2 LC_ALL=C.UTF-8 TERM=xterm-256color XDG_STATE_HOME=$state $bin 2>$tui_tmp/stderr.two"
	if tui_poll "$TUI_START_WAIT" tui_two_at ' [0-9]+/[0-9]+'; then
		T send-keys -t two C g j j j
		if tui_poll "$TUI_WAIT" tui_two_at '^ 4\. +4/5 '; then
			tui_ok "the second browser is on 4."
		else
			tui_fail "the second browser should be on 4.: $(two_row)"
		fi
	else
		tui_fail "the second browser did not start: $(two_row)"
	fi
	# q to both in one tmux command: the same moment.
	T send-keys -t main q \; send-keys -t two q
	expect_exit "exit 0"
	expect_empty_stderr
	if tui_poll "$TUI_WAIT" two_dead; then
		tui_ok "the second browser ended: $(T display -p -t two \
		    '#{pane_dead_status}')"
	else
		tui_fail "the second browser should have ended"
	fi
	expect_empty_stderr "$tui_tmp/stderr.two"
	if [ "$(state_files)" = "$(basename "$sfile")" ]; then
		tui_ok "one state file, no temporary file left"
	else
		tui_fails=$((tui_fails + 1))
		echo "FAIL: $sdir should hold only $(basename "$sfile"):"
		state_files
	fi
	expect_valid_state "$sfile"
	# Reopened: one of the two places.
	tui_start 80x24 XDG_STATE_HOME="$state"
	expect_re '$' '^ (3\. +3/5|4\. +4/5) '
	tui_quit
	round=$((round + 1))
done

echo "== y and Y copy with OSC 52 (tmux set-clipboard on)"
# expect_buffer TEXT: tmux's newest paste buffer is TEXT.
tui_buffer_is() {
	[ "$(T show-buffer 2>/dev/null)" = "$1" ]
}
expect_buffer() {
	if tui_poll "$TUI_WAIT" tui_buffer_is "$1"; then
		tui_ok "copied '$1'"
	else
		tui_fail "'$1' should have been copied, not '$(T show-buffer \
		    2>&1)'"
	fi
}
start_args 80x24 --no-state
T set -g set-clipboard on
keys j l j j l j j l j j
expect_re '$' '^ 2\. › 2\.2 › \(2\) › ・2 +8/16 '
keys y
expect_buffer '緊急時対応訓練の支援及びCSIRT※1の連携組織の設立'
expect_re '$' '^ copied the text: 緊急時対応訓練の'
keys Y
expect_buffer '2. › 2.2 › (2) › ・2'
expect_re '$' '^ copied the path: 2\. › 2\.2 '
# On an entry's row: its number and title.
keys k k
expect_re '$' '^ 2\. › 2\.2 › \(2\) +6/16 '
keys y
expect_buffer '(2) 地方公共団体のセキュリティ強化・充実'
expect_re '$' '^ copied the text: \(2\) 地方公共団体の'
keys Y
expect_buffer '2. › 2.2 › (2)'
# The screen is as it was (the sequence drew nothing).
expect_is 7 '│ └─- (2) 地方公共団体のセキュリティ強化・充実'
expect_is 12 '────────────────────────────────────────────────────────────────────────────────'
tui_quit

echo "== y copies a hostile document's text with no control character"
start_args 80x24 "--no-state $PWD/tests/data/hostile.yaml"
T set -g set-clipboard on
expect_re '$' '^ 1\. +1/1 '
keys y
expect_buffer '1. 見出し^[[31m赤^[[0m<U+202E>evil<U+0085>'
expect_re '$' '^ copied the text: 1\. 見出し\^\[\[31m'
# No C0 control, no DEL, no C1 (U+0080-U+009F is c2 80-c2 9f in UTF-8).
no_controls() {
	T show-buffer | od -An -v -tx1 | tr -s ' \n' '\n\n' |
	    awk 'BEGIN { bad = 0 }
		/^$/ { next }
		$0 < "20" || $0 == "7f" { bad = 1 }
		prev == "c2" && $0 >= "80" && $0 <= "9f" { bad = 1 }
		{ prev = $0 }
		END { exit bad }'
}
if no_controls; then
	tui_ok "no ESC or other control byte in the copied title"
else
	tui_fail "the copied title holds control bytes:"
	T show-buffer | od -c
fi
keys l j
expect_re '$' '^ 1\. › ・1 +2/2 '
keys y
expect_re '$' '^ copied the text: 施策'
tui_buffer_measure() {
	T show-buffer 2>/dev/null | grep -q '^施策'
}
if tui_poll "$TUI_WAIT" tui_buffer_measure && no_controls; then
	tui_ok "no control byte in the copied measure"
else
	tui_fail "the copied measure should hold no control byte:"
	T show-buffer | od -c
fi
tui_quit

tui_done

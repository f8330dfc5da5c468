#!/bin/sh
# Resizing the terminal under the browser (tmux resize-window): the
# smallest size it draws in (20x6), the notice below it, the way back with
# the same selection, the switch between stacked and side by side, the
# help and the zoomed pane through a resize, and a storm of sizes.
. tests/tmux.sh

# resize WIDTHxHEIGHT: resize the window (and so the pane).
resize() {
	tui_w=${1%x*}
	tui_h=${1#*x}
	T resize-window -t main -x "$tui_w" -y "$tui_h"
}

tui_start 80x24
keys j l j j l j j
expect_status 6/14
expect_path '2\. › 2\.2 › \(2\)'
tui_cap
cp "$tui_tmp/screen" "$tui_tmp/before.screen"
sed -n '1p;12,24p' "$tui_tmp/before.screen" >"$tui_tmp/before.rows"

# The tree may be scrolled differently after a resize (it only keeps the
# selection in view); the header, the rule, the pane and the status row are
# as before, and the selected entry is on a tree row.
same_rows() {
	sed -n '1p;12,24p' "$tui_tmp/screen" | cmp -s - "$tui_tmp/before.rows" &&
	    grep -qx '│ └─+ (2) 地方公共団体のセキュリティ強化・充実 (2)' \
	    "$tui_tmp/screen"
}
expect_as_before() {
	if tui_poll "$TUI_WAIT" same_rows; then
		tui_ok "the 80x24 screen as before"
	else
		tui_fail "the 80x24 screen should be as before:"
		cat "$tui_tmp/before.screen"
	fi
}

echo "== 6. 20x6: the smallest size still drawn"
resize 20x6
expect_is 1 ' サイバーセキュリテ…'
expect_re 2 '^│ └─\+ \(2\) 地方'
expect_is 3 '────────────────────'
expect_is 4 ' 2. › 2.2'
# The path is cut to leave a blank before the position.
expect_re 6 '^ 2\. › .*[^ ] +6/14$'
expect_no_screen 'terminal too small'
expect_alive

echo "== 6. 19x6 and 20x5: too small"
resize 19x6
expect_is 4 'terminal too small'
expect_no_screen 'サイバー'
expect_alive
resize 20x6
expect_is 1 ' サイバーセキュリテ…'
expect_no_screen 'terminal too small'
resize 20x5
expect_is 3 'terminal too small'
expect_no_screen 'サイバー'
expect_alive

echo "== 6. back to 80x24: the same screen, the same selection"
resize 80x24
expect_as_before
keys j
expect_status 7/14
expect_path '2\. › 2\.3'
keys k
expect_status 6/14

echo "== 6. stacked below 100 columns, side by side from 100"
resize 99x30
expect_is 15 '───────────────────────────────────────────────────────────────────────────────────────────────────'
expect_is 16 ' 2. › 2.2'
expect_re 30 '^ 2\. › 2\.2 › \(2\) +6/14  \?:help  Tab:pane  z:zoom  q:quit$'
resize 100x30
# The tree takes 40 columns, then the rule and the pane.
expect_re 2 '│ 2\. › 2\.2$'
expect_re 3 '│ \(2\) 地方公共団体のセキュリティ強化・充実$'
expect_is 20 "$(printf '%40s│' '')"
expect_re 30 '^ 2\. › 2\.2 › \(2\) +6/14  \?:help  Tab:pane  z:zoom  q:quit$'

echo "== 6. the help and the zoomed pane through a resize"
resize 80x24
expect_as_before
keys '?'
expect_is 2 ' Keys (q or Esc to close, j/k to scroll)'
resize 20x6
expect_is 2 ' Keys (q or Esc to…'
resize 19x6
expect_is 4 'terminal too small'
resize 80x24
expect_is 2 ' Keys (q or Esc to close, j/k to scroll)'
expect_is 3 ' Moving'
keys q
expect_as_before
keys z
expect_is 2 ' 2. › 2.2'
resize 200x50
expect_is 2 ' 2. › 2.2'
expect_is 4 ''
expect_re 5 '^ ・地方公共団体職員を対象とした集合研修・eラーニングを実施、セキュリティポリシーに関するガイドラインを随時更新$'
expect_no_screen '│'
resize 80x24
expect_re 5 '^ ・地方公共団体職員を対象とした集合研修・eラーニングを実施、セキュリティポリシー$'
keys z
expect_as_before

echo "== 6. a storm of sizes, ending at 80x24"
for s in 100x30 30x8 19x5 1x1 200x50 20x6 2x3 99x40 150x10 40x24 80x24 \
    81x25 13x60 300x80 79x23 80x24; do
	resize "$s"
done
expect_as_before
expect_alive
keys j
expect_status 7/14
# Sizes and keys interleaved (every size drawable, so every key counts:
# as many j as k).
for s in 100x30 30x8 200x50 20x6 99x40 120x24 80x24; do
	resize "$s"
	keys k
	resize 21x7
	keys j
done
resize 80x24
keys k
expect_as_before
expect_alive
tui_quit

tui_done

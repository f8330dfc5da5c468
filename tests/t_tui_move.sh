#!/bin/sh
# Moving in the browser with every key, the pane's focus, scrolling and
# zoom, and the mouse (xterm SGR events injected into the pane), at 80x24:
# the tree has rows 2-11 (10 rows: a page is 9, half a page 5), the rule
# row 12, the pane rows 13-23, the status row 24.
. tests/tmux.sh

# Home and End: tmux 3.3a sends ESC[1~ and ESC[4~ for them, which are not
# the keys of TERM=xterm-256color (khome=ESC OH, kend=ESC OF, what xterm
# sends in keypad mode); send xterm's own.  Under TERM=tmux-256color,
# tmux's Home and End are the terminfo's: both are tested.
home() { T send-keys -t main -l "$(printf '\033OH')"; }
end() { T send-keys -t main -l "$(printf '\033OF')"; }

echo "== 4. moving with every key"
tui_start 80x24
keys E
expect_status 1/107
keys j
expect_status 2/107
expect_path '1\. › 1\.1'
keys Down
expect_status 3/107
keys k
expect_status 2/107
keys Up
expect_status 1/107
# At the top, ↑ and k stay.
keys Up k j
expect_status 2/107
keys C-n
expect_status 3/107
keys C-p
expect_status 2/107
keys k PageDown
expect_status 10/107
expect_is 11 '│ ├─- (1) サイバーセキュリティ対策指針の策定'
keys C-f
expect_status 19/107
expect_is 2 '│ ├─- (1) サイバーセキュリティ対策指針の策定'
keys PageUp
expect_status 10/107
keys C-b
expect_status 1/107
expect_is 2 '- 1. 経済社会の活力の向上及び持続的発展'
keys C-d
expect_status 6/107
keys C-d
expect_status 11/107
keys C-u
expect_status 6/107
keys C-u
expect_status 1/107
keys G
expect_status 107/107
expect_path '5\. › ・1'
expect_re 11 '^└─・関係機関の一層の能力強化'
expect_is 10 '- 5. 推進体制'
# At the bottom, j and ↓ stay; a page down stays.
keys j Down PageDown C-d k
expect_status 106/107
keys C-b
expect_status 97/107
keys g
expect_status 1/107
expect_is 2 '- 1. 経済社会の活力の向上及び持続的発展'
end
expect_status 107/107
home
expect_status 1/107
tui_quit

echo "== 4. Home and End under TERM=tmux-256color"
tui_start 80x24 TERM=tmux-256color
keys E
expect_status 1/107
keys End
expect_status 107/107
keys Home
expect_status 1/107
tui_quit

echo "== 4. tmux's Home and End under TERM=xterm-256color; unknown sequences"
tui_start 80x24
keys E
expect_status 1/107
# tmux sends ESC[4~ and ESC[1~, which this terminfo does not list.
keys End
expect_status 107/107
keys Home
expect_status 1/107
# An escape sequence curses does not know is swallowed whole: its
# characters ("1" would show level 1 only) are not taken for keys.
T send-keys -t main -l "$(printf '\033[99;1X')"
keys j
expect_status 2/107
T send-keys -t main -l "$(printf '\033O1')"
keys j
expect_status 3/107
# A lone Esc is still a key (it leaves the zoomed pane).
keys z Escape j
expect_status 4/107
tui_quit

echo "== 4. the pane: Tab, scrolling, zoom"
tui_start 80x24
keys E g PageDown PageDown PageDown j j j
expect_status 31/107
expect_path '2\. › 2\.2 › \(2\)'
expect_is 13 ' 2. › 2.2'
keys Tab
keys j
expect_is 13 ' (2) 地方公共団体のセキュリティ強化・充実'
# j scrolled the pane, not the tree.
expect_status 31/107
keys k
expect_is 13 ' 2. › 2.2'
keys Down
expect_is 13 ' (2) 地方公共団体のセキュリティ強化・充実'
keys Up
expect_is 13 ' 2. › 2.2'
# G: the last line at the bottom of the pane (13 lines in 11 rows).
keys G
expect_is 23 '   のこと。'
expect_is 13 ''
keys g
expect_is 13 ' 2. › 2.2'
keys C-d
expect_is 13 ''
keys C-u
expect_is 13 ' 2. › 2.2'
keys PageDown
expect_is 23 '   のこと。'
keys PageUp
expect_is 13 ' 2. › 2.2'
keys Space
expect_is 23 '   のこと。'
home
expect_is 13 ' 2. › 2.2'
expect_status 31/107
# Tab again: j moves the tree.
keys Tab
keys j
expect_status 32/107
expect_path '2\. › 2\.2 › \(2\) › ・1'
keys k
expect_status 31/107
# z: the pane alone over the whole body; z and Esc come back.
keys z
expect_is 2 ' 2. › 2.2'
expect_is 3 ' (2) 地方公共団体のセキュリティ強化・充実'
expect_is 14 '   のこと。'
expect_is 15 ''
expect_no_screen '├─'
expect_no_screen '────'
expect_status 31/107
# The zoomed pane has the focus: j scrolls it (here it all fits), the
# tree stays.
keys j
keys z
expect_is 12 '────────────────────────────────────────────────────────────────────────────────'
expect_screen '│ └─- (2) 地方公共団体のセキュリティ強化・充実'
expect_status 31/107
keys z
expect_no_screen '├─'
keys Escape
expect_screen '│ └─- (2) 地方公共団体のセキュリティ強化・充実'
expect_is 12 '────────────────────────────────────────────────────────────────────────────────'
# Back in the tree.
keys j
expect_status 32/107
tui_quit

echo "== 7. the mouse"
tui_start 80x24
case $(pane_fmt '#{mouse_sgr_flag}#{mouse_standard_flag}') in
11) tui_ok "SGR mouse reporting is on" ;;
*) tui_cap; tui_fail "the browser should turn on xterm SGR mouse reporting" ;;
esac
# A click below the last row or on the rule selects nothing: j then
# moves from the first row.
click 20 9
click 20 12
keys j
expect_status 2/5
# A click on a row selects it.
click 10 4
expect_status 3/5
expect_path '3\.'
expect_is 4 '+ 3. 国際社会の平和・安定及び我が国の安全保障への寄与 (21)'
# A click on the marker (column 0 at depth 0) toggles.
click 1 3
expect_status 2/12
expect_is 3 '- 2. 国民が安全で安心して暮らせる社会の実現'
click 1 3
expect_status 2/5
expect_is 3 '+ 2. 国民が安全で安心して暮らせる社会の実現 (42)'
click 1 3
expect_status 2/12
# A click on the marker of a row at depth 1 (column 2).
click 3 5
expect_status 4/14
expect_is 5 '├─- 2.2 官民一体となった重要インフラの防護'
expect_is 7 '│ └─+ (2) 地方公共団体のセキュリティ強化・充実 (2)'
# A click on the title selects without toggling.
click 20 7
expect_status 6/14
expect_path '2\. › 2\.2 › \(2\)'
expect_is 7 '│ └─+ (2) 地方公共団体のセキュリティ強化・充実 (2)'
# The wheel over the pane scrolls the pane (3 lines, here 2 to the end).
expect_is 13 ' 2. › 2.2'
mouse 65 10 16
expect_is 23 '   のこと。'
expect_is 14 ' ・地方公共団体職員を対象とした集合研修・eラーニングを実施、セキュリティポリシー'
expect_status 6/14
mouse 64 10 16
expect_is 13 ' 2. › 2.2'
# A click in the pane gives it the focus: j then scrolls the pane.
click 10 16
keys j
expect_is 13 ' (2) 地方公共団体のセキュリティ強化・充実'
expect_status 6/14
# A click on the tree takes the focus back.
click 20 3
expect_status 2/14
keys j
expect_status 3/14
# The wheel over the tree scrolls the tree, the selection kept in view.
keys E g
expect_status 1/107
expect_is 2 '- 1. 経済社会の活力の向上及び持続的発展'
mouse 65 10 5
expect_re 2 '^│ │ └─・官民の連携による'
expect_status 4/107
mouse 64 10 5
expect_is 2 '- 1. 経済社会の活力の向上及び持続的発展'
expect_status 4/107
# The wheel scrolls the help.
keys '?'
expect_is 3 ' Moving'
mouse 65 10 10
expect_is 3 '   ↓ j  ↑ k          next / previous entry (in the pane: scroll a line)'
mouse 64 10 10
expect_is 3 ' Moving'
keys q
expect_status 4/107
tui_quit

tui_done

#!/bin/sh
# The browser's screens at 80x24 and 200x50, driven in tmux: the start
# screen (compared exactly with tests/data/tui-start.screen), expanding and
# collapsing with every folding key, the reading pane of 2.2 (2) stacked
# and side by side, and the help overlay.
. tests/tmux.sh

# Row 12 at 80x24: the rule between the tree and the pane.
rule80=────────────────────────────────────────────────────────────────────────────────

echo "== 1. the start screen at 80x24"
tui_start 80x24
expect_golden tests/data/tui-start.screen
expect_is 1 ' サイバーセキュリティ2018の全体概要  資料 2 - 3  平成30年7月25日'
expect_is 2 '+ 1. 経済社会の活力の向上及び持続的発展 (18)'
expect_is 3 '+ 2. 国民が安全で安心して暮らせる社会の実現 (42)'
expect_is 4 '+ 3. 国際社会の平和・安定及び我が国の安全保障への寄与 (21)'
expect_is 5 '+ 4. 横断的施策 (20)'
expect_is 6 '+ 5. 推進体制 (1)'
expect_is 7 ''
expect_is 12 "$rule80"
expect_is '$' ' 1.                                       1/5  ?:help  Tab:pane  z:zoom  q:quit'

echo "== 2. expanding and collapsing"
# l expands 1., then steps into 1.1.
keys l
expect_status 1/8
expect_is 2 '- 1. 経済社会の活力の向上及び持続的発展'
expect_is 3 '├─+ 1.1 新たな価値創出を支えるサイバーセキュリティの推進 (6)'
expect_is 4 '├─+ 1.2 多様なつながりから価値を生み出すサプライチェーンの実現 (5)'
expect_is 5 '└─+ 1.3 安全なIoTシステムの構築 (4)'
expect_is 6 '+ 2. 国民が安全で安心して暮らせる社会の実現 (42)'
keys l
expect_status 2/8
expect_path '1\. › 1\.1'
# → expands 1.1.
keys Right
expect_status 2/11
expect_is 3 '├─- 1.1 新たな価値創出を支えるサイバーセキュリティの推進'
expect_is 4 '│ ├─+ (1) 経営層の意識改革 (1)'
expect_is 6 '│ └─+ (3) 先端技術を活用したイノベーションを支えるサイバーセキュリティビジ … (1)'
# Enter and Space toggle, both ways.
keys Enter
expect_status 2/8
expect_is 3 '├─+ 1.1 新たな価値創出を支えるサイバーセキュリティの推進 (6)'
keys Enter
expect_status 2/11
keys Space
expect_status 2/8
keys Space
expect_status 2/11
# h collapses, then goes to the parent; ← collapses, then stays at the top.
keys h
expect_status 2/8
expect_is 3 '├─+ 1.1 新たな価値創出を支えるサイバーセキュリティの推進 (6)'
keys h
expect_status 1/8
expect_path '1\.'
keys Left
expect_status 1/5
expect_is 2 '+ 1. 経済社会の活力の向上及び持続的発展 (18)'
keys Left j
expect_status 2/5
# Levels: E everything (59 nodes and 48 measures), 2, 3, 4, 1.
# The selection stays on 2., now below the 18 rows of 1.
keys E
expect_status 20/107
expect_path '2\.'
expect_is 11 '- 2. 国民が安全で安心して暮らせる社会の実現'
keys g
expect_status 1/107
expect_is 2 '- 1. 経済社会の活力の向上及び持続的発展'
expect_is 3 '├─- 1.1 新たな価値創出を支えるサイバーセキュリティの推進'
expect_is 4 '│ ├─- (1) 経営層の意識改革'
expect_re 5 '^│ │ └─・官民の連携による、経営層に説明や議論ができる人材の発掘'
keys 2
# Level 2: the 5 entries, their 16 sections and the measure of 5. itself.
expect_status 1/22
expect_is 3 '├─+ 1.1 新たな価値創出を支えるサイバーセキュリティの推進 (6)'
keys 3
expect_status 1/62
expect_is 4 '│ ├─+ (1) 経営層の意識改革 (1)'
keys 4
expect_status 1/107
keys 1
expect_status 1/5
expect_is 3 '+ 2. 国民が安全で安心して暮らせる社会の実現 (42)'
# The selection survives folding: a hidden measure gives way to its node
# (not to the node's parent), a hidden node to its nearest ancestor.
keys E
expect_status 1/107
keys G
expect_status 107/107
expect_path '5\. › ・1'
expect_re 11 '^└─・関係機関の一層の能力強化'
keys C
expect_status 5/5
expect_path '5\.'
keys E g j j j
expect_status 4/107
expect_path '1\. › 1\.1 › \(1\) › ・1'
keys 3
expect_status 3/62
expect_path '1\. › 1\.1 › \(1\)'
keys 2
expect_status 2/22
expect_path '1\. › 1\.1'
keys E G k
expect_status 106/107
expect_path '5\.'
keys C
expect_status 5/5
expect_path '5\.'
keys g
expect_golden tests/data/tui-start.screen

echo "== 3. the reading pane of 2.2 (2), stacked at 80x24"
keys j l j j l j j
expect_path '2\. › 2\.2 › \(2\)'
expect_status 6/14
expect_is 7 '│ └─+ (2) 地方公共団体のセキュリティ強化・充実 (2)'
expect_is 12 "$rule80"
expect_is 13 ' 2. › 2.2'
expect_is 14 ' (2) 地方公共団体のセキュリティ強化・充実'
expect_is 15 ''
expect_is 16 ' ・地方公共団体職員を対象とした集合研修・eラーニングを実施、セキュリティポリシー'
expect_is 17 '   に関するガイドラインを随時更新'
expect_is 18 '   【総務省】'
expect_is 19 ' ・緊急時対応訓練の支援及びCSIRT※1の連携組織の設立'
expect_is 20 '   【総務省】'
expect_is 21 ''
expect_re 22 '^ ※1 CSIRT: Computer Security Incident Response Team'
tui_quit

echo "== 3. the reading pane of 2.2 (2), side by side at 200x50"
tui_start 200x50
expect_re 2 '^\+ 1\. 経済社会の活力の向上及び持続的発展 \(18\) +│ 1\. 経済社会の活力の向上及び持続的発展$'
keys j l j j l j j
expect_path '2\. › 2\.2 › \(2\)'
expect_status 6/14
expect_re 2 '^\+ 1\. .* +│ 2\. › 2\.2$'
expect_re 3 '^- 2\. 国民が安全で安心して暮らせる社会の実現 +│ \(2\) 地方公共団体のセキュリティ強化・充実$'
expect_re 5 '^├─- 2\.2 .* +│ ・地方公共団体職員を対象とした集合研修・eラーニングを実施、セキュリティポリシーに関するガイドラインを随時更新$'
expect_re 6 '^│ ├─\+ \(1\) 行動計画に基づく主な取組 \(1\) +│   【総務省】$'
expect_re 7 '^│ └─\+ \(2\) 地方公共団体のセキュリティ強化・充実 \(2\) +│ ・緊急時対応訓練の支援及びCSIRT※1の連携組織の設立$'
expect_re 8 '│   【総務省】$'
expect_re 10 '│ ※1 CSIRT: Computer Security Incident Response Teamの略'
# The tree takes 80 columns of 200, then the rule.
expect_is 20 "$(printf '%80s│' '')"
expect_is 49 "$(printf '%80s│' '')"
tui_quit

echo "== 5. help"
tui_start 80x24
keys j
expect_status 2/5
keys '?'
expect_is 2 ' Keys (q or Esc to close, j/k to scroll)'
expect_is 3 ' Moving'
# Every key line: the help is read from top to bottom, scrolling with j
# until its last line shows; each key has a row of its own, the key at
# column 3, its description (that begins so) at column 21.  Sections are
# rows of their own.
cat >"$tui_tmp/help.want" <<'EOF'
 Moving
↓ j  ↑ k|next / previous entry
PgDn ^F  PgUp ^B|a screen down / up
^D  ^U|half a screen down / up
g Home  G End|first / last entry
→ l|expand, or step into the entry
← h|collapse, or go to the parent
 Folding
Enter Space|expand or collapse the entry
E|expand everything
C|collapse everything
1 2 3 4|show levels down to 1-4
 Views
Tab|move the focus between the tree and the pane
z|give the pane the whole screen, and back
?|this help
Esc|close the help
^L|redraw the screen
q|quit
 Mouse
click|select an entry; on + or -, expand or collapse
wheel|scroll the tree or the pane under the pointer
EOF
# help_has KEYS DESCRIPTION: a seen row is "   KEYS", blanks to column 21,
# then DESCRIPTION and maybe more.
help_has() {
	pad=$(printf '%*s' $((18 - $(printf '%s' "$1" | wc -m))) '')
	while IFS= read -r row; do
		case $row in
		"   $1$pad$2"*) return 0 ;;
		esac
	done <"$tui_tmp/help.seen"
	return 1
}
: >"$tui_tmp/help.seen"
row3_moved() { [ "$(tui_row 3)" != "$top" ]; }
pages=0
while :; do
	tui_cap
	sed -n '3,$p' "$tui_tmp/screen" | sed '$d' >>"$tui_tmp/help.seen"
	help_has wheel 'scroll the tree or the pane' && break
	pages=$((pages + 1))
	if [ "$pages" -gt 40 ]; then
		tui_fail "the help should end with the wheel"
		break
	fi
	top=$(tui_row 3)
	keys j
	tui_poll "$TUI_WAIT" row3_moved ||
	    { tui_fail "j should scroll the help"; break; }
done
# help_line LINE: a section (" Name") or a key ("KEYS|DESCRIPTION") seen.
help_line() {
	case $1 in
	' '*) grep -qxF -- "$1" "$tui_tmp/help.seen" ;;
	*) help_has "${1%%|*}" "${1#*|}" ;;
	esac
}
while IFS= read -r line; do
	if help_line "$line"; then
		tui_ok "help has '$line'"
	else
		tui_fails=$((tui_fails + 1))
		echo "FAIL: the help should have a row for '$line'; it has:"
		sort -u "$tui_tmp/help.seen"
	fi
done <"$tui_tmp/help.want"
expect_status 2/5
keys g
expect_is 3 ' Moving'
# j scrolls the help a row, k back.
keys j
expect_is 3 '   ↓ j  ↑ k          next / previous entry (in the pane: scroll a line)'
keys k
expect_is 3 ' Moving'
# The help takes every key: E does not expand the tree underneath.
keys E
keys q
expect_is 3 '+ 2. 国民が安全で安心して暮らせる社会の実現 (42)'
expect_status 2/5
expect_is 12 "$rule80"
keys '?'
expect_is 2 ' Keys (q or Esc to close, j/k to scroll)'
keys Escape
expect_is 2 '+ 1. 経済社会の活力の向上及び持続的発展 (18)'
expect_status 2/5
keys '?'
expect_is 2 ' Keys (q or Esc to close, j/k to scroll)'
keys '?'
expect_is 2 '+ 1. 経済社会の活力の向上及び持続的発展 (18)'
keys k
expect_golden tests/data/tui-start.screen
tui_quit

tui_done

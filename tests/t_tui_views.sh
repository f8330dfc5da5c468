#!/bin/sh
# The footnote and organisation views (issue 6), at 80x24 unless said:
# ※ marks set off in the tree and the pane (read back with capture-pane
# -e), f (the footnotes an entry cites), F (every footnote and the places
# citing it; Enter goes there, ^O and Backspace come back), a (every
# organisation with its count; Enter lists its measures, Enter on one
# selects it in the outline, h goes back to all of them) and & (the
# outline filtered to one organisation's measures, & in the tree clears
# it); then issue 6's done-when as one walk: pop up ※1 on 2.2 (2), list
# everything 総務省 is responsible for, jump to one of its measures, and
# come back.
#
# At 80x24 the tree has rows 2-11, the rule row 12, the pane rows 13-23,
# the status row 24; a list covers rows 2-23, its title on row 2.
. tests/tmux.sh

# The footnote role: yellow on the default background.
footnote='^fg=33 bg=-$'

# to_22_2: from the start screen, select 2.2 (2) with its measures shown.
to_22_2() {
	keys j l j j l j j l
	expect_status 6/16
	expect_path '2\. › 2\.2 › \(2\)'
}

echo "== 6. ※ marks are set off wherever they appear"
tui_start 80x24
to_22_2
expect_is 9 '│   └─・緊急時対応訓練の支援及びCSIRT※1の連携組織の設立'
# In the tree, on a row that is not selected; in the pane.
expect_set_off 9 '※1' "$footnote"
expect_is 19 ' ・緊急時対応訓練の支援及びCSIRT※1の連携組織の設立'
expect_set_off 19 '※1' "$footnote"
# On the selected row too, and in the pane's bold measure.
keys j j
expect_status 8/16
expect_path '2\. › 2\.2 › \(2\) › ・2'
expect_selected 9 '緊急時対応訓練の支援及びCSIRT'
expect_set_off 9 '※1' "$footnote"
expect_set_off 19 '※1' "$footnote"
tui_quit

echo "== 6. f: the footnotes an entry cites"
tui_start 80x24
to_22_2
keys j j
expect_path '2\. › 2\.2 › \(2\) › ・2'
keys f
expect_is 2 ' Footnotes cited by 2. › 2.2 › (2) › ・2 (Esc to close, F for all footnotes)'
expect_is 3 ' ※1 CSIRT: Computer Security Incident Response Teamの略(シーサート)。企業や行政'
expect_is 4 '   機関等において、情報システム等にセキュリティ上の問題が発生していないか監視す'
expect_is 5 '   るとともに、万一問題が発生した場合にその原因解析や影響範囲の調査等を行う体制'
expect_is 6 '   のこと。'
expect_is 7 ''
expect_set_off 3 '※1' "$footnote"
# The list covers the tree and the pane; the status row stays.
expect_no_screen '────'
expect_re '$' '^ 2\. › 2\.2 › \(2\) › ・2 +8/16 '
# Esc closes it: the outline as it was.
keys Escape
expect_is 12 '────────────────────────────────────────────────────────────────────────────────'
expect_is 9 '│   └─・緊急時対応訓練の支援及びCSIRT※1の連携組織の設立'
expect_selected 9 '緊急時対応訓練の支援及びCSIRT'
expect_status 8/16
# On the entry (2): what its measures cite.
keys k k
expect_path '2\. › 2\.2 › \(2\)'
keys f
expect_is 2 ' Footnotes cited by 2. › 2.2 › (2) (Esc to close, F for all footnotes)'
expect_re 3 '^ ※1 CSIRT: Computer Security Incident Response Team'
# q closes a list; it does not quit.
keys q
expect_is 12 '────────────────────────────────────────────────────────────────────────────────'
expect_alive
# An entry that cites none.
keys g f
expect_is 2 ' Footnotes cited by 1. (Esc to close, F for all footnotes)'
expect_is 3 ' No footnote is cited here.'
keys Escape
expect_status 1/16
tui_quit

echo "== 6. F: every footnote and the places citing it; Enter, ^O, Backspace"
tui_start 80x24
keys j j
expect_path '3\.'
keys F
expect_is 2 ' Footnotes (Enter: go to the place, ^O: come back, Esc: close)'
expect_is 3 ' ※1 CSIRT'
expect_is 4 '   Computer Security Incident Response Teamの略(シーサート)。企業や行政機関等に'
expect_is 7 '   cited by 1 place:'
expect_is 8 '     2. › 2.2 › (2) › ・2  緊急時対応訓練の支援及びCSIRT※1の連携組織の設立'
expect_is 9 ''
expect_is 10 ' ※2 ISAC'
expect_is 11 '   Information Sharing and Analysis Centerの略。サイバーセキュリティに関する情'
expect_is 14 '   cited by 1 place:'
expect_is 15 '     2. › 2.6 › (1) › ・1  ISAC※2を含む既存の情報共有の推進'
expect_is 16 ''
# The first place is selected; j goes to the next, k back.
expect_selected 8 '2. › 2.2 › (2) › ・2  緊急時対応訓練の支援及びCSIRT'
keys j
expect_selected 15 '2. › 2.6 › (1) › ・1  ISAC'
keys k
expect_selected 8 '2. › 2.2 › (2) › ・2  緊急時対応訓練の支援及びCSIRT'
# Enter goes there in the outline, opening the branches.
keys Enter
expect_re '$' '^ 2\. › 2\.2 › \(2\) › ・2 +8/16 '
expect_is 9 '│   └─・緊急時対応訓練の支援及びCSIRT※1の連携組織の設立'
expect_selected 9 '緊急時対応訓練の支援及びCSIRT'
expect_is 13 ' 2. › 2.2'
# ^O comes back to where the jump came from.
keys C-o
expect_re '$' '^ 3\. +14/16 '
expect_selected 11 '3. '
keys C-o
expect_re '$' '^ no earlier place to go back to '
# The second place, and Backspace back.
keys F j Enter
expect_re '$' '^ 2\. › 2\.6 › \(1\) › ・1 +[0-9]+/[0-9]+ '
expect_screen '└─・ISAC※2を含む既存の情報共有の推進'
keys BSpace
expect_re '$' '^ 3\. +[0-9]+/[0-9]+ '
# Backspace in a list closes it.
keys F
expect_is 3 ' ※1 CSIRT'
keys BSpace
expect_is 12 '────────────────────────────────────────────────────────────────────────────────'
expect_path '3\.'
tui_quit

echo "== 6. a: the organisations, an organisation's measures, and back"
tui_start 80x24
keys a
expect_is 2 ' Organisations (Enter: its measures, &: filter the outline, Esc: close)'
expect_is 3 '   26  NISC'
expect_is 4 '    9  総務省'
expect_is 5 '    8  経済産業省'
expect_is 16 '    1  関係各官'
expect_selected 3 'NISC'
keys j
expect_selected 4 '総務省'
keys Enter
expect_is 2 ' 総務省: 9 (Enter: go there, ^O: come back, h: all organisations, &: filter)'
expect_is 3 ' 1. › 1.1 › (2) › ・1  サイバーセキュリティ保険の普及、情報開示・共有を促進する'
expect_is 4 '     ためのモデル事業の検討'
expect_re 5 '^ 1\. › 1\.3 › \(1\) › ・1  '
expect_re 7 '^ 1\. › 1\.3 › \(2\) › ・1  '
expect_re 9 '^ 2\. › 2\.1 › \(1\) › ・2  '
expect_re 12 '^ 2\. › 2\.2 › \(2\) › ・1  '
expect_is 14 ' 2. › 2.2 › (2) › ・2  緊急時対応訓練の支援及びCSIRT※1の連携組織の設立'
expect_re 15 '^ 2\. › 2\.3 › \(2\) › ・1  '
expect_re 17 '^ 2\. › 2\.3 › \(5\) › ・1  '
expect_re 19 '^ 4\. › 4\.1 › \(2\) › ・1  '
expect_is 21 ''
tui_cap
n=$(grep -cE '^ [1-5]\. › ' "$tui_tmp/screen")
if [ "$n" = 9 ]; then
	tui_ok "総務省 has 9 measures listed"
else
	tui_fail "総務省 should have 9 measures listed, not $n"
fi
expect_selected 3 '1. › 1.1 › (2) › ・1'
# h: back to all organisations, 総務省 still selected.
keys h
expect_is 2 ' Organisations (Enter: its measures, &: filter the outline, Esc: close)'
expect_selected 4 '総務省'
# Enter on a measure selects it in the outline; ^O comes back.
keys Enter j j j j j
expect_selected 14 '2. › 2.2 › (2) › ・2'
keys Enter
expect_re '$' '^ 2\. › 2\.2 › \(2\) › ・2 +8/16 '
expect_selected 9 '緊急時対応訓練の支援及びCSIRT'
keys C-o
expect_re '$' '^ 1\. +1/16 '
tui_quit

echo "== 6. & in the organisation list filters the outline (80x60)"
# 80x60: the tree has rows 2-29, room for the whole filtered outline.
tui_start 80x60
keys a j
expect_selected 4 '総務省'
keys '&'
expect_re '$' "^ only 総務省's measures \\(& t.*\\[filter\\]  1/26 "
keys E
expect_re '$' '\[filter\]  1/26 '
cat >"$tui_tmp/filtered.rows" <<'ROWS'
- 1. 経済社会の活力の向上及び持続的発展
├─- 1.1 新たな価値創出を支えるサイバーセキュリティの推進
│ └─- (2) サイバーセキュリティに対する投資の推進
│   └─・サイバーセキュリティ保険の普及、情報開示・共有を促進するためのモデル事 …
└─- 1.3 安全なIoTシステムの構築
  ├─- (1) IoTシステムにおけるサイバーセキュリティの体系の整備と国際標準化
  │ └─・「IoTセキュリティガイドライン」を様々な産業分野の標準仕様等への反映に向…
  └─- (2) 脆弱性対策に係る体制の整備
    └─・パスワード設定に不備のある機器の調査、IoT機器に対する脆弱性対策に関する…
- 2. 国民が安全で安心して暮らせる社会の実現
├─- 2.1 国民・社会を守るための取組
│ └─- (1) 安全・安心なサイバー空間の利用環境の構築
│   └─・情報通信ネットワークの変化、新たなサービス提供に伴い社会・経済に生じ得 …
├─- 2.2 官民一体となった重要インフラの防護
│ └─- (2) 地方公共団体のセキュリティ強化・充実
│   ├─・地方公共団体職員を対象とした集合研修・eラーニングを実施、セキュリティポ…
│   └─・緊急時対応訓練の支援及びCSIRT※1の連携組織の設立
└─- 2.3 政府機関等におけるセキュリティ強化・充実
  ├─- (2) クラウド化の推進等による効果的なセキュリティ対策
  │ └─・政府機関におけるクラウドサービス利用状況の調査及び課題の把握、新たな政 …
  └─- (5) 組織的な対応能力の充実
    └─・政府機関におけるサイバー攻撃に係る対処要員の能力強化を図るため、研修や …
- 4. 横断的施策
└─- 4.1 人材育成・確保
  └─- (2) 実務者層・技術者層の育成
    └─・「ナショナルサイバートレーニングセンター」を通じ実践的サイバー防御演習(…

ROWS
tui_filtered_rows() {
	sed -n 2,28p "$tui_tmp/screen" | cmp -s - "$tui_tmp/filtered.rows"
}
if tui_poll "$TUI_WAIT" tui_filtered_rows; then
	tui_ok "the outline shows 総務省's 9 measures and their ancestors only"
else
	tui_fail "the outline should show 総務省's measures and ancestors only;" \
	    "difference (- want, + got):"
	sed -n 2,28p "$tui_tmp/screen" | diff -u "$tui_tmp/filtered.rows" - |
	    sed 1,2d
fi
n=$(sed -n 2,29p "$tui_tmp/screen" | grep -c '─・')
if [ "$n" = 9 ]; then
	tui_ok "9 measure rows"
else
	tui_fail "there should be 9 measure rows, not $n"
fi
# Moving in the filtered outline, then & in the tree shows everything,
# the selection kept.
keys G
expect_re '$' '^ 4\. › 4\.1 › \(2\) › ・1 +\[filter\]  26/26 '
keys '&'
# (E under the filter expanded every branch: all 107 rows come back.)
expect_re '$' '^ filter off +[0-9]+/107 '
expect_screen '├─- 3.1 自由、公正かつ安全なサイバー空間の堅持'
expect_no_screen '[filter]'
keys C-l
expect_re '$' '^ 4\. › 4\.1 › \(2\) › ・1 +[0-9]+/[0-9]+ '
expect_selected 29 'ナショナルサイバートレーニングセンター'
# & in one organisation's list (経済産業省, 8) does the same.
keys a j j Enter
expect_re 2 '^ 経済産業省: 8 \(Enter: go there, '
keys '&'
expect_re '$' "^ only 経済産業省's measures.*\\[filter\\] "
expect_no_screen '地方公共団体のセキュリティ強化・充実'
keys '&'
expect_re '$' '^ filter off '
tui_quit

echo "== 6. done when: ※1 on 2.2 (2), everything of 総務省, a jump, and back"
tui_start 80x24
to_22_2
# Pop up ※1 on 2.2 (2).
keys f
expect_is 2 ' Footnotes cited by 2. › 2.2 › (2) (Esc to close, F for all footnotes)'
expect_re 3 '^ ※1 CSIRT: Computer Security Incident Response Teamの略'
keys Escape
expect_status 6/16
# Everything 総務省 is responsible for.
keys a j Enter
expect_is 2 ' 総務省: 9 (Enter: go there, ^O: come back, h: all organisations, &: filter)'
# Jump to its last measure, in 4.1 (2).
keys G
expect_selected 19 '4. › 4.1 › (2) › ・1'
keys Enter
expect_re '$' '^ 4\. › 4\.1 › \(2\) › ・1 +[0-9]+/[0-9]+ '
expect_is 13 ' 4. › 4.1'
expect_is 14 ' (2) 実務者層・技術者層の育成'
# And come back to 2.2 (2).
keys C-o
expect_path '2\. › 2\.2 › \(2\)'
# (The tree scrolled down to 4. and back up: (2) is on its first row.)
expect_selected 2 '(2) 地方公共団体のセキュリティ強化・充実'
expect_is 14 ' (2) 地方公共団体のセキュリティ強化・充実'
tui_quit

tui_done

#!/bin/sh
# Search in the browser (issue 5), at 80x24 unless said: the / prompt in
# the status row, typing ASCII and Japanese (half-width, hiragana and
# katakana find the same), the selection following as you type, the matches
# set off in the tree and the pane (read back with capture-pane -e), whole
# characters removed by Backspace, the prompt scrolling at 20x6, Enter and
# Esc, n and N opening branches and wrapping, the sparse tree
# of "&", and romaji (when C/Migemo is built in).
#
# At 80x24 the tree has rows 2-11, the rule row 12, the pane rows 13-23,
# the status row 24.
. tests/tmux.sh

# expect_cursor X,Y: the terminal's cursor (0-based) is at X,Y and shown.
tui_cursor_at() {
	[ "$(pane_fmt '#{cursor_flag} #{cursor_x},#{cursor_y}')" = "1 $1" ]
}
expect_cursor() {
	if tui_poll "$TUI_WAIT" tui_cursor_at "$1"; then
		tui_ok "the cursor is shown at $1"
	else
		tui_fail "the cursor should be shown at $1, not at $(pane_fmt \
		    '#{cursor_x},#{cursor_y} (shown: #{cursor_flag})')"
	fi
}

# search TEXT: open the prompt and type TEXT (UTF-8, as an input method
# would send it) without ending the search.
search() {
	keys /
	expect_is '$' '/'
	T send-keys -t main -l "$1"
}

# The match role: black on yellow.
match='^fg=30 bg=43$'

echo "== 5. the prompt: typing, the selection following, matches set off"
# (Every query typed here matches something at each keystroke: see the
# note at the end of this file.)
tui_start 80x24
expect_status 1/5
keys /
expect_is '$' '/'
expect_cursor 1,23
T send-keys -t main -l 'ｾｷｭﾘﾃｨ'
expect_is '$' '/ｾｷｭﾘﾃｨ'
# Six half-width characters, one column each.
expect_cursor 7,23
# The selection has moved to the first match, 1.1, opening 1.
expect_is 2 '- 1. 経済社会の活力の向上及び持続的発展'
expect_selected 3 '1.1 新たな価値創出を支えるサイバー'
expect_is 14 ' 1.1 新たな価値創出を支えるサイバーセキュリティの推進'
# The match is set off in the tree and in the pane.
expect_set_off 3 'セキュリティ' "$match"
expect_set_off 14 'セキュリティ' "$match"
keys Down
expect_is '$' '/ｾｷｭﾘﾃｨ'
keys BSpace
expect_is '$' '/ｾｷｭﾘﾃ'
expect_cursor 6,23
# Backspace removes a whole character: ﾃﾞ is ﾃ with the half-width voiced
# mark U+FF9E, which extends it (one grapheme cluster, two columns).
keys C-u
expect_is '$' '/'
T send-keys -t main -l 'ﾃﾞ'
expect_is '$' '/ﾃﾞ'
expect_cursor 3,23
keys BSpace
expect_is '$' '/'
expect_cursor 1,23
# So is ﾍﾟ (the semi-voiced mark U+FF9F), at the end of a longer query.
T send-keys -t main -l 'ﾍﾟﾈﾄﾚｰｼｮﾝﾃｽﾄ'
expect_is '$' '/ﾍﾟﾈﾄﾚｰｼｮﾝﾃｽﾄ'
expect_is 11 '│ │ └─・政府機関、独立行政法人等への監査・ペネトレーションテストの実施'
expect_set_off 11 'ペネトレーションテスト' "$match"
expect_set_off 16 'ペネトレーションテスト' "$match"
keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
expect_is '$' '/ﾍﾟ'
keys BSpace
expect_is '$' '/'
# Typing on moves the selection as the query grows.
T send-keys -t main -l 'サイバー'
expect_is 14 ' 1.1 新たな価値創出を支えるサイバーセキュリティの推進'
expect_set_off 14 'サイバー' "$match"
T send-keys -t main -l '犯罪'
expect_is '$' '/サイバー犯罪'
expect_is 13 ' 2. › 2.1'
expect_is 14 ' (2) サイバー犯罪への対策'
expect_set_off 14 'サイバー犯罪' "$match"
expect_screen '│ └─+ (2) サイバー犯罪への対策 (1)'
# Enter keeps the search: the status row comes back with the match.
keys Enter
expect_re '$' '^ 2\. › 2\.1 › \(2\) +match 1/1 +[0-9]+/[0-9]+ '
expect_set_off 14 'サイバー犯罪' "$match"
if [ "$(pane_fmt '#{cursor_flag}')" = 0 ]; then
	tui_ok "the cursor is hidden again"
else
	tui_fail "the cursor should be hidden after Enter"
fi
tui_quit

echo "== 5. the match role without colour (NO_COLOR): bold and underline"
tui_start 80x24 NO_COLOR=1
search 'サイバー'
expect_set_off 14 'サイバー' '^fg=- bg=- bold underline$'
expect_set_off 3 'サイバー' '^fg=- bg=- bold underline$'
keys Enter
expect_re '$' 'match 1/[0-9]+ '
tui_quit

echo "== 5. half-width, hiragana and katakana find the same"
tui_start 80x24
# same_find WORD...: each WORD, searched from the start screen, finds the
# same first match and the same number of matches.
same_find() {
	first=
	for q in "$@"; do
		# From the start screen each time: nothing expanded, 1. selected.
		keys C g
		expect_status 1/5
		search "$q"
		expect_is '$' "/$q"
		keys Enter
		expect_re '$' '^ 1\. › 1\.1 +match 1/[0-9]+ +2/8 '
		tui_cap
		got=$(tui_row '$')
		if [ -z "$first" ]; then
			first=$got
		elif [ "$got" = "$first" ]; then
			tui_ok "'$q' finds what '$1' finds: $got"
		else
			tui_fail "'$q' should find what '$1' finds ($first)"
		fi
		# Esc out of the prompt's search clears it.
		keys Escape
		expect_re '$' '^ search cleared '
	done
}
same_find 'ｾｷｭﾘﾃｨ' 'せきゅりてぃ' 'セキュリティ'
same_find 'さいばー' 'サイバー'
# The same number of matches with the selection off them: "N matches".
keys C g
search 'サイバー'
keys Enter
expect_re '$' 'match 1/[0-9]+ '
tui_cap
n=$(tui_row '$' | sed 's,.*match 1/\([0-9]*\) .*,\1,')
keys k
expect_re '$' "^ 1\\. +$n matches +1/8 "
tui_quit

echo "== 5. n and N open collapsed branches and wrap around"
tui_start 80x24
search 'サイバー'
keys Enter
expect_re '$' '^ 1\. › 1\.1 +match 1/37 +2/8 '
expect_is 3 '├─+ 1.1 新たな価値創出を支えるサイバーセキュリティの推進 (6)'
# 1.1 (2) lies in the collapsed 1.1: n opens it.
keys n
expect_re '$' '^ 1\. › 1\.1 › \(2\) +match 2/37 +4/11 '
expect_is 3 '├─- 1.1 新たな価値創出を支えるサイバーセキュリティの推進'
expect_is 5 '│ ├─+ (2) サイバーセキュリティに対する投資の推進 (1)'
expect_selected 5 'セキュリティに対する投資の推進'
# Matches on rows that are not selected are set off too.
expect_set_off 3 'サイバー' "$match"
# Its measure lies in the collapsed (2): n opens that too.
keys n
expect_re '$' '^ 1\. › 1\.1 › \(2\) › ・1 +match 3/37 +5/12 '
expect_is 5 '│ ├─- (2) サイバーセキュリティに対する投資の推進'
expect_re 6 '^│ │ └─・サイバーセキュリティ保険の普及、情報開示・共有を促進するための'
expect_set_off 6 'サイバー' "$match"
keys N
expect_re '$' '^ 1\. › 1\.1 › \(2\) +match 2/37 +4/12 '
keys N
expect_re '$' '^ 1\. › 1\.1 +match 1/37 +2/12 '
# Before the first match, N wraps to the last (5.'s measure, in the
# collapsed 5.), and n from the last back to the first.
keys N
expect_re '$' '^ 5\. › ・1 +match 37/37 '
expect_re 11 '^└─・関係機関の一層の能力強化、'
expect_set_off 11 'サイバー' "$match"
keys n
expect_re '$' '^ 1\. › 1\.1 +match 1/37 +2/'
tui_quit

echo "== 5. Esc in the prompt returns to where the search began"
tui_start 80x24
keys j
expect_status 2/5
tui_cap
cp "$tui_tmp/screen" "$tui_tmp/before-search.screen"
search 'サイバー'
# The selection went to 2.1 (1), opening 2.
expect_is 3 '- 2. 国民が安全で安心して暮らせる社会の実現'
expect_is 14 ' (1) 安全・安心なサイバー空間の利用環境の構築'
keys Escape
expect_golden "$tui_tmp/before-search.screen"
# The same with the tree scrolled, and a match far below that scrolls it.
keys E g PageDown PageDown PageDown
expect_status 28/107
tui_cap
cp "$tui_tmp/screen" "$tui_tmp/before-search.screen"
search 'IoT'
expect_is 13 ' 4. › 4.2'
expect_no_screen '│ ├─- (1) 行動計画に基づく主な取組'
keys Escape
expect_golden "$tui_tmp/before-search.screen"
# Esc on an empty prompt, too.
keys /
expect_is '$' '/'
keys Escape
expect_golden "$tui_tmp/before-search.screen"
tui_quit

echo "== 5. n with no search"
tui_start 80x24
keys j
keys n
expect_re '$' '^ no search: type / first +2/5 '
keys N
expect_re '$' '^ no search: type / first +2/5 '
search 'CSIRT'
keys Enter
expect_re '$' '^ 2\. › 2\.2 › \(2\) › ・2 +match 1/1 '
# Esc clears a kept search: n has nothing to go to again.
keys Escape
expect_re '$' '^ search cleared +[0-9]+/[0-9]+ '
keys n
expect_re '$' '^ no search: type / first '
tui_quit

echo "== 5. a footnote's match takes n to the places citing it, in order"
# 組織 is in three measures, an item's title and ※2's definition, cited by
# 2.6 (1) ・1 (whose own text lacks it): that place comes fourth of five,
# merged in document order among the others.
tui_start 80x24
search '組織'
keys Enter
expect_re '$' '^ 2\. › 2\.2 › \(2\) › ・2 +match 1/5 '
keys n
expect_re '$' ' match 2/5 '
keys n
expect_re '$' ' match 3/5 '
keys n
expect_re '$' '^ 2\. › 2\.6 › \(1\) › ・1 +match 4/5 '
keys n
expect_re '$' ' match 5/5 '
tui_quit

echo "== 5. & shows only the matches and their ancestors, and back"
tui_start 80x24
keys '&'
expect_re '$' '^ no matches to filter by: search with /… +1/5 '
search 'CSIRT'
keys Enter
expect_re '$' '^ 2\. › 2\.2 › \(2\) › ・2 +match 1/1 +8/16 '
expect_is 8 '│   ├─・地方公共団体職員を対象とした集合研修・eラーニングを実施、セキュリティポ…'
keys '&'
expect_re '$' 'match 1/1  \[filter\]  4/4 '
expect_is 2 '- 2. 国民が安全で安心して暮らせる社会の実現'
expect_is 3 '└─- 2.2 官民一体となった重要インフラの防護'
expect_is 4 '  └─- (2) 地方公共団体のセキュリティ強化・充実'
expect_is 5 '    └─・緊急時対応訓練の支援及びCSIRT※1の連携組織の設立'
expect_is 6 ''
expect_set_off 5 'CSIRT' "$match"
keys '&'
expect_re '$' '^ filter off +match 1/1 +8/16 '
keys C-l
expect_re '$' '^ 2\. › 2\.2 › \(2\) › ・2 +match 1/1 +8/16 '
expect_is 8 '│   ├─・地方公共団体職員を対象とした集合研修・eラーニングを実施、セキュリティポ…'
# Nine matches (an organisation's name): fewer rows than the tree had;
# the selection, moved in the filtered tree, is kept when it goes.
search '総務省'
keys Enter
expect_re '$' '^ 2\. › 2\.2 › \(2\) › ・2 +match 6/9 +8/16 '
keys E
expect_re '$' ' match 6/9 +33/107 '
keys '&'
expect_re '$' ' match 6/9  \[filter\]  17/26 '
# At the top: neither 1.1 (1) nor 1.2, which hold no match.
keys g
expect_re '$' '^ 1\. +9 matches  \[filter\]  1/26 '
expect_is 2 '- 1. 経済社会の活力の向上及び持続的発展'
expect_is 3 '├─- 1.1 新たな価値創出を支えるサイバーセキュリティの推進'
expect_is 4 '│ └─- (2) サイバーセキュリティに対する投資の推進'
expect_re 5 '^│   └─・サイバーセキュリティ保険の普及、'
expect_is 6 '└─- 1.3 安全なIoTシステムの構築'
keys G
expect_re '$' ' match 9/9  \[filter\]  26/26 '
# & again: every entry is back (3., which has no match, among them) and
# the selection is where it was.  (Only that: whether the branches come
# back as they were before the filter is not checked here.)
keys '&'
expect_re '$' '^ filter off +match 9/9 +[0-9]+/[0-9]+ '
expect_no_screen '[filter]'
expect_screen '+ 3. 国際社会の平和・安定及び我が国の安全保障への寄与 (21)'
keys C-l
expect_re '$' '^ 4\. › 4\.1 › \(2\) › ・1 +match 9/9 +'
expect_selected 11 'ナショナルサイバートレーニングセンター'
tui_quit

echo "== 5. the prompt scrolls when the query is wider than the screen (20x6)"
tui_start 20x6
keys /
expect_is '$' '/'
T send-keys -t main -l 'Computer'
expect_is '$' '/Computer'
T send-keys -t main -l ' Security Incident Response Team'
# 17 columns for the query: "<" and the tail.
expect_is '$' '/<ent Response Team'
keys BSpace
expect_is '$' '/<dent Response Tea'
keys C-u
expect_is '$' '/'
T send-keys -t main -l 'サイバーセキュリティに対する投資の推進'
# Wide characters: the tail of whole characters that fits.
expect_is '$' '/<対する投資の推進'
keys BSpace
expect_is '$' '/<に対する投資の推'
keys Escape
expect_re '$' '^ 1\. +1/5$'
tui_quit

echo "== 5. romaji: /saiba finds サイバ"
if "$bin" --version 2>/dev/null | grep -q '^romaji search: built in'; then
	tui_start 80x24
	search 'saiba'
	expect_is '$' '/saiba'
	expect_set_off 14 'サイバ' "$match"
	expect_set_off 3 'サイバ' "$match"
	keys Enter
	expect_re '$' '^ 1\. › 1\.1 +match 1/[0-9]+ +2/8 '
	keys n
	expect_re '$' '^ 1\. › 1\.1 › \(2\) +match 2/[0-9]+ '
	expect_set_off 5 'サイバ' "$match"
	tui_quit
else
	echo "SKIPPED: romaji: $("$bin" --version 2>&1 | grep -i romaji ||
	    echo "--version does not mention it") (C/Migemo not built in)"
fi

echo "== 5. queries that match nothing: no match, and the forms through it"
tui_start 80x24
search '鯨'
expect_is '$' '/鯨'
keys Enter
expect_re '$' '^ 1\. +no match +1/5 '
# ｻｲﾊﾞｰ passes through ｻｲﾊ, which matches nothing, on its way.
search 'ｻｲﾊﾞｰ'
expect_is '$' '/ｻｲﾊﾞｰ'
keys Enter
expect_re '$' '^ 1\. › 1\.1 +match 1/37 +2/8 '
# Backspace takes ﾊﾞ and then ー? No: ー first, then ﾊﾞ as one character.
search 'ｻｲﾊﾞｰ'
keys BSpace
expect_is '$' '/ｻｲﾊﾞ'
keys BSpace
expect_is '$' '/ｻｲ'
keys Escape
if "$bin" --version 2>/dev/null | grep -q '^romaji search: built in'; then
	# kokusai passes through k and ko, too short to be romaji.
	search 'kokusai'
	keys Enter
	expect_re '$' '^ 1\. › 1\.3 › \(1\) +match 1/10 '
fi
tui_quit

echo "== 5. organisations and sub-entries are highlighted in the pane"
tui_start 80x24
search '総務省'
keys Enter
expect_re '$' 'match 1/9'
expect_set_off 18 '総務省' "$match"
keys Escape
tui_quit
tui_start 80x24
search 'サイバー'
keys Enter
# 1.1's pane lists (2) サイバーセキュリティに対する投資の推進 as a sub-entry.
expect_set_off 18 'サイバー' "$match"
tui_quit

tui_done

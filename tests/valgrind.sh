#!/bin/sh
# `make valgrind`: shisaku under valgrind (memcheck), which sees what the
# sanitizer builds cannot: the real, unsanitized binary with its real
# libraries.  A scripted browser session in tmux (expand everything, move,
# the pane, zoom, help, the footnote and organisation views, searching in
# Japanese and in romaji, the sparse tree, a resize, quit) and the command
# line (--dump text and json, --search text and json, --check, a malformed
# and a hostile document, and a document of more than a megabyte, which is
# parsed on a thread of its own, loaded whole and cut short) must each end with no invalid access, no use of
# uninitialised memory and no leak (definitely or indirectly lost).
#
# Memory that ncurses, ICU and libyaml keep until exit on purpose is
# "still reachable": it is not counted, so no suppression file is needed
# (and none may ever hide our code).  Slow: a few minutes; `make test` does
# not run it.  VG_CMD=env runs the
# same session without it, to try the script quickly).
# Usage: tests/valgrind.sh [BUILD]
set -u
SHISAKU=${1:-build}/shisaku
export SHISAKU
# Under valgrind everything is 20-50 times slower.
TUI_START_WAIT=${TUI_START_WAIT:-120}
TUI_WAIT=${TUI_WAIT:-60}
export TUI_START_WAIT TUI_WAIT
. tests/tmux.sh

vg_logs=${VG_LOGS:-${1:-build}/valgrind}
rm -rf "$vg_logs"
mkdir -p "$vg_logs"
vg="valgrind --error-exitcode=99 --leak-check=full \
--show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect \
--track-origins=yes"

# vg_prefix LOG: the command line that runs a program under valgrind,
# logging to LOG (nothing with VG_CMD=env).
vg_prefix() {
	if [ "${VG_CMD:-}" = env ]; then
		echo env
	else
		echo "$vg --log-file=$1"
	fi
}

# vg_check NAME LOG STATUS WANT: the run ended with WANT and its valgrind
# log reports no error and no leak.
vg_check() {
	if [ "$3" -eq 99 ]; then
		tui_fail "$1: valgrind found errors (see $2)"
		sed -n '/ERROR SUMMARY/p; /definitely lost/p; /Invalid/,+6p' "$2"
	elif [ "$3" -ne "$4" ]; then
		tui_fail "$1: status $3, want $4 (see $2)"
	elif [ -z "${VG_CMD:-}" ] && ! grep -q 'ERROR SUMMARY: 0 errors' "$2"; then
		tui_fail "$1: no clean ERROR SUMMARY in $2"
	else
		tui_ok "$1: no errors, no leaks"
	fi
}

# vg_cli NAME WANT ARGS...: run shisaku ARGS under valgrind.
vg_cli() {
	name=$1 want=$2
	shift 2
	log=$vg_logs/$name.log
	env LC_ALL=C.UTF-8 $(vg_prefix "$log") "$bin" "$@" \
	    >"$vg_logs/$name.out" 2>"$vg_logs/$name.err"
	vg_check "$name" "$log" $? "$want"
}

echo "== the command line"
vg_cli check 0 --check
vg_cli dump-text 0 --dump --width=40
vg_cli dump-json 0 --dump --format=json
vg_cli search-text 0 --search=サイバー
vg_cli search-json 0 --search='ｉｏｔ 総務省' --format=json
vg_cli search-romaji 0 --search=kokusai
vg_cli search-none 1 --search=zzzzqqq --no-romaji
vg_cli malformed 65 --check tests/data/unknown-key.yaml
vg_cli binary 65 --check tests/data/binary.yaml
vg_cli missing 66 --check tests/data/no-such-file.yaml
vg_cli hostile-text 0 --dump tests/data/hostile-fields.yaml
vg_cli hostile-json 0 --dump --format=json tests/data/hostile-fields.yaml
# A document of more than a megabyte is parsed on a thread of its own while
# the loader builds it and folds the index (model/load.c): 80 entries of
# 100 measures, one in ten ending in 国際協力.
big=$vg_logs/big.yaml
awk 'BEGIN {
	print "title: 大きな文書"
	print "nodes:"
	for (e = 1; e <= 80; e++) {
		printf "  - number: \"%d.\"\n    title: 施策の一覧%d\n", e, e
		print "    measures:"
		for (k = 0; k < 100; k++)
			printf "      - text: 第%d章第%d項　サイバーセキュリティ" \
			    "人材の育成と確保に係る施策の推進%s\n" \
			    "        agencies: [NISC, 総務省]\n", e, k,
			    k % 10 == 3 ? "国際協力" : ""
	}
	printf "  - number: \"81.\"\n    title: [\n"
}' >"$big"
head -n -2 "$big" >"$big.ok"
vg_cli big-search 0 --search=国際協力 --format=csv "$big.ok"
vg_cli big-error 65 --check "$big"

echo "== a browser session"
log=$vg_logs/browser.log
tui_open 80x24 "$tui_env LC_ALL=C.UTF-8 TERM=xterm-256color \
    $(vg_prefix "$log") $bin 2>$tui_tmp/stderr"
tui_wait_re "$TUI_START_WAIT" '$' ' [0-9]+/[0-9]+' ||
    tui_fail "the browser did not start under valgrind"
# step KEYS... RE: send keys, then wait for the status row to match RE.
step() {
	while [ $# -gt 1 ]; do
		keys "$1"
		shift
	done
	expect_re '$' "$1"
}
step E ' 1/[0-9]+ '
step j j j ' 4/[0-9]+ '
step Tab Space Space Tab ' 4/[0-9]+ '
step z z ' 4/[0-9]+ '
keys '?'
expect_screen 'Keys (q or Esc to close'
step q ' 4/[0-9]+ '
step G ' ([0-9]+)/\1 '
step g ' 1/[0-9]+ '
# The footnotes of an entry, every footnote (going to one and back), every
# organisation (opening one, going to a measure and back).
keys f
expect_screen 'Footnotes cited by'
keys Escape
keys F Down Enter
expect_no_screen 'Footnotes'
keys C-o
keys a Down Enter
expect_screen '(Enter: go there, ^O: come back'
keys Down Enter
keys C-o
step g ' 1/[0-9]+ '
keys /
T send-keys -t main -l 'サイバー'
expect_re '$' '^/サイバー'
step Enter n n N 'match [0-9]+/[0-9]+'
keys '&'
keys '&'
keys /
T send-keys -t main -l 'csirt'
expect_re '$' '^/csirt'
keys Enter
expect_re '$' 'match [0-9]+/[0-9]+'
keys Escape
step C 1 2 3 4 ' [0-9]+/[0-9]+ '
T resize-window -t main -x 60 -y 15
keys C-l
expect_re '$' ' [0-9]+/[0-9]+'
T resize-window -t main -x 120 -y 40
expect_re '$' ' [0-9]+/[0-9]+'
keys q
if tui_poll "$TUI_START_WAIT" tui_ended; then
	case $tui_end in
	"exit "*) vg_check browser "$log" "${tui_end#exit }" 0 ;;
	*) tui_fail "browser: ended with $tui_end" ;;
	esac
else
	tui_fail "browser: did not end after q"
fi
expect_empty_stderr

echo "(valgrind logs in $vg_logs)"
tui_done

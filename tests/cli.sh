# Shared helpers for the command-line tests (tests/t_cli.sh,
# tests/t_agency.sh, tests/t_search.sh): the binary, a temporary directory
# removed on exit, a count of failures, check, which runs a command and
# checks its exit status, and status, the same for shisaku.  Sourced by sh
# (POSIX): no bash features.

bin=${SHISAKU:-build/shisaku}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0

# check NAME WANT CMD...: run CMD (output in $tmp/out and $tmp/err), count
# a failure unless it exits with WANT.
check() {
	ck_name=$1 ck_want=$2
	shift 2
	set +e
	"$@" >"$tmp/out" 2>"$tmp/err"
	got=$?
	set -e
	if [ "$got" -ne "$ck_want" ]; then
		echo "FAIL $ck_name: status $got, want $ck_want"
		cat "$tmp/err"
		fails=$((fails + 1))
	fi
}

# status WANT ARGS...: check shisaku ARGS.
status() {
	st_want=$1
	shift
	check "shisaku $*" "$st_want" "$bin" "$@"
}

# Shared helpers for the command-line tests (tests/t_agency.sh,
# tests/t_search.sh): the binary, a temporary directory removed on exit, a
# count of failures, and status, which runs shisaku and checks its exit
# status.  Sourced by sh (POSIX): no bash features.

bin=${SHISAKU:-build/shisaku}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0

# status WANT ARGS...: run shisaku ARGS (output in $tmp/out and $tmp/err),
# count a failure unless it exits with WANT.
status() {
	st_want=$1
	shift
	set +e
	"$bin" "$@" >"$tmp/out" 2>"$tmp/err"
	got=$?
	set -e
	if [ "$got" -ne "$st_want" ]; then
		echo "FAIL: shisaku $*: status $got, want $st_want"
		cat "$tmp/err"
		fails=$((fails + 1))
	fi
}

#!/bin/sh
# Run every unit test binary in BUILD/tests and every shell test
# tests/t_*.sh against BUILD/shisaku; keep the logs of failures in
# BUILD/test-logs; end with "N passed, N failed".
# Usage: tests/run.sh BUILD
set -u
build=${1:-build}
logs=$build/test-logs
rm -rf "$logs"
mkdir -p "$logs"
pass=0
fail=0
failed=

# Locale and terminal are pinned: widths depend on them.
export LC_ALL=C.UTF-8 TERM=xterm-256color
unset NO_COLOR

for t in "$build"/tests/test_*; do
	case $t in *.d|*.o) continue ;; esac
	[ -x "$t" ] || continue
	name=$(basename "$t")
	if "$t" >"$logs/$name.log" 2>&1; then
		pass=$((pass + 1))
		# cmocka ends its summary line without a newline.
		grep -oE '\[  (PASSED|FAILED|SKIPPED) \] [0-9]+ test\(s\)\.' \
		    "$logs/$name.log" | sed "s/^/$name: /"
	else
		fail=$((fail + 1))
		failed="$failed $name"
		cat "$logs/$name.log"
	fi
done

for t in tests/t_*.sh; do
	[ -f "$t" ] || continue
	name=$(basename "$t" .sh)
	if SHISAKU="$build/shisaku" sh "$t" >"$logs/$name.log" 2>&1; then
		pass=$((pass + 1))
		echo "$name: ok"
	else
		fail=$((fail + 1))
		failed="$failed $name"
		echo "$name: FAILED"
		cat "$logs/$name.log"
	fi
done

[ -n "$failed" ] && echo "failed:$failed (logs in $logs)"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]

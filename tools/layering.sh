#!/bin/sh
# Dependencies point one way, src -> ui -> model: model/ never includes curses
# or anything from ui/ or src/, and ui/ never includes src/.
set -eu
status=0
if grep -nE '#[[:space:]]*include[[:space:]]*[<"](n?curses|ncursesw/|term\.h|ui/|src/)' model/*.[ch]; then
	echo "layering: model/ must not include curses, ui/ or src/" >&2
	status=1
fi
if ls ui/*.[ch] >/dev/null 2>&1 &&
    grep -nE '#[[:space:]]*include[[:space:]]*"src/' ui/*.[ch]; then
	echo "layering: ui/ must not include src/" >&2
	status=1
fi
exit $status

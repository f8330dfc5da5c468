#!/bin/sh
# Run the benchmark programs on the 2018 document and the generated ones,
# then print one table (bench/table.awk) with PASS/FAIL against issue 8.
# Usage: bench/run.sh BENCH_BUILD SHISAKU RUNS SIZE...   (SIZE: 10k 100k 1m)
#
# Raw figures go to BENCH_BUILD/results.txt ("DOC KEY VALUE" lines).  The
# 1M document gets 3 runs per timing whatever RUNS says (a load takes
# seconds), and its start-up row one; with 100k and 1m both given, the
# operation rows' 1M÷100k ratios are also taken paired (KEY_scale_ratio).
set -eu
bb=$1
shisaku=$2
runs=$3
shift 3

# Pinned, as the tests pin them: widths depend on the locale.  The
# browser's remembered state goes to a folder of the benchmark's own,
# emptied first, so that every run starts alike and $HOME is left alone.
export LC_ALL=C.UTF-8 TERM=xterm-256color LESSHISTFILE=-
# (Absolute: a relative XDG_STATE_HOME is ignored, as the XDG spec says,
# and the browser would read the state under $HOME.)
XDG_STATE_HOME=$(cd "$bb" && pwd)/state
export XDG_STATE_HOME
rm -rf "$XDG_STATE_HOME"
unset LESS LESSOPEN LESSCLOSE NO_COLOR 2>/dev/null || true

out=$bb/results.txt
: >"$out"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

# record DOC: read "KEY VALUE" lines, write "DOC KEY VALUE".
record() {
	awk -v doc="$1" 'NF == 2 { print doc, $1, $2 }' >>"$out"
}

# bench_doc NAME FILE RUNS: every row for one document.
bench_doc() {
	name=$1 file=$2 n=$3
	echo "== $name: $file ($n runs a timing)" >&2
	"$bb/yamlparse" "$file" "$n" | record "$name"
	"$bb/bench" rss "$file" | record "$name"
	"$bb/bench" load "$file" "$n" | record "$name"
	"$bb/bench" ops "$file" "$n" | record "$name"
	"$bb/draw" "$file" "$n" 160 48 | record "$name"
	# Start-up beside less on the same outline as text.
	"$shisaku" --dump "$file" >"$bb/$name.txt"
	su=$n
	[ "$name" = 1m ] && su=1
	"$bb/startup" 160 48 "$su" -o "$bb/$name-shisaku.screen" -- \
	    "$shisaku" "$file" | sed 's/^startup/shisaku_startup/' |
	    record "$name"
	"$bb/startup" 160 48 "$su" -o "$bb/$name-less.screen" -- \
	    less "$bb/$name.txt" | sed 's/^startup/less_startup/' |
	    record "$name"
	rm -f "$bb/$name.txt"		# 250 MB for the 1M document
}

# The embedded document: start-up of shisaku with no FILE.  A start takes
# milliseconds, so at least 21 runs each: the median of 5 moved by a third
# from one run of the benchmark to the next on a shared machine.
echo "== 2018: the embedded document" >&2
"$shisaku" --dump >"$bb/2018.txt"
su=$((runs > 21 ? runs : 21))
"$bb/startup" 160 48 "$su" -o "$bb/2018-shisaku.screen" -- "$shisaku" |
    sed 's/^startup/shisaku_startup/' | record 2018
"$bb/startup" 160 48 "$su" -o "$bb/2018-less.screen" -- \
    less "$bb/2018.txt" | sed 's/^startup/less_startup/' | record 2018
bench_doc_2018() {
	f=data/cybersecurity2018.yaml
	"$bb/yamlparse" "$f" "$runs" | record 2018
	"$bb/bench" rss "$f" | record 2018
	"$bb/bench" load "$f" "$runs" | record 2018
	"$bb/bench" ops "$f" "$runs" | record 2018
	"$bb/draw" "$f" "$runs" 160 48 | record 2018
}
bench_doc_2018

for size in "$@"; do
	n=$runs
	[ "$size" = 1m ] && n=3
	bench_doc "$size" "$bb/doc-$size.yaml" "$n"
done

# 1M÷100k, paired: each operation row timed on the 100k and the 1M
# document in turn, run by run, in one process, so that both see the same
# spell of the machine's speed (bench/RESULTS.md, The machine).
if [ -f "$bb/doc-100k.yaml" ] && [ -f "$bb/doc-1m.yaml" ] &&
    grep -q '^100k ' "$out" && grep -q '^1m ' "$out"; then
	echo "== 1M÷100k, paired" >&2
	"$bb/bench" scale "$bb/doc-100k.yaml" "$runs" "$bb/doc-1m.yaml" |
	    record 1m
	"$bb/draw" "$bb/doc-100k.yaml" "$runs" 160 48 "$bb/doc-1m.yaml" |
	    record 1m
fi

{
	printf 'machine: %s cores, %s, %s MB memory; ' "$(nproc)" \
	    "$(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -1)" \
	    "$(awk '/^MemTotal/ { print int($2 / 1024) }' /proc/meminfo)"
	printf 'load average %s before, %s after\n' "$load_before" \
	    "$(cut -d' ' -f1-3 /proc/loadavg)"
} >"$bb/machine.txt"
awk -f bench/table.awk "$bb/machine.txt" "$out"

#!/bin/sh
# Hostile files and documents on the command line.  Every run is bounded by
# `timeout 10` (a run that hangs fails), gives its documented status and
# one clear message, and no output (standard output or error) carries a
# control character, an escape sequence, a bidi control or invalid UTF-8
# raw.  The browser's side is tests/t_tui_hostile.sh; the limits at small
# values are tests/test_limits.c.
set -eu
bin=${SHISAKU:-build/shisaku}
case $bin in
/*) ;;
*) bin=$PWD/$bin ;;
esac
tmp=$(mktemp -d)
writer=
cleanup() {
	[ -n "$writer" ] && kill "$writer" 2>/dev/null
	chmod -R u+rwx "$tmp" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
fails=0
checks=0

fail() {
	echo "FAIL $*"
	fails=$((fails + 1))
}

# run NAME WANT_STATUS CMD...: run CMD under `timeout 10`; its output goes
# to $tmp/out and $tmp/err; compare its status.
run() {
	name=$1 want=$2
	shift 2
	set +e
	timeout 10 "$@" >"$tmp/out" 2>"$tmp/err"
	got=$?
	set -e
	checks=$((checks + 1))
	if [ "$got" -eq 124 ]; then
		fail "$name: still running after 10 s"
	elif [ "$got" -ne "$want" ]; then
		fail "$name: status $got, want $want"
		sed 's/^/  stderr: /' "$tmp/err"
	fi
}

# err_is TEXT: standard error is exactly TEXT.
err_is() {
	if [ "$(cat "$tmp/err")" != "$1" ]; then
		fail "$name: stderr '$(cat "$tmp/err")', want '$1'"
	fi
}

# err_has TEXT: standard error holds TEXT.
err_has() {
	grep -qF -- "$1" "$tmp/err" ||
	    fail "$name: stderr lacks '$1': $(cat "$tmp/err")"
}

# out_has TEXT: standard output holds TEXT.
out_has() {
	grep -qF -- "$1" "$tmp/out" ||
	    fail "$name: stdout lacks '$1'"
}

# safe FILE...: keep copies of the files, named after the current run, for
# check_safe at the end (one python3 for all of them, as it is slow to
# start): each must be valid UTF-8 holding no control character but LF (and
# CR before LF in CSV), no C1 control, no bidi control, no U+2028/U+2029.
mkdir "$tmp/safe"
safe_n=0
safe() {
	for sf in "$@"; do
		safe_n=$((safe_n + 1))
		cp "$sf" "$tmp/safe/$safe_n.$name.$(basename "$sf")"
	done
}

# check_safe: check every file kept by safe.
check_safe() {
	python3 - "$tmp/safe" <<'EOF' || fails=$((fails + 1))
import os, re, sys
bad = set(range(0x20)) - {0x0a}
bad |= set(range(0x7f, 0xa0)) | {0x061c, 0x200e, 0x200f, 0x2028, 0x2029}
bad |= set(range(0x202a, 0x202f)) | set(range(0x2066, 0x206a))
ok = True
d = sys.argv[1]
names = sorted(os.listdir(d), key=lambda n: int(n.split(".")[0]))
for n in names:
    data = open(os.path.join(d, n), "rb").read()
    if "csv" in n:
        data = data.replace(b"\r\n", b"\n")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        print("FAIL %s: invalid UTF-8 at byte %d" % (n, e.start))
        ok = False
        continue
    for i, c in enumerate(text):
        if ord(c) in bad:
            print("FAIL %s: raw U+%04X at character %d: %r" %
                  (n, ord(c), i, text[max(0, i - 20):i + 20]))
            ok = False
            break
print("%d outputs checked for raw control characters" % len(names))
sys.exit(0 if ok else 1)
EOF
}

# --- Files -----------------------------------------------------------------

run missing 66 "$bin" --check "$tmp/no-such.yaml"
err_is "shisaku: $tmp/no-such.yaml: No such file or directory"

run directory 66 "$bin" --check "$tmp"
err_is "shisaku: $tmp: is a directory"

: >"$tmp/empty.yaml"
run empty 65 "$bin" --dump "$tmp/empty.yaml"
err_is "shisaku: $tmp/empty.yaml:1:1: the document is empty (expected a mapping with title: and nodes:)"

# Unreadable: chmod 000 does not stop root, so as root the run is made as
# nobody (setpriv); without setpriv it is skipped, visibly.
cp tests/data/fold-mix.yaml "$tmp/locked.yaml"
chmod 000 "$tmp/locked.yaml"
chmod 755 "$tmp"
if [ "$(id -u)" -ne 0 ]; then
	run unreadable 66 "$bin" --check "$tmp/locked.yaml"
	err_is "shisaku: $tmp/locked.yaml: Permission denied"
elif command -v setpriv >/dev/null 2>&1 &&
    setpriv --reuid=65534 --regid=65534 --clear-groups "$bin" --version \
    >/dev/null 2>&1; then
	run unreadable 66 setpriv --reuid=65534 --regid=65534 --clear-groups \
	    "$bin" --check "$tmp/locked.yaml"
	err_is "shisaku: $tmp/locked.yaml: Permission denied"
else
	echo "SKIP unreadable: running as root (chmod 000 does not stop root)" \
	    "and cannot run as nobody"
fi
chmod 644 "$tmp/locked.yaml"

# A file that opens but cannot be read: /proc/self/mem fails at offset 0.
if [ -e /proc/self/mem ]; then
	run read-error 66 "$bin" --check /proc/self/mem
	err_is "shisaku: /proc/self/mem: Input/output error"
fi

# /dev/zero: refused at its first byte, at once.
run dev-zero 65 "$bin" --check /dev/zero
err_is "shisaku: /dev/zero:1:1: a NUL byte: this is a binary file, not a YAML document"

run binary 65 "$bin" --check tests/data/binary.yaml
err_is "shisaku: tests/data/binary.yaml:2:3: a NUL byte: this is a binary file, not a YAML document"
run binary-dump 65 "$bin" --dump tests/data/binary.yaml
[ -s "$tmp/out" ] && fail "binary-dump: wrote output"

# Random bytes: refused (a NUL, or not UTF-8), with a place.
head -c 65536 /dev/urandom >"$tmp/random.bin"
run random 65 "$bin" --check "$tmp/random.bin"
grep -qE "^shisaku: $tmp/random.bin:[0-9]+:[0-9]+: " "$tmp/err" ||
    fail "random: no place in '$(cat "$tmp/err")'"
safe "$tmp/err"

# A 1 GB file (sparse: all NUL) is refused at its first byte, and one
# over 1 GiB from its size, before anything is read.
if truncate -s 1000M "$tmp/1gb.yaml" 2>/dev/null; then
	run 1gb 65 "$bin" --check "$tmp/1gb.yaml"
	err_is "shisaku: $tmp/1gb.yaml:1:1: a NUL byte: this is a binary file, not a YAML document"
	rm -f "$tmp/1gb.yaml"
fi
if truncate -s 1100M "$tmp/huge.yaml" 2>/dev/null; then
	run over-1gib 66 "$bin" --check "$tmp/huge.yaml"
	err_is "shisaku: $tmp/huge.yaml: is larger than 1 GiB, the largest document shisaku reads"
	rm -f "$tmp/huge.yaml"
fi

# FIFOs: opening never waits for a writer.  With none, a message at once;
# with one, it is read to its end like a pipe.
mkfifo "$tmp/fifo"
# wait_writer PID: wait until PID is blocked opening the FIFO for writing
# (then it counts as a writer); Linux shows that in /proc, elsewhere wait.
wait_writer() {
	n=100
	while [ "$n" -gt 0 ]; do
		if [ ! -r "/proc/$1/wchan" ]; then
			sleep 1
			return 0
		fi
		[ "$(cat "/proc/$1/wchan" 2>/dev/null)" = wait_for_partner ] &&
		    return 0
		case $(cut -d' ' -f1 "/proc/$1/syscall" 2>/dev/null) in
		2|257) return 0 ;;
		esac
		sleep 0.05
		n=$((n - 1))
	done
}
run fifo-no-writer 66 "$bin" --check "$tmp/fifo"
err_is "shisaku: $tmp/fifo: is a FIFO that no program is writing to (start the writer first)"
cat data/cybersecurity2018.yaml >"$tmp/fifo" &
writer=$!
wait_writer "$writer"
run fifo-document 0 "$bin" --check "$tmp/fifo"
wait "$writer" || true
head -c 200000 /dev/urandom >"$tmp/fifo" 2>/dev/null &
writer=$!
wait_writer "$writer"
run fifo-garbage 65 "$bin" --check "$tmp/fifo"
kill "$writer" 2>/dev/null || true
wait "$writer" 2>/dev/null || true
# A writer that never closes, writing text without end: refused at 1 GiB.
# (Disabled by default: it costs 1 GiB of memory; SHISAKU_SLOW=1 runs it.)
if [ "${SHISAKU_SLOW:-0}" = 1 ]; then
	yes 'title: endless' >"$tmp/fifo" 2>/dev/null &
	writer=$!
	wait_writer "$writer"
	run fifo-endless 66 "$bin" --check "$tmp/fifo"
	err_is "shisaku: $tmp/fifo: is larger than 1 GiB, the largest document shisaku reads"
	kill "$writer" 2>/dev/null || true
	wait "$writer" 2>/dev/null || true
fi
writer=

# Standard input through /dev/stdin, from a file and from a pipe.
run stdin-file 0 "$bin" --check /dev/stdin <data/cybersecurity2018.yaml
set +e
cat data/cybersecurity2018.yaml | timeout 10 "$bin" --check /dev/stdin
st=$?
set -e
checks=$((checks + 1))
[ "$st" -eq 0 ] || fail "stdin-pipe: status $st"

# The document is read, never written: a read-only copy loads and is left
# as it was.
cp data/cybersecurity2018.yaml "$tmp/ro.yaml"
chmod 444 "$tmp/ro.yaml"
before=$(stat -c '%s %Y %Z' "$tmp/ro.yaml")
sleep 1
run read-only 0 "$bin" --dump "$tmp/ro.yaml"
[ "$(stat -c '%s %Y %Z' "$tmp/ro.yaml")" = "$before" ] ||
    fail "read-only: the file changed"
cmp -s "$tmp/ro.yaml" data/cybersecurity2018.yaml ||
    fail "read-only: the content changed"

# --- Documents that try to take over the terminal -------------------------

# Every field of tests/data/hostile-fields.yaml holds escape sequences
# (CSI, OSC title and clipboard, DCS), C1 and bidi controls.  Every output
# format shows them visibly and never raw.
h=tests/data/hostile-fields.yaml
formats="text json"
if "$bin" --dump --format=csv data/cybersecurity2018.yaml >/dev/null 2>&1; then
	formats="$formats csv"
fi
for fmt in $formats; do
	run "hostile-dump-$fmt" 0 "$bin" --dump --format=$fmt "$h"
	cp "$tmp/out" "$tmp/dump.$fmt"
	safe "$tmp/out" "$tmp/err"
done
for w in 1 7 30; do
	run "hostile-dump-width-$w" 0 "$bin" --dump --width=$w "$h"
	safe "$tmp/out" "$tmp/err"
done
# The text form shows each sequence in caret or <U+XXXX> notation.
name=hostile-visible
for s in 'T0^[]0;pwned-title^G^[]2;pwned2^[\^[[2J^[[H' \
    'N0^[[5;5H<U+009B>2J' 'D0<U+009D>0;c1-title<U+009C><U+202E>' \
    'B0^[P1$qm^[\^[]52;c;cHduZWQ=^G' '1^[[31m. N1^[]0;node-title^G' \
    '<U+2066><U+200F>^?^[[1A^[[K' 'G1^[]52;c;Y2xpcA==^GA1^[[H<U+0085><U+202D>' \
    'M1^[[?1049h^[[?25l<U+009B>?1049l' '<U+061C>' '^A^_' \
    'A2<U+2067>及びA3^[P+q544e^[\^[[6n' '(1)<U+202E> N2^[[3J^[c' \
    'M2^[[8m^[[?1000h^[[?2004h' 'A4<U+200E>' \
    '※1 F1^[]8;;http://evil^GX^[]8;;^G: F2^[]0;fn-title^G<U+0090>q<U+009C><U+2069>'; do
	grep -qF -- "$s" "$tmp/dump.text" || fail "hostile-visible: no '$s'"
done
# JSON keeps every text exactly, escaped.
python3 - "$tmp/dump.json" <<'EOF' || fail "hostile-json: texts differ"
import json, sys
d = json.load(open(sys.argv[1]))
want = {
    "title": "T0\x1b]0;pwned-title\x07\x1b]2;pwned2\x1b\\\x1b[2J\x1b[H",
    "document_number": "N0\x1b[5;5H\x9b2J",
    "date": "D0\x9d0;c1-title\x9c\u202e",
    "decided_by": "B0\x1bP1$qm\x1b\\\x1b]52;c;cHduZWQ=\x07",
}
for k, v in want.items():
    assert d[k] == v, (k, d[k])
n = d["nodes"][0]
assert n["number"] == "1\x1b[31m.", n["number"]
assert n["title"] == "N1\x1b]0;node-title\x07\u2066\u200f\x7f\x1b[1A\x1b[K"
assert n["agencies"] == ["A1\x1b[H\x85"], n["agencies"]
assert n["agency_tag"] == "G1\x1b]52;c;Y2xpcA==\x07A1\x1b[H\x85\u202d"
m = n["measures"][0]
assert m["text"] == "M1\x1b[?1049h\x1b[?25l\x9b?1049l※1\u061c\t\x01\x1f"
assert m["agencies"] == ["A2\u2067", "A3\x1bP+q544e\x1b\\"]
assert m["agency_tag"] == "A2\u2067及びA3\x1bP+q544e\x1b\\\x1b[6n"
c = n["children"][0]
assert c["number"] == "(1)\u202e" and c["title"] == "N2\x1b[3J\x1bc"
assert c["measures"][0]["text"] == "M2\x1b[8m\x1b[?1000h\x1b[?2004h"
assert c["measures"][0]["agencies"] == ["A4\u200e"]
f = d["footnotes"][0]
assert f["term"] == "F1\x1b]8;;http://evil\x07X\x1b]8;;\x07"
assert f["text"] == "F2\x1b]0;fn-title\x07\x90q\x9c\u2069"
EOF

# --search finds text in every searchable field and prints it safely.
for q in N1 N2 M1 M2 A1 A2 A3 A4 F1 F2 evil; do
	for fmt in text json; do
		run "hostile-search-$q-$fmt" 0 "$bin" --search="$q" \
		    --format=$fmt --no-romaji "$h"
		safe "$tmp/out" "$tmp/err"
	done
done
run hostile-search-visible 0 "$bin" --search=M1 --no-romaji "$h"
out_has '[M1]^[[?1049h^[[?25l<U+009B>?1049l※1<U+061C>'
# The path of a hit (the node numbers) is shown visibly too.
run hostile-search-path 0 "$bin" --search=N1 --no-romaji "$h"
out_has '1^[[31m.: [N1]^[]0;node-title^G'
run hostile-search-path-2 0 "$bin" --search=M2 --no-romaji "$h"
out_has '1^[[31m. › (1)<U+202E> › ・1: [M2]^[[8m'
# A hostile query is echoed safely (JSON) and never raw.
run hostile-query 1 "$bin" --search="$(printf 'x\033]0;q\007\302\233')" \
    --format=json --no-romaji
safe "$tmp/out" "$tmp/err"

# --- Error messages quote document text safely ----------------------------

# msg NAME FILE LINE:COL TEXT...: --check FILE fails with 65 at LINE:COL;
# standard error is safe and holds each TEXT.
msg() {
	mname=$1 file=$2 place=$3
	shift 3
	run "message-$mname" 65 "$bin" --check "$file"
	err_has "shisaku: $file:$place: "
	safe "$tmp/err"
	for s in "$@"; do
		err_has "$s"
	done
}

d=$tmp/msg
mkdir "$d"
printf 'title: t\nnodes:\n  - number: "1"\n    title: x\n    "titl\\e": x\n' >"$d/key.yaml"
msg unknown-key "$d/key.yaml" 5:5 "unknown key 'titl^[' in a node (did you mean 'title'?)"
printf 'title: t\nnodes:\n  - number: "1"\n    title: x\n    "\\e[2J\\e[H": x\n' >"$d/key2.yaml"
msg unknown-key-far "$d/key2.yaml" 5:5 "unknown key '^[[2J^[[H' in a node (expected one of:"
printf 'title: t\nnodes:\n  - number: "1"\n    title: x\n    agencies: ["\\e[31mA"]\n    agency_tag: "\\e]52;c;eA==\\aB\\u202e"\n' >"$d/tag.yaml"
msg agency-tag "$d/tag.yaml" 6:17 "agency_tag '^[]52;c;eA==^GB<U+202E>' does not contain '^[[31mA'"
printf 'title: t\nnodes:\n  - number: "\\e[2J1"\n    title: x\n  - number: "\\e[2J1"\n    title: y\n' >"$d/number.yaml"
msg number-twice "$d/number.yaml" 5:5 "number '^[[2J1' is used twice among siblings (first at line 3"
printf 'title: t\nnodes:\n  - number: "1"\n    title: x\nfootnotes:\n  - mark: "\\u009b2J\\u202e"\n    text: x\n' >"$d/mark.yaml"
msg mark "$d/mark.yaml" 6:11 "footnote mark '<U+009B>2J<U+202E>' is not ※ followed by digits"
printf 'title: t\ndate_iso: "\\e]0;x\\a2018-07-25"\nnodes:\n  - number: "1"\n    title: x\n' >"$d/date.yaml"
msg date-iso "$d/date.yaml" 2:11 "date_iso '^[]0;x^G2018-07-25' is not a date written YYYY-MM-DD"
# A long key is cut to 48 columns with "…"; a cut inside a character of a
# long message never leaves invalid UTF-8.
python3 -c '
import sys
sys.stdout.write("title: t\nnodes:\n  - number: \"1\"\n    title: x\n    " + "鍵" * 1000 + ": x\n")' >"$d/longkey.yaml"
msg long-key "$d/longkey.yaml" 5:5 "unknown key '$(python3 -c 'print("鍵" * 23, end="")') …' in a node"
python3 -c '
import sys
sys.stdout.write("title: t\nnodes:\n  - number: \"1\"\n    title: x\n    agencies: [\"" + "あ" * 400 + "\"]\n    agency_tag: \"" + "い" * 400 + "\"\n")' >"$d/longtag.yaml"
msg long-tag "$d/longtag.yaml" 6:17 "agency_tag 'いいいい" "…' does not contain 'ああ"

# --- Invalid UTF-8, raw control characters and NUL in every text field -----

# doc FIELD VALUE: a document (on stdout) whose FIELD holds VALUE (already
# quoted as YAML wants); every other field is plain.  Prints on stderr the
# line of FIELD.
fields="title document_number date decided_by number node_title \
node_agencies node_tag measure_text measure_agencies measure_tag mark term \
fn_text"
doc() {
	df=$1 v=$2
	val() { if [ "$df" = "$1" ]; then printf '%s' "$v"; else printf '%s' "$2"; fi; }
	printf 'title: %s\n' "$(val title T)"
	printf 'document_number: %s\n' "$(val document_number N)"
	printf 'date: %s\n' "$(val date D)"
	printf 'decided_by: %s\n' "$(val decided_by B)"
	printf 'nodes:\n'
	printf '  - number: %s\n' "$(val number '"1."')"
	printf '    title: %s\n' "$(val node_title X)"
	printf '    agencies: [%s]\n' "$(val node_agencies A)"
	printf '    agency_tag: %s\n' "$(val node_tag A)"
	printf '    measures:\n'
	printf '      - text: %s\n' "$(val measure_text 'M※1')"
	printf '        agencies: [%s]\n' "$(val measure_agencies C)"
	printf '        agency_tag: %s\n' "$(val measure_tag C)"
	printf 'footnotes:\n'
	printf '  - mark: %s\n' "$(val mark ※1)"
	printf '    term: %s\n' "$(val term R)"
	printf '    text: %s\n' "$(val fn_text F)"
}
# The line each field is on in doc's output.
line_of() {
	case $1 in
	title) echo 1 ;; document_number) echo 2 ;; date) echo 3 ;;
	decided_by) echo 4 ;; number) echo 6 ;; node_title) echo 7 ;;
	node_agencies) echo 8 ;; node_tag) echo 9 ;; measure_text) echo 11 ;;
	measure_agencies) echo 12 ;; measure_tag) echo 13 ;; mark) echo 15 ;;
	term) echo 16 ;; fn_text) echo 17 ;;
	esac
}
doc none x >"$d/plain.yaml"
run every-field-plain 0 "$bin" --check "$d/plain.yaml"
bad_utf8=$(printf 'A\377B')
cut_utf8=$(printf 'A\343\201')
esc_raw=$(printf 'A\033[2JB')
bidi_raw=$(printf 'A\342\200\256B')
for f in $fields; do
	l=$(line_of "$f")
	# Agencies and tags must agree: change both together.
	case $f in
	node_agencies|node_tag) also=node ;;
	measure_agencies|measure_tag) also=measure ;;
	*) also= ;;
	esac
	for kind in bad cut esc nul; do
		case $kind in
		bad) v=$bad_utf8 ;;
		cut) v="\"$cut_utf8\"" ;;
		esc) v=$esc_raw ;;
		nul) v='"A\0B"' ;;
		esac
		case $f in mark) [ "$kind" = nul ] && v='"※\0"' ;; esac
		doc "$f" "$v" >"$d/$f-$kind.yaml"
		run "field-$f-$kind" 65 "$bin" --check "$d/$f-$kind.yaml"
		grep -qE "^shisaku: $d/$f-$kind.yaml:$l:[0-9]+: " "$tmp/err" ||
		    fail "field-$f-$kind: not at line $l: $(cat "$tmp/err")"
		safe "$tmp/err"
		case $kind in
		bad|cut) err_has "UTF-8" ;;
		esc) err_has "control characters are not allowed" ;;
		nul) err_has "text holds a NUL character" ;;
		esac
	done
	# A bidi control written raw is UTF-8 that YAML allows (raw C0 and
	# C1 controls it does not): it loads, and shows visibly.
	doc "$f" "$bidi_raw" >"$d/$f-c1.yaml"
	case "$also$f" in
	*mark) continue ;;	# a mark must be ※ and digits
	node*|measure*)
		# The tag must contain the name: give both the same text.
		if [ "$also" = node ]; then
			sed -i "8s/.*/    agencies: [$bidi_raw]/; 9s/.*/    agency_tag: $bidi_raw/" "$d/$f-c1.yaml"
		else
			sed -i "12s/.*/        agencies: [$bidi_raw]/; 13s/.*/        agency_tag: $bidi_raw/" "$d/$f-c1.yaml"
		fi
		;;
	esac
	for fmt in text json; do
		run "field-$f-c1-$fmt" 0 "$bin" --dump --format=$fmt "$d/$f-c1.yaml"
		safe "$tmp/out" "$tmp/err"
	done
	out_has 'A\u202eB'
done

# --- Limits (the cheap ones, at their real values) ------------------------

# One text of 1 MiB loads; one byte more is refused with the sizes.
python3 -c '
import sys
sys.stdout.write("title: " + "a" * (1 << 20) + "\nnodes:\n  - {number: \"1\", title: x}\n")' >"$d/text-max.yaml"
run text-1mib 0 "$bin" --check "$d/text-max.yaml"
python3 -c '
import sys
sys.stdout.write("title: t\nnodes:\n  - number: \"1\"\n    title: " + "あ" * 349526 + "\n")' >"$d/text-over.yaml"
run text-over 65 "$bin" --check "$d/text-over.yaml"
err_is "shisaku: $d/text-over.yaml:4:12: text of 1048578 bytes is longer than 1 MiB, the most one text may hold"
# 256 organisations in one list load; 257 do not.
python3 -c '
import sys
n = int(sys.argv[1])
sys.stdout.write("title: t\nnodes:\n  - number: \"1\"\n    title: x\n    agencies: [" + ", ".join("o%d" % i for i in range(n)) + "]\n")' 256 >"$d/list-max.yaml"
run list-256 0 "$bin" --check "$d/list-max.yaml"
python3 -c '
import sys
sys.stdout.write("title: t\nnodes:\n  - number: \"1\"\n    title: x\n    agencies:\n" + "".join("      - o%d\n" % i for i in range(257)))' >"$d/list-over.yaml"
run list-257 65 "$bin" --check "$d/list-over.yaml"
err_is "shisaku: $d/list-over.yaml:262:9: more than 256 organisations in one list"
# 65536 footnotes, each cited from one text and twice from another, load
# at once (duplicates and citations are found in n log n, not n²); one more
# footnote is refused.
python3 -c '
import sys
n = int(sys.argv[1])
marks = "".join("※%d" % i for i in range(n))
sys.stdout.write("title: t\nnodes:\n  - number: \"1\"\n    title: " + marks +
    "\n    measures:\n      - text: " + marks + marks + "\n        agencies: [o]\nfootnotes:\n" +
    "".join("  - {mark: ※%d, text: x}\n" % i for i in range(n)))' 65536 >"$d/fn-max.yaml"
run footnotes-65536 0 "$bin" --dump --format=json "$d/fn-max.yaml"
python3 -c '
import sys
n = int(sys.argv[1])
sys.stdout.write("title: t\nnodes:\n  - {number: \"1\", title: x}\nfootnotes:\n" +
    "".join("  - {mark: ※%d, text: x}\n" % i for i in range(n)))' 65537 >"$d/fn-over.yaml"
run footnotes-65537 65 "$bin" --check "$d/fn-over.yaml"
err_is "shisaku: $d/fn-over.yaml:65541:5: more than 65536 footnotes, the most a document may hold"
# A mark defined twice among many is found, at its second definition.
python3 -c '
import sys
sys.stdout.write("title: t\nnodes:\n  - {number: \"1\", title: x}\nfootnotes:\n" +
    "".join("  - {mark: ※%d, text: x}\n" % i for i in range(60000)) +
    "  - {mark: ※59999, text: y}\n  - {mark: ※7, text: z}\n")' >"$d/fn-twice.yaml"
run footnote-twice 65 "$bin" --check "$d/fn-twice.yaml"
err_is "shisaku: $d/fn-twice.yaml:60005:5: footnote ※59999 is defined twice (first at line 60004)"
# A mark longer than 16 digits is found like any other.
printf 'title: t\nnodes:\n  - number: "1"\n    title: x※12345678901234567890\nfootnotes:\n  - mark: ※12345678901234567890\n    text: y\n  - mark: ※1234567890123456\n    text: z\n' >"$d/long-mark.yaml"
run long-mark 0 "$bin" --dump --format=json "$d/long-mark.yaml"
out_has '"footnotes": ["※12345678901234567890"]'
printf 'title: t\nnodes:\n  - number: "1"\n    title: x※123456789012345678901\nfootnotes:\n  - mark: ※12345678901234567890\n    text: y\n' >"$d/long-mark-undefined.yaml"
run long-mark-undefined 65 "$bin" --check "$d/long-mark-undefined.yaml"
err_is "shisaku: $d/long-mark-undefined.yaml:3:5: footnote mark ※123456789012345678901 has no definition (define it under footnotes:)"

# Deep nesting in any form is refused at once, without recursion.
python3 -c 'print("title: t\nnodes: " + "[" * 200000)' >"$d/flow-deep.yaml"
run flow-deep 65 "$bin" --check "$d/flow-deep.yaml"
err_has "expected a node (a mapping with number: and title:), found a list"
python3 -c 'print("title: t\nnodes:\n" + "".join("  " * i + "- children:\n" for i in range(2000)))' >"$d/block-deep.yaml"
run block-deep 65 "$bin" --check "$d/block-deep.yaml"
python3 -c '
print("title: t\nnodes:\n" + "".join("  " * (2 * i) + "- number: \"%d\"\n" % i + "  " * (2 * i) + "  title: x\n" + "  " * (2 * i) + "  children:\n" for i in range(70)) + "  " * 140 + "- {number: z, title: z}")' >"$d/nodes-deep.yaml"
run nodes-deep 65 "$bin" --check "$d/nodes-deep.yaml"
err_has "nodes nest deeper than 64 levels"
# Anchors and aliases: refused, so nothing expands (billion laughs).
printf 'title: &a t\nnodes:\n  - {number: "1", title: *a}\n' >"$d/alias.yaml"
run alias 65 "$bin" --check "$d/alias.yaml"
err_is "shisaku: $d/alias.yaml:1:8: anchors and aliases (& and *) are not supported (write the text out in full)"
python3 -c '
print("title: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]")
for i in range(1, 10):
    print("a%d: &a%d [%s]" % (i, i, ", ".join(["*a%d" % (i - 1)] * 9)))' >"$d/laughs.yaml"
run billion-laughs 65 "$bin" --check "$d/laughs.yaml"
err_is "shisaku: $d/laughs.yaml:1:8: anchors and aliases (& and *) are not supported (write the text out in full)"

check_safe
echo "$checks checks, $fails failed"
[ "$fails" -eq 0 ]

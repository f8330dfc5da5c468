#!/bin/sh
# make install and make uninstall into a DESTDIR: every file in place with
# its mode, the installed binary runs, the manual lints clean and lists every
# option of --help and every key of the help screen (ui/help.c), the bash
# and zsh completions load and complete, and uninstall leaves no file.
# Installs the binary under test as it is: BUILD is SHISAKU's directory, so
# a sanitizer build installs itself, and make -o keeps make from rebuilding
# it (with other flags) when the sources are newer.
set -eu
bin=${SHISAKU:-build/shisaku}
build=$(dirname "$bin")
make=${MAKE:-make}
# Where install puts things comes from the command line below only.
unset PREFIX BINDIR MANDIR SHAREDIR BASHCOMPDIR ZSHCOMPDIR
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0

fail() {
	echo "FAIL: $*"
	fails=$((fails + 1))
}

# --- the manual lists every option and every key --------------------------

"$bin" --help >"$tmp/help"
# Long options: "--dump", "--no-romaji", "--format" of "--format=FORMAT"...
for opt in $(grep -o -- '--[a-z][a-z-]*' "$tmp/help" | sort -u); do
	grep -Eq -- "^\.It .*Fl -${opt#--}([^a-z-]|\$)" shisaku.1 ||
	    fail "shisaku.1 has no .It for option $opt"
	for f in completion/shisaku.bash completion/_shisaku; do
		grep -Eq -- "(^|[^a-z-])$opt([^a-z-]|\$)" "$f" ||
		    fail "$f lacks option $opt"
	done
done
# Short options: "  -d, --dump".
for opt in $(sed -n 's/^  -\([a-zA-Z]\), --.*/\1/p' "$tmp/help"); do
	grep -Eq -- "^\.It Fl $opt( |\$)" shisaku.1 ||
	    fail "shisaku.1 has no .It for option -$opt"
	for f in completion/shisaku.bash completion/_shisaku; do
		grep -Eq -- "(^|[^a-z-])-$opt([^a-zA-Z-]|\$)" "$f" ||
		    fail "$f lacks option -$opt"
	done
done

# The help screen's groups ({ NULL, "Moving" }) are subsections of KEYS,
# and each description ({ "keys", "what" }) is in the manual as written.
sed -n 's/^	{ NULL,[[:space:]]*"\([^"]*\)" },$/\1/p' ui/help.c >"$tmp/groups"
sed -n 's/^	{ "[^"]*",[[:space:]]*"\([^"]*\)" },$/\1/p' ui/help.c >"$tmp/keys"
n=$(wc -l <"$tmp/keys")
[ "$n" -ge 15 ] || fail "found only $n help entries in ui/help.c"
[ -s "$tmp/groups" ] || fail "found no help groups in ui/help.c"
while IFS= read -r g; do
	grep -qxF ".Ss $g" shisaku.1 || fail "shisaku.1 lacks the key group: $g"
done <"$tmp/groups"
while IFS= read -r what; do
	grep -qF -- "$what" shisaku.1 || fail "shisaku.1 lacks key: $what"
done <"$tmp/keys"

# --- make install ----------------------------------------------------------

root=$tmp/root
# The default PREFIX is /usr/local.
$make -n --no-print-directory -o "$build/shisaku" install \
    DESTDIR="$root" BUILD="$build" >"$tmp/dry.log" 2>&1 ||
    { cat "$tmp/dry.log"; fail "make -n install"; }
grep -qF "$root/usr/local/bin/shisaku" "$tmp/dry.log" ||
    fail "make install does not default to PREFIX=/usr/local"

if ! $make --no-print-directory -o "$build/shisaku" install \
    DESTDIR="$root" PREFIX=/usr BUILD="$build" >"$tmp/install.log" 2>&1; then
	cat "$tmp/install.log"
	fail "make install"
	exit 1
fi

# want MODE PATH: PATH is a regular file with ls mode MODE.
want() {
	if [ ! -f "$root$2" ] || [ -L "$root$2" ]; then
		fail "not installed: $2"
		return 0
	fi
	m=$(ls -ld "$root$2" | cut -c1-10)
	[ "$m" = "$1" ] || fail "$2: mode $m, want $1"
}
want -rwxr-xr-x /usr/bin/shisaku
want -rw-r--r-- /usr/share/man/man1/shisaku.1
want -rw-r--r-- /usr/share/shisaku/cybersecurity2018.yaml
want -rw-r--r-- /usr/share/shisaku/README.md
want -rw-r--r-- /usr/share/bash-completion/completions/shisaku
want -rw-r--r-- /usr/share/zsh/site-functions/_shisaku
m=$(ls -ld "$root/usr/share/shisaku" | cut -c1-10)
[ "$m" = drwxr-xr-x ] || fail "/usr/share/shisaku: mode $m, want drwxr-xr-x"
# Nothing else, and nothing left over (such as the manual's .tmp).
find "$root" ! -type d | sed "s|^$root||" | sort >"$tmp/files"
cat >"$tmp/files.want" <<EOF
/usr/bin/shisaku
/usr/share/bash-completion/completions/shisaku
/usr/share/man/man1/shisaku.1
/usr/share/shisaku/README.md
/usr/share/shisaku/cybersecurity2018.yaml
/usr/share/zsh/site-functions/_shisaku
EOF
cmp -s "$tmp/files" "$tmp/files.want" || {
	fail "installed files differ from the list:"
	diff "$tmp/files.want" "$tmp/files" || true
}

cmp -s "$bin" "$root/usr/bin/shisaku" ||
    fail "the installed binary is not $bin"
cmp -s data/cybersecurity2018.yaml "$root/usr/share/shisaku/cybersecurity2018.yaml" ||
    fail "the installed document differs from data/"
cmp -s data/README.md "$root/usr/share/shisaku/README.md" ||
    fail "the installed README.md differs from data/"

# --- the installed binary runs ----------------------------------------------

"$root/usr/bin/shisaku" --check || fail "installed shisaku --check: $?"
"$root/usr/bin/shisaku" --check "$root/usr/share/shisaku/cybersecurity2018.yaml" ||
    fail "installed shisaku --check of the installed document: $?"
"$root/usr/bin/shisaku" --version >/dev/null || fail "installed --version"

# --- the installed manual ---------------------------------------------------

page=$root/usr/share/man/man1/shisaku.1
grep -qF /usr/share/shisaku/cybersecurity2018.yaml "$page" ||
    fail "the installed manual does not name /usr/share/shisaku"
grep -qF /usr/local/share/shisaku "$page" &&
    fail "the installed manual still names /usr/local/share/shisaku"
if command -v mandoc >/dev/null 2>&1; then
	# Every message about the page, style included, except Xr to a
	# manual this machine lacks (w3m(1)), which depends on the machine.
	mandoc -T lint -W style "$page" >"$tmp/lint" 2>&1 || true
	grep -F "$page:" "$tmp/lint" |
	    grep -v 'STYLE: referenced manual not found' >"$tmp/lint.page" || true
	if [ -s "$tmp/lint.page" ]; then
		cat "$tmp/lint.page"
		fail "mandoc -T lint of the installed manual"
	fi
	mandoc -T utf8 "$page" >"$tmp/page.txt" 2>/dev/null ||
	    fail "mandoc -T utf8 of the installed manual"
	grep -q '^SHISAKU(1)' "$tmp/page.txt" || fail "mandoc rendered no header"
else
	echo "SKIP: mandoc is not installed (tools/deps.sh test installs it)"
fi
if command -v groff >/dev/null 2>&1 && command -v preconv >/dev/null 2>&1; then
	preconv "$page" | groff -mandoc -Tutf8 -ww -z >"$tmp/groff" 2>&1 || true
	if [ -s "$tmp/groff" ]; then
		cat "$tmp/groff"
		fail "groff -ww warns about the installed manual"
	fi
else
	echo "SKIP: groff is not installed"
fi

# --- bash completion ----------------------------------------------------------

bashcomp=$root/usr/share/bash-completion/completions/shisaku
if command -v bash >/dev/null 2>&1; then
	out=$(bash -c '. "$1" && complete -p shisaku' sh "$bashcomp" 2>&1) ||
	    fail "bash completion does not load: $out"
	[ "$out" = "complete -F _shisaku shisaku" ] ||
	    fail "bash completion registers '$out'"
	mkdir -p "$tmp/docs/sub"
	: >"$tmp/docs/a.yaml"
	: >"$tmp/docs/b.yml"
	: >"$tmp/docs/c.txt"
	# Organisations whose names need quoting on a command line.
	cat >"$tmp/org.yaml" <<'EOF'
title: 試験
nodes:
  - number: "1."
    title: 一
    measures:
      - text: 施策
        agencies: ["A, Inc.", "B \"Q\" 局", 総務省]
EOF
	# The organisations come from the binary's --agencies, and from
	# nothing, silently, where it has none.
	nisc=NISC soumu=総務省 orgs='A\,\ Inc. B\ \"Q\"\ 局 総務省'
	grep -q -- --agencies "$tmp/help" || nisc='' soumu='' orgs=''
	# Each line: the words (with '=' split off as bash does by default; a
	# space before "->" for an empty word being completed), then "->" and
	# what COMPREPLY must hold, space-separated.
	cat >"$tmp/cases" <<EOF
shisaku --fo -> --format=
shisaku --form -> --format=
shisaku --no -> --no-romaji --no-state
shisaku --format = -> text json csv
shisaku --format = j -> json
shisaku --format=c -> --format=csv
shisaku -f  -> text json csv
shisaku -fj -> -fjson
shisaku --width =  ->
shisaku --agency = ni -> $nisc
shisaku --agency = 総 -> $soumu
$root/usr/bin/shisaku $tmp/org.yaml --agency = -> $orgs
false --agency =  ->
shisaku $tmp/docs/ -> $tmp/docs/a.yaml $tmp/docs/b.yml $tmp/docs/sub
EOF
	# shellcheck disable=SC2016
	PATH=$root/usr/bin:$PATH bash -c '
		. "$1"
		fails=0
		while IFS= read -r line; do
			words=${line%% ->*}
			want=${line#* ->}
			want=${want# }
			read -r -a COMP_WORDS <<<"$words"
			# "-f " and "--width = ": the word being completed is empty.
			[[ $words == *" " ]] && COMP_WORDS+=("")
			COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
			COMPREPLY=()
			_shisaku 2>"$2/comp.err"
			got="${COMPREPLY[*]}"
			if [[ $got != "$want" ]]; then
				echo "FAIL: bash completion of \"$words\": got \"$got\", want \"$want\""
				fails=$((fails + 1))
			fi
			if [[ -s $2/comp.err ]]; then
				echo "FAIL: bash completion of \"$words\" wrote:"
				cat "$2/comp.err"
				fails=$((fails + 1))
			fi
		done <"$2/cases"
		exit $((fails > 0))
	' sh "$bashcomp" "$tmp" || fail "bash completion"
else
	echo "SKIP: bash is not installed"
fi

# --- zsh completion -------------------------------------------------------------

zshcomp=$root/usr/share/zsh/site-functions/_shisaku
if command -v zsh >/dev/null 2>&1; then
	zsh -n "$zshcomp" || fail "zsh -n _shisaku"
	# compinit finds it in $fpath and binds it to shisaku.
	out=$(cd "$tmp" && HOME=$tmp zsh -f -c 'fpath=("$1" $fpath)
	    autoload -U compinit && compinit -u -D && print -r -- $_comps[shisaku]' \
	    zsh "$root/usr/share/zsh/site-functions" 2>&1) ||
	    fail "zsh compinit: $out"
	[ "$out" = _shisaku ] || fail "zsh binds shisaku to '$out', want _shisaku"
else
	echo "SKIP: zsh is not installed, _shisaku is not checked"
fi

# --- make uninstall ----------------------------------------------------------

if ! $make --no-print-directory uninstall DESTDIR="$root" PREFIX=/usr \
    BUILD="$build" >"$tmp/uninstall.log" 2>&1; then
	cat "$tmp/uninstall.log"
	fail "make uninstall"
fi
left=$(find "$root" ! -type d)
[ -z "$left" ] || fail "make uninstall left: $left"
[ ! -e "$root/usr/share/shisaku" ] || fail "make uninstall left /usr/share/shisaku"

[ "$fails" -eq 0 ]

# bash completion for shisaku(1), installed as
# share/bash-completion/completions/shisaku; or source it from ~/.bashrc.
#
# Completes the options, the values of --format, document files (*.yaml,
# *.yml) and, for --agency=, the organisations of the document on the
# command line (or the built-in one) as `shisaku --agencies --format=json`
# lists them.  It needs nothing but bash (4 or later), grep and sed: not the
# bash-completion package.

# _shisaku_agencies CMD [FILE]: print the organisations, one a line, or
# nothing when CMD has no --agencies or fails.
_shisaku_agencies()
{
	local cmd=$1
	shift
	"$cmd" --agencies --format=json "$@" 2>/dev/null </dev/null |
	    grep -o '"name": *"[^"\\]*\(\\.[^"\\]*\)*"' |
	    sed 's/^"name": *"//; s/"$//; s/\\"/"/g; s/\\\\/\\/g'
}

# _shisaku_tilde WORD: WORD with a leading ~/ made $HOME/.
_shisaku_tilde()
{
	# shellcheck disable=SC2088 # a literal ~/, not to be expanded
	case $1 in
	'~/'*) printf '%s\n' "$HOME/${1#'~/'}" ;;
	*) printf '%s\n' "$1" ;;
	esac
}

_shisaku()
{
	local cur=${COMP_WORDS[COMP_CWORD]} prev=
	local opt='' val='' pre='' file='' i w cmd name
	local -a opts=(--dump --format= --bom --width= --search= --no-romaji
	    --agencies --agency= --no-state --check --help --version
	    -d -f -w -s -c -h -V)

	((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
	COMPREPLY=()

	# With '=' in COMP_WORDBREAKS (bash's default) --format=js arrives as
	# the words "--format" "=" "js" and only "js" is replaced; without it,
	# as one word, replaced whole (pre keeps "--format=").
	if [[ $cur == = && $prev == --* ]]; then
		opt=$prev val=
	elif [[ $prev == = ]] && ((COMP_CWORD > 1)) &&
	    [[ ${COMP_WORDS[COMP_CWORD - 2]} == --* ]]; then
		opt=${COMP_WORDS[COMP_CWORD - 2]} val=$cur
	elif [[ $cur == --*=* ]]; then
		opt=${cur%%=*} val=${cur#*=} pre=$opt=
	elif [[ $cur == -[fws]?* ]]; then
		opt=${cur:0:2} val=${cur:2} pre=$opt
	else
		case $prev in
		-f|--format|-w|--width|-s|--search|--agency)
			opt=$prev val=$cur ;;
		esac
	fi

	case $opt in
	-f|--format)
		for w in text json csv; do
			[[ $w == "$val"* ]] && COMPREPLY+=("$pre$w")
		done
		return 0
		;;
	-w|--width|-s|--search)
		return 0
		;;
	--agency)
		# The document is the first word that is neither an option nor
		# an option's value.
		for ((i = 1; i < COMP_CWORD; i++)); do
			w=${COMP_WORDS[i]}
			case $w in
			-f|--format|-w|--width|-s|--search|--agency)
				# "--agency" "=" "NAME", or "--agency" "NAME"
				if [[ ${COMP_WORDS[i + 1]} == = ]]; then
					((i += 2))
				else
					((i += 1))
				fi
				;;
			-*) ;;
			*) file=$(_shisaku_tilde "$w"); break ;;
			esac
		done
		cmd=$(_shisaku_tilde "${COMP_WORDS[0]}")
		while IFS= read -r name; do
			[[ -n $name && ${name,,} == "${val,,}"* ]] &&
			    COMPREPLY+=("$pre$(printf '%q' "$name")")
		done < <(_shisaku_agencies "$cmd" ${file:+"$file"})
		return 0
		;;
	esac

	if [[ $cur == -* ]]; then
		for w in "${opts[@]}"; do
			[[ $w == "$cur"* ]] && COMPREPLY+=("$w")
		done
		# No space after an option that takes its value after '='.
		[[ ${#COMPREPLY[@]} -eq 1 && ${COMPREPLY[0]} == *= ]] &&
		    compopt -o nospace 2>/dev/null
		return 0
	fi

	compopt -o filenames 2>/dev/null
	while IFS= read -r w; do
		COMPREPLY+=("$w")
	done < <(compgen -f -X '!*.yaml' -- "$cur"
	    compgen -f -X '!*.yml' -- "$cur"
	    compgen -d -- "$cur")
	return 0
}

complete -F _shisaku shisaku

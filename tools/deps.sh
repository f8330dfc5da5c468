#!/bin/sh
# Install the Debian/Ubuntu packages that `make run`, `make test`, `make fuzz`
# or `make valgrind` needs and this machine lacks, saying which first;
# through sudo when not root.
# Usage: tools/deps.sh run|test|fuzz|valgrind
#   run, test, valgrind: also libstdc++-N-dev (N being gcc's major version)
#   for linking ICU statically;
#   fuzz: also clang and its libFuzzer runtime (libclang-rt-N-dev, N being
#   clang's major version), when clang cannot link -fsanitize=fuzzer yet;
#   valgrind: also valgrind and tmux.
set -eu

what=${1:-run}
pkgs="make gcc libc6-dev pkg-config libncurses-dev libyaml-dev libicu-dev \
libmigemo-dev cmigemo-common"
# Hyperscan (romaji search's readings in one scan) is packaged for amd64.
if [ "$(dpkg --print-architecture 2>/dev/null)" = amd64 ]; then
	pkgs="$pkgs libhyperscan-dev"
fi
case $what in
test) pkgs="$pkgs libcmocka-dev tmux python3 mandoc strace" ;;
valgrind) pkgs="$pkgs valgrind tmux" ;;
fuzz) pkgs="$pkgs clang" ;;
esac

if ! command -v dpkg-query >/dev/null 2>&1; then
	echo "shisaku: not a Debian-like system; make sure these (or your" \
	    "system's equivalents, see README.md) are installed: $pkgs" >&2
	exit 0
fi

# deps_install PKG...: install the packages of the list this machine lacks.
deps_install() {
	missing=
	for p in "$@"; do
		if ! dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null |
		    grep -q 'ok installed'; then
			missing="$missing $p"
		fi
	done
	[ -z "$missing" ] && return 0

	echo "shisaku: installing missing packages:$missing"
	if [ "$(id -u)" -eq 0 ]; then
		sudo=
	elif command -v sudo >/dev/null 2>&1; then
		sudo=sudo
	else
		echo "shisaku: not root and no sudo; install as root:$missing" >&2
		exit 1
	fi
	export DEBIAN_FRONTEND=noninteractive
	$sudo apt-get update -q || true
	# shellcheck disable=SC2086
	$sudo apt-get install -y -q $missing
}

# shellcheck disable=SC2086
deps_install $pkgs

# ICU is C++: linking it into the binary (the Makefile's STATIC, on when
# every archive is there) needs libstdc++'s archive, from the package named
# after gcc's major version (libstdc++-12-dev on Debian 12).  Without it
# the binary links the shared libraries and only starts slower, so a
# failure here is reported, not fatal.
if [ "$what" != fuzz ] && command -v gcc >/dev/null 2>&1; then
	major=$(gcc -dumpversion | cut -d. -f1)
	(deps_install "libstdc++-$major-dev") || echo "shisaku: without" \
	    "libstdc++-$major-dev the libraries are linked shared (slower" \
	    "start-up)" >&2
fi

# libFuzzer's runtime comes in a package named after clang's major version
# (libclang-rt-14-dev on Debian 12); ask for it only when clang cannot link
# a fuzz target yet.
if [ "$what" = fuzz ]; then
	t=$(mktemp -d)
	trap 'rm -rf "$t"' EXIT
	printf '%s\n' 'int LLVMFuzzerTestOneInput(const char *d, long n);' \
	    'int LLVMFuzzerTestOneInput(const char *d, long n)' \
	    '{ (void)d; (void)n; return 0; }' >"$t/f.c"
	if ! clang -fsanitize=fuzzer -o "$t/f" "$t/f.c" >/dev/null 2>&1; then
		major=$(clang -dumpversion | cut -d. -f1)
		deps_install "libclang-rt-$major-dev"
		clang -fsanitize=fuzzer -o "$t/f" "$t/f.c" || {
			echo "shisaku: clang still cannot link -fsanitize=fuzzer" >&2
			exit 1
		}
	fi
fi

#!/bin/sh
# Install the Debian/Ubuntu packages that `make run` or `make test` needs and
# this machine lacks, saying which first; through sudo when not root.
# Usage: tools/deps.sh run|test
set -eu

what=${1:-run}
pkgs="make gcc libc6-dev pkg-config libncurses-dev libyaml-dev libicu-dev \
libmigemo-dev cmigemo-common"
if [ "$what" = test ]; then
	pkgs="$pkgs libcmocka-dev tmux python3"
fi

if ! command -v dpkg-query >/dev/null 2>&1; then
	echo "shisaku: not a Debian-like system; make sure these (or your" \
	    "system's equivalents, see README.md) are installed: $pkgs" >&2
	exit 0
fi

missing=
for p in $pkgs; do
	if ! dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null |
	    grep -q 'ok installed'; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0

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

#!/usr/bin/env bash
# Checks the Debian package on a fresh Debian 12 (bookworm) root, as a user would meet it:
#
#   1. makes the package from the build folder (cpack -G DEB in it; build it first);
#   2. makes a minimal bookworm root with mmdebstrap (apt-get install mmdebstrap) from the
#      Debian mirror, with nothing of Parley's dependencies in it;
#   3. in that root: `apt-get install ./parley_*.deb` (which must fetch every dependency the
#      package declares), `parley --version`, then `parley ingest` of an article and
#      `parley query` and `parley demands` on the store it made, checking what they print;
#   4. removes the root.
#
# usage: scripts/check_deb.sh [BUILD_DIR]   (default: build; run as root, with the Debian
#        mirror reachable; prints how long each step took)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}

step_start=$SECONDS
step() {
  echo "-- $1 ($((SECONDS - step_start)) s)" >&2
  step_start=$SECONDS
}

if [ "$(id -u)" -ne 0 ]; then
  echo "check_deb.sh: needs root (it makes a chroot)" >&2
  exit 2
fi
command -v mmdebstrap >/dev/null || {
  echo "check_deb.sh: needs mmdebstrap (apt-get install mmdebstrap)" >&2
  exit 2
}
rm -f "$build"/parley_*.deb
(cd "$build" && cpack -G DEB >/dev/null)
step "cpack -G DEB"
debs=("$build"/parley_*.deb)
deb=${debs[0]}
echo "package: $deb ($(du -h "$deb" | cut -f1))" >&2

root=$(mktemp -d /tmp/parley-deb-root.XXXXXX)
cleanup() {
  umount "$root/proc" 2>/dev/null || true
  rm -rf "$root"
}
trap cleanup EXIT

mmdebstrap --quiet --variant=apt bookworm "$root" http://deb.debian.org/debian
step "fresh bookworm root (mmdebstrap --variant=apt)"
# The root as mmdebstrap leaves it: apt without package lists, no name resolution.
cp /etc/resolv.conf "$root/etc/resolv.conf"
mount -t proc proc "$root/proc"
cp "$deb" "$root/tmp/"
in_root() { chroot "$root" "$@"; }
in_root apt-get update -qq
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "/tmp/$(basename "$deb")" \
  >/dev/null
step "apt-get install ./$(basename "$deb") with its dependencies"

version=$(in_root parley --version)
echo "parley --version: $version" >&2
cat >"$root/tmp/story.txt" <<'EOF'
Fishermen protest quota
By A. Writer | 2026-03-14

Norway demanded that Russia stop fishing in the Barents Sea.
EOF
in_root sh -c 'cd /tmp && parley ingest --db /tmp/db story.txt'
rows=$(in_root parley query --db /tmp/db --format csv 'MATCH (a:Article) RETURN a.title AS title')
demands=$(in_root parley demands --db /tmp/db --format csv)
step "parley --version, ingest, query, demands in the root"
echo "$rows" >&2
echo "$demands" >&2

fail=0
grep -q "Fishermen protest quota" <<<"$rows" || { echo "check_deb.sh: query lacks the title" >&2; fail=1; }
grep -q "^Norway,.*Russia" <<<"$demands" || { echo "check_deb.sh: no demand of Norway's" >&2; fail=1; }
[ "$fail" -eq 0 ] && echo "check_deb.sh: the package installs and runs on a fresh Debian 12 root" >&2
exit "$fail"

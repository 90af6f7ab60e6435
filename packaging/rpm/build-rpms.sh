#!/bin/sh
# build-rpms.sh — build the RPM packages from a clean export of the tree.
#
#   packaging/rpm/build-rpms.sh [--out DIR] [--nocheck] [--without-ui] [--worktree]
#
# Makes the Source0 tarball with git archive, then rpmbuild -bb in a
# throwaway _topdir. Where the %meson macros are missing (Debian's rpm),
# it loads macros.debian-fallback and passes --nodeps (Debian's rpm
# database knows none of the build dependencies, which are installed as
# .debs). The UI packages are left out (--without ui) when the tree has no
# kiosk, desk or syncd sources yet, saying so.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(git -C "$here" rev-parse --show-toplevel)
out=$PWD/rpms
nocheck=""
ui=auto
treeish=HEAD
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out=$(realpath -m "$2"); shift 2 ;;
    --nocheck) nocheck=--nocheck; shift ;;
    --without-ui) ui=no; shift ;;
    --worktree) treeish=$(git -C "$top" stash create 2>/dev/null || true); treeish=${treeish:-HEAD}; shift ;;
    *) echo "usage: $0 [--out DIR] [--nocheck] [--without-ui] [--worktree]" >&2; exit 2 ;;
  esac
done
version=$(sed -n 's/^Version:[[:space:]]*//p' "$here/tiepdon.spec")
work=$(mktemp -d "${TMPDIR:-/tmp}/tiepdon-rpms.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
mkdir -p "$work/SOURCES" "$work/SPECS"
git -C "$top" archive --format=tar.gz --prefix="tiepdon-$version/" -o "$work/SOURCES/tiepdon-$version.tar.gz" "$treeish"
git -C "$top" show "$treeish:packaging/sysusers/tiepdon.conf" > "$work/SOURCES/tiepdon.sysusers"
git -C "$top" show "$treeish:packaging/rpm/tiepdon.spec" > "$work/SPECS/tiepdon.spec"

if [ "$ui" = auto ]; then
  ui=yes
  for f in ui/kiosk/meson.build ui/desk/meson.build kiosk/syncd/meson.build; do
    git -C "$top" cat-file -e "$treeish:$f" 2>/dev/null || ui=no
  done
  [ "$ui" = yes ] || echo "build-rpms.sh: NOTE: no kiosk, desk or syncd sources in this tree: building --without ui" >&2
fi
set -- -bb $nocheck --define "_topdir $work"
[ "$ui" = yes ] || set -- "$@" --without ui
if [ "$(rpm --eval '%{?meson:yes}')" != yes ]; then
  echo "build-rpms.sh: NOTE: no %meson macros here (Debian's rpm): loading macros.debian-fallback, --nodeps" >&2
  set -- "$@" --load "$here/macros.debian-fallback" --nodeps
fi
rpmbuild "$@" "$work/SPECS/tiepdon.spec" > "$work/build.log" 2>&1 || {
  tail -n 60 "$work/build.log" >&2
  echo "build-rpms.sh: rpmbuild failed (log above)" >&2
  exit 1
}
mkdir -p "$out"
find "$work/RPMS" -name '*.rpm' -exec cp {} "$out"/ \;
cp "$work/build.log" "$out/build.log"
ls "$out"/*.rpm

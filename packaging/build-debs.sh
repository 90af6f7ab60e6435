#!/bin/sh
# build-debs.sh — build the Debian packages from a clean export of the tree.
#
# dpkg-buildpackage wants debian/ at the top of the source tree, and the
# repository keeps it in packaging/debian. This script exports the
# committed tree (git archive), adds packaging/debian as debian/, builds
# there and copies the .debs, .changes and .buildinfo out, so the
# repository itself is never touched.
#
#   packaging/build-debs.sh [--out DIR] [--version VERSION] [--nocheck]
#                           [--profile noui|full|auto] [--worktree] [--lintian]
#
#   --out DIR        where the packages go (default: ./debs)
#   --version V      package version (default: the one in debian/changelog);
#                    a changelog entry is added for it in the export
#   --nocheck        skip the test suite (DEB_BUILD_OPTIONS=nocheck)
#   --profile P      full: all five packages; noui: tiepdon-common, -tools
#                    and -broker without GTK; auto (default): full when
#                    the tree has the kiosk, desk and syncd sources, else
#                    noui, saying so
#   --worktree       build the working tree's tracked files as they are
#                    (uncommitted changes included), not HEAD
#   --lintian        run lintian on the result (source and binaries); fail
#                    on any error or on a warning not overridden
set -eu

top=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
out=$PWD/debs
version=""
nocheck=no
profile=auto
worktree=no
run_lintian=no
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out=$(realpath -m "$2"); shift 2 ;;
    --version) version=$2; shift 2 ;;
    --nocheck) nocheck=yes; shift ;;
    --profile) profile=$2; shift 2 ;;
    --worktree) worktree=yes; shift ;;
    --lintian) run_lintian=yes; shift ;;
    -h|--help) sed -n '2,/^set -eu/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "build-debs.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
done

work=$(mktemp -d "${TMPDIR:-/tmp}/tiepdon-debs.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
src=$work/tiepdon

treeish=HEAD
if [ "$worktree" = yes ]; then
  # A commit object of the working tree's tracked files, not stored on any branch.
  treeish=$(git -C "$top" stash create 2>/dev/null || true)
  [ -n "$treeish" ] || treeish=HEAD
fi
mkdir -p "$src"
git -C "$top" archive --format=tar "$treeish" | tar -x -C "$src"
cp -a "$src/packaging/debian" "$src/debian"

if [ "$profile" = auto ]; then
  missing=""
  [ -f "$src/ui/kiosk/meson.build" ] || missing="$missing ui/kiosk"
  [ -f "$src/ui/desk/meson.build" ] || missing="$missing ui/desk"
  [ -f "$src/kiosk/syncd/meson.build" ] || missing="$missing kiosk/syncd"
  if [ -n "$missing" ]; then
    profile=noui
    echo "build-debs.sh: NOTE: this tree has no$missing yet: building with the" >&2
    echo "build-debs.sh: NOTE: pkg.tiepdon.noui profile (tiepdon-common, -tools, -broker only;" >&2
    echo "build-debs.sh: NOTE: no tiepdon-kiosk, no tiepdon-desk)" >&2
  else
    profile=full
  fi
fi
profiles=""
case "$profile" in
  full) ;;
  noui) profiles=pkg.tiepdon.noui ;;
  *) echo "build-debs.sh: --profile must be full, noui or auto" >&2; exit 2 ;;
esac
if [ "$nocheck" = yes ]; then
  profiles=${profiles:+$profiles,}nocheck
  DEB_BUILD_OPTIONS="nocheck ${DEB_BUILD_OPTIONS:-}"
  export DEB_BUILD_OPTIONS
fi

if [ -n "$version" ]; then
  {
    printf 'tiepdon (%s) unstable; urgency=medium\n\n' "$version"
    printf '  * Build of %s.\n\n' "$(git -C "$top" rev-parse --short "$treeish")"
    printf ' -- Tiếp đón developers <dev@tiepdon.example.org>  %s\n\n' "$(date -R)"
    cat "$src/debian/changelog"
  } > "$work/changelog"
  mv "$work/changelog" "$src/debian/changelog"
fi

echo "build-debs.sh: building $(dpkg-parsechangelog -l "$src/debian/changelog" -S Version) (profile: $profile, nocheck: $nocheck)" >&2
# -F: the source package too, so lintian checks debian/ itself as well.
(cd "$src" && dpkg-buildpackage -F -us -uc -j"${JOBS:-2}" ${profiles:+--build-profiles=$profiles}) \
  > "$work/build.log" 2>&1 || {
  tail -n 60 "$work/build.log" >&2
  echo "build-debs.sh: dpkg-buildpackage failed (log above)" >&2
  exit 1
}
mkdir -p "$out"
cp "$work"/*.deb "$work"/*.changes "$work"/*.buildinfo "$work"/*.dsc "$work"/*.tar.* "$out"/
cp "$work/build.log" "$out/build.log"
changes=$(ls "$work"/*.changes)

if [ "$run_lintian" = yes ]; then
  # Errors and warnings fail; info and pedantic tags are printed only.
  status=0
  lintian --display-info --fail-on error,warning "$out/$(basename "$changes")" \
    > "$out/lintian.log" 2>&1 || status=$?
  grep -v '^running with root privileges' "$out/lintian.log" >&2 || true
  if [ "$status" -ne 0 ]; then
    echo "build-debs.sh: lintian found errors or warnings (see above)" >&2
    exit 1
  fi
  echo "build-debs.sh: lintian: no errors, no warnings" >&2
fi
ls "$out"/*.deb

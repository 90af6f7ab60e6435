#!/bin/sh
# check-spec.sh SPEC FALLBACK_MACROS — the RPM spec parses (rpmspec -P),
# with and without the UI subpackages, and names the same five packages as
# debian/control. Where rpm lacks the %meson macros (Debian's rpm), the
# fallback definitions are loaded, as packaging/rpm/build-rpms.sh does.
set -eu
spec=$1
fallback=$2
control=$(dirname "$spec")/../debian/control
load=""
[ "$(rpm --eval '%{?meson:yes}')" = yes ] || load="--load $fallback"
# Source1 (the sysusers file) is read while the spec is parsed.
sources=$(mktemp -d)
trap 'rm -rf "$sources"' EXIT INT TERM
cp "$(dirname "$spec")/../sysusers/tiepdon.conf" "$sources/tiepdon.sysusers"
echo "1..3"
i=0
fails=0
for variant in "" "--without ui"; do
  i=$((i + 1))
  # shellcheck disable=SC2086
  if out=$(rpmspec $load --define "_sourcedir $sources" $variant -P "$spec" 2>&1 >/dev/null) && [ -z "$out" ]; then
    echo "ok $i - rpmspec -P ${variant:-(with ui)}${load:+ (fallback macros)}"
  else
    echo "not ok $i - rpmspec -P $variant"; echo "$out" | sed 's/^/# /'; fails=$((fails + 1))
  fi
done
i=$((i + 1))
# shellcheck disable=SC2086
rpm_pkgs=$(rpmspec $load --define "_sourcedir $sources" --builtrpms -q --qf '%{name}\n' "$spec" 2>/dev/null | sort | tr '\n' ' ')
deb_pkgs=$(sed -n 's/^Package: //p' "$control" | sort | tr '\n' ' ')
if [ "$rpm_pkgs" = "$deb_pkgs" ]; then
  echo "ok $i - the spec and debian/control split alike: $rpm_pkgs"
else
  echo "not ok $i - spec: $rpm_pkgs; debian/control: $deb_pkgs"; fails=$((fails + 1))
fi
[ "$fails" -eq 0 ]

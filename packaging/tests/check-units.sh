#!/bin/sh
# check-units.sh UNIT... — `systemd-analyze verify` every unit in a
# throwaway root (the build machine's own units plus ours), then print the
# sandbox exposure of each service from `systemd-analyze security` as
# FIGURE lines and fail above TIEPDON_MAX_EXPOSURE (default 4.0).
#
# verify checks that each ExecStart= program exists. The programs are not
# installed at test time, so the throwaway root gets an empty executable
# at each of their install paths; cage is copied from the host when it is
# installed (it is the compositor the kiosk unit runs). The test is about
# the units' syntax, dependencies and sandbox, not about the programs.
set -eu
max=${TIEPDON_MAX_EXPOSURE:-4.0}
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT INT TERM
mkdir -p "$root/etc/systemd/system" "$root/lib/systemd"
cp -r /lib/systemd/system "$root/lib/systemd/"
[ -d /usr/lib/systemd/system ] && mkdir -p "$root/usr/lib/systemd" &&
  cp -r /usr/lib/systemd/system "$root/usr/lib/systemd/" 2>/dev/null || true

n=0
names=""
for unit in "$@"; do
  name=$(basename "$unit")
  cp "$unit" "$root/etc/systemd/system/$name"
  for exe in $(sed -n 's/^ExecStart=[-@+!]*\([^ ]*\).*/\1/p; s/^ExecStart=.* -- \(\/[^ ]*\).*/\1/p' "$unit"); do
    mkdir -p "$root$(dirname "$exe")"
    if [ ! -e "$root$exe" ]; then
      if [ "$(basename "$exe")" = cage ] && [ -x "$exe" ]; then
        cp "$exe" "$root$exe"
      else
        printf '#!/bin/sh\nexit 0\n' > "$root$exe"
        chmod 0755 "$root$exe"
      fi
    fi
  done
  case "$name" in
    *@.service) name=$(echo "$name" | sed 's/@\.service$/@tty1.service/') ;;
  esac
  names="$names $name"
  n=$((n + 1))
done

echo "1..$((n * 2))"
i=0
for name in $names; do
  i=$((i + 1))
  if out=$(systemd-analyze verify --man=no --root="$root" "$name" 2>&1) && [ -z "$out" ]; then
    echo "ok $i - systemd-analyze verify $name"
  else
    echo "not ok $i - systemd-analyze verify $name"
    echo "$out" | sed 's/^/# /'
  fi
done
for name in $names; do
  i=$((i + 1))
  level=$(systemd-analyze security --offline=true --root="$root" "$name" 2>/dev/null |
          sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\).*/\1/p')
  if [ -z "$level" ]; then
    echo "not ok $i - systemd-analyze security $name gave no exposure level"
    continue
  fi
  echo "# FIGURE exposure-$(echo "$name" | sed 's/[@.].*//') $level /10"
  if awk -v l="$level" -v m="$max" 'BEGIN { exit !(l <= m) }'; then
    echo "ok $i - $name exposure $level <= $max"
  else
    echo "not ok $i - $name exposure $level > $max"
  fi
done

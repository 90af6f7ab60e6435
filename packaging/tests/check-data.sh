#!/bin/sh
# check-data.sh PACKAGING_DIR TIEPDON_CONF [BROKER_CONF] — the data files
# packages install, checked with the tools that will read them:
#  - the default tiepdon.conf and broker.conf load with `tiepdonctl config
#    check` (broker.conf once a drop-in supplies the keys a site must set);
#  - sysusers.d creates the tiepdon user with its home and groups, and
#    tmpfiles.d then creates the state directory owned by it, mode 0700
#    (both run with --root in a throwaway directory);
#  - every udev rule line parses as KEY[{attr}]OP"value" pairs, every
#    group it assigns exists on Debian, and the PAM stack names modules
#    that exist on this machine.
set -eu
src=$1
conf=$2
broker=${3:-}
ctl=${TIEPDONCTL:?}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
i=0
fails=0
ok() { i=$((i + 1)); echo "ok $i - $1"; }
notok() { i=$((i + 1)); fails=$((fails + 1)); echo "not ok $i - $1"; [ -z "${2:-}" ] || echo "$2" | sed 's/^/# /'; }
check() { desc=$1; shift; if out=$("$@" 2>&1); then ok "$desc"; else notok "$desc" "$out"; fi; }

echo "1..9"

# 1-2: default configuration files
mkdir -p "$tmp/etc"
cp "$conf" "$tmp/etc/tiepdon.conf"
check "default tiepdon.conf is valid" "$ctl" config check --config "$tmp/etc/tiepdon.conf"
if [ -n "$broker" ]; then
  install -m 0600 "$broker" "$tmp/etc/broker.conf"
  mkdir -p "$tmp/etc/broker.d"
  cat > "$tmp/etc/broker.d/site.conf" <<'SITE'
[bhxh]
username=79014_BV
password=not-a-real-password
officer_name=Nguyễn Văn An
officer_cccd=001085012345
SITE
  chmod 0600 "$tmp/etc/broker.d/site.conf"
  check "default broker.conf is valid once the site's keys are set" \
    "$ctl" config check --schema broker --config "$tmp/etc/broker.conf"
else
  ok "# SKIP broker not built"
fi

# 3-5: sysusers then tmpfiles in a throwaway root
root="$tmp/root"
mkdir -p "$root/etc"
: > "$root/etc/passwd"; : > "$root/etc/group"; : > "$root/etc/shadow"; : > "$root/etc/gshadow"
if command -v systemd-sysusers >/dev/null 2>&1 && command -v systemd-tmpfiles >/dev/null 2>&1; then
  check "systemd-sysusers accepts sysusers.d/tiepdon.conf" \
    systemd-sysusers --root="$root" "$src/sysusers/tiepdon.conf"
  line=$(grep '^tiepdon:' "$root/etc/passwd" || true)
  home=$(echo "$line" | cut -d: -f6)
  uid=$(echo "$line" | cut -d: -f3)
  groups_ok=yes
  for g in dialout lp video; do
    grep -q "^$g:[^:]*:[0-9]*:\(.*,\)\?tiepdon\(,.*\)\?$" "$root/etc/group" || groups_ok="no ($g)"
  done
  if [ -n "$uid" ] && [ "$uid" -lt 1000 ] && [ "$home" = /var/lib/tiepdon ] && [ "$groups_ok" = yes ]; then
    ok "tiepdon is a system user (uid $uid), home /var/lib/tiepdon, in dialout, lp, video"
  else
    notok "tiepdon user: '$line', groups: $groups_ok" "$(cat "$root/etc/group")"
  fi
  sed 's|@pkglocalstatedir@|/var/lib/tiepdon|g' "$src/tmpfiles/tiepdon.conf.in" > "$tmp/tmpfiles.conf"
  systemd-tmpfiles --root="$root" --create "$tmp/tmpfiles.conf" >/dev/null 2>&1 || true
  st=$(stat -c '%a %u' "$root/var/lib/tiepdon" 2>/dev/null || echo missing)
  st2=$(stat -c '%a %u' "$root/var/lib/tiepdon/tickets" 2>/dev/null || echo missing)
  if [ "$(id -u)" != 0 ]; then
    # Only root may give the directories away; check the modes.
    st=$(echo "$st" | cut -d' ' -f1); st2=$(echo "$st2" | cut -d' ' -f1); uid=""
  fi
  if [ "$st" = "700${uid:+ $uid}" ] && [ "$st2" = "700${uid:+ $uid}" ]; then
    ok "tmpfiles.d makes /var/lib/tiepdon and tickets/ 0700${uid:+ owned by tiepdon}"
  else
    notok "state directory: '$st', tickets: '$st2' (want '700 $uid')"
  fi
else
  ok "# SKIP systemd-sysusers/systemd-tmpfiles not installed"
  ok "# SKIP"
  ok "# SKIP"
fi

# 6-7: udev rules
for rules in "$src"/udev/*.rules; do
  bad=$(grep -v '^[[:space:]]*\(#.*\)\?$' "$rules" |
        sed -e 's/[A-Z_]*\({[^}]*}\)\?[[:space:]]*\(==\|!=\|+=\|-=\|:=\|=\)[[:space:]]*"[^"]*"[[:space:]]*\(,[[:space:]]*\|$\)//g' |
        grep -v '^$' || true)
  groups=$(grep -o 'GROUP="[^"]*"' "$rules" | sed 's/GROUP="\(.*\)"/\1/' | sort -u)
  missing=""
  for g in $groups; do grep -q "^$g:" "$root/etc/group" /etc/group || missing="$missing $g"; done
  gotos=$(grep -o 'GOTO="[^"]*"' "$rules" | sed 's/GOTO="\(.*\)"/\1/' | sort -u)
  for l in $gotos; do grep -q "^LABEL=\"$l\"" "$rules" || missing="$missing label:$l"; done
  if [ -z "$bad" ] && [ -z "$missing" ]; then
    ok "$(basename "$rules") parses; groups and labels exist"
  else
    notok "$(basename "$rules")" "unparsed: $bad; missing:$missing"
  fi
done

# 8: PAM stack
pamdir=""
for d in /lib/x86_64-linux-gnu/security /usr/lib/x86_64-linux-gnu/security /lib/security /usr/lib64/security \
         "/lib/$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || echo none)/security"; do
  [ -e "$d/pam_unix.so" ] && pamdir=$d && break
done
bad=$(grep -v '^[[:space:]]*\(#.*\)\?$' "$src/pam/tiepdon-kiosk" | while read -r type control module args; do
  case "$type" in auth|account|session|password) ;; *) echo "type $type" ;; esac
  case "$control" in required|requisite|sufficient|optional) ;; *) echo "control $control" ;; esac
  if [ -n "$pamdir" ] && [ ! -e "$pamdir/$module" ]; then echo "module $module"; fi
done)
if [ -z "$bad" ]; then ok "PAM stack tiepdon-kiosk is well formed${pamdir:+ (modules in $pamdir)}"; else notok "PAM stack" "$bad"; fi

# 9: the scanner rule's symlink is the configuration's default device
if grep -q 'SYMLINK+="tiepdon-scanner"' "$src/udev/60-tiepdon-scanner.rules" &&
   TIEPDON_CONFIG=/nonexistent "$ctl" config schema | grep -qx '#device=/dev/tiepdon-scanner'; then
  ok "udev symlink /dev/tiepdon-scanner is [scanner] device's default"
else
  notok "udev symlink and [scanner] device default disagree"
fi
[ "$fails" -eq 0 ]

#!/bin/sh
# test-config-check.sh — tiepdonctl config check against good and broken
# files: exit status, one precise line naming file/group/key, JSON output.
set -u
ctl=${TIEPDONCTL:?}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT INT TERM
n=0 failed=0

ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; }

# expect NAME STATUS PATTERN FILE-CONTENT [MODE]
expect() {
  name=$1 want=$2 pattern=$3 content=$4 mode=${5:-644}
  rm -rf "$dir/etc"; mkdir -p "$dir/etc/conf.d"
  printf '%s' "$content" > "$dir/etc/tiepdon.conf"
  chmod "$mode" "$dir/etc/tiepdon.conf"
  "$ctl" config check --config "$dir/etc/tiepdon.conf" >"$dir/out" 2>"$dir/err"
  got=$?
  lines=$(wc -l < "$dir/err")
  if [ "$got" -ne "$want" ]; then
    not_ok "$name: exit $got, want $want"; sed 's/^/# /' "$dir/err"
  elif [ "$want" -ne 0 ] && [ "$lines" -ne 1 ]; then
    not_ok "$name: $lines lines on stderr, want 1"; sed 's/^/# /' "$dir/err"
  elif ! grep -qF -- "$pattern" "$dir/err" "$dir/out"; then
    not_ok "$name: output lacks “$pattern”"; sed 's/^/# /' "$dir/err"
  else
    ok "$name"
  fi
}

expect "valid file" 0 "[kiosk]" '[kiosk]
id=K2
[clinic NOI]
name_vi=Khám Nội
prefix=A
'
expect "wrong type" 2 "[spool] retention_days: expected an integer from 1 to 3650, got “thirty”" '[spool]
retention_days=thirty
'
expect "unknown key" 2 "[kiosk] hospital: unknown key" '[kiosk]
hospital=X
'
expect "unknown group" 2 "[printers]: unknown group" '[printers]
uri=file:///tmp
'
expect "out of range" 2 "[reader] max_le: expected an integer from 1 to 65536, got 0" '[reader]
max_le=0
'
expect "bad choice" 2 "[printer] paper_width_mm: expected one of: 58, 80" '[printer]
paper_width_mm=57
'
expect "syntax" 2 "tiepdon.conf" 'id K2
'
expect "missing required" 2 "[clinic NHI] name_vi: required" '[clinic NHI]
prefix=B
'
expect "secret readable by others" 2 "chmod 600" '[staff lan]
display_name=Lan
pin_hash=pbkdf2-sha256$600000$c2FsdA==$aGFzaA==
'

# Unreadable file: a directory where the file should be (works as root too).
rm -rf "$dir/etc"; mkdir -p "$dir/etc/tiepdon.conf"
"$ctl" config check --config "$dir/etc/tiepdon.conf" >/dev/null 2>"$dir/err"
if [ $? -eq 2 ] && grep -q "tiepdon.conf" "$dir/err"; then ok "unreadable file"; else not_ok "unreadable file"; fi

# Missing --config file is an error, not silent defaults.
"$ctl" config check --config "$dir/nope.conf" >/dev/null 2>"$dir/err"
if [ $? -eq 2 ] && grep -q "nope.conf" "$dir/err"; then ok "missing explicit file"; else not_ok "missing explicit file"; fi

# Drop-in overrides and is named as the source; JSON hides secrets.
rm -rf "$dir/etc"; mkdir -p "$dir/etc/conf.d"
printf '[kiosk]\nid=K1\n' > "$dir/etc/tiepdon.conf"
printf '[kiosk]\nid=K9\n[staff lan]\ndisplay_name=Lan\npin_hash=pbkdf2-sha256$600000$c2FsdA==$aGFzaA==\n' > "$dir/etc/conf.d/50-site.conf"
chmod 600 "$dir/etc/conf.d/50-site.conf"
"$ctl" config check --json --config "$dir/etc/tiepdon.conf" > "$dir/out" 2>"$dir/err"
st=$?
if [ $st -eq 0 ] && /usr/bin/python3 - "$dir/out" "$dir/etc/conf.d/50-site.conf" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["valid"] is True
assert d["config"]["kiosk"]["id"] == "K9"
assert d["sources"]["kiosk"]["id"] == sys.argv[2]
assert d["config"]["staff lan"]["pin_hash"] == "(secret)"
assert "c2FsdA" not in open(sys.argv[1]).read()
assert len(d["files"]) == 2
PY
then ok "json output, drop-in wins, secret hidden"; else not_ok "json output (status $st)"; cat "$dir/err" | sed 's/^/# /'; fi

# Drop-ins are read in name order, later ones win; only *.conf counts;
# a broken drop-in is named, not the main file.
rm -rf "$dir/etc"; mkdir -p "$dir/etc/conf.d"
printf '[kiosk]\nid=K1\n' > "$dir/etc/tiepdon.conf"
printf '[kiosk]\nid=K3\n' > "$dir/etc/conf.d/90-z.conf"
printf '[kiosk]\nid=K2\n[printer]\npaper_width_mm=58\n' > "$dir/etc/conf.d/10-a.conf"
printf '[kiosk]\nid=OLD\n' > "$dir/etc/conf.d/95-site.conf.dpkg-old"
printf 'not a key file\n' > "$dir/etc/conf.d/README"
"$ctl" config check --json --config "$dir/etc/tiepdon.conf" > "$dir/out" 2>"$dir/err"
if [ $? -eq 0 ] && /usr/bin/python3 - "$dir/out" "$dir/etc" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
e = sys.argv[2]
assert d["config"]["kiosk"]["id"] == "K3", d["config"]["kiosk"]["id"]
assert d["sources"]["kiosk"]["id"] == e + "/conf.d/90-z.conf"
assert d["config"]["printer"]["paper_width_mm"] == "58"
assert d["sources"]["printer"]["paper_width_mm"] == e + "/conf.d/10-a.conf"
assert d["files"] == [e + "/tiepdon.conf", e + "/conf.d/10-a.conf", e + "/conf.d/90-z.conf"], d["files"]
PY
then ok "drop-ins in name order, only *.conf"; else not_ok "drop-in order"; sed 's/^/# /' "$dir/err"; fi
printf '[scanner]\nbaud=fast\n' > "$dir/etc/conf.d/50-m.conf"
"$ctl" config check --config "$dir/etc/tiepdon.conf" > /dev/null 2>"$dir/err"
if [ $? -eq 2 ] && [ "$(wc -l < "$dir/err")" = 1 ] && grep -qF "$dir/etc/conf.d/50-m.conf: [scanner] baud:" "$dir/err"; then
  ok "broken drop-in named with group and key"; else not_ok "broken drop-in"; sed 's/^/# /' "$dir/err"; fi
rm "$dir/etc/conf.d/50-m.conf"
# An empty value is not a silent default.
expect "empty value" 2 "[spool] retention_days: expected an integer from 1 to 3650" '[spool]
retention_days=
'
expect "key in the wrong group" 2 "[kiosk] max_le: unknown key" '[kiosk]
max_le=5
'
expect "bad boolean" 2 "[printer] buzzer:" '[printer]
buzzer=maybe
'
# Only the schemes a printer backend exists for.
expect "printer scheme without a backend" 2 "[printer] uri:" '[printer]
uri=sim://ticket
'
expect "cups printer" 0 "cups://ticket" '[printer]
uri=cups://ticket
'

# The broker's file: the BHXH password and the officer's CCCD never shown.
mkdir -p "$dir/broker"
printf '[broker]\ndatabase=%s/b.db\n[bhxh]\nurl=https://egw.example/\nusername=01999_BV\npassword=hunter2-not-shown\nofficer_name=Phạm Văn Bình\nofficer_cccd=001085009876\n' "$dir" > "$dir/broker/broker.conf"
chmod 600 "$dir/broker/broker.conf"
"$ctl" config check --schema broker --config "$dir/broker/broker.conf" > "$dir/out" 2>"$dir/err"
st=$?
"$ctl" config check --schema broker --json --config "$dir/broker/broker.conf" >> "$dir/out" 2>>"$dir/err"
if [ $st -eq 0 ] && [ $? -eq 0 ] && ! grep -q "hunter2\|001085009876" "$dir/out" "$dir/err" && grep -q '(secret)' "$dir/out"; then
  ok "broker schema: secrets hidden"; else not_ok "broker secrets"; sed 's/^/# /' "$dir/err"; fi

# JSON error object.
printf '[spool]\nretention_days=x\n' > "$dir/etc/tiepdon.conf"
"$ctl" config check --json --config "$dir/etc/tiepdon.conf" > "$dir/out" 2>/dev/null
if [ $? -eq 2 ] && /usr/bin/python3 -c '
import json,sys; d=json.load(open(sys.argv[1]))
assert d["valid"] is False and d["error"]["group"]=="spool" and d["error"]["key"]=="retention_days"
' "$dir/out"; then ok "json error names group and key"; else not_ok "json error"; fi

# selftest: a writable private state dir passes; a missing one fails (exit 1).
mkdir -p "$dir/state"; chmod 700 "$dir/state"
printf '[kiosk]\nstate_dir=%s\n' "$dir/state" > "$dir/etc/tiepdon.conf"
"$ctl" selftest --json --config "$dir/etc/tiepdon.conf" > "$dir/out" 2>"$dir/err"
if [ $? -eq 0 ] && /usr/bin/python3 -c '
import json,sys; d=json.load(open(sys.argv[1]))
assert d["failed"]==0 and {c["name"] for c in d["checks"]} >= {"timezone","state-dir"}
' "$dir/out"; then ok "selftest passes"; else not_ok "selftest passes"; sed 's/^/# /' "$dir/err"; fi
printf '[kiosk]\nstate_dir=%s\n' "$dir/missing" > "$dir/etc/tiepdon.conf"
"$ctl" selftest --config "$dir/etc/tiepdon.conf" > "$dir/out" 2>&1
if [ $? -eq 1 ] && grep -q "^failed *state-dir" "$dir/out"; then ok "selftest names the failed check"; else not_ok "selftest failure"; sed 's/^/# /' "$dir/out"; fi

# --version and unknown command.
"$ctl" --version | grep -q "^tiepdonctl [0-9]" && ok "--version" || not_ok "--version"
"$ctl" frobnicate >/dev/null 2>&1; [ $? -eq 2 ] && ok "unknown command exits 2" || not_ok "unknown command"

echo "1..$n"
[ $failed -eq 0 ]

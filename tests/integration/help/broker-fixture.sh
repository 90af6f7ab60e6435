# broker-fixture.sh — sourced by the help tests: TAP helpers, a temporary
# directory cleaned up however the test ends, and a broker.conf with kiosk
# K2, desk DESK1 and nurse lan (PIN 246810); a test appends its own groups.
# Needs TIEPDONCTL and TIEPDON_BROKER.
ctl=${TIEPDONCTL:?}
broker=${TIEPDON_BROKER:?}
py=/usr/bin/python3
dir=$(mktemp -d)
bpid=""
cleanup() { [ -n "$bpid" ] && kill "$bpid" 2>/dev/null; wait 2>/dev/null; rm -rf "$dir"; }
trap cleanup EXIT INT TERM
n=0 failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; }
sha() { printf '%s' "$1" | sha256sum | cut -d' ' -f1; }
pin_hash() { printf '%s\n' "$1" | "$ctl" staff hash-pin --iterations 1000 | sed 's/^pin_hash=//'; }

cat > "$dir/broker.conf" <<CONF
[broker]
listen=http://127.0.0.1:0/
database=$dir/broker.db
[bhxh]
url=http://127.0.0.1:9/
username=01999_BV
password=test
officer_name=Phạm Văn Bình
officer_cccd=001085009876
[client K2]
token_sha256=$(sha kiosk-k2-secret)
[client DESK1]
token_sha256=$(sha desk-1-secret)
desk=true
[staff lan]
display_name=Nguyễn Thị Lan
pin_hash=$(pin_hash 246810)
CONF
chmod 600 "$dir/broker.conf"

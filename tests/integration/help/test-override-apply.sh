#!/bin/sh
# test-override-apply.sh — a nurse's override reaches the kiosk's spool:
# the real broker, a kiosk spool with a visit, "tiepdonctl help apply
# --once" makes exactly one new revision (run twice: still one), audits
# who/when/old/new/why, acknowledges it to the broker, gives a clinic
# change a new queue number, and rejects an override it cannot apply.
set -u
. "$(dirname "$0")/broker-fixture.sh"
jget() { $py -c 'import json,sys; d=json.load(open(sys.argv[1]))
for k in sys.argv[2].split("."): d=d[int(k)] if k.isdigit() else d[k]
print(d)' "$@" 2>/dev/null; }
cat >> "$dir/broker.conf" <<CONF
[client K3]
token_sha256=$(sha kiosk-k3-secret)
CONF
"$broker" --config "$dir/broker.conf" > "$dir/broker.out" 2>"$dir/broker.err" &
bpid=$!
for _ in $(seq 100); do grep -q LISTENING "$dir/broker.out" 2>/dev/null && break; sleep 0.05; done
port=$(sed -n 's/^LISTENING //p' "$dir/broker.out")
base="http://127.0.0.1:$port"
[ -n "$port" ] && ok "broker listening" || { not_ok "broker did not start: $(cat "$dir/broker.err")"; echo "1..$n"; exit 1; }

mkdir -m 700 "$dir/state"
printf 'kiosk-k2-secret\n' > "$dir/kiosk-token"; chmod 600 "$dir/kiosk-token"
cat > "$dir/kiosk.conf" <<CONF
[kiosk]
id=K2
[eligibility]
broker_url=$base/
token_file=$dir/kiosk-token
[spool]
path=$dir/state/spool.db
key_file=$dir/state/spool.key
[queue]
clinics=NOI;NGOAI
[clinic NOI]
name_vi=Khám Nội
prefix=A
hours=00:00-23:59
[clinic NGOAI]
name_vi=Khám Ngoại
prefix=B
hours=00:00-23:59
CONF
"$ctl" spool add-test-visit --config "$dir/kiosk.conf" --clinic NOI --payment bhyt --json > "$dir/visit" 2>"$dir/err" \
  || not_ok "add visit: $(cat "$dir/err")"
visit=$(jget "$dir/visit" visit_id)
number=$(jget "$dir/visit" queue_number)

post() { curl -s -o "$dir/body" -w '%{http_code}' -X POST -H "Content-Type: application/json" "$@"; }
session=$(curl -s -X POST -H "Authorization: Bearer desk-1-secret" -d '{"login":"lan","pin":"246810"}' \
  "$base/staff/sign-in" | $py -c 'import json,sys; print(json.load(sys.stdin)["session"])')
nurse() { post -H "Authorization: Bearer desk-1-secret" -H "X-Tiepdon-Session: $session" "$@"; }
raise() {
  post -H "Authorization: Bearer kiosk-k2-secret" "$base/help" \
    -d "{\"kiosk_id\":\"K2\",\"reason\":\"$1\",\"ticket_number\":\"$number\",\"visit_ref\":\"$2\"}" >/dev/null
  jget "$dir/body" id
}
override() { nurse "$base/help/$1/override" -d "$2"; }

help1=$(raise expired_card "$visit")
nurse "$base/help/$help1/claim" >/dev/null
code=$(override "$help1" '{"action":"self_pay","old":{"payment":"bhyt"},"new":{"payment":"self_pay"},"reason":"Thẻ hết hạn, người bệnh đồng ý tự trả"}')
[ "$code" = 201 ] && ok "nurse overrides to self-pay" || not_ok "override: $code $(cat "$dir/body")"
ovr1=$(jget "$dir/body" id)

"$ctl" help apply --once --config "$dir/kiosk.conf" --json > "$dir/apply" 2>"$dir/err"
[ "$(jget "$dir/apply" applied)" = 1 ] && ok "help apply --once applies it" || not_ok "apply: $(cat "$dir/apply" "$dir/err")"
"$ctl" help apply --once --config "$dir/kiosk.conf" --json > "$dir/apply" 2>"$dir/err"
[ "$(jget "$dir/apply" applied)" = 0 ] && ok "a second round applies nothing" || not_ok "second apply: $(cat "$dir/apply" "$dir/err")"

"$ctl" spool status --config "$dir/kiosk.conf" --json > "$dir/status"
[ "$(jget "$dir/status" pending)" = 2 ] && ok "one new revision waits for the HIS" || not_ok "spool: $(cat "$dir/status")"

"$ctl" help audit "$visit" --config "$dir/kiosk.conf" --json > "$dir/audit" 2>"$dir/err"
$py - "$dir/audit" "$ovr1" <<'PY' && ok "the spool's audit says who, when, old, new and why" || not_ok "audit: $(cat "$dir/audit" "$dir/err")"
import json, sys
a = json.load(open(sys.argv[1]))["audit"]
e = [x for x in a if x["action"] == "override:self_pay"]
assert len(e) == 1, a
e = e[0]
assert e["actor"] == "lan" and e["at"]
d = e["detail"]
assert d["override_id"] == sys.argv[2]
assert d["nurse_name"] == "Nguyễn Thị Lan" and "tự trả" in d["reason"] and d["at"]
assert d["old"] == {"payment": "bhyt"} and d["new"] == {"payment": "self_pay"}, d
PY

curl -s -H "Authorization: Bearer desk-1-secret" -H "X-Tiepdon-Session: $session" "$base/help/$help1/overrides" > "$dir/ovr"
[ "$(jget "$dir/ovr" overrides.0.applied.outcome)" = applied ] && [ "$(jget "$dir/ovr" overrides.0.applied.revision)" = 2 ] \
  && ok "the broker knows the kiosk applied it as revision 2" || not_ok "ack: $(cat "$dir/ovr")"

# A clinic change takes a new number at the new clinic.
code=$(override "$help1" '{"action":"change_clinic","old":{"clinic":"NOI"},"new":{"clinic":"NGOAI"},"reason":"Đau khớp gối, chuyển khám ngoại"}')
"$ctl" help apply --once --config "$dir/kiosk.conf" --json > "$dir/apply" 2>"$dir/err"
"$ctl" help audit "$visit" --config "$dir/kiosk.conf" --json > "$dir/audit"
$py - "$dir/audit" <<'PY' && ok "clinic change applied" || not_ok "clinic: $code $(cat "$dir/apply" "$dir/err" "$dir/audit")"
import json, sys
a = json.load(open(sys.argv[1]))["audit"]
e = [x for x in a if x["action"] == "override:change_clinic"][0]
assert e["detail"]["new"] == {"clinic": "NGOAI"} and e["detail"]["old"] == {"clinic": "NOI"}
PY

# An override for a visit this spool does not hold is rejected once and reported.
help2=$(raise input_mismatch "0b4e28ba-2fa1-4d2e-883f-0016d3cca427")
nurse "$base/help/$help2/claim" >/dev/null
override "$help2" '{"action":"cancel","old":{},"new":{},"reason":"Bệnh nhân về"}' >/dev/null
"$ctl" help apply --once --config "$dir/kiosk.conf" --json > "$dir/apply" 2>"$dir/err"
[ "$(jget "$dir/apply" rejected)" = 1 ] && ok "an override for an unknown visit is rejected" || not_ok "reject: $(cat "$dir/apply" "$dir/err")"
curl -s -H "Authorization: Bearer desk-1-secret" -H "X-Tiepdon-Session: $session" "$base/help/$help2/overrides" > "$dir/ovr"
[ "$(jget "$dir/ovr" overrides.0.applied.outcome)" = rejected ] && ok "the desk can see it was rejected" || not_ok "reject ack: $(cat "$dir/ovr")"

# Another kiosk cannot acknowledge K2's overrides; the broker keeps the first word.
code=$(post -H "Authorization: Bearer kiosk-k3-secret" "$base/overrides/$ovr1/applied" -d '{"outcome":"rejected"}')
[ "$code" = 404 ] && ok "another kiosk cannot acknowledge" || not_ok "K3 ack: $code"
code=$(post -H "Authorization: Bearer desk-1-secret" "$base/overrides/$ovr1/applied" -d '{"outcome":"rejected"}')
[ "$code" = 403 ] && ok "a desk cannot acknowledge" || not_ok "desk ack: $code"

# An acknowledgement the broker refuses (it lost the override: a restored
# database) is given up, and does not block the next overrides.
$py - "$dir/state/spool.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("INSERT INTO applied_changes (change_id, seq, visit_id, revision, outcome, applied_at)"
           " VALUES ('00000000-0000-4000-8000-000000000000', 0, NULL, 0, 'applied', 0)")
db.commit()
PY
override "$help1" '{"action":"reprint","old":{},"new":{},"reason":"Phiếu bị nhòe"}' >/dev/null
"$ctl" help apply --once --config "$dir/kiosk.conf" --json > "$dir/apply" 2>"$dir/err"
acked=$($py -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT acked FROM applied_changes WHERE change_id LIKE ?", ("00000000-%",)).fetchone()[0])' "$dir/state/spool.db")
[ "$(jget "$dir/apply" applied)" = 1 ] && [ "$acked" = 1 ] \
  && ok "a refused acknowledgement is given up and the next override still applies" \
  || not_ok "refused ack: $(cat "$dir/apply" "$dir/err")"

# Following (as syncd will host it): a new override is applied within seconds.
"$ctl" help apply --config "$dir/kiosk.conf" > /dev/null 2>"$dir/follow.err" &
fpid=$!
before=$("$ctl" spool status --config "$dir/kiosk.conf" --json | $py -c 'import json,sys; print(json.load(sys.stdin)["pending"])')
override "$help1" '{"action":"change_priority","old":{"priority":"none"},"new":{"priority":"age_75"},"reason":"Người bệnh 81 tuổi"}' >/dev/null
applied=""
for _ in $(seq 100); do
  now=$("$ctl" spool status --config "$dir/kiosk.conf" --json | $py -c 'import json,sys; print(json.load(sys.stdin)["pending"])')
  [ "$now" -gt "$before" ] && { applied=1; break; }
  sleep 0.1
done
kill "$fpid" 2>/dev/null; wait "$fpid" 2>/dev/null
[ -n "$applied" ] && ok "help apply, left running, applies a new override as it comes" || not_ok "follow: $(cat "$dir/follow.err")"

# The kiosk is offline: the override waits at the broker and applies later.
kill "$bpid"; wait "$bpid" 2>/dev/null; bpid=""
"$ctl" help apply --once --config "$dir/kiosk.conf" > /dev/null 2>"$dir/err"
[ $? -eq 1 ] && grep -qi broker "$dir/err" && ok "broker down: a clear failure" || not_ok "offline: $(cat "$dir/err")"
! grep -q "001090000001\|Nguyễn Văn Thử" "$dir/broker.err" "$dir/err" && ok "nothing personal logged" || not_ok "log leaks"

echo "1..$n"
[ $failed -eq 0 ]

#!/bin/sh
# test-broker-help.sh — the help relay in the real tiepdon-broker: a kiosk
# raises a request, nurses list, claim (one wins), override with a reason,
# the audit trail answers who/when/why, and it all survives a restart.
set -u
. "$(dirname "$0")/broker-fixture.sh"
cat >> "$dir/broker.conf" <<CONF
[staff hoa]
display_name=Trần Thị Hoa
pin_hash=$(pin_hash 135791)
CONF
printf 'desk-1-secret\n' > "$dir/desk-token"; chmod 600 "$dir/desk-token"

start_broker() {
  # Remove the last run's output first: the redirection below truncates it
  # only once the child runs, and the loop must not read the old port.
  rm -f "$dir/broker.out"
  "$broker" --config "$dir/broker.conf" > "$dir/broker.out" 2>"$dir/broker.err" &
  bpid=$!
  for _ in $(seq 100); do grep -q LISTENING "$dir/broker.out" 2>/dev/null && break; sleep 0.05; done
  port=$(sed -n 's/^LISTENING //p' "$dir/broker.out")
  base="http://127.0.0.1:$port"
  cat > "$dir/desk.conf" <<CONF
[desk]
broker_url=$base/
token_file=$dir/desk-token
CONF
}
start_broker
[ -n "$port" ] && ok "broker listening on $port" || { not_ok "broker did not start: $(cat "$dir/broker.err")"; echo "1..$n"; exit 1; }

post() { curl -s -o "$dir/body" -w '%{http_code}' -X POST -H "Content-Type: application/json" "$@"; }

code=$(post -H "Authorization: Bearer kiosk-k2-secret" "$base/help" \
  -d '{"kiosk_id":"K2","reason":"expired_card","ticket_number":"K2-A015","masked_id":"0011******45","visit_ref":"1b4e28ba-2fa1-4d2e-883f-0016d3cca427"}')
id=$($py -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$dir/body" 2>/dev/null)
[ "$code" = 201 ] && [ -n "$id" ] && ok "kiosk raised a help request" || not_ok "kiosk post: $code $(cat "$dir/body")"

code=$(post "$base/help" -d '{"kiosk_id":"K2","reason":"reprint"}')
[ "$code" = 401 ] && ok "no token: 401" || not_ok "no token: $code"
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer desk-1-secret" "$base/help")
[ "$code" = 401 ] && ok "desk without a signed-in nurse: 401" || not_ok "desk without nurse: $code"

printf '246810\n' | "$ctl" help list --config "$dir/desk.conf" --login lan --json > "$dir/list" 2>"$dir/err"
$py -c 'import json,sys; d=json.load(open(sys.argv[1])); assert [r["id"] for r in d["requests"]]==[sys.argv[2]]' "$dir/list" "$id" \
  && ok "nurse lists the request" || not_ok "list: $(cat "$dir/err")"

printf '246810\n' | "$ctl" help claim "$id" --config "$dir/desk.conf" --login lan >/dev/null 2>"$dir/err" \
  && ok "lan claims" || not_ok "lan claim: $(cat "$dir/err")"
printf '135791\n' | "$ctl" help claim "$id" --config "$dir/desk.conf" --login hoa >/dev/null 2>"$dir/err"
[ $? -eq 1 ] && grep -q lan "$dir/err" && ok "hoa is told lan has it" || not_ok "second claim: $(cat "$dir/err")"

session=$(curl -s -X POST -H "Authorization: Bearer desk-1-secret" -d '{"login":"lan","pin":"246810"}' \
  "$base/staff/sign-in" | $py -c 'import json,sys; print(json.load(sys.stdin)["session"])')
code=$(post -H "Authorization: Bearer desk-1-secret" -H "X-Tiepdon-Session: $session" "$base/help/$id/override" \
  -d '{"action":"self_pay","old":{"payment":"bhyt"},"new":{"payment":"self_pay"},"reason":"Thẻ hết hạn, người bệnh đồng ý tự trả"}')
[ "$code" = 201 ] && ok "override recorded" || not_ok "override: $code $(cat "$dir/body")"

# Restart: requests and overrides are still there.
kill "$bpid"; wait "$bpid" 2>/dev/null; bpid=""
start_broker
printf '246810\n' | "$ctl" help overrides "$id" --config "$dir/desk.conf" --login lan --json > "$dir/ovr" 2>"$dir/err"
$py - "$dir/ovr" <<'PY' && ok "after a restart the audit trail says who, when and why" || not_ok "overrides: $(cat "$dir/err")"
import json, sys
o = json.load(open(sys.argv[1]))["overrides"]
assert len(o) == 1
r = o[0]
assert r["nurse"] == "lan" and r["nurse_name"] == "Nguyễn Thị Lan"
assert r["old"]["payment"] == "bhyt" and r["new"]["payment"] == "self_pay"
assert "tự trả" in r["reason"] and r["created_at"]
PY
code=$(curl -s -o "$dir/body" -w '%{http_code}' -H "Authorization: Bearer kiosk-k2-secret" "$base/overrides?since=0")
$py -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["overrides"][0]["visit_ref"]=="1b4e28ba-2fa1-4d2e-883f-0016d3cca427"' "$dir/body" 2>/dev/null \
  && [ "$code" = 200 ] && ok "the kiosk fetches its override" || not_ok "kiosk overrides: $code"
printf '246810\n' | "$ctl" help resolve "$id" --config "$dir/desk.conf" --login lan --resolution "tự trả" >/dev/null 2>"$dir/err" \
  && ok "resolved" || not_ok "resolve: $(cat "$dir/err")"
# Nothing personal in the broker's log.
! grep -q "001195012345\|Nguyễn Thị Lan" "$dir/broker.err" && ok "no personal data in the broker log" || not_ok "broker log leaks"

echo "1..$n"
[ $failed -eq 0 ]

#!/bin/sh
# test-ticket.sh — tickets at both widths decode back (ESC/POS → image →
# zbarimg) to the visit reference; long Vietnamese text stays inside the
# paper; the TCP printer's status paths print once or not at all.
set -u
ctl=${TIEPDONCTL:?}
here=$(dirname "$0")
py=/usr/bin/python3
dir=$(mktemp -d)
pids=""
cleanup() { for p in $pids; do kill "$p" 2>/dev/null; done; rm -rf "$dir"; }
trap cleanup EXIT INT TERM
n=0 failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; }
ref=1b4e28ba-2fa1-4d2e-883f-0016d3cca427
printf '[kiosk]\nhospital_name=Bệnh viện Đa khoa Tỉnh Thử Nghiệm — Cơ sở 2\n[printer]\nstatus_timeout_ms=800\n' > "$dir/t.conf"

for w in 58 80; do
  if "$ctl" ticket render --config "$dir/t.conf" --sample --width "$w" --reference "$ref" \
       --out "$dir/t$w.png" --bin "$dir/t$w.bin" > /dev/null 2>"$dir/err"; then
    summary=$($py "$here/escpos-decode.py" "$dir/t$w.bin" "$dir/t$w.pbm") || { not_ok "decode $w mm: $summary"; continue; }
    convert "$dir/t$w.pbm" "$dir/t$w-decoded.png"
    got=$(zbarimg --raw -q "$dir/t$w-decoded.png" 2>/dev/null)
    [ "$got" = "$ref" ] && ok "$w mm: QR in the printed bytes is the visit reference ($summary)" \
                        || not_ok "$w mm: QR says '$got'"
    want_w=$([ "$w" = 58 ] && echo 384 || echo 576)
    echo "$summary" | grep -q "width=$want_w " && ok "$w mm: $want_w dots wide" || not_ok "$w mm width: $summary"
    # Nothing touches the left or right edge: wrapped, not clipped.
    edge=$($py -c '
import sys
d=open(sys.argv[1],"rb").read().split(b"\n",2)[2]
w=int(sys.argv[2])//8
rows=[d[i:i+w] for i in range(0,len(d),w)]
print(sum(1 for r in rows if r[0]&0xC0 or r[-1]&0x03))' "$dir/t$w.pbm" "$want_w")
    [ "$edge" = 0 ] && ok "$w mm: no dot on the paper edges" || not_ok "$w mm: $edge rows touch the edge"
  else
    not_ok "render $w mm: $(cat "$dir/err")"
  fi
done

# Sets $port (not in a subshell: the printer's pid must reach the trap).
start_printer() {
  : > "$dir/$1.log"
  FAKE_PRINTER_LOG="$dir/$1.log" $py "$here/fake-printer.py" "$1" > "$dir/$1.port" 2>/dev/null </dev/null &
  pids="$pids $!"
  for _ in $(seq 50); do [ -s "$dir/$1.port" ] && break; sleep 0.1; done
  port=$(cat "$dir/$1.port")
}

start_printer ok
"$ctl" ticket print --config "$dir/t.conf" --sample --printer "tcp://127.0.0.1:$port" >/dev/null 2>"$dir/err" \
  && [ "$(wc -l < "$dir/ok.log")" = 1 ] && ok "healthy printer: one ticket" || not_ok "healthy printer: $(cat "$dir/err")"
"$ctl" printer status --config "$dir/t.conf" --printer "tcp://127.0.0.1:$port" --json > "$dir/st" 2>/dev/null
grep -q '"status" : "ok"' "$dir/st" && ok "status ok" || not_ok "status: $(cat "$dir/st")"

start_printer paper-out
"$ctl" ticket print --config "$dir/t.conf" --sample --printer "tcp://127.0.0.1:$port" >/dev/null 2>"$dir/err"
[ $? -eq 3 ] && grep -q "out of paper" "$dir/err" && [ ! -s "$dir/paper-out.log" ] \
  && ok "paper out before: refused, nothing printed" || not_ok "paper out before: $(cat "$dir/err")"
"$ctl" printer status --config "$dir/t.conf" --printer "tcp://127.0.0.1:$port" > "$dir/st" 2>/dev/null
[ $? -eq 3 ] && grep -q paper_out "$dir/st" && ok "status paper_out" || not_ok "status paper_out"

start_printer runs-out
"$ctl" ticket print --config "$dir/t.conf" --sample --printer "tcp://127.0.0.1:$port" >/dev/null 2>"$dir/err"
[ $? -eq 3 ] && grep -qi "may\|ran out" "$dir/err" && [ "$(wc -l < "$dir/runs-out.log")" = 1 ] \
  && ok "paper out during: reported uncertain, sent once" || not_ok "paper out during: $(cat "$dir/err")"

start_printer silent
"$ctl" ticket print --config "$dir/t.conf" --sample --printer "tcp://127.0.0.1:$port" >/dev/null 2>"$dir/err"
[ $? -eq 3 ] && grep -q "does not answer" "$dir/err" && [ ! -s "$dir/silent.log" ] \
  && ok "silent printer: timeout, nothing printed" || not_ok "silent printer: $(cat "$dir/err")"

start_printer drop
"$ctl" ticket print --config "$dir/t.conf" --sample --printer "tcp://127.0.0.1:$port" >/dev/null 2>"$dir/err"
[ $? -eq 3 ] && ok "printer that hangs up: error" || not_ok "hang-up: $(cat "$dir/err")"
# Nothing listening at all.
"$ctl" ticket print --config "$dir/t.conf" --sample --printer "tcp://127.0.0.1:1" >/dev/null 2>"$dir/err"
[ $? -eq 3 ] && grep -q "cannot be reached" "$dir/err" && ok "disconnected printer: unreachable" || not_ok "unreachable: $(cat "$dir/err")"

start_printer cover-open
"$ctl" ticket print --config "$dir/t.conf" --sample --printer "tcp://127.0.0.1:$port" >/dev/null 2>"$dir/err"
[ $? -eq 3 ] && grep -q "cover is open" "$dir/err" && [ ! -s "$dir/cover-open.log" ] \
  && ok "cover open: refused, nothing printed" || not_ok "cover open: $(cat "$dir/err")"

start_printer jammed
"$ctl" ticket print --config "$dir/t.conf" --sample --printer "tcp://127.0.0.1:$port" >/dev/null 2>"$dir/err"
[ $? -eq 3 ] && grep -q "reports an error" "$dir/err" && [ ! -s "$dir/jammed.log" ] \
  && ok "jammed printer: refused, nothing printed" || not_ok "jammed: $(cat "$dir/err")"
"$ctl" printer status --config "$dir/t.conf" --printer "tcp://127.0.0.1:$port" --json > "$dir/st" 2>/dev/null
[ $? -eq 3 ] && grep -q '"status" : "error"' "$dir/st" && ok "status error, exit 3" || not_ok "status jammed: $(cat "$dir/st")"

start_printer near-end
"$ctl" ticket print --config "$dir/t.conf" --sample --printer "tcp://127.0.0.1:$port" >/dev/null 2>"$dir/err" \
  && [ "$(wc -l < "$dir/near-end.log")" = 1 ] && ok "paper near end: printed once" || not_ok "near end: $(cat "$dir/err")"
"$ctl" printer status --config "$dir/t.conf" --printer "tcp://127.0.0.1:$port" --json > "$dir/st" 2>/dev/null
[ $? -eq 0 ] && grep -q '"status" : "paper_near_end"' "$dir/st" && ok "status paper_near_end" || not_ok "near end status: $(cat "$dir/st")"

start_printer mute-after
"$ctl" ticket print --config "$dir/t.conf" --sample --printer "tcp://127.0.0.1:$port" >/dev/null 2>"$dir/err"
[ $? -eq 3 ] && grep -q "no longer answers" "$dir/err" && [ "$(wc -l < "$dir/mute-after.log")" = 1 ] \
  && ok "printer silent after the ticket: uncertain, sent once" || not_ok "mute after: $(cat "$dir/err")"

# /dev/usb/lp*: a pty stands in for the device node.
start_pty() {
  : > "$dir/$1-usb.log"
  FAKE_PRINTER_LOG="$dir/$1-usb.log" $py "$here/fake-printer.py" "$1" --pty > "$dir/$1.dev" 2>/dev/null </dev/null &
  pids="$pids $!"
  for _ in $(seq 50); do [ -s "$dir/$1.dev" ] && break; sleep 0.1; done
  dev=$(cat "$dir/$1.dev")
}
start_pty ok
"$ctl" ticket print --config "$dir/t.conf" --sample --printer "usb://$dev" >/dev/null 2>"$dir/err" \
  && [ "$(wc -l < "$dir/ok-usb.log")" = 1 ] && ok "usb printer: one ticket" || not_ok "usb printer: $(cat "$dir/err")"
"$ctl" printer status --config "$dir/t.conf" --printer "usb://$dev" --json > "$dir/st" 2>/dev/null
grep -q '"status" : "ok"' "$dir/st" && ok "usb status ok" || not_ok "usb status: $(cat "$dir/st")"
start_pty paper-out
"$ctl" ticket print --config "$dir/t.conf" --sample --printer "usb://$dev" >/dev/null 2>"$dir/err"
[ $? -eq 3 ] && grep -q "out of paper" "$dir/err" && [ ! -s "$dir/paper-out-usb.log" ] \
  && ok "usb paper out: refused, nothing printed" || not_ok "usb paper out: $(cat "$dir/err")"
start_pty silent
"$ctl" ticket print --config "$dir/t.conf" --sample --printer "usb://$dev" >/dev/null 2>"$dir/err"
[ $? -eq 3 ] && grep -q "does not answer" "$dir/err" && [ ! -s "$dir/silent-usb.log" ] \
  && ok "usb printer that never answers: nothing printed" || not_ok "usb silent: $(cat "$dir/err")"
# Unplugged: the device node is gone.
"$ctl" ticket print --config "$dir/t.conf" --sample --printer "usb://$dir/no-such-lp0" >/dev/null 2>"$dir/err"
[ $? -eq 3 ] && grep -q "cannot be opened" "$dir/err" && ok "usb printer unplugged: unreachable" \
  || not_ok "usb unplugged: $(cat "$dir/err")"

# The file printer writes the bytes and a preview.
mkdir "$dir/out"
"$ctl" ticket print --config "$dir/t.conf" --sample --reference "$ref" --printer "file://$dir/out" >/dev/null 2>&1 \
  && [ -s "$dir/out/ticket-$ref.bin" ] && [ -s "$dir/out/ticket-$ref.png" ] && ok "file printer" || not_ok "file printer"
# They carry the patient's name: owner only.
[ "$(stat -c %a "$dir/out/ticket-$ref.bin")" = 600 ] && [ "$(stat -c %a "$dir/out/ticket-$ref.png")" = 600 ] \
  && ok "ticket files are 0600" || not_ok "ticket file modes: $(stat -c %a "$dir/out/ticket-$ref".*)"

# A visit committed to the spool prints with its own reference and number.
mkdir -m 700 "$dir/state"
cat > "$dir/v.conf" <<CONF
[kiosk]
id=K7
[spool]
path=$dir/state/spool.db
key_file=$dir/state/spool.key
[clinic TMH]
name_vi=Khám Tai Mũi Họng
room=Phòng 210
prefix=T
CONF
out=$("$ctl" spool add-test-visit --config "$dir/v.conf" --name "Trần Văn Bình" --json 2>"$dir/err")
vid=$(printf '%s' "$out" | $py -c 'import json,sys; print(json.load(sys.stdin)["visit_id"])' 2>/dev/null)
num=$(printf '%s' "$out" | $py -c 'import json,sys; print(json.load(sys.stdin)["queue_number"])' 2>/dev/null)
if [ -n "$vid" ] && [ "$num" = "K7-T001" ] \
   && "$ctl" ticket render --config "$dir/v.conf" --visit "$vid" --out "$dir/visit.png" --bin "$dir/visit.bin" >/dev/null 2>"$dir/err" \
   && $py "$here/escpos-decode.py" "$dir/visit.bin" "$dir/visit.pbm" >/dev/null \
   && convert "$dir/visit.pbm" "$dir/visit-decoded.png" \
   && [ "$(zbarimg --raw -q "$dir/visit-decoded.png" 2>/dev/null)" = "$vid" ]; then
  ok "ticket of a spooled visit carries its reference ($num)"
else
  not_ok "visit ticket: $(cat "$dir/err")"
fi
"$ctl" ticket render --config "$dir/v.conf" --visit 00000000-0000-4000-8000-000000000000 --out "$dir/x.png" >/dev/null 2>&1
[ $? -eq 2 ] && ok "unknown visit: exit 2" || not_ok "unknown visit"

echo "1..$n"
[ $failed -eq 0 ]

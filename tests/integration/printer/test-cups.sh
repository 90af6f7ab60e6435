#!/bin/sh
# test-cups.sh — the cups:// printer through a real cupsd (foreground, on a
# loopback port the OS picked, its own spool in a temporary directory) with
# a raw queue whose device is the fake printer (socket://): the ESC/POS
# bytes arrive untouched (decoded, the QR is the visit reference); a
# disabled queue gets nothing; a missing queue or a stopped CUPS is
# "cannot be reached".
set -u
ctl=${TIEPDONCTL:?}
here=$(dirname "$0")
py=/usr/bin/python3
for tool in cupsd lpadmin lp lpstat cupsdisable zbarimg convert; do
  command -v "$tool" >/dev/null 2>&1 || [ -x "/usr/sbin/$tool" ] || { echo "1..0 # SKIP $tool missing"; exit 77; }
done
PATH=$PATH:/usr/sbin
dir=$(mktemp -d)
chmod 755 "$dir"
pids=""
cleanup() { for p in $pids; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done; rm -rf "$dir"; }
trap cleanup EXIT INT TERM
n=0 failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; }
ref=7d1f6c2e-4b8a-4e55-9a3c-1f2e3d4c5b6a
printf '[printer]\nstatus_timeout_ms=800\n' > "$dir/t.conf"

# The fake printer records every byte it is sent.
: > "$dir/raw.bin"
FAKE_PRINTER_RAW="$dir/raw.bin" $py "$here/fake-printer.py" ok > "$dir/fp.port" 2>/dev/null </dev/null &
pids="$pids $!"
for _ in $(seq 50); do [ -s "$dir/fp.port" ] && break; sleep 0.1; done

# cupsd on a free loopback port, everything under $dir.
port=$($py -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
mkdir -p "$dir/spool" "$dir/cache" "$dir/state" "$dir/log" "$dir/tmp"
cat > "$dir/cupsd.conf" <<CONF
Listen 127.0.0.1:$port
LogLevel warn
WebInterface No
Browsing No
<Location />
  Order allow,deny
  Allow all
</Location>
<Location /admin>
  Order allow,deny
  Allow all
</Location>
<Policy default>
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
CONF
cat > "$dir/cups-files.conf" <<CONF
ServerRoot $dir
RequestRoot $dir/spool
CacheDir $dir/cache
StateDir $dir/state
TempDir $dir/tmp
ErrorLog $dir/log/error_log
AccessLog $dir/log/access_log
PageLog $dir/log/page_log
Sandboxing Relaxed
CONF
cupsd -f -c "$dir/cupsd.conf" -s "$dir/cups-files.conf" 2>"$dir/cupsd.err" &
cupsd_pid=$!
pids="$pids $cupsd_pid"
server=127.0.0.1:$port
up=0
for _ in $(seq 100); do lpstat -h "$server" -r 2>/dev/null | grep -q "is running" && { up=1; break; }; sleep 0.1; done
if [ $up = 0 ]; then
  # cupsd refuses to run here (no privileges for its spool, …): nothing to test.
  echo "1..0 # SKIP cupsd did not start: $(head -c 200 "$dir/cupsd.err")"; exit 77
fi
lpadmin -h "$server" -p ticket -E -v "socket://127.0.0.1:$(cat "$dir/fp.port")" -m raw 2>/dev/null
uri="cups://$server/ticket"

"$ctl" printer status --config "$dir/t.conf" --printer "$uri" --json > "$dir/st" 2>"$dir/err"
[ $? -eq 0 ] && grep -q '"status" : "ok"' "$dir/st" && ok "queue status ok" || not_ok "status: $(cat "$dir/st" "$dir/err")"

"$ctl" ticket print --config "$dir/t.conf" --sample --reference "$ref" --printer "$uri" >/dev/null 2>"$dir/err" \
  && ok "ticket queued" || not_ok "print: $(cat "$dir/err")"
# CUPS prints on its own: wait for the cut to reach the printer.
for _ in $(seq 100); do $py -c 'import sys; sys.exit(0 if b"\x1dVB\x00" in open(sys.argv[1], "rb").read() else 1)' "$dir/raw.bin" && break; sleep 0.1; done
if summary=$($py "$here/escpos-decode.py" "$dir/raw.bin" "$dir/raw.pbm") \
   && convert "$dir/raw.pbm" "$dir/raw.png" \
   && [ "$(zbarimg --raw -q "$dir/raw.png" 2>/dev/null)" = "$ref" ]; then
  ok "bytes through CUPS unchanged: QR is the visit reference ($summary)"
else
  not_ok "bytes through CUPS: $summary"
fi

# A stopped queue: nothing is queued, exit 3.
cupsdisable -h "$server" ticket
size=$(wc -c < "$dir/raw.bin")
"$ctl" printer status --config "$dir/t.conf" --printer "$uri" --json > "$dir/st" 2>/dev/null
[ $? -eq 3 ] && grep -q '"status" : "offline"' "$dir/st" && ok "disabled queue: offline" || not_ok "disabled status: $(cat "$dir/st")"
"$ctl" ticket print --config "$dir/t.conf" --sample --printer "$uri" >/dev/null 2>"$dir/err"
st=$?
[ $st -eq 3 ] && grep -q "offline" "$dir/err" && [ -z "$(lpstat -h "$server" -o ticket)" ] \
  && [ "$(wc -c < "$dir/raw.bin")" = "$size" ] \
  && ok "disabled queue: refused, nothing queued" || not_ok "disabled print ($st): $(cat "$dir/err")"

"$ctl" printer status --config "$dir/t.conf" --printer "cups://$server/nosuchqueue" >/dev/null 2>"$dir/err"
[ $? -eq 3 ] && grep -q "cannot be reached" "$dir/err" && ok "unknown queue: unreachable" || not_ok "unknown queue: $(cat "$dir/err")"
"$ctl" printer status --config "$dir/t.conf" --printer "cups://$server/-x" >/dev/null 2>"$dir/err"
[ $? -eq 2 ] && ok "queue name that looks like an option: refused" || not_ok "option-like queue: $(cat "$dir/err")"

kill "$cupsd_pid"; wait "$cupsd_pid" 2>/dev/null
"$ctl" ticket print --config "$dir/t.conf" --sample --printer "$uri" >/dev/null 2>"$dir/err"
[ $? -eq 3 ] && grep -q "cannot be reached" "$dir/err" && ok "CUPS stopped: unreachable" || not_ok "CUPS stopped: $(cat "$dir/err")"

echo "1..$n"
[ $failed -eq 0 ]

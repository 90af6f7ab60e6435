#!/bin/sh
# test-tls-audit.sh — no code turns TLS verification off, and every TLS
# client is listed in tests/security/tls-clients.txt with its test
#
# Copyright 2026 The Tiếp đón authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -u
src=${TIEPDON_SOURCE_DIR:?}
cd "$src" || exit 1
n=0 failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; }

bypass=$(grep -rnE 'CURLOPT_SSL_VERIFY(PEER|HOST)[^;]*, *0L?\)|CURLOPT_SSL_VERIFYHOST[^;]*, *1L?\)|accept-certificate|G_TLS_CERTIFICATE_NO_FLAGS|SSL_VERIFY_NONE|set_validation_flags *\([^,]*, *0|ssl-strict|"validation-flags", *0' \
  kiosk hw ui --include='*.c' --include='*.h')
[ -z "$bypass" ] && ok "no code turns TLS verification off" || { not_ok "TLS verification turned off:"; echo "$bypass" | sed 's/^/#   /'; }

for f in $(grep -rlE 'curl_easy_init|g_tls_client_connection_new|soup_session_new|g_socket_client_set_tls' kiosk hw ui --include='*.c'); do
  if grep -q "^$f " tests/security/tls-clients.txt; then
    ok "$f is a listed TLS client with its test"
  else
    not_ok "$f opens TLS client connections but is not in tests/security/tls-clients.txt"
  fi
  if grep -q curl_easy_init "$f"; then
    inits=$(grep -cE "curl_easy_init *\(\)" "$f")
    peers=$(grep -cE 'CURLOPT_SSL_VERIFYPEER, *1L' "$f")
    [ "$peers" -ge "$inits" ] && ok "$f sets CURLOPT_SSL_VERIFYPEER for each handle ($inits)" \
      || not_ok "$f: $inits curl handles, $peers set CURLOPT_SSL_VERIFYPEER 1"
  fi
done
while read -r f rest; do
  case "$f" in ''|'#'*) continue ;; esac
  t=$(echo "$rest" | awk '{print $1}')
  [ -f "$f" ] && [ -f "$t" ] && ok "listed $f and its test $t exist" || not_ok "tls-clients.txt: $f or $t is missing"
done < tests/security/tls-clients.txt
echo "1..$n"
[ "$failed" = 0 ]

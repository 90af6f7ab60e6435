#!/bin/sh
# test-hardening.sh BINARY... — each program is PIE, full RELRO, BIND_NOW,
# with a non-executable stack and stack protection.
set -u
n=0 failed=0
for bin in "$@"; do
  name=$(basename "$bin")
  hdr=$(readelf -h "$bin"); dyn=$(readelf -d "$bin"); seg=$(readelf -lW "$bin"); syms=$(readelf -sW --dyn-syms "$bin")
  check() {
    n=$((n + 1))
    if eval "$2"; then echo "ok $n - $name: $1"; else echo "not ok $n - $name: $1"; failed=$((failed + 1)); fi
  }
  check "position independent (PIE)" 'echo "$hdr" | grep -q "Type:.*DYN"'
  check "full RELRO" 'echo "$seg" | grep -q GNU_RELRO && echo "$dyn" | grep -Eq "BIND_NOW|FLAGS.*NOW"'
  check "non-executable stack" 'echo "$seg" | grep GNU_STACK | grep -vq RWE'
  check "stack protector" 'echo "$syms" | grep -q __stack_chk_fail'
done
echo "1..$n"
[ $failed -eq 0 ]

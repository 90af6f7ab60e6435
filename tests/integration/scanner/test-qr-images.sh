#!/bin/sh
# test-qr-images.sh — QR images made with qrencode (clean, blurred, rotated,
# low contrast, small modules) decode through `tiepdonctl qr parse --image`
# to exactly the identity the text gives.
set -u
ctl=${TIEPDONCTL:?}
command -v qrencode >/dev/null && command -v convert >/dev/null || { echo "1..0 # SKIP qrencode or ImageMagick missing"; exit 77; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT INT TERM
n=0 failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; }

hex() { printf '%s' "$1" | od -An -tx1 | tr -d ' \n' | tr a-f A-F; }
printf '%s' '001195012345|012345678|Nguyễn Thị Mai|14031995|Nữ|Số 12 Phố Mẫu, Phường Thử, Ba Đình, Hà Nội|10052021' > "$dir/cccd.txt"
printf '%s' '079203001234||TRẦN VĂN BÌNH|01012003|Nam|Ấp Mẫu, Xã Thử, Huyện Củ Chi, TP. Hồ Chí Minh|15072021' > "$dir/cccd2.txt"
printf '%s' '001224098765||NGUYỄN GIA BẢO|02022018|Nam|Thôn Mẫu, Xã Thử, Tỉnh Hà Nam|20082024|NGUYỄN VĂN AN|LÊ THỊ HOA' > "$dir/cancuoc.txt"
printf 'GD4010112345678|%s|14/02/1990|2|%s|01 - 999|01/01/2025|31/12/2025|01/01/2025|01000|||01/03/2019|$' \
  "$(hex 'Lê Thị Mai')" "$(hex 'Phường Láng, Thành phố Hà Nội')" > "$dir/bhyt.txt"

for p in cccd cccd2 cancuoc bhyt; do
  "$ctl" qr parse --json --file "$dir/$p.txt" > "$dir/$p.want" 2>"$dir/err" || { not_ok "$p: text parse: $(cat "$dir/err")"; continue; }
  qrencode -l M -s 6 -m 4 -r "$dir/$p.txt" -o "$dir/$p-clean.png"
  qrencode -l M -s 2 -m 4 -r "$dir/$p.txt" -o "$dir/$p-small.png"
  convert "$dir/$p-clean.png" -blur 0x1.2 "$dir/$p-blur.png"
  convert "$dir/$p-clean.png" -background white -rotate 17 "$dir/$p-rotated.png"
  convert "$dir/$p-clean.png" +level 35%,70% "$dir/$p-lowcontrast.png"
  for kind in clean small blur rotated lowcontrast; do
    if "$ctl" qr parse --json --image "$dir/$p-$kind.png" > "$dir/got" 2>"$dir/err"; then
      # payload_length is the same too: zbar hands back the exact bytes.
      if cmp -s "$dir/got" "$dir/$p.want"; then ok "$p $kind"; else not_ok "$p $kind: differs"; diff "$dir/$p.want" "$dir/got" | head -5 | sed 's/^/# /'; fi
    else
      not_ok "$p $kind: $(cat "$dir/err")"
    fi
  done
done

# An image without a code is a clear error, exit 2.
convert -size 200x200 xc:white "$dir/blank.png"
"$ctl" qr parse --image "$dir/blank.png" >/dev/null 2>"$dir/err"
[ $? -eq 2 ] && grep -q "No QR code" "$dir/err" && ok "blank image refused" || not_ok "blank image"
echo "not a png" > "$dir/bad.png"
"$ctl" qr parse --image "$dir/bad.png" >/dev/null 2>"$dir/err"
[ $? -eq 2 ] && ok "non-PNG refused" || not_ok "non-PNG"

echo "1..$n"
[ $failed -eq 0 ]

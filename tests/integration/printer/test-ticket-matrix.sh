#!/bin/sh
# test-ticket-matrix.sh MATRIX — every test ticket (ticket-matrix.c: text
# lengths, name modes, BHYT states, languages, both widths) decoded from
# its ESC/POS bytes back to an image: the QR decodes with zbarimg to the
# ticket's own visit reference, nothing touches the paper's edges, and
# long text makes the ticket taller (it wraps instead of being clipped).
set -u
matrix=${1:?}
here=$(dirname "$0")
py=/usr/bin/python3
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT INT TERM
n=0 failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; }

"$matrix" "$dir" > "$dir/list" || { echo "not ok 1 - ticket-matrix failed"; echo "1..1"; exit 1; }
while read -r name width ref height; do
  summary=$($py "$here/escpos-decode.py" "$dir/$name.bin" "$dir/$name.pbm") \
    || { not_ok "$name: decode: $summary"; continue; }
  convert "$dir/$name.pbm" "$dir/$name.png"
  got=$(zbarimg --raw -q "$dir/$name.png" 2>/dev/null)
  edge=$($py -c '
import sys
d = open(sys.argv[1], "rb").read().split(b"\n", 2)[2]
w = int(sys.argv[2]) // 8
rows = [d[i:i + w] for i in range(0, len(d), w)]
print(sum(1 for r in rows if r[0] & 0xC0 or r[-1] & 0x03))' "$dir/$name.pbm" "$width")
  if [ "$got" = "$ref" ] && [ "$edge" = 0 ] && echo "$summary" | grep -q "width=$width height=$height cuts=1"; then
    ok "$name: QR = visit reference, $width dots, $height rows, edges clear"
  else
    not_ok "$name: QR '$got' (want $ref), $edge rows on the edge, $summary"
  fi
done < "$dir/list"

# Wrapping: the long texts need more rows than the short ones.
for w in 58 80; do
  for lang in vi en; do
    s=$(awk -v k="short-b0-$lang-$w" '$1 == k { print $4 }' "$dir/list")
    l=$(awk -v k="long-b0-$lang-$w" '$1 == k { print $4 }' "$dir/list")
    o=$(awk -v k="oneword-b0-$lang-$w" '$1 == k { print $4 }' "$dir/list")
    [ "$l" -gt $((s + 100)) ] && [ "$o" -gt $((s + 50)) ] \
      && ok "$w mm $lang: long text wraps ($s → $l rows, one word → $o rows)" \
      || not_ok "$w mm $lang: short $s, long $l, one word $o rows"
  done
done
if [ -n "${TICKET_MATRIX_KEEP:-}" ]; then
  mkdir -p "$TICKET_MATRIX_KEEP" && cp "$dir"/*.png "$TICKET_MATRIX_KEEP"/
fi
echo "1..$n"
[ $failed -eq 0 ]

#!/bin/sh
# check-man.sh PAGE... — each page formats with no groff warning.
set -eu
echo "1..$#"
i=0
fails=0
for page in "$@"; do
  i=$((i + 1))
  warnings=$(MANWIDTH=80 man --warnings -E UTF-8 -l "$page" 2>&1 >/dev/null || echo "man failed")
  if [ -z "$warnings" ]; then
    echo "ok $i - $(basename "$page") formats cleanly"
  else
    echo "not ok $i - $(basename "$page")"
    echo "$warnings" | sed 's/^/# /'
    fails=$((fails + 1))
  fi
done
[ "$fails" -eq 0 ]

#!/bin/sh
# check-translated.sh FILE... — each merged .desktop file has Vietnamese
# Name, Comment and Keywords, and each metainfo file a Vietnamese name,
# summary and description (so i18n.merge_file really found the catalogue).
set -eu
echo "1..$#"
i=0
fails=0
for f in "$@"; do
  i=$((i + 1))
  case "$f" in
    *.desktop) want='^Name\[vi\]= ^Comment\[vi\]= ^Keywords\[vi\]= ^GenericName\[vi\]=' ;;
    *) want='<name xml:lang="vi"> <summary xml:lang="vi"> <p xml:lang="vi">' ;;
  esac
  missing=""
  for w in $want; do grep -q "$w" "$f" || missing="$missing $w"; done
  if [ -z "$missing" ]; then
    echo "ok $i - $(basename "$f") is translated to Vietnamese"
  else
    echo "not ok $i - $(basename "$f") lacks:$missing"
    fails=$((fails + 1))
  fi
done
[ "$fails" -eq 0 ]

#!/bin/sh
# test-po.sh — translations are complete and POTFILES lists every file
# with translatable strings (the libadwaita POTFILES check).
set -u
src=${TIEPDON_SOURCE_DIR:?}
n=0 failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; }

cd "$src"
# 1. Every source file using _( or N_( or C_( is in POTFILES, and every
#    POTFILES entry exists.
missing=""
for f in $(git ls-files 'kiosk/*.c' 'hw/*.c' 'ui/*.c' 'ui/*.ui' 2>/dev/null || find kiosk hw ui -name '*.c' -o -name '*.ui'); do
  case "$f" in *.ui) grep -q 'translatable="yes"' "$f" || continue ;;
               *) grep -Eq '(^|[^A-Za-z0-9_])(N_|_|C_|NC_)\(' "$f" || continue ;; esac
  grep -qx "$f" i18n/POTFILES || missing="$missing $f"
done
[ -z "$missing" ] && ok "POTFILES lists every file with strings" || not_ok "not in i18n/POTFILES:$missing"
gone=""
while read -r f; do
  case "$f" in ''|'#'*) continue ;; esac
  [ -e "$f" ] || gone="$gone $f"
done < i18n/POTFILES
[ -z "$gone" ] && ok "every POTFILES entry exists" || not_ok "POTFILES names missing files:$gone"

# 2. Extract the current template and require every msgid translated in
#    both catalogues, with no fuzzy entries and valid formats.
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dngettext:2,3 --add-comments --files-from=i18n/POTFILES -o "$tmp/t.pot" 2>"$tmp/err" \
  || { not_ok "xgettext failed: $(cat "$tmp/err")"; }
for lang in vi en; do
  po=i18n/$lang.po
  if ! msgfmt -c -o /dev/null "$po" 2>"$tmp/err"; then
    not_ok "$lang.po is invalid: $(head -3 "$tmp/err")"; continue
  fi
  msgmerge --quiet --no-fuzzy-matching -o "$tmp/$lang.po" "$po" "$tmp/t.pot"
  untrans=$(msgattrib --untranslated --no-obsolete "$tmp/$lang.po" | grep '^msgid ' | grep -vc '^msgid ""$')
  fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$tmp/$lang.po" | grep '^msgid ' | grep -vc '^msgid ""$')
  if [ "$untrans" -eq 0 ] && [ "$fuzzy" -eq 0 ]; then
    ok "$lang: every string translated"
  else
    not_ok "$lang: $untrans untranslated, $fuzzy fuzzy (run tools/update-po)"
    msgattrib --untranslated --no-obsolete "$tmp/$lang.po" | grep '^msgid ' | head -10 | sed 's/^/# /'
  fi
done
echo "1..$n"
[ $failed -eq 0 ]

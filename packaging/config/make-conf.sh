#!/bin/sh
# make-conf.sh TIEPDONCTL SCHEMA — print the default configuration file that
# the packages install to /etc/tiepdon: a header, then every key of the
# schema commented out with its default (`tiepdonctl config schema`), so the
# file documents itself and an administrator uncomments what the site needs.
set -eu
ctl=$1
schema=$2
case "$schema" in
  tiepdon) file=tiepdon.conf; who="the kiosk, tiepdon-syncd, the desk and tiepdonctl" ;;
  broker)  file=broker.conf;  who="tiepdon-broker (it holds the BHXH credentials: keep it root-owned, mode 0600)" ;;
  *) echo "make-conf.sh: unknown schema $schema" >&2; exit 2 ;;
esac
cat <<HEADER
# /etc/tiepdon/$file — read by $who.
#
# Every key is listed below, commented out, with its default. Uncomment and
# change what this site needs, then run
#   tiepdonctl config check --schema $schema
# which names the file, group and key of any mistake. Package upgrades
# never overwrite this file once it has been edited.
#
HEADER
# The schema's "[group]  # summary" lines become a comment and a bare group
# line (a key file allows no comment after a group); instance groups such
# as "[clinic NAME]" are examples, so they stay commented out.
schema_text=$(TIEPDON_CONFIG=/nonexistent "$ctl" config schema --schema "$schema")
printf '%s\n' "$schema_text" |
  sed -e '1{/^# [a-z]*\.conf$/d}' \
      -e 's/^\[\([^] ]*\)\]  # \(.*\)$/# \2\n[\1]/' \
      -e 's/^\[\([^]]* [^]]*\)\]  # \(.*\)$/# \2\n#[\1]/'

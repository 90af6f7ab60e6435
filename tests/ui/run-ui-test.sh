#!/bin/sh
# run-ui-test.sh SCRIPT [ARGS] — one UI test: a private D-Bus session, an
# Xvfb screen, the AT-SPI bus, then the Python test. Everything started here
# stops with the session, however the test ends.
set -eu
script=$1; shift
if [ -z "${TIEPDON_UI_INNER:-}" ]; then
  export TIEPDON_UI_INNER=1
  exec dbus-run-session -- xvfb-run -a -s "-screen 0 ${TIEPDON_UI_SCREEN:-1280x1024x24}" "$0" "$script" "$@"
fi
/usr/libexec/at-spi-bus-launcher --launch-immediately &
bus=$!
trap 'kill $bus 2>/dev/null || true' EXIT
exec_status=0
/usr/bin/python3 "$script" "$@" || exec_status=$?
exit $exec_status

#!/bin/sh
# run-under-xvfb.sh — starts a private X server (two screens: a second desk
# runs on :N.1 so each can be photographed) and a private session bus with
# the accessibility bus in it, runs the GUI test given, and stops them.
# Other test runs on this machine start X servers too (xvfb-run starts at
# :99, Xvfb -displayfd at :0, and abstract sockets are shared even where
# /tmp is not), so the display is a random high number, and it counts only
# once our own server is up and holds its socket. The bus starts after
# Xvfb so that bus-activated helpers (the AT-SPI registry) get DISPLAY.
# libatspi warns when an application's cache is not ready yet: not fatal here.
unset G_DEBUG
dir=$(mktemp -d)
xpid=""
cleanup() { [ -n "$xpid" ] && kill "$xpid" 2>/dev/null; rm -rf "$dir"; }
trap cleanup EXIT
trap 'exit 1' INT TERM
DISPLAY=""
for attempt in 1 2 3 4 5 6 7 8; do
  n=$(( ($$ * 7919 + attempt * 131 + $(date +%N | sed 's/^0*//;s/^$/0/') % 100000) % 8000 + 1000 ))
  [ -e "/tmp/.X$n-lock" ] && continue
  # -noreset: the server must not restart when its last client (the
  # accessibility bus launcher, a screenshot) leaves as a desk connects.
  Xvfb ":$n" -noreset -nolisten tcp -screen 0 1280x1024x24 -screen 1 1280x1024x24 2>"$dir/xvfb.log" &
  xpid=$!
  for _ in $(seq 200); do
    [ -S "/tmp/.X11-unix/X$n" ] && break
    kill -0 "$xpid" 2>/dev/null || break
    sleep 0.05
  done
  if kill -0 "$xpid" 2>/dev/null && [ -S "/tmp/.X11-unix/X$n" ]; then
    DISPLAY=":$n"
    break
  fi
  kill "$xpid" 2>/dev/null
  wait "$xpid" 2>/dev/null
  xpid=""
done
if [ -z "$DISPLAY" ]; then
  echo "Bail out! no X server could start: $(cat "$dir/xvfb.log")"
  exit 1
fi
export DISPLAY
dbus-run-session -- sh -c '
  /usr/libexec/at-spi-bus-launcher --launch-immediately &
  launcher=$!
  "$@"; status=$?
  kill $launcher 2>/dev/null
  exit $status' sh "$@"
status=$?
if [ $status -ne 0 ]; then
  echo "# Xvfb on $DISPLAY (pid $xpid, $(kill -0 "$xpid" 2>/dev/null && echo running || echo gone)):" >&2
  sed 's/^/# /' "$dir/xvfb.log" >&2
fi
exit $status

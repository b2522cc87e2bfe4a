# shellcheck shell=bash
# Serves a built dist/ on a free loopback port for the browser tests and benchmarks. Source
# it, then `serve_dist DIR`: it starts the server, stops it when the script exits, and sets
# `served_url` (http://127.0.0.1:PORT/). Exits the script when the server does not start.

serve_dist() {
  local dist="$1"
  # Port 0 lets the OS pick a free port; the server prints the one it got.
  serve_log="$(mktemp)"
  python3 -u -m http.server --bind 127.0.0.1 --directory "$dist" 0 >"$serve_log" 2>&1 &
  serve_pid=$!
  trap 'kill "$serve_pid" 2>/dev/null || true; wait "$serve_pid" 2>/dev/null || true; rm -f "$serve_log"' EXIT
  local port=""
  for _ in $(seq 100); do
    port="$(sed -n 's/^Serving HTTP on 127\.0\.0\.1 port \([0-9]*\).*/\1/p' "$serve_log")"
    if [[ -n "$port" ]]; then break; fi
    if ! kill -0 "$serve_pid" 2>/dev/null; then break; fi
    sleep 0.1
  done
  if [[ -z "$port" ]]; then
    echo "serve-dist: the server for $dist did not start" >&2
    cat "$serve_log" >&2
    exit 1
  fi
  # shellcheck disable=SC2034 # read by the script that sources this file
  served_url="http://127.0.0.1:$port/"
}

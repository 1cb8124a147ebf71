#!/usr/bin/env bash
# Real windows under Xvfb + openbox at 1366x768 (with a 40 px taskbar reserved) and at 200 %
# (QT_SCALE_FACTOR=2 on 2732x1536), in both languages; screenshots in screenshots/real/.
# Needs: apt-get install xvfb openbox (and the Qt xcb libraries of the README).
set -euo pipefail
cd "$(dirname "$0")/../../.."
PY="${PYTHON:-.venv/bin/python}"
run() {  # run WIDTHxHEIGHT SCALE TAG
  local size="$1" scale="$2" tag="$3" display=":$((90 + RANDOM % 9))"
  Xvfb "$display" -screen 0 "${size}x24" -nolisten tcp >/dev/null 2>&1 &
  local xvfb=$!
  sleep 1
  # openbox keeps a 40 px margin at the bottom free, as a taskbar takes it (80 px at 200 %)
  local rc
  rc="$(mktemp --suffix=.xml)"
  cat > "$rc" <<XML
<?xml version="1.0"?>
<openbox_config xmlns="http://openbox.org/3.4/rc"><margins><top>0</top><bottom>$((40 * scale))</bottom><left>0</left><right>0</right></margins></openbox_config>
XML
  DISPLAY="$display" openbox --config-file "$rc" >/dev/null 2>&1 &
  local wm=$!
  sleep 1
  for lang in zh en; do
    DISPLAY="$display" QT_QPA_PLATFORM=xcb QT_SCALE_FACTOR="$scale" "$PY" tests/gui/real_window/shoot.py "$lang" "$tag"
  done
  kill "$wm" "$xvfb" 2>/dev/null || true
}
run 1366x768 1 100
run 2732x1536 2 200

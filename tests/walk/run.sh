#!/usr/bin/env bash
# The walk on a real X screen: Xvfb with openbox and a taskbar (tint2, which reserves its
# strip so windows get the area a user has), every persona driven with xdotool, a
# screenshot after every action. Not part of the test run (it needs xvfb, openbox, tint2,
# xdotool and a display); the suite walks the same personas offscreen.
#
#   bash tests/walk/run.sh [--scale 2] [--lang en] [persona ...]
#
# Needs: apt-get install xvfb openbox tint2 xdotool  (and the Qt xcb libraries of the README)
set -euo pipefail
cd "$(dirname "$0")/../.."
SCALE=1
LANG_UI=zh
PERSONAS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --scale) SCALE="$2"; shift 2 ;;
    --lang) LANG_UI="$2"; shift 2 ;;
    *) PERSONAS+=("$1"); shift ;;
  esac
done
[ ${#PERSONAS[@]} -gt 0 ] || PERSONAS=(clinic school shop isp)
W=$((1366 * SCALE)); H=$((768 * SCALE)); BAR=$((40 * SCALE))
DISPLAY_NO=:77
OUT="screenshots/walk"
mkdir -p "$OUT"
TMP=$(mktemp -d)
cat > "$TMP/tint2rc" <<RC
panel_position = bottom center horizontal
panel_size = 100% $BAR
strut_policy = follow_size
panel_layer = top
panel_items = T
RC
Xvfb $DISPLAY_NO -screen 0 ${W}x${H}x24 -nolisten tcp & XVFB=$!
trap 'kill $XVFB $WM $BARPID 2>/dev/null || true; rm -rf "$TMP"' EXIT
sleep 1
DISPLAY=$DISPLAY_NO openbox & WM=$!
DISPLAY=$DISPLAY_NO tint2 -c "$TMP/tint2rc" >/dev/null 2>&1 & BARPID=$!
sleep 1
status=0
for persona in "${PERSONAS[@]}"; do
  shots="$OUT/$persona-$LANG_UI-${SCALE}x"
  rm -rf "$shots"
  DISPLAY=$DISPLAY_NO QT_QPA_PLATFORM=xcb QT_SCALE_FACTOR=$SCALE TZ=Asia/Shanghai \
    .venv/bin/python -m tests.walk.real "$persona" --lang "$LANG_UI" --shots "$shots" || status=1
done
exit $status

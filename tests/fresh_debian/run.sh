#!/usr/bin/env bash
# Proves the README on a fresh Debian 12 (issue 17): debootstraps a minimal bookworm root,
# adds only python3 and sudo and a normal user with sudo, puts a clean clone of the
# current branch (as a bare repository to clone from) and ../shared beside it, then runs,
# as that user and as written in the README: the apt line, `git clone`, the two commands,
# and finally `bash .ci/run`. Prints one line per step with its time; on a failure, the
# tail of that step's log, and exits 1. Not part of .ci/run (it takes about 6-10 minutes).
#
# Needs root (or sudo) on a Debian-family host with network access to the Debian mirror.
# Inside a chroot pip reaches the package registry only with the host's configuration, so
# the host's pip configuration files and PIP_* variables are copied in, local folders they
# name are bind-mounted read-only, and the host's apt sources, apt settings and local CA
# certificates are copied too (tech-notes, "Measured in December 2026").
#
# Then it starts the desktop app under Xvfb with openbox (installed for this check only)
# and saves a screenshot of its first window to screenshots/fresh-debian-desktop.png; last,
# it builds the .deb from the bundle .ci/run made (README), installs it with `apt install`,
# starts the installed /usr/bin/incident-assistant the same way and saves
# screenshots/fresh-debian-deb.png.
#
# Usage: bash tests/fresh_debian/run.sh        (FRESH_DEBIAN_KEEP=1 keeps the root afterwards)
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
REPO="$(git -C "$HERE" rev-parse --show-toplevel)"
BRANCH="$(git -C "$REPO" rev-parse --abbrev-ref HEAD)"
SHARED="$(cd "$REPO/.." && pwd)/shared"
MIRROR="${FRESH_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
WORK="$(mktemp -d /var/tmp/fresh-debian.XXXXXX)"
ROOTFS="$WORK/root"
LOGS="$WORK/logs"
USER_NAME="tester"
USER_HOME="/home/$USER_NAME"
SRC_IN_ROOT="/srv/incident-assistant.git"
OUT="${FRESH_DEBIAN_OUT:-$REPO/screenshots}"
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
mkdir -p "$LOGS" "$OUT"

STEP=0
STARTED_ALL=$(date +%s)

step() {  # step "description" command...: runs it with its output in a log, prints one line
  local name="$1"; shift
  STEP=$((STEP + 1))
  local log; log="$LOGS/$(printf %02d $STEP).log"
  local start; start=$(date +%s.%N)
  # In the background, so that `set -e` holds inside the step (it is off in an if-condition).
  ( set -e; "$@" ) >"$log" 2>&1 &
  local rc=0
  wait "$!" || rc=$?
  local took; took=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
  if [ "$rc" = "0" ]; then
    printf '%2d. %-58s ok     %6s s\n' "$STEP" "$name" "$took"
  else
    printf '%2d. %-58s FAILED %6s s (exit %d)\n' "$STEP" "$name" "$took" "$rc"
    echo "---- last lines of $log ----"
    tail -n 40 "$log"
    exit 1
  fi
}

mounted_under_root() {
  findmnt -rn -o TARGET | grep -E "^$ROOTFS(/|$)" || true
}

cleanup() {
  local rc=$?
  mounted_under_root | sort -r | while read -r target; do $SUDO umount -l "$target" || true; done
  if [ -n "$(mounted_under_root)" ]; then
    echo "still mounted under $ROOTFS; not removing it" >&2
  elif [ "$rc" = "0" ] && [ "${FRESH_DEBIAN_KEEP:-0}" != "1" ]; then
    $SUDO rm -rf --one-file-system "$WORK"
  else
    echo "kept: $WORK (logs in $LOGS)" >&2
  fi
}
trap cleanup EXIT

in_root() {  # in_root COMMAND...: as root inside the fresh system
  $SUDO chroot "$ROOTFS" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
    DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8 "$@"
}

as_user() {  # as_user 'shell text': as the normal user, in a login-like environment with the host's PIP_* variables
  local -a pass=()
  while IFS= read -r line; do pass+=("$line"); done < <(env | grep -E '^(PIP_[A-Z_]+|https?_proxy|HTTPS?_PROXY|no_proxy|NO_PROXY)=' || true)
  $SUDO chroot "$ROOTFS" /usr/sbin/runuser -u "$USER_NAME" -- /usr/bin/env -i \
    PATH=/usr/local/bin:/usr/bin:/bin HOME="$USER_HOME" USER="$USER_NAME" LANG=C.UTF-8 "${pass[@]}" \
    /bin/bash -c "cd \"\$HOME\" && $1"
}

pip_named_paths() {  # absolute paths named by the host's pip configuration files and PIP_* variables
  { cat /etc/pip.conf /etc/xdg/pip/pip.conf "$HOME/.config/pip/pip.conf" "$HOME/.pip/pip.conf" 2>/dev/null || true
    env | grep -E '^PIP_' | cut -d= -f2- || true
  } | grep -oE '(file://)?/[^[:space:]"'\'']+' | sed 's#^file://##' | sort -u
}

host_setup() {
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap git >/dev/null
}

bootstrap() {
  $SUDO debootstrap --variant=minbase bookworm "$ROOTFS" "$MIRROR"
}

copy_host_configuration() {
  # apt: the host's sources and its own settings (e.g. date checks), so the fresh system
  # sees the same archive the host does.
  if ls /etc/apt/sources.list.d/*.sources >/dev/null 2>&1; then
    $SUDO cp /etc/apt/sources.list.d/*.sources "$ROOTFS/etc/apt/sources.list.d/"
    $SUDO rm -f "$ROOTFS/etc/apt/sources.list"
  fi
  if [ -s /etc/apt/sources.list ]; then $SUDO cp /etc/apt/sources.list "$ROOTFS/etc/apt/sources.list"; fi
  for f in /etc/apt/apt.conf.d/99*; do [ -f "$f" ] && $SUDO cp "$f" "$ROOTFS/etc/apt/apt.conf.d/"; done
  $SUDO cp /etc/resolv.conf "$ROOTFS/etc/resolv.conf"
  # Local CA certificates: ca-certificates (from the README's apt line) adds them to the bundle.
  if ls /usr/local/share/ca-certificates/*.crt >/dev/null 2>&1; then
    $SUDO mkdir -p "$ROOTFS/usr/local/share/ca-certificates"
    $SUDO cp /usr/local/share/ca-certificates/*.crt "$ROOTFS/usr/local/share/ca-certificates/"
  fi
  # pip: the system-wide configuration files at the same place; the files and folders they name.
  for f in /etc/pip.conf /etc/xdg/pip/pip.conf; do
    if [ -f "$f" ]; then $SUDO mkdir -p "$ROOTFS$(dirname "$f")" && $SUDO cp "$f" "$ROOTFS$f"; fi
  done
  while read -r path; do
    # A PEP 503 index (".../simple") links to its files relative to itself: mount its root.
    if [ "$(basename "$path")" = "simple" ] && [ -d "$path" ]; then path="$(dirname "$path")"; fi
    if [ -d "$path" ]; then
      if findmnt -rn -o TARGET | grep -qx "$ROOTFS$path"; then continue; fi
      $SUDO mkdir -p "$ROOTFS$path"
      $SUDO mount --bind "$path" "$ROOTFS$path"
      $SUDO mount -o remount,bind,ro "$ROOTFS$path"
      echo "bind-mounted read-only: $path"
    elif [ -f "$path" ]; then
      $SUDO mkdir -p "$ROOTFS$(dirname "$path")" && $SUDO cp "$path" "$ROOTFS$path"
      echo "copied: $path"
    fi
  done < <(pip_named_paths)
}

mount_kernel_filesystems() {
  $SUDO mount -t proc proc "$ROOTFS/proc"
  $SUDO mount -t sysfs sys "$ROOTFS/sys"
  $SUDO mount --rbind /dev "$ROOTFS/dev"
  $SUDO mount --make-rslave "$ROOTFS/dev"
}

add_python_sudo_and_user() {
  in_root apt-get update -qq
  in_root apt-get install -y -qq --no-install-recommends python3 sudo >/dev/null
  in_root useradd --create-home --shell /bin/bash "$USER_NAME"
  echo "$USER_NAME ALL=(ALL) NOPASSWD:ALL" | $SUDO tee "$ROOTFS/etc/sudoers.d/$USER_NAME" >/dev/null
  $SUDO chmod 0440 "$ROOTFS/etc/sudoers.d/$USER_NAME"
  # The user's own pip configuration, as the host user has it.
  for f in "$HOME/.config/pip/pip.conf" "$HOME/.pip/pip.conf"; do
    if [ -f "$f" ]; then
      $SUDO mkdir -p "$ROOTFS$USER_HOME/.config/pip"
      $SUDO cp "$f" "$ROOTFS$USER_HOME/.config/pip/pip.conf"
      break
    fi
  done
  in_root chown -R "$USER_NAME:$USER_NAME" "$USER_HOME"
  in_root python3 --version
}

place_sources() {
  # A clean clone of the committed branch, to clone from as the README says; ../shared beside
  # the working copy (the specs the project's notes refer to).
  $SUDO git clone --quiet --bare --branch "$BRANCH" "$REPO" "$ROOTFS$SRC_IN_ROOT"
  $SUDO cp -r "$SHARED" "$ROOTFS$USER_HOME/shared"
  in_root chown -R "$USER_NAME:$USER_NAME" "$USER_HOME/shared" "$SRC_IN_ROOT"
  git -c safe.directory="*" -C "$ROOTFS$SRC_IN_ROOT" log --oneline -1
}

desktop_check() {
  # The desktop app on a real X server: it must still be running after a few seconds (Qt
  # aborts at once when an xcb library is missing), then a screenshot of the screen.
  as_user "sudo apt-get install -y -qq --no-install-recommends xvfb xauth openbox >/dev/null"
  $SUDO tee "$ROOTFS$USER_HOME/desktop-check.sh" >/dev/null <<'SCRIPT'
set -eu
cd "$HOME/incident-assistant"
openbox >/tmp/openbox.log 2>&1 &
sleep 1
QT_QPA_PLATFORM=xcb .venv/bin/incident-assistant --db /tmp/desktop.sqlite3 >/tmp/app.log 2>&1 &
app=$!
sleep 8
if ! kill -0 "$app" 2>/dev/null; then echo "the desktop app ended at once:"; cat /tmp/app.log; exit 1; fi
.venv/bin/python -c "
import sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
shot = app.primaryScreen().grabWindow(0)
sys.exit(0 if shot.save('/tmp/desktop.png') else 1)
"
kill "$app"
echo "app log:"; cat /tmp/app.log
SCRIPT
  as_user "QT_QPA_PLATFORM=xcb xvfb-run -a -s '-screen 0 1366x768x24' bash desktop-check.sh"
  $SUDO cp "$ROOTFS/tmp/desktop.png" "$OUT/fresh-debian-desktop.png"
  echo "screenshot: $OUT/fresh-debian-desktop.png"
}

deb_build() {  # the README's .deb command, on the bundle .ci/run built
  as_user "cd incident-assistant && $(readme_line '^bash packaging/deb/build.sh')"
}

deb_install() {  # apt install of the .deb, as the README says: apt brings its Depends
  as_user "cd incident-assistant && $(readme_line '^sudo apt install (-y )?\./dist/incident-assistant_')"
  in_root dpkg -s incident-assistant | grep -E '^(Status|Version):'
  in_root ls -l /usr/bin/incident-assistant
}

deb_desktop_check() {
  # The installed /usr/bin/incident-assistant on a real X server, then a screenshot.
  $SUDO tee "$ROOTFS$USER_HOME/deb-check.sh" >/dev/null <<'SCRIPT'
set -eu
openbox >/tmp/openbox-deb.log 2>&1 &
sleep 1
QT_QPA_PLATFORM=xcb /usr/bin/incident-assistant --db /tmp/deb.sqlite3 >/tmp/deb-app.log 2>&1 &
app=$!
sleep 8
if ! kill -0 "$app" 2>/dev/null; then echo "the installed app ended at once:"; cat /tmp/deb-app.log; exit 1; fi
"$HOME/incident-assistant/.venv/bin/python" -c "
import sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
sys.exit(0 if app.primaryScreen().grabWindow(0).save('/tmp/deb.png') else 1)
"
kill "$app"
echo "app log:"; cat /tmp/deb-app.log
SCRIPT
  as_user "QT_QPA_PLATFORM=xcb xvfb-run -a -s '-screen 0 1366x768x24' bash deb-check.sh"
  $SUDO cp "$ROOTFS/tmp/deb.png" "$OUT/fresh-debian-deb.png"
  echo "screenshot: $OUT/fresh-debian-deb.png"
}

readme_line() {  # readme_line REGEX: the first README line matching it, from the committed README
  # grep reads the whole README and sed every match (no early exit: with pipefail an
  # early-closing reader would fail the pipeline with SIGPIPE once the README is large)
  git -c safe.directory="*" -C "$ROOTFS$SRC_IN_ROOT" show HEAD:README.md | grep -E "$1" | sed -n '1p'
}

main() {
  echo "fresh Debian 12 check of branch $BRANCH ($(git -C "$REPO" rev-parse --short HEAD)), work folder $WORK"
  step "host: install debootstrap" host_setup
  step "debootstrap --variant=minbase bookworm" bootstrap
  step "copy host apt, CA and pip configuration" copy_host_configuration
  step "mount proc, sys, dev" mount_kernel_filesystems
  step "add python3 and sudo, a normal user with sudo" add_python_sudo_and_user
  step "place a clean clone and ../shared" place_sources

  local apt_line clone_line check_line test_line
  apt_line="$(readme_line '^sudo apt-get update && sudo apt-get install ')"
  clone_line="$(readme_line '^git clone REPOSITORY ')"
  check_line="$(readme_line '^python3 -m venv \.venv && .*incident-assistant check ')"
  test_line="$(readme_line '^python3 -m venv \.venv && .*pytest')"
  step "README: the apt line (as the user, with sudo)" as_user "$apt_line"
  step "README: git clone" as_user "${clone_line/REPOSITORY/$SRC_IN_ROOT}"
  step "README: command 1 (install, check the example)" as_user "cd incident-assistant && $check_line"
  step "README: command 2 (install with tests, run the tests)" as_user "cd incident-assistant && $test_line"
  step "bash .ci/run" as_user "cd incident-assistant && bash .ci/run"
  step "desktop app under Xvfb + openbox, screenshot" desktop_check
  step "README: build the .deb (packaging/deb/build.sh)" deb_build
  step "README: sudo apt install ./dist/incident-assistant_*.deb" deb_install
  step "installed /usr/bin/incident-assistant under Xvfb, screenshot" deb_desktop_check
  printf '    %-58s        %6d s\n' "total" "$(($(date +%s) - STARTED_ALL))"
  echo "README command 1 said:"; grep -E '^定级' "$LOGS/09.log" || true
  echo "README command 2 said:"; tail -n 1 "$LOGS/10.log"
  echo ".ci/run ended with:"; tail -n 3 "$LOGS/11.log"
  echo "desktop:"; grep -E '^screenshot:' "$LOGS/12.log" || true
  echo ".deb:"; grep -E '^(built|lintian)' "$LOGS/13.log" || true
  echo "installed desktop:"; grep -E '^screenshot:' "$LOGS/15.log" || true
}

main

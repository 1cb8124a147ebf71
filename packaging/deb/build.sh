#!/usr/bin/env bash
# Builds the .deb for Debian 12 and its family from the PyInstaller one-folder bundle
# (dist/incident-assistant/, made by build.spec; see README "Desktop bundle"), with
# Debian's own dpkg-deb. The package installs:
#   /opt/incident-assistant/                 the bundle as built
#   /usr/bin/incident-assistant              a link to its executable (desktop app and CLI)
#   /usr/share/applications/<id>.desktop     the desktop entry (Chinese and English names, Office)
#   /usr/share/icons/hicolor/*/apps/         the icon: PNG sizes and the SVG source
#   /usr/share/metainfo/<id>.metainfo.xml    AppStream metainfo
#   /usr/share/doc/incident-assistant/       copyright (DEP-5) and changelog.Debian.gz
#   /usr/share/man/man1/incident-assistant.1.gz   the manual page
#   /usr/share/lintian/overrides/            the justified lintian overrides
# Output: dist/incident-assistant_<version>_<arch>.deb. Then, if lintian is installed,
# it runs `lintian` on it and fails on any error.
#
# Usage: bash packaging/deb/build.sh        (after the bundle build)
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
BUNDLE="$ROOT/dist/incident-assistant"
APP_ID="org.incident_assistant.IncidentAssistant"
PKG="incident-assistant"

if [ ! -x "$BUNDLE/incident-assistant" ]; then
  echo "no bundle at dist/incident-assistant: build it first (README, \"Desktop bundle\")" >&2
  exit 2
fi

UPSTREAM="$(sed -n 's/^version = "\(.*\)"$/\1/p' "$ROOT/pyproject.toml" | head -n1)"
DEB_VERSION="$(sed -n '1s/^[^(]*(\([^)]*\)).*/\1/p' "$HERE/changelog")"
if [ "${DEB_VERSION%-*}" != "$UPSTREAM" ]; then
  echo "packaging/deb/changelog is at $DEB_VERSION but pyproject.toml at $UPSTREAM: add a changelog entry" >&2
  exit 2
fi
ARCH="$(dpkg --print-architecture)"

drop_build_machine_runpaths() {  # a Python built in a home folder (pyenv) leaves its lib folder as RUNPATH
  local dir="$1" file rpath kept
  while IFS= read -r -d '' file; do
    rpath="$(readelf -d "$file" 2>/dev/null | sed -n 's/.*(R\(UN\)\{0,1\}PATH).*\[\(.*\)\]$/\2/p' | head -n1)"
    [ -n "$rpath" ] || continue
    # Keep only the bundle's own entries ($ORIGIN...); paths of the build machine go.
    kept="$(tr ':' '\n' <<<"$rpath" | grep '^\$ORIGIN' | paste -sd: - || true)"
    [ "$kept" = "$rpath" ] && continue
    if ! command -v patchelf >/dev/null 2>&1; then
      echo "$file has RUNPATH $rpath of the build machine: install patchelf" >&2
      exit 2
    fi
    if [ -n "$kept" ]; then patchelf --set-rpath "$kept" "$file"; else patchelf --remove-rpath "$file"; fi
  done < <(find "$dir" -type f \( -name '*.so' -o -name '*.so.*' -o -perm -u+x \) -print0)
}
STAGE="$(mktemp -d "${TMPDIR:-/tmp}/incident-assistant-deb.XXXXXX")"
trap 'rm -rf "$STAGE"' EXIT
umask 022

# The bundle, with plain permissions (directories and programs 0755, the rest 0644;
# shared libraries need no execute bit).
mkdir -p "$STAGE/opt"
cp -a "$BUNDLE" "$STAGE/opt/$PKG"
find "$STAGE/opt" -type d -exec chmod 0755 {} +
find "$STAGE/opt" -type f -exec chmod 0644 {} +
chmod 0755 "$STAGE/opt/$PKG/incident-assistant"
drop_build_machine_runpaths "$STAGE/opt/$PKG"

mkdir -p "$STAGE/usr/bin"
ln -s "/opt/$PKG/incident-assistant" "$STAGE/usr/bin/incident-assistant"

install -D -m 0644 "$HERE/$APP_ID.desktop" "$STAGE/usr/share/applications/$APP_ID.desktop"
install -D -m 0644 "$HERE/$APP_ID.metainfo.xml" "$STAGE/usr/share/metainfo/$APP_ID.metainfo.xml"
for png in "$ROOT"/resources/icons/incident-assistant-*.png; do
  size="$(basename "$png" .png)"; size="${size##*-}"
  install -D -m 0644 "$png" "$STAGE/usr/share/icons/hicolor/${size}x${size}/apps/incident-assistant.png"
done
install -D -m 0644 "$ROOT/resources/icons/incident-assistant.svg" "$STAGE/usr/share/icons/hicolor/scalable/apps/incident-assistant.svg"

DOC="$STAGE/usr/share/doc/$PKG"
install -D -m 0644 "$HERE/copyright" "$DOC/copyright"
gzip -9n -c "$HERE/changelog" >"$DOC/changelog.Debian.gz"
chmod 0644 "$DOC/changelog.Debian.gz"
MAN="$STAGE/usr/share/man/man1"
mkdir -p "$MAN"
gzip -9n -c "$HERE/$PKG.1" >"$MAN/$PKG.1.gz"
chmod 0644 "$MAN/$PKG.1.gz"
install -D -m 0644 "$HERE/lintian-overrides" "$STAGE/usr/share/lintian/overrides/$PKG"

mkdir -p "$STAGE/DEBIAN"
INSTALLED_SIZE="$(du -sk --apparent-size "$STAGE" | cut -f1)"
sed -e "s/@VERSION@/$DEB_VERSION/" -e "s/@ARCH@/$ARCH/" -e "s/@INSTALLED_SIZE@/$INSTALLED_SIZE/" \
  "$HERE/control.in" >"$STAGE/DEBIAN/control"
( cd "$STAGE" && find usr opt -type f ! -path 'DEBIAN/*' -print0 | sort -z | xargs -0 md5sum ) >"$STAGE/DEBIAN/md5sums"
chmod 0644 "$STAGE/DEBIAN/control" "$STAGE/DEBIAN/md5sums"

OUT="$ROOT/dist/${PKG}_${DEB_VERSION}_${ARCH}.deb"
dpkg-deb --root-owner-group -Zxz --build "$STAGE" "$OUT" >/dev/null
echo "built: dist/$(basename "$OUT") ($(du -h "$OUT" | cut -f1), installed $((INSTALLED_SIZE / 1024)) MB)"

if command -v lintian >/dev/null 2>&1; then
  echo "lintian:"
  REPORT="$ROOT/dist/lintian.txt"
  lintian "$OUT" >"$REPORT" 2>&1 || true
  # One line per tag: its kind, name and how often.
  awk '{print $1, $3}' "$REPORT" | sort | uniq -c | sort -k2,2 -k1,1nr | sed 's/^/  /'
  if grep -q '^E: ' "$REPORT"; then
    echo "lintian reported errors (all of it in dist/lintian.txt)" >&2
    exit 1
  fi
  echo "lintian: no errors, $(grep -c '^W: ' "$REPORT" || true) warnings (dist/lintian.txt)"
else
  echo "lintian is not installed: skipped (sudo apt-get install lintian)"
fi

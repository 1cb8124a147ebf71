"""Renders the app icon's PNG sizes and the Windows ``.ico`` from its SVG source
(``resources/icons/incident-assistant.svg``), and the incident list's overdue mark
(``overdue.svg``: read as a PNG at start-up, it spares loading the style's icons before
the first paint), with Qt, no other tool needed.

Run after changing the SVG:  QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/render_icons.py
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SOURCE = ICONS / "incident-assistant.svg"
SIZES = (16, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 32, 48, 256)  # what Windows asks an .ico for
OVERDUE = ICONS / "overdue.svg"
OVERDUE_SIZES = (32,)  # drawn at 16 logical pixels: sharp at 200 %


def png_path(size: int) -> Path:
    return ICONS / f"incident-assistant-{size}.png"


def overdue_path(size: int) -> Path:
    return ICONS / f"overdue-{size}.png"


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def write_ico(images: dict[int, QImage], path: Path) -> None:
    """One .ico holding every size as PNG data (the ICO layout Windows reads since Vista):
    a 6-byte header, a 16-byte entry per image, then the images."""
    blobs = []
    for image in images.values():
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        blobs.append(bytes(data.data()))
    offset = 6 + 16 * len(blobs)
    out = struct.pack("<HHH", 0, 1, len(blobs))
    for size, blob in zip(images, blobs, strict=True):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO entry
        out += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
    path.write_bytes(out + b"".join(blobs))


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        print(f"not a valid SVG: {SOURCE}", file=sys.stderr)
        return 2
    images = {size: render(renderer, size) for size in SIZES}
    for size, image in images.items():
        image.save(str(png_path(size)), "PNG")
    write_ico({size: images[size] for size in ICO_SIZES}, ICONS / "incident-assistant.ico")
    overdue = QSvgRenderer(str(OVERDUE))
    if not overdue.isValid():
        print(f"not a valid SVG: {OVERDUE}", file=sys.stderr)
        return 2
    for size in OVERDUE_SIZES:
        render(overdue, size).save(str(overdue_path(size)), "PNG")
    print(f"rendered {', '.join(map(str, SIZES))} px, incident-assistant.ico and the overdue mark into {ICONS.name}/")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

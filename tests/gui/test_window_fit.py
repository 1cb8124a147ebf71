"""Every window fits the screen's available area with its default and cancel buttons
visible (product.md §8.4, issue 18): at 1366×728 (a 1366×768 laptop with a 40 px taskbar)
and at 200 % on 2732×1496, in Chinese and English. Each case runs in a process of its own
on an offscreen screen of that size (``tests/gui/fit_probe.py``)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROBE = ROOT / "tests" / "gui" / "fit_probe.py"
SCREENS = {"100%": (1366, 728, None), "200%": (2732, 1496, "2")}


def run_probe(tmp_path: Path, screen: str, lang: str) -> dict[str, Any]:
    width, height, scale = SCREENS[screen]
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "probe", "x": 0, "y": 0, "width": width, "height": height, "logicalDpi": 96, "logicalBaseDpi": 96}]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    env.pop("QT_SCALE_FACTOR", None)
    if scale:
        env["QT_SCALE_FACTOR"] = scale
    out = subprocess.run([sys.executable, str(PROBE), lang, str(tmp_path / "s.sqlite3")], capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)
    assert out.returncode == 0, out.stderr[-3000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


def inside(inner: list[int], outer: list[int]) -> bool:
    x, y, w, h = inner
    ox, oy, ow, oh = outer
    return x >= ox and y >= oy and x + w <= ox + ow and y + h <= oy + oh


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("screen", sorted(SCREENS))
def test_every_window_and_its_buttons_fit_the_available_area(tmp_path: Path, screen: str, lang: str) -> None:
    result = run_probe(tmp_path, screen, lang)
    assert result["dpr"] == (2.0 if screen == "200%" else 1.0)
    names = [w["name"] for w in result["windows"]]
    assert {"main", "preview", "submission", "waiver", "guide", "next-report", "welcome"} <= set(names)
    assert sum(n.startswith("wizard:") for n in names) >= 8 and sum(n.startswith("notice:") for n in names) == 2
    misfits = [(w["name"], w["frame"], w["area"]) for w in result["windows"] if not inside(w["frame"], w["area"])]
    assert not misfits, misfits
    hidden = [(w["name"], b["text"], b["rect"]) for w in result["windows"] for b in w["buttons"] if not inside(b["rect"], w["area"])]
    assert not hidden, hidden
    assert all(w["buttons"] for w in result["windows"] if w["name"] not in ("main", "welcome")), [w["name"] for w in result["windows"] if not w["buttons"]]

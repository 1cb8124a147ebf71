"""The benchmark suite in one command (product.md §7, issue 7): every row is a ratio
against a baseline measured in the same run, with the absolute figures and whether the
target is met.

Run::

    .venv/bin/python tests/benchmarks/run.py           # full run, a few minutes
    .venv/bin/python tests/benchmarks/run.py --quick   # a short run (fewer repeats, 5 s idle, 20 kills)
    .venv/bin/python tests/benchmarks/run.py --quick --only startup   # one section (repeatable)

Progress goes to stderr; stdout gets one table. The exit status is non-zero only when a
measurement could not be made (a missing dependency, a crashing child), never because a
target was missed. Qt is measured in fresh offscreen child processes
(``qt_child.py``), so the parent never loads Qt and every start-up is cold; PDF,
autosave and the crash test reuse ``bench_report.py``, ``crash_store.py`` and
``store_list_10k.py``. Linux/POSIX only (``/proc/self/status``, ``fork``, ``SIGKILL``).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
for _p in (str(ROOT), str(HERE)):
    if _p not in sys.path:
        sys.path.insert(0, _p)

EXAMPLE = ROOT / "resources" / "examples" / "clinic-ransomware.json"
BUNDLE = ROOT / "dist" / "incident-assistant" / "incident-assistant"
CHILD = HERE / "qt_child.py"
LIST_SIZE = 10_000
FIXED_NOW = "2026-11-24T10:00:00+08:00"
_began = time.monotonic()


@dataclass
class Row:
    name: str
    ours: str
    baseline: str = "—"
    ratio: str = "—"
    target: str = "—"
    met: str = "info"


@dataclass
class Config:
    quick: bool
    runs: int  # fresh processes per start-up variant (after one warm-up round)
    pdf_runs: int
    ticks: int
    idle_s: float
    writes: int
    kills: int


def log(text: str) -> None:
    print(f"[{time.monotonic() - _began:5.0f} s] {text}", file=sys.stderr, flush=True)


def verdict(ok: bool) -> str:
    return "yes" if ok else "NO"


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms" if seconds < 0.1 else f"{seconds * 1000:.0f} ms"


def p99(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.99 * (len(ordered) - 1))))]


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["INCIDENT_ASSISTANT_DB"] = str(Path(tempfile.gettempdir()) / "incident-assistant-bench-guard.sqlite3")
    env.pop("PYTHONSTARTUP", None)
    return env


@dataclass
class ChildResult:
    wall: float  # from just before the process was started until it was reaped
    data: dict[str, Any]
    started: float  # time.time() just before the process was started


def run_child(args: list[str], timeout: float = 300) -> ChildResult:
    """Run ``args`` to the end and parse the JSON object on its last stdout line, if any.
    Peak RSS comes from the child's own VmHWM (``qt_child.peak_rss_mb``): on Linux the
    ``ru_maxrss`` of a child also carries this parent's high-water mark across exec."""
    with tempfile.TemporaryFile() as err:
        started = time.time()
        t0 = time.perf_counter()
        proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=err, cwd=ROOT, env=child_env())
        try:
            out, _ = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
            raise RuntimeError(f"{' '.join(args[1:3])} did not finish within {timeout:.0f} s") from None
        wall = time.perf_counter() - t0
        if proc.returncode != 0:
            err.seek(0)
            tail = err.read().decode(errors="replace").strip().splitlines()[-3:]
            raise RuntimeError(f"{' '.join(args[1:3])} exited {proc.returncode}: {' | '.join(tail)}")
    lines = out.decode(errors="replace").strip().splitlines()
    data = json.loads(lines[-1]) if lines and lines[-1].startswith("{") else {}
    return ChildResult(wall, data, started)


# --- (a), (b): start-up and memory -------------------------------------------------------


def build_stores(tmp: Path) -> dict[str, Path]:
    import store_list_10k

    stores = {"empty": tmp / "empty.sqlite3", "open50": tmp / "open50.sqlite3", "10k": tmp / "10k.sqlite3"}
    from core.store import open_store

    open_store(stores["empty"]).close()  # created and migrated: what every start after the first opens
    log(f"building a store of {LIST_SIZE:,} incidents (store_list_10k.build) …")
    took = store_list_10k.build(stores["10k"], LIST_SIZE)
    log(f"  built in {took:.1f} s, {stores['10k'].stat().st_size / 1e6:.0f} MB")
    store_list_10k.build(stores["open50"], 50)
    return stores


def startup(cfg: Config, stores: dict[str, Path], tmp: Path) -> list[Row]:
    py = sys.executable
    variants: dict[str, Callable[[int], list[str]]] = {
        "bare": lambda _i: [py, str(CHILD), "bare"],
        "floor": lambda _i: [py, str(CHILD), "floor"],
        "main-empty": lambda _i: [py, str(CHILD), "main", str(stores["empty"])],
        "main-10k": lambda _i: [py, str(CHILD), "main", str(stores["10k"])],
        "start-empty": lambda i: [py, str(CHILD), "start", str(tmp / f"start-empty-{i}.sqlite3")],
        "start-10k": lambda _i: [py, str(CHILD), "start", str(stores["10k"])],
    }
    paint: dict[str, list[float]] = {k: [] for k in variants}
    drawn: dict[str, list[float]] = {k: [] for k in variants}  # the end of the pass that first painted it
    settled: list[float] = []
    rss: dict[str, list[float]] = {k: [] for k in variants}
    first_window = ""
    loaded: dict[str, list[str]] = {}
    for rnd in range(cfg.runs + 1):  # round 0 warms the page cache and is not counted
        log(f"start-up round {rnd}/{cfg.runs}" + (" (warm-up)" if rnd == 0 else ""))
        for key, make in variants.items():
            result = run_child(make(rnd))
            if rnd:
                paint[key].append(result.data["paint_at"] - result.started)
                drawn[key].append(result.data.get("pass_end", result.data["paint_at"]) - result.started)
                rss[key].append(result.data["peak_rss_mb"])
            if rnd and key == "start-10k":
                settled.append(result.data["settled_at"] - result.started)
            if key == "start-empty":
                first_window = result.data.get("first_window", "")
            loaded[key] = result.data.get("loaded", [])
    med = {k: statistics.median(v) for k, v in paint.items()}
    mem = {k: statistics.median(v) for k, v in rss.items()}
    base, base_rss = med["bare"], mem["bare"]
    spread = {k: f"{min(v) * 1000:.0f}–{max(v) * 1000:.0f}" for k, v in paint.items()}
    bare_label = f"{ms(base)} ({spread['bare']})"
    names = {
        "main-empty": "start → main window painted, empty store",
        "main-10k": f"start → main window painted, {LIST_SIZE:,} incidents",
        "start-empty": f"start → first window, first run: creates the database ({first_window or '?'})",
        "start-10k": f"start → main window + resume check, {LIST_SIZE:,} incidents",
    }
    rows = [
        Row(
            "  (floor: a plain PySide6 list window, no app code)",
            f"{ms(med['floor'])} ({spread['floor']})",
            bare_label,
            f"{med['floor'] / base:.2f}x",
            "—",
            "info",
        )
    ]
    for key, name in names.items():
        ratio = med[key] / base
        rows.append(Row(name, f"{ms(med[key])} ({spread[key]})", bare_label, f"{ratio:.2f}x", "<= 1.5x", verdict(ratio <= 1.5)))
    for key in ("main-empty", "main-10k"):
        end = statistics.median(drawn[key])
        rows.append(
            Row(
                f"  … {names[key].split(', ', 1)[1]}: that paint pass ended (the list drawn)",
                ms(end),
                bare_label,
                f"{end / base:.2f}x",
                "—",
                "info",
            )
        )
    rows.append(
        Row(
            f"  … then settled: draft offer, reminders, clock checks, rest of the list ({LIST_SIZE:,})",
            ms(statistics.median(settled)),
            bare_label,
            f"{statistics.median(settled) / base:.2f}x",
            "—",
            "info",
        )
    )
    for key in ("main-empty", "main-10k"):
        extra = mem[key] - base_rss
        rows.append(
            Row(f"peak RSS, {names[key].split(', ', 1)[1]}", f"{mem[key]:.0f} MB", f"{base_rss:.0f} MB", f"+{extra:.0f} MB", "<= +60 MB", verdict(extra <= 60))
        )
    heavy = ("reportlab", "PySide6.QtPdf", "PySide6.QtPdfWidgets", "pypdf")
    early = sorted({m for key in names for m in loaded.get(key, []) if m in heavy})
    rows.append(
        Row(
            "lazy imports: loaded at first paint (any start-up above)",
            ", ".join(early) or "none of " + ", ".join(heavy),
            "also loaded: " + (", ".join(m for m in loaded.get("main-empty", []) if m not in heavy) or "—"),
            "—",
            "reportlab, QtPdf not loaded",
            verdict(not early),
        )
    )
    return rows


def list_scrolling(stores: dict[str, Path]) -> list[Row]:
    result = run_child([sys.executable, str(CHILD), "scroll", str(stores["10k"])]).data
    return [
        Row(
            f"scroll the list of {result['rows']:,} incidents (81 frames)",
            f"max {ms(result['max_frame'])}",
            f"median {ms(result['median_frame'])}",
            "—",
            "every frame < 50 ms",
            verdict(result["max_frame"] < 0.05),
        ),
        Row(
            f"one 1 Hz tick of the main window, {result['rows']:,} incidents listed",
            f"{ms(result['tick_median'])}",
            f"max {ms(result['tick_max'])}",
            "—",
            "< 50 ms (one frame)",
            verdict(result["tick_max"] < 0.05),
        ),
    ]


# --- (c): PDF ----------------------------------------------------------------------------


def pdf(cfg: Config) -> list[Row]:
    import bench_report

    doc = bench_report.full_document()
    strings = bench_report.report_strings(doc)
    bench_report.report_pdf(doc), bench_report.bare_pdf(strings)  # warm up both paths
    ours, bare = [], []
    for _ in range(cfg.pdf_runs):  # alternate so both see the same machine state
        ours.append(bench_report.timed(bench_report.report_pdf, doc))
        bare.append(bench_report.timed(bench_report.bare_pdf, strings))
    o, b = statistics.median(ours), statistics.median(bare)
    ok = o / b <= 1.5 and o < 0.5
    return [
        Row(
            f"PDF, full report with 200 timeline entries ({len(strings)} paragraphs)",
            ms(o),
            f"{ms(b)} (bare reportlab)",
            f"{o / b:.2f}x",
            "<= 1.5x and < 500 ms",
            verdict(ok),
        )
    ]


def layout(cfg: Config) -> list[Row]:
    """Issue 16: one unbroken word of 20,000 characters lays out in time linear in its length."""
    import bench_layout

    rows = []
    for name, char in (("Latin", "a"), ("Chinese", "中")):
        short, long = bench_layout.measure_alone(char, max(3, cfg.pdf_runs // 2))
        ratio = long / short
        rows.append(
            Row(
                f"PDF layout, one {name} word of {bench_layout.LONG:,} vs {bench_layout.SHORT:,} characters",
                ms(long),
                ms(short),
                f"{ratio:.2f}x",
                f"<= {bench_layout.TARGET}x (linear: 4x)",
                verdict(ratio <= bench_layout.TARGET),
            )
        )
    return rows


# --- (d): countdowns ---------------------------------------------------------------------


def countdowns(cfg: Config, stores: dict[str, Path]) -> tuple[list[Row], int]:
    tick = run_child([sys.executable, str(CHILD), "countdown", str(cfg.ticks)]).data
    log(f"idle CPU for {cfg.idle_s:.0f} s (ours and the bare window side by side) …")
    procs = {}
    with tempfile.TemporaryDirectory() as tmp:
        ours_db = Path(tmp) / "open50.sqlite3"
        ours_db.write_bytes(stores["open50"].read_bytes())
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(2) as pool:
            procs["ours"] = pool.submit(run_child, [sys.executable, str(CHILD), "idle", str(cfg.idle_s), str(ours_db)])
            procs["bare"] = pool.submit(run_child, [sys.executable, str(CHILD), "idle-bare", str(cfg.idle_s)])
            ours, bare = procs["ours"].result().data, procs["bare"].result().data
    cpu = ours["cpu_s"] / ours["wall_s"] * 100
    cpu_bare = bare["cpu_s"] / bare["wall_s"] * 100
    label = f"{tick['panels']} open incidents, {tick['cards']} cards"
    return [
        Row(
            f"one countdown tick, {label}: refresh()",
            f"{tick['refresh_median'] * 1000:.2f} ms",
            f"p99 {tick['refresh_p99'] * 1000:.2f} ms",
            "—",
            "well under 1 ms",
            verdict(tick["refresh_median"] < 1e-3),
        ),
        Row(f"one countdown tick, {label}: refresh + repaint", f"{tick['painted_median'] * 1000:.2f} ms", "—", "—", "—"),
        Row(
            f"CPU over {ours['wall_s']:.0f} s idle, 1 Hz ticker, main window ({ours['rows']} rows) + {ours['cards']} cards",
            f"{cpu:.2f}% ({ours['ticks']} ticks)",
            f"{cpu_bare:.2f}% (bare QWizard)",
            f"+{cpu - cpu_bare:.2f} pt",
            "< 1%",
            verdict(cpu < 1),
        ),
    ], int(tick["autosave_ms"])


# --- (e): autosave and crashes -----------------------------------------------------------


@contextmanager
def temp_dir() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="ia-bench-") as tmp:
        yield Path(tmp)


def autosave(cfg: Config, autosave_ms: int) -> list[Row]:
    from core.clock import SystemClock
    from core.incident import load_file
    from core.store import open_store

    with temp_dir() as tmp:
        store = open_store(tmp / "autosave.sqlite3", SystemClock())
        incident_id = store.import_document(load_file(EXAMPLE))
        ours = []
        text = "值班人员发现门诊系统文件被加密"
        for i in range(cfg.writes):
            value = text[: 1 + i % len(text)] + str(i)
            began = time.perf_counter()
            store.set_field(incident_id, "title" if i % 2 else "harm", value)
            ours.append(time.perf_counter() - began)
        store.close()
        conn = sqlite3.connect(tmp / "bare.sqlite3", isolation_level=None)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)")
        conn.execute("INSERT INTO t VALUES (1, '')")
        bare = []
        for i in range(cfg.writes):
            value = text[: 1 + i % len(text)] + str(i)
            began = time.perf_counter()
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("UPDATE t SET v = ? WHERE id = 1", (value,))
            conn.execute("COMMIT")
            bare.append(time.perf_counter() - began)
        conn.close()
    om, bm, op, bp = statistics.median(ours), statistics.median(bare), p99(ours), p99(bare)
    budget = 1.0 - autosave_ms / 1000
    return [
        Row(f"autosave Store.set_field, median of {cfg.writes}", ms(om), f"{ms(bm)} (bare sqlite3 commit)", f"{om / bm:.1f}x"),
        Row(
            "autosave Store.set_field, 99th percentile",
            ms(op),
            f"{ms(bp)} (bare sqlite3 commit)",
            f"{op / bp:.1f}x",
            f"<= {budget * 1000:.0f} ms ({autosave_ms} ms batching + write <= 1 s)",
            verdict(op <= budget),
        ),
    ]


def crashes(cfg: Config, autosave_ms: int) -> list[Row]:
    import crash_store

    with temp_dir() as tmp:
        began = time.monotonic()
        report = crash_store.run(tmp / "crash.sqlite3", cfg.kills)
        took = time.monotonic() - began
    for failure in report.failures[:5]:
        log(f"  crash test: {failure}")
    lost = report.longest_loss_s + autosave_ms / 1000
    ok = report.corruptions == 0 and report.confirmed_edits_lost == 0 and lost <= 1.0
    return [
        Row(
            f"crash test: {report.kills} kill -9 during autosave ({report.edits:,} edits, {took:.0f} s)",
            f"{report.corruptions} corrupt/broken, {report.confirmed_edits_lost} confirmed edits lost",
            "—",
            "—",
            "0 corruptions, 0 broken chains",
            verdict(report.corruptions == 0 and report.confirmed_edits_lost == 0),
        ),
        Row(
            "crash test: longest typing lost (store loss + autosave batching)",
            f"{ms(lost)} ({report.longest_loss_s * 1000:.1f} + {autosave_ms} ms)",
            "—",
            "—",
            "<= 1 s",
            verdict(ok),
        ),
    ]


def import_crashes(cfg: Config) -> list[Row]:
    """Issue 16: kill -9 during import (100 in a full run)."""
    import crash_import

    kills = max(10, cfg.kills // 2)
    with temp_dir() as tmp:
        began = time.monotonic()
        report = crash_import.run(tmp / "crash.sqlite3", kills)
        took = time.monotonic() - began
    for failure in report.failures[:5]:
        log(f"  import crash test: {failure}")
    ok = report.corruptions == 0 and report.broken_chains == 0 and report.confirmed_lost == 0 and report.staging_left == 0
    return [
        Row(
            f"crash test: {report.kills} kill -9 during import ({report.imports:,} imports, {took:.0f} s)",
            f"{report.corruptions} corrupt, {report.broken_chains} broken chains, {report.confirmed_lost} lost, {report.staging_left} files left",
            "—",
            "—",
            "all 0",
            verdict(ok),
        )
    ]


# --- (f): the CLI as a process -----------------------------------------------------------


def cli_process(cfg: Config) -> list[Row]:
    py = sys.executable
    commands = {
        "pass": [py, "-c", "pass"],
        "check": [py, "-m", "core.cli", "check", str(EXAMPLE), "--now", FIXED_NOW],
        "self-test": [py, "-m", "core.cli", "self-test"],
    }
    if BUNDLE.exists():
        commands["bundle check"] = [str(BUNDLE), "check", str(EXAMPLE), "--now", FIXED_NOW]
    walls: dict[str, list[float]] = {k: [] for k in commands}
    for rnd in range(cfg.runs + 1):
        for key, args in commands.items():
            result = run_child(args)
            if rnd:
                walls[key].append(result.wall)
    base = statistics.median(walls["pass"])
    base_label = f"{ms(base)} (python -c pass)"
    labels = {
        "check": "`check` on the example, as a process",
        "self-test": "`self-test`, as a process",
        "bundle check": "`check` on the example, from the bundle",
    }
    rows = []
    for key in commands:
        if key == "pass":
            continue
        m = statistics.median(walls[key])
        rows.append(Row(labels[key], ms(m), base_label, f"{m / base:.1f}x"))
    return rows


def largest_arrays(cfg: Config) -> list[Row]:
    """``import`` and ``check`` (as processes) of the example with its longest array at the
    reader's limit (``core.jsonfile.MAX_ITEMS``, issue 25): 3 s or less each."""
    from core.jsonfile import MAX_ITEMS

    doc = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    filled = {
        "submissions": [
            {"obligation": "provincial_cyberspace_office", "kind": "initial", "channel": "email_12387", "submitted_at": "2026-11-24T10:00:00+08:00"}
        ]
        * MAX_ITEMS,
        "timeline": [{"at": "2026-11-24T08:10:00+08:00", "text": f"处置记录 {i}"} for i in range(MAX_ITEMS)],
        "sector_obligations": [{"recipient": "行业主管部门", "hours": 2}] * MAX_ITEMS,
        "systems": [{"name": f"系统 {i}"} for i in range(MAX_ITEMS)],
    }
    variants = {key: {**doc, key: items} for key, items in filled.items()}
    variants["every list"] = {**doc, **filled}  # within MAX_TOTAL_ITEMS
    py, rows = sys.executable, []
    with temp_dir() as tmp:
        for key, content in variants.items():
            path = tmp / f"{key}.json"
            path.write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
            for command in ("import", "check"):
                walls = []
                for n in range(cfg.runs if not cfg.quick else 2):
                    db = tmp / f"{key}-{command}-{n}.sqlite3"
                    args = [py, "-m", "core.cli", "--db", str(db), command, str(path)] + (["--now", FIXED_NOW] if command == "check" else [])
                    result = run_child(args)
                    walls.append(result.wall)
                m = statistics.median(walls)
                what = f"{MAX_ITEMS:,} in {key}" if key in filled else f"{MAX_ITEMS:,} in every list"
                rows.append(Row(f"`{command}` with {what} (the limit)", ms(m), target="<= 3 s", met=verdict(m <= 3.0)))
    return rows


# --- (g): running durations (D18) ---------------------------------------------------------


def running_durations(cfg: Config) -> list[Row]:
    """The 1 Hz tick with 10,000 incidents listed and 50 running durations (core only)."""
    import running_tick

    found = running_tick.measure(cfg.ticks)
    label = f"{found['listed']:,} listed, {found['running']} running durations"
    target = f"< {running_tick.TARGET_MS:.0f} ms"
    return [
        Row(
            f"1 Hz tick, {label}: nothing crossed (p99)",
            f"{found['quiet_p99_ms']:.2f} ms",
            f"median {found['quiet_median_ms']:.2f} ms",
            "—",
            target,
            verdict(found["quiet_p99_ms"] < running_tick.TARGET_MS),
        ),
        Row(
            f"1 Hz tick, {label}: all {found['running']} cross a threshold at once (max)",
            f"{found['crossing_max_ms']:.2f} ms",
            f"median {found['crossing_median_ms']:.2f} ms",
            "—",
            target,
            verdict(found["crossing_max_ms"] < running_tick.TARGET_MS),
        ),
    ]


# --- the table ---------------------------------------------------------------------------


def width(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def table(rows: list[Row]) -> str:
    head = Row("measurement", "ours", "baseline (same run)", "ratio", "target", "met")
    cells = [[r.name, r.ours, r.baseline, r.ratio, r.target, r.met] for r in [head, *rows]]
    widths = [max(width(c[i]) for c in cells) for i in range(6)]
    lines = []
    for n, c in enumerate(cells):
        lines.append("| " + " | ".join(c[i] + " " * (widths[i] - width(c[i])) for i in range(6)) + " |")
        if n == 0:
            lines.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


SECTIONS = {
    "startup": "start-up and memory",
    "list": "list of 10,000",
    "pdf": "pdf",
    "countdowns": "countdowns",
    "autosave": "autosave",
    "crash": "crash test",
    "import-crash": "import crash test",
    "layout": "pdf layout",
    "cli": "cli",
    "arrays": "largest arrays",
    "running": "running durations",
}


def compile_bytecode() -> None:
    """Write the ``.pyc`` files of ``core`` and ``gui`` first. The bundle ships compiled
    bytecode; from source with ``PYTHONDONTWRITEBYTECODE`` set (as on some machines)
    every child would otherwise compile our modules again, ~60 ms a start-up."""
    import compileall

    for package in ("core", "gui"):
        if not compileall.compile_dir(str(ROOT / package), quiet=1):
            raise SystemExit(f"cannot compile {package}")
    log("bytecode of core/ and gui/ written (as the bundle ships it)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="short run: 3 start-ups each, 5 s idle, 20 kills")
    parser.add_argument("--only", action="append", choices=SECTIONS, help="run only this section (repeatable)")
    args = parser.parse_args()
    wanted = {SECTIONS[key] for key in args.only or SECTIONS}
    cfg = (
        Config(True, runs=3, pdf_runs=5, ticks=100, idle_s=5, writes=200, kills=20)
        if args.quick
        else Config(False, runs=7, pdf_runs=9, ticks=300, idle_s=60, writes=1000, kills=200)
    )
    try:
        import PySide6
        import reportlab
    except ImportError as exc:
        print(f"cannot run the benchmarks: {exc} (use the project's venv: .venv/bin/python {Path(__file__).relative_to(ROOT)})", file=sys.stderr)
        return 2
    rows: list[Row] = []
    failed: list[str] = []
    autosave_ms = 300
    compile_bytecode()

    def section(name: str, fn: Callable[[], list[Row]]) -> None:
        if name not in wanted and name != "stores":
            return
        log(f"{name} …")
        try:
            rows.extend(fn())
        except Exception as exc:  # noqa: BLE001 - a section that cannot run is reported, the rest goes on
            traceback.print_exc(file=sys.stderr)
            failed.append(name)
            rows.append(Row(name, f"could not run: {type(exc).__name__}: {exc}", met="ERROR"))

    with temp_dir() as tmp:
        stores: dict[str, Path] = {}

        def make_stores() -> list[Row]:
            stores.update(build_stores(tmp))
            return []

        if wanted & {"start-up and memory", "list of 10,000", "countdowns"}:
            section("stores", make_stores)
        if stores:
            section("start-up and memory", lambda: startup(cfg, stores, tmp))
            section("list of 10,000", lambda: list_scrolling(stores))
        section("pdf", lambda: pdf(cfg))
        section("pdf layout", lambda: layout(cfg))

        def count() -> list[Row]:
            nonlocal autosave_ms
            found, autosave_ms = countdowns(cfg, stores)
            return found

        if stores:
            section("countdowns", count)
    section("autosave", lambda: autosave(cfg, autosave_ms))
    section("crash test", lambda: crashes(cfg, autosave_ms))
    section("import crash test", lambda: import_crashes(cfg))
    section("cli", lambda: cli_process(cfg))
    section("largest arrays", lambda: largest_arrays(cfg))
    section("running durations", lambda: running_durations(cfg))
    log("done")
    met = sum(r.met == "yes" for r in rows)
    missed = [r.name for r in rows if r.met == "NO"]
    print(
        f"incident-assistant benchmarks ({'quick' if cfg.quick else 'full'} run, {time.strftime('%Y-%m-%d %H:%M')}): "
        f"Python {platform.python_version()}, PySide6 {PySide6.__version__}, reportlab {reportlab.Version}, "
        f"SQLite {sqlite3.sqlite_version}, {os.cpu_count()} CPUs, offscreen; start-ups median of {cfg.runs} fresh processes"
    )
    print(table(rows))
    print(f"targets met: {met} of {met + len(missed)}" + (f"; not met: {'; '.join(missed)}" if missed else "") + f"; wall {time.monotonic() - _began:.0f} s")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())

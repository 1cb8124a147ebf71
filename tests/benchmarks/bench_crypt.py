"""Benchmark: encryption at rest (issue 28). Every row is a ratio of the encrypted
database against the same plain one, measured in the same run:

- start-up to the main window painted, 10,000 incidents, the key read from the keyring
  (fresh offscreen processes, ``qt_child.py main`` against ``main-keyring``): <= 1.15x;
- autosave (``Store.set_field``), 99th percentile: <= 1.5x;
- opening 10,000 incidents (``open_store`` + ``list_incidents``, fresh processes): <= 1.3x;
- and the one-time costs: Argon2id with the app's parameters (each unlock with the
  passphrase, and encrypting), turning encryption on for 10,000 incidents.

Run::

    .venv/bin/python tests/benchmarks/bench_crypt.py           # 7 start-ups each, 1,000 autosaves
    .venv/bin/python tests/benchmarks/bench_crypt.py --quick   # 3 start-ups each, 200 autosaves

Progress goes to stderr; stdout gets one table (``run.py``'s). Linux/POSIX only.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
for _p in (str(ROOT), str(HERE)):
    if _p not in sys.path:
        sys.path.insert(0, _p)

from run import CHILD, EXAMPLE, LIST_SIZE, Row, log, ms, p99, run_child, table, temp_dir, verdict  # noqa: E402

PASSPHRASE = "基准测试口令 benchmark"

OPEN_AND_LIST = """
import sys, time
t0 = time.perf_counter()
from datetime import datetime, UTC
from core.store import open_store
if len(sys.argv) > 2:
    from core.store import connection
    connection.hold(sys.argv[1], bytes.fromhex(sys.argv[2]))
s = open_store(sys.argv[1])
rows = s.list_incidents(datetime(2026, 11, 24, 3, 0, tzinfo=UTC))
s.close()
print(f"{time.perf_counter() - t0:.4f} {len(rows)}")
"""


def argon2_cost(runs: int) -> list[Row]:
    from core.store import keys

    params = keys.DEFAULT_ARGON2
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        keys._stretch(bytearray(PASSPHRASE.encode()), os.urandom(16), params)
        times.append(time.perf_counter() - began)
    label = f"Argon2id t={params.time_cost}, m={params.memory_kib // 1024} MiB, p={params.lanes}"
    return [Row(f"one-time: {label}, median of {runs} (each unlock with the passphrase)", ms(statistics.median(times)), "—", "—", "about 500 ms", "info")]


def encrypted_copy(plain: Path, out: Path) -> tuple[Path, str, str, float]:
    """``plain`` copied to ``out`` and encrypted; returns the path, the key file's name for
    the keyring, the data key (hex, for the children only) and the time it took."""
    from core.store import connection, crypt

    shutil.copyfile(plain, out)
    began = time.perf_counter()
    crypt.encrypt(out, PASSPHRASE)
    took = time.perf_counter() - began
    key = connection.held(out)
    assert key is not None
    return out, crypt.read_keys(out).id, bytes(key).hex(), took


def startup(runs: int, plain: Path, encrypted: Path, name: str, hex_key: str) -> list[Row]:
    py = sys.executable
    variants = {"bare": [py, str(CHILD), "bare"], "plain": [py, str(CHILD), "main", str(plain)], "encrypted": [py, str(CHILD), "main-keyring", str(encrypted)]}
    paint: dict[str, list[float]] = {k: [] for k in variants}
    env_key = f"{name}:{hex_key}"
    for rnd in range(runs + 1):  # round 0 warms the page cache and is not counted
        log(f"start-up round {rnd}/{runs}" + (" (warm-up)" if rnd == 0 else ""))
        for key, args in variants.items():
            os.environ["BENCH_KEYRING"] = env_key  # read by run_child's environment copy
            result = run_child(args)
            if rnd:
                paint[key].append(result.data["paint_at"] - result.started)
    os.environ.pop("BENCH_KEYRING", None)
    med = {k: statistics.median(v) for k, v in paint.items()}
    ratio = med["encrypted"] / med["plain"]
    return [
        Row(
            f"start → main window painted, {LIST_SIZE:,} incidents, encrypted, key from the keyring",
            ms(med["encrypted"]),
            f"{ms(med['plain'])} (plain; bare window {ms(med['bare'])})",
            f"{ratio:.2f}x",
            "<= 1.15x",
            verdict(ratio <= 1.15),
        )
    ]


def opening(runs: int, plain: Path, encrypted: Path, hex_key: str) -> list[Row]:
    times: dict[str, list[float]] = {"plain": [], "encrypted": []}
    for _ in range(runs):
        for key, extra in (("plain", []), ("encrypted", [hex_key])):
            path = plain if key == "plain" else encrypted
            out = subprocess.run([sys.executable, "-c", OPEN_AND_LIST, str(path), *extra], capture_output=True, text=True, check=True, cwd=ROOT).stdout.split()
            if int(out[1]) != LIST_SIZE:
                raise RuntimeError(f"{key}: listed {out[1]} incidents")
            times[key].append(float(out[0]))
    med = {k: statistics.median(v) for k, v in times.items()}
    ratio = med["encrypted"] / med["plain"]
    return [
        Row(
            f"open {LIST_SIZE:,} incidents and list them (fresh process, median of {runs})",
            ms(med["encrypted"]),
            f"{ms(med['plain'])} (plain)",
            f"{ratio:.2f}x",
            "<= 1.3x",
            verdict(ratio <= 1.3),
        )
    ]


def autosave(writes: int, folder: Path) -> list[Row]:
    from core.clock import SystemClock
    from core.incident import load_file
    from core.store import crypt, open_store

    p99s: dict[str, float] = {}
    medians: dict[str, float] = {}
    for key in ("plain", "encrypted"):
        db = folder / f"autosave-{key}.sqlite3"
        store = open_store(db, SystemClock())
        incident_id = store.import_document(load_file(EXAMPLE))
        store.close()
        if key == "encrypted":
            crypt.encrypt(db, PASSPHRASE)
        store = open_store(db, SystemClock())
        text = "值班人员发现门诊系统文件被加密"
        took = []
        for i in range(writes):
            began = time.perf_counter()
            store.set_field(incident_id, "title" if i % 2 else "harm", text[: 1 + i % len(text)] + str(i))
            took.append(time.perf_counter() - began)
        store.close()
        p99s[key], medians[key] = p99(took), statistics.median(took)
    ratio = p99s["encrypted"] / p99s["plain"]
    return [
        Row(
            f"autosave Store.set_field, median of {writes}, encrypted",
            ms(medians["encrypted"]),
            f"{ms(medians['plain'])} (plain)",
            f"{medians['encrypted'] / medians['plain']:.2f}x",
        ),
        Row(
            "autosave Store.set_field, 99th percentile, encrypted",
            ms(p99s["encrypted"]),
            f"{ms(p99s['plain'])} (plain)",
            f"{ratio:.2f}x",
            "<= 1.5x",
            verdict(ratio <= 1.5),
        ),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="3 start-ups and 3 openings each, 200 autosaves")
    args = parser.parse_args()
    runs, writes = (3, 200) if args.quick else (7, 1000)
    import sqlcipher3  # noqa: F401 - fail early, with a clear message, without it
    import store_list_10k
    from run import compile_bytecode

    compile_bytecode()
    rows: list[Row] = []
    with temp_dir() as tmp:
        log(f"building a store of {LIST_SIZE:,} incidents …")
        plain = tmp / "plain.sqlite3"
        store_list_10k.build(plain, LIST_SIZE)
        log("encrypting a copy …")
        encrypted, name, hex_key, took = encrypted_copy(plain, tmp / "encrypted.sqlite3")
        rows += argon2_cost(5)
        rows.append(Row(f"one-time: turn encryption on, {LIST_SIZE:,} incidents ({plain.stat().st_size / 1e6:.0f} MB)", ms(took), "—", "—", "—", "info"))
        log("start-up …")
        rows += startup(runs, plain, encrypted, name, hex_key)
        log("opening …")
        rows += opening(max(runs, 5), plain, encrypted, hex_key)
        log("autosave …")
        rows += autosave(writes, tmp)
    from sqlcipher3 import dbapi2

    kind = "quick" if args.quick else "full"
    print(f"encryption at rest ({kind} run, {time.strftime('%Y-%m-%d %H:%M')}): SQLCipher with SQLite {dbapi2.sqlite_version}, {os.cpu_count()} CPUs")
    print(table(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Peak memory of ``main.py import``: the main process and each pre-annotation worker.

Workers are forked after natasha is loaded, so they share the models with the main process
copy-on-write: their resident size (RSS) counts the shared pages again, their
proportional size (PSS) splits shared pages among the processes that use them. Both are
sampled every 20 ms from /proc while a real import runs in a subprocess; the baseline is
the same import with one process.

Run: python benchmarks/bench_memory.py [--docs 60]
"""

from __future__ import annotations

import argparse
import atexit
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import contextlib

from benchmarks.generate import write_articles


def _kb(path: str, key: str) -> int:
    try:
        with open(path) as f:
            for line in f:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _children(pid: int) -> list[int]:
    kids: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError):
            kids += [int(k) for k in (task / "children").read_text().split()]
    return kids


def peak_memory(folder: Path, jobs: int) -> dict[str, float]:
    """Peak RSS and PSS (MB) of the main process and of the largest worker."""
    with tempfile.TemporaryDirectory() as tmp:
        proc = subprocess.Popen(
            [
                sys.executable,
                str(ROOT / "main.py"),
                "import",
                "--db",
                str(Path(tmp) / "m.db"),
                "--jobs",
                str(jobs),
                str(folder),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            cwd=ROOT,
        )
        peak = {"main RSS": 0, "main PSS": 0, "worker RSS": 0, "worker PSS": 0}
        while proc.poll() is None:
            rows = [("main", proc.pid)] + [("worker", k) for k in _children(proc.pid)]
            for role, pid in rows:
                rss = _kb(f"/proc/{pid}/status", "VmRSS")
                pss = _kb(f"/proc/{pid}/smaps_rollup", "Pss")
                peak[f"{role} RSS"] = max(peak[f"{role} RSS"], rss)
                peak[f"{role} PSS"] = max(peak[f"{role} PSS"], pss)
            time.sleep(0.02)
        if proc.returncode:
            raise SystemExit(proc.stderr.read().decode() if proc.stderr else "import failed")
    return {k: v / 1024 for k, v in peak.items()}


def main() -> None:
    """Measure one and two jobs, print a table."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=60)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="razmetka-memory-"))
    atexit.register(shutil.rmtree, tmp, True)
    folder = tmp / "articles"
    write_articles(folder, args.docs)
    print(f"main.py import of {args.docs} articles; peak memory in MB\n")
    print("| jobs | main RSS | main PSS | per worker RSS | per worker PSS |")
    print("|---:|---:|---:|---:|---:|")
    for jobs in (1, 2):
        m = peak_memory(folder, jobs)
        worker = ("–", "–") if jobs == 1 else (f"{m['worker RSS']:.0f}", f"{m['worker PSS']:.0f}")
        print(f"| {jobs} | {m['main RSS']:.0f} | {m['main PSS']:.0f} | {worker[0]} | {worker[1]} |")


if __name__ == "__main__":
    main()

"""The Dask engine against the local engine on the same ~5 MB folder.

The gold texts (gold/seeds and gold/dev) are repeated into many files in a
temporary folder; each configuration runs in a fresh process, several times
interleaved (so a burst of load elsewhere hits them alike), and the best and
median times are reported:

- local engine, ``--workers 1`` and ``--workers 2`` (``run_batch``);
- Dask, a local cluster of 1 and 2 worker processes (one thread each) on
  loopback; the run (``run_dask``) is timed with the cluster already up,
  and the cluster's start-up is reported apart.

Each process runs twice: "cold" (the first run: the rules are loaded and
the modules imported by the first documents) and "warm" (the second run
in the same pool or cluster, as on a long-lived cluster).

Dask's overhead = Dask 1 worker / local 1 worker - 1 (goal <= 15 %);
scaling = Dask 1 worker / Dask 2 workers (goal >= 1.7x).  Every output is
compared with the local engine's, byte for byte.

    python benchmarks/dask_scale.py [--mb 5] [--repeat 3] [--partition-size 64]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_RUN = """
import json, sys, time
from pathlib import Path
engine, src, out, workers, psize = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])

def timed(fn):
    t0 = time.perf_counter()
    s = fn()
    return time.perf_counter() - t0, s

if __name__ == "__main__":
    # each run twice in the same process: cold (rules loaded, modules imported
    # by the first documents) and warm (a long-lived worker pool or cluster)
    if engine == "local":
        from danvan_extract.batch import run_batch
        start = 0.0
        cold, s = timed(lambda: run_batch(src, out, workers=workers))
        warm, s = timed(lambda: run_batch(src, out, workers=workers))
    else:
        from danvan_extract.engines.dask_engine import connect, run_dask
        t0 = time.perf_counter()
        with connect(workers=workers) as client:  # the local cluster the CLI starts
            client.wait_for_workers(workers)
            start = time.perf_counter() - t0
            cold, s = timed(lambda: run_dask(src, out, client=client, partition_size=psize))
            warm, s = timed(lambda: run_dask(src, out, client=client, partition_size=psize))
    print(json.dumps({"cold": cold, "warm": warm, "start": start, "documents": s.documents,
                      "characters": s.characters}))
"""

def texts() -> list[bytes]:
    gold = ROOT / "gold"
    return [p.read_bytes() for p in sorted((gold / "seeds").glob("*.txt")) + sorted((gold / "dev").glob("*.txt"))]


def make_folder(folder: Path, mb: float) -> tuple[int, int]:
    """The gold texts repeated into files, 100 a sub-folder, up to ``mb`` MB."""
    arts = texts()
    size = count = 0
    while size < mb * 1e6:
        data = arts[count % len(arts)]
        sub = folder / f"{count // 100:04d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"{count:06d}.txt").write_bytes(data)
        size += len(data)
        count += 1
    return count, size


def run(engine: str, src: Path, out: Path, workers: int, psize: int) -> dict:
    proc = subprocess.run([sys.executable, "-c", _RUN, engine, str(src), str(out), str(workers), str(psize)],
                          check=True, capture_output=True, text=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=5.0)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--partition-size", type=int, default=64)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="danvan-dask-"))
    try:
        files, size = make_folder(tmp / "in", args.mb)
        configs = [("local", 1), ("dask", 1), ("local", 2), ("dask", 2)]
        times: dict[str, dict[tuple[str, int], list[float]]] = {"cold": {c: [] for c in configs},
                                                               "warm": {c: [] for c in configs}}
        starts: dict[tuple[str, int], list[float]] = {c: [] for c in configs}
        reference = None
        identical = True
        chars = 0
        for _ in range(args.repeat):
            for engine, workers in configs:
                out = tmp / f"{engine}{workers}.jsonl"
                r = run(engine, tmp / "in", out, workers, args.partition_size)
                for kind in ("cold", "warm"):
                    times[kind][(engine, workers)].append(r[kind])
                starts[(engine, workers)].append(r["start"])
                chars = r["characters"]
                data = out.read_bytes()
                reference = reference or data
                identical &= data == reference
        load = os.getloadavg()
        print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
              f"Python {platform.python_version()}, load average at the end {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}")
        print(f"input: {files:,} files, {size:,} bytes, {chars:,} characters; partition size {args.partition_size}; "
              f"{args.repeat} runs each, interleaved")
        for kind, what in (("cold", "first run in a fresh pool/cluster (rules loaded, modules imported)"),
                           ("warm", "second run, same pool/cluster (a long-lived cluster)")):
            print(f"{kind}: {what}")
            best = {c: min(t) for c, t in times[kind].items()}
            for c in configs:
                t = times[kind][c]
                label = f"{c[0]} engine, {c[1]} worker{'s' if c[1] > 1 else ''}"
                extra = (f"  (cluster start {statistics.median(starts[c]):.2f} s, not included)"
                         if c[0] == "dask" and kind == "cold" else "")
                print(f"  {label:<24} best {min(t):6.2f} s  median {statistics.median(t):6.2f} s  "
                      f"{chars / min(t):>12,.0f} chars/s{extra}")
            overhead = best[("dask", 1)] / best[("local", 1)] - 1
            print(f"  Dask overhead over the local engine, 1 worker (best): {overhead:+.1%}   (goal <= +15%)")
            print(f"  Dask 2 workers vs 1 (best): {best[('dask', 1)] / best[('dask', 2)]:.2f}x   (goal >= 1.7x); "
                  f"local 2 workers vs 1: {best[('local', 1)] / best[('local', 2)]:.2f}x")
        print(f"outputs identical to the local engine's: {identical}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()

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

Dask's overhead = Dask 1 worker / local 1 worker - 1 (goal <= 15 %), in
wall time and in CPU time (every process: the client, which also runs the
local cluster's scheduler and nannies, and the workers; CPU time is what a
busy shared machine disturbs least);
scaling = Dask 1 worker / Dask 2 workers in wall time (goal >= 1.7x), and
the balance of the work between the two workers (the speed-up two free
cores would allow).  Every output is compared with the local engine's,
byte for byte.

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
import json, resource, sys, time
from pathlib import Path
engine, src, out, workers, psize = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])

def cpu(who=resource.RUSAGE_SELF):
    import resource
    r = resource.getrusage(who)
    return r.ru_utime + r.ru_stime

if __name__ == "__main__":
    # each run twice in the same process: cold (rules loaded, modules imported
    # by the first documents) and warm (a long-lived worker pool or cluster)
    result = {}
    if engine == "local":
        from danvan_extract.engines.local import run_batch
        result["start"] = 0.0
        for kind in ("cold", "warm"):
            c0 = cpu() + cpu(resource.RUSAGE_CHILDREN)  # the pool's processes are reaped at its end
            t0 = time.perf_counter()
            s = run_batch(src, out, workers=workers)
            result[kind] = time.perf_counter() - t0
            result[kind + "_cpu"] = {"total": cpu() + cpu(resource.RUSAGE_CHILDREN) - c0}
    else:
        from danvan_extract.engines.dask_engine import connect, run_dask
        t0 = time.perf_counter()
        with connect(workers=workers) as client:  # the local cluster the CLI starts
            client.wait_for_workers(workers)
            result["start"] = time.perf_counter() - t0
            for kind in ("cold", "warm"):
                w0, c0 = client.run(cpu), cpu()
                t0 = time.perf_counter()
                s = run_dask(src, out, client=client, partition_size=psize)
                result[kind] = time.perf_counter() - t0
                w1, c1 = client.run(cpu), cpu()
                ws = sorted(w1[k] - w0[k] for k in w0)
                # the client process also runs the local cluster's scheduler and nannies
                result[kind + "_cpu"] = {"total": c1 - c0 + sum(ws), "client": c1 - c0, "workers": ws}
    result.update(documents=s.documents, characters=s.characters)
    print(json.dumps(result))
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
        runs: dict[tuple[str, int], list[dict]] = {c: [] for c in configs}
        reference = None
        identical = True
        chars = 0
        for _ in range(args.repeat):
            for engine, workers in configs:
                out = tmp / f"{engine}{workers}.jsonl"
                r = run(engine, tmp / "in", out, workers, args.partition_size)
                runs[(engine, workers)].append(r)
                chars = r["characters"]
                data = out.read_bytes()
                reference = reference or data
                identical &= data == reference
        load = os.getloadavg()
        print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
              f"Python {platform.python_version()}, load average at the end {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}")
        print(f"input: {files:,} files, {size:,} bytes, {chars:,} characters; partition size {args.partition_size}; "
              f"{args.repeat} runs each, interleaved")
        med = statistics.median
        for kind, what in (("cold", "first run in a fresh pool/cluster (rules loaded, modules imported)"),
                           ("warm", "second run, same pool/cluster (a long-lived cluster)")):
            print(f"{kind}: {what}")
            best = {c: min(r[kind] for r in rs) for c, rs in runs.items()}
            cpu = {c: med(r[kind + "_cpu"]["total"] for r in rs) for c, rs in runs.items()}
            for c in configs:
                rs = runs[c]
                label = f"{c[0]} engine, {c[1]} worker{'s' if c[1] > 1 else ''}"
                line = (f"  {label:<24} wall best {best[c]:6.2f} s  median {med(r[kind] for r in rs):6.2f} s  "
                        f"{chars / best[c]:>10,.0f} chars/s | CPU {cpu[c]:5.2f} s")
                if c[0] == "dask":
                    parts = [r[kind + "_cpu"] for r in rs]
                    workers_cpu = " + ".join(f"{med(p['workers'][i] for p in parts):.2f}" for i in range(c[1]))
                    line += f" (client+scheduler+nannies {med(p['client'] for p in parts):.2f}, workers {workers_cpu})"
                    if kind == "cold":
                        line += f"; cluster start {med(r['start'] for r in rs):.2f} s, not included"
                print(line)
            overhead = best[("dask", 1)] / best[("local", 1)] - 1
            cpu_overhead = cpu[("dask", 1)] / cpu[("local", 1)] - 1
            balance = [r[kind + "_cpu"]["workers"] for r in runs[("dask", 2)]]
            bound = med(sum(w) / max(w) for w in balance)
            print(f"  Dask overhead over the local engine, 1 worker: wall (best) {overhead:+.1%}, "
                  f"CPU (median) {cpu_overhead:+.1%}   (goal <= +15%)")
            print(f"  Dask 2 workers vs 1, wall (best): {best[('dask', 1)] / best[('dask', 2)]:.2f}x   (goal >= 1.7x); "
                  f"local 2 workers vs 1: {best[('local', 1)] / best[('local', 2)]:.2f}x")
            print(f"  Dask 2 workers, work balance: the workers' CPU / the busier worker's = {bound:.2f} "
                  f"(the speed-up two free cores would allow)")
        print(f"outputs identical to the local engine's: {identical}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()

"""The batch path at scale, each run in a fresh process so its memory is
its own:

1. the same folder (the gold articles copied to about 5 MB, then to 10)
   with ``--workers 1`` and ``--workers 2``: speed-up and peak RSS per
   worker, and the marginal speed-up of the second 5 MB (a run's start-up,
   paid once whatever its size, left out);
2. 5,000 and 50,000 small files: peak RSS of the run must not grow with
   the number of documents;
3. one 50 MB file: processed block by block, peak RSS bounded.

    python benchmarks/batch_scale.py [--mb 5] [--small 50000] [--big-mb 50]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_RUN = """
import json, resource, sys, time
from pathlib import Path
from danvan_extract.engines.local import run_batch
t0 = time.perf_counter()
s = run_batch(Path(sys.argv[1]), Path(sys.argv[2]), workers=int(sys.argv[3]))
dt = time.perf_counter() - t0
print(json.dumps({
    "seconds": dt, "documents": s.documents, "characters": s.characters, "failed": s.failed,
    "main_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "worker_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    "main_cpu": sum(resource.getrusage(resource.RUSAGE_SELF)[:2]),
    "workers_cpu": sum(resource.getrusage(resource.RUSAGE_CHILDREN)[:2]),
}))
"""


def run(folder: Path, out: Path, workers: int) -> dict:
    proc = subprocess.run([sys.executable, "-c", _RUN, str(folder), str(out), str(workers)],
                          check=True, capture_output=True, text=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def articles() -> list[bytes]:
    return [p.read_bytes() for p in sorted((ROOT / "gold" / "seeds").glob("*.txt"))]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=5.0)
    ap.add_argument("--small", type=int, default=50_000)
    ap.add_argument("--big-mb", type=float, default=50.0)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="danvan-scale-"))
    try:
        arts = articles()
        # 1. workers, on a folder of --mb and on one twice as large
        runs = {}
        for scale in (1, 2):
            folder = tmp / f"articles{scale}"
            folder.mkdir()
            size, i = 0, 0
            while size < scale * args.mb * 1_000_000:
                data = arts[i % len(arts)]
                (folder / f"{i // 100:03d}").mkdir(exist_ok=True)
                (folder / f"{i // 100:03d}" / f"{i:06d}.txt").write_bytes(data)
                size += len(data.decode("utf-8"))
                i += 1
            one = run(folder, tmp / "one.jsonl", 1)
            two = run(folder, tmp / "two.jsonl", 2)
            same = (tmp / "one.jsonl").read_bytes() == (tmp / "two.jsonl").read_bytes()
            runs[scale] = (one, two)
            print(f"1. {one['documents']:,} articles, {one['characters']:,} characters")
            for name, r in (("--workers 1", one), ("--workers 2", two)):
                print(f"   {name}: {r['seconds']:.2f} s, {r['characters'] / r['seconds']:,.0f} chars/s, "
                      f"main RSS {r['main_rss_mb']:.0f} MB, worker RSS {r['worker_rss_mb']:.0f} MB, "
                      f"CPU s main {r['main_cpu']:.2f} + workers {r['workers_cpu']:.2f}")
            print(f"   speed-up {one['seconds'] / two['seconds']:.2f}x; outputs identical: {same}")
            shutil.rmtree(folder)
        # A run pays its start (imports, rules, models, the pool) once whatever
        # its size: the second half of the larger folder is the work alone.
        (one1, two1), (one2, two2) = runs[1], runs[2]
        print(f"   marginal speed-up (the second {args.mb:g} MB): "
              f"{(one2['seconds'] - one1['seconds']) / (two2['seconds'] - two1['seconds']):.2f}x")

        # 2. many small files
        print("2. small files (one paragraph each)")
        paragraphs = [p for a in arts for p in a.decode("utf-8").split("\n") if len(p) > 80]
        for count in (args.small // 10, args.small):
            small = tmp / f"small{count}"
            for j in range(count):
                sub = small / f"{j // 1000:03d}"
                if j % 1000 == 0:
                    sub.mkdir(parents=True)
                (sub / f"{j:06d}.txt").write_text(paragraphs[j % len(paragraphs)], encoding="utf-8")
            r = run(small, tmp / f"small{count}.jsonl", 1)
            lines = sum(1 for _ in (tmp / f"small{count}.jsonl").open("rb"))
            print(f"   {count:>7,} files: {r['seconds']:.1f} s, {count / r['seconds']:,.0f} files/s, "
                  f"peak RSS {r['main_rss_mb']:.0f} MB, output lines {lines:,}")
            shutil.rmtree(small)

        # 3. one big file
        big = tmp / "big"
        big.mkdir()
        whole = "\n".join(a.decode("utf-8") for a in arts)
        with (big / "big.txt").open("w", encoding="utf-8") as fh:
            written = 0
            while written < args.big_mb * 1_000_000:
                fh.write(whole + "\n")
                written += len(whole.encode("utf-8")) + 1
        r = run(big, tmp / "big.jsonl", 1)
        print(f"3. one file of {written / 1e6:.0f} MB ({r['characters']:,} characters): {r['seconds']:.1f} s, "
              f"{r['characters'] / r['seconds']:,.0f} chars/s, peak RSS {r['main_rss_mb']:.0f} MB, "
              f"errors {r['failed']}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()

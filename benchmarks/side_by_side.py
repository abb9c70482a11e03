"""Two checkouts of the package, side by side in one process, on the same text.

Loads ``danvan_extract`` from two source folders under different module
names, runs both pipelines over the gold articles (seeds and dev, one
``extract()`` call per article, repeated to ``--mb`` million characters)
in alternating rounds, and prints characters per second for each (best of
the rounds) and the ratio.

    python benchmarks/side_by_side.py /path/to/main/src src [--mb 2] [--rounds 3]
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load(src: Path, alias: str):
    """The package in ``src``/danvan_extract imported as ``alias``."""
    pkg = src / "danvan_extract"
    spec = importlib.util.spec_from_file_location(alias, pkg / "__init__.py", submodule_search_locations=[str(pkg)])
    module = importlib.util.module_from_spec(spec)
    sys.modules[alias] = module
    spec.loader.exec_module(module)
    return module


def texts(mb: float) -> list[str]:
    arts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "gold").rglob("*.txt"))]
    out, size = [], 0
    while size < mb * 1_000_000:
        for t in arts:
            out.append(t)
            size += len(t)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("before", type=Path, help="src folder of the reference checkout")
    ap.add_argument("after", type=Path, help="src folder of the checkout measured")
    ap.add_argument("--mb", type=float, default=2.0)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    docs = texts(args.mb)
    chars = sum(map(len, docs))
    pipes = {}
    for name, src in (("before", args.before), ("after", args.after)):
        t0 = time.perf_counter()
        pkg = load(src.resolve(), f"danvan_{name}")
        pipe = pkg.Pipeline()
        pipe.extract(docs[0])  # warm: lazy models and caches load here
        pipes[name] = pipe
        print(f"{name}: {src} (load and first document {time.perf_counter() - t0:.2f} s)")
    best = {name: float("inf") for name in pipes}
    for _ in range(args.rounds):
        for name, pipe in pipes.items():
            t0 = time.perf_counter()
            for d in docs:
                pipe.extract(d)
            best[name] = min(best[name], time.perf_counter() - t0)
    print(f"text: {chars:,} characters, {len(docs)} documents, best of {args.rounds} rounds")
    for name in pipes:
        print(f"  {name:7s} {chars / best[name]:>12,.0f} chars/s per document")
    print(f"  after/before: {best['before'] / best['after']:.2f}")


if __name__ == "__main__":
    main()

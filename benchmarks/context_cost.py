"""What context (subject, location, period) costs, side by side in one
process: the pipeline with and without it on the same texts (gold/seeds +
gold/dev, one extract() per article, repeated to --mb), the gazetteer's
load time and memory, and the cold start of a short text in a fresh
process.

    python benchmarks/context_cost.py --mb 2
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from speed import texts as articles  # noqa: E402  (the 45 gold articles, read once, one place)


def rate(extract, texts: list[str]) -> float:
    start = time.perf_counter()
    for text in texts:
        extract(text)
    return sum(map(len, texts)) / (time.perf_counter() - start)


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cold_start(context: bool) -> float:
    code = ("import time; t=time.perf_counter(); from danvan_extract import Pipeline; "
            f"Pipeline(context={context}).extract('Năm 2022, huyện Mường Khương có 285 mô hình.'); "
            "print(time.perf_counter()-t)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=2.0)
    args = parser.parse_args()
    from danvan_extract import Pipeline
    from danvan_extract.context.gazetteer import gazetteer

    base = articles()
    texts = []
    while sum(map(len, texts)) < args.mb * 1e6:
        texts += base
    with_context, without = Pipeline(), Pipeline(context=False)
    before = rss_mb()
    t = time.perf_counter()
    gazetteer()
    load = time.perf_counter() - t
    after = rss_mb()
    with_context.extract(base[0]), without.extract(base[0])  # warm up
    rounds = [(rate(with_context.extract, texts), rate(without.extract, texts)) for _ in range(2)]
    on = max(r[0] for r in rounds)
    off = max(r[1] for r in rounds)
    print(f"text: {sum(map(len, texts)):,} characters, {len(texts)} articles")
    print(f"context on : {on / 1e3:,.0f} kchar/s")
    print(f"context off: {off / 1e3:,.0f} kchar/s")
    print(f"ratio on/off: {on / off:.2f}")
    print(f"gazetteer: loaded in {load:.2f} s, +{after - before:.0f} MB peak RSS")
    print(f"cold start, short text: context on {cold_start(True):.2f} s, off {cold_start(False):.2f} s")


if __name__ == "__main__":
    main()

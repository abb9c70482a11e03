"""Throughput, side by side in one process, on the same text.

(a) the full pipeline, all fact types on (and with person_role off);
(b) underthesea.ner over a sample of the same paragraphs (the naive
    statistical baseline; too slow to run over megabytes);
(c) a plain regex scan for digits, the floor.
Prints characters per second, the ratios, peak memory and the cold start
(a fresh process extracting one short article).

    python benchmarks/bench.py [--mb 5] [--ner-chars 60000]
"""

from __future__ import annotations

import argparse
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def corpus(mb: float) -> list[str]:
    docs = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "gold").glob("*.txt"))]
    paragraphs = [p for d in docs for p in d.split("\n") if p.strip()]
    out, size = [], 0
    while size < mb * 1_000_000:
        for p in paragraphs:
            out.append(p)
            size += len(p)
    return out


def rate(fn, paragraphs: list[str]) -> tuple[float, float]:
    chars = sum(map(len, paragraphs))
    t0 = time.perf_counter()
    for p in paragraphs:
        fn(p)
    dt = time.perf_counter() - t0
    return chars / dt, dt


def cold_start() -> float:
    code = "from danvan_extract import extract; extract('Huyện có 285 mô hình, chiếm 73,53%. Đồng chí Lê Văn Hùng, Trưởng Ban Dân vận Huyện ủy cho biết.')"
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=5.0)
    ap.add_argument("--ner-chars", type=int, default=60_000)
    args = ap.parse_args()

    from danvan_extract import Pipeline

    paragraphs = corpus(args.mb)
    total = sum(map(len, paragraphs))
    full = Pipeline()
    no_person = Pipeline(person_roles=False)
    full.extract(paragraphs[0])  # warm caches
    a, a_dt = rate(full.extract, paragraphs)
    a2, _ = rate(no_person.extract, paragraphs)
    digits = re.compile(r"\d+")
    c, _ = rate(lambda p: sum(1 for _ in digits.finditer(p)), paragraphs)

    from underthesea import ner

    sample, n = [], 0
    for p in paragraphs:
        if n >= args.ner_chars:
            break
        sample.append(p)
        n += len(p)
    ner(sample[0])  # load the model outside the timing
    b, _ = rate(ner, sample)
    a_same, _ = rate(full.extract, sample)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    cs = cold_start()

    print(f"text: {total:,} characters in {len(paragraphs):,} paragraphs (gold articles repeated); NER sample {n:,} characters")
    print(f"{'':<44}{'chars/s':>14}")
    print(f"{'(a) danvan-extract, all types':<44}{a:>14,.0f}")
    print(f"{'(a) danvan-extract, person_role off':<44}{a2:>14,.0f}")
    print(f"{'(a) danvan-extract on the NER sample':<44}{a_same:>14,.0f}")
    print(f"{'(b) underthesea.ner on the NER sample':<44}{b:>14,.0f}")
    print(f"{'(c) regex digit scan':<44}{c:>14,.0f}")
    print(f"ratio a/b (same sample): {a_same / b:,.1f}x   ratio a/c: {a / c:.4f}")
    print(f"peak RSS: {peak_mb:,.0f} MB   cold start (fresh process, one short text): {cs:.2f} s")


if __name__ == "__main__":
    main()

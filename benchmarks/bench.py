"""Throughput, side by side in one process, on the same text.

(a) the full pipeline, all fact types on: per document (how the batch and
    the library run: one call per article) and per paragraph (one call per
    line, the worst case for per-call overhead);
(b) underthesea.ner over the same paragraphs (the naive statistical
    baseline; a sample, since it is about 100 times slower), rounds
    alternating with the pipeline on the same sample, in CPU seconds;
(c) a plain regex scan for digits over the same documents, the floor.

Prints characters per second, the ratios, peak memory, the cold start (a
fresh process extracting one short article) and the gold scores of the
code being measured.

    python benchmarks/bench.py [--mb 5] [--ner-chars 60000]
"""

from __future__ import annotations

import argparse
import platform
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from speed import best_rounds, texts  # noqa: E402  (the gold articles; turns of rounds)


def _repeat(texts: list[str], mb: float) -> list[str]:
    """``texts`` over and over until they hold ``mb`` million characters."""
    out, size = [], 0
    while size < mb * 1_000_000:
        for t in texts:
            out.append(t)
            size += len(t)
    return out


def corpus(articles: list[str], mb: float) -> list[str]:
    """The paragraphs of ``articles``, repeated to ``mb`` million characters."""
    return _repeat([p for d in articles for p in d.split("\n") if p.strip()], mb)


def documents(articles: list[str], mb: float) -> list[str]:
    """``articles``, each one document, repeated to ``mb`` million characters."""
    return _repeat(articles, mb)


def rate(fn, texts: list[str], repeat: int = 1) -> float:
    """Characters per second of ``fn`` over ``texts`` (best of ``repeat``)."""
    chars = sum(map(len, texts))
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for t in texts:
            fn(t)
        best = min(best, time.perf_counter() - t0)
    return chars / best


def side_by_side(fns: list, texts: list[str], rounds: int = 3) -> list[float]:
    """Characters per CPU second of each of ``fns`` over ``texts``, rounds
    alternating (best round each)."""
    chars = sum(map(len, texts))
    best = best_rounds(dict(enumerate(fns)), texts, rounds)
    return [chars / best[i] for i in range(len(fns))]


def cold_start() -> float:
    code = ("from danvan_extract import extract; "
            "extract('Huyện có 285 mô hình, chiếm 73,53%. Đồng chí Lê Văn Hùng, Trưởng Ban Dân vận Huyện ủy cho biết.')")
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return time.perf_counter() - t0


def gold_table() -> str:
    from danvan_extract.scoring.evaluate import format_report, load_gold, score
    from danvan_extract.pipeline import Pipeline

    pipeline = Pipeline()
    triples = [(doc_id, facts, [f.model_dump() for f in pipeline.extract(text)])
               for doc_id, text, facts in load_gold(ROOT / "gold")]
    return format_report(score(triples))


def cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=5.0, help="million characters of text for (a) and (c)")
    ap.add_argument("--ner-chars", type=int, default=60_000, help="characters of paragraphs for (b)")
    args = ap.parse_args()

    from danvan_extract import Pipeline

    articles = texts()
    docs = documents(articles, args.mb)
    paragraphs = corpus(articles, args.mb)
    total = sum(map(len, docs))
    full = Pipeline()
    no_person = Pipeline(person_roles=False)
    for t in articles:  # first use (patterns compiled, models loaded) outside the timing
        full.extract(t)
        no_person.extract(t)
    a_doc = rate(full.extract, docs)
    a_para = rate(full.extract, paragraphs)
    a_np = rate(no_person.extract, docs)
    digits = re.compile(r"\d+")
    c = rate(lambda t: sum(1 for _ in digits.finditer(t)), docs, repeat=3)

    from underthesea import ner

    sample, n = [], 0
    for p in paragraphs:
        if n >= args.ner_chars:
            break
        sample.append(p)
        n += len(p)
    ner(sample[0])  # load the model outside the timing
    b, a_sample, a_sample_rules = side_by_side([ner, full.extract, Pipeline(context=False).extract], sample)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    cs = cold_start()

    print(f"machine: {cpu_name()}, Python {platform.python_version()}, one process")
    print(f"text: {total:,} characters = {len(docs):,} documents (the gold articles repeated) "
          f"= {len(paragraphs):,} paragraphs; NER sample {n:,} characters ({len(sample)} paragraphs)")
    print(f"{'':<58}{'chars/s':>14}")
    print(f"{'(a) danvan-extract, all types, per document':<58}{a_doc:>14,.0f}")
    print(f"{'(a) danvan-extract, all types, per paragraph':<58}{a_para:>14,.0f}")
    print(f"{'(a) danvan-extract, person_role off, per document':<58}{a_np:>14,.0f}")
    print(f"{'(a) danvan-extract, per paragraph, on the NER sample':<58}{a_sample:>14,.0f}")
    print(f"{'(a) the same, context off (Pipeline(context=False))':<58}{a_sample_rules:>14,.0f}")
    print(f"{'(b) underthesea.ner, per paragraph, on the NER sample':<58}{b:>14,.0f}")
    print(f"{'(c) regex digit scan, per document':<58}{c:>14,.0f}")
    print(f"ratio a/b: {a_doc / b:,.1f}x per document, {a_sample / b:,.1f}x per paragraph on the same sample "
          f"({a_sample_rules / b:,.1f}x with context off)")
    print(f"ratio a/c: {a_doc / c:.4f}")
    print(f"peak RSS: {peak_mb:,.0f} MB   cold start (fresh process, one short text): {cs:.2f} s")
    print()
    print("gold scores of the code measured:")
    print(gold_table())


if __name__ == "__main__":
    main()

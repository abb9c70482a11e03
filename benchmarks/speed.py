"""The pipeline beside a naive regex extractor, in one process, same texts.

Texts: the gold articles (``gold/seeds`` and ``gold/dev``), one
``extract()`` call per article, as the batch and the library run.  Rounds
alternate between the three extractors so that a busy machine slows all
of them alike; each rate is the best round.  Times are CPU seconds of this
process (``time.process_time``): the machine is shared, and CPU time is
what another process's load disturbs least.  Also: the cost of a call on
an empty text, and the cold start (CPU seconds of a fresh process that
imports the package from its compiled bytecode, loads the rules and
extracts one short text; with ``Pipeline(context=False)``, the rule-only
path, and with ``extract()``, context on), with the compiled patterns an
earlier process kept (the usual case) and without them (the first run).

    python benchmarks/speed.py [--rounds 15] [--profile]

``--profile`` prints where the context-off pipeline spends its time instead.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import naive_regex  # noqa: E402

SHORT = ("Huyện có 285 mô hình, chiếm 73,53%. Đồng chí Lê Văn Hùng, Trưởng Ban Dân vận Huyện ủy cho biết.")


def texts() -> list[str]:
    """The gold articles (``gold/seeds`` then ``gold/dev``)."""
    paths = sorted((ROOT / "gold" / "seeds").glob("*.txt")) + sorted((ROOT / "gold" / "dev").glob("*.txt"))
    if not paths:
        raise SystemExit(f"no gold articles under {ROOT / 'gold'}")
    return [p.read_text(encoding="utf-8") for p in paths]


def one_round(fn, docs: list[str]) -> float:
    t0 = time.process_time()
    for t in docs:
        fn(t)
    return time.process_time() - t0


def best_rounds(runners: dict, docs: list[str], rounds: int) -> dict:
    """CPU seconds of each runner's best round over ``docs``, the runners
    taking turns within each round so that a busy machine slows them alike."""
    best = dict.fromkeys(runners, float("inf"))
    for _ in range(rounds):
        for name, fn in runners.items():
            best[name] = min(best[name], one_round(fn, docs))
    return best


def per_call(fn, text: str, n: int = 20_000) -> float:
    """Microseconds per call of ``fn(text)`` (best of 3)."""
    best = float("inf")
    for _ in range(3):
        t0 = time.process_time()
        for _ in range(n):
            fn(text)
        best = min(best, time.process_time() - t0)
    return best / n * 1e6


def cold_start(code: str, cache: str, runs: int = 5) -> float:
    """CPU seconds of a fresh process running ``code`` (best of ``runs``),
    the package's modules compiled to bytecode first, as ``pip install``
    leaves them (an editable install under ``PYTHONDONTWRITEBYTECODE``
    would otherwise compile every module from source in every run).
    ``cache``: the ``DANVAN_CACHE_DIR`` of the runs ("off": no kept
    patterns; a folder: filled by one run before the timed ones)."""
    import compileall

    import danvan_extract

    compileall.compile_dir(Path(danvan_extract.__file__).parent, quiet=1)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["DANVAN_CACHE_DIR"] = cache
    if cache != "off":
        subprocess.run([sys.executable, "-c", code], check=True, env=env)
    best = float("inf")
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run([sys.executable, "-c", code], check=True, env=env)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        best = min(best, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return best


def profile(docs: list[str]) -> None:
    import cProfile
    import pstats

    from danvan_extract import Pipeline

    p = Pipeline(context=False)
    p.extract(docs[0])
    prof = cProfile.Profile()
    prof.enable()
    for _ in range(5):
        for t in docs:
            p.extract(t)
    prof.disable()
    pstats.Stats(prof).sort_stats("tottime").print_stats(25)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=15)
    ap.add_argument("--profile", action="store_true")
    args = ap.parse_args()
    docs = texts()
    if args.profile:
        profile(docs)
        return
    from danvan_extract import Pipeline

    chars = sum(map(len, docs))
    runners = {
        "naive regex extractor (benchmarks/naive_regex.py)": naive_regex.extract,
        "Pipeline(), context on": Pipeline().extract,
        "Pipeline(context=False)": Pipeline(context=False).extract,
    }
    for fn in runners.values():
        for t in docs:  # warm every cache once
            fn(t)
    best = best_rounds(runners, docs, args.rounds)
    naive = chars / best[next(iter(runners))]
    print(f"machine: {platform.processor() or platform.machine()}, Python {platform.python_version()}, one process")
    print(f"text: {len(docs)} articles (gold/seeds + gold/dev), {chars:,} characters, "
          f"best of {args.rounds} rounds")
    print(f"{'':<52}{'kchar/s':>10}{'× naive':>10}")
    for name, seconds in best.items():
        r = chars / seconds
        print(f"{name:<52}{r / 1000:>10,.0f}{r / naive:>10.2f}")
    full = runners["Pipeline(), context on"]
    print(f"empty text: {per_call(full, ''):.2f} µs per call (context on)")
    rule_only_code = f"from danvan_extract import Pipeline; Pipeline(context=False).extract({SHORT!r})"
    default_code = f"from danvan_extract import extract; extract({SHORT!r})"
    with tempfile.TemporaryDirectory() as kept:
        for label, cache in (("patterns kept from an earlier run", kept), ("no kept patterns", "off")):
            print(f"cold start (CPU s of a fresh process, bytecode compiled, one short text; {label}): "
                  f"{cold_start(rule_only_code, cache):.2f} rule-only (Pipeline(context=False)), "
                  f"{cold_start(default_code, cache):.2f} with context (extract())")

if __name__ == "__main__":
    main()

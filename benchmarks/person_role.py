"""person_role's share of pipeline time, side by side in one process.

The seed and dev articles (gold/seeds, gold/dev), each one document, are
extracted with every type on and with person_role off, alternating rounds
so both see the same machine state; the NER cache is cleared before every
round so the statistical fallback pays for each of its windows every time.
Prints both rates, person_role's share of the time, how many NER windows
were sent and what they cost, and the peak RSS of the process.

    python benchmarks/person_role.py [--rounds 5]
"""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def articles() -> list[str]:
    return [p.read_text(encoding="utf-8") for d in ("seeds", "dev") for p in sorted((ROOT / "gold" / d).glob("*.txt"))]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()

    from danvan_extract import Pipeline
    from danvan_extract import nlp

    docs = articles()
    chars = sum(map(len, docs))
    full, no_person = Pipeline(), Pipeline(person_roles=False)
    ner_time, ner_calls = [0.0], [0]
    raw = nlp.person_tokens.__wrapped__

    def timed(window: str):
        t0 = time.perf_counter()
        try:
            return raw(window)
        finally:
            ner_time[0] += time.perf_counter() - t0
            ner_calls[0] += 1

    nlp.person_tokens = nlp.lru_cache(maxsize=4096)(timed)
    nlp._ner()("Khởi động mô hình.")  # load the model outside the timing
    for d in docs[:3]:
        full.extract(d)
        no_person.extract(d)

    t_full = t_np = 0.0
    ner_time[0], ner_calls[0] = 0.0, 0
    for _ in range(args.rounds):
        nlp.person_tokens.cache_clear()
        t0 = time.perf_counter()
        for d in docs:
            full.extract(d)
        t_full += time.perf_counter() - t0
        t0 = time.perf_counter()
        for d in docs:
            no_person.extract(d)
        t_np += time.perf_counter() - t0

    share = (t_full - t_np) / t_full
    print(f"text: {len(docs)} articles, {chars:,} characters, {args.rounds} rounds")
    print(f"{'pipeline, all types':<40}{chars * args.rounds / t_full:>14,.0f} chars/s")
    print(f"{'pipeline, person_role off':<40}{chars * args.rounds / t_np:>14,.0f} chars/s")
    print(f"person_role share of pipeline time: {share:.1%}")
    print(f"NER windows: {ner_calls[0] / args.rounds:.1f} per round, {ner_time[0] / args.rounds * 1000:.1f} ms per round "
          f"({ner_time[0] / t_full:.1%} of pipeline time)")
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MB")


if __name__ == "__main__":
    main()

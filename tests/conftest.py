import time
from pathlib import Path

import pytest

from danvan_extract import Pipeline

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "gold" / "seeds"


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="session")
def seconds_per_char(pipeline) -> float:
    """Wall seconds a character of ordinary text costs (the seed articles,
    best of two), the linear rate the hostile inputs are held to."""
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(GOLD.glob("*.txt")))
    best = float("inf")
    for _ in range(2):
        start = time.perf_counter()
        pipeline.extract(text)
        best = min(best, time.perf_counter() - start)
    return best / len(text)

import atexit
import os
import shutil
import tempfile

# The test processes keep compiled patterns in a folder of their own, not
# the user's cache (set before the package is imported: it reads it once).
if "DANVAN_CACHE_DIR" not in os.environ:
    os.environ["DANVAN_CACHE_DIR"] = tempfile.mkdtemp(prefix="danvan-test-patterns-")
    atexit.register(shutil.rmtree, os.environ["DANVAN_CACHE_DIR"], True)

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
    """CPU seconds a character of ordinary text costs (the seed articles,
    best of two), the linear rate the hostile inputs are held to."""
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(GOLD.glob("*.txt")))
    best = float("inf")
    for _ in range(2):
        start = time.process_time()
        pipeline.extract(text)
        best = min(best, time.process_time() - start)
    return best / len(text)

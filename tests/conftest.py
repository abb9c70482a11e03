from pathlib import Path

import pytest

from danvan_extract import Pipeline

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "gold" / "seeds"


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline()

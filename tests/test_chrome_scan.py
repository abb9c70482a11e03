"""Page chrome scanned with the line patterns joined finds the same lines as
the patterns one by one."""

import dataclasses
from pathlib import Path

import pytest

from danvan_extract import Pipeline
from danvan_extract.extractors.base import Context
from danvan_extract.text import normalize

GOLD = Path(__file__).resolve().parent.parent / "gold"
_PIPELINE = Pipeline(context=False)
CHROME = ("Ảnh minh họa.jpg\nHôm nay: 1.234\nChia sẻ facebook, twitter /\n12:30 / 45:10\n"
          "Thứ hai, 09/07/2024 10:15 352\nCập nhật: 09/07/2024\nCó 285 mô hình.\nLượt xem: 90\n"
          "fb | zalo | in bài\nfb x\nIn bài viết của 12 hộ\n")


def _lines(text: str, joined: bool) -> list[tuple[int, int]]:
    rules = _PIPELINE.rules
    if not joined:
        rules = dataclasses.replace(rules, chrome_scan=rules.chrome_patterns)
    return Context(normalize(text).text, rules, _PIPELINE.anchor_index).chrome_spans()


def test_the_line_patterns_are_joined():
    assert len(_PIPELINE.rules.chrome_scan) < len(_PIPELINE.rules.chrome_patterns)


@pytest.mark.parametrize("path", sorted(GOLD.glob("*/*.txt")) + [None], ids=lambda p: p.name if p else "chrome")
def test_joined_chrome_lines_are_the_lines_of_each_pattern(path):
    text = path.read_text(encoding="utf-8") if path else CHROME
    assert _lines(text, joined=True) == _lines(text, joined=False)
    if path is None:
        assert len(_lines(text, joined=True)) >= 7

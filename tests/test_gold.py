"""Every gold file follows the contract, and the pipeline keeps its scores."""

import pytest

from danvan_extract.scoring.evaluate import check_gold_fact, load_gold, score
from danvan_extract.numbers import parse_number
from danvan_extract.registry import GRADED_TYPES

from .conftest import GOLD, ROOT

DOCS = load_gold(GOLD)
ALL_GOLD = load_gold(ROOT / "gold")  # seeds and dev


@pytest.mark.parametrize("doc_id,text,facts", ALL_GOLD, ids=[d[0] for d in ALL_GOLD])
def test_gold_file_is_valid(doc_id, text, facts):
    for fact in facts:
        assert fact["type"] in GRADED_TYPES, fact
        assert check_gold_fact(text, fact) == [], fact
    spans = [(f["start"], f["end"], f["type"]) for f in facts]
    assert len(spans) == len(set(spans)), "duplicate gold facts"
    assert [f["start"] for f in facts] == sorted(f["start"] for f in facts)


def test_every_gold_file_passes_the_checker():
    """scripts/check_gold.py: context keys on numeric facts, order, the .doc.json files."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("check_gold", ROOT / "scripts" / "check_gold.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    problems = [line for p in sorted((ROOT / "gold").rglob("*.facts.jsonl")) for line in module.check_file(p)]
    assert problems == []
    assert len(list((ROOT / "gold").rglob("*.doc.json"))) == len(ALL_GOLD) == 45


@pytest.mark.parametrize("doc_id,text,facts", ALL_GOLD, ids=[d[0] for d in ALL_GOLD])
def test_gold_numbers_agree_with_the_parser(doc_id, text, facts):
    import regex

    def readings(digits: str) -> set:
        """The Vietnamese reading, and the English one FACTS.md allows where
        the Vietnamese is impossible ("79.31 %")."""
        out = {parse_number(digits)}
        if regex.fullmatch(r"\d+\.\d{1,2}|\d{1,3}(?:,\d{3})+", digits):
            out.add(float(digits.replace(",", "")))
        return out

    for f in facts:
        if f["type"] == "percentage":
            first = regex.search(r"\d[\d.,]*", f["text"]).group(0).rstrip(".,")
            assert any(r == pytest.approx(f["value"]) for r in readings(first)), f
        if f["type"] == "ratio":
            m = (regex.search(r"(\d[\d.,]*)\s?/\s?(\d[\d.,]*\d|\d)", f["text"])
                 or regex.search(r"(\d[\d.,]*)\s+trong\s+(?:tổng\s+số\s+)?(\d[\d.,]*\d|\d)", f["text"]))
            assert m, f
            num, den = m.groups()
            assert f["numerator"] in readings(num) and f["denominator"] in readings(den), f


def test_pipeline_scores_on_gold(pipeline):
    """The measured floor of issue #2 on our own gold (regression guard)."""
    report = score((d, facts, [f.model_dump() for f in pipeline.extract(text)]) for d, text, facts in DOCS)
    for t in ("percentage", "count", "ratio", "area", "money", "document_ref"):
        assert report.lenient[t].f1 >= 0.95, (t, report.lenient[t])
        assert report.strict[t].f1 >= 0.85, (t, report.strict[t])
    assert report.lenient["count[mô hình]"].recall == 1.0
    for name in ("qualifier", "noun", "unit", "currency", "doc_type", "issuer_code", "date"):
        assert report.attributes[name].value >= 0.95, name


def test_no_facts_from_page_chrome(pipeline):
    chrome_lines = [
        "lượt xem: 11 | lượt tải:1", "  • Tổng lượt truy cập18,912,473", "  • Đang truy cập74", "  • Hôm nay19,156",
        "Thứ hai - 24/01/2022 09:17 900 0", "0D3BB111-BA1D-4C67-9C55-36A449188E84.png", "M5.JPG", "fb yt zl tw",
        "0:00 / 0:00", "Tổng số điểm của bài viết là: 0 trong 0 đánh giá",
        "Bạn đã không sử dụng Site, Bấm vào đây để duy trì trạng thái đăng nhập. Thời gian chờ: 60 giây",
    ]
    text = "\n".join(chrome_lines)
    assert pipeline.extract(text) == []

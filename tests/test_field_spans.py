"""Every as-written field carries the span it was read from, and records
take its value from the caller's string there (issue 10, item 1)."""

import pytest

from danvan_extract.extractors.base.candidates import Spanned
from danvan_extract.extractors.base.context import Context
from danvan_extract.registry import TYPES
from danvan_extract.text import normalize

ISSUE_EXAMPLE = ("Ngày 9/7/2024, Ban Thường vụ Tỉnh uỷ ban hành Chỉ thị số 05-CT/TU. "
                 "Sau đó Ban Thường vụ Tỉnh ủy đã kiểm tra.")

TEXTS = [
    ISSUE_EXAMPLE,
    "Đồng chí Nguyễn Văn An, Uỷ viên Ban Thường vụ Tỉnh uỷ, Trưởng Ban Dân vận Tỉnh uỷ phát biểu.",
    "Bộ trưởng Bộ Y tế Đào Thị Hoà cho biết; Ảnh: Thanh Lê",
    "các đồng chí: Lê Văn Bình - Bí thư Huyện uỷ; Trần Thị Hoà - Chủ tịch UBND huyện.",
    "Thượng tá Hoàng Văn Tuỳ, Phó Tham mưu trưởng Bộ Chỉ huy Quân sự tỉnh dự.",
    "Xã có 12 tổ hoà giải, 3 nhà tạm, nhà dột nát và 461/465 đại biểu tán thành.",
    "UBND TỈNH HOÀ BÌNH | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 12/KH-UBND\n",
    "Tổng vốn 4,22 tỉ đồng, 25 m² đất và 2,5 triệu USD.",
    "STT | Xã | Số hộ |\n1 | An Phú | 120 |\n",
    "Kế hoạch số 12-KH/TU về “Phát triển kinh tế” của Tỉnh uỷ; Quy định 217, 218 của Bộ Chính trị.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_every_as_written_field_has_a_span(pipeline, text):
    norm = normalize(text)
    ctx = Context(norm.text, pipeline.rules, pipeline.anchor_index)
    seen = 0
    for ex in pipeline.extractors:
        for c in ex(ctx):
            row = TYPES[c.type]
            spans = c.field_spans
            for name in row.as_written + row.as_written_lower:
                value = c.fields.get(name)
                for v in value if isinstance(value, list) else [value]:
                    if v is None:
                        continue
                    seen += 1
                    assert isinstance(v, Spanned) and v.spans, (c.rule, name, v)
                    assert name in spans
                    for s, e in v.spans:
                        assert 0 <= s < e <= len(norm.text)
    assert seen


def test_issuer_is_spelled_as_where_it_was_read(pipeline):
    docs = [f for f in pipeline.extract(ISSUE_EXAMPLE) if f.type == "document_ref"]
    assert [d.issuer for d in docs] == ["Ban Thường vụ Tỉnh uỷ"]


def test_role_is_spelled_as_where_it_was_read(pipeline):
    text = "Ông Trần Văn Bình, Uỷ viên Ban Thường vụ Tỉnh uỷ phát biểu. Ban Thường vụ Tỉnh ủy họp."
    people = [f for f in pipeline.extract(text) if f.type == "person_role"]
    assert people and people[0].roles == ["Uỷ viên Ban Thường vụ Tỉnh uỷ"]


def test_noun_is_spelled_as_where_it_was_read(pipeline):
    text = "Có 12 Uỷ viên dự họp. Các ủy viên đã họp."
    counts = [f for f in pipeline.extract(text) if f.type == "count"]
    assert [c.noun for c in counts] == ["uỷ viên"]


def test_header_issuer_joins_its_pieces_without_the_motto(pipeline):
    text = "UBND TỈNH HOÀ  BÌNH | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 12/KH-UBND\n"
    docs = [f for f in pipeline.extract(text) if f.type == "document_ref"]
    assert [d.issuer for d in docs] == ["UBND TỈNH HOÀ BÌNH"]


def test_joined_pieces_keep_every_span():
    text = "Ban Dân vận Tỉnh uỷ"
    joined = Spanned.joined([Spanned.at(text, 0, 11), Spanned.at(text, 12, 19)])
    assert joined == "Ban Dân vận Tỉnh uỷ" and joined.spans == ((0, 11), (12, 19))


def test_money_unit_and_table_noun_are_read_where_written(pipeline):
    facts = pipeline.extract("Tổng vốn 4,22 tỉ đồng.\nSTT | Xã | Số  hộ |\n1 | An Phú | 120 |\n")
    assert [f.unit for f in facts if f.type == "money"] == ["tỉ đồng"]
    facts = pipeline.extract("STT | Xã | Số hộ |\n1 | An Phú | 120 |\n")
    assert [f.noun for f in facts if f.type == "count"] == ["hộ"]


def test_regarding_phrase_is_read_at_its_own_span(pipeline):
    """"đối với <who>" after a rate joins the subject at the phrase's own
    span, whatever white space it holds (not counted back from the name)."""
    text = "Miễn 100% học phí đối  với học sinh dân tộc thiểu số, giảm 50% đối với học sinh hộ cận nghèo."
    rate = next(f for f in pipeline.extract(text) if f.text == "100%")
    assert rate.subject == "học phí đối với học sinh dân tộc thiểu số"

"""A naive regex extractor: the yardstick the pipeline is timed against.

One pass of a few stdlib patterns per fact family, no normalization, no
qualifiers, no overlap resolution, no records: what a first afternoon's
script would do.  Not part of the package; benchmarks/speed.py runs it
beside the pipeline on the same texts.
"""

import re

_NUM = r"\d+(?:[.,]\d+)*"
_PATTERNS = {
    "percentage": re.compile(rf"(?:trên|hơn|khoảng|gần|đạt)?\s*({_NUM})\s*%"),
    "money": re.compile(rf"({_NUM})\s*(?:nghìn|ngàn|triệu|tỷ|tỉ)?\s*(?:đồng|USD)", re.I),
    "area": re.compile(rf"({_NUM})\s*(?:ha|héc-ta|km2|m2)\b"),
    "ratio": re.compile(rf"({_NUM})\s*/\s*({_NUM})\s+(\w+)"),
    "count": re.compile(rf"({_NUM})\s+(người|hộ|mô hình|đảng viên|xã|thôn|lượt|cuộc|tổ|hội viên|công trình)", re.I),
    "document_ref": re.compile(r"(Nghị quyết|Chỉ thị|Quyết định|Kế hoạch|Kết luận|Quy định)\s+(?:số\s+)?(\d+[\w/-]*)"),
    "person_role": re.compile(r"(?:đồng chí|ông|bà)\s+((?:[A-ZĐ]\w*\s?){2,4})"),
    "date": re.compile(r"ngày\s+(\d{1,2})[/-](\d{1,2})[/-](\d{4})"),
}


def extract(text: str) -> list[dict]:
    """Facts as dicts: type, start, end, text and the groups matched."""
    out = []
    for kind, pattern in _PATTERNS.items():
        for m in pattern.finditer(text):
            out.append({"type": kind, "start": m.start(), "end": m.end(), "text": m.group(0), "groups": m.groups()})
    out.sort(key=lambda f: f["start"])
    return out

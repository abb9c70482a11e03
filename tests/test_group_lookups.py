"""Groups looked up by number (made once per pattern) read what the regex
module's look-ups by name read."""

from danvan_extract import Pipeline
from danvan_extract.extractors.base import Context, group, has_group
from danvan_extract.text import normalize

from .conftest import GOLD

_PIPELINE = Pipeline(context=False)


def test_group_and_has_group_equal_groupdict_on_gold_for_every_pattern():
    names = {"sp", "n1", "n2", "n3", "n4", "m1", "m2", "cur", "next", "pn", "d", "m", "y", "unit", "nothing"}
    seen = 0
    for path in sorted(GOLD.glob("*.txt"))[:12]:
        ctx = Context(normalize(path.read_text(encoding="utf-8")).text, _PIPELINE.rules, _PIPELINE.anchor_index)
        for pattern in _PIPELINE.scan_patterns:
            for m in ctx.scan(pattern):
                found = m.groupdict()
                for name in names:
                    assert group(m, name) == found.get(name)
                    assert has_group(m, name) == (name in found)
                seen += 1
    assert seen > 100

"""Write the pipeline's graded facts for a text as a draft gold file to
correct by hand (never to accept as is): one JSON object a line, with
null context fields where the pipeline has none.

    python scripts/draft_gold.py gold/dev/d01.txt > /tmp/d01.draft.jsonl
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from danvan_extract import Pipeline
from danvan_extract.records import GRADED_TYPES

NUMERIC = ("percentage", "count", "ratio", "area", "money")


def main(path: str) -> None:
    text = Path(path).read_text(encoding="utf-8")
    for fact in Pipeline().extract(text):
        if fact.type not in GRADED_TYPES:
            continue
        data = fact.model_dump(exclude={"rule"})
        if fact.type in NUMERIC:
            for key in ("subject", "location", "period"):
                data.setdefault(key, None)
        print(json.dumps(data, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1])

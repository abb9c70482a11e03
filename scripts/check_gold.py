"""Check gold files against the contract: offsets, text, schema (context
included), order, duplicates, and the article file ``<name>.doc.json``.

    python scripts/check_gold.py gold/dev            # every file in a folder
    python scripts/check_gold.py gold/dev/d01.facts.jsonl

Prints one line per problem and exits 1 when there is any.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from danvan_extract.scoring.evaluate import check_gold_fact
from danvan_extract.records import GRADED_TYPES, DocumentInfo

NUMERIC = ("percentage", "count", "ratio", "area", "money")


def check_file(facts_path: Path) -> list[str]:
    """Problems of one ``<name>.facts.jsonl`` (and its ``.txt``, ``.doc.json``)."""
    stem = facts_path.name[: -len(".facts.jsonl")]
    txt = facts_path.with_name(stem + ".txt")
    out = []
    if not txt.is_file():
        return [f"{facts_path}: no {txt.name} beside it"]
    text = txt.read_text(encoding="utf-8")
    facts = []
    for n, line in enumerate(facts_path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            fact = json.loads(line)
        except json.JSONDecodeError as exc:
            out.append(f"{facts_path}:{n}: not JSON: {exc}")
            continue
        facts.append(fact)
        if fact.get("type") not in GRADED_TYPES:
            out.append(f"{facts_path}:{n}: type {fact.get('type')!r} is not graded")
        for problem in check_gold_fact(text, fact):
            out.append(f"{facts_path}:{n}: {problem}")
        if fact.get("type") in NUMERIC:
            for key in ("subject", "location", "period"):
                if key not in fact:
                    out.append(f"{facts_path}:{n}: numeric fact without '{key}' (write null when the text does not say)")
    keys = [(f.get("start"), f.get("end"), f.get("type")) for f in facts]
    if len(keys) != len(set(keys)):
        out.append(f"{facts_path}: duplicate facts (same span and type)")
    starts = [f.get("start") for f in facts if isinstance(f.get("start"), int)]
    if starts != sorted(starts):
        out.append(f"{facts_path}: facts not sorted by start")
    doc = facts_path.with_name(stem + ".doc.json")
    if not doc.is_file():
        out.append(f"{facts_path}: no {doc.name} (title, published, location of the article)")
    else:
        try:
            DocumentInfo.model_validate_json(doc.read_text(encoding="utf-8"))
        except Exception as exc:  # pydantic ValidationError or bad JSON
            out.append(f"{doc}: {' '.join(str(exc).split())[:300]}")
    return out


def main(args: list[str]) -> int:
    paths: list[Path] = []
    for arg in args or ["gold"]:
        p = Path(arg)
        paths += sorted(p.rglob("*.facts.jsonl")) if p.is_dir() else [p]
    problems = [line for p in paths for line in check_file(p)]
    for line in problems:
        print(line)
    print(f"{len(paths)} files, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

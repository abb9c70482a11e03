"""Every fact that differs between two commits on the development texts.

    python scripts/fact_diff.py BASE [HEAD] [--texts gold/seeds gold/dev ...]

Each commit is checked out with ``git worktree`` into a temporary folder and
run in its own process (``PYTHONPATH=<checkout>/src``, so it reads its own
rules); HEAD defaults to the working tree.  Both extract the same texts (the
``*.txt`` files of the folders named, read from this checkout), one
``extract_document()`` per text.  Prints, per document, the document fields
and the facts that differ (a fact is matched by type and span first, so a
changed field shows as one line with the fields that changed) and exits 1
when anything differs.  Needs the package's dependencies in this python.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_TEXTS = ("gold/seeds", "gold/dev")

# Run inside the checked-out commit: one JSON line per input text.
_RUNNER = r"""
import json, sys
from danvan_extract.pipeline import Pipeline
pipeline = Pipeline()
for path in sys.argv[1:]:
    text = open(path, encoding="utf-8").read()
    doc = pipeline.extract_document(text, path).model_dump(mode="json")
    print(json.dumps(doc, ensure_ascii=False, sort_keys=True))
"""


def texts(folders: list[str]) -> list[str]:
    """The ``*.txt`` files of ``folders`` (relative to the checkout), sorted."""
    out = []
    for folder in folders:
        out += sorted(str(p) for p in (ROOT / folder).glob("*.txt"))
    return out


def run(src: Path, paths: list[str]) -> dict[str, dict]:
    """The documents extracted by the code in ``src``, by input path."""
    proc = subprocess.run([sys.executable, "-c", _RUNNER, *paths], env={**os.environ, "PYTHONPATH": str(src)},
                          capture_output=True, text=True, check=False)
    if proc.returncode:
        sys.exit(f"extraction with {src} failed:\n{proc.stderr}")
    docs = [json.loads(line) for line in proc.stdout.splitlines()]
    return {d["doc_id"]: d for d in docs}


def extract_at(commit: str | None, paths: list[str]) -> dict[str, dict]:
    """Documents extracted by ``commit`` (None: the working tree)."""
    if commit is None:
        return run(ROOT / "src", paths)
    with tempfile.TemporaryDirectory() as tmp:
        where = Path(tmp) / "checkout"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "-q", "--detach", str(where), commit], check=True)
        try:
            return run(where / "src", paths)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(where)], check=False)


def _key(f: dict) -> tuple:
    return f["type"], f["start"], f["end"]


def diff_document(a: dict, b: dict) -> list[str]:
    """Readable lines for what differs between two results of one document."""
    lines = []
    for name in sorted((set(a) | set(b)) - {"facts", "doc_id"}):
        if a.get(name) != b.get(name):
            lines.append(f"  document {name}: {a.get(name)!r} -> {b.get(name)!r}")
    before = {}
    for f in a.get("facts", []):
        before.setdefault(_key(f), []).append(f)
    after = {}
    for f in b.get("facts", []):
        after.setdefault(_key(f), []).append(f)
    for key in sorted(set(before) | set(after)):
        old, new = before.get(key, []), after.get(key, [])
        if old == new:
            continue
        if len(old) == 1 and len(new) == 1:
            changed = {k: (old[0].get(k), new[0].get(k)) for k in set(old[0]) | set(new[0])
                       if old[0].get(k) != new[0].get(k)}
            lines.append(f"  ~ {key[0]} {key[1]}-{key[2]} {old[0]['text']!r}: "
                         + "; ".join(f"{k}: {o!r} -> {n!r}" for k, (o, n) in sorted(changed.items())))
            continue
        for f in old:
            if f not in new:
                lines.append(f"  - {json.dumps(f, ensure_ascii=False, sort_keys=True)}")
        for f in new:
            if f not in old:
                lines.append(f"  + {json.dumps(f, ensure_ascii=False, sort_keys=True)}")
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("base", help="the commit to compare against")
    ap.add_argument("head", nargs="?", help="the later commit (default: the working tree)")
    ap.add_argument("--texts", nargs="+", default=list(DEFAULT_TEXTS), help="folders of *.txt inputs")
    args = ap.parse_args(argv)
    paths = texts(args.texts)
    a = extract_at(args.base, paths)
    b = extract_at(args.head, paths)
    n_facts = sum(len(d.get("facts", [])) for d in a.values())
    differing = 0
    for path in paths:
        lines = diff_document(a[path], b[path])
        if lines:
            differing += 1
            print(Path(path).relative_to(ROOT))
            print("\n".join(lines))
    print(f"{len(paths)} documents, {n_facts} facts at {args.base}: "
          f"{differing} document(s) differ at {args.head or 'the working tree'}")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())

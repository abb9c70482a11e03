"""Two versions of the pipeline side by side in one process.

``BASE`` is a commit, extracted (``git archive``) into a temporary folder,
or the ``src`` folder of another checkout; it is imported as the package
``danvan_base``, beside the checkout's ``danvan_extract``.  Both run over
the gold articles (one ``extract()`` per article), context on and off,
rounds alternating so that a busy machine slows them alike.  Times are CPU
seconds of this process, best round each.  Before timing, both must give
the same facts on every article (a speed change keeps every fact;
``--allow-diff`` only reports the articles that differ).

    python benchmarks/ab.py BASE [--rounds 30] [--allow-diff] [--paragraphs]

``--paragraphs``: one ``extract()`` per paragraph of the articles instead
(the per-call cost, as ``bench.py`` measures the pipeline beside
underthesea.ner).

Separate runs of ``speed.py`` on a shared VM vary by ±10 %; this ratio,
measured in one process, is the before/after figure to quote.
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from speed import best_rounds, texts  # noqa: E402


def load(src: Path, alias: str):
    """The package in ``src``/danvan_extract imported as ``alias`` (its rules
    found as a checkout's: ``src``/../rules)."""
    package = src / "danvan_extract"
    spec = importlib.util.spec_from_file_location(alias, package / "__init__.py",
                                                  submodule_search_locations=[str(package)])
    module = importlib.util.module_from_spec(spec)
    sys.modules[alias] = module
    spec.loader.exec_module(module)
    return module


def base_package(base: str, into: Path):
    """``base`` (a src folder, or a commit extracted into ``into``) as ``danvan_base``."""
    if (Path(base) / "danvan_extract").is_dir():
        return load(Path(base).resolve(), "danvan_base")
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", base, "src/danvan_extract", "rules"],
                             check=True, capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return load(into / "src", "danvan_base")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("base")
    ap.add_argument("--rounds", type=int, default=30)
    ap.add_argument("--allow-diff", action="store_true")
    ap.add_argument("--paragraphs", action="store_true", help="one extract() per paragraph")
    args = ap.parse_args()
    import danvan_extract

    docs = texts()
    if args.paragraphs:
        docs = [p for d in docs for p in d.split("\n") if p.strip()]
    chars = sum(map(len, docs))
    with tempfile.TemporaryDirectory(prefix="danvan-ab-") as tmp:
        base = base_package(args.base, Path(tmp))
        runners = {}
        for name, module in (("base", base), ("head", danvan_extract)):
            runners[f"{name}, context on"] = module.Pipeline().extract
            runners[f"{name}, context off"] = module.Pipeline(context=False).extract
        differ = [i for i, t in enumerate(docs)
                  if any([f.model_dump() for f in runners[f"base, {mode}"](t)]
                         != [f.model_dump() for f in runners[f"head, {mode}"](t)] for mode in ("context on", "context off"))]
        if differ and not args.allow_diff:
            raise SystemExit(f"facts differ on {len(differ)} article(s) (e.g. #{differ[0]}): "
                             f"use --allow-diff to time them anyway")
        for fn in runners.values():
            for t in docs:
                fn(t)
        best = best_rounds(runners, docs, args.rounds)
    print(f"{len(docs)} {'paragraphs' if args.paragraphs else 'articles'}, {chars:,} characters, best of {args.rounds} rounds; "
          f"base {args.base}, facts differ on {len(differ)} article(s)")
    for name, seconds in best.items():
        print(f"{name:<22}{seconds * 1000:8.1f} ms per round{chars / seconds / 1000:9,.0f} kchar/s")
    for mode in ("context on", "context off"):
        print(f"head ÷ base speed, {mode}: {best[f'base, {mode}'] / best[f'head, {mode}']:.3f}×")
    for name in ("base", "head"):
        print(f"{name}: context on ÷ off {best[f'{name}, context off'] / best[f'{name}, context on']:.3f}")


if __name__ == "__main__":
    main()

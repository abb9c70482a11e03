"""Hostile input at scale (issue #14), each case in a fresh process so its
memory is its own:

1. a 50 MB UTF-8 file with one stray byte in the middle: streamed, the byte
   reported, the facts kept (time, peak RSS);
2. 300,000 tiny files in 300 folders (time, files/s, peak RSS);
3. a hostile ``--rules`` folder: a catastrophic pattern (``(?:a|aa)+$``)
   against a 2 s budget (seconds per document, the rule named), references
   that expand exponentially (refused at load), one 500 KB share row.

    python benchmarks/hostile.py [--big-mb 50] [--tiny 300000] [--budget 2]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SENTENCE = "Thực hiện Nghị quyết số 25-NQ/TW, có 285 mô hình, chiếm 73,53%.\n"

# Peak RSS from /proc/self/status (VmHWM): ru_maxrss is carried over from
# the parent across fork and exec, so it would report the parent's peak.
_PEAK = """
import resource


def peak_mb():
    try:
        for line in open("/proc/self/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
"""

_BATCH = _PEAK + """
import json, resource, sys, time
from pathlib import Path
from danvan_extract.engines.local import run_batch
t0 = time.perf_counter()
s = run_batch(Path(sys.argv[1]), Path(sys.argv[2]), workers=int(sys.argv[3]), rules_dir=sys.argv[4] or None,
              time_budget=float(sys.argv[5]))
print(json.dumps({"seconds": time.perf_counter() - t0, "documents": s.documents, "failed": s.failed,
                  "facts": sum(s.facts.values()),
                  "main_rss_mb": peak_mb(),
                  "worker_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""

_CALL = _PEAK + """
import json, resource, sys, time
t0 = time.perf_counter()
outcome = "ok"
try:
    exec(sys.argv[1])
except Exception as exc:
    outcome = f"{type(exc).__name__}: {exc}"[:160]
print(json.dumps({"seconds": time.perf_counter() - t0, "outcome": outcome,
                  "rss_mb": peak_mb()}))
"""


def _python(*args: str) -> dict:
    env = {"PYTHONPATH": str(ROOT / "src")}
    import os

    proc = subprocess.run([sys.executable, "-c", *args], check=True, capture_output=True, text=True,
                          env={**os.environ, **env})
    return json.loads(proc.stdout.strip().splitlines()[-1])


def batch(folder: Path, out: Path, workers: int = 1, rules: str = "", budget: float = 60.0) -> dict:
    return _python(_BATCH, str(folder), str(out), str(workers), rules, str(budget))


def stray_byte(tmp: Path, mb: float) -> dict:
    folder = tmp / "big"
    folder.mkdir()
    line = SENTENCE.encode("utf-8")
    half = int(mb * 2**20 / 2 / len(line))
    with (folder / "big.txt").open("wb") as fh:  # in pieces: this process stays small
        for i in range(2 * half):
            fh.write(b"\xff" + line if i == half else line)
    res = batch(folder, tmp / "big.jsonl")
    with (tmp / "big.jsonl").open("rb") as fh:  # only the tail: the line holds ~2 M facts
        fh.seek(-2000, 2)
        res["errors"] = json.loads(fh.read().split(b',"errors":', 1)[1][:-2])
    res["lines_of_facts"] = 2 * half
    (folder / "big.txt").unlink()
    return res


def tiny_files(tmp: Path, n: int) -> dict:
    folder = tmp / "tiny"
    per = 1000
    for i in range(n):
        if i % per == 0:
            sub = folder / f"d{i // per:04}"
            sub.mkdir(parents=True)
        (sub / f"{i:07}.txt").write_text("có 285 mô hình", encoding="utf-8")
    res = batch(folder, tmp / "tiny.jsonl")
    res["files_per_second"] = res["documents"] / res["seconds"]
    return res


def hostile_rules(tmp: Path, budget: float) -> dict:
    rules = tmp / "evil_rules"
    rules.mkdir()
    (rules / "numeric.toml").write_text(
        "[[count]]\nname = \"evil\"\npattern = '(?:a|aa)+$'\nanchor = [\"line\"]\n", encoding="utf-8")
    folder = tmp / "evil_in"
    folder.mkdir()
    for i in range(5):  # every line slow: unbounded, each document would take minutes
        (folder / f"e{i}.txt").write_text(SENTENCE + ("a" * 30 + "b\n") * 50, encoding="utf-8")
    (folder / "good.txt").write_text(SENTENCE, encoding="utf-8")
    res = batch(folder, tmp / "evil.jsonl", workers=2, rules=str(rules), budget=budget)
    docs = [json.loads(line) for line in (tmp / "evil.jsonl").read_text(encoding="utf-8").splitlines()]
    res["seconds_per_slow_document"] = res["seconds"] / 5
    res["first_error"] = docs[0]["errors"][0] if docs[0]["errors"] else None
    return res


def reference_bomb(tmp: Path) -> dict:
    rules = tmp / "bomb_rules"
    rules.mkdir()
    refs = {"r0": "(?:a|b)"}
    for level in range(1, 7):
        refs[f"r{level}"] = "".join("{r%d}" % (level - 1) for _ in range(8))
    bundled = (ROOT / "rules" / "numeric.toml").read_text(encoding="utf-8")
    body = "\n".join(f"{k} = '{v}'" for k, v in refs.items())
    (rules / "numeric.toml").write_text(bundled.replace("\n[refs]\n", f"\n[refs]\n{body}\n", 1)
                                        + "\n[[count]]\nname = 'bomb'\npattern = '{r6}'\n", encoding="utf-8")
    return _python(_CALL, f"from danvan_extract import Pipeline; Pipeline({str(rules)!r})")


def share_row(kb: int = 500) -> dict:
    code = ("from danvan_extract import Pipeline; p = Pipeline(); "
            f"p.extract('Có 285 mô hình.\\n' + 'fb | ' * {kb * 1024 // 5} + 'x\\n')")
    return _python(_CALL, code)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--big-mb", type=float, default=50.0)
    ap.add_argument("--tiny", type=int, default=300_000)
    ap.add_argument("--budget", type=float, default=2.0)
    ap.add_argument("--skip", default="", help="comma-separated case numbers (1-5) to leave out")
    args = ap.parse_args()
    skip = {int(x) for x in args.skip.split(",") if x}
    tmp = Path(tempfile.mkdtemp(prefix="danvan-hostile-"))
    results = {}
    cases = [("stray byte in a %g MB UTF-8 file" % args.big_mb, lambda: stray_byte(tmp, args.big_mb)),
             ("hostile rules folder, budget %g s, 2 workers" % args.budget, lambda: hostile_rules(tmp, args.budget)),
             ("references 8 x 6 levels at load", lambda: reference_bomb(tmp)),
             ("one 500 KB share row", share_row),
             ("%d tiny files" % args.tiny, lambda: tiny_files(tmp, args.tiny))]
    try:
        for number, (name, fn) in enumerate(cases, 1):
            if number in skip:
                continue
            t0 = time.perf_counter()
            results[name] = fn()
            print(f"{name}: {json.dumps(results[name], ensure_ascii=False)} "
                  f"(case {time.perf_counter() - t0:.1f} s with setup)", flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()

"""Experiment for issue #11: subjects of counts and ratios from underthesea's POS
tags (the noun and the tagged words after it, up to a preposition,
conjunction or punctuation) against the rules in danvan_extract.context.
Prints mean syllable F1, the share of pairs with F1 >= 0.5, and the time
the tagger took, on gold/seeds and gold/dev.

    python benchmarks/subject_pos_experiment.py
"""
import json, glob, time
from danvan_extract import Pipeline
from danvan_extract.scoring.context_scoring import subject_f1
from danvan_extract.scoring.evaluate import load_gold, match
from underthesea import pos_tag

KEEP = {"N", "Np", "Nc", "Nu", "A", "V", "M", "R"}
def pos_subject(text, f):
    tail = text[f.end - len(f.noun or ""): f.end + 120] if f.noun else None
    if not tail: return None
    tail = tail.split("\n")[0]
    out = []
    for word, tag in pos_tag(tail):
        if tag not in KEEP or word in ("của", "tại", "năm", "trong", "với", "chiếm"):
            break
        out.append(word)
        if len(out) >= 8: break
    return " ".join(out) or None

p = Pipeline()
from pathlib import Path
ROOT = Path(__file__).resolve().parent.parent
for d in (ROOT / "gold" / "seeds", ROOT / "gold" / "dev"):
    rules = []; pos = []; cost = 0.0
    for doc_id, text, gold in load_gold(d):
        pred = [f for f in p.extract(text)]
        pd = [f.model_dump() for f in pred]
        pairs = match([g for g in gold if g["type"] in ("count", "ratio")], [x for x in pd if x["type"] in ("count", "ratio")], strict=False)
        for g, x in pairs:
            if not (g.get("subject") or x.get("subject")): continue
            f = next(f for f in pred if f.start == x["start"] and f.type == x["type"])
            t = time.perf_counter(); s = pos_subject(text, f); cost += time.perf_counter() - t
            rules.append(subject_f1(g.get("subject"), x.get("subject")))
            pos.append(subject_f1(g.get("subject"), s))
    n = len(rules)
    print(d.name, n, "rules mean %.3f share %.3f" % (sum(rules)/n, sum(r >= .5 for r in rules)/n),
          "| pos mean %.3f share %.3f" % (sum(pos)/n, sum(r >= .5 for r in pos)/n), "| pos cost %.2f s" % cost)

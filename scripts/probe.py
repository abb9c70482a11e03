"""Print what the pipeline finds in each argument (or each line of a file given with -f).

    python scripts/probe.py "Câu thứ nhất." "Câu thứ hai."
    python scripts/probe.py -f my_sentences.txt
"""

import sys
from danvan_extract import Pipeline

args = sys.argv[1:]
if args[:1] == ["-f"]:
    args = [l.rstrip("\n").replace("\\n", "\n") for l in open(args[1], encoding="utf-8") if l.strip()]
p = Pipeline()
for s in args:
    print("==", s)
    for f in p.extract(s):
        d = f.model_dump(exclude_none=True)
        d.pop("start", None); d.pop("end", None)
        print("   ", d)

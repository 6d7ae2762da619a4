"""A paired bootstrap by article of two arms' per-document counts (cv_ar_args.py --perdoc FILE; argfit20, #14).

    .venv/bin/python benchmarks/events_corpus/paired_docs.py FILE ARM_A ARM_B [--part dev|train_cv] [--n 5000]

For class and main actor right and every argument right: A's and B's rate over the part's gold mentions, the
difference B - A, the documents where B gains / loses mentions, and the 95% interval of the difference when the
documents are drawn again with replacement (the same draw for both arms: a paired test).
"""
from __future__ import annotations

import argparse
import json
import random
import sys


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("file")
    ap.add_argument("a")
    ap.add_argument("b")
    ap.add_argument("--part", default="dev")
    ap.add_argument("--n", type=int, default=5000)
    x = ap.parse_args()
    per = json.loads(open(x.file, encoding="utf-8").read())
    A = per[x.a].get(x.part) or per[x.a].get("train_in_sample")
    B = per[x.b][x.part]
    docs = sorted(set(A) & set(B))
    rng = random.Random(0)
    for i, name in ((1, "class and main actor"), (2, "every argument right")):
        gold = sum(A[d][0] for d in docs)
        a, b = sum(A[d][i] for d in docs), sum(B[d][i] for d in docs)
        up = sum(1 for d in docs if B[d][i] > A[d][i])
        down = sum(1 for d in docs if B[d][i] < A[d][i])
        diffs = []
        for _ in range(x.n):
            s = [docs[rng.randrange(len(docs))] for _ in docs]
            g = sum(A[d][0] for d in s) or 1
            diffs.append((sum(B[d][i] for d in s) - sum(A[d][i] for d in s)) / g)
        diffs.sort()
        lo, hi = diffs[int(0.025 * x.n)], diffs[int(0.975 * x.n) - 1]
        print(f"{x.part} {name}: {x.a} {a / gold:.3f} -> {x.b} {b / gold:.3f} ({b - a:+d} of {gold} mentions; "
              f"{up} documents up, {down} down; 95% {lo:+.3f} .. {hi:+.3f}; B below A in "
              f"{sum(1 for v in diffs if v < 0) / x.n:.0%} of draws)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Retrain the riwaya Arabic NER CRF on ANERcorp (CAMeL train split).

Usage: python scripts/train_ner.py [--data DIR] [--out riwaya/data/ner/crf.model]
"""
import argparse
import sys
from pathlib import Path

import sklearn_crfsuite

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from riwaya.ner.features import sent2features  # noqa: E402


def read_conll(path):
    sents, cur = [], []
    for ln in Path(path).read_text(encoding="utf-8").splitlines():
        ln = ln.strip()
        if not ln:
            if cur:
                sents.append(cur)
                cur = []
            continue
        w, _, t = ln.rpartition(" ")
        cur.append((w, t))
    if cur:
        sents.append(cur)
    return sents


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="/work/shared/data/anercorp_camel_splits")
    ap.add_argument("--out", default="riwaya/data/ner/crf.model")
    ap.add_argument("--iters", type=int, default=150)
    a = ap.parse_args()
    train = read_conll(Path(a.data) / "ANERCorp_CamelLab_train.txt")
    X = [sent2features([w for w, _ in s]) for s in train]
    y = [[t for _, t in s] for s in train]
    crf = sklearn_crfsuite.CRF(algorithm="lbfgs", c1=0.1, c2=0.01,
                               max_iterations=a.iters, model_filename=a.out)
    crf.fit(X, y)
    print("saved", a.out)


if __name__ == "__main__":
    main()

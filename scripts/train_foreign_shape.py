"""Learn the letter shape of a name the tagger has not seen (riwaya.ner._foreign_names): a logistic regression on
character n-grams of rare words, names (PERS/LOC/ORG tokens of ANERcorp's CAMeL train split and Wojood's train
sample) against the other words, both only among the words the rule considers (rarer than foreign_name_zipf,
name-like). Writes riwaya/data/ner/foreign_shape.tsv (n-gram TAB weight; the bias as the n-gram '<bias>').

    nice python scripts/train_foreign_shape.py [--dev]    # --dev: hold out a fifth of the words, print P/R

Offline build step (scikit-learn); the runtime sums the weights itself.
"""
import argparse
import math
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
from train_ner import read_conll, read_wojood  # noqa: E402

OUT = ROOT / "riwaya" / "data" / "ner" / "foreign_shape.tsv"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--aner", default="/work/shared/data/anercorp_camel_splits/ANERCorp_CamelLab_train.txt")
    ap.add_argument("--wojood", default="/work/shared/data/wojood_sample/train.txt")
    ap.add_argument("--dev", action="store_true")
    ap.add_argument("--c", type=float, default=1.0)
    ap.add_argument("--min-weight", type=float, default=0.05, help="drop n-grams with a smaller |weight|")
    a = ap.parse_args()
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import LogisticRegression
    from riwaya.ner import _name_like, _rules, shape_key
    from riwaya.ner.morph import zipf
    th = _rules()["foreign_name_zipf"]
    label = {}
    for s in read_conll(a.aner) + read_wojood(a.wojood):
        for w, t in s:
            if len(w) < 3 or zipf(w) >= th or not _name_like(w):
                continue
            k = shape_key(w)
            v = label.setdefault(k, [0, 0])
            v[t != "O"] += 1
    words = sorted(label)
    y = [int(label[k][1] > label[k][0]) for k in words]
    print(f"{len(words)} words, {sum(y)} names")
    idx = list(range(len(words)))
    random.Random(0).shuffle(idx)
    test = set(idx[:len(idx) // 5]) if a.dev else set()
    tr = [i for i in idx if i not in test]
    vec = CountVectorizer(analyzer="char", ngram_range=(1, 4), binary=True, min_df=2)
    X = vec.fit_transform([f"<{words[i]}>" for i in tr])
    clf = LogisticRegression(C=a.c, max_iter=2000, class_weight="balanced").fit(X, [y[i] for i in tr])
    if test:
        te = sorted(test)
        p = clf.predict_proba(vec.transform([f"<{words[i]}>" for i in te]))[:, 1]
        for cut in (0.5, 0.6, 0.7, 0.8, 0.9):
            tp = sum(1 for i, q in zip(te, p) if q >= cut and y[i])
            n = sum(1 for q in p if q >= cut)
            g = sum(y[i] for i in te)
            print(f"cut {cut}: P {tp / max(n, 1):.3f} R {tp / max(g, 1):.3f} ({n} predicted, {g} names)")
        return
    rows = [(g, w) for g, w in zip(vec.get_feature_names_out(), clf.coef_[0]) if abs(w) >= a.min_weight]
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("# n-gram\tweight: scripts/train_foreign_shape.py (a word's score: <bias> + the weights of the\n"
                "# character 1-4-grams of <word>, each once; a logistic model's log-odds that it is a name)\n")
        f.write(f"<bias>\t{clf.intercept_[0]:.4f}\n")
        for g, w in sorted(rows):
            f.write(f"{g}\t{w:.4f}\n")
    print(f"wrote {OUT} ({len(rows)} n-grams)")


if __name__ == "__main__":
    main()

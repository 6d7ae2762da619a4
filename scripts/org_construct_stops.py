"""What follows an organisation's head and its definite genitive (وزارة الداخلية, with any nisba adjectives
after it: وزارة الداخلية السعودية) in the training gold, and how often the name goes on over it: the counts
behind entity_rules.yaml org_construct_stops (ner._construct_org_end). Read on ANERcorp train and Wojood train
only (never a dev or test split).

    python scripts/org_construct_stops.py [--examples]
"""
import argparse
import collections
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
from riwaya.ner import _rules, _word_class  # noqa: E402
from riwaya.ner.features import norm  # noqa: E402
from train_ner import read_conll, read_wojood  # noqa: E402

DATA = Path("/work/shared/data")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--examples", action="store_true")
    a = ap.parse_args()
    r = _rules()
    heads = r["org_pattern_heads"] | r["org_named_heads"]
    titles = {norm(w) for w in r.get("person_title_words", [])}
    sents = read_conll(DATA / "anercorp_camel_splits" / "ANERCorp_CamelLab_train.txt") + \
        read_wojood(DATA / "wojood_sample" / "train.txt")
    stats = collections.defaultdict(lambda: [0, 0])
    ex = collections.defaultdict(list)
    for s in sents:
        for i in range(len(s) - 2):
            h, g = norm(s[i][0]), norm(s[i + 1][0])
            if not (h in heads or (h[:1] in "وفبل" and h[1:] in heads)) or s[i][1][2:] != "ORG" \
                    or s[i + 1][1] != "I-ORG" or not g.startswith("ال"):
                continue
            j = i + 2
            while j < len(s) and s[j][1] == "I-ORG" and _word_class(norm(s[j][0])) == "def_nisba":
                j += 1
            if j >= len(s):
                continue
            c = _word_class(norm(s[j][0]))
            if c == "def_nisba":
                continue
            if c == "indef" and (g in titles or g[2:] in titles):
                c = "indef after a title"
            goes_on = s[j][1] == "I-ORG"
            stats[c][goes_on] += 1
            if len(ex[(c, goes_on)]) < 4:
                ex[(c, goes_on)].append(" ".join(w for w, _ in s[i:j + 2]))
    for c, (stop, on) in sorted(stats.items(), key=lambda x: -sum(x[1])):
        print(f"{c:22s} goes on {on:4d}  stops {stop:4d}  ({on / (on + stop):.2f})")
        if a.examples:
            print("    on:   ", " | ".join(ex[(c, True)]))
            print("    stops:", " | ".join(ex[(c, False)]))


if __name__ == "__main__":
    main()

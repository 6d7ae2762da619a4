"""Which organisation head nouns start a name the pattern (riwaya/ner: _org_patterns) reads right, learned
from the tagger's training data: every head of entity_rules.yaml's org_heads is tried as a pattern head on
ANERcorp train and Wojood train (less their dev tails, the sentences scripts/train_ner.py --dev 400
--wojood-dev 250 holds out), and each head's spans are scored against the gold ORG spans (exact: the same
end, the start at most a proclitic apart; overlap: any ORG token inside).

    python scripts/learn_org_heads.py [--min-precision 0.5] [--min-spans 5]

A head whose spans are exact in at least --min-precision of its at least --min-spans spans in either
corpus is printed as a pattern head (entity_rules.yaml: org_pattern_heads keeps the issue's heads and
these). ANERcorp leaves ministries, armies and forces untagged, so a head can pass on Wojood alone.
"""
import argparse
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "benchmarks" / "ner"))
from eval_pipeline import join  # noqa: E402
from train_ner import read_conll, read_wojood, spans  # noqa: E402

import riwaya.ner as ner  # noqa: E402
from riwaya.ner.morph import _kb_words  # noqa: E402


def head_stats(sents, doc=15):
    """{head: [pattern spans, exact gold ORG, overlapping a gold ORG]} with every org_heads word a pattern head."""
    r = ner._rules()
    saved = r["org_pattern_heads"]
    r["org_pattern_heads"] = set(r["org_heads"])
    ner._head_split.cache_clear()
    st = defaultdict(lambda: [0, 0, 0])
    try:
        for k in range(0, len(sents), doc):
            chunk = sents[k:k + doc]
            text, starts, ends = join(chunk)
            gold = [(typ, starts[i][a], ends[i][b - 1]) for i, s in enumerate(chunk)
                    for typ, a, b in spans([t for _, t in s])]
            by_end = {e: (t, s) for t, s, e in gold}
            for s, e in ner._org_patterns(text, _kb_words()):
                n, p = ner._head_split(text[s:e].split()[0])
                head = n[p:]
                head = head[2:] if head.startswith("ال") and head[2:] in r["org_heads"] else head
                x = st[head]
                x[0] += 1
                g = by_end.get(e)
                x[1] += bool(g and g[0] == "ORG" and g[1] <= s <= g[1] + 3)
                x[2] += any(t == "ORG" and a < e and s < b for t, a, b in gold)
    finally:
        r["org_pattern_heads"] = saved
        ner._head_split.cache_clear()
    return st


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--aner", default="/work/shared/data/anercorp_camel_splits/ANERCorp_CamelLab_train.txt")
    ap.add_argument("--wojood", default="/work/shared/data/wojood_sample/train.txt")
    ap.add_argument("--dev", type=int, default=400)
    ap.add_argument("--wojood-dev", type=int, default=250)
    ap.add_argument("--min-precision", type=float, default=0.5)
    ap.add_argument("--min-spans", type=int, default=5)
    a = ap.parse_args()
    chosen = set()
    for label, sents in (("Wojood train", read_wojood(a.wojood)[:-a.wojood_dev or None]),
                         ("ANERcorp train", read_conll(a.aner)[:-a.dev or None])):
        print(label)
        for h, (n, ex, ov) in sorted(head_stats(sents).items(), key=lambda kv: -kv[1][0]):
            ok = n >= a.min_spans and ex / n >= a.min_precision
            chosen |= {h} if ok else set()
            print(f"  {h:10s} spans {n:4d}  exact {ex:4d} ({ex / n:.2f})  overlap {ov:4d} ({ov / n:.2f})" + ("  *" if ok else ""))
    print("pattern heads learned:", ", ".join(sorted(chosen)))


if __name__ == "__main__":
    main()

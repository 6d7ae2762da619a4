"""Evaluate the riwaya CRF on ANERcorp CAMeL test: P/R/F1 per type + micro, tokens/sec.

Usage: python benchmarks/ner/eval_ner.py [--data DIR] [--seeds corpus/fall-of-assad] [--model F]
ANERcorp has no document breaks; runs of 15 sentences are the documents for doc features.
"""
import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from riwaya.ner import _tagger, recognize  # noqa: E402
from riwaya.ner.features import TRIM, lexicons  # noqa: E402
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
from train_ner import DOC, featurize, propagate, read_conll, read_wojood, score, show, tag_all  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="/work/shared/data/anercorp_camel_splits")
    ap.add_argument("--seeds", default="corpus/fall-of-assad")
    ap.add_argument("--model", default=None, help="CRF model file (default: the shipped one)")
    ap.add_argument("--doc", type=int, default=DOC, help="sentences per pseudo-document")
    ap.add_argument("--trim", type=float, default=TRIM, help="post-pass trim threshold (0: off)")
    ap.add_argument("--no-merge", action="store_true", help="no post-pass merge of adjacent spans")
    ap.add_argument("--wojood", default="/work/shared/data/wojood_sample/val.txt",
                    help="Wojood file scored as PERS/ORG/LOC ('' to skip)")
    a = ap.parse_args()
    test = read_conll(Path(a.data) / "ANERCorp_CamelLab_test.txt")
    if a.model:
        import pycrfsuite
        tagger = pycrfsuite.Tagger()
        tagger.open(a.model)
    else:
        tagger = _tagger()
    lexicons()  # load the data files outside the timed loop
    ntok = sum(len(s) for s in test)
    t0 = time.perf_counter()
    preds, confs = tag_all(tagger, featurize(test, a.doc), test, a.trim, not a.no_merge, with_conf=True)
    dt = time.perf_counter() - t0
    gold = [[t for _, t in s] for s in test]
    print("CRF + post-pass (trim/merge):")
    show(score(gold, preds))
    print("... + in-document propagation (pseudo-documents of --doc sentences):")
    show(score(gold, propagate(test, preds, confs, a.doc)))
    print(f"tokens/sec (features+CRF): {ntok / dt:,.0f}  ({ntok} tokens, {dt:.2f}s)")
    if a.wojood and Path(a.wojood).exists():
        wj = read_wojood(a.wojood)
        wp, wc = tag_all(tagger, featurize(wj, a.doc), wj, a.trim, not a.no_merge, with_conf=True)
        print(f"Wojood {Path(a.wojood).name} (GPE/LOC/FAC as LOC), CRF + post-pass + propagation:")
        wp = [[t if not t.endswith("MISC") else "O" for t in s] for s in propagate(wj, wp, wc, a.doc)]
        show(score([[t for _, t in s] for s in wj], wp))      # Wojood has no MISC: those are not counted
    seeds = sorted(Path(a.seeds).glob("*.txt"))[:5] if Path(a.seeds).exists() else []
    for f in seeds:
        text = f.read_text(encoding="utf-8")
        t0 = time.perf_counter()
        ms = recognize(text)
        dt = time.perf_counter() - t0
        print(f"\n== {f.name} ({len(text)} chars, {dt * 1000:.1f} ms)")
        for m in ms[:25]:
            print(f"  {m.type:12s} {m.text} [{m.source} {m.confidence}]" + (f" role={m.role}" if m.role else ""))


if __name__ == "__main__":
    main()

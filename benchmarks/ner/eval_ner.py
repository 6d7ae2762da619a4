"""Evaluate the riwaya CRF on ANERcorp CAMeL test: P/R/F1 per type + micro, tokens/sec.

Usage: python benchmarks/ner/eval_ner.py [--data DIR] [--seeds /work/shared/seeds]
"""
import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from riwaya.ner import _tagger, recognize  # noqa: E402
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


def spans(tags):
    out, cur = set(), None
    for i, t in enumerate(tags + ["O"]):
        if t.startswith("B-") or t == "O" or (t.startswith("I-") and (cur is None or cur[0] != t[2:])):
            if cur:
                out.add((cur[0], cur[1], i))
            cur = (t[2:], i) if t != "O" else None
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="/work/shared/data/anercorp_camel_splits")
    ap.add_argument("--seeds", default="/work/shared/seeds")
    a = ap.parse_args()
    test = read_conll(Path(a.data) / "ANERCorp_CamelLab_test.txt")
    tagger = _tagger()
    stats = {}
    ntok = sum(len(s) for s in test)
    t0 = time.perf_counter()
    preds = []
    for s in test:
        tagger.set(sent2features([w for w, _ in s]))
        preds.append(tagger.tag())
    dt = time.perf_counter() - t0
    for s, p in zip(test, preds):
        g = spans([t for _, t in s])
        q = spans(list(p))
        for typ in {x[0] for x in g | q}:
            st = stats.setdefault(typ, [0, 0, 0])
            gg = {x for x in g if x[0] == typ}
            qq = {x for x in q if x[0] == typ}
            st[0] += len(gg & qq)
            st[1] += len(qq)
            st[2] += len(gg)
    tot = [sum(v[i] for v in stats.values()) for i in range(3)]
    for typ, (tp, np_, ng) in sorted(stats.items()) + [("MICRO", tot)]:
        p = tp / np_ if np_ else 0
        r = tp / ng if ng else 0
        f = 2 * p * r / (p + r) if p + r else 0
        print(f"{typ:6s} P={p:.3f} R={r:.3f} F1={f:.3f} (gold {ng})")
    print(f"tokens/sec (features+CRF): {ntok / dt:,.0f}  ({ntok} tokens, {dt:.2f}s)")
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

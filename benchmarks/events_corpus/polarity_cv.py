"""Arabic polarity by cause: the polarity model refit on train folds, scored out of fold (deny21, #14/#15).

    .venv/bin/python benchmarks/events_corpus/polarity_cv.py cache FILE        # analyse train + dev once
    .venv/bin/python benchmarks/events_corpus/polarity_cv.py cv FILE [--errors N] [--grep WORD]

`cache`: every Arabic train and dev document analysed as scripts/train_events.py samples them (learned stage
off, the shipped proposer at its training threshold and learned trigger forms), the matched mentions' events
pickled with the gold polarity. `cv`: polarity_features recomputed from the cache (so a change of the features
or of cues.yaml is measured without analysing again), the model refit on 5 folds of train by document and on
all of train for dev; accuracy and each gold <- predicted confusion, with the sentences of the errors.
"""
from __future__ import annotations

import os
import pickle
import sys
from collections import Counter
from pathlib import Path

os.environ["RIWAYA_EVENTS_LEARNED"] = "0"
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402
import eval_corpus  # noqa: E402


def cache(path: str) -> None:
    import json
    import train_events as te
    from riwaya.analyze import analyze
    from riwaya.events import learned, propose
    from riwaya.events.extract import load_lexicon
    keep = json.loads((ROOT / "riwaya/data/events/model.json").read_text(encoding="utf-8"))["ar"]
    learned.EXTRA_OVERRIDE = {"ar": keep.get("extra_triggers") or {}}
    load_lexicon.cache_clear()
    prop = keep.get("proposer")
    propose.OVERRIDE = {**prop, "detect": {**prop["detect"], "logit": te._logit(te.PROPOSER_TRAIN_THRESHOLD)}}
    recs = [r for r in eval_corpus.load(None, "ar") if r["split"] in ("train", "dev")]
    out = []
    for n, r in enumerate(recs):
        text = corpus.text(r["doc"])
        an = analyze(eval_corpus.document(r["doc"]))
        evs = [e for e in an.events if learned.lang_of(e) == "ar"]
        pred = [{"trigger": {"start": e.trigger_start, "end": e.trigger_end, "text": e.trigger}, "class": e.cls}
                for e in evs]
        pairs = {pi: gi for gi, pi in eval_corpus.match(r["events"], pred, text)}
        out.append({"doc": r["doc"], "split": r["split"], "annotator": r.get("annotator"), "text": text,
                    "events": evs, "gold": {pi: r["events"][gi]["polarity"] for pi, gi in pairs.items()}})
        if n % 50 == 0:
            print(n, len(recs), file=sys.stderr)
    Path(path).write_bytes(pickle.dumps(out))


def samples(docs: list[dict]) -> list[tuple]:
    from riwaya.events import learned
    out = []
    for d in docs:
        T = learned.Text(d["text"])
        for pi, ev in enumerate(d["events"]):
            if pi in d["gold"]:
                out.append((learned.polarity_features(T, ev, d["events"][:pi]), d["gold"][pi], d["doc"], T, ev))
    return out


def predict(model: dict, T, ev, feats) -> str:
    """The decision learned.refine makes (the model, then the rules after it)."""
    from riwaya.events import learned
    p = learned.scores(model, feats)
    pol = max(p, key=p.get)
    return "hypothetical" if pol == "asserted" and learned._ability(T, ev) else pol


def out_of_fold(tr: list, C: float) -> list:
    """Each train sample's prediction by a model fitted on the other 4 of 5 folds by document."""
    import train_events as te
    ids = sorted({s[2] for s in tr})
    fold = {d: k % 5 for k, d in enumerate(ids)}
    cv_pred = [None] * len(tr)
    for k in range(5):
        m = te.fit([(s[0], s[1]) for s in tr if fold[s[2]] != k], C)
        for n, s in enumerate(tr):
            if fold[s[2]] == k:
                cv_pred[n] = predict(m, s[3], s[4], s[0])
    return cv_pred


def main() -> int:
    import argparse
    ap = argparse.ArgumentParser()
    ap.add_argument("what", choices=["cache", "cv"])
    ap.add_argument("file")
    ap.add_argument("--errors", type=int, default=0)
    ap.add_argument("--grep", default=None, help="print only errors whose sentence has this word")
    ap.add_argument("--part", default="cv", choices=["cv", "dev"])
    ap.add_argument("--C", type=float, default=0.5)
    a = ap.parse_args()
    if a.what == "cache":
        cache(a.file)
        return 0
    import train_events as te
    docs = pickle.loads(Path(a.file).read_bytes())
    tr = samples([d for d in docs if d["split"] == "train"])
    dv = samples([d for d in docs if d["split"] == "dev"])
    cv_pred = out_of_fold(tr, a.C)
    m = te.fit([(s[0], s[1]) for s in tr], a.C)
    dv_pred = [predict(m, s[3], s[4], s[0]) for s in dv]
    for name, S, P in (("train 5-fold CV", tr, cv_pred), ("dev", dv, dv_pred)):
        ok = sum(p == s[1] for s, p in zip(S, P))
        conf = Counter(f"{s[1]}<-{p}" for s, p in zip(S, P) if p != s[1])
        print(f"{name}: {ok}/{len(S)} = {ok / len(S):.4f}; {dict(conf.most_common())}")
    S, P = (tr, cv_pred) if a.part == "cv" else (dv, dv_pred)
    shown = 0
    for s, p in zip(S, P):
        if p == s[1] or shown >= a.errors:
            continue
        T, ev = s[3], s[4]
        s0, s1 = T.sentence(ev.trigger_start)
        left = T.text[max(s0, ev.trigger_start - 90):ev.trigger_start].replace("\n", " ")
        right = T.text[ev.trigger_end:min(s1, ev.trigger_end + 40)].replace("\n", " ")
        if a.grep and a.grep not in left + right:
            continue
        shown += 1
        print(f"{s[1]}<-{p}\t{ev.type}\t{left}[[{ev.trigger}]]{right}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Train the loose time model: a duration or vague time as an event's own time (time21, issue #14).

    PYTHONPATH=$PWD .venv/bin/python scripts/train_time_loose.py [--cache DIR] [--out riwaya/data/events/time_loose.json]

The annotation marks as an event's time the expression that tells when it happened, durations and vague
times included ("قبل أيام"، "منذ أسبوعين"، "خلال الأيام الماضية"، "مؤخرا"); the dated model (own_time.py,
model.json's ``time``) judges dates and clock times only. For each Arabic train event matched to a gold
mention and left with no time by the shipped models, every duration and vague time of its sentence is a
sample (own_time.loose_features), labelled 1 when it overlaps the gold time. A logistic regression (the same
shape as scripts/train_events.py's, scored by learned.scores) is fit on all of train; its threshold is the
one grouped 5-fold cross-validation over train (by article) puts the most events' time slot right with; it
ships only when that beats giving no loose time at all. Dev is not read here (it is the held-out check:
benchmarks/events_corpus/eval_corpus.py --split dev).

--cache DIR keeps each article's analysis before learned.refine (benchmarks/events_corpus/slot_breaks.py's
cache, the same files): delete it after a change to the rules or the NER.
"""
from __future__ import annotations

import argparse
import copy
import json
import sys
import zlib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks" / "events_corpus"))

import corpus  # noqa: E402
import eval_corpus  # noqa: E402
import slot_breaks  # noqa: E402
from riwaya.events import learned, own_time  # noqa: E402
from riwaya.events.extract import load_lexicon  # noqa: E402

THRESHOLDS = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7)
PRUNE = 0.1
CS = (0.1, 0.3, 1.0)


def samples(records: list[dict], cache: Path) -> tuple[list, list[str]]:
    """Per matched Arabic event with no time after the dated model: ([(features, label)], has a gold time)."""
    learned.LOOSE_TIME = False
    lex = load_lexicon()
    data, docs = [], []
    for r in records:
        doc = eval_corpus.document(r["doc"])
        text = corpus.text(r["doc"])
        pre = slot_breaks._pre_refine(doc, cache)
        if pre is None:
            continue
        triggers = [(e.trigger_start, e.trigger_end) for e in pre.events]     # as refine reads them
        an = learned.refine(doc.text, copy.deepcopy(pre))
        T = learned.Text(text)
        ref = own_time.reference(an.times)
        evs = [e for e in an.events if learned.lang_of(e) == "ar"]
        pred = [{"trigger": {"start": e.trigger_start, "end": e.trigger_end, "text": e.trigger}, "class": e.cls}
                for e in evs]
        gold = r["events"]
        for gi, pi in eval_corpus.match(gold, pred, text):
            ev = evs[pi]
            if ev.time is not None:
                continue
            gt = [a for a in gold[gi]["args"] if a["role"] == "time"]
            cands = own_time.loose_candidates(T, ev, an.times)
            if not cands:
                continue
            dated = own_time.candidates(T, ev, an.times)
            nominal = learned.is_nominal(ev)
            rows = [(own_time.loose_features(T, ev, c, cands, dated, triggers, ref, lex, nominal),
                     "1" if any(a["start"] < c.end and c.start < a["end"] for a in gt) else "0") for c in cands]
            data.append((rows, bool(gt)))
            docs.append(r["doc"])
    learned.LOOSE_TIME = True
    return data, docs


def fit(rows: list, C: float) -> dict:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    vec = DictVectorizer()
    X = vec.fit_transform([{f: 1 for f in feats} for feats, _ in rows])
    clf = LogisticRegression(C=C, max_iter=3000)
    clf.fit(X, [lab for _, lab in rows])
    w = {}
    for name, idx in vec.vocabulary_.items():
        v = round(float(clf.coef_[0][idx]), 2)
        if abs(v) >= PRUNE:
            w[name] = [0.0, v]
    return {"classes": [str(c) for c in clf.classes_], "bias": [0.0, round(float(clf.intercept_[0]), 4)], "w": w}


def tally(model: dict | None, data: list, threshold: float) -> Counter:
    """Events' time slot right (the pick overlaps the gold time, or no pick and no gold time), and the
    picks right and wrong; model None: no loose time at all."""
    c = Counter()
    for rows, has_gold in data:
        p = max(((learned.scores(model, f)["1"], lab) for f, lab in rows), default=(0.0, None)) if model else (0.0, None)
        pick = p[1] if p[0] >= threshold else None
        c["tp"] += pick == "1"
        c["fp"] += pick == "0"
        c["ok"] += pick == "1" or (pick is None and not has_gold)
        c["n"] += 1
    return c


def cv(data: list, docs: list[str], C: float, k: int = 5) -> dict:
    out = {t: Counter() for t in THRESHOLDS}
    for fold in range(k):
        held = [zlib.crc32(d.encode()) % k == fold for d in docs]
        m = fit([row for (rows, _), h in zip(data, held) if not h for row in rows], C)
        test = [x for x, h in zip(data, held) if h]
        for t in THRESHOLDS:
            out[t].update(tally(m, test, t))
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cache", default="/tmp/riwaya_time_loose_cache")
    ap.add_argument("--out", default=str(ROOT / "riwaya" / "data" / "events" / "time_loose.json"))
    ap.add_argument("--C", type=float, default=None, help="one C (default: the best of CS by the same CV)")
    a = ap.parse_args(argv)
    cache = Path(a.cache)
    cache.mkdir(parents=True, exist_ok=True)
    data, docs = samples(eval_corpus.load("train", "ar"), cache)
    base = tally(None, data, 1.0)
    best = None
    for C in ([a.C] if a.C else CS):
        res = cv(data, docs, C)
        for t in THRESHOLDS:
            print(f"C {C} threshold {t}: CV events' time right {res[t]['ok']} of {res[t]['n']} (none: {base['ok']}), "
                  f"picks right {res[t]['tp']}, wrong {res[t]['fp']}")
            if best is None or (res[t]["ok"], -t) > (best[2][best[1]]["ok"], -best[1]):
                best = (C, t, res)
    a.C, t, res = best
    print(f"C {a.C}")
    print(f"events {len(data)}, candidates {sum(len(r) for r, _ in data)}, with a gold time {sum(g for _, g in data)}; "
          f"threshold {t}: {res[t]['ok']} right against {base['ok']} with none")
    out = {}
    if res[t]["ok"] > base["ok"]:
        m = fit([row for rows, _ in data for row in rows], a.C)
        out["ar"] = {**m, "threshold": t, "C": a.C, "trained_on": "events corpus, Arabic train split",
                     "cv": {"time_right": res[t]["ok"], "none_right": base["ok"], "events": res[t]["n"],
                            "picks_right": res[t]["tp"], "picks_wrong": res[t]["fp"]}}
    Path(a.out).write_text(json.dumps(out, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {a.out}: {len(out.get('ar', {}).get('w', {}))} weights")
    return 0


if __name__ == "__main__":
    sys.exit(main())

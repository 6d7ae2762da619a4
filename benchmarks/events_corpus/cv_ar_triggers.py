"""The Arabic trigger model's decision out of fold: grouped k-fold cross-validation over the train split by
article, the model refit per fold (trig22, issue #14).

    PYTHONPATH=. .venv/bin/python benchmarks/events_corpus/cv_ar_triggers.py [--model riwaya/data/events/model.json]
        [--cache /tmp/trig22/ans.pkl] [--k 4] [--list false|missed|never|all] [--threshold T]

Each train and dev document is analysed once by the rules with the weights file's proposer (at its training
threshold, as `scripts/train_events.py --only trigger` samples) and its learned trigger forms, the learned stage
off (cached with --cache: the slow part). The trigger samples are `train_events.samples`' (learned.trigger_features
of every proposed event, 1 when it matches a gold mention), kept with the word, its type and where it came from.
Per fold the trigger model (train_events.fit, C as the script's) is fit on the other folds and scores the held-out
documents; an event of a type the model does not judge (the fates, the rare types) stays. Figures: pooled train CV
P / R / F1 of the decision at each threshold, and dev with a model fit on all of train (on the proposals; the gold
mentions never proposed count as misses in "with unproposed"). --list prints train's out-of-fold false triggers
(kept, no gold), the gold triggers dropped (proposed, under the bar) or never proposed, with the sentence, for
reading: read train, judge on dev's aggregates (`riwaya eval events-corpus --split dev`). Never reads the test split.
"""
from __future__ import annotations

import argparse
import json
import pickle
import sys
import zlib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
import train_events as te          # noqa: E402  (sets RIWAYA_EVENTS_LEARNED=0: the analyses are the rules')
import corpus, eval_corpus         # noqa: E402
import riwaya.analyze as ra        # noqa: E402
from riwaya import event_schema   # noqa: E402
from riwaya.events import learned, propose  # noqa: E402
from riwaya.events.extract import load_lexicon  # noqa: E402

THRESHOLDS = (0.2, 0.25, 0.3, 0.35, 0.4)


def setup(model: dict) -> None:
    """The weights file's learned forms and proposer (at the training threshold), as train_events does."""
    learned.EXTRA_OVERRIDE = {"ar": model.get("extra_triggers") or {}}
    load_lexicon.cache_clear()
    prop = model.get("proposer")
    propose.OVERRIDE = ({**prop, "detect": {**prop["detect"], "logit": te._logit(te.PROPOSER_TRAIN_THRESHOLD)}}
                        if prop else {})


def analyses(recs: list[dict], cache: str | None) -> dict:
    if cache and Path(cache).exists():
        return pickle.loads(Path(cache).read_bytes())
    ans = {r["doc"]: ra.analyze(eval_corpus.document(r["doc"])) for r in recs}
    if cache:
        Path(cache).parent.mkdir(parents=True, exist_ok=True)
        Path(cache).write_bytes(pickle.dumps(ans))
    return ans


def samples(recs: list[dict], ans: dict) -> tuple[list, list]:
    """Trigger samples [(doc, features, label, info)] and the gold mentions no proposal matched [(doc, gold)]."""
    lex = load_lexicon()
    out, never = [], []
    for r in recs:
        text, an = corpus.text(r["doc"]), ans[r["doc"]]
        T = learned.Text(text)
        mentions = sorted(an.mentions, key=lambda m: m.start)
        evs = [e for e in an.events if learned.lang_of(e) == "ar"]
        pred = [{"trigger": {"start": e.trigger_start, "end": e.trigger_end, "text": e.trigger}, "class": e.cls}
                for e in evs]
        pairs = {pi: gi for gi, pi in eval_corpus.match(r["events"], pred, text)}
        for pi, ev in enumerate(evs):
            o = learned._lookup_origin(learned.normalize_ar(ev.trigger), lex)
            s0, s1 = T.sentence(ev.trigger_start)
            info = {"trigger": ev.trigger, "type": ev.type, "start": ev.trigger_start,
                    "origin": o[0] if o else "proposer", "sentence": text[s0:s1].replace("\n", " "),
                    "heading": learned.on_heading(text, an, ev), "duration": learned.duration_told(ev)}
            out.append((r["doc"], learned.trigger_features(T, ev, lex, mentions), "1" if pi in pairs else "0", info))
        got = set(pairs.values())
        for gi, g in enumerate(r["events"]):
            if gi not in got:
                s0, s1 = T.sentence(g["trigger"]["start"])
                never.append((r["doc"], {**g, "sentence": text[s0:s1].replace("\n", " ")}))
    return out, never


def judged_types(data: list) -> list[str]:
    """The types the trigger model judges, as train_events picks them: every type proposed in train, except a
    fate-setting one with fewer than MIN_SUPPORT real proposals."""
    real = Counter(i["type"] for _, _, lab, i in data if lab == "1")
    fates = event_schema.fates()
    return sorted(t for t in {i["type"] for *_, i in data} if real[t] >= te.MIN_SUPPORT or t not in fates)


def prob(m: dict, feats: list[str]) -> float:
    return learned.scores(m, feats)["1"]


def oof(data: list, k: int, C: float) -> list[float]:
    """Each sample's probability from the model fit on the folds it is not in (folds by document, crc32)."""
    p = [0.0] * len(data)
    for fold in range(k):
        held = [zlib.crc32(d.encode()) % k == fold for d, *_ in data]
        m = te.fit([(f, lab) for (_, f, lab, _), h in zip(data, held) if not h], C, te.PRUNE)
        for i, h in enumerate(held):
            if h:
                p[i] = prob(m, data[i][1])
    return p


def keep(info: dict, p: float, t: float, types: set) -> bool:
    return info["type"] not in types or p >= t or info["heading"] or info["duration"]


def counts(data: list, probs: list[float], t: float, types: set, unproposed: int = 0) -> dict:
    tp = sum(1 for (_, _, lab, i), p in zip(data, probs) if lab == "1" and keep(i, p, t, types))
    fp = sum(1 for (_, _, lab, i), p in zip(data, probs) if lab == "0" and keep(i, p, t, types))
    fn = sum(1 for (_, _, lab, i), p in zip(data, probs) if lab == "1" and not keep(i, p, t, types)) + unproposed
    return {"p": round(tp / max(tp + fp, 1), 4), "r": round(tp / max(tp + fn, 1), 4),
            "f1": round(2 * tp / max(2 * tp + fp + fn, 1), 4), "tp": tp, "fp": fp, "fn": fn}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", default=str(ROOT / "riwaya" / "data" / "events" / "model.json"))
    ap.add_argument("--cache", default=None)
    ap.add_argument("--k", type=int, default=4)
    ap.add_argument("--threshold", type=float, default=None, help="the listing's bar (default: the file's)")
    ap.add_argument("--list", choices=["false", "missed", "never", "all"], default=None)
    ap.add_argument("--json", default=None, help="write the out-of-fold rows (word, type, label, p) here")
    a = ap.parse_args(argv)
    model = json.loads(Path(a.model).read_text(encoding="utf-8"))["ar"]
    setup(model)
    recs = [r for r in eval_corpus.load(None, "ar") if r["split"] in ("train", "dev")]
    ans = analyses(recs, a.cache)
    tr, tr_never = samples([r for r in recs if r["split"] == "train"], ans)
    dv, dv_never = samples([r for r in recs if r["split"] == "dev"], ans)
    C = te.C_OF.get("trigger", 0.5)
    types = set(judged_types(tr))
    p_tr = oof(tr, a.k, C)
    m = te.fit([(f, lab) for _, f, lab, _ in tr], C, te.PRUNE)
    p_dv = [prob(m, f) for _, f, _, _ in dv]
    shipped = (model.get("trigger") or {}).get("threshold", 0.25)
    t0 = a.threshold if a.threshold is not None else shipped
    rep = {"train_samples": len(tr), "train_unproposed": len(tr_never), "dev_samples": len(dv),
           "dev_unproposed": len(dv_never), "shipped_threshold": shipped,
           "train_cv": {t: counts(tr, p_tr, t, types) for t in THRESHOLDS},
           "dev": {t: counts(dv, p_dv, t, types) for t in THRESHOLDS},
           "dev_with_unproposed": {t: counts(dv, p_dv, t, types, len(dv_never)) for t in THRESHOLDS},
           "dev_keep_all": counts(dv, [1.0] * len(dv), 0.0, types, len(dv_never))}
    print(json.dumps(rep, ensure_ascii=False, indent=1))
    if a.json:
        Path(a.json).write_text(json.dumps(
            {"train": [{**i, "doc": d, "label": lab, "p": round(p, 3)} for (d, _, lab, i), p in zip(tr, p_tr)],
             "train_never": [{"doc": d, "trigger": g["trigger"]["text"], "type": g["type"], "class": g["class"],
                              "polarity": g.get("polarity"), "sentence": g["sentence"]} for d, g in tr_never]},
            ensure_ascii=False, indent=0), encoding="utf-8")
    if a.list:
        for (d, _, lab, i), p in sorted(zip(tr, p_tr), key=lambda x: (x[0][3]["type"], -x[1])):
            kept = keep(i, p, t0, types)
            if (a.list in ("false", "all") and lab == "0" and kept) or (a.list in ("missed", "all") and lab == "1"
                                                                         and not kept):
                tag = "FALSE" if lab == "0" else "MISSED"
                print(f"{tag}\t{i['type']}\t{i['trigger']}\t{p:.2f}\t{i['origin']}\t{d}\t{i['sentence'][:200]}")
        if a.list in ("never", "all"):
            for d, g in tr_never:
                print(f"NEVER\t{g['type']}\t{g['trigger']['text']}\t-\t-\t{d}\t{g['sentence'][:200]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

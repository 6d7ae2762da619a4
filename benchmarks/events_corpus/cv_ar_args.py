"""The Arabic argument model, refit and scored end to end: grouped k-fold cross-validation over the train split
by article, and dev with a model fit on all of train (armodel19, issue #14).

    PYTHONPATH=. .venv/bin/python benchmarks/events_corpus/cv_ar_args.py [--model riwaya/data/events/model.json]
        [--cache /tmp/ar_ans.pkl] [--k 4] [--arms '{"base": "^x_", "clause": "", "topics": {"drop": "", "flags":
        {"TOPICS": true}}}'] [--dev-only]

Each document of train and dev is analysed once by the rules with the weights file's proposer and learned trigger
forms (the learned stage off, as `scripts/train_events.py` samples; cached with --cache: the slow part). The
argument samples are its matched events' candidates (learned.candidates / argument_features, labelled with
learned.gold_of). Per arm (a regular expression of feature names left out: "^x_" drops the clause features, ""
keeps all; or {"drop": that, "C": the regularisation (0.5), "flags": {learned's module flags set while it
samples and refines}, "variants": {name: {learned's flags set only while refining}}}), the argument model (train_events.fit, C 0.5) is fit on the other folds' samples and its weights put
into the file's Arabic models, which learned.refine then applies to the held-out documents (thresholds, fill bars
and the other models: the file's). Figures: eval_corpus.evaluate's, pooled over the folds (train CV) and on dev.
The other models were fit on all of train: only the argument model is held out. Never reads the test split.
argfit20: an arm may also set "labels" ("adj", "D", "BD", "file:PATH"; see labelled), "sample_at" ("train": the
analyses made with the proposer at its training threshold, --cache-train), "class_weight", "annot_w", "threshold",
"override", "fill" and "dev_only"; trans28: "residual" (a regular expression of feature names: their weights
alone are fit on top of a model fit without them, train_events.fit_residual) and "on_shipped" (dev's base is the
file's argument model, not a refit), "oof" (with residual: the new weights fit on out-of-fold base scores); --perdoc
FILE keeps each arm's per-document counts for paired_docs.py. refit29: "blend" (the weight of the file's argument
model in a blend with the arm's refit, train_events.blend; its train CV is in sample: the file saw every fold).
"""
from __future__ import annotations

import argparse
import copy
import json
import os
import pickle
import re
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
from role_confusions import span_classes  # noqa: E402
import riwaya.analyze as ra        # noqa: E402
from riwaya.events import learned, propose  # noqa: E402
from riwaya.events.extract import load_lexicon  # noqa: E402

FIGURES = ("trigger", "arguments_overlap", "arguments_exact", "class_and_actor_right", "all_right")


def analyses(recs: list[dict], cache: str | None):
    if cache and Path(cache).exists():
        return pickle.loads(Path(cache).read_bytes())
    ans, idmap = {}, {}
    for r in recs:
        doc = eval_corpus.document(r["doc"])
        idmap[(doc.id, r["doc"])] = r["doc"]
        ans[r["doc"]] = ra.analyze(doc)
    if cache:
        Path(cache).write_bytes(pickle.dumps((ans, idmap)))
    return ans, idmap


def samples(recs: list[dict], ans: dict) -> list[tuple[str, list[str], str]]:
    lex = load_lexicon()
    out = []
    for r in recs:
        text, an = corpus.text(r["doc"]), ans[r["doc"]]
        T = learned.Text(text)
        mentions = sorted(an.mentions, key=lambda m: m.start)
        triggers = [(e.trigger_start, e.trigger_end) for e in an.events]
        subj = learned.subjects(T, an, learned.speakers(T, an, lex)[0])
        evs = [e for e in an.events if learned.lang_of(e) == "ar"]
        pred = [{"trigger": {"start": e.trigger_start, "end": e.trigger_end, "text": e.trigger}, "class": e.cls}
                for e in evs]
        for gi, pi in eval_corpus.match(r["events"], pred, text):
            ev = evs[pi]
            gargs = [a for a in r["events"][gi]["args"] if a["role"] in learned.ROLES]
            cands = learned.candidates(T, ev, mentions, subj)
            for c in cands:
                hit = learned.gold_of(c, gargs)
                out.append((r["doc"], learned.argument_features(T, ev, c, cands, triggers),
                            hit["role"] if hit else "none"))
    return out


def d_copies() -> dict[str, dict]:
    """The dev annotator D's independent copies of B's train documents (agreement.jsonl), by document."""
    path = corpus.DATA / "agreement.jsonl"
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        if r.get("annotator") == "D" and r["split"] == "train":
            out[r["doc"]] = r
    return out


def labelled(arm: dict, key: str, cached: dict, train: list[dict], ans: dict) -> list[tuple]:
    """The arm's training rows (doc, features, label, weight). `labels`: "adj" (the compiled train records, as
    training reads them), "D" (B's documents labelled by D's copies instead), "BD" (both copies, each at half
    weight), "file:PATH" (the train labels of another compiled annotations file); `annot_w`: a weight per annotator of the labels (D for D's copies); `sample_at`: "train" samples
    from the analyses made with the proposer at train_events.PROPOSER_TRAIN_THRESHOLD (as training samples),
    else the run-time ones."""
    lab = arm.get("labels", "adj")
    src = arm.get("sample_at", "run")
    k = f"{key}|{lab}|{src}"
    if k not in cached:
        A = ANALYSES[src]
        D = d_copies() if lab in ("D", "BD") else {}
        if lab.startswith("file:"):         # another compiled annotations file's train labels (e.g. an older one)
            D = {r["doc"]: r for r in eval_corpus.load("train", "ar", Path(lab[5:]))}
        recs, half = [], lab == "BD"
        for r in train:
            if r["doc"] in D:
                if half:
                    recs.append((r, 0.5))
                recs.append((D[r["doc"]], 0.5 if half else 1.0))
            else:
                recs.append((r, 1.0))
        rows = []
        for r, w in recs:
            rows += [(d, f, y, w, r.get("annotator")) for d, f, y in samples([r], A)]
        cached[k] = rows
        print(f"{len(rows)} argument samples from {len(train)} train documents ({k})", file=sys.stderr)
    aw = arm.get("annot_w") or {}
    return [(d, f, y, w * aw.get(a, 1.0)) for d, f, y, w, a in cached[k]]


ANALYSES: dict = {}


def _brief(d: dict) -> dict:
    return {k: (_brief(v) if isinstance(v, dict) else v) for k, v in d.items() if k != "perdoc"}

PERDOC: bool | None = None


def refined(M: dict, recs: list[dict], ans: dict) -> dict:
    learned.model = lambda: M
    out = {}
    for r in recs:
        an = copy.deepcopy(ans[r["doc"]])
        learned.refine(corpus.text(r["doc"]), an)
        out[r["doc"]] = an
    return out


def evaluate(table: dict, idmap: dict, recs: list[dict]) -> dict:
    # riwaya's document id -> the corpus's: two corpus documents of one text share an id (the last one's in
    # idmap), so the one this table holds
    ids = {}
    for (d, _), x in idmap.items():
        ids.setdefault(d, []).append(x)
    ra.analyze = lambda doc: table[next((x for x in ids[doc.id] if x in table), ids[doc.id][0])]
    if PERDOC is None:
        res = eval_corpus.evaluate(recs)
    else:                           # per document, summed: the same figures, and each document's counts kept
        res, per, tot = {}, {}, Counter()
        for r in recs:
            x = eval_corpus.evaluate([r])
            n = x["gold"]
            per[r["doc"]] = (n, round(x["class_and_actor_right"] * n), round(x["all_right"] * n))
            tot.update({"gold": n, "ca": per[r["doc"]][1], "all": per[r["doc"]][2]})
            for k in ("trigger", "arguments_overlap", "arguments_exact"):
                tot.update({(k, z): x[k][z] for z in ("tp", "fp", "fn")})
            ag = x["per_role_overlap"].get("agent") or {}
            tot.update({("agent", z): ag.get(z, 0) for z in ("tp", "fp", "fn")})
        for k in ("trigger", "arguments_overlap", "arguments_exact", "agent"):
            res[k] = eval_corpus.prf(*(tot[(k, z)] for z in ("tp", "fp", "fn")))
        res["class_and_actor_right"] = round(tot["ca"] / max(tot["gold"], 1), 3)
        res["all_right"] = round(tot["all"] / max(tot["gold"], 1), 3)
        res["per_role_overlap"] = {"agent": res.pop("agent")}
    out = {k: (res[k]["f1"] if isinstance(res[k], dict) else res[k]) for k in FIGURES}
    if PERDOC is not None:
        out["perdoc"] = per
    ag = res.get("per_role_overlap", {}).get("agent") or {}
    out["agent_p_r"] = (ag.get("p"), ag.get("r"))
    # voice27: the agent and patient counts, and their pooled F1 (the swap between them moves both)
    pr = res.get("per_role_overlap", {})
    if "patient" in pr:
        pa = pr["patient"]
        out["patient_p_r"] = (pa.get("p"), pa.get("r"))
        tot = [sum((pr.get(r) or {}).get(z, 0) for r in ("agent", "patient")) for z in ("tp", "fp", "fn")]
        out["agent_patient_f1"] = eval_corpus.prf(*tot)["f1"]
        out["agent_patient_tp_fp_fn"] = tuple(tot)
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default=str(ROOT / "riwaya" / "data" / "events" / "model.json"))
    ap.add_argument("--cache")
    ap.add_argument("--k", type=int, default=4)
    ap.add_argument("--arms", default='{"base": "^x_", "clause": ""}')
    ap.add_argument("--dev-only", action="store_true")
    ap.add_argument("--cache-train", help="analyses with the proposer at its training threshold (sample_at: train)")
    ap.add_argument("--perdoc", help="write each arm's per-document counts (dev, train CV) here, for a paired "
                    "bootstrap (argfit20)")
    ap.add_argument("--confusions", action="store_true", help="count role22's subject/object confusions on train "
                    "(out of fold; in sample for a shipped arm) and the ones over two gold arguments (role23)")
    ap.add_argument("--limit", type=int, default=0, help="the first N documents of each split (a smoke test)")
    a = ap.parse_args()
    global PERDOC
    PERDOC = True if a.perdoc else None
    learned.ARG_CLAUSE = True        # the samples carry the clause features; an arm drops them with "^x_"
    W = json.loads(Path(a.model).read_text("utf-8"))
    learned.EXTRA_OVERRIDE = {"ar": W["ar"].get("extra_triggers") or {}}
    load_lexicon.cache_clear()
    propose.OVERRIDE = W["ar"].get("proposer") or {}
    recs = [r for r in eval_corpus.load(None, "ar") if r["split"] in ("train", "dev")]
    if a.limit:
        recs = [r for r in recs if r["split"] == "train"][:a.limit] + [r for r in recs if r["split"] == "dev"][:a.limit]
    ans, idmap = analyses(recs, a.cache)
    ANALYSES["run"] = ans
    if a.cache_train:        # the analyses with the proposer at its training threshold (an arm's sample_at "train")
        propose.OVERRIDE = {**W["ar"]["proposer"], "detect": {**W["ar"]["proposer"]["detect"],
                                                              "logit": te._logit(te.PROPOSER_TRAIN_THRESHOLD)}}
        ANALYSES["train"] = analyses([r for r in recs if r["split"] == "train"], a.cache_train)[0]
        propose.OVERRIDE = W["ar"].get("proposer") or {}
    train = [r for r in recs if r["split"] == "train"]
    dev = [r for r in recs if r["split"] == "dev"]
    fold_of = lambda d: zlib.crc32(d.encode()) % a.k     # noqa: E731
    arms = {k: (v if isinstance(v, dict) else {"drop": v}) for k, v in json.loads(a.arms).items()}
    res, cached = {}, {}
    for name, arm in arms.items():
        flags = arm.get("flags") or {}
        saved = {f: getattr(learned, f) for f in flags}
        for f, v in flags.items():
            setattr(learned, f, v)
        if arm.get("shipped"):       # the file's own argument model, not refit: dev, and train in-sample
            res[name] = {"dev": evaluate(refined(W, dev, ans), idmap, dev)}
            if not arm.get("dev_only"):
                tab = refined(W, train, ans)
                res[name]["train_in_sample"] = evaluate(tab, idmap, train)
                if a.confusions:
                    res[name]["train_in_sample"]["confusions"] = dict(span_classes(train, tab.__getitem__))
            print(name, _brief(res[name]), file=sys.stderr, flush=True)
            for f, v in saved.items():
                setattr(learned, f, v)
            continue
        key = json.dumps(flags, sort_keys=True)
        drop = arm.get("drop") or ""
        keep = (lambda f: True) if not drop else (lambda f, rx=re.compile(drop): not rx.search(f))
        rows = [(d, [f for f in fs if keep(f)], lab, w) for d, fs, lab, w in labelled(arm, key, cached, train, ans)]

        res_rx = arm.get("residual")      # trans28: these features' weights fit on top of a model without them

        def model_of(rows_fit, C=arm.get("C", 0.5), base=None):
            ws = [w for *_, w in rows_fit]
            ws = None if all(w == 1.0 for w in ws) else ws
            if res_rx:
                rx = re.compile(res_rx)
                if base is None:
                    base = te.fit([([x for x in f if not rx.search(x)], lab) for _, f, lab, _ in rows_fit], C,
                                  weights=ws, class_weight=arm.get("class_weight"))
                m = te.fit_residual([(f, lab) for _, f, lab, _ in rows_fit], base, res_rx, C, weights=ws)
            else:
                m = te.fit([(f, lab) for _, f, lab, _ in rows_fit], C,
                           weights=ws, class_weight=arm.get("class_weight"))
            arg = {**W["ar"]["argument"], "classes": m["classes"], "bias": m["bias"], "w": m["w"]}
            for k in ("threshold", "override", "fill"):
                if k in arm:
                    arg[k] = arm[k]
            if arm.get("blend"):      # refit29: the refit blended with the file's argument model (in sample on train)
                arg = te.blend(arg, W["ar"]["argument"], arm["blend"])
            return {**W, "ar": {**W["ar"], "argument": arg}}
        # variants: learned's flags set only while refining (rules after the model), one fit for all of them
        variants = arm.get("variants") or {"": {}}

        def refined_with(M, docs, vflags):
            old = {f: getattr(learned, f) for f in vflags}
            for f, v in vflags.items():
                setattr(learned, f, v)
            try:
                return refined(M, docs, ans)
            finally:
                for f, v in old.items():
                    setattr(learned, f, v)
        # on_shipped (with residual): dev's model is the file's argument model with the new weights fit on top, on
        # all of train: what `train_events.py --only argument --residual` ships
        if res_rx and arm.get("oof"):
            # the new weights fit on out-of-fold base scores: each train sample's offset from the fold model (fit
            # without the new features) that did not see it; a fold of the CV gets its own fold model with the new
            # weights fit on the other folds' offsets (those fold models saw the held-out fold: not nested)
            rx = re.compile(res_rx)
            ws = [w for *_, w in rows]
            ws = None if all(w == 1.0 for w in ws) else ws
            fold_models = {}
            for g in range(a.k):
                part = [x for x in rows if fold_of(x[0]) != g]
                pw = [w for *_, w in part]
                fold_models[g] = te.fit([([x for x in f if not rx.search(x)], lab) for _, f, lab, _ in part],
                                        arm.get("C", 0.5), weights=None if all(w == 1.0 for w in pw) else pw)
            offs = [dict(zip(fold_models[fold_of(d)]["classes"], te.base_scores(fold_models[fold_of(d)], f, res_rx)))
                    for d, f, _, _ in rows]

            def model_of(rows_fit, C=arm.get("C", 0.5), base=None, _all=rows, _offs=offs):
                idx = {id(x): k for k, x in enumerate(_all)}
                ws = [w for *_, w in rows_fit]
                m = te.fit_residual([(f, lab) for _, f, lab, _ in rows_fit], base, res_rx, C,
                                    weights=None if all(w == 1.0 for w in ws) else ws,
                                    offsets=[[_offs[idx[id(x)]].get(c, -30.0) for c in base["classes"]]
                                             for x in rows_fit])
                return {**W, "ar": {**W["ar"], "argument": {**W["ar"]["argument"], "classes": m["classes"],
                                                            "bias": m["bias"], "w": m["w"]}}}
            M = model_of(rows, base=W["ar"]["argument"] if arm.get("on_shipped") else fold_models[0])
        else:
            M = model_of(rows, base=W["ar"]["argument"] if res_rx and arm.get("on_shipped") else None)
        for vn, vflags in variants.items():
            key = name + (f"/{vn}" if vn else "")
            res[key] = {"dev": evaluate(refined_with(M, dev, vflags), idmap, dev)}
            print(key, "dev", _brief(res[key]["dev"]), file=sys.stderr, flush=True)
        if not a.dev_only and not arm.get("dev_only"):
            tables = {vn: {} for vn in variants}
            for fold in range(a.k):
                if res_rx and arm.get("oof"):
                    M = model_of([x for x in rows if fold_of(x[0]) != fold], base=fold_models[fold])
                else:
                    M = model_of([x for x in rows if fold_of(x[0]) != fold])
                for vn, vflags in variants.items():
                    tables[vn].update(refined_with(M, [r for r in train if fold_of(r["doc"]) == fold], vflags))
            for vn in variants:
                key = name + (f"/{vn}" if vn else "")
                res[key]["train_cv"] = evaluate(tables[vn], idmap, train)
                if a.confusions:     # role22's subject/object confusions, out of fold (role23)
                    res[key]["train_cv"]["confusions"] = dict(span_classes(train, tables[vn].__getitem__))
                print(key, "train_cv", _brief(res[key]["train_cv"]), file=sys.stderr, flush=True)
        for f, v in saved.items():
            setattr(learned, f, v)
    if a.perdoc:
        per = {arm: {part: fig.pop("perdoc") for part, fig in v.items() if "perdoc" in fig} for arm, v in res.items()}
        Path(a.perdoc).write_text(json.dumps(per), encoding="utf-8")
    print(json.dumps(res, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())

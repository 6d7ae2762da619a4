"""Why a refit of the Arabic learned stage loses to the shipped weights (refit35, issue #14).

Two measurements, no dev example read (aggregates only), the test split never touched:

    PYTHONHASHSEED=0 .venv/bin/python benchmarks/events_corpus/refit_gap.py models A.json B.json --cache ANS.pkl
        each Arabic model of two weights files (the shipped one and a refit) scored *alone* on the same samples,
        taken as scripts/train_events.py takes them (the file A's proposer at the training threshold, its learned
        trigger forms; --cache: the rules' analyses by document, train_events.py's --cache file): dev's samples,
        and train's (in sample for whichever file was fit on today's train samples). The figures train_events.py
        reports for its own refit, for both files; the gap end to end is eval_corpus.py's with
        RIWAYA_EVENTS_MODEL (see README, refit35).

    PYTHONHASHSEED=0 .venv/bin/python benchmarks/events_corpus/refit_gap.py skew --docs 80 --cache ANS.pkl
        fit time against run time on train documents: the trigger and argument features train_events.samples()
        gives each proposal / candidate, and those learned.refine() computes for the same proposal / candidate
        (same trigger span, same candidate span) when the pipeline runs (eval_corpus's analyse, the shipped
        weights); the share that differs and by which feature families, and why (the event retyped before its
        arguments, mentions the dateline step removes after refine, the proposer's two thresholds).

    RIWAYA_EVENTS_MODEL=B.json PYTHONHASHSEED=0 .venv/bin/python benchmarks/events_corpus/refit_gap.py perdoc B --out F
        dev's per-document counts end to end under one weights file, an arm of paired_docs.py's file F
        (paired_docs.py F A B: a paired bootstrap by article). --off GROUP...: POST_MODEL_RULES off (as in eval).

    RIWAYA_EVENTS_MODEL=B.json PYTHONHASHSEED=0 .venv/bin/python benchmarks/events_corpus/refit_gap.py eval --off all
        eval_corpus.py on Arabic dev with the learned stage's rules after the argument model off (POST_MODEL_RULES:
        a group's name, "all", or a switch of learned.py), to see how much of a gap between two weights files those
        rules make.
"""
from __future__ import annotations

import argparse
import json
import os
import pickle
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(HERE))

import train_events as te  # noqa: E402  (sets RIWAYA_EVENTS_LEARNED=0 for the rules' analyses)
import eval_corpus  # noqa: E402
from riwaya.events import learned, propose  # noqa: E402
from riwaya.events.extract import load_lexicon  # noqa: E402


def _records(split: str) -> list[dict]:
    assert split in ("train", "dev")
    return [r for r in eval_corpus.load(None, "ar") if r["split"] == split]


def _load_cache(path: str | None) -> None:
    if path and Path(path).exists():
        got = pickle.loads(Path(path).read_bytes())
        te.ANALYSES = dict(got[0] if isinstance(got, tuple) else got)
    else:
        te.ANALYSES = {}


def training_samples(recs: list[dict], keep: dict) -> dict:
    """train_events._train_only's samples: the file's proposer at the training threshold, its learned forms."""
    learned.EXTRA_OVERRIDE = {**(learned.EXTRA_OVERRIDE or {}), "ar": keep.get("extra_triggers") or {}}
    load_lexicon.cache_clear()
    prop = keep.get("proposer")
    propose.OVERRIDE = {**prop, "detect": {**prop["detect"], "logit": te._logit(te.PROPOSER_TRAIN_THRESHOLD)}} \
        if prop else {}
    try:
        return te.samples(recs, "ar")
    finally:
        propose.OVERRIDE = None


def _by_role(a: dict, data: list, min_n: int = 10) -> dict:
    """The argument model's F1 and tp, fp, fn per gold or guessed role (its decision as refine makes it, before the rules after it)."""
    c: dict = {}
    for feats, lab in data:
        rule = next((f[5:] for f in feats if f.startswith("rule=")), "none")
        guess = learned.decide(learned.scores(a, feats), rule, a["threshold"], a.get("override", 0.0))
        for r in {guess, lab} - {"none"}:
            x = c.setdefault(r, [0, 0, 0])
            x[0] += guess == lab == r
            x[1] += guess == r != lab
            x[2] += lab == r != guess
    return {r: [round(2 * x[0] / max(2 * x[0] + x[1] + x[2], 1), 4), *x] for r, x in sorted(c.items()) if x[0] + x[2] >= min_n}


def component_scores(M: dict, s: dict) -> dict:
    """Each model of one language's weights alone on samples `s`, at the file's own thresholds."""
    out = {}
    if "trigger" in M:
        r = te._acc(M["trigger"], s["trigger"], M["trigger"]["threshold"], "1")
        out["trigger F1"], out["trigger tp/fp/fn"] = r["f1"], [r["tp"], r["fp"], r["fn"]]
    if "argument" in M:
        a = M["argument"]
        types = set(a.get("types") or ())
        data = [(f, lab) for f, lab in s["argument"] if not types or any(x[5:] in types for x in f
                                                                          if x.startswith("type="))]
        r = te._acc(a, data, a["threshold"], override=a.get("override", 0.0))
        out["argument F1"], out["argument acc"] = r["f1"], r["acc"]
        out["argument F1 by role"] = _by_role(a, data)
    if "polarity" in M:
        out["polarity acc"] = te._acc(M["polarity"], s["polarity"], 0.0)["acc"]
    if "source" in M:
        out["source acc"] = te._source_acc(M["source"], s["source"], M["source"]["threshold"])
    if "span" in M:
        out["span exact"] = te._span_acc(M["span"], s["span_eval"], M["span"]["threshold"])
    if "time" in M:
        out["time F1"] = te._time_f1(M["time"], s["time"], M["time"]["threshold"])["f1"]
    return out


def cmd_models(a) -> None:
    A = json.loads(Path(a.a).read_text("utf-8"))["ar"]
    B = json.loads(Path(a.b).read_text("utf-8"))["ar"]
    _load_cache(a.cache)
    rows = {}
    for split in a.splits:
        s = training_samples(_records(split), A)
        rows[split] = {"A": component_scores(A, s), "B": component_scores(B, s)}
    print(json.dumps({"A": a.a, "B": a.b, **rows}, indent=1, ensure_ascii=False))


# ---------------------------------------------------------------- fit time against run time

def _family(f: str) -> str:
    return f.split("=", 1)[0] if "=" in f else f


class _Recorder:
    """Wraps learned.trigger_features and learned.argument_features; keeps each call's features by
    (document, trigger span[, candidate span]) while `doc` is set."""

    def __init__(self):
        self.doc = None
        self.trig: dict = {}
        self.arg: dict = {}
        self.types: dict = {}
        self._tf, self._af = learned.trigger_features, learned.argument_features

    def __enter__(self):
        def tf(T, ev, *x, **k):
            f = self._tf(T, ev, *x, **k)
            if self.doc is not None:
                self.trig[(self.doc, ev.trigger_start, ev.trigger_end)] = frozenset(f)
            return f

        def af(T, ev, c, *x, **k):
            f = self._af(T, ev, c, *x, **k)
            if self.doc is not None:
                self.arg[(self.doc, ev.trigger_start, ev.trigger_end, c.start, c.end)] = frozenset(f)
                self.types[(self.doc, ev.trigger_start, ev.trigger_end)] = ev.type
            return f
        learned.trigger_features, learned.argument_features = tf, af
        return self

    def __exit__(self, *exc):
        learned.trigger_features, learned.argument_features = self._tf, self._af


def _compare(fit: dict, run: dict) -> dict:
    both = fit.keys() & run.keys()
    diff = [k for k in both if fit[k] != run[k]]
    fams_fit, fams_run = Counter(), Counter()
    for k in diff:
        fams_fit.update({_family(f) for f in fit[k] - run[k]})
        fams_run.update({_family(f) for f in run[k] - fit[k]})
    return {"fit": len(fit), "run": len(run), "both": len(both), "differ": len(diff),
            "fit_only": len(fit.keys() - run.keys()), "run_only": len(run.keys() - fit.keys()),
            "families_fit_side": dict(fams_fit.most_common(15)), "families_run_side": dict(fams_run.most_common(15))}


def skew(recs: list[dict], keep: dict) -> dict:
    """Fit-time and run-time features of the same train proposals and candidates."""
    from riwaya.analyze import analyze
    rec = _Recorder()
    with rec:
        # fit time: train_events.samples with the file's proposer at the training threshold
        for r in recs:
            rec.doc = r["doc"]
            training_samples([r], keep)
        fit_t, fit_a, fit_types = rec.trig, rec.arg, rec.types
        rec.trig, rec.arg, rec.types = {}, {}, {}
        # run time: the pipeline with the learned stage on (the shipped weights, the proposer at its own bar)
        learned.EXTRA_OVERRIDE = None
        load_lexicon.cache_clear()
        os.environ["RIWAYA_EVENTS_LEARNED"] = "1"
        learned.model.cache_clear()
        try:
            for r in recs:
                rec.doc = r["doc"]
                analyze(eval_corpus.document(r["doc"]))
        finally:
            os.environ["RIWAYA_EVENTS_LEARNED"] = "0"
            learned.model.cache_clear()
            rec.doc = None
    retyped = sum(1 for k, t in rec.types.items() if k in fit_types and fit_types[k] != t)
    return {"documents": len(recs), "trigger": _compare(fit_t, rec.trig), "argument": _compare(fit_a, rec.arg),
            "events_with_arguments_both": len(rec.types.keys() & fit_types.keys()), "events_retyped": retyped}


def cmd_skew(a) -> None:
    keep = json.loads((ROOT / "riwaya/data/events/model.json").read_text("utf-8"))["ar"]
    _load_cache(a.cache)
    recs = _records("train")[: a.docs]
    print(json.dumps(skew(recs, keep), indent=1, ensure_ascii=False))


# the learned stage's rules after the argument model's decision, all added after the shipped weights were fit
# (0645306, 2026-12-05) and each kept because dev rose with those weights in place; by group (refit35)
POST_MODEL_RULES = {
    "agent": ("AGENT_BY", "FROM_DOER", "LAM_DOER", "LIGHT_CONTROL", "LIGHT_PLACE", "SHARED_SUBJECT",
              "NOT_DOER_OTHER_SENTENCE", "NOT_DOER_ADJECTIVE", "FREED_FROM_NOT_DOER", "FILL_AFTER_NAMED"),
    "split": ("SPLIT_APART", "SPLIT_WALL", "SUBJECT_OBJECT_PAIR", "SPLIT_AGREEMENT"),
    "place": ("WHERE_PHRASE", "PLACE_HEAD", "PLACE_WHOLE_WORD", "PATH_AFTER_PREP", "FRONTED_PLACE"),
    "sides": ("SIDES", "LED_GROUP"),
    "pron": ("PRON_REPLACE", "PRON_OVER_FAR"),
    "fired": ("FIRED_MEANS",),
}


def switches_off(names: list[str]) -> list[str]:
    """Turn learned.py's boolean switches off: a group of POST_MODEL_RULES by its name ("all": every group), or a
    switch by its own name. Returns the switches turned off."""
    out = []
    for n in names:
        group = [x for g in POST_MODEL_RULES.values() for x in g] if n == "all" else POST_MODEL_RULES.get(n, (n,))
        for x in group:
            assert isinstance(getattr(learned, x), bool), x
            setattr(learned, x, False)
            out.append(x)
    return out


def _learned_on() -> None:
    os.environ["RIWAYA_EVENTS_LEARNED"] = "1"
    learned.model.cache_clear()


def cmd_eval(a) -> None:
    """eval_corpus.py on Arabic dev with the weights RIWAYA_EVENTS_MODEL names, some rules off (--off)."""
    print("off:", switches_off(a.off), file=sys.stderr)
    _learned_on()
    eval_corpus.main(["--split", "dev", "--lang", "ar"] + (["--json", a.json] if a.json else []))


def cmd_perdoc(a) -> None:
    """Dev's per-document counts under the weights RIWAYA_EVENTS_MODEL names (or the shipped ones), as arm `a.arm`
    of paired_docs.py's file: [gold mentions, class and main actor right, every argument right]."""
    switches_off(a.off)
    _learned_on()
    per = json.loads(Path(a.out).read_text("utf-8")) if Path(a.out).exists() else {}
    rows = {}
    for r in _records("dev"):
        e = eval_corpus.evaluate([r])
        rows[r["doc"]] = [e["gold"], round(e["class_and_actor_right"] * e["gold"]), round(e["all_right"] * e["gold"])]
    per[a.arm] = {"dev": rows}
    Path(a.out).write_text(json.dumps(per), encoding="utf-8")
    print(a.arm, {k: sum(v[i] for v in rows.values()) for i, k in enumerate(("gold", "class_actor", "all_right"))})


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    m = sub.add_parser("models")
    m.add_argument("a")
    m.add_argument("b")
    m.add_argument("--splits", nargs="*", default=["dev", "train"])
    m.add_argument("--cache")
    s = sub.add_parser("skew")
    s.add_argument("--docs", type=int, default=80)
    s.add_argument("--cache")
    d = sub.add_parser("perdoc")
    d.add_argument("arm")
    d.add_argument("--out", required=True)
    d.add_argument("--off", nargs="*", default=[], help="POST_MODEL_RULES groups (or 'all', or switch names) off")
    e = sub.add_parser("eval")
    e.add_argument("--json")
    e.add_argument("--off", nargs="*", default=[], help="POST_MODEL_RULES groups (or 'all', or switch names) off")
    a = ap.parse_args()
    {"models": cmd_models, "skew": cmd_skew, "perdoc": cmd_perdoc, "eval": cmd_eval}[a.cmd](a)
    return 0


if __name__ == "__main__":
    sys.exit(main())

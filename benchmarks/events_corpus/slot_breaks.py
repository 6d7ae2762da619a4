"""Which slot breaks an event whose class and main actor are right but that is not all right (arslots19, issue #14).

    python benchmarks/events_corpus/slot_breaks.py --split dev [--lang ar] [--examples 3] [--slot place]
           [--cache DIR] [--json OUT]

The same matching and scoring as eval_corpus.py (its figures are printed first, computed by its own
`evaluate`). For each gold mention with the right class and main actor that is not all right, every cause
(errors.arg_causes: missing / extra / wrong span / wrong role per argument; polarity; source) and the slot it
belongs to: the role of the argument, "polarity", "source". Counted per mention: with the slot / with it
alone (what fixing that slot alone would win).

--cache DIR keeps each document's analysis as the rules leave it, before `learned.refine` (pickled): a later
run re-applies only refine and the dateline, so a change after the model (riwaya/events/learned.py, the cue
lists it reads) is measured in a minute. Delete the folder after a change to the rules or the NER.

--oof K [--fold F ...] (slot25; needs scikit-learn, as scripts/train_events.py): the argument model out of fold.
On train it is fit in sample (its companion recall there 0.84, on dev 0.40), so the train errors it leaves are
not the ones dev shows. With --oof the documents are split in K folds by a hash of their id (cv_ar_args.py's),
the argument model is refit (train_events.fit, C 0.5) on the samples of the other folds and applied to each
held-out fold; every other model stays the shipped one. Only the folds given by --fold are scored (all by
default; each fit takes minutes). Read train examples this way, then judge on dev.
"""
from __future__ import annotations

import argparse
import copy
import hashlib
import json
import pickle
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402
import errors  # noqa: E402
import eval_corpus as ev  # noqa: E402


def _pre_refine(doc, cache: Path):
    """The analysis before refine (cached) and the document."""
    import riwaya.analyze as A
    import riwaya.events.learned as L
    f = cache / (hashlib.sha1(doc.id.encode()).hexdigest() + ".pkl")
    if f.exists():
        return pickle.loads(f.read_bytes())
    held = {}
    real = L.refine

    def keep(text, an, lex=None):
        held["an"] = copy.deepcopy(an)
        return an
    L.refine = keep
    try:
        A.analyze(doc)
    finally:
        L.refine = real
    f.write_bytes(pickle.dumps(held.get("an")))
    return held.get("an")


def analysis(doc, cache: Path | None):
    """The document's analysis: refine (looked up on its module, so that a caller may patch it) over the cached
    analysis before refine, or the whole analysis where there is no cache, the text is long or it has no events."""
    import riwaya.events.learned as L
    from riwaya.analyze import analyze
    from riwaya.events import dateline
    from riwaya.events.extract import load_lexicon
    pre = _pre_refine(doc, cache) if cache is not None and len(doc.text) <= 50_000 else None
    if pre is None:            # no cache, or no events: refine was not called
        return analyze(doc)
    an = L.refine(doc.text, copy.deepcopy(pre))
    dateline.apply(doc, an, load_lexicon()["wires"])
    return an


def predictions(records: list[dict], cache: Path | None) -> dict[str, list[dict]]:
    """Each document's predicted events in eval_corpus's shape."""
    return {r["doc"]: ev.predicted(analysis(ev.document(r["doc"]), cache), corpus.text(r["doc"])) for r in records}


def oof_predictions(records: list[dict], cache: Path | None, k: int, folds: list[int] | None = None
                    ) -> dict[str, list[dict]]:
    """Each document's predicted events with the argument model fit on the other folds (--oof): only the
    documents of `folds` (all when None)."""
    import zlib
    here = Path(__file__).resolve().parent
    sys.path.insert(0, str(here.parents[1] / "scripts"))
    import riwaya.events.learned as L
    W = L.model()                    # the shipped weights, read before train_events turns the learned stage off
    import train_events as te        # noqa: F401  (sets RIWAYA_EVENTS_LEARNED=0; the weights are put back by hand)
    import cv_ar_args as cv
    from riwaya.events import dateline
    from riwaya.events.extract import load_lexicon
    L.model = lambda: W
    fold = lambda d: zlib.crc32(d.encode()) % k       # noqa: E731  (cv_ar_args.py's folds)
    pre = {r["doc"]: (_pre_refine(ev.document(r["doc"]), cache) if cache is not None else None) for r in records}
    if cache is None:
        raise SystemExit("--oof needs --cache")
    rows = []
    for r in records:
        if pre[r["doc"]] is not None:
            rows += cv.samples([r], pre)
    out = {}
    for f in (folds if folds is not None else range(k)):
        m = te.fit([(x, y) for d, x, y in rows if fold(d) != f], 0.5)
        M = {**W, "ar": {**W["ar"], "argument": {**W["ar"]["argument"], "classes": m["classes"], "bias": m["bias"],
                                                  "w": m["w"]}}}
        L.model = lambda M=M: M
        for r in records:
            if fold(r["doc"]) != f:
                continue
            doc = ev.document(r["doc"])
            if pre[r["doc"]] is None:
                out[r["doc"]] = []
                continue
            an = copy.deepcopy(pre[r["doc"]])
            L.refine(doc.text, an)
            dateline.apply(doc, an, load_lexicon()["wires"])
            out[r["doc"]] = ev.predicted(an, corpus.text(r["doc"]))
        print(f"fold {f}: {sum(1 for r in records if fold(r['doc']) == f)} documents", file=sys.stderr, flush=True)
    L.model = lambda: W
    return out


def figures(records: list[dict], preds: dict[str, list[dict]]) -> dict:
    """eval_corpus.evaluate over the predictions already made."""
    import riwaya.analyze as A
    real = (ev.document, A.analyze, ev.predicted)
    ev.document, A.analyze, ev.predicted = (lambda d: d), (lambda d: d), (lambda an, text="": preds[an])
    try:
        return ev.evaluate(records)
    finally:
        ev.document, A.analyze, ev.predicted = real


def slot_of(cause: str) -> str:
    if cause.startswith("polarity"):
        return "polarity"
    if cause.startswith("source"):
        return "source"
    if cause.startswith("wrong role"):
        return "role " + cause.split()[-1]
    return cause.split()[-1]


def breaks(records: list[dict], preds: dict[str, list[dict]]) -> dict:
    slots, causes = Counter(), Counter()
    slots_only, causes_only = Counter(), Counter()
    examples = defaultdict(list)
    n = 0
    for r in records:
        text = corpus.text(r["doc"])
        gold, pred = r["events"], preds[r["doc"]]
        for gi, pi in ev.match(gold, pred, text):
            g, p = gold[gi], pred[pi]
            if g["class"] != p["class"]:
                continue
            gargs = [a for a in g["args"] if a["role"] in ev.ROLES]
            actor = next((a for a in gargs if a["role"] in ("agent", "patient")), None)
            if actor is not None and not any(a["role"] == actor["role"] and ev._ov(actor, a) for a in p["args"]):
                continue
            cs = errors.arg_causes(gargs, p["args"])
            if g["polarity"] != p["polarity"]:
                cs.append(f"polarity {g['polarity']}->{p['polarity']}")
            if not ev.source_right(g, p):
                cs.append(errors.source_cause(g, p))
            if not cs:
                continue
            n += 1
            line = (f"{r['doc']} {g['type']} «{g['trigger']['text']}»: gold "
                    f"{[(a['role'], a['text']) for a in gargs]} pred {[(a['role'], a['text']) for a in p['args']]}"
                    f" pol {g['polarity']}/{p['polarity']} src {[s['text'] for s in g.get('source') or []]}/"
                    f"{[l.get('name') for l in p['links']]}")
            ss = {slot_of(c) for c in cs}
            for c in set(cs):
                causes[c] += 1
                examples[c].append(line)
            for s in ss:
                slots[s] += 1
                examples["slot " + s].append(line)
            if len(set(cs)) == 1:
                causes_only[cs[0]] += 1
            if len(ss) == 1:
                slots_only[next(iter(ss))] += 1
    return {"mentions": n, "slots": {k: [v, slots_only[k]] for k, v in slots.most_common()},
            "causes": {k: [v, causes_only[k]] for k, v in causes.most_common()}, "examples": examples}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", default="dev")
    ap.add_argument("--lang", default="ar", choices=["ar", "en"])
    ap.add_argument("--examples", type=int, default=0)
    ap.add_argument("--slot", default=None, help="print the examples of this slot (or cause) only")
    ap.add_argument("--cache", default=None)
    ap.add_argument("--json", default=None)
    ap.add_argument("--oof", type=int, default=0, help="the argument model refit out of fold, K folds (slot25)")
    ap.add_argument("--fold", type=int, action="append", default=None, help="with --oof: score only this fold")
    a = ap.parse_args(argv)
    recs = ev.load(a.split, a.lang)
    cache = Path(a.cache) if a.cache else None
    if cache:
        cache.mkdir(parents=True, exist_ok=True)
    if a.oof:
        preds = oof_predictions(recs, cache, a.oof, a.fold)
        recs = [r for r in recs if r["doc"] in preds]
    else:
        preds = predictions(recs, cache)
    fig = figures(recs, preds)
    keys = ("trigger", "arguments_overlap", "arguments_exact")
    print(" ".join(f"{k} {fig[k]['f1']}" for k in keys), " ".join(
        f"{k} {fig[k]}" for k in ("class_and_actor_right", "all_right", "polarity_accuracy", "source_accuracy")))
    res = breaks(recs, preds)
    print(f"{res['mentions']} mentions with class and main actor right, not all right ({a.lang} {a.split}); "
          "with it / with it alone")
    for title, key in (("by slot", "slots"), ("by cause", "causes")):
        print(f"\n{title}:")
        for k, (v, only) in res[key].items():
            print(f"  {v:4d} {only:4d}  {k}")
            if a.examples and (a.slot is None or a.slot in (k, "slot " + k)):
                for line in res["examples"]["slot " + k if key == "slots" else k][:a.examples]:
                    print(f"           {line}")
    if a.json:
        Path(a.json).write_text(json.dumps({"figures": fig, **{k: v for k, v in res.items() if k != "examples"}},
                                           indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The event's own time out of fold: the dated time model refit per fold of train, its misses and false times
classed (time26, issue #14).

    python benchmarks/events_corpus/time_oof.py --split train --cache DIR [--k 4] [--examples N --cls CLASS]
    python benchmarks/events_corpus/time_oof.py --split dev --cache DIR        # the shipped model, no refit

The time model (riwaya/events/own_time.py, `time` in data/events/model.json) is fit on train by
scripts/train_events.py: read in sample, its train errors are mostly the ones it already fits. Here the
samples are taken at run time (the analysis before `learned.refine` cached as slot_breaks.py caches it, refine
run with a hook on `learned._own_time` that records each event's candidates and their features), labelled by
the gold time of the matched mention, and the model is refit (train_events.fit, C 0.5, the shipped threshold)
on the other folds (cv_ar_args.py's folds: crc32 of the document id) and applied to each held-out fold end to
end (the loose model after it as shipped). The time role's figures are eval_corpus's (overlap on matched events).

Every gold time of a matched mention that riwaya does not give, and every time riwaya gives that overlaps no
gold time, is put in one class:
  miss: `model rejects` (a dated candidate of the sentence overlaps the gold time; the model took none or
  another), `loose rejects` (a duration or vague time overlaps it), `other sentence` (the gold time stands
  before the trigger's sentence: a dateline, the previous sentence), `no candidate` (in the sentence, no time
  expression under it), `sentence bounds` (a candidate overlaps it but starts outside the evaluation's sentence);
  false: `gold has another` (the gold mention's time is another expression), `no gold time` (the annotation
  gives the mention none), split by whether a speech verb or complementizer stands between, or a speech verb among
  the six words before a time that precedes the trigger (the report's time: "أفادت مصادر أمنية أمس بمقتل 24"), and
  by the kind of a time that is no date (a duration the loose model took). A rejected right time is marked the
  report's when a speech verb or complementizer stands between it and the trigger after it.
Aggregates only on dev (--examples reads train; the method rule).
"""
from __future__ import annotations

import argparse
import bisect
import copy
import json
import sys
import zlib
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402
import eval_corpus as ev  # noqa: E402
import slot_breaks as sb  # noqa: E402


def _ov(a0, a1, b0, b1) -> bool:
    return a0 < b1 and b0 < a1


def run(records: list[dict], cache: Path, models: dict[str, dict] | None = None) -> tuple[dict, dict]:
    """Each document's predictions and the time rows of its events ({doc: [row]}); `models` maps a document
    to the weights to refine it with (the shipped ones when None)."""
    import riwaya.events.learned as L
    from riwaya.events import dateline, own_time
    from riwaya.events.extract import load_lexicon
    real_own = L._own_time
    rows: dict[str, list] = defaultdict(list)
    cur = {"doc": None}

    def hook(M, T, e, times, triggers, ref, lex):
        cands = own_time.candidates(T, e, times)
        rule = own_time.rule_pick(e, cands)
        nominal = L.is_nominal(e)
        feats = [own_time.features(T, e, c, cands, triggers, rule, ref, lex, nominal, L.lang_of(e)) for c in cands]
        rows[cur["doc"]].append({"trig": (e.trigger_start, e.trigger_end), "trigger": e.trigger, "type": e.type,
                                 "cands": [(c.start, c.end, c.text, c.value.kind) for c in cands], "feats": feats,
                                 "times": [(t.start, t.end, t.text, t.value.kind) for t in times]})
        return real_own(M, T, e, times, triggers, ref, lex)
    W = L.model()
    preds = {}
    L._own_time = hook
    try:
        for r in records:
            cur["doc"] = r["doc"]
            doc = ev.document(r["doc"])
            pre = sb._pre_refine(doc, cache) if len(doc.text) <= 50_000 else None
            if pre is None:
                preds[r["doc"]] = ev.predicted(sb.analysis(doc, None), corpus.text(r["doc"]))
                continue
            M = (models or {}).get(r["doc"], W)
            L.model = lambda M=M: M
            an = copy.deepcopy(pre)
            L.refine(doc.text, an)
            dateline.apply(doc, an, load_lexicon()["wires"])
            preds[r["doc"]] = ev.predicted(an, corpus.text(r["doc"]))
    finally:
        L._own_time = real_own
        L.model = lambda: W
    return preds, rows


def labelled(records: list[dict], preds: dict, rows: dict) -> list[tuple[str, list, list]]:
    """(doc, [(features, label)]) per matched event with a candidate: label 1 when the candidate overlaps the
    matched gold mention's time."""
    out = []
    for r in records:
        text = corpus.text(r["doc"])
        gold, pred = r["events"], preds[r["doc"]]
        by_trig = {row["trig"]: row for row in rows.get(r["doc"], [])}
        for gi, pi in ev.match(gold, pred, text):
            row = by_trig.get((pred[pi]["trigger"]["start"], pred[pi]["trigger"]["end"]))
            if row is None or not row["cands"]:
                continue
            gt = [a for a in gold[gi]["args"] if a["role"] == "time"]
            out.append((r["doc"], [(f, "1" if any(_ov(c[0], c[1], a["start"], a["end"]) for a in gt) else "0")
                                   for f, c in zip(row["feats"], row["cands"])]))
    return out


def _report_words() -> set[str]:
    """Speech verbs and complementizers (the lexicon's att_single, speaker_cues and report_comp), normalised."""
    from riwaya.events.extract import load_lexicon
    lex = load_lexicon()
    return set(lex["att_single"]["ar"]) | set(lex["speaker_cues"].get("ar", ())) | set(lex["report_comp"]["ar"])


def classes(records: list[dict], preds: dict, rows: dict) -> tuple[Counter, dict]:
    """Misses and false times of matched events, classed (the module's doc)."""
    from riwaya.textutil import normalize_ar
    report = _report_words()

    def told(a: int, b: int) -> bool:       # a speech verb or complementizer in text[a:b]
        return any(normalize_ar(w.strip("،,.\"«»")) in report for w in text[a:b].split())
    cnt, ex = Counter(), defaultdict(list)
    for r in records:
        text = corpus.text(r["doc"])
        bounds = [0] + [i + 1 for i, ch in enumerate(text) if ch in ".!?؟\n"] + [len(text) + 1]
        gold, pred = r["events"], preds[r["doc"]]
        by_trig = {row["trig"]: row for row in rows.get(r["doc"], [])}
        for gi, pi in ev.match(gold, pred, text):
            g, p = gold[gi], pred[pi]
            gt = [a for a in g["args"] if a["role"] == "time"]
            pt = [a for a in p["args"] if a["role"] == "time"]
            ts = p["trigger"]["start"]
            k = bisect.bisect_right(bounds, ts) - 1
            s0, s1 = bounds[k], bounds[min(k + 1, len(bounds) - 1)]
            row = by_trig.get((ts, p["trigger"]["end"])) or {"cands": [], "times": []}
            sent = text[s0:s1].strip()
            for a in gt:
                if any(_ov(a["start"], a["end"], b["start"], b["end"]) for b in pt):
                    cnt["right"] += 1
                    continue
                dated = [c for c in row["cands"] if _ov(c[0], c[1], a["start"], a["end"])]
                anyt = [t for t in row["times"] if _ov(t[0], t[1], a["start"], a["end"])]
                if a["start"] < s0:
                    c = "miss: other sentence" + (" (first 150 chars)" if a["start"] < 150 else "")
                elif dated:
                    c = "miss: model rejects" + (" (took another)" if pt else "") + (
                        " (report's time: a speech verb or complementizer between)"
                        if a["end"] <= ts and told(a["end"], ts) else "")
                elif anyt and anyt[0][3] in ("date", "time"):
                    c = "miss: sentence bounds"
                elif anyt:
                    c = f"miss: loose rejects ({anyt[0][3]})"
                else:
                    c = "miss: no candidate"
                cnt[c] += 1
                ex[c].append(f"{r['doc']} «{g['trigger']['text']}» gold «{a['text']}» pred "
                             f"{[b['text'] for b in pt]} | {sent[:300]}")
            for b in pt:
                if any(_ov(a["start"], a["end"], b["start"], b["end"]) for a in gt):
                    continue
                speech = told(min(b["end"], ts), max(b["start"], p["trigger"]["end"]))
                # "أفادت مصادر أمنية أمس بمقتل 24": a speech verb among the six words before a time that precedes
                # the trigger, nothing told between
                left = not speech and b["end"] <= ts and any(
                    normalize_ar(w.strip("،,.\"«»")) in report for w in text[s0:b["start"]].split()[-6:])
                kind = next((t[3] for t in row["times"] if t[0] == b["start"] and t[1] == b["end"]), "?")
                c = (("false: gold has another" if gt else "false: no gold time")
                     + (" (speech between)" if speech else "") + (" (speech before the time)" if left else "")
                     + ("" if kind in ("date", "time") else f" [{kind}]"))
                cnt[c] += 1
                ex[c].append(f"{r['doc']} «{g['trigger']['text']}» gold {[a['text'] for a in gt]} pred «{b['text']}»"
                             f" | {sent[:300]}")
    return cnt, ex


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", default="train")
    ap.add_argument("--cache", required=True)
    ap.add_argument("--k", type=int, default=4, help="folds on train (0: the shipped model, in sample)")
    ap.add_argument("--C", type=float, default=0.5)
    ap.add_argument("--threshold", type=float, default=None, help="the refit's threshold (the shipped one by default)")
    ap.add_argument("--examples", type=int, default=0)
    ap.add_argument("--cls", default=None, help="print the examples of the classes starting with this")
    ap.add_argument("--json", default=None)
    a = ap.parse_args(argv)
    recs = ev.load(a.split, "ar")
    cache = Path(a.cache)
    cache.mkdir(parents=True, exist_ok=True)
    preds, rows = run(recs, cache)
    if a.k and a.split == "train":
        here = Path(__file__).resolve().parent
        sys.path.insert(0, str(here.parents[1] / "scripts"))
        import riwaya.events.learned as L
        W = L.model()
        import train_events as te
        L.model = lambda: W
        data = labelled(recs, preds, rows)
        fold = lambda d: zlib.crc32(d.encode()) % a.k       # noqa: E731
        models = {}
        for f in range(a.k):
            m = te.fit([x for d, xs in data if fold(d) != f for x in xs], a.C)
            m["threshold"] = a.threshold if a.threshold is not None else W["ar"]["time"]["threshold"]
            for key in ("keep",):
                if key in W["ar"]["time"]:
                    m[key] = W["ar"]["time"][key]
            M = {**W, "ar": {**W["ar"], "time": m}}
            models.update({r["doc"]: M for r in recs if fold(r["doc"]) == f})
        preds, rows = run(recs, cache, models)
    fig = sb.figures(recs, preds)
    t = fig["per_role_overlap"].get("time", {})
    print(f"time {t}  all_right {fig['all_right']} class_and_actor {fig['class_and_actor_right']} "
          f"args overlap {fig['arguments_overlap']['f1']} exact {fig['arguments_exact']}")
    cnt, ex = classes(recs, preds, rows)
    for k, v in sorted(cnt.items(), key=lambda x: -x[1]):
        print(f"  {v:4d}  {k}")
        if a.examples and a.cls and k.startswith(a.cls):
            for line in ex[k][:a.examples]:
                print(f"         {line}")
    if a.json:
        Path(a.json).write_text(json.dumps({"figures": fig, "classes": cnt}, ensure_ascii=False, indent=1), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Score riwaya's per-document stage against the annotated event corpus.

    python benchmarks/events_corpus/eval_corpus.py [--split test] [--lang ar|en] [--json OUT] [-v]

Each annotated document is read from ../shared/data (texts never enter the repo), analysed by
`riwaya.analyze.analyze` exactly as a build would, and compared with the gold mentions:

- trigger: a predicted event matches a gold mention when their trigger spans overlap (one-to-one, greedy
  by position); "typed" also needs the same class.
- arguments: (role, span) pairs of matched events, `time` included (the event's time expression, matched
  by overlap with the gold time span); exact = same offsets, overlap = spans overlap. Roles compared:
  agent patient companion origin destination via place means time amount decider; the event's time only
  when its expression is in the trigger's sentence (a time carried from the narrative is not scored here).
- polarity: riwaya's `negated`/`polarity` mapped onto the guideline's values (hedged counts as asserted).
- source: right when the gold source list is empty and riwaya credits no in-text source, or when the
  innermost gold source overlaps riwaya's innermost in-text chain link.
- all right: a gold mention matched with the right class, every argument right (nothing missing, nothing
  extra, by overlap), polarity and source right.
"""
from __future__ import annotations

import argparse
import bisect
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402

ROLES = ("agent", "patient", "companion", "origin", "destination", "via", "place", "means", "time", "amount",
         "decider")


def load(split: str | None, lang: str | None, path: Path = corpus.OUT) -> list[dict]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        rl = "en" if r["doc"].startswith(("gum/", "puden/")) else "ar"
        if (split is None or r["split"] == split) and (lang is None or rl == lang):
            out.append(r)
    return out


def document(doc_id: str):
    from riwaya.ingest.metadata import with_metadata
    from riwaya.ingest.readers import _make  # the builder a JSONL line goes through
    text = corpus.text(doc_id)
    doc = with_metadata(_make(text, None, doc_id, corpus.meta(doc_id)))   # as a build does (datelines)
    if doc.text != text:  # gold offsets index the text as stored in ../shared
        raise ValueError(f"{doc_id}: ingest changed the text (line ends?); gold offsets would not hold")
    return doc


def predicted(analysis, text: str = "") -> list[dict]:
    """riwaya's events in the corpus's shape. The event's time counts as an argument only when its
    expression stands in the trigger's sentence: a time carried over from the narrative is context, which
    the annotation does not mark (it is judged by the event-time overlap, not here)."""
    out = []
    times = analysis.times
    bounds = [0] + [i + 1 for i, ch in enumerate(text) if ch in ".!?؟\n"] + [len(text) + 1]

    def sentence(pos):
        k = bisect.bisect_right(bounds, pos) - 1
        return bounds[k], bounds[min(k + 1, len(bounds) - 1)]
    for ev in analysis.events:
        args = [{"role": a.role, "start": a.start, "end": a.end, "text": a.text}
                for a in ev.arguments if a.role in ROLES]
        if ev.time is not None and ev.time.text:
            # the event's time as a span: the time mention with that text nearest the trigger
            s0, s1 = sentence(ev.trigger_start) if text else (0, 1 << 60)
            cands = [t for t in times if t.text == ev.time.text and s0 <= t.start < s1]
            if cands:
                t = min(cands, key=lambda t: abs(t.start - ev.trigger_start))
                args.append({"role": "time", "start": t.start, "end": t.end, "text": t.text})
        pol = "negated" if ev.negated else ev.polarity if ev.polarity in corpus.POLARITIES else "asserted"
        links = [l for l in ev.attribution.chain if l.get("kind") not in ("outlet", "_same_report")]
        out.append({"trigger": {"start": ev.trigger_start, "end": ev.trigger_end, "text": ev.trigger},
                    "class": ev.cls, "type": ev.type, "args": args, "polarity": pol, "links": links})
    return out


def _ov(a, b) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


# light verbs whose noun carries the event (أصدر قرارا، قام بزيارة، شن هجوما, "held talks"): annotators mark
# the noun (GUIDELINE 1), a system may mark the verb; a trigger pair of one light verb and the word right
# after it (up to five words later, in one sentence) counts as the same trigger.
LIGHT = {"اصدر", "اصدرت", "يصدر", "تصدر", "قام", "قامت", "يقوم", "تقوم", "شن", "شنت", "يشن", "تشن", "اجري", "اجرت",
         "يجري", "تجري", "عقد", "عقدت", "يعقد", "تعقد", "نفذ", "نفذت", "ينفذ", "تنفذ", "وجه", "وجهت", "اطلق", "اطلقت",
         "held", "hold", "holds", "made", "make", "makes", "carried", "launched", "issued", "gave", "paid"}


def _light(t: dict) -> bool:
    from riwaya.textutil import normalize_ar
    w = t["text"].strip()
    w = w[1:] if w[:1] in "وف" and normalize_ar(w[1:]) in LIGHT else w
    return normalize_ar(w).lower() in LIGHT


def _same_trigger(g: dict, p: dict, text_between) -> bool:
    if _ov(g, p):
        return True
    a, b = (g, p) if g["start"] < p["start"] else (p, g)
    gap = text_between(a["end"], b["start"])
    # the light verb comes first; in VSO order its subject may stand between (أصدرت الحكومة قرارا)
    return len(gap.split()) <= 5 and not any(c in gap for c in ".!?؟\n") and _light(a)


def match(gold: list[dict], pred: list[dict], text: str = "") -> list[tuple[int, int]]:
    pairs, used = [], set()
    between = lambda s, e: text[s:e] if text else " x x "  # noqa: E731
    for gi, g in enumerate(gold):
        best = None
        for pi, p in enumerate(pred):
            if pi not in used and _same_trigger(g["trigger"], p["trigger"], between):
                if best is None or (p["class"] == g["class"]) > (pred[best]["class"] == g["class"]):
                    best = pi
        if best is not None:
            used.add(best)
            pairs.append((gi, best))
    return pairs


def source_right(g: dict, p: dict) -> bool:
    gs = g.get("source") or []
    links = [l for l in p["links"] if l.get("start") is not None]
    if not gs:
        return not p["links"]
    if not links:
        return False
    inner = gs[-1]
    return any(_ov(inner, l) for l in links[-1:]) or any(
        (l.get("name") or "").strip() and (l.get("name") or "").strip() in inner["text"] for l in p["links"][-1:])


def prf(tp, fp, fn) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"p": round(p, 3), "r": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
            "tp": tp, "fp": fp, "fn": fn}


def evaluate(records: list[dict], verbose: bool = False) -> dict:
    from riwaya.analyze import analyze
    c = Counter()
    per_class = defaultdict(Counter)
    per_role = defaultdict(Counter)
    t0 = time.perf_counter()
    for r in records:
        an = analyze(document(r["doc"]))
        gold, pred = r["events"], predicted(an, corpus.text(r["doc"]))
        pairs = match(gold, pred, corpus.text(r["doc"]))
        c["gold"] += len(gold)
        c["pred"] += len(pred)
        c["docs"] += 1
        matched_g = {gi for gi, _ in pairs}
        matched_p = {pi for _, pi in pairs}
        for gi, g in enumerate(gold):
            per_class[g["class"]]["gold"] += 1
            if gi not in matched_g and verbose:
                print(f"MISS {r['doc']} {g['type']} {g['trigger']['text']}")
        for pi, p in enumerate(pred):
            per_class[p["class"]]["pred"] += 1
            if pi not in matched_p and verbose:
                print(f"FALSE {r['doc']} {p['type']} {p['trigger']['text']}")
        for gi, pi in pairs:
            g, p = gold[gi], pred[pi]
            c["tp"] += 1
            typed = g["class"] == p["class"]
            c["tp_typed"] += typed
            per_class[g["class"]]["tp"] += typed
            gargs = [a for a in g["args"] if a["role"] in ROLES]
            pargs = p["args"]
            ok_args = True
            for mode in ("exact", "overlap"):
                same = (lambda a, b: a["start"] == b["start"] and a["end"] == b["end"]) if mode == "exact" else _ov
                used = set()
                for ga in gargs:
                    hit = next((j for j, pa in enumerate(pargs) if j not in used and pa["role"] == ga["role"]
                                and same(ga, pa)), None)
                    if hit is None:
                        c[f"arg_fn_{mode}"] += 1
                        per_role[ga["role"]][f"fn_{mode}"] += 1
                        ok_args &= mode != "overlap"
                    else:
                        used.add(hit)
                        c[f"arg_tp_{mode}"] += 1
                        per_role[ga["role"]][f"tp_{mode}"] += 1
                for j, pa in enumerate(pargs):
                    if j not in used:
                        c[f"arg_fp_{mode}"] += 1
                        per_role[pa["role"]][f"fp_{mode}"] += 1
                        ok_args &= mode != "overlap"
            pol_ok = g["polarity"] == p["polarity"]
            src_ok = source_right(g, p)
            c["pol_ok"] += pol_ok
            c["src_ok"] += src_ok
            actor = next((a for a in gargs if a["role"] in ("agent", "patient")), None)
            actor_ok = actor is None or any(pa["role"] == actor["role"] and _ov(actor, pa) for pa in pargs)
            c["class_actor_ok"] += typed and actor_ok
            c["all_ok"] += typed and ok_args and pol_ok and src_ok
            if verbose and not (typed and ok_args and pol_ok and src_ok):
                print(f"PART {r['doc']} {g['type']}/{p['type']} {g['trigger']['text']}: pol {g['polarity']}/"
                      f"{p['polarity']} src {'ok' if src_ok else 'x'} gold {[(a['role'], a['text']) for a in gargs]}"
                      f" pred {[(a['role'], a['text']) for a in pargs]}")
    secs = time.perf_counter() - t0
    n = c["gold"] or 1
    res = {
        "documents": c["docs"], "gold": c["gold"], "predicted": c["pred"],
        "trigger": prf(c["tp"], c["pred"] - c["tp"], c["gold"] - c["tp"]),
        "trigger_typed": prf(c["tp_typed"], c["pred"] - c["tp_typed"], c["gold"] - c["tp_typed"]),
        "arguments_exact": prf(c["arg_tp_exact"], c["arg_fp_exact"], c["arg_fn_exact"]),
        "arguments_overlap": prf(c["arg_tp_overlap"], c["arg_fp_overlap"], c["arg_fn_overlap"]),
        "polarity_accuracy": round(c["pol_ok"] / c["tp"], 3) if c["tp"] else 0.0,
        "source_accuracy": round(c["src_ok"] / c["tp"], 3) if c["tp"] else 0.0,
        "class_and_actor_right": round(c["class_actor_ok"] / n, 3),
        "all_right": round(c["all_ok"] / n, 3),
        "per_class": {k: prf(v["tp"], v["pred"] - v["tp"], v["gold"] - v["tp"]) for k, v in sorted(per_class.items())},
        "per_role_overlap": {k: prf(v["tp_overlap"], v["fp_overlap"], v["fn_overlap"]) for k, v in sorted(per_role.items())},
        "seconds": round(secs, 1),
    }
    return res


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", default="dev", help="train | dev | test | all (dev by default: the frozen test is scored on purpose, --split test)")
    ap.add_argument("--lang", default=None, choices=["ar", "en"])
    ap.add_argument("--json", default=None, help="write the figures here")
    ap.add_argument("--last", type=int, default=0, help="only the last N documents of the split (the part of "
                    "train that scripts/train_events.py holds out while no dev split is annotated)")
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args(argv)
    recs = load(None if a.split == "all" else a.split, a.lang)
    if a.last:
        recs = recs[-a.last:]
    if not recs:
        print("no annotated documents for that split/language")
        return 1
    out = {}
    for lang in ([a.lang] if a.lang else ["ar", "en"]):
        sub = [r for r in recs if (r["doc"].startswith(("gum/", "puden/")) == (lang == "en"))]
        if sub:
            out[lang] = evaluate(sub, a.verbose)
    print(json.dumps(out, indent=1, ensure_ascii=False))
    if a.json:
        Path(a.json).write_text(json.dumps(out, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

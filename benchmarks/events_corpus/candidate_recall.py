"""Candidate recall per role: which gold arguments the argument, time and source models could never pick,
because no candidate the rules propose overlaps them (arcand20, issue #14).

    python benchmarks/events_corpus/candidate_recall.py --split train [--cache DIR] [--examples 5] [--role agent]
           [--json OUT]

For every gold Arabic mention whose trigger riwaya matches (eval_corpus.match), each gold argument of the
roles below is looked up among what the models chose from:
- agent, patient, place, origin, destination, companion, amount: `learned.candidates` (the rules' arguments,
  entity mentions of the sentence, bare noun phrases near the trigger, the rules' subjects);
- time: `own_time.candidates` (the date and clock times of the trigger's sentence);
- source: the innermost gold link against `learned.speaker_candidates`, a headline's teller
  (`learned._headline_speaker`, asked after the model when no other source stands) and the article's dateline.
A gold argument is "covered" when a candidate overlaps it; "right" when the final output has it in that
role (overlap, as eval_corpus scores). Misses are sorted by a coarse cause (another sentence, far from the
trigger, inside another candidate's words ...) for reading. The same cache as slot_breaks.py (the analysis
before `learned.refine`): a change to candidate generation inside refine is measured in minutes.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402
import eval_corpus as ev  # noqa: E402
import slot_breaks  # noqa: E402

ROLES = ("agent", "patient", "place", "time", "origin", "destination", "companion", "amount")


def _ov(a0, a1, b0, b1) -> bool:
    return a0 < b1 and b0 < a1


def run(records: list[dict], cache: Path | None):
    """Per document: (gold events, predicted events, {trigger span: arg candidates}, {trigger span: time
    candidates}, {trigger span: speaker candidates}, dateline span or None, text)."""
    import riwaya.events.learned as L
    from riwaya.events import own_time
    real = (L.candidates, own_time.candidates, L.speaker_candidates, L._headline_speaker)
    rec = {}

    def cands(T, e, *a, **k):
        out = real[0](T, e, *a, **k)
        rec["arg"][(e.trigger_start, e.trigger_end)] = [(c.start, c.end, c.text, c.subject or c.etype) for c in out]
        return out

    def tcands(T, e, times):
        out = real[1](T, e, times)
        rec["time"][(e.trigger_start, e.trigger_end)] = [(t.start, t.end, t.text) for t in out]
        return out

    def scands(T, e, sps):
        out = real[2](T, e, sps)
        rec["src"][(e.trigger_start, e.trigger_end)] = [(x.start, x.end, x.text, x.kind) for x in out]
        return out
    def headline(T, e, *a, **k):
        out = real[3](T, e, *a, **k)
        if out is not None:     # the headline's teller, credited after the source model (arslots19)
            rec["src"].setdefault((e.trigger_start, e.trigger_end), []).append((*out, T.text[out[0]:out[1]], "headline"))
        return out
    L.candidates, own_time.candidates, L.speaker_candidates, L._headline_speaker = cands, tcands, scands, headline
    out = []
    try:
        for r in records:
            rec.update(arg={}, time={}, src={})
            doc = ev.document(r["doc"])
            text = corpus.text(r["doc"])
            an = slot_breaks.analysis(doc, cache)
            dl = (doc.meta or {}).get("dateline")
            dspan = (int(dl["start"]), int(dl["end"])) if isinstance(dl, dict) and dl.get("start") is not None else None
            out.append((r, ev.predicted(an, text), dict(rec["arg"]), dict(rec["time"]), dict(rec["src"]), dspan, text))
    finally:
        L.candidates, own_time.candidates, L.speaker_candidates, L._headline_speaker = real
    return out


def _sentence(text: str, pos: int) -> tuple[int, int]:
    a = max(text.rfind(ch, 0, pos) for ch in ".!?؟\n") + 1
    ends = [i for i in (text.find(ch, pos) for ch in ".!?؟\n") if i >= 0]
    return a, (min(ends) + 1 if ends else len(text))


def cause(text: str, g: dict, ga: dict, cands) -> str:
    """A coarse reason why no candidate overlaps gold argument ga of gold event g."""
    t0, t1 = g["trigger"]["start"], g["trigger"]["end"]
    if _ov(ga["start"], ga["end"], t0, t1):
        return "overlaps the trigger"
    s0, s1 = _sentence(text, t0)
    if not (s0 <= ga["start"] < s1):
        return "another sentence"
    between = text[min(ga["end"], t1):max(ga["start"], t0)]
    words = len(between.split())
    side = "before" if ga["end"] <= t0 else "after"
    if words > 6:
        return f"same sentence, {side}, far (>6 words)"
    return f"same sentence, {side}, near"


def measure(runs) -> dict:
    n = defaultdict(Counter)
    causes = defaultdict(Counter)
    examples = defaultdict(list)
    for r, pred, argc, timec, srcc, dspan, text in runs:
        gold = r["events"]
        for gi, pi in ev.match(gold, pred, text):
            g, p = gold[gi], pred[pi]
            key = (p["trigger"]["start"], p["trigger"]["end"])
            line0 = f"{r['doc']} {g['type']} «{g['trigger']['text']}»"
            for ga in g["args"]:
                role = ga["role"]
                if role not in ROLES:
                    continue
                cs = timec.get(key) if role == "time" else argc.get(key)
                if cs is None:
                    n[role]["no candidates run"] += 1
                    continue
                n[role]["gold"] += 1
                cov = any(_ov(ga["start"], ga["end"], c[0], c[1]) for c in cs)
                right = any(pa["role"] == role and ev._ov(ga, pa) for pa in p["args"])
                n[role]["covered"] += cov
                n[role]["right"] += right
                n[role]["right | covered"] += right and cov
                if not cov:
                    why = cause(text, g, ga, cs)
                    causes[role][why] += 1
                    s0, s1 = _sentence(text, g["trigger"]["start"])
                    examples[(role, why)].append(
                        f"{line0}: gold «{ga['text']}» | cands {[c[2] for c in cs][:8]} | «{text[s0:s1].strip()[:220]}»")
            gs = g.get("source") or []
            if not gs:
                continue
            inner = gs[-1]
            if inner.get("start") is None:
                continue
            cs = srcc.get(key)
            if cs is None:
                n["source"]["no candidates run"] += 1
                continue
            n["source"]["gold"] += 1
            cov = any(_ov(inner["start"], inner["end"], c[0], c[1]) for c in cs)
            dl = dspan is not None and _ov(inner["start"], inner["end"], *dspan)
            n["source"]["covered"] += cov or dl
            n["source"]["covered by the dateline"] += dl and not cov
            right = ev.source_right(g, p)
            n["source"]["right"] += right
            n["source"]["right | covered"] += right and (cov or dl)
            if not (cov or dl):
                why = cause(text, g, inner, cs)
                causes["source"][why] += 1
                s0, s1 = _sentence(text, g["trigger"]["start"])
                examples[("source", why)].append(
                    f"{line0}: gold «{inner['text']}» | cands {[c[2] for c in cs][:6]} | «{text[s0:s1].strip()[:220]}»")
    return {"n": n, "causes": causes, "examples": examples}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", default="train")
    ap.add_argument("--cache", default=None)
    ap.add_argument("--examples", type=int, default=0)
    ap.add_argument("--role", default=None)
    ap.add_argument("--json", default=None)
    ap.add_argument("--off", action="append", default=[],
                    help="a switch of riwaya.events.learned to turn off for this run (e.g. SPEAKER_TRIM)")
    a = ap.parse_args(argv)
    import riwaya.events.learned as L
    for name in a.off:
        if not isinstance(getattr(L, name), bool):
            raise SystemExit(f"{name}: no switch of learned")
        setattr(L, name, False)
    recs = ev.load(a.split, "ar")
    cache = Path(a.cache) if a.cache else None
    if cache:
        cache.mkdir(parents=True, exist_ok=True)
    runs = run(recs, cache)
    fig = slot_breaks.figures(recs, {r["doc"]: pred for r, pred, *_ in runs})
    print(" ".join(f"{k} {fig[k]['f1']}" for k in ("trigger", "arguments_overlap", "arguments_exact")), " ".join(
        f"{k} {fig[k]}" for k in ("class_and_actor_right", "all_right", "polarity_accuracy", "source_accuracy")))
    res = measure(runs)
    print(f"candidate recall, ar {a.split} (gold arguments of matched mentions): role gold covered recall "
          "right right-of-covered")
    table = {}
    for role in ROLES + ("source",):
        c = res["n"][role]
        if not c["gold"]:
            continue
        rec, rr = c["covered"] / c["gold"], c["right | covered"] / max(1, c["covered"])
        table[role] = {**c, "recall": round(rec, 3), "right_of_covered": round(rr, 3)}
        print(f"  {role:12s} {c['gold']:5d} {c['covered']:5d} {rec:.3f} {c['right']:5d} {rr:.3f}"
              + (f"  (dateline {c['covered by the dateline']})" if role == "source" else ""))
    for role in ROLES + ("source",):
        if a.role and role != a.role:
            continue
        if not res["causes"][role]:
            continue
        print(f"\n{role} misses by cause:")
        for why, k in res["causes"][role].most_common():
            print(f"  {k:4d}  {why}")
            for line in res["examples"][(role, why)][:a.examples]:
                print(f"          {line}")
    if a.json:
        Path(a.json).write_text(json.dumps({"figures": fig, "table": table, "causes": {r: dict(c) for r, c in res["causes"].items()}},
                                           indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

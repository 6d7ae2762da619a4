"""Agents far before the trigger or in another sentence: where they stand, and what a rule that carries an
earlier subject over would give (agent21, issue #14).

    python benchmarks/events_corpus/far_agents.py --split train [--cache DIR] [--examples N] [--set FLAG=VALUE]

Arabic, end to end (the analysis before `learned.refine` cached as slot_breaks.py does, then refine). Two tables
over the gold mentions whose trigger riwaya matches:

1. **Missed far agents**: each gold agent no predicted agent overlaps that stands more than 6 words before the
   trigger in its sentence ("far") or in another sentence ("other"), by the trigger's shape (a finite verb by
   `learned._finite_verb`, with or without و/ف; else "noun": a verbal noun, or a masculine past verb whose bare
   stem the shape test cannot tell from one, هاجم، قتل), whether the event got another agent, whether an
   earlier event's predicted agent overlaps it (a carried subject could reach it) and whether a speech verb's
   subject does (`learned.speakers`).
2. **Carried subjects where the model left the agent empty**: for each matched event with no predicted agent,
   the nearest earlier antecedent — (a) the agent of the nearest earlier event of the same sentence within 12
   words, (b) the same in any sentence, (c) the nearest earlier agent or speech verb's subject within 600
   characters — scored against the gold agents: right (overlaps one), wrong (the gold has another), none (the
   gold has no agent: a false agent), by the trigger's shape.

`--set TOPICS=true` (any bool flag of learned) runs with it set. Reads train or dev; never the frozen test.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import eval_corpus as E  # noqa: E402
import slot_breaks  # noqa: E402

FAR = 6           # words between an agent and its trigger beyond which it counts as far
GAP = 12          # words from the earlier event's trigger to this one for (a) and (b)
SPAN = 600        # characters back for (c)


def _ov(a0, a1, b0, b1) -> bool:
    return a0 < b1 and b0 < a1


def shape(L, T, ev) -> str:
    ti, _ = T.tok_range(ev.trigger_start, ev.trigger_end)
    w = T.word(ti)
    return "conj verb" if L._finite_verb(w, True) else "verb" if L._finite_verb(w, False) else "noun"


def analyses(split: str, cache: Path | None):
    for r in E.load(split, "ar"):
        doc = E.document(r["doc"])
        yield r, doc.text, slot_breaks.analysis(doc, cache)


def antecedents(L, T, an, ev, sps) -> dict[str, tuple | None]:
    """(a), (b), (c) above: (start, end, text) of the carried subject, or None."""
    s0, _ = T.sentence(ev.trigger_start)
    ti, _ = T.tok_range(ev.trigger_start, ev.trigger_end)
    out = {}
    for key, same in (("a: earlier event, same sentence", True), ("b: earlier event, any sentence", False)):
        best = None
        for q in an.events:
            if q.trigger_end > ev.trigger_start or (same and q.trigger_start < s0):
                continue
            ag = next((a for a in q.arguments if a.role == "agent" and a.end <= ev.trigger_start), None)
            if ag is not None and (best is None or q.trigger_start > best[0].trigger_start):
                best = (q, ag)
        if best is not None and ti - T.tok_range(best[0].trigger_start, best[0].trigger_end)[1] <= GAP:
            out[key] = (best[1].start, best[1].end, best[1].text)
        else:
            out[key] = None
    cands = [(x.cue_start, x.start, x.end, x.text) for x in sps if x.subject and x.cue_end <= ev.trigger_start
             and ev.trigger_start - x.cue_start <= SPAN and x.end <= ev.trigger_start]
    cands += [(q.trigger_start, a.start, a.end, a.text) for q in an.events
              if q.trigger_end <= ev.trigger_start and ev.trigger_start - q.trigger_start <= SPAN
              for a in q.arguments if a.role == "agent" and a.end <= ev.trigger_start]
    c = max(cands, default=None)
    out["c: last agent or speaker"] = c[1:] if c else None
    return out


def measure(runs, nex: int = 0):
    import riwaya.events.learned as L
    missed, carried, ex = Counter(), defaultdict(Counter), defaultdict(list)
    for r, text, an in runs:
        T = L.Text(text)
        pred = E.predicted(an, text)
        sps = L.speakers(T, an, L._lexicon())[0]
        for gi, pi in E.match(r["events"], pred, text):
            g, ev = r["events"][gi], an.events[pi]
            ga = [a for a in g["args"] if a["role"] == "agent"]
            pa = [a for a in ev.arguments if a.role == "agent"]
            sh = shape(L, T, ev)
            s0, s1 = T.sentence(ev.trigger_start)
            for a in ga:
                if any(_ov(a["start"], a["end"], b.start, b.end) for b in pa):
                    continue
                if s0 <= a["start"] < s1:
                    if a["start"] >= ev.trigger_start or len(text[a["end"]:ev.trigger_start].split()) <= FAR:
                        continue
                    where = "far before"
                else:
                    where = "another sentence"
                prev = any(q.trigger_start < ev.trigger_start and any(
                    b.role == "agent" and _ov(a["start"], a["end"], b.start, b.end) for b in q.arguments)
                    for q in an.events)
                sp = any(_ov(a["start"], a["end"], x.start, x.end) and x.cue_start < ev.trigger_start for x in sps)
                k = (where, sh, "another agent chosen" if pa else "no agent", "an earlier event's agent" if prev
                     else "-", "a speaker" if sp else "-")
                missed[k] += 1
                ex[k].append(f"{r['doc']} «{ev.trigger}» gold «{a['text'][:30]}» | "
                             f"{text[max(0, a['start'] - 20):ev.trigger_end + 15][:240]!r}")
            if pa:
                continue
            for key, c in antecedents(L, T, an, ev, sps).items():
                if c is None:
                    continue
                ok = "right" if any(_ov(c[0], c[1], x["start"], x["end"]) for x in ga) else (
                    "wrong" if ga else "none")
                carried[(key, sh)][ok] += 1
    return missed, carried, ex


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", default="train", choices=("train", "dev"))
    ap.add_argument("--cache", default=None)
    ap.add_argument("--examples", type=int, default=0)
    ap.add_argument("--set", action="append", default=[], help="FLAG=true|false: a switch of learned")
    a = ap.parse_args(argv)
    import riwaya.events.learned as L
    for s in a.set:
        name, v = s.split("=", 1)
        if not isinstance(getattr(L, name), bool):
            raise SystemExit(f"{name}: no switch of learned")
        setattr(L, name, json.loads(v.lower()))
    cache = Path(a.cache) if a.cache else None
    if cache:
        cache.mkdir(parents=True, exist_ok=True)
    missed, carried, ex = measure(analyses(a.split, cache))
    print(f"== missed agents far before the trigger or in another sentence, ar {a.split} ({sum(missed.values())})")
    for k, v in sorted(missed.items(), key=lambda kv: -kv[1]):
        print(f"{v:5d}  {', '.join(x for x in k if x != '-')}")
        for e in ex[k][:a.examples]:
            print(f"          {e}")
    print(f"\n== carried subjects for matched events the model left without an agent, ar {a.split}")
    print(f"{'antecedent':36s} {'trigger':10s} {'right':>6s} {'wrong':>6s} {'none':>6s}")
    for (key, sh), c in sorted(carried.items()):
        print(f"{key:36s} {sh:10s} {c['right']:6d} {c['wrong']:6d} {c['none']:6d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""False triggers and main-actor errors by cause (Arabic), with counts and examples (trig7).

    python benchmarks/events_corpus/trigger_actor_errors.py [--split dev]

Runs riwaya on the split as eval_corpus.py does (same matching) and sorts
- every false trigger (a predicted event that matches no gold mention) by each cause that applies: another
  predicted event of its class in the sentence that matched (a second word for one happening, or a
  neighbour of a real one), a number next to it (a count), inside an entity mention (a name), told as
  planned / negated / a question..., a sentence without any gold event; how often its word (stem) is a gold
  trigger in the train split (never seen, never, under 1 of 3, 1 of 3 or more: then mostly a use the
  annotator did not mark here); where it came from (curated lexicon, a form learned from train, the
  proposer);
- the class confusions of matched events;
- every matched event of the right class whose main actor (the first gold agent or patient) is wrong: the
  gold actor in another sentence, its type not judged by the argument model, the gold phrase given another
  role, no candidate covering it (before or after the trigger), another candidate chosen (a speaker, another
  event's agent, a bare phrase or an entity; across a clause boundary or not), or its best candidate under
  the bar (with the argument model's probability).
On the train split the models were fitted on the same documents: its counts show what they cannot learn.
"""
from __future__ import annotations

import argparse
import copy
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402
import eval_corpus as E  # noqa: E402


def stem_counts(records: list[dict]) -> tuple[Counter, Counter]:
    """Per stem (proclitic off): how often it is a gold trigger, how often it occurs."""
    from riwaya.events import learned
    from riwaya.textutil import normalize_ar
    gold_n, occ_n = Counter(), Counter()
    for r in records:
        starts = [e["trigger"]["start"] for e in r["events"]]
        for m in learned._TOKENS[learned.AR_PUNCT].finditer(corpus.text(r["doc"])):
            n = normalize_ar(m.group())
            k = n[len(learned._clitic(n)):]
            occ_n[k] += 1
            gold_n[k] += any(m.start() <= s < m.end() for s in starts)
    return gold_n, occ_n


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", default="dev", help="train | dev (never the frozen test split)")
    ap.add_argument("--examples", type=int, default=4)
    ap.add_argument("--detail", action="store_true", help="with each wrong main actor, the words from the gold "
                    "actor to the trigger, their distance in words, and the entity mention under the gold actor")
    a = ap.parse_args(argv)
    from riwaya.analyze import analyze
    from riwaya.events import learned
    from riwaya.textutil import normalize_ar
    raw_of = {}
    refine = learned.refine

    def keep_raw(text, an, lex=None):            # the rules' events, before the models decide
        raw_of["an"] = copy.deepcopy(an)
        return refine(text, an, lex)
    learned.refine = keep_raw
    gold_n, occ_n = stem_counts(E.load("train", "ar"))
    lex = learned._lexicon()
    M = learned.model_for("ar") or {}
    fcause, acause, conf = Counter(), Counter(), Counter()
    fex, aex = defaultdict(list), defaultdict(list)
    nfalse = 0
    for r in E.load(a.split, "ar"):
        doc = E.document(r["doc"])
        text = doc.text
        an = analyze(doc)
        raw = raw_of["an"]
        T = learned.Text(text)
        pred, gold = E.predicted(an, text), r["events"]
        pairs = E.match(gold, pred, text)
        mg, mp = dict(pairs), {pi: gi for gi, pi in pairs}
        for pi, p in enumerate(pred):
            ev = an.events[pi]
            if pi in mp:
                g = gold[mp[pi]]
                conf[f"{g['class']}->{p['class']}"] += g["class"] != p["class"]
                continue
            s0, s1 = T.sentence(ev.trigger_start)
            trig = normalize_ar(ev.trigger)
            k = trig[len(learned._clitic(trig)):]
            i, _ = T.tok_range(ev.trigger_start, ev.trigger_end)
            gold_in = [g for g in gold if s0 <= g["trigger"]["start"] < s1]
            nfalse += 1
            causes = []
            if any(qi != pi and qi in mp and s0 <= q["trigger"]["start"] < s1 and q["class"] == p["class"]
                   for qi, q in enumerate(pred)):
                causes.append("another event of its class in the sentence matched")
            elif any(g["class"] == p["class"] for g in gold_in):
                causes.append("an unmatched gold event of its class in the sentence")
            if T.word(i + 1)[:1].isdigit() or T.word(i - 1)[:1].isdigit():
                causes.append("next to a number (a count)")
            if any(m.start <= ev.trigger_start < m.end for m in an.mentions):
                causes.append("inside an entity mention (a name)")
            if p["polarity"] != "asserted":
                causes.append(f"told as {p['polarity']}")
            if not gold_in:
                causes.append("a sentence without any gold event")
            o = learned._lookup_origin(trig, lex)
            g_, o_ = gold_n[k], occ_n[k]
            causes.append("word: " + ("never seen in train" if o_ == 0 else "never a trigger in train" if g_ == 0 else
                                      "a trigger under 1 of 3 in train" if g_ * 3 < o_ else
                                      "a trigger 1 of 3 or more in train"))
            causes.append("from: " + (o[0] if o else "the proposer"))
            for c in causes:
                fcause[c] += 1
                fex[c].append(f"{ev.trigger}({ev.type})")
        rawby = {(e.trigger_start, e.trigger_end): e for e in raw.events}
        sps = learned.speakers(T, raw, lex)
        subj = learned.subjects(T, raw, sps[0])
        mentions = sorted(raw.mentions, key=lambda m: m.start)
        triggers = [(e.trigger_start, e.trigger_end) for e in raw.events]
        for gi, g in enumerate(gold):
            if gi not in mg or g["class"] != pred[mg[gi]]["class"]:
                continue
            p = pred[mg[gi]]
            actor = next((x for x in g["args"] if x["role"] in ("agent", "patient")), None)
            if actor is None or any(x["role"] == actor["role"] and E._ov(actor, x) for x in p["args"]):
                continue
            role, ev = actor["role"], an.events[mg[gi]]
            rv = rawby.get((ev.trigger_start, ev.trigger_end))
            s0, s1 = T.sentence(ev.trigger_start)
            if not s0 <= actor["start"] < s1:
                cause = "gold in another sentence"
            elif rv is None or "argument" not in M or ev.type not in M["argument"].get("types", ()):
                cause = "type not judged by the argument model"
            else:
                cands = learned.candidates(T, rv, mentions, subj)
                hit = [c for c in cands if c.start < actor["end"] and actor["start"] < c.end]
                other = [x for x in p["args"] if E._ov(actor, x)]
                chosen = [x for x in p["args"] if x["role"] == role]
                if other:
                    cause = f"given the role {other[0]['role']}"
                elif not hit:
                    cause = "no candidate " + ("before the trigger" if actor["start"] < ev.trigger_start else "after it")
                elif chosen:
                    cc = [c for c in cands if c.start < chosen[0]["end"] and chosen[0]["start"] < c.end]
                    kind = ("a speaker" if cc[0].subject == "speaker" else "another event's agent" if cc[0].subject
                            else cc[0].etype) if cc else "?"
                    lo, hi = sorted([chosen[0]["start"], ev.trigger_start])
                    across = re.search(r"[،,؛;:]|(?<!\w)[أا]ن(?!\w)", text[lo:hi])
                    cause = f"another candidate chosen ({kind}{', across a clause' if across else ''})"
                else:
                    best = max(learned.scores(M["argument"], learned.argument_features(T, rv, c, cands, triggers))
                               .get(role, 0.0) for c in hit)
                    cause = f"candidate under the bar (p {best:.1f})"
            acause[f"{role}: {cause}"] += 1
            ex = f"{ev.trigger}: gold {actor['text']} / {[(x['role'], x['text']) for x in p['args']][:3]}"
            if a.detail:
                lo, hi = sorted([actor["start"], ev.trigger_start])
                hi = max(hi, actor["end"], ev.trigger_end)
                gi_, _ = T.tok_range(actor["start"], actor["end"])
                ti_, _ = T.tok_range(ev.trigger_start, ev.trigger_end)
                ms = [m.type for m in raw.mentions if m.start < actor["end"] and actor["start"] < m.end]
                ex += f"\n             [{ti_ - gi_:+d} words; mention {ms or '-'}] " + text[lo:hi].replace("\n", " ")[:220]
            aex[f"{role}: {cause}"].append(ex)
    print(f"== {a.split}: {nfalse} false triggers by cause (one may have several)")
    for c, n in fcause.most_common():
        print(f"{n:5d}  {c}   e.g. {', '.join(fex[c][:a.examples])}")
    print(f"== {a.split}: class confusions of matched events: {[(k, v) for k, v in conf.most_common() if v]}")
    print(f"== {a.split}: main actor wrong on {sum(acause.values())} matched events of the right class")
    for c, n in acause.most_common():
        print(f"{n:5d}  {c}")
        for x in aex[c][:a.examples]:
            print("         " + x)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Arabic agents by outcome (evagent18, issue #14): each predicted agent of a matched event of the right class
is right (overlaps a gold agent) or false (the gold event has another agent / none), told apart by whether the
fill (`learned._fill`) or the model and rules gave it; each gold agent missed is read as another role, or has no
prediction over it: shared with an earlier gold event's agent (the subject a dropped-subject verb or noun takes
from an earlier clause), a pronoun, or where it stands (same sentence before / after the trigger, another
sentence; verb or noun trigger; whether the event got another agent).

    python benchmarks/events_corpus/agent_errors.py dev [EXAMPLES]      # train | dev, never the frozen test
"""
from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import eval_corpus as E  # noqa: E402
from riwaya.analyze import analyze  # noqa: E402
from riwaya.events import learned  # noqa: E402
from riwaya.textutil import normalize_ar  # noqa: E402

PRON = re.compile(r"^[وف]?(?:هو|هي|هم|هما|هن|نحن|انا)$")
FILLS: list[tuple[int, int]] = []          # the spans the fill chose in the document being analysed
_fill = learned._fill


def _fill_rec(probs, fill, ev=None, T=None):
    out = _fill(probs, fill, ev, T)
    FILLS.extend((c.start, c.end) for c, _, r in out if r == "agent")
    return out


def main(split: str, nex: int = 0) -> Counter:
    assert split in ("train", "dev"), "train or dev: never the frozen test split"
    learned._fill = _fill_rec
    C, EX = Counter(), defaultdict(list)
    for r in E.load(split, "ar"):
        doc = E.document(r["doc"])
        FILLS.clear()
        an = analyze(doc)
        text = doc.text
        T = learned.Text(text)
        gold, pred = r["events"], E.predicted(an, text)
        gagents = [(g, a) for g in gold for a in g["args"] if a["role"] == "agent"]
        for gi, pi in E.match(gold, pred, text):
            g, p = gold[gi], pred[pi]
            if g["class"] != p["class"]:
                continue
            ev = an.events[pi]
            ga = [a for a in g["args"] if a["role"] == "agent"]
            pa = [a for a in p["args"] if a["role"] == "agent"]
            s0, s1 = T.sentence(ev.trigger_start)
            verb = "noun" if learned.is_nominal(ev) else "verb"
            for a in pa:
                by = "fill" if any(s < a["end"] and a["start"] < e for s, e in FILLS) else "model/rule"
                if any(E._ov(a, x) for x in ga):
                    k = f"right agent, {by}"
                else:
                    k = f"FALSE agent, {by}, " + ("gold has another agent" if ga else "gold has none")
                C[k] += 1
                EX[k].append(f"{ev.trigger}: «{a['text'][:40]}» gold {[x['text'][:30] for x in ga]}")
            for a in ga:
                if any(E._ov(a, x) for x in pa):
                    continue
                other = [x for x in p["args"] if E._ov(a, x)]
                if other:
                    k = f"MISSED, read as {other[0]['role']}"
                elif a["start"] >= ev.trigger_start and a["end"] <= ev.trigger_end + 3:
                    k = "MISSED, in the trigger (a suffix)"
                elif PRON.match(normalize_ar(a["text"].strip())) or (
                        len(a["text"].split()) == 1 and len(a["text"].strip()) <= 4 and a["text"].strip().endswith(("ها", "هم", "ه"))):
                    k = "MISSED, a pronoun"
                else:
                    where = "same sentence" if s0 <= a["start"] < s1 else "another sentence"
                    shared = any(g2 is not g and g2["trigger"]["start"] < g["trigger"]["start"] and E._ov(a, a2)
                                 for g2, a2 in gagents)
                    if shared:
                        k = f"MISSED, shared with an earlier event's agent, {where}, {verb}"
                    else:
                        side = "before" if a["start"] < ev.trigger_start else "after"
                        k = f"MISSED, {where} {side}, {verb}" + (", another agent chosen" if pa else "")
                C[k] += 1
                EX[k].append(f"{ev.trigger}: gold «{a['text'][:40]}» pred {[(x['role'], x['text'][:25]) for x in p['args']]}")
    learned._fill = _fill
    print(f"== {split}")
    for k, v in sorted(C.items()):
        print(f"{v:5d}  {k}")
        for e in EX[k][:nex]:
            print("         ", e)
    return C


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 0)

"""The misses of "class and main actor" (eval_corpus.py) by cause, Arabic, over gold mentions (actor12).

    python benchmarks/events_corpus/class_actor_misses.py dev [EXAMPLES] [ANNOTATORS]

e.g. `train 4 EF`: the train articles of annotators E and F, which scripts/train_events.py leaves out
(TRAIN_SKIP), a second sample the shipped model has not seen. Each gold mention counts once, under its first
cause: its trigger missed; its class wrong; its main actor (the first gold agent or patient) given another
role (a victim read as doer, a doer read as patient...); another phrase chosen for that role (the source
the event is credited to, a phrase across a clause boundary, one of its own clause, the gold actor being in
another sentence); or none chosen (the gold actor in another sentence, a pronoun, the subject of an earlier
clause more than 6 words back or across a clause boundary, an unnamed phrase or a named entity near the
trigger). Never the test split."""
import sys, re
from collections import Counter, defaultdict
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parent))
import eval_corpus as E
from riwaya.analyze import analyze
from riwaya.events import learned
split = sys.argv[1]
assert split in ("train", "dev"), "train or dev: never the frozen test split"
nex = int(sys.argv[2]) if len(sys.argv) > 2 else 0
who = set(sys.argv[3]) if len(sys.argv) > 3 else None
C, EX = Counter(), defaultdict(list)
CLAUSE = re.compile(r"[،,؛;:«»\"“”]|(?<![\w\u0600-\u06FF])(?:[أا]ن|[أا]نه|[أا]نها|الذي|التي|الذين|حيث|لكن|بعد|قبل)(?![\w\u0600-\u06FF])")
PRON = re.compile(r"^(?:[وف]?(?:هو|هي|هم|هما|هن|نحن|انا|أنا))$|(?:ه|ها|هم|هما)$")
n = 0
for r in E.load(split, "ar"):
    if who and r.get("annotator") not in who:
        continue
    doc = E.document(r["doc"]); text = doc.text
    an = analyze(doc)
    pred, gold = E.predicted(an, text), r["events"]
    pairs = E.match(gold, pred, text); mg = dict(pairs)
    T = learned.Text(text)
    mentions = an.mentions
    for gi, g in enumerate(gold):
        n += 1
        if gi not in mg:
            C["trigger missed"] += 1; continue
        p = pred[mg[gi]]; ev = an.events[mg[gi]]
        if g["class"] != p["class"]:
            C["class wrong"] += 1; continue
        gargs = [a for a in g["args"] if a["role"] in E.ROLES]
        main = next((a for a in gargs if a["role"] in ("agent", "patient")), None)
        if main is None or any(pa["role"] == main["role"] and E._ov(main, pa) for pa in p["args"]):
            C["right"] += 1; continue
        role = main["role"]
        s0, s1 = T.sentence(ev.trigger_start)
        lo, hi = sorted([main["end"], ev.trigger_start]) if main["start"] < ev.trigger_start else (ev.trigger_end, main["start"])
        btw = text[lo:hi] if hi > lo else ""
        nwords = len(btw.split())
        is_ent = any(m.start < main["end"] and main["start"] < m.end and m.type in ("person", "organization", "place") for m in mentions)
        other = [x for x in p["args"] if E._ov(main, x)]
        chosen = [x for x in p["args"] if x["role"] == role]
        src = [l for l in p["links"] if l.get("start") is not None]
        if other:
            o = other[0]["role"]
            if role == "patient" and o == "agent":
                k = "actor wrong: passive/victim read as agent (patient given agent)"
            elif role == "agent" and o == "patient":
                k = "actor wrong: doer read as patient (agent given patient)"
            else:
                k = f"actor wrong: given another role ({o})"
        elif chosen:
            c = chosen[0]
            sp = any(E._ov(l, c) for l in src)
            lo2, hi2 = sorted([c["start"], ev.trigger_start]); hi2 = max(lo2, min(hi2, ev.trigger_start if c["start"] < ev.trigger_start else c["start"]))
            btw2 = text[min(c["end"], ev.trigger_start):ev.trigger_start] if c["start"] < ev.trigger_start else text[ev.trigger_end:c["start"]]
            if sp:
                k = "actor wrong: the speaker (source) as actor"
            elif CLAUSE.search(btw2):
                k = "actor wrong: an entity of another clause"
            elif not (s0 <= main["start"] < s1):
                k = "actor wrong: gold actor in another sentence (dropped subject)"
            else:
                k = "actor wrong: another phrase of the clause"
        else:
            if not (s0 <= main["start"] < s1):
                k = "actor missing: in another sentence (dropped subject / pronoun)"
            elif PRON.search(main["text"].split()[-1]) and len(main["text"].split()) == 1:
                k = "actor missing: a pronoun (suffix)"
            elif main["start"] < ev.trigger_start and (nwords > 6 or CLAUSE.search(btw)):
                k = "actor missing: subject of an earlier clause (dropped subject)"
            elif not is_ent:
                k = "actor missing: an unnamed group/phrase, near"
            else:
                k = "actor missing: a named entity, near"
        C[k] += 1
        EX[k].append(f"{ev.trigger}: gold {role} «{main['text'][:50]}» pred {[(x['role'], x['text'][:30]) for x in p['args'] if x['role'] in ('agent','patient')]}")
print(f"{split}: {n} gold mentions")
for k, v in sorted(C.items(), key=lambda x: -x[1]):
    print(f"{v:5d} {v/n:6.3f}  {k}")
    for e in EX[k][:nex]:
        print("        ", e)

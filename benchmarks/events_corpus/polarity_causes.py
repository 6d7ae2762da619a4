"""Arabic polarity errors out of fold on train, classed by cause (modal23, #14).

    .venv/bin/python benchmarks/events_corpus/polarity_causes.py CACHE [--preds FILE] [--examples N] [--cause C]

CACHE is `polarity_cv.py cache`'s file. The polarity model is refit on 5 folds of train by document as
`polarity_cv.py cv` does (or the predictions are read from --preds when it exists, and written there when it
does not); each error gold <- predicted is given the first cause that fits, in this order:

- purpose_self: the trigger is a purpose word (riwaya/events/learned.py `_purpose_word`, cues.yaml `purpose`: ل + a
  verbal noun or verb, لاعتقال، للسيطرة، ليقوم, or a word right after لكي/كي/بهدف/من أجل: in order to do X);
- purpose_gov: a purpose word at most two words before it in its clause governs it (لشن هجمات، للتخطيط لهجمات،
  لإجراء محادثات، ليقوم باعتقال);
- coord: the trigger is coordinated (و) with another event right before it (at most three words between);
- frame_near / frame_clause / frame_after: a `modality_frames` word in its clause (by distance);
- future_before / future_after: a future verb (سـ، سوف، لن) before it in its sentence / after it in its clause;
- cue: a `modality` cue word in its sentence;
- imperfect: the trigger itself is an imperfect verb (a fixture told in the present: يلتقي، يصل، تستقبل);
- soon_sent: a future time word (غدا، المقبل، قريبا) anywhere in its sentence;
- none: no such word.
"""
from __future__ import annotations

import os
import pickle
import sys
from collections import Counter, defaultdict
from pathlib import Path

os.environ["RIWAYA_EVENTS_LEARNED"] = "0"
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import polarity_cv  # noqa: E402

def causes(T, ev, before) -> list[str]:
    from riwaya.events import learned
    from riwaya.textutil import normalize_ar
    i, _ = T.tok_range(ev.trigger_start, ev.trigger_end)
    s0, s1 = T.sentence(ev.trigger_start)
    j0, _ = T.tok_range(s0, s0)
    c0 = max([m.end() for m in learned._CLAUSE.finditer(T.text, s0, ev.trigger_start)] or [s0])
    trig = normalize_ar(ev.trigger).split()[0]
    out = []
    cl = learned._clitic(trig)
    if learned._purpose_word(T, i, j0):          # the purpose words of cues.yaml `purpose`
        out.append("purpose_self")
    for k in (i - 1, i - 2):
        if k >= j0 and T.toks[k].start >= c0 and learned._purpose_word(T, k, j0):
            out.append("purpose_gov")
            break
    inside = [e for e in before if s0 <= e.trigger_start and e.trigger_end <= ev.trigger_start]
    if trig[:1] == "و" and inside:
        gi, gj = T.tok_range(inside[-1].trigger_start, inside[-1].trigger_end)
        if i - gj <= 3:
            out.append("coord")
    feats = learned._frame_features(T, i, j0, c0, s1, ev.cls)
    for where in ("near", "clause", "after"):
        if any(f.startswith("frame_") and f.endswith("_" + where) for f in feats):
            out.append("frame_" + where)
    if any(learned._future(T.toks[k].n) or T.toks[k].n in ("سوف", "لن", "ولن") for k in range(j0, i)):
        out.append("future_before")
    end = next((m.start() for m in learned._CLAUSE.finditer(T.text, ev.trigger_end, s1)), s1)
    if any(learned._future(T.toks[k].n) for k in range(i + 1, len(T.toks)) if T.toks[k].start < end):
        out.append("future_after")
    cues = learned._modality()
    if any(learned._cue_of(T.toks[k].n, cues) for k in range(j0, len(T.toks)) if T.toks[k].start < s1):
        out.append("cue")
    stem = trig[len(cl):]
    if stem[:1] in "يتن" and len(stem) >= 4:
        out.append("imperfect")
    frames = learned._modality_frames()
    if any("soon" in learned._cue_lookup(T.toks[k].n, frames) for k in range(j0, len(T.toks)) if T.toks[k].start < s1):
        out.append("soon_sent")
    return out or ["none"]


def main() -> int:
    import argparse
    ap = argparse.ArgumentParser()
    ap.add_argument("cache")
    ap.add_argument("--preds", default=None)
    ap.add_argument("--examples", type=int, default=0)
    ap.add_argument("--cause", default=None)
    ap.add_argument("--C", type=float, default=0.5)
    a = ap.parse_args()
    docs = pickle.loads(Path(a.cache).read_bytes())
    tr = polarity_cv.samples([d for d in docs if d["split"] == "train"])
    if a.preds and Path(a.preds).exists():
        cv_pred = pickle.loads(Path(a.preds).read_bytes())
    else:
        cv_pred = polarity_cv.out_of_fold(tr, a.C)
        if a.preds:
            Path(a.preds).write_bytes(pickle.dumps(cv_pred))
    evs_of = {}
    for d in docs:
        if d["split"] == "train":
            for pi, ev in enumerate(d["events"]):
                evs_of[id(ev)] = d["events"][:pi]
    ok = sum(p == s[1] for s, p in zip(tr, cv_pred))
    print(f"train 5-fold CV: {ok}/{len(tr)} = {ok / len(tr):.4f}")
    table: dict[str, Counter] = defaultdict(Counter)
    ex: dict[tuple, list] = defaultdict(list)
    for s, p in zip(tr, cv_pred):
        if p == s[1]:
            continue
        T, ev = s[3], s[4]
        cs = causes(T, ev, evs_of[id(ev)])
        conf = f"{s[1]}<-{p}"
        table[conf][cs[0]] += 1
        s0, s1 = T.sentence(ev.trigger_start)
        left = T.text[max(s0, ev.trigger_start - 80):ev.trigger_start].replace("\n", " ")
        right = T.text[ev.trigger_end:min(s1, ev.trigger_end + 40)].replace("\n", " ")
        ex[(conf, cs[0])].append(f"{conf}\t{cs[0]}\t{','.join(cs[1:])}\t{left}[[{ev.trigger}]]{right}")
    for conf, c in sorted(table.items(), key=lambda x: -sum(x[1].values())):
        print(f"{conf} {sum(c.values())}: " + ", ".join(f"{k} {v}" for k, v in c.most_common()))
    if a.examples:
        for (conf, cause), lines in sorted(ex.items()):
            if a.cause and cause != a.cause:
                continue
            for line in lines[:a.examples]:
                print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())

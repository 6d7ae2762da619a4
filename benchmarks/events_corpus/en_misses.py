"""English gold triggers riwaya misses, out of fold, by where they are lost (en26, issue #14).

    .venv/bin/python benchmarks/events_corpus/en_misses.py --cache /tmp/x.pkl [--kinds interview news pud-C]
        [--examples 3] [--list FILE]

Uses ``cv_en_triggers.py``'s analyses (the same ``--cache``: each train + dev document analysed once with the
English detector off and the learned forms of all train) and its folds (the learned forms re-learned and the
detector refitted on the other folds). Each train document of the kinds asked for is analysed once more with the
stages that drop a lexicon word instrumented, and every gold trigger with no predicted event is put in one class:

- ``vetoed``: riwaya's analysis has it; the fold's detector scores it under the veto (``veto``), or it is a
  learned form the fold did not learn (``form not learned``);
- ``dropped after proposal``: proposed by the extractor, not in the analysis (argument stage, learned decisions);
- ``parse rule``: a lexicon word the parse rules call no event (``english.not_an_event``: its sub-rule named:
  generic use, the interview body, a fixed phrase, other);
- ``context rule``: a lexicon or learned form whose context rule (``propose_en``: motion, sport, office ...) says no;
- ``reporting / cue``: a lexicon word dropped as a speech cue, a reporting verb or after a blocking word;
- ``never proposed``: no lexicon word, learned form or context rule covers it (a content word the detector could
  have added: ``candidate``; or not even a candidate: a stop word, a number, a preposition).
Matched events of the wrong class are counted too (gold type -> predicted type). Never reads the test split.
"""
from __future__ import annotations

import argparse, dataclasses, math, sys, zlib
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import cv_en_triggers as cv  # noqa: E402  (sets up train_events, learned, propose_en as the CV does)
from cv_en_triggers import corpus, eval_corpus, ra, learned, propose_en, load_lexicon, te  # noqa: E402
from riwaya.events import english  # noqa: E402
import importlib  # noqa: E402
extract = importlib.import_module("riwaya.events.extract")


def kind_of(r: dict) -> str:
    k = cv.kind(r["doc"])
    return f"pud-{r['annotator']}" if k == "pud" else k


def instrumented(recs: list[dict], extra: dict) -> dict:
    """doc -> {"nae": {start: sub-rule}, "gated": set(start), "found": set(start), "known": {start: type},
    "cand": set(start)}: what the extractor did with each word, the CV's state (detector off, forms of all train)."""
    learned.EXTRA_OVERRIDE = {**(learned.EXTRA_OVERRIDE or {}), "en": extra}
    load_lexicon.cache_clear()
    propose_en.OVERRIDE = {}
    orig_nae, orig_prop, orig_pen = english.not_an_event, extract._propose, extract.propose_en
    out, cur = {}, {}

    def nae(P, trig_s, typ=None, headline=False):
        res = orig_nae(P, trig_s, typ, headline)
        if res:
            tok = P.token_at(trig_s)
            R = english.resources()
            why = "generic use" if tok is not None and english.generic_use(tok, typ, headline) else \
                "interview body" if tok is not None and english.qa_not_told(P, tok) else \
                "fixed phrase" if tok is not None and english._in_fixed_phrase(tok, R["fixed"]) else "other"
            cur["nae"][trig_s] = why if why != "other" else f"other ({tok.tag_ if tok is not None else '?'})"
        return res

    def prop(c, sent, i, *a, **k):
        res = orig_prop(c, sent, i, *a, **k)
        if res[0] is not None:
            cur["found"].add(sent.toks[res[0][1]].s)
        return res

    def pen(P, toks, mentions, lex):
        res = orig_pen(P, toks, mentions, lex)
        for i, v in res.items():
            if v is None:
                cur["gated"].add(toks[i].s)
        return res
    english.not_an_event, extract._propose, extract.propose_en = nae, prop, pen
    try:
        for r in recs:
            cur.clear()
            cur.update(nae={}, gated=set(), found=set())
            propose_en.RECORD = []
            try:
                ra.analyze(eval_corpus.document(r["doc"]))
                cur["known"] = {s: known for s, _, _, known in propose_en.RECORD if known}
                cur["cand"] = {s for s, _, _, _ in propose_en.RECORD}
            finally:
                propose_en.RECORD = None
            out[r["doc"]] = dict(cur)
    finally:
        english.not_an_event, extract._propose, extract.propose_en = orig_nae, orig_prop, orig_pen
        propose_en.OVERRIDE = None
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", required=True, help="cv_en_triggers.py's pickle of the analyses")
    ap.add_argument("--k", type=int, default=5)
    ap.add_argument("--veto", type=float, default=0.1)
    ap.add_argument("--kinds", nargs="*", default=["interview", "news", "pud-C", "pud-N"])
    ap.add_argument("--examples", type=int, default=3)
    ap.add_argument("--list", help="write every classed miss here (one a line)")
    a = ap.parse_args()
    recs = [r for r in eval_corpus.load(None, "en") if r["split"] != "test"]
    ans, idmap, extra_all = cv.analyses(recs, a.cache)
    curated = set(load_lexicon()["en"]) - set(extra_all)
    curated |= {f for x in english.resources()["senses"] for lem in x["lemmas"] for f in
                (lem, lem + "s", lem + "d", lem + "ed", lem + "ing", lem[:-1] + "ing")}
    fold_of = lambda d: zlib.crc32(cv.group(d).encode()) % a.k     # noqa: E731
    rows = {r["doc"]: cv.samples(r, *ans[r["doc"]]) for r in recs}
    want = [r for r in recs if r["split"] == "train" and kind_of(r) in a.kinds]
    kept, dropped = {}, {}
    for fold in range(a.k):
        if not any(fold_of(r["doc"]) == fold for r in want):
            continue
        tr = [r for r in recs if fold_of(r["doc"]) != fold]
        forms, bias, w = cv.fold_detector(tr, rows)
        for r in want:
            if fold_of(r["doc"]) != fold:
                continue
            an, rec = ans[r["doc"]]
            score = {s: 1 / (1 + math.exp(-(bias + sum(w.get(x, 0.0) for x in f)))) for s, _, f, known in rec if known}
            evs, gone = [], {}
            for e in an.events:
                n = e.trigger.lower()
                if learned.lang_of(e) == "en" and n in extra_all and n not in forms and n not in curated:
                    gone[e.trigger_start] = ("vetoed", "form not learned")
                    continue
                if score.get(e.trigger_start, 1.0) < a.veto:
                    gone[e.trigger_start] = ("vetoed", f"veto ({score[e.trigger_start]:.2f})")
                    continue
                evs.append(e)
            kept[r["doc"]] = evs
            dropped[r["doc"]] = (gone, an.events)
    ins = instrumented(want, extra_all)
    counts, ex, typed = defaultdict(Counter), defaultdict(list), defaultdict(Counter)
    lines = []
    for r in want:
        text = corpus.text(r["doc"])
        pred = eval_corpus.predicted(dataclasses.replace(ans[r["doc"]][0], events=kept[r["doc"]]), text)
        pairs = eval_corpus.match(r["events"], pred, text)
        k = kind_of(r)
        for gi, pi in pairs:
            g, p = r["events"][gi], pred[pi]
            if g["class"] != p["class"]:
                typed[k][f"{g['type']} -> {p['type']}"] += 1
                lines.append(f"TYPED\t{k}\t{r['doc']}\t{g['type']} -> {p['type']}\t{g['trigger']['text']}")
        mg = {g for g, _ in pairs}
        gone, allev = dropped[r["doc"]]
        I = ins[r["doc"]]
        for gi, g in enumerate(r["events"]):
            if gi in mg:
                continue
            s, e = g["trigger"]["start"], g["trigger"]["end"]
            inside = lambda x: s <= x < e      # noqa: E731
            v = next((gone[x] for x in gone if inside(x)), None)
            if v is not None:
                cls, sub = v
            elif any(s < ev.trigger_end and ev.trigger_start < e for ev in kept[r["doc"]]):
                cls, sub = "matched to another gold", ""
            elif any(inside(x) for x in I["found"]):
                cls, sub = "dropped after proposal", ""
            elif any(inside(x) for x in I["nae"]):
                cls, sub = "parse rule", next(I["nae"][x] for x in I["nae"] if inside(x))
            elif any(inside(x) for x in I["gated"]):
                cls, sub = "context rule", ""
            elif any(inside(x) for x in I["known"]):
                cls, sub = "reporting / cue", next(I["known"][x] for x in I["known"] if inside(x))
            elif any(inside(x) for x in I["cand"]):
                cls, sub = "never proposed", "candidate"
            else:
                cls, sub = "never proposed", "no candidate"
            key = f"{cls}: {sub}" if sub and not sub.startswith("veto (") else cls
            counts[k][key] += 1
            a0 = max(text.rfind(c, 0, s) for c in ".!?\n") + 1
            b0 = min([x for x in (text.find(c, e) for c in ".!?\n") if x >= 0] or [len(text)])
            sent = (text[a0:s] + "[[" + text[s:e] + "]]" + text[e:b0 + 1]).strip().replace("\n", " ")
            ex[(k, key)].append(f"{g['type']} {g['polarity']} | {sent[:200]}")
            lines.append(f"MISS\t{k}\t{r['doc']}\t{key}\t{sub}\t{g['type']}\t{g['polarity']}\t{sent}")
    for k in a.kinds:
        gold = sum(len(r["events"]) for r in want if kind_of(r) == k)
        print(f"== {k}: {sum(1 for r in want if kind_of(r) == k)} train documents, {gold} gold, "
              f"{sum(counts[k].values())} missed, {sum(typed[k].values())} matched with the wrong class")
        for key, n in counts[k].most_common():
            print(f"  {n:4d}  {key}")
            for x in ex[(k, key)][:a.examples]:
                print("          " + x)
        for key, n in typed[k].most_common(8):
            print(f"  typed {n:3d}  {key}")
    if a.list:
        Path(a.list).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Gold Arabic triggers that nothing proposes, out of fold on train, classed (trig24, issue #14).

    PYTHONPATH=. .venv/bin/python benchmarks/events_corpus/never_proposed.py [--cache /tmp/trig24/np.pkl]
        [--k 4] [--list] [--json FILE]

On dev, a gold trigger is proposed by one of three stages: the curated lexicon (schema.yaml triggers, with the
rules' blocks), the forms learned from train (`train_events.learn_triggers`, the weights file's
`extra_triggers`) and the learned proposer (`propose.py`). The last two are fit on train, so on train they propose
nearly every gold trigger in sample (cv_ar_triggers.py's "never proposed" uses the shipped forms and proposer).
Here both are refit per fold (k folds of the train documents by crc32 of the id, as cv_ar_triggers.py): each train
document is analysed once by the rules with the curated lexicon only (no learned forms, the proposer recording
every candidate word, the learned stage off), and per fold the learned forms are taken from the other folds and the
proposer's detector is fit on the other folds' candidate words (the words the fold's forms know marked as known,
as training marks them). A held-out gold trigger is proposed when a rules' event overlaps it, a word in it is one of
the fold's learned forms (behind clitics, as the lexicon looks up), or the fold's detector scores a word in it at
the training bar (0.15) or the shipped bar (0.2). What is left is classed, first fitting class first:

- ``no_type``: a type the schema lacks (after its aliases);
- ``blocked``: a word of it is a curated lexicon word, but the rules made no event of it (a block rule, a not-trigger);
- ``inflected``: less a longer proclitic / ending (plural, dual, feminine, pronoun, nisba), a lexicon form;
- ``derived``: shares its root (the stem less its template letters, propose.root_key) with a lexicon form of
  the same type: a verbal noun or participle of a lexicon verb (or the verb of a lexicon noun);
- ``light_noun``: the word before it is a light verb (cues.yaml light verbs: شن، قام، أجرى ...);
- ``multi``: a trigger of several words, no word of which is known;
- ``outside``: a word outside the lexicon, none of the above.

Read train only (the listing); judge on dev aggregates with eval_corpus.py. Never reads the test split.
"""
from __future__ import annotations

import argparse
import json
import math
import pickle
import sys
import zlib
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
import train_events as te          # noqa: E402  (sets RIWAYA_EVENTS_LEARNED=0: the analyses are the rules')
import corpus, eval_corpus         # noqa: E402
import riwaya.analyze as ra        # noqa: E402
from riwaya import event_schema   # noqa: E402
from riwaya.events import learned, propose  # noqa: E402
from riwaya.events.extract import _cands, load_lexicon  # noqa: E402
from riwaya.textutil import normalize_ar  # noqa: E402

LIGHT = ("شن", "قام", "اجرى", "عقد", "نفذ", "وجه", "ادلى", "القى", "اتخذ", "اصدر", "قاد", "بدا", "شرع", "واصل",
         "تعرض", "نظم", "اجرت", "شنت", "قامت", "عقدت", "نفذت", "وجهت", "القت", "اصدرت", "نظمت", "بدات", "تعرضت",
         "يشن", "تشن", "يقوم", "تقوم", "يجري", "تجري", "يعقد", "تعقد", "ينفذ", "تنفذ", "يواصل", "تواصل")
# endings and proclitics the lexicon lookup (extract._candidates) does not take off: plural, dual, nisba and
# feminine forms, a pronoun after them
BANDS = (0.5, 0.3, 0.25, 0.2, 0.175, 0.15, 0.125, 0.1)      # the detector's score bands reported
ENDINGS = ("اتهم", "اتها", "اته", "ات", "ين", "ون", "ان", "تين", "تان", "ية", "يه", "ي", "ة", "ه", "ا", "تها",
           "ته", "تهم", "ها", "هم", "هما", "نا", "كم")
PROCLITICS = ("وبال", "فبال", "وكال", "ولل", "فلل", "وس", "ول", "وب", "فب", "فل", "لل", "بال", "ال", "و", "ف", "ب", "ل")


def setup() -> None:
    """The curated lexicon only; the proposer records every candidate word and proposes none."""
    learned.EXTRA_OVERRIDE = {"ar": {}}
    load_lexicon.cache_clear()
    propose.OVERRIDE = {}


def analyses(recs: list[dict], cache: str | None) -> dict:
    if cache and Path(cache).exists():
        return pickle.loads(Path(cache).read_bytes())
    out = {}
    for r in recs:
        propose.RECORD = []
        try:
            an = ra.analyze(eval_corpus.document(r["doc"]))
            rec = propose.RECORD
        finally:
            propose.RECORD = None
        evs = [(e.trigger_start, e.trigger_end) for e in an.events if learned.lang_of(e) == "ar"]
        out[r["doc"]] = (evs, rec)
    if cache:
        Path(cache).parent.mkdir(parents=True, exist_ok=True)
        Path(cache).write_bytes(pickle.dumps(out))
    return out


def fold_of(doc: str, k: int) -> int:
    return zlib.crc32(doc.encode()) % k


def known_extra(n: str, extra: dict) -> str:
    for c in _cands(n)[0]:
        if c in extra:
            return extra[c]
    return ""


def proposer_data(recs: list[dict], ans: dict, extra: dict, text_of) -> list:
    """(features, label, known) per candidate word, labelled as train_events.proposer_samples does; a word the
    fold's learned forms know is marked known (lex=its type), as training with those forms marks it."""
    aliases = event_schema.schema().get("aliases") or {}
    out = []
    for r in recs:
        text = text_of(r["doc"])
        gold = sorted((g["trigger"]["start"], g["trigger"]["end"], aliases.get(g["type"], g["type"]))
                      for g in r["events"])
        seen = set()
        for s, e, feats, known in ans[r["doc"]][1]:
            if not known:
                x = known_extra(normalize_ar(text[s:e]), extra)
                if x:
                    known = x
                    feats = [f if not f.startswith("lex=") else f"lex={x}" for f in feats]
            g = next((x for x in gold if x[0] < e and s < x[1]), None)
            if g is not None and g in seen:
                continue
            if g is not None:
                seen.add(g)
            out.append((feats, g[2] if g else "none", known))
    return out


def detector(data: list, C: float) -> dict:
    det = te.fit([(f, "1" if lab != "none" else "0") for f, lab, _ in data], C, te.PROPOSER_PRUNE)
    return {"bias": det["bias"][1], "w": {k: v[1] for k, v in det["w"].items() if v[1]}}


def p_of(d: dict, feats: list[str]) -> float:
    z = d["bias"] + sum(d["w"].get(x, 0.0) for x in feats)
    return 1 / (1 + math.exp(-z))


def _roots_by_type(lex: dict) -> dict:
    idx = defaultdict(set)
    for form, typ in lex["ar"].items():
        k = propose.root_key(propose.split(form)[1])
        if len(k) >= 2:
            idx[k].add(typ)
    return idx


def inflected(n: str, lex: dict) -> str:
    for p in ("",) + PROCLITICS:
        if not n.startswith(p):
            continue
        core = n[len(p):]
        for s in ("",) + ENDINGS:
            if s and not core.endswith(s):
                continue
            c = core[:len(core) - len(s)] if s else core
            if len(c) >= 3 and (p or s) and c in lex["ar"]:
                return c
            if len(c) >= 3 and (p or s) and c + "ة" in lex["ar"]:
                return c + "ة"
    return ""


def classify(g: dict, text: str, lex: dict, roots: dict, rec_known: dict) -> tuple[str, str]:
    aliases = event_schema.schema().get("aliases") or {}
    typ = aliases.get(g["type"], g["type"])
    s, e = g["trigger"]["start"], g["trigger"]["end"]
    words = [m for m in learned._TOKENS[learned.AR_PUNCT].finditer(text[s:e])]
    if typ not in event_schema.trigger_types():
        return "no_type", typ
    for m in words:
        k = rec_known.get(s + m.start())
        if k:
            return "blocked", k
    for m in words:
        n = normalize_ar(m.group())
        if n in lex["not_trig"]:
            return "blocked", "not_trig"
        f = inflected(n, lex)
        if f:
            return "inflected", f
    for m in words:
        n = normalize_ar(m.group())
        st = propose.split(n)[1]
        for c in {st} | set(_cands(n)[0]):
            k = propose.root_key(c)
            if len(k) >= 2 and typ in roots.get(k, ()):
                return "derived", k
    before = text[max(0, s - 40):s]
    prev = [normalize_ar(m.group()) for m in learned._TOKENS[learned.AR_PUNCT].finditer(before)]
    if prev and any(prev[-1] == lv or prev[-1] in ("و" + lv, "ف" + lv) for lv in LIGHT):
        return "light_noun", prev[-1]
    if len(words) > 1:
        return "multi", ""
    return "outside", ""


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cache", default=None)
    ap.add_argument("--k", type=int, default=4)
    ap.add_argument("--C", type=float, default=0.5)
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--json", default=None)
    a = ap.parse_args(argv)
    setup()
    lex = load_lexicon()
    roots = _roots_by_type(lex)
    recs = [r for r in eval_corpus.load(None, "ar") if r["split"] == "train"
            and r.get("annotator") not in te.TRAIN_SKIP]
    ans = analyses(recs, a.cache)
    texts = {}

    def text_of(d):
        if d not in texts:
            texts[d] = corpus.text(d)
        return texts[d]

    rows, stage = [], Counter()
    bands = {b: [0, 0] for b in BANDS}
    for fold in range(a.k):
        other = [r for r in recs if fold_of(r["doc"], a.k) != fold]
        held = [r for r in recs if fold_of(r["doc"], a.k) == fold]
        extra = te.learn_triggers(other, "ar")
        det = detector(proposer_data(other, ans, extra, text_of), a.C)
        print(f"fold {fold}: {len(extra)} learned forms, {len(det['w'])} detector weights", file=sys.stderr)
        for feats, lab, known in proposer_data(held, ans, extra, text_of):
            if not known:       # the detector's held-out words: gold or not, by band of its score
                q = p_of(det, feats)
                band = next((b for b in BANDS if q >= b), None)
                if band is not None:
                    bands[band][lab != "none"] += 1
        for r in held:
            text = text_of(r["doc"])
            evs, rec = ans[r["doc"]]
            rec_known = {s: k for s, _, _, k in rec if k}
            for g in r["events"]:
                s, e = g["trigger"]["start"], g["trigger"]["end"]
                how, p = "", 0.0
                if any(a0 < e and s < a1 for a0, a1 in evs):
                    how = "lexicon"
                else:
                    for s0, e0, feats, known in rec:
                        if not (s0 < e and s < e0):
                            continue
                        if known:
                            continue
                        x = known_extra(normalize_ar(text[s0:e0]), extra)
                        if x:
                            how = "learned_form"
                            break
                        p = max(p, p_of(det, feats))
                    if not how and p >= te.PROPOSER_TRAIN_THRESHOLD:
                        how = "proposer" if p >= 0.2 else "proposer_train_bar"
                stage[how or "never"] += 1
                row = {"doc": r["doc"], "trigger": g["trigger"]["text"], "type": g["type"], "how": how or "never",
                       "p": round(p, 3)}
                if not how:
                    cls, why = classify(g, text, lex, roots, rec_known)
                    s0, s1 = learned.Text(text).sentence(s)
                    row.update({"class": cls, "why": why, "sentence": text[s0:s1].replace("\n", " ")})
                rows.append(row)
    total = sum(stage.values())
    never = [x for x in rows if x["how"] == "never"]
    rep = {"gold": total, "by_stage": dict(stage.most_common()),
           "candidate_recall_train_bar": round(1 - stage["never"] / total, 4),
           "candidate_recall_shipped_bar": round(1 - (stage["never"] + stage["proposer_train_bar"]) / total, 4),
           "detector_bands_held_out (no event, event)": {b: v for b, v in bands.items()},
           "never_by_class": dict(Counter(x["class"] for x in never).most_common()),
           "never_by_type": dict(Counter(x["type"] for x in never).most_common()),
           "never_words": dict(Counter(normalize_ar(x["trigger"]) for x in never).most_common(60))}
    print(json.dumps(rep, ensure_ascii=False, indent=1))
    if a.json:
        Path(a.json).write_text(json.dumps(rows, ensure_ascii=False, indent=0), encoding="utf-8")
    if a.list:
        for x in sorted(never, key=lambda x: (x["class"], x["type"], x["trigger"])):
            print(f"{x['class']}\t{x['why']}\t{x['type']}\t{x['trigger']}\t{x['p']}\t{x['doc']}\t{x['sentence'][:160]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Purpose ل read as planned (modal24, issue #14; GUIDELINE.md section 8, 2026-12-06): the convention as a function
of the text, applied to the train gold by adjudicate_conventions.py (rule `purpose-planned`) and, in memory only, to
any split's gold for judging (`apply`; the lead, not a branch, runs it on test).

An event told only as the purpose or aim of another act (ل + a verbal noun or a subjunctive verb, لكي، كي، من أجل،
بهدف، بغية، سعياً ل، تمهيداً ل، استعداداً ل) is `planned`. The trigger is a purpose when:
- it follows a purpose particle (cues.yaml `purpose` before, less أملاً, which is a hope) or من أجل ("after");
- it is itself a ل word (not a word whose root opens with ل: cues.yaml `purpose` not_words, l_roots) ("self");
- it is governed by a light verb in ل one or two words before it with no clause mark between (لشن هجمات، للقيام
  بزيارة، لعقد اجتماع) ("gov").
What governs the purpose word decides: the nearest head word (cues.yaml `purpose` heads) at most SPAN words before it
in its sentence. An operation, preparation, motion, means or gathering (عملية لتحرير، تمهيداً لإحالته، وصلت لاعتقال،
استخدمت القاعدة لإرسال، جلسة للتصويت) makes it planned; the exceptions of the guideline (undergone تعرض لـ, result
أدى/دفع/اضطر, response استجابة/تلبية/إنفاذاً, stance التصدي/استنكار لـ: the event named as having happened) keep it as
annotated, as do an attempt (hypothetical, note attempt) and a request (requested). With no head word, a particle or a
subjunctive ل (ليقوم، ليتظاهروا) is planned on its own; a bare ل + verbal noun is left as annotated (it is as often
the complement of a noun: تأكيد للهجوم، حصيلة للتفجير، الذكرى لاغتيال). A subjunctive ل right after a comma or
followed by بعد ذلك/بعدها/أخيراً tells what followed (ليخرج في آخر رمضان، ليغادر بعد ذلك): left as annotated.
Only `asserted` mentions change (to `planned`); negated, requested, hypothetical and denied ones say more already.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from riwaya.events import learned  # noqa: E402

SPAN = 6                 # words before the purpose word where its head may stand, in its sentence
PLANNED = ("operation", "preparation", "motion", "use", "gathering")
KEEP = ("undergone", "result", "response", "stance")     # the guideline's exceptions: the event told as happening
LIGHT = frozenset({"لشن", "للقيام", "لاجراء", "لعقد", "لتنظيم", "لارتكاب", "ليقوم", "ليشن", "ليعقد", "ليجري",
                   "لتقوم", "لتشن", "لتعقد", "لتجري", "ليتم", "لتتم"})
AFTER_WORDS = frozenset({"بعد", "بعدها", "بعده", "اخيرا", "لاحقا"})
_HARD = re.compile(r"[.;:!?؟؛\n]")


def _particles() -> frozenset:
    return learned._purpose_cues()["before"] - {"املا"}


def _l_word(w: str) -> bool:
    p = learned._purpose_cues()
    return (w[:1] == "ل" and len(w) >= 4 and w not in p["not_words"]
            and not any(w.startswith(r) for r in _l_roots()))


def _l_roots() -> tuple:
    d = (learned._cues().get("purpose") or {}).get("ar") or {}
    return tuple(learned.normalize_ar(w) for w in d.get("l_roots") or ())


def reading(T: "learned.Text", start: int, end: int) -> tuple[str | None, str]:
    """(verdict, why) for the mention whose trigger is [start, end): verdict "planned" (a purpose the convention
    makes planned), "keep" (an exception, an attempt or a request: as annotated) or None (no purpose word)."""
    i, _ = T.tok_range(start, end)
    if i >= len(T.toks):
        return None, "none"
    s0, _ = T.sentence(start)
    j0, _ = T.tok_range(s0, s0)
    w = T.toks[i].n
    if i - 1 >= j0 and (T.toks[i - 1].n in _particles()
                        or (i - 2 >= j0 and T.toks[i - 2].n == "من" and T.toks[i - 1].n == "اجل")):
        k, form = i, "after"
    elif _l_word(w):
        k, form = i, "self"
    else:
        k = next((m for m in (i - 1, i - 2) if m >= j0 and T.toks[m].n in LIGHT
                  and not learned._CLAUSE.search(T.text, T.toks[m].end, T.toks[i].start)), None)
        if k is None:
            return None, "none"
        form = "gov"
    subj = form != "after" and T.toks[k].n.startswith("لي")
    if subj:
        prev_mark = k - 1 >= j0 and learned._CLAUSE.search(T.text, T.toks[k - 1].start, T.toks[k].start)
        later = any(T.toks[m].n in AFTER_WORDS for m in range(k + 1, min(k + 4, len(T.toks))))
        if prev_mark or later:
            return "keep", "consequence"
    heads = learned._purpose_cues()["heads"]
    for m in range(k - 1, max(k - 1 - SPAN, j0 - 1), -1):
        if _HARD.search(T.text, T.toks[m].end, T.toks[m + 1].start) or _HARD.fullmatch(T.toks[m].n):
            break
        g = learned._cue_lookup(T.toks[m].n, heads)
        if g:
            if g[0] in PLANNED:
                return "planned", g[0]
            return "keep", g[0]
    if form == "after":
        return "planned", "particle"
    if subj:
        return "planned", "subjunctive"
    return None, "bare"


def apply(records: list[dict], text_of) -> list[tuple[str, dict, str]]:
    """The convention on any split's gold records, in memory (asserted -> planned); `text_of(doc)` gives a document's
    text. Returns (doc, mention, why) for each mention changed. Arabic documents only."""
    out = []
    for r in records:
        if r["doc"].startswith(("gum/", "puden/")):
            continue
        T = None
        for ev in r["events"]:
            if ev["polarity"] != "asserted":
                continue
            T = T or learned.Text(text_of(r["doc"]))
            verdict, why = reading(T, ev["trigger"]["start"], ev["trigger"]["end"])
            if verdict == "planned":
                ev["polarity"] = "planned"
                out.append((r["doc"], ev, why))
    return out


def main(argv: list[str]) -> int:
    """`purpose_convention.py eval [--split dev] [--json FILE]`: eval_corpus's Arabic figures of one split against its
    gold as annotated and against the same gold with the convention applied in memory (each document analysed once).
    Branches judge on dev; the frozen test split is the lead's to run."""
    import argparse
    import copy
    import json
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import corpus
    import eval_corpus
    import riwaya.analyze as ra
    ap = argparse.ArgumentParser()
    ap.add_argument("what", choices=["eval", "count"])
    ap.add_argument("--split", default="dev")
    ap.add_argument("--json", default=None)
    a = ap.parse_args(argv)
    recs = eval_corpus.load(a.split, "ar")
    conv = copy.deepcopy(recs)
    changed = apply(conv, corpus.text)
    why: dict[str, int] = {}
    for _, _, w in changed:
        why[w] = why.get(w, 0) + 1
    print(f"{a.split}: {len(changed)} of {sum(len(r['events']) for r in recs)} mentions asserted -> planned {why}")
    if a.what == "count":
        return 0
    memo: dict = {}
    plain = ra.analyze
    ra.analyze = lambda doc, *x, **k: memo[doc.id] if doc.id in memo else memo.setdefault(doc.id, plain(doc, *x, **k))
    out = {"annotated": eval_corpus.evaluate(recs), "convention": eval_corpus.evaluate(conv), "changed": len(changed)}
    for k in ("annotated", "convention"):
        r = out[k]
        print(f"{k:10s} polarity {r['polarity_accuracy']:.3f} all right {r['all_right']:.3f} trigger "
              f"{r['trigger']['f1']:.3f} overlap {r['arguments_overlap']['f1']:.3f} exact {r['arguments_exact']['f1']:.3f}"
              f" class+actor {r['class_and_actor_right']:.3f} source {r['source_accuracy']:.3f}")
    if a.json:
        Path(a.json).write_text(json.dumps(out, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Speed plumbing of the per-document stage (issue 20) gives what the plain code gave: the proposer's
early rejection, the per-document token memo, the analysis objects' copies, the paused collector."""
from __future__ import annotations

import copy
import gc

from riwaya.analyze import _copy, analyze
from riwaya.events import propose
from riwaya.events.extract import _WORD, _tokens, load_lexicon
from riwaya.ingest.readers import _make
from riwaya.models import Argument, Attribution, EntityMention, EventMention, TimeMention, TimeValue

SENTENCES = [
    "أكد المتحدث تواجد القوات في مدينة حلب أمس بعد انتقال الوفد إلى العاصمة.",
    "وقالت الوزارة إن حملة التفتيش شملت 40 محلا تجاريا وأسفرت عن ضبط مخالفات.",
    "أعلنت الشرطة القبض على ثلاثة أشخاص بتهمة سرقة سيارة في حي الملز بالرياض.",
    "وشهدت الجلسة مناقشة مشروع النظام وتوقيع اتفاقية للتعاون بين البلدين.",
]


def test_early_rejection_keeps_every_proposal():
    """A word the detector could not accept whatever its context is skipped before its context features
    are made: the proposals are those of scoring every word in full."""
    lex = load_lexicon()
    full = propose._hopeless
    got = [propose.propose(_tokens(s, 0, len(s), "ar"), False, [], lex) for s in SENTENCES]
    try:
        propose._hopeless = lambda *a: False
        want = [propose.propose(_tokens(s, 0, len(s), "ar"), False, [], lex) for s in SENTENCES]
    finally:
        propose._hopeless = full
    assert got == want
    assert propose._Cache.rest is not None and propose._Cache.rest >= 0.0


def test_token_memo_gives_fresh_tokens_per_document():
    a = "قتل ثلاثة أشخاص في هجوم."
    b = "وصل الوفد إلى المدينة."            # another document: the memo starts over
    for text in (a, b, a):
        toks = _tokens(text, 0, len(text), "ar")
        assert [(t.s, t.e, t.raw) for t in toks] == [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
        assert _tokens(text, 0, len(text), "ar") is toks       # the second pass reads the first's
    assert [t.n for t in _tokens("The Talks", 0, 9, "en")] == ["the", "talks"]


def test_copy_is_copy_copy_for_analysis_objects():
    objs = [EntityMention(text="حلب", start=0, end=3, type="place"), TimeValue("2024-12-08T00:00:00+03:00", None),
            Argument(role="agent", text="x", start=0, end=1), Attribution(chain=[{"name": "وكالة", "kind": "outlet"}]),
            EventMention(cls="conflict", type="attack", trigger="هجوم", start=0, end=4, trigger_start=0,
                         trigger_end=4)]
    objs.append(TimeMention(text="أمس", start=0, end=3, value=objs[1]))
    for o in objs:
        c = _copy(o)
        assert c is not o and type(c) is type(o) and c == copy.copy(o)
        assert list(vars(c)) == list(vars(o)) and all(vars(c)[k] is vars(o)[k] for k in vars(o))


def test_analyze_leaves_the_collector_as_it_found_it():
    doc = _make(SENTENCES[0], None, "d1", {"language": "ar"})
    assert gc.isenabled()
    analyze(doc)
    assert gc.isenabled()
    gc.disable()
    try:
        analyze(doc)
        assert not gc.isenabled()
    finally:
        gc.enable()

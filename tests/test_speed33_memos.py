"""speed33: the reconciler's per-word memos answer as the code without them."""
import pytest

from riwaya.reconcile import values as V

SENTENCES = [
    "قتل ضابط صف وثلاثة جنود في هجوم استهدف دورية قرب المطار",
    "أعلنت الوزارة مقتل أحد عشر شخصا وإصابة 33 آخرين، بينهم طفلة البالغة أربعة أعوام",
    "سقطت الطائرة وهي في حالة الاستعداد للهبوط وغادر القائد وحده",
    "The plane crashed shortly after take-off, killing twenty-one people; a 58-year-old officer left alone.",
    "وقال مسؤول إن 15 قتيلا و200 جريح سقطوا، وفق حصيلة أولية، وقتل عقيد ونقيب",
]


def _triggers(text):
    # every word as a trigger: the readers are asked of each
    import re
    return [(m.start(), m.end()) for m in re.finditer(r"\w+", text)]


@pytest.mark.parametrize("text", SENTENCES)
def test_clause_words_prefilter_same(text, monkeypatch):
    tables = [V._rank_words(), V._alone_words(), V._phase_words()]
    for trig in _triggers(text):
        on = [V._clause_words(text, trig, t) for t in tables]
        monkeypatch.setattr(V, "CLAUSE_FIRST_WORDS", False)
        off = [V._clause_words(text, trig, t) for t in tables]
        monkeypatch.setattr(V, "CLAUSE_FIRST_WORDS", True)
        assert on == off
    # the readers themselves, through both paths
    assert any(V.victim_rank(text, t) for text in SENTENCES[:1] for t in _triggers(text))


def test_first_words_kept_per_table():
    t = {("ضابط", "صف"): "nco", ("عقيد",): "officer"}
    assert V._first_words(t) == frozenset({"ضابط", "عقيد"})
    t2 = {("نقيب",): "officer"}      # another table: its own first words
    assert V._first_words(t2) == frozenset({"نقيب"})
    assert V._first_words(t) == frozenset({"ضابط", "عقيد"})


@pytest.mark.parametrize("text", SENTENCES)
def test_cardinal_memo_same(text, monkeypatch):
    toks = V._count_tokens(text)
    for i in range(len(toks) + 1):
        for k in (1, 2, 3):
            part = toks[i:i + k]
            on = V._cardinal(part)
            monkeypatch.setattr(V, "CARDINAL_MEMO", False)
            off = V._cardinal(part)
            monkeypatch.setattr(V, "CARDINAL_MEMO", True)
            assert on == off


def test_cardinal_values():
    assert V._cardinal(["14"]) == 14
    assert V._cardinal(["أحد", "عشر"]) == 11
    assert V._cardinal(["twenty"]) == 20
    assert V._cardinal([]) is None
    assert V._cardinal(["وعشرة"]) == V._cardinal(["عشرة"]) == 10

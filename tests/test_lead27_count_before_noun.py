"""A counted noun's figure written before it (lead, twenty-seventh session, issues #14/#15): «استشهاد 50 شهيداً
و200 جريح» gives the wounding 200, not the killed 50 its amount may have taken (reconcile.values.trigger_count; the
nouns are values.yaml counts.units' `after` words, one place)."""
from riwaya.reconcile import values


def _count(text: str, word: str):
    i = text.index(word)
    return values.trigger_count(text, (i, i + len(word)))


def test_the_figure_before_a_counted_noun_is_its_count():
    assert _count("استشهاد 50 شهيداً و200 جريح في القصف", "جريح") == 200
    assert _count("أسفر الهجوم عن 12 قتيلا", "قتيلا") == 12
    assert _count("سقط ثلاثة جرحى", "جرحى") == 3


def test_a_figure_after_the_trigger_still_wins():
    assert _count("استشهاد 15 وإصابة 33", "وإصابة") == 33
    assert _count("سقط جريح واحد", "جريح") == 1


def test_no_figure_before_a_word_that_is_no_counted_noun():
    assert _count("قال 200 مسؤول إن الهجوم وقع", "الهجوم") is None
    assert _count("أفاد المصدر بأن جريحا نقل", "المصدر") is None


def test_a_count_of_happenings_is_not_read_before_its_noun():
    assert _count("نفذوا 29 ضربة جوية", "ضربة") is None


def test_the_switch(monkeypatch):
    monkeypatch.setattr(values, "COUNT_BEFORE_NOUN", False)
    assert _count("استشهاد 50 شهيداً و200 جريح", "جريح") is None

"""role22 (issue #14): whom a place was freed from is no doer of the event it stands by ("تحريره من مليشيات
الحوثيين"); the glued-preposition test (`_glued_word`) that role23's split reads. role22's glued-preposition,
verb-headed and preposition-cut rules were measured, left off, and removed (twentieth session)."""
import pytest

from riwaya.events import learned
from riwaya.models import EventMention


def _event(text: str, trigger: str, typ: str, cls: str) -> EventMention:
    s = text.index(trigger)
    return EventMention(cls=cls, type=typ, trigger=trigger, start=0, end=len(text), trigger_start=s,
                        trigger_end=s + len(trigger))


def _cand(text: str, span: str, etype: str = "np", role=None) -> learned.Candidate:
    s = text.index(span)
    return learned.Candidate(s, s + len(span), span, role, etype, None, None)


@pytest.fixture
def flags(monkeypatch):
    def on(**kw):
        for k, v in kw.items():
            monkeypatch.setattr(learned, k, v)
    return on


def test_a_glued_preposition_is_told_from_a_word_that_opens_with_its_letter():
    for w in ("بحفظ", "وبحفظ", "بإطلاق", "بالطائرة", "بسيارات", "كبديل"):
        assert learned._glued_word(w), w
    # the letter is the word's own: the rest is rarer than the whole, or a name
    for w in ("بعض", "بيان", "بلدة", "بريطانيا", "بشار", "بكين", "بنود"):
        assert not learned._glued_word(w), w
    # ل is no such preposition here: after a verbal noun "ل + noun" is its doer ("قصف للحوثيين")
    assert not learned._glued_word("للحوثيين")


def test_whom_a_place_was_freed_from_is_no_doer(flags):
    text = "وأكد أن المقاومة تواصل تقدمها بعد تحريره من مليشيات الحوثيين"
    T = learned.Text(text)
    ev = _event(text, "تحريره", "capture", "control")
    flags(FREED_FROM_NOT_DOER=True)
    assert learned._freed_from(T, ev, _cand(text, "مليشيات الحوثيين"))
    assert not learned._freed_from(T, ev, _cand(text, "المقاومة"))      # before the trigger
    # "من سيطرة X": the party after the word of control
    text2 = "بعد تحرير المدينة من سيطرة التنظيم"
    ev2 = _event(text2, "تحرير", "capture", "control")
    assert learned._freed_from(learned.Text(text2), ev2, _cand(text2, "التنظيم", "organization"))
    # another word's من is where the mover left from, not this rule's
    text3 = "وصل الوفد من الرياض"
    ev3 = _event(text3, "وصل", "arrival", "movement")
    assert not learned._freed_from(learned.Text(text3), ev3, _cand(text3, "الرياض", "place"))
    flags(FREED_FROM_NOT_DOER=False)
    assert not learned._freed_from(T, ev, _cand(text, "مليشيات الحوثيين"))

"""slot26 (issue #14): a place set apart from its trigger by a comma (before it; after it with another event's
word between) is not its place: measured and shipped off (README slot26): the tests turn it on. Its two other rules
(adjectives of the happening, an attack's target) were removed in the twenty-fourth session (no dev gain)."""
import pytest

from riwaya.events import learned
from riwaya.models import Argument, Document, EventMention


@pytest.fixture(autouse=True)
def _on(monkeypatch):
    monkeypatch.setattr(learned, "PLACE_APART", True)


def test_shipped_off():
    import importlib
    src = importlib.util.find_spec("riwaya.events.learned").origin
    text = open(src, encoding="utf-8").read()
    assert "\nPLACE_APART = False" in text


def _event(text: str, trigger: str, typ: str = "attack", cls: str = "harm") -> EventMention:
    s = text.index(trigger)
    return EventMention(cls=cls, type=typ, trigger=trigger, start=0, end=len(text), trigger_start=s,
                        trigger_end=s + len(trigger))


def _place(text: str, span: str, nth: int = 0) -> Argument:
    s = -1
    for _ in range(nth + 1):
        s = text.index(span, s + 1)
    return Argument(role="place", text=span, start=s, end=s + len(span), type="place")


def _apart(text, trigger, place, others=()):
    ev = _event(text, trigger)
    trigs = [(ev.trigger_start, ev.trigger_end)] + [(text.index(o), text.index(o) + len(o)) for o in others]
    return learned._place_apart(learned.Text(text), ev, _place(text, place), trigs)


def test_a_place_before_a_comma_is_another_clauses():
    assert learned.PLACE_APART
    assert _apart("وفي محافظة لحج، قتل ثلاثة مسلحين في اشتباكات مع قوات الجيش.", "قتل", "محافظة لحج")
    # no comma: the place of the happening told right after it
    assert not _apart("وفي محافظة لحج قتل ثلاثة مسلحين في اشتباكات مع قوات الجيش.", "قتل", "محافظة لحج")


def test_a_place_after_a_comma_and_another_event():
    text = "أعلن الوزير اعتقال المتورطين بالتفجير الذي وقع أمس، في ناحية بني سعد بمحافظة ديالى."
    assert _apart(text, "اعتقال", "ناحية بني سعد", ["بالتفجير"])
    # the same without another event's word between: kept
    assert not _apart(text, "اعتقال", "ناحية بني سعد")
    # another event between but no comma: kept ("قتل ... في هجوم في مدينة عدن")
    text2 = "وقتل خمسة جنود في هجوم شنه مسلحون في مدينة عدن."
    assert not _apart(text2, "وقتل", "مدينة عدن", ["هجوم"])


def test_not_a_place_or_not_arabic():
    text = "وفي محافظة لحج، قتل ثلاثة مسلحين."
    ev = _event(text, "قتل")
    a = _place(text, "محافظة لحج")
    a.role = "patient"
    assert not learned._place_apart(learned.Text(text), ev, a, [])


def test_end_to_end_no_adjective_as_patient():
    from riwaya.analyze import analyze
    doc = Document(id="t-slot26", text="وقتل ثلاثة مدنيين على الأقل في قصف عنيف استهدف حي الروضة بمدينة تعز أمس.",
                   language="ar")
    for ev in analyze(doc).events:
        assert "عنيف" not in [a.text for a in ev.arguments if a.role in ("patient", "agent", "place")]

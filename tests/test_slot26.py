"""slot26 (issue #14): a place set apart from its trigger by a comma (before it; after it with another event's
word between) is not its place; adjectives or a manner noun alone right after the trigger are no participant; an
attack's place after على is its target. All three measured and shipped off (README slot26): the tests turn them on."""
import pytest

from riwaya.events import learned
from riwaya.models import Argument, Document, EventMention


@pytest.fixture(autouse=True)
def _on(monkeypatch):
    monkeypatch.setattr(learned, "PLACE_APART", True)
    monkeypatch.setattr(learned, "TRIGGER_ADJECTIVE", True)
    monkeypatch.setattr(learned, "ATTACK_TARGET", True)


def test_shipped_off():
    import importlib
    src = importlib.util.find_spec("riwaya.events.learned").origin
    text = open(src, encoding="utf-8").read()
    for flag in ("PLACE_APART", "TRIGGER_ADJECTIVE", "ATTACK_TARGET"):
        assert f"\n{flag} = False" in text


def _event(text: str, trigger: str, typ: str = "attack", cls: str = "harm") -> EventMention:
    s = text.index(trigger)
    return EventMention(cls=cls, type=typ, trigger=trigger, start=0, end=len(text), trigger_start=s,
                        trigger_end=s + len(trigger))


def _place(text: str, span: str, nth: int = 0) -> Argument:
    s = -1
    for _ in range(nth + 1):
        s = text.index(span, s + 1)
    return Argument(role="place", text=span, start=s, end=s + len(span), type="place")


def _cand(text: str, span: str, after: str | None = None) -> learned.Candidate:
    s = text.index(span, text.index(after) + len(after) if after else 0)
    return learned.Candidate(s, s + len(span), span, None, "np", None, None, "", "")


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


def _adjective(text, trigger, span):
    return learned._trigger_adjective(learned.Text(text), _event(text, trigger), _cand(text, span, trigger))


def test_an_adjective_of_the_happening_is_no_participant():
    assert learned.TRIGGER_ADJECTIVE
    assert _adjective("وتعرضت المدينة لقصف عنيف من قبل الميليشيات.", "لقصف", "عنيف")
    assert _adjective("وتوفي شاب في حادث مروري على طريق الرياض.", "حادث", "مروري")
    assert _adjective("وشنت القوات بعمليات عسكرية في المنطقة.", "بعمليات", "عسكرية")
    assert _adjective("أدى القصف إلى دمار هائل في الأحياء السكنية.", "دمار", "هائل")
    assert _adjective("ونفذت المدفعية قصفا مدفعيا وصاروخيا على المواقع.", "قصفا", "مدفعيا وصاروخيا")


def test_a_manner_noun_after_a_killing():
    assert _adjective("واعترف المتهم بأنه قتلها عمدا داخل المنزل.", "قتلها", "عمدا")
    assert _adjective("وأعلن التنظيم أنه قتل حرقا طيارا أسيرا.", "قتل", "حرقا")


def test_what_stays_a_participant():
    # a soldier, a civilian: nouns of people after a killing
    assert not _adjective("وقتل عسكري تركي في اشتباك على الحدود.", "وقتل", "عسكري تركي")
    assert not _adjective("وأسفر القصف عن مقتل مدني في الحي.", "مقتل", "مدني")
    # a longer phrase is left to the model ("حملة عسكرية على تنظيم داعش")
    assert not _adjective("وبدأت حملة عسكرية على تنظيم داعش في الرقة.", "حملة", "عسكرية على تنظيم داعش")
    # after a definite trigger the adjective is definite; an indefinite word there is no adjective of it
    assert not _adjective("وتواصل القصف عنيف الليلة.", "القصف", "عنيف")
    # not right after the trigger
    assert not _adjective("وتعرضت المدينة لقصف أمس عنيف.", "لقصف", "عنيف")


def test_end_to_end_no_adjective_as_patient():
    from riwaya.analyze import analyze
    doc = Document(id="t-slot26", text="وقتل ثلاثة مدنيين على الأقل في قصف عنيف استهدف حي الروضة بمدينة تعز أمس.",
                   language="ar")
    for ev in analyze(doc).events:
        assert "عنيف" not in [a.text for a in ev.arguments if a.role in ("patient", "agent", "place")]


def test_an_attacks_place_after_ala_is_its_target():
    def target(text, trigger, span):
        return learned._attack_target(learned.Text(text), _event(text, trigger), _place(text, span))
    assert target("وبدأت قوات النظام هجوما على مدينة الزبداني في الرابع من تموز.", "هجوما", "مدينة الزبداني")
    assert target("وشنت غارات شنها طيران التحالف على إب وسط اليمن.", "غارات", "إب وسط اليمن")
    # في: where it happened
    assert not target("وقتل جنديان في هجوم في مدينة الزبداني.", "هجوم", "مدينة الزبداني")
    # على too far from the trigger
    assert not target("وشنت غارات شنتها طائرات النظام السوري أمس على مدينة منبج.", "غارات", "مدينة منبج")
    # not an attack
    text = "وسيطرت القوات على مدينة زنجبار."
    ev = _event(text, "وسيطرت", "control", "control")
    assert not learned._attack_target(learned.Text(text), ev, _place(text, "مدينة زنجبار"))

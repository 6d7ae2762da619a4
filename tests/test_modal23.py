"""modal23 (#14): purpose ل, until + an imperfect and a coordinated purpose as features of the Arabic polarity model."""
from __future__ import annotations

import pytest

from riwaya.events import learned
from riwaya.models import EventMention

_NEW = ("purpose", "pending_", "aux_", "coord")


@pytest.fixture(autouse=True)
def _purpose_on(monkeypatch):
    """The features are measured and shipped off (learned.PURPOSE): the tests read them switched on."""
    monkeypatch.setattr(learned, "PURPOSE", True)


def _event(text: str, trigger: str, typ: str = "attack", cls: str = "harm", nth: int = 0) -> EventMention:
    s = -1
    for _ in range(nth + 1):
        s = text.index(trigger, s + 1)
    return EventMention(cls=cls, type=typ, trigger=trigger, start=0, end=len(text), trigger_start=s,
                        trigger_end=s + len(trigger))


def _feats(text: str, trigger: str, typ: str = "attack", cls: str = "harm", before=()) -> set[str]:
    fs = learned.polarity_features(learned.Text(text), _event(text, trigger, typ, cls), list(before))
    return {f for f in fs if f.startswith(_NEW) and not f.startswith("purpose=")}


def test_purpose_lam_with_the_word_that_governs_it():
    # what befell someone, what followed, a stance: told as having happened
    assert "purpose_head=undergone" in _feats("وقال المصدر إن خمسة جنود تعرضوا لهجوم شنه مسلحون قرب البلدة", "لهجوم")
    assert "purpose_head=result" in _feats("وأطلق الجنود النار بصورة عشوائية ما أدى لإصابة شابين", "لإصابة",
                                           "injury")
    assert "purpose_head=stance" in _feats("وأعربت الجامعة عن استنكارها للتفجير الإرهابي الذي استهدف مسجدا",
                                           "للتفجير")
    # an operation, a movement, getting ready: set out to do
    assert _feats("وبدأت القوات الأمنية عملية عسكرية لتحرير جامعة الأنبار", "لتحرير", "capture", "control") == {
        "purpose_self", "purpose_head=operation", "purpose_head=operation|l"}
    assert "purpose_head=motion" in _feats("إن قوات الاحتلال وصلت القرية فجر أمس لاعتقال أحد أبنائه", "لاعتقال",
                                           "arrest")
    assert "purpose_head=preparation" in _feats("وتسلم المتهم لمركز الشرطة تمهيدا لإحالته للجهة المختصة",
                                                "لإحالته", "trial", "justice")
    # its form: ل + the article, ل + an imperfect, a word after من أجل
    assert "purpose_head=none|ll" in _feats("وأشار المرصد إلى ارتفاع العدد الإجمالي للقتلى في البلدة", "للقتلى")
    assert "purpose_head=none|limpf" in _feats("وسدد عنه أهل الخير مديونيته ليخرج في آخر رمضان", "ليخرج",
                                               "departure", "movement")
    assert "purpose_head=none|after" in _feats("وتجري مفاوضات مع المتمردين من أجل استسلامهم", "استسلامهم",
                                               "surrender", "other")


def test_a_trigger_governed_by_a_purpose_word_right_before_it():
    assert _feats("وذكرت المصادر أن ثلاث خلايا يستعدون لشن هجمات على نقاط التفتيش", "هجمات") == {
        "purpose_gov", "purpose_gov_head=preparation"}
    assert "purpose_gov" in _feats("ودعاه فيها للقيام بزيارة رسمية إلى مصر", "بزيارة", "visit", "movement")
    # a clause mark between, or a ل word that is no purpose: none
    assert _feats("وأعدت اللجنة تقريرا لرئيسها، هجمات المسلحين تتواصل", "هجمات") == set()
    assert _feats("وقال إن لجنة التحقيق في الحادث بدأت عملها", "التحقيق", "trial", "justice") == set()
    assert _feats("وأكد أن له دورا في الهجوم على الموقع", "الهجوم") == set()


def test_until_with_an_imperfect_and_the_imperfect_auxiliary():
    assert _feats("ووضعت الطفلة في غرفة مؤقتة ريثما يتم نقلها إلى مستشفى الولادة", "نقلها", "transfer",
                  "movement") == {"pending_imperfect", "aux_imperfect"}
    assert "pending_imperfect" in _feats("وسنرعاهم حتى يصلوا إلى بلادهم سالمين", "يصلوا", "arrival", "movement")
    # حتى before a noun tells a time that passed
    assert _feats("وبقي في المدينة حتى اعتقاله في نوفمبر", "اعتقاله", "arrest") == set()


def test_a_coordinated_trigger_takes_its_partners_purpose():
    text = "وفرضت القوات سيطرتها على محيط الرمادي لاقتحام المدينة وتحريرها من التنظيم"
    first = _event(text, "لاقتحام", "entry", "movement")
    assert "coord_purpose=none" in _feats(text, "وتحريرها", "capture", "control", [first])
    text = "اقتحمت القوات البلدة واعتقلت عشرة من المطلوبين"
    first = _event(text, "اقتحمت", "entry", "movement")
    assert _feats(text, "واعتقلت", "arrest", "harm", [first]) == {"coord"}


def test_the_switch_turns_them_off(monkeypatch):
    monkeypatch.setattr(learned, "PURPOSE", False)
    assert _feats("وبدأت القوات الأمنية عملية عسكرية لتحرير جامعة الأنبار", "لتحرير", "capture", "control") == set()


def test_shipped_off_the_features_of_the_shipped_model_are_unchanged(monkeypatch):
    """Off, as shipped: polarity_features gives what the shipped weights were fit on (no purpose feature)."""
    monkeypatch.setattr(learned, "PURPOSE", False)
    text = "وصلت القوات الإسرائيلية إلى القرية فجر أمس لاعتقال أحد أبنائه"
    fs = learned.polarity_features(learned.Text(text), _event(text, "لاعتقال", "arrest"))
    assert "purpose=True" in fs and not any(f.startswith(_NEW) and not f.startswith("purpose=") for f in fs)

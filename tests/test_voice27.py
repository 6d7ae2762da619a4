"""voice27 (issue #14): who acts and who undergoes, read from the verb's own form after the argument model: a verb
trigger whose object is a pronoun on it or right after it has its subject after it (agent); a verb with its plural
subject on it has its object after it (patient); the subject of تعرض before ل + the trigger undergoes the attack; the
phrase after a passive light verb's noun undergoes it; a relative verb taking the noun up names its doer; a bare
past verb with its noun before it and no object after it is passive. Only the first ships on (README agent27: the
others did not move dev, or lowered it); the tests turn each on."""
import pytest

from riwaya.events import learned
from tests.conftest import candidate_at, event_at

ON = ("RESUMED_DOER",)   # the rules these tests turn on; every switch ships off (the lead: train out of fold flat)
OFF = ("RESUMED_AFTER_NOUN", "SUBJECT_ON_VERB", "EXPOSED_PATIENT", "PASSIVE_GENITIVE", "BARE_PASSIVE")


def test_shipped_switches():
    import importlib
    src = open(importlib.util.find_spec("riwaya.events.learned").origin, encoding="utf-8").read()
    for flag in ON + OFF:
        assert f"\n{flag} = False" in src


@pytest.fixture(autouse=True)
def _on(monkeypatch):
    for flag in ON + OFF[:-2]:
        monkeypatch.setattr(learned, flag, True)


def _event(text: str, trigger: str, typ: str = "attack", cls: str = "harm"):
    return event_at(text, trigger, typ, cls)


_cand = candidate_at


def _role(text, trigger, span, role, typ="attack", etype="np"):
    return learned._voice_role(learned.Text(text), _event(text, trigger, typ), _cand(text, span, etype), role)


def test_an_object_pronoun_on_the_verb_leaves_the_phrase_after_it_the_doer():
    text = "وأعاد المسؤول بناء المدرسة التي دمرتها الميليشيات الحوثية العام الماضي."
    assert _role(text, "دمرتها", "الميليشيات الحوثية", "patient", "destruction") == "agent"
    text = "وتتولى لجنة مهنية يعينها رئيس مجلس الوزراء اختيار المرشحين."
    assert _role(text, "يعينها", "رئيس مجلس الوزراء", "patient", "appointment", "person") == "agent"
    # the verb with its plural subject and an object pronoun: the phrase after is neither
    text = "قال إن المتمردين نقلوا سجناء كانوا يحتجزونهم في قاعدة العند."
    assert _role(text, "يحتجزونهم", "قاعدة العند", "patient", "arrest") == "patient"


def test_a_preposition_with_its_pronoun_after_the_verb():
    text = "شنت الطائرات غارات على القرى التي يسيطر عليها التنظيم المتطرف في المحافظة."
    assert _role(text, "يسيطر", "التنظيم المتطرف", "patient", "capture", "organization") == "agent"
    # with a word between that is no such preposition: the model's reading stands
    text = "شنت الطائرات غارات على القرى التي يسيطر الآن التنظيم المتطرف على معظمها."
    assert _role(text, "يسيطر", "التنظيم المتطرف", "patient", "capture", "organization") == "patient"


def test_a_verbal_noun_with_its_pronoun_is_no_verb():
    # استعادتها: the noun's pronoun is its doer, the phrase after is what it took back
    text = "وقالت إنها استعادت السيطرة بعد استعادتها معسكري الصدرين والأمن المركزي."
    assert _role(text, "استعادتها", "معسكري الصدرين", "patient", "capture") == "patient"


def test_a_verb_with_its_plural_subject_has_its_object_after_it():
    text = "وأشار إلى أنهم استهدفوا قوات الأسد المنتشرة في محيط التلة بالصواريخ."
    assert _role(text, "استهدفوا", "قوات الأسد", "agent", "attack", "organization") == "patient"
    text = "خرج المحتجون عام 2011 وقتلوا الإعلامي هادي عبدالمهدي واعتقلوا العشرات."
    assert _role(text, "وقتلوا", "الإعلامي هادي عبدالمهدي", "agent", "killing", "person") == "patient"
    # a singular verb before its subject: the phrase after it is its subject, left to the model
    text = "وقتل التنظيم المتشدد أبناء أقليات دينية."
    assert _role(text, "وقتل", "التنظيم المتشدد", "agent", "killing") == "agent"
    # a comma between: another clause
    text = "وقالوا إنهم قصفوا، قوات الأمن ردت بالمثل."
    assert _role(text, "قصفوا", "قوات الأمن", "agent", "attack", "organization") == "agent"


def test_the_one_exposed_to_an_attack_undergoes_it():
    text = "وأفاد المرصد بأن بلدة الزبداني في ريف دمشق تعرضت لهجوم من قوات النظام."
    assert _role(text, "لهجوم", "بلدة الزبداني", "agent", "attack", "place") == "patient"
    text = "وأعلنت الحكومة رفضها تعرض قرى إقليم كردستان لقصف الطائرات التركية."
    assert _role(text, "لقصف", "قرى إقليم كردستان", "agent") == "patient"
    text = "وكان الشهيد الجابري تعرض لإطلاق نار من سيارة مجهولة."
    assert _role(text, "لإطلاق", "الشهيد الجابري", "agent", "attack", "person") == "patient"
    # no تعرض: a doer before the attack's noun stays the doer
    text = "وكانت القوات الخاصة قد بادرت لهجوم على مواقع المسلحين."
    assert _role(text, "لهجوم", "القوات الخاصة", "agent", "attack", "organization") == "agent"


def test_after_a_passive_light_verb_the_noun_phrase_undergoes_it(monkeypatch):
    monkeypatch.setattr(learned, "PASSIVE_GENITIVE", True)     # measured and shipped off (README agent27)
    text = "وأوضح المتحدث أنه تم توجيه فرق إسعافية للموقع."
    assert _role(text, "توجيه", "فرق إسعافية", "agent", "deployment") == "patient"
    text = "وأضاف أنه يتم للآن تمشيط الجيوب المتبقية في العند."
    # a word between the light verb and the noun: the model's reading stands
    assert _role(text, "تمشيط", "الجيوب المتبقية", "agent") == "agent"
    text = "وأضاف أن القوات بدأت توجيه فرق إسعافية للموقع."
    assert _role(text, "توجيه", "فرق إسعافية", "agent", "deployment") == "agent"


def test_switches_off():
    text = "وأعاد المسؤول بناء المدرسة التي دمرتها الميليشيات الحوثية العام الماضي."
    old = learned.RESUMED_DOER
    try:
        learned.RESUMED_DOER = False
        assert _role(text, "دمرتها", "الميليشيات الحوثية", "patient", "destruction") == "patient"
    finally:
        learned.RESUMED_DOER = old


def test_the_doer_of_a_relative_verb_after_the_noun():
    text = "تزامنت عملية الخطف مع هجوم شنته قوات كردية في نفس المنطقة."
    assert _role(text, "هجوم", "قوات كردية", "patient", "attack", "organization") == "agent"
    text = "وجاء الهجوم في أعقاب تفجير انتحاري نفذته طالبان خارج أكاديمية الشرطة."
    assert _role(text, "تفجير", "طالبان", "patient", "attack", "organization") == "agent"
    # a noun between that is no adjective: another noun's verb
    text = "وتمت عملية اعتقال شخص قتله مسلحون في المدينة."
    assert _role(text, "اعتقال", "مسلحون", "patient", "arrest") == "patient"


def _bare(text, trigger, span, typ="killing", etype="person", others=()):
    ev = _event(text, trigger, typ)
    c = _cand(text, span, etype)
    cands = [c] + [_cand(text, o) for o in others]
    return learned._voice_role(learned.Text(text), ev, c, "agent", cands)


def test_a_bare_verb_with_its_noun_before_and_no_object_after_is_passive(monkeypatch):
    monkeypatch.setattr(learned, "BARE_PASSIVE", True)     # shipped off (README agent27)
    text = "وقالت وزارة الدفاع في بيان إن الفضلي قتل هذا الشهر قرب بلدة سرمدا السورية."
    assert _bare(text, "قتل", "الفضلي") == "patient"
    text = "وكان الطفل الفلسطيني علي دوابشة (18 شهرا) قتل حرقا."
    assert _bare(text, "قتل", "الطفل الفلسطيني علي دوابشة") == "patient"
    text = "وقد أوضح لها أن شقيقتها عينت في مدينة رفحاء."
    assert _bare(text, "عينت", "شقيقتها", "appointment", "np") == "patient"
    # an object after it in its clause: active, the noun before is the doer
    text = "وقال إن الجيش اعتقل أمس خمسة مطلوبين في المدينة."
    assert _bare(text, "اعتقل", "الجيش", "arrest", "organization", ["خمسة مطلوبين"]) == "agent"
    # the phrase right after it may be its object: left to the model
    text = "وكان سعودي قتل آخر بطلقات نارية في الشرقية."
    assert _bare(text, "قتل", "سعودي", "killing", "np") == "agent"
    # a type that takes no patient
    text = "وقال إن الوفد وصل أمس إلى المدينة."
    assert _bare(text, "وصل", "الوفد", "arrival", "np") == "agent"

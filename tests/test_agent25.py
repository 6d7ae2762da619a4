"""agent25 (issue #14): the subject of a control verb before the verbal noun it governs is the noun's doer
("قررت الجزائر منع"، "تمكن فصيل مسلح من طرد"), a country there too; a teller before "أن" whose clause the
trigger opens is no doer (measured, off)."""
from riwaya.analyze import analyze
from riwaya.events import learned
from riwaya.models import Document
from tests.conftest import candidate_at, event_at


def _event(text: str, trigger: str, typ: str = "sanction", cls: str = "other"):
    return event_at(text, trigger, typ, cls)


_cand = candidate_at


def _light(text, trigger, span, etype="np"):
    T = learned.Text(text)
    ev = _event(text, trigger)
    return learned._light_subject(T, ev, _cand(text, span, etype), [(ev.trigger_start, ev.trigger_end)])


def test_a_control_verbs_subject_before_its_noun():
    assert learned.LIGHT_CONTROL
    assert _light("وقررت الجزائر منع أفراد الجيش والشرطة من السفر إلى تونس.", "منع", "الجزائر", "place")
    assert _light("وتمكن فصيل مسلح من طرد رئيس الوزراء من العاصمة.", "طرد", "فصيل مسلح")
    assert _light("وحاولت حركة طالبان اغتيالها قبل ثلاثة أعوام.", "اغتيالها", "حركة طالبان", "organization")
    assert _light("وقررت محكمة بريطانية اليوم الأربعاء منع أربعة من المشجعين من حضور المباريات.", "منع",
                  "محكمة بريطانية")


def test_not_a_control_verb_or_another_noun_between():
    # a verb that governs no verbal noun whose doer is its subject
    assert not _light("وقال سيد قادر تحديد موعد لعملية التحرير ليس مهما.", "التحرير", "سيد قادر", "person")
    # the noun the verb governs is another (تحديد), the trigger farther on
    assert not _light("ورفض سيد قادر تحديد موعد لعملية التحرير المرتقبة.", "التحرير", "سيد قادر", "person")
    # the verb is not right before the subject
    assert not _light("وقررت في اجتماعها الجزائر منع السفر.", "منع", "الجزائر", "place")


def test_a_country_after_a_light_verb_is_the_doer_end_to_end():
    doc = Document(id="t-agent25", text="وقررت الجزائر منع أفراد الجيش والشرطة من السفر إلى تونس خلال العطلة.",
                   language="ar")
    ev = next(e for e in analyze(doc).events if e.trigger == "منع")
    assert ("agent", "الجزائر") in [(a.role, a.text) for a in ev.arguments]


def _from(text, trigger, span, typ, etype="organization", cls="other"):
    T = learned.Text(text)
    ev = _event(text, trigger, typ, cls)
    c = _cand(text, span, etype)
    return learned._from_agent(T, ev, c) or learned._lam_agent(T, ev, c)     # as refine asks them


def test_min_after_a_judgement_or_a_threat_names_its_doer():
    assert _from("وصدق الحكم من محكمة الاستئناف في الرياض.", "الحكم", "محكمة الاستئناف", "trial")
    assert _from("وتلقت تهديدات بالقتل من طالبان وبعض أقاربها.", "تهديدات", "طالبان", "promise")
    # "من" of whoever, no one named; a request's من is whom it asks; a verb's من is its object's
    assert not _from("وطالبوا بمحاسبة من يثبت إدانته.", "بمحاسبة", "يثبت إدانته", "trial", "np")
    assert not _from("وجاء طلب من مصر بتسليمه.", "طلب", "مصر", "request", "place")
    assert not _from("وطلبت الوزارة من الشركة تسليم المبلغ.", "وطلبت", "الشركة", "trial")


def test_lam_after_an_attacks_noun_names_its_doer():
    assert _from("وقتل ثلاثة مسلحين في كمين لقوات الأمن بمحافظة إب.", "كمين", "لقوات الأمن", "attack", "np", "harm")
    assert _from("وقتل 24 شرطيا في هجمات للمقاتلين الأكراد الشهر الماضي.", "هجمات", "للمقاتلين الأكراد", "attack",
                 "np", "harm")
    assert _from("وقتل 15 مسلحا في غارة جوية لطيران التحالف استهدفت آليات.", "غارة", "لطيران التحالف", "attack",
                 "np", "harm")
    # the object's genitive, a pronoun that is the doer, a name that opens with ل, a definite noun
    assert not _from("وقصف مواقع لعناصر التنظيم في بيجي.", "وقصف", "لعناصر التنظيم", "attack", "np", "harm")
    assert not _from("وبعد استهدافها للتنظيم تغيرت الحملة.", "استهدافها", "للتنظيم", "attack", "np", "harm")
    assert not _from("في مواجهة لوس انجليس جالاكسي اليوم.", "مواجهة", "لوس انجليس جالاكسي", "attack",
                     "organization", "harm")
    assert not _from("في نوايا تركيا بالتصدي لتنظيم داعش.", "بالتصدي", "لتنظيم داعش", "attack", "np", "harm")

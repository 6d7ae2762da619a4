"""role23 (issue #14): a candidate after a verb that covers the verb's subject and its object (or the place it
goes to) is proposed as its two parts ("وقصفت الطائرة السيارة" read as one phrase lost one of the two roles)."""
import pytest

from riwaya.events import learned
from riwaya.models import Argument, EntityMention, EventMention


def _event(text: str, trigger: str, typ: str, cls: str) -> EventMention:
    s = text.index(trigger)
    return EventMention(cls=cls, type=typ, trigger=trigger, start=0, end=len(text), trigger_start=s,
                        trigger_end=s + len(trigger))


def _rule(text: str, span: str, role: str = "agent") -> learned.Candidate:
    s = text.index(span)
    a = Argument(role=role, text=span, start=s, end=s + len(span), type="np")
    return learned.Candidate(s, s + len(span), span, role, "np", None, a)


def _mention(text: str, span: str, typ: str) -> EntityMention:
    s = text.index(span)
    return EntityMention(s, s + len(span), span, typ)


@pytest.fixture
def split(monkeypatch):
    monkeypatch.setattr(learned, "SPLIT_SUBJECT_OBJECT", True)

    def run(text, trigger, span, mentions=(), role="agent", typ="attack", cls="harm"):
        T = learned.Text(text)
        ev = _event(text, trigger, typ, cls)
        s0, s1 = T.sentence(ev.trigger_start)
        ms = [_mention(text, m, t) for m, t in mentions]
        return [(c.text, c.rule_role, c.split) for c in learned._split_two(T, ev, [_rule(text, span, role)], ms, s0, s1)]
    return run


def test_a_definite_subject_then_an_article_less_object_is_split(split):
    text = "وأفادت مصادر محلية بأن دمرت السيول معظم الجسور في المنطقة."
    assert split(text, "دمرت", "السيول معظم الجسور") == [
        ("السيول", "agent", "head"), ("معظم الجسور", None, "tail")]
    text = "واستهدفت الغارات مواقع الحوثيين في صعدة."
    assert split(text, "واستهدفت", "الغارات مواقع الحوثيين")[1] == ("مواقع الحوثيين", None, "tail")


def test_a_phrase_then_a_place_it_goes_to_and_two_names_back_to_back(split):
    text = "ومن المرجح ان يزور الوزير الأميركي تركيا الأسبوع المقبل."
    assert split(text, "يزور", "الوزير الأميركي تركيا", [("تركيا", "place")], typ="visit", cls="movement") == [
        ("الوزير الأميركي", "agent", "head"), ("تركيا", None, "tail")]
    text = "وطالب الأمين العام العربي تركيا باحترام سيادة العراق."
    got = split(text, "وطالب", "العربي تركيا", [("العربي", "organization"), ("تركيا", "place")], typ="request",
                cls="communication")
    assert [x[0] for x in got] == ["العربي", "تركيا"]


def test_a_preposition_glued_on_the_second_phrase(split):
    text = "واجتمع الراشد بلاعبي الفريق قبيل انطلاق الحصة التدريبية."
    assert split(text, "واجتمع", "الراشد بلاعبي الفريق", typ="meeting", cls="communication") == [
        ("الراشد", "agent", "head"), ("بلاعبي الفريق", None, "tail")]


def test_one_phrase_stays_whole(split):
    # a noun and its adjective; a title before a person's name; a list joined by و; a count after a unit noun
    assert len(split("وقصفت القوات السعودية مواقع.", "وقصفت", "القوات السعودية", [("السعودية", "place")])) == 1
    assert len(split("وأكد الوزير عادل الجبير أن ...", "وأكد", "الوزير عادل الجبير",
                     [("عادل الجبير", "person")], typ="statement", cls="communication")) == 1
    assert len(split("وهاجم الجيش والمقاومة المدينة.", "وهاجم", "الجيش والمقاومة")) == 1
    assert len(split("وتقدمت الكتيبة 102 مشاة نحو المدينة.", "وتقدمت", "الكتيبة 102 مشاة", typ="transport",
                     cls="movement")) == 1
    # a place noun before the place's name: one phrase ("العاصمة صنعاء")
    assert len(split("ووصل الوفد العاصمة صنعاء.", "ووصل", "العاصمة صنعاء", [("صنعاء", "place")],
                     role="destination", typ="arrival", cls="movement")) == 1
    # a locative ب phrase goes on ("الشؤون الصحية بمنطقة مكة")
    assert len(split("وأعلنت الشؤون الصحية بمنطقة مكة المكرمة.", "وأعلنت", "الشؤون الصحية بمنطقة",
                     typ="statement", cls="communication")) == 1


def test_a_verbal_noun_is_not_split(split):
    # a masdar's genitive runs on into appositions and locatives ("تحرير عدن كبرى مدن الجنوب")
    assert learned._masdar_shaped("تحرير") and learned._masdar_shaped("تحويلهم") and learned._masdar_shaped("اغلاق")
    assert not learned._masdar_shaped("دمرت") and not learned._masdar_shaped("وتحاصر")
    text = "وأكد أن تحرير عدن كبرى مدن الجنوب تم أمس."
    assert len(split(text, "تحرير", "عدن كبرى مدن", [("عدن", "place")], role="patient", typ="capture",
                     cls="control")) == 1


def test_off_by_default_and_the_parts_are_candidates(monkeypatch):
    assert learned.SPLIT_SUBJECT_OBJECT in (True, False)
    text = "وقصفت طائرات التحالف مواقع الحوثيين في صعدة."
    T = learned.Text(text)
    ev = _event(text, "وقصفت", "attack", "harm")
    s = text.index("طائرات")
    ev.arguments = [Argument(role="agent", text="طائرات التحالف مواقع الحوثيين", start=s,
                             end=s + len("طائرات التحالف مواقع الحوثيين"), type="np")]
    monkeypatch.setattr(learned, "SPLIT_SUBJECT_OBJECT", False)
    assert [c.text for c in learned.candidates(T, ev, [])][0] == "طائرات التحالف مواقع الحوثيين"
    monkeypatch.setattr(learned, "SPLIT_SUBJECT_OBJECT", True)
    got = learned.candidates(T, ev, [])
    assert [c.text for c in got][:2] == ["طائرات التحالف", "مواقع الحوثيين"]
    assert got[0].arg is not None and got[0].arg.text == "طائرات التحالف" and got[0].rule_role == "agent"
    assert ev.arguments[0].text == "طائرات التحالف مواقع الحوثيين"      # the rules' argument itself unchanged


def test_a_part_does_not_grow_back_over_the_other():
    # the span model may grow "العربي" over the name after it: a split's first part keeps its end, the second its start
    assert learned._part_bounds(("head", 10, 16), 10, 22) == (10, 16)
    assert learned._part_bounds(("head", 10, 16), 4, 16) == (4, 16)
    assert learned._part_bounds(("tail", 17, 22), 10, 22) == (17, 22)
    assert learned._part_bounds(("tail", 17, 22), 17, 30) == (17, 30)

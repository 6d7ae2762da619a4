"""role24 (issue #14): two phrases after a finite verb given one role are its subject and its object, and one
filler per role never joins them again over the boundary where a candidate was split."""
from riwaya.events import learned
from riwaya.models import Argument, EventMention


def _event(text: str, trigger: str, typ: str = "killing", cls: str = "harm") -> EventMention:
    s = text.index(trigger)
    return EventMention(cls=cls, type=typ, trigger=trigger, start=0, end=len(text), trigger_start=s,
                        trigger_end=s + len(trigger))


def _cand(text: str, span: str, etype: str = "np") -> learned.Candidate:
    split = ""
    if ":" in etype:
        etype, split = etype.split(":")
    s = text.index(span)
    return learned.Candidate(s, s + len(span), span, None, etype, None, None, "", split)


def _pair(text, trigger, spans):
    T = learned.Text(text)
    ev = _event(text, trigger)
    probs = [(_cand(text, sp, et), {"agent": 0.1, "patient": p, "none": 1 - p}, role) for sp, et, role, p in spans]
    return [(c.text, r) for c, _, r in learned._subject_object_pair(T, ev, probs)]


def test_two_patients_after_a_verb_are_its_subject_and_object():
    text = "وقال شقيق الفقيد إنه رأى كيف قتل سليمان أخاه بعد خلاف بينهما."
    assert _pair(text, "قتل", [("سليمان", "person", "patient", 0.9), ("أخاه", "np", "patient", 0.5)]) == [
        ("سليمان", "agent"), ("أخاه", "patient")]
    text = "ولم تقصف تركيا داعش سوى ثلاث مرات."
    assert _pair(text, "تقصف", [("تركيا", "place", "patient", 0.8), ("داعش", "organization", "patient", 0.8)]) == [
        ("تركيا", "agent"), ("داعش", "patient")]


def test_a_phrase_the_model_left_without_role_is_stepped_over():
    text = "واعتقلت القوات الأمنية 23 عنصرا جنائيا بجنوب مدينة العريش."
    got = _pair(text, "واعتقلت", [("القوات الأمنية", "np:head", "patient", 0.5), ("23", "np:tail", "none", 0.5),
                                  ("عنصرا", "np", "patient", 0.55)])
    assert got == [("القوات الأمنية", "agent"), ("23", "none"), ("عنصرا", "patient")]


def test_what_is_left_as_it_is():
    text = "وقتل جنديان في هجوم على الحاجز."          # a word no candidate covers between the two
    assert _pair(text, "وقتل", [("جنديان", "np", "patient", 0.9), ("الحاجز", "np", "patient", 0.6)]) == [
        ("جنديان", "patient"), ("الحاجز", "patient")]
    text = "وقتل الجندي محمد العلي في الهجوم."        # a word before a person's name: one person
    assert _pair(text, "وقتل", [("الجندي", "np", "patient", 0.9), ("محمد العلي", "person", "patient", 0.6)])[0] == (
        "الجندي", "patient")
    text = "وقتل مسلحون وجنود في الاشتباك."            # a list: one role
    assert _pair(text, "وقتل", [("مسلحون", "np", "patient", 0.9), ("وجنود", "np", "patient", 0.6)])[0] == (
        "مسلحون", "patient")
    text = "بعد اغتيال الرئيس السابق أخيه."            # a verbal noun: its genitive
    assert _pair(text, "اغتيال", [("الرئيس السابق", "np", "patient", 0.9), ("أخيه", "np", "patient", 0.6)])[0] == (
        "الرئيس السابق", "patient")


def test_one_filler_per_role_does_not_join_over_a_split():
    text = "واعتقلت القوات الأمنية 23 عنصرا جنائيا."
    a_s = text.index("القوات الأمنية")
    b_s = text.index("عنصرا")
    a = Argument(role="patient", text="القوات الأمنية", start=a_s, end=a_s + len("القوات الأمنية"))
    b = Argument(role="patient", text="عنصرا", start=b_s, end=b_s + len("عنصرا"))
    conf = {id(a): 0.5, id(b): 0.6}
    trig = (0, len("واعتقلت"))
    joined = learned._one_per_role(text, [a, b], conf, ("patient",), trig, 2)
    assert [x.text for x in joined] == ["القوات الأمنية 23 عنصرا"]
    a.start, a.end, a.text = a_s, a_s + len("القوات الأمنية"), "القوات الأمنية"
    b.start, b.end, b.text = b_s, b_s + len("عنصرا"), "عنصرا"
    kept = learned._one_per_role(text, [a, b], conf, ("patient",), trig, 2, walls=[a.end])
    assert [x.text for x in kept] == ["عنصرا"]


def _split(text, trigger, span, typ="request", cls="communication"):
    T = learned.Text(text)
    ev = _event(text, trigger, typ, cls)
    s0, s1 = T.sentence(ev.trigger_start)
    s = text.index(span)
    c = learned.Candidate(s, s + len(span), span, "agent", "np", None,
                          Argument(role="agent", text=span, start=s, end=s + len(span), type="np"))
    return [x.text for x in learned._split_two(T, ev, [c], [], s0, s1)]


def test_a_feminine_noun_then_a_word_that_is_no_adjective_of_it_is_split():
    assert _split("وفي دولة مثل العراق، حثت الحكومة الأهالي على شرب الماء.", "حثت", "الحكومة الأهالي") == [
        "الحكومة", "الأهالي"]
    assert _split("ودعت الجامعة المقبولين إلى الالتزام بالتعليمات.", "ودعت", "الجامعة المقبولين") == [
        "الجامعة", "المقبولين"]
    assert _split("وطالب الخطباء الجميع أن يتحملوا مسؤوليتهم.", "وطالب", "الخطباء الجميع") == ["الخطباء", "الجميع"]


def test_a_noun_and_its_adjective_stay_whole():
    for text, trig, span in (
            ("وقالت الحكومة اليمنية إنها مستعدة.", "وقالت", "الحكومة اليمنية"),
            ("وأعلنت الحكومة الشرعية المعترف بها دوليا النفير.", "وأعلنت", "الحكومة الشرعية المعترف"),
            ("وأعلنت الحكومة المعترف بها دوليا النفير.", "وأعلنت", "الحكومة المعترف"),      # agrees with بها
            ("وأكدت المحكمة العليا الحكم.", "وأكدت", "المحكمة العليا"),
            ("واتخذت الوزارة الخطوة الأبرز.", "واتخذت", "الخطوة الأبرز"),
            ("وأعلنت الحكومة الأحد حالة الطوارئ.", "وأعلنت", "الحكومة الأحد"),                 # a time word
            ("وهاجم القادة الميدانيين الخطة.", "وهاجم", "القادة الميدانيين"),                # a plural of people
            ("ووجه وزير الصحة السعودي بتشكيل لجنة.", "ووجه", "وزير الصحة السعودي")):       # the construct's head
        assert _split(text, trig, span) == [span], text


def test_after_the_fill_the_object_given_the_agent_is_swapped_back():
    text = "ودعت الكلية المقبولين إلى الحضور بالزي الرياضي."
    T = learned.Text(text)
    ev = _event(text, "ودعت", "request", "communication")
    head, tail = _cand(text, "الكلية", "np:head"), _cand(text, "المقبولين", "np:tail")
    p = {"agent": 0.3, "patient": 0.5, "none": 0.2}
    probs = [(head, p, "patient"), (tail, p, "none"), (tail, p, "agent")]     # the fill's entry comes last
    got = [(c.text, r) for c, _, r in learned._subject_object_pair(T, ev, probs) if r != "none"]
    assert got == [("الكلية", "agent"), ("المقبولين", "patient")]

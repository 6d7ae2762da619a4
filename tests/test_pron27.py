"""pron27 (issue #14): a trigger that ends with an object pronoun ("وبإحالته"، "نقلهم"، "اليمن الذي دمرته") names
its patient by it; the annotation gives the antecedent before it. learned._pronoun_patient reads it after the
argument model: the phrase before a relative pronoun of the pronoun's number, the patient of the nearest earlier
event of the sentence that agrees, the phrase before a passive light verb. Measured and shipped off (README
pron27): the tests call the functions themselves, and check the switches are off."""
from riwaya.events import learned
from riwaya.models import Argument, EventMention


def test_shipped_off():
    import importlib
    src = importlib.util.find_spec("riwaya.events.learned").origin
    text = open(src, encoding="utf-8").read()
    for flag in ("PRON_PATIENT", "PRON_AGENT", "PRON_DROP_AFTER"):
        assert f"\n{flag} = False" in text


def _event(text: str, trigger: str, typ: str, cls: str = "other", nth: int = 0, args=()) -> EventMention:
    s = -1
    for _ in range(nth + 1):
        s = text.index(trigger, s + 1)
    return EventMention(cls=cls, type=typ, trigger=trigger, start=0, end=len(text), trigger_start=s,
                        trigger_end=s + len(trigger), arguments=list(args))


def _arg(text: str, span: str, role: str, etype: str = "np") -> Argument:
    s = text.index(span)
    return Argument(role=role, text=span, start=s, end=s + len(span), type=etype)


def _cand(text: str, span: str) -> learned.Candidate:
    s = text.index(span)
    return learned.Candidate(s, s + len(span), span, None, "np", None, None, "", "")


def _lex():
    return learned._lexicon()


def test_the_object_pronoun_and_its_number():
    text = "وتم القبض على الجاني وبإحالته إلى النيابة ونقلهم واعتقالها وخطفهما ومواجهة هجومهم."
    T = learned.Text(text)
    assert learned._object_suffix(T, _event(text, "وبإحالته", "trial"))[0] == "masculine"
    assert learned._object_suffix(T, _event(text, "ونقلهم", "transfer"))[0] == "plural"
    assert learned._object_suffix(T, _event(text, "واعتقالها", "arrest"))[0] == "feminine"
    assert learned._object_suffix(T, _event(text, "وخطفهما", "kidnapping"))[0] == "dual"
    # ة is no pronoun, though normalised to ه
    assert learned._object_suffix(T, _event(text, "ومواجهة", "attack")) is None
    # an attack noun's pronoun is its doer: no object there, a doer with doer=True
    assert learned._object_suffix(T, _event(text, "هجومهم", "attack")) is None
    assert learned._object_suffix(T, _event(text, "هجومهم", "attack"), doer=True)[0] == "plural"


def test_agreement_of_a_phrase():
    text = "الجاني المذكور والطفلة وحالتين وستة متهمين وعدد من المسلحين وقوات الأمن والمدينة"
    T = learned.Text(text)

    def num(span, etype=None):
        s = text.index(span)
        return learned._phrase_number(T, s, s + len(span), etype)
    assert "masculine" in num("الجاني المذكور") and "feminine" not in num("الجاني المذكور")
    assert num("والطفلة") == {"feminine"}
    assert "dual" in num("وحالتين")
    assert "plural" in num("وستة متهمين") and "masculine" not in num("وستة متهمين")
    assert "plural" in num("وعدد من المسلحين")
    assert "feminine" in num("والمدينة", "place")


def test_the_patient_of_the_arrest_is_the_one_referred():
    text = ("وتمكنت سلطات الأمن من القبض على الجاني المذكور وأسفر التحقيق معه عن توجيه الاتهام إليه "
            "وبإحالته إلى المحكمة صدر بحقه حكم.")
    arrest = _event(text, "القبض", "arrest", args=[_arg(text, "الجاني المذكور", "patient"),
                                                    _arg(text, "سلطات الأمن", "agent", "organization")])
    ev = _event(text, "وبإحالته", "trial")
    got = learned._pronoun_patient(learned.Text(text), ev, [], [arrest], [], _lex())
    assert got is not None and got.role == "patient" and got.text == "الجاني المذكور"
    # a feminine pronoun does not take him up
    text2 = text.replace("وبإحالته", "وبإحالتها")
    arrest2 = _event(text2, "القبض", "arrest", args=[_arg(text2, "الجاني المذكور", "patient")])
    assert learned._pronoun_patient(learned.Text(text2), _event(text2, "وبإحالتها", "trial"), [], [arrest2], [],
                                    _lex()) is None
    # nor is the event's own agent taken as its patient
    agent = [_arg(text, "الجاني المذكور", "agent")]
    assert learned._pronoun_patient(learned.Text(text), ev, agent, [arrest], [], _lex()) is None


def test_a_phrase_after_a_preposition_is_no_antecedent():
    text = "وتم تحويلها لمستشفى الملك عبدالله ببيشة وشاب عمره 30 سنة تم تحويله."
    first = _event(text, "تحويلها", "transfer", args=[_arg(text, "لمستشفى الملك عبدالله", "patient")])
    ev = _event(text, "تحويله", "transfer", nth=1)     # the first is تحويلها's
    got = learned._pronoun_patient(learned.Text(text), ev, [], [first], [], _lex())
    # not the hospital: the phrase before the passive verb
    assert got is not None and "شاب عمره 30 سنة" in got.text


def test_the_phrase_before_a_passive_light_verb():
    text = "وما زال 39 مصابا يتلقون العلاج، وحالتين تم نقلهما إلى الرياض."
    got = learned._pronoun_patient(learned.Text(text), _event(text, "نقلهما", "transfer"), [], [], [], _lex())
    assert got is not None and got.text == "وحالتين"
    # a phrase after a preposition before the verb is where, not who
    text2 = "ووصل المصاب إلى مستشفى الملك فهد وتم نقله إلى العناية."
    assert learned._pronoun_patient(learned.Text(text2), _event(text2, "نقله", "transfer"), [], [], [],
                                    _lex()) is None


def test_the_head_of_a_relative_clause():
    text = "وتحقيق الأمن والاستقرار في اليمن الذي دمرته الميليشيات."
    got = learned._pronoun_patient(learned.Text(text), _event(text, "دمرته", "destruction", "harm"), [], [], [],
                                   _lex())
    assert got is not None and got.text == "اليمن"
    # "الشبان الذين رشقوها": the relative is the subject, the pronoun someone else
    text2 = "لتندلع مواجهات بينها وبين الشبان الذين رشقوها بالحجارة."
    assert learned._pronoun_patient(learned.Text(text2), _event(text2, "رشقوها", "attack", "harm"), [], [], [],
                                    _lex()) is None


def test_a_patient_farther_back_gives_way_only_to_a_near_phrase():
    text = "والمصابون يتلقون العلاج، وحالتين تم نقلهما."
    far = [_arg(text, "والمصابون", "patient")]
    got = learned._pronoun_patient(learned.Text(text), _event(text, "نقلهما", "transfer"), far, [], [], _lex())
    assert got is not None and got.text == "وحالتين"


def test_types_outside_the_list_and_english_are_left():
    text = "ووصل الوزير إلى عدن وخلال زيارته التقى المحافظ."
    assert learned._pronoun_patient(learned.Text(text), _event(text, "زيارته", "visit", "movement"), [], [], [],
                                    _lex()) is None


def test_the_doer_of_a_visit_is_the_one_who_came():
    text = "ووصل الوزير إلى عدن أمس، وخلال زيارته التقى المحافظ."
    came = _event(text, "ووصل", "arrival", "movement", args=[_arg(text, "الوزير", "agent", "person")])
    got = learned._pronoun_agent(learned.Text(text), _event(text, "زيارته", "visit", "movement"), [], [came])
    assert got is not None and got.role == "agent" and got.text == "الوزير"
    # an agent already there stays alone
    own = [_arg(text, "المحافظ", "agent", "person")]
    assert learned._pronoun_agent(learned.Text(text), _event(text, "زيارته", "visit", "movement"), own,
                                  [came]) is None

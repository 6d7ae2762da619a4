"""The slots behind most disagreements between accounts: where a move started (origin), how (means),
with whom (companions), when a place fell (a heading dated by its section), and how values of those
slots compare across accounts. Short real-style sentences, none from the bundled seeds."""
import os

from riwaya.events import extract
from riwaya.events.learned import refine
from riwaya.models import DocAnalysis, TimeMention, TimeValue
from riwaya.reconcile import reconcile
from riwaya.reconcile.values import head, means_mode, point_kind

from .spans import M, paras
from .test_conflicts_quality import ENTS, _doc, _m  # the same two-outlet fixtures

os.environ.setdefault("RIWAYA_ENCODER", "0")


def T(text, s, earliest, latest, precision="day"):
    i = text.index(s)
    return TimeMention(i, i + len(s), s, TimeValue(earliest, latest, s, precision))


def run(text, ents=(), times=(), learned=False):
    ms = [M(text, s, t) for s, t in ents]
    evs = extract(text, ms, list(times), paras(text), lang="ar")[0]
    if learned:     # the shipped models over the rules' proposals, as analyze runs them
        evs = refine(text, DocAnalysis(doc_id="t", mentions=ms, events=evs)).events
    return evs


def ev_at(evs, trigger):
    return next(e for e in evs if e.trigger == trigger)


def roles(ev, role):
    return [a.text for a in ev.arguments if a.role == role]


def test_where_relative_gives_the_origin():
    t = "وصل الوزير إلى مطار القاهرة الدولي، حيث غادر إلى باريس مساء الخميس."
    e = ev_at(run(t, [("الوزير", "person"), ("مطار القاهرة", "place"), ("باريس", "place")]), "غادر")
    assert roles(e, "origin") == ["مطار القاهرة"] and roles(e, "destination") == ["باريس"]
    # not for a type whose "where" is no starting point
    t2 = "وصل الوزير إلى الرياض، حيث التقى نظيره."
    e2 = ev_at(run(t2, [("الوزير", "person"), ("الرياض", "place")]), "التقى")
    assert roles(e2, "origin") == []


def test_companion_verb_later_in_the_sentence():
    t = "غادر الرئيس التونسي البلاد فجر الجمعة، واصطحب معه زوجته."
    e = ev_at(run(t, [("الرئيس التونسي", "person")]), "غادر")
    assert roles(e, "companion") == ["زوجته"]
    t2 = "توجه رئيس الوزراء إلى الرياض برفقة وزير الخارجية سامح شكري."
    e2 = ev_at(run(t2, [("رئيس الوزراء", "person"), ("الرياض", "place"), ("سامح شكري", "person")]), "توجه")
    assert roles(e2, "companion") == ["سامح شكري"]


def test_cued_origin_means_and_companion_survive_the_learned_step():
    t = "هرب القائد من معسكره على متن مروحية عسكرية إلى الحدود برفقة مساعده."
    e = ev_at(run(t, [("القائد", "person")], learned=True), "هرب")
    assert roles(e, "origin") == ["معسكره"]
    assert roles(e, "means") == ["مروحية عسكرية"]
    assert roles(e, "companion") == ["مساعده"]
    t2 = "خرج المدير من مكتبه عبر موكب من أربع سيارات."
    e2 = ev_at(run(t2, [("المدير", "person")], learned=True), "خرج")
    assert roles(e2, "origin") == ["مكتبه"] and roles(e2, "means") == ["موكب من أربع سيارات"]


def test_an_origin_with_a_glued_pronoun_survives_the_learned_step():
    # a place noun with a possessive pronoun after من (cues.yaml place_nouns): a feminine noun's ة is
    # written ت before the pronoun (زنزانة -> زنزانتهم); the model alone drops the one-word phrase
    t = "هرب المعتقلون من زنزانتهم قبل أن يتسلقوا سور السجن."
    assert roles(ev_at(run(t, learned=True), "هرب"), "origin") == ["زنزانتهم"]
    t2 = "غادر الجنود من المعسكر إلى المدينة."
    assert roles(ev_at(run(t2, learned=True), "غادر"), "origin") == ["المعسكر"]


def test_a_destination_after_ila_that_names_a_place_is_kept_as_the_rules_read_it():
    # the all-data model dropped "متوجهاً إلى الرياض", "مساء اليوم إلى النمسا" (none 0.62 / 0.51); a
    # destination cued by إلى/نحو that names a place stands (cues.yaml learned_keeps_rule_roles)
    from riwaya.events import learned
    lex = learned._lexicon()
    t = "غادر اللاعب مقر المعسكر متوجهاً إلى جدة، بينما بقي زملاؤه في مرحلة جديدة من الإعداد."
    T = learned.Text(t)

    def cand(phrase, role, etype):
        i = t.index(phrase)
        return learned.Candidate(i, i + len(phrase), phrase, role, etype, None, None)
    jed, phase, camp = cand("جدة", "destination", "place"), cand("مرحلة جديدة", "destination", "np"), \
        cand("المعسكر", "destination", "np")
    assert "destination" in learned._rule_kept_roles()["movement"]
    assert learned._cued_slot(T, jed, [jed], lex)                # إلى + a named place
    assert not learned._cued_slot(T, phase, [phase], lex)        # after في: no cue of a destination
    assert not learned._cued_slot(T, camp, [camp], lex)          # no إلى before it
    t2 = "وصلت القافلة إلى مرحلة جديدة من المفاوضات."
    stage = learned.Candidate(t2.index("مرحلة"), t2.index(" من"), "مرحلة جديدة", "destination", "np", None, None)
    assert not learned._cued_slot(learned.Text(t2), stage, [stage], lex)   # after إلى but no place


def test_a_vehicle_that_is_the_subject_is_left_to_the_model():
    # the rules read "الطائرة" both as the subject and as the means: not a cued means, not kept as one
    t = "ووصلت الطائرة إلى مطار عدن الدولي اليوم."
    e = ev_at(run(t, [("مطار عدن الدولي", "place")], learned=True), "ووصلت")
    assert "الطائرة" not in roles(e, "means") or "الطائرة" not in roles(e, "agent")


def test_fallen_place_is_the_patient_and_the_hands_it_fell_into_the_agent():
    t = "بدأت نهاية حكم الرئيس في 3 آذار عندما سقطت مدينة إدلب في يد الفصائل."
    e = ev_at(run(t, [("الرئيس", "person"), ("إدلب", "place")]), "سقطت")
    assert roles(e, "patient") == ["إدلب"]
    assert roles(e, "agent") == ["الفصائل"]


def test_heading_takes_the_date_that_opens_its_section():
    t = "سقوط إدلب\nفي 5 آذار 2015، شهدت إدلب انشقاقات في صفوف الجيش.\nوفي اليوم نفسه فر المحافظ."
    times = [T(t, "5 آذار 2015", "2015-03-05T00:00:00+03:00", "2015-03-05T23:59:59+03:00")]
    evs = run(t, [("إدلب", "place")], times)
    fall = ev_at(evs, "سقوط")
    assert roles(fall, "patient") == ["إدلب"] and fall.time is not None and fall.time.earliest.startswith("2015-03-05")
    # a heading whose place the section's first sentence does not name again keeps no date
    t2 = "سقوط إدلب\nفي 5 آذار 2015، شهدت حماة انشقاقات في صفوف الجيش."
    times2 = [T(t2, "5 آذار 2015", "2015-03-05T00:00:00+03:00", "2015-03-05T23:59:59+03:00")]
    assert ev_at(run(t2, [("إدلب", "place"), ("حماة", "place")], times2), "سقوط").time is None


def test_means_modes_and_place_kinds():
    assert means_mode(head("موكب من ثلاث سيارات")) == {"road"}
    assert means_mode(head("بسيارات مصفحة")) == {"road"}
    assert means_mode(head("طائرة خاصة")) == {"air"} and means_mode(head("جوًا")) == {"air"}
    assert means_mode(head("زوارق سريعة")) == {"sea"}
    assert point_kind(head("قصره")) == "palace" and point_kind(head("المطار")) == "airport"
    assert point_kind(head("الحدود")) is None


def _conf(docs, ms, field):
    return [c for c in reconcile(docs, ms, ENTS)["conflicts"] if c["field"] == field]


def test_means_road_against_air_is_a_contradiction_convoy_against_cars_a_refinement():
    docs = [_doc("a", "Outlet A"), _doc("b", "Outlet B")]
    c = _conf(docs, [_m("x1", "a", means="موكب من ثلاث سيارات"), _m("x2", "b", means="طائرة خاصة")], "means")
    assert len(c) == 1 and c[0]["kind"] == "contradiction" and c[0]["confidence"] == "high"
    c = _conf(docs, [_m("x1", "a", means="موكب عسكري"), _m("x2", "b", means="سيارات مصفحة")], "means")
    assert len(c) == 1 and c[0]["kind"] == "refinement"


def test_a_palace_is_not_the_airport_but_may_be_in_the_city():
    docs = [_doc("a", "Outlet A"), _doc("b", "Outlet B")]
    c = _conf(docs, [_m("x1", "a", origin="قصره"), _m("x2", "b", origin="portA")], "origin")
    assert len(c) == 1 and c[0]["kind"] == "contradiction"
    c = _conf(docs, [_m("x1", "a", origin="قصره"), _m("x2", "b", origin="cityA")], "origin")
    assert all(x["kind"] == "refinement" for x in c)
    c = _conf(docs, [_m("x1", "a", origin="المطار"), _m("x2", "b", origin="portA")], "origin")
    assert all(x["kind"] == "refinement" for x in c)


def test_stay_with_its_duration():
    t = "وتفيد المعلومات بأن الوزير وأبناءه بقوا في قاعدة العند الجوية لبضع ساعات.\nمكث الرئيس في المستشفى ثلاثة أيام."
    times = [TimeMention(t.index("لبضع ساعات"), t.index("لبضع ساعات") + len("لبضع ساعات"), "لبضع ساعات",
                         TimeValue(None, None, "لبضع ساعات", "hour", kind="duration", value="PTXH")),
             TimeMention(t.index("ثلاثة أيام"), t.index("ثلاثة أيام") + len("ثلاثة أيام"), "ثلاثة أيام",
                         TimeValue(None, None, "ثلاثة أيام", "day", kind="duration", value="P3D"))]
    evs = run(t, [("الوزير", "person"), ("قاعدة العند الجوية", "place"), ("الرئيس", "person")], times)
    a, b = ev_at(evs, "بقوا"), ev_at(evs, "مكث")
    assert a.type == "stay" and roles(a, "duration") == ["لبضع ساعات"] and a.time is None
    assert roles(b, "duration") == ["ثلاثة أيام"] and roles(b, "place") == ["المستشفى"]


def test_durations_compare_by_the_span_they_allow():
    docs = [_doc("a", "Outlet A"), _doc("b", "Outlet B")]
    stay = dict(type="stay", place="portA")
    c = _conf(docs, [_m("x1", "a", duration={"value": "PTXH", "text": "لبضع ساعات"}, **stay),
                     _m("x2", "b", duration={"value": "P2D", "text": "يومين"}, **stay)], "duration")
    assert len(c) == 1 and c[0]["kind"] == "contradiction" and c[0]["slot"] == "duration"
    assert {v["label_ar"] for v in c[0]["values"]} == {"لبضع ساعات", "يومين"}
    c = _conf(docs, [_m("x1", "a", duration={"value": "PTXH", "text": "لبضع ساعات"}, **stay),
                     _m("x2", "b", duration={"value": "PT3H", "text": "ثلاث ساعات"}, **stay)], "duration")
    assert len(c) == 1 and c[0]["kind"] == "refinement"


def test_each_conjunct_of_a_companion_list_is_a_companion_and_survives_the_model():
    t = "غادر الوزير العاصمة ليلا إلى قاعدة بحرية بمرافقة نجله ومساعده الشخصي ومستشاريه القانونيين."
    e = ev_at(run(t, [("الوزير", "person")], learned=True), "غادر")
    assert roles(e, "companion") == ["نجله", "مساعده الشخصي", "مستشاريه القانونيين"]


def test_his_son_and_the_named_son_are_one_companion_told_twice():
    from riwaya.reconcile.values import companion_kind
    assert companion_kind(head("ابنه")) == "child_of" and companion_kind(head("مساعده الشخصي")) == "role"
    ents = ENTS + [{"id": "e:son", "type": "person", "name_ar": "حافظ بشار الأسد", "name_en": "Hafez", "aliases": [],
                    "kb_id": "person:hafez-bashar-al-assad"}]     # a KB person with a child_of relation
    docs = [_doc("a", "Outlet A"), _doc("b", "Outlet B")]
    ms = [_m("x1", "a", participants=[{"entity": "p1", "role": "agent"}, {"entity": "ابنه", "role": "companion"}]),
          _m("x2", "b", participants=[{"entity": "p1", "role": "agent"}, {"entity": "e:son", "role": "companion"}])]
    c = [x for x in reconcile(docs, ms, ents)["conflicts"] if x["field"] == "companions"]
    assert len(c) == 1 and c[0]["kind"] == "refinement" and c[0]["confidence"] == "high"


def _companions(lists, ents=None):
    docs = [_doc("a", "Outlet A"), _doc("b", "Outlet B")]
    ms = [_m(f"x{k}", d, participants=[{"entity": "p1", "role": "agent"}] +
             [{"entity": c, "role": "companion"} for c in comp]) for k, (d, comp) in enumerate(lists)]
    return [x for x in reconcile(docs, ms, ents or ENTS)["conflicts"] if x["field"] == "companions"]


def test_family_alone_against_family_and_staff_is_a_disagreement():
    """One account names only his son with him, another his son, his aide and his advisers: they disagree
    about who came along (a kind of companion one list lacks), not one list told more fully."""
    ents = ENTS + [{"id": "e:son", "type": "person", "name_ar": "سالم", "name_en": "Salem", "aliases": [],
                    "kb_id": "person:hafez-bashar-al-assad"}]     # a KB person with a child_of relation
    c = _companions([("a", ["e:son"]), ("b", ["نجله", "مساعده الشخصي", "مستشاريه القانونيين"])], ents)
    assert [x["kind"] for x in c] == ["contradiction"] and c[0]["confidence"] == "high"
    c = _companions([("a", ["زوجته"]), ("b", ["زوجته", "حارسه"])])
    assert [x["kind"] for x in c] == ["contradiction"]


def test_a_list_with_a_vague_member_or_one_more_name_is_told_more_fully():
    ents = ENTS + [{"id": f"e:{n}", "type": "person", "name_ar": n, "name_en": n, "aliases": [], "kb_id": f"person:{n}",
                    "mentions": [{}, {}]} for n in ("سامح", "مراد")]
    c = _companions([("a", ["e:سامح"]), ("b", ["e:سامح", "e:مراد"])], ents)
    assert [x["kind"] for x in c] == ["refinement"]
    c = _companions([("a", ["زوجته"]), ("b", ["زوجته", "عدد من المسؤولين"])])
    assert [x["kind"] for x in c if x["kind"] == "contradiction"] == []
    # an aide named by one account and by his role by another may be one man
    c = _companions([("a", ["مساعده الشخصي"]), ("b", ["e:مراد"])], ents)
    assert [x["kind"] for x in c if x["kind"] == "contradiction"] == []


def test_a_departure_time_and_an_arrival_time_are_two_moments():
    """"Left at dawn" and "landed at 7:55" tell two moments of one journey, not one time told two ways;
    two departure times that differ still disagree."""
    docs = [_doc("a", "Outlet A"), _doc("b", "Outlet B")]
    dawn = {"earliest": "2024-12-08T03:00:00+03:00", "latest": "2024-12-08T05:59:59+03:00", "text": "فجر الأحد",
            "precision": "part_of_day", "tz": "+03:00"}
    late = {"earliest": "2024-12-08T07:55:00+03:00", "latest": "2024-12-08T07:55:00+03:00",
            "text": "الساعة 07:55", "precision": "minute", "tz": "+03:00"}
    c = _conf(docs, [_m("x1", "a", time=dawn, destination="cityZ"),
                     _m("x2", "b", typ="arrival", time=late, destination="cityZ")], "time")
    assert [x["kind"] for x in c if x["kind"] == "contradiction"] == []
    c = _conf(docs, [_m("x1", "a", time=dawn, destination="cityZ"), _m("x2", "b", time=late, destination="cityZ")],
              "time")
    assert [x["kind"] for x in c] == ["contradiction"]


def test_a_person_is_no_place():
    """A person read as where one went ("غادر الرئيس X العاصمة" with X as the destination) is no side."""
    docs = [_doc("a", "Outlet A"), _doc("b", "Outlet B")]
    ents = ENTS + [{"id": "p2", "type": "person", "name_ar": "عمرو", "name_en": "Amr", "aliases": [],
                    "kb_id": "person:y"}]
    out = reconcile(docs, [_m("x1", "a", destination="p2"), _m("x2", "b", destination="cityZ")], ents)
    assert [c for c in out["conflicts"] if c["field"] == "destination"] == []
    out = reconcile(docs, [_m("x1", "a", destination="cityA"), _m("x2", "b", destination="cityZ")], ents)
    assert [c["kind"] for c in out["conflicts"] if c["field"] == "destination"] == ["contradiction"]


def test_where_one_set_out_for_and_where_one_arrived_are_two_moments():
    """"Left for Beta" and "arrived in Zeta" may be the first leg and the end of one journey; two arrivals
    at different places disagree."""
    docs = [_doc("a", "Outlet A"), _doc("b", "Outlet B")]
    c = _conf(docs, [_m("x1", "a", origin="cityA", destination="countryA"),
                     _m("x2", "b", typ="arrival", destination="cityZ")], "destination")
    assert [x for x in c if x["kind"] == "contradiction"] == []
    c = _conf(docs, [_m("x1", "a", typ="arrival", destination="baseB"),
                     _m("x2", "b", typ="arrival", destination="cityZ")], "destination")
    assert [x["kind"] for x in c] == ["contradiction"]


def test_the_phase_of_flight_told_around_a_crash():
    from riwaya.reconcile.values import flight_phase
    t = "وقالت المصادر إن الطائرة سقطت وهي في حالة الاستعداد للهبوط قرب المدرج."
    assert flight_phase(t, (t.index("سقطت"), t.index("سقطت") + 4)) == "landing"
    t2 = "وتحطمت الطائرة بعد إقلاعها بوقت قصير فوق حقل."
    assert flight_phase(t2, (t2.index("وتحطمت"), t2.index("وتحطمت") + 6)) == "take_off"
    t3 = "The jet crashed shortly after take-off on Friday."
    assert flight_phase(t3, (t3.index("crashed"), t3.index("crashed") + 7)) == "take_off"
    # the trigger itself is no phase; a clause naming both phases gives none; another clause gives none
    t4 = "هبطت الطائرة في المطار مساء أمس."
    assert flight_phase(t4, (0, 4)) is None
    t5 = "أقلعت الطائرة ثم تحطمت قبل أن تهبط في القاعدة."
    assert flight_phase(t5, (t5.index("تحطمت"), t5.index("تحطمت") + 5)) is None
    t6 = "تحطمت الطائرة في الحقل. وكان المطار قد شهد هبوط طائرة أخرى."
    assert flight_phase(t6, (0, 5)) is None


def _told_by_two(texts, trigger, typ, cls, field, **kw):
    """The conflicts on `field` when two outlets each tell one happening in its own text, its trigger the
    first `trigger` there (``kw``: more of the mentions' values, as ``_m`` takes them)."""
    docs = [_doc("a", "Outlet A"), _doc("b", "Outlet B")]
    ms = []
    for k, (d, text) in enumerate(zip(docs, texts)):
        d["text"] = text
        ts = text.index(trigger)
        m = _m(f"x{k}", d["id"], typ=typ, **kw)
        m.update({"class": cls}, start=0, end=len(text), trigger_start=ts, trigger_end=ts + len(trigger), trigger=trigger)
        ms.append(m)
    return [x for x in reconcile(docs, ms, ENTS)["conflicts"] if x["field"] == field]


def test_a_crash_while_landing_and_one_after_take_off_disagree():
    c = _told_by_two(("وقالت المصادر إن الطائرة سقطت وهي في حالة الاستعداد للهبوط.",
                      "وسقطت الطائرة بعد إقلاعها بوقت قصير فوق مرأب للسيارات."), "سقطت", "accident", "other", "phase")
    assert [x["kind"] for x in c] == ["contradiction"] and c[0]["slot"] == "origin/route"
    assert {v["label_en"] for v in c[0]["values"]} == {"while landing", "while taking off"}


def test_going_alone_against_named_companions_is_a_disagreement():
    from riwaya.reconcile.values import went_alone
    t = "غادر الوزير العاصمة وحده فجر الأحد."
    assert went_alone(t, (0, 4))
    assert went_alone("He left the capital alone at dawn.", (3, 7))
    assert not went_alone("غادر الوزير العاصمة. وبقي وحده في المنزل.", (0, 4))
    docs = [_doc("a", "Outlet A"), _doc("b", "Outlet B")]
    docs[0]["text"] = "غادر الوزير العاصمة وحده فجر الأحد."
    docs[1]["text"] = "غادر الوزير العاصمة برفقة زوجته فجر الأحد."
    ms = [_m("x1", "a", start=0, end=len(docs[0]["text"]), trigger_start=0, trigger_end=4, trigger="غادر"),
          _m("x2", "b", start=0, end=len(docs[1]["text"]), trigger_start=0, trigger_end=4, trigger="غادر",
             participants=[{"entity": "p1", "role": "agent"}, {"entity": "زوجته", "role": "companion"}])]
    c = [x for x in reconcile(docs, ms, ENTS)["conflicts"] if x["field"] == "companions"]
    assert [x["kind"] for x in c] == ["contradiction"]
    assert {v["label_en"] for v in c[0]["values"]} == {"alone", "زوجته"}


def test_a_figure_plus_the_pilot_counts_the_pilot():
    from riwaya.reconcile.values import parse_count
    assert parse_count("3", "وعلمت الصحيفة أن المتوفين 3 سعوديين بالإضافة للطيار.").n == 4
    assert parse_count("3", "The dead were 3 passengers plus the pilot.").n == 4
    assert parse_count("5", "قتل 5 جنود بالإضافة إلى 2 من المدنيين.").n == 7
    # no role noun after "plus": nothing added; no "plus": the figure as told
    assert parse_count("3", "قتل 3 أشخاص بالإضافة إلى إصابة آخرين.").n == 3
    assert parse_count("3", "قتل 3 أشخاص في الحادث.").n == 3


def _victim_conflicts(texts, trigger, typ, field):
    """The conflicts on `field` when two outlets tell one harm to patient p1, each in its own text."""
    return _told_by_two(texts, trigger, typ, "harm", field, participants=[{"entity": "p1", "role": "patient"}])


def test_a_victims_grade_officer_or_nco():
    from riwaya.reconcile.values import victim_rank
    t = "أعلنت القيادة عن استشهاد أحد الضباط المشاركين في العملية."
    assert victim_rank(t, (t.index("استشهاد"), t.index("استشهاد") + 7)) == "officer"
    t2 = "أعلنت القيادة عن استشهاد أحد أبنائها برتبة ضابط صف أثناء تأديته واجبه."
    assert victim_rank(t2, (t2.index("استشهاد"), t2.index("استشهاد") + 7)) == "nco"
    t3 = "A sergeant was killed on Monday."
    assert victim_rank(t3, (t3.index("killed"), t3.index("killed") + 6)) == "nco"
    t4 = "قتل جندي برصاص قناص."               # a soldier is no grade
    assert victim_rank(t4, (0, 3)) is None
    c = _victim_conflicts((t, t2), "استشهاد", "killing", "rank")
    assert [x["kind"] for x in c] == ["contradiction"] and c[0]["slot"] == "patient"


def test_a_victims_age():
    from riwaya.reconcile.values import victim_age
    t = "أصيبت طفلة البالغة أربعة أعوام برصاصة طائشة."
    assert victim_age(t, (t.index("أصيبت"), t.index("أصيبت") + 5)) == 4
    t2 = "أصيبت الطفلة البالغة من العمر ثلاث سنوات ونصف برصاصة طائشة."
    assert victim_age(t2, (t2.index("أصيبت"), t2.index("أصيبت") + 5)) == 3.5
    t3 = "A 58-year-old man was killed on Monday."
    assert victim_age(t3, (t3.index("killed"), t3.index("killed") + 6)) == 58
    t4 = "قتل الرجل في الحادث قبل أربعة أعوام."       # no age cue: a span of time, no age
    assert victim_age(t4, (0, 3)) is None
    c = _victim_conflicts((t, t2), "أصيبت", "injury", "age")
    assert [x["kind"] for x in c] == ["contradiction"] and c[0]["slot"] == "patient"
    assert {v["label_en"] for v in c[0]["values"]} == {"4 years old", "3.5 years old"}

"""The learned decisions' building blocks (riwaya/events/learned.py): speaker candidates for sources,
modality features for polarity, and argument span boundaries."""
from __future__ import annotations

from riwaya.events import learned
from riwaya.models import DocAnalysis, EventMention


def _event(text: str, trigger: str, typ: str = "release", cls: str = "other") -> EventMention:
    s = text.index(trigger)
    return EventMention(cls=cls, type=typ, trigger=trigger, start=0, end=len(text), trigger_start=s,
                        trigger_end=s + len(trigger))


def test_speakers_are_the_subjects_of_speech_verbs():
    text = "وقال المصدر إن القوات سيطرت على المدينة. وأضاف أن الاشتباكات استمرت."
    sps, bare = learned.speakers(learned.Text(text), DocAnalysis(doc_id="x"), learned._lexicon())
    assert [(s.text, s.kind) for s in sps] == [("المصدر", "after")]
    assert text[sps[0].start:sps[0].end] == "المصدر"
    assert bare == [text.index("وأضاف")]          # "وأضاف أن": the last speaker goes on


def test_credit_sets_the_chain_to_the_chosen_speaker():
    text = "وقال المصدر إن القوات سيطرت على المدينة."
    ev = _event(text, "سيطرت", "capture", "control")
    ev.attribution.chain = [{"name": "سبق", "kind": "outlet", "start": None, "end": None}]
    sp = learned.speakers(learned.Text(text), DocAnalysis(doc_id="x"), learned._lexicon())[0][0]
    learned.credit(ev, sp)
    assert [l["kind"] for l in ev.attribution.chain] == ["outlet", "unnamed_source"]
    assert ev.attribution.chain[-1]["start"] == text.index("المصدر")
    learned.credit(ev, None)
    assert [l["kind"] for l in ev.attribution.chain] == ["outlet"]


def test_polarity_features_see_the_request_that_governs_the_event():
    text = "طالب المجلس بالإفراج عن المعتقلين."
    feats = learned.polarity_features(learned.Text(text), _event(text, "بالإفراج"),
                                      [_event(text, "طالب", "request", "communication")])
    assert "cue_requested_near" in feats and "gov=request" in feats


def test_span_boundaries_grow_and_are_learned_from_the_gold_span():
    text = "قصفت الطائرات مدينة الحسكة أمس."
    T = learned.Text(text)
    s = text.index("الحسكة")
    gs = text.index("مدينة")
    samples = learned.boundary_samples(T, s, s + len("الحسكة"), gs, s + len("الحسكة"), "place", "place")
    labels = {f[1].split("=", 1)[1] + ":" + lab for f, lab in samples}
    assert "L|مدينه:1" in labels and "R|امس:0" in labels
    # a model that takes in a place noun on the left
    M = {"classes": ["0", "1"], "bias": [0.0, -5.0], "w": {"w=L|مدينه": [0.0, 10.0]}, "threshold": 0.5}
    assert learned._grow(M, T, s, s + len("الحسكة"), "place", "place") == (gs, s + len("الحسكة"))


def _grow_all(text: str, cand: str, side: str, names=(), etype: str = "person") -> str:
    """Grow `cand` on one side (L or R) with a span model that says yes to every word there: only the
    phrase rules stop it (four words at most)."""
    T = learned.Text(text)
    s = text.index(cand)
    M = {"classes": ["0", "1"], "bias": [0.0, -10.0], "w": {f"side={side}": [0.0, 20.0]}, "threshold": 0.5}
    idx = {k: etype for n in names for k in range(*learned._word_range(T, text.index(n), text.index(n) + len(n)))}
    a, b = learned._grow(M, T, s, s + len(cand), "patient", "np", idx)
    return text[a:b]


def test_span_growth_stops_where_a_definite_word_meets_an_article_less_one():
    # GUIDELINE 3: a definite word never comes before an article-less word of its own phrase (dev sentences)
    # the verb after the object, the next clause's verb
    assert _grow_all("اعتقالات في صفوف المصلين أسفرت عن مقتل", "صفوف", "R") == "صفوف المصلين"
    assert _grow_all("إن هيئة التحقيق والادعاء العام ستبقي المتهمين", "هيئة", "R") == "هيئة التحقيق والادعاء العام"
    # the subject before the object in a VSO clause
    assert _grow_all("وتقاتل قوات الشرطة والجيش الافغانية حركة طالبان", "طالبان", "L") == "حركة طالبان"
    # an organisation's name opens with its own head: the phrase before it is another one
    assert _grow_all("وحدات الحماية الكردية تنظيم داعش", "داعش", "L", names=("تنظيم داعش",),
                     etype="organization") == "تنظيم داعش"
    assert _grow_all("قال المبعوث الخاص ستيفان دي مستورا", "ستيفان", "L", names=("ستيفان دي مستورا",)) == \
        "قال المبعوث الخاص ستيفان"
    # a title goes on to its name when the name is a name mention; a locative goes on (شمال)
    assert _grow_all("التقى المدرب داسيلفا باللاعبين", "المدرب", "R", names=("داسيلفا",)) == "المدرب داسيلفا باللاعبين"
    assert _grow_all("التقى المدرب داسيلفا باللاعبين", "المدرب", "R") == "المدرب"
    assert _grow_all("انفجرت في حي بغداد الجديدة شمال شرق العاصمة", "حي", "R") == "حي بغداد الجديدة شمال شرق"
    # a relative pronoun carries the article but is no definite noun: the clause is the model's to take
    assert _grow_all("التحالف الذي تقوده الولايات المتحدة", "الولايات", "L") == "التحالف الذي تقوده الولايات"


def test_an_argument_over_a_phrase_boundary_keeps_its_first_phrase():
    # whatever made the span (here a rule argument): dev and train sentences
    def cut(text, span, names=()):
        T = learned.Text(text)
        s = text.index(span)
        idx = {k: "person" for n in names for k in range(*learned._word_range(T, text.index(n), text.index(n) + len(n)))}
        a, b = learned._cut_inside(T, s, s + len(span), idx)
        return text[a:b]
    assert cut("وصوله إلى أرض المملكة قادماً من بغداد", "أرض المملكة قادماً") == "أرض المملكة"
    assert cut("وانتقدت الجبهة خطة تركيا", "الجبهة خطة تركيا") == "الجبهة"
    # an emphatic pronoun, غير and a name go on the phrase
    assert cut("وهاجمت المنطقة نفسها، ووقعت اشتباكات", "المنطقة نفسها") == "المنطقة نفسها"
    assert cut("ومنع الأنشطة غير المرخصة", "الأنشطة غير المرخصة") == "الأنشطة غير المرخصة"
    assert cut("التقى المدرب داسيلفا", "المدرب داسيلفا", names=("داسيلفا",)) == "المدرب داسيلفا"


def test_a_grown_side_drops_its_function_words():
    # "من لوتون": GUIDELINE 3, spans without their prepositions
    text = "اعتقل رجلين من لوتون بوسط إنجلترا"
    T = learned.Text(text)
    s = text.index("لوتون")
    M = {"classes": ["0", "1"], "bias": [0.0, -10.0], "w": {"w=L|من": [0.0, 20.0]}, "threshold": 0.5}
    a, b = learned._grow(M, T, s, s + len("لوتون"), "place", "place")
    assert text[a:b] == "لوتون"


def test_one_argument_per_role_and_stretch_of_text():
    from riwaya.models import Argument
    text = "اعتقلت الشرطة 38 مواطنا في المدينة."
    s = text.index("38")
    rule = Argument("patient", "38 مواطنا", s, s + len("38 مواطنا"), None, None)
    count = Argument("patient", "38 مواطنا", s, s + len("38 مواطنا"), None, "number")     # grown from "38"
    amount = Argument("amount", "38", s, s + 2, None, "amount")
    place = Argument("place", "المدينة", text.index("المدينة"), len(text) - 1, None, "place")
    conf = {id(rule): 0.6, id(count): 0.9, id(amount): 0.8}
    kept = learned._one_per_span([rule, count, amount, place], conf, {"patient", "amount"})
    assert count in kept and rule not in kept          # the surer of the two patients
    assert amount in kept and place in kept            # other roles, or roles the model does not judge, stand


def test_the_subject_of_the_sentence_is_a_candidate_of_a_far_verbal_noun():
    from riwaya.models import Argument
    text = "وأكد النقيب الأكلبي أن الحرس سيواصل عمله في المنطقة الشرقية طوال الموسم، داعياً المتنزهين إلى الحذر."
    T = learned.Text(text)
    an = DocAnalysis(doc_id="x")
    sps, _ = learned.speakers(T, an, learned._lexicon())
    subj = learned.subjects(T, an, sps)
    assert ("النقيب الأكلبي", "speaker") in [(x[2], x[5]) for x in subj]
    ev = _event(text, "داعياً", "request", "communication")
    cands = learned.candidates(T, ev, [], subj)
    far = [c for c in cands if c.subject == "speaker"]
    assert [c.text for c in far] == ["النقيب الأكلبي"]
    feats = learned.argument_features(T, ev, far[0], cands)
    assert "subject=speaker|communication" in feats
    # a rules' agent of another event of the sentence is one too
    ev2 = _event(text, "سيواصل", "other", "other")
    s = text.index("الحرس")
    ev2.arguments = [Argument("agent", "الحرس", s, s + len("الحرس"), None, None)]
    an.events = [ev2, ev]
    assert ("الحرس", "agent") in [(x[2], x[5]) for x in learned.subjects(T, an, sps)]


def test_a_verb_heading_a_phrase_leaves_its_subject_as_a_candidate():
    text = "وواصل التنظيم شن هجمات على المدينة."
    T = learned.Text(text)
    cands = learned.candidates(T, _event(text, "هجمات", "attack", "harm"), [])
    assert {"وواصل التنظيم", "التنظيم"} <= {c.text for c in cands}


def test_voice_features_tell_the_doer_from_the_one_it_befalls():
    text = "جرى اختطافه من قبل مجموعة مسلحة، وتم اغتيال الصحفي."
    T = learned.Text(text)
    ev = _event(text, "اختطافه", "kidnapping", "harm")
    c = learned.Candidate(text.index("مجموعة"), text.index("مجموعة") + len("مجموعة مسلحة"), "مجموعة مسلحة",
                          None, "np", None, None)
    feats = learned.argument_features(T, ev, c, [c])
    assert "agent_by" in feats and "passive_aux=after" in feats
    ev = _event(text, "اغتيال", "killing", "harm")
    s = text.index("الصحفي")
    c = learned.Candidate(s, s + len("الصحفي"), "الصحفي", None, "np", None, None)
    feats = learned.argument_features(T, ev, c, [c])
    assert "genitive=killing" in feats and "passive_aux=after" in feats


def test_an_event_without_a_doer_takes_its_likeliest_candidate_over_the_lower_bar():
    a, b = object(), object()
    probs = [(a, {"agent": 0.3, "none": 0.6, "patient": 0.1}, "none"),
             (b, {"agent": 0.1, "none": 0.2, "patient": 0.7}, "patient")]
    assert [(c, r) for c, _, r in learned._fill(probs, {"agent": 0.25, "patient": 0.3})] == [(a, "agent")]
    assert learned._fill(probs, {"agent": 0.35}) == []
    # one candidate fills one role: the place bar does not give the agent's candidate a second role
    o = learned.Candidate(0, 5, "الجيش", None, "organization", None, None)
    probs = [(o, {"agent": 0.3, "place": 0.25, "none": 0.45}, "none")]
    assert [(x, r) for x, _, r in learned._fill(probs, {"agent": 0.25, "place": 0.2})] == [(o, "agent")]
    c = learned.Candidate(0, 5, "مندلي", None, "place", None, None)
    # a place is filled by a named place only, not by a bare phrase
    np_ = learned.Candidate(0, 5, "اواخر", None, "np", None, None)
    assert learned._fill([(np_, {"place": 0.4, "none": 0.6}, "none")], {"place": 0.2}) == []
    assert learned._fill([(c, {"place": 0.4, "none": 0.6}, "none")], {"place": 0.2})[0][2] == "place"
    # a phrase the rules read as where the happening came from ("سقوط مقذوف من داخل الأراضي اليمنية")
    # and the model declined is no filler of a participant: not the patient of the fall; still a place
    text = "أعلن الدفاع المدني سقوط مقذوف من داخل الأراضي اليمنية على قرية حدودية."
    s = text.index("داخل الأراضي")
    src = learned.Candidate(s, s + len("داخل الأراضي اليمنية"), "داخل الأراضي اليمنية", "origin", "place", None, None)
    p = {"patient": 0.38, "place": 0.1, "none": 0.46}
    assert learned._fill([(src, p, "none")], {"patient": 0.25}) == []
    assert learned._fill([(src, p, "none")], {"place": 0.05})[0][2] == "place"
    free = learned.Candidate(s, s + len("داخل الأراضي اليمنية"), "داخل الأراضي اليمنية", None, "np", None, None)
    assert learned._fill([(free, p, "none")], {"patient": 0.25})[0][2] == "patient"


def test_a_movement_keeps_the_mover_the_rules_carried_from_an_earlier_clause():
    """The argument model judges one candidate at a time and dropped the subject the rules carried over
    ("أن المخلوع أبلغ ...، لكنه اتجه ...، حيث غادر ..."): a movement left with no one who moves keeps the
    rules' agent; one that kept a mover, or another class, gets nothing back."""
    from riwaya.events.learned import _lost_mover
    from riwaya.models import Argument, EventMention
    agent = Argument("agent", "المخلوع", 10, 17, None, "person")
    dest = Argument("destination", "قاعدة عسكرية", 90, 102, None, "place")
    ev = EventMention("movement", "departure", "غادر", 0, 120, 80, 84, [agent, dest])
    assert _lost_mover(ev, [agent, dest], [dest]) == [agent]
    assert _lost_mover(ev, [agent, dest], [agent, dest]) == []
    harm = EventMention("harm", "killing", "قتل", 0, 120, 80, 84, [agent])
    assert _lost_mover(harm, [agent], []) == []


def test_trigger_features_see_names_counts_and_actors_around_the_word():
    from riwaya.models import EntityMention
    lex = learned._lexicon()
    text = "وصل الأمير فيصل إلى المدينة. وسيخوض نادي الاتفاق مباراته، بعد 2680 رحلة."
    T = learned.Text(text)
    s = text.index("الاتفاق")
    club = EntityMention(text.index("نادي"), s + len("الاتفاق"), "نادي الاتفاق", "organization")
    prince = EntityMention(text.index("الأمير"), text.index(" إلى"), "الأمير فيصل", "person")
    f = learned.trigger_features(T, _event(text, "الاتفاق", "agreement", "other"), lex, [prince, club])
    assert "ent=organization" in f
    f = learned.trigger_features(T, _event(text, "وصل", "arrival", "movement"), lex, [prince, club])
    assert "ent=none" in f and "actor_near=False|True" in f and "origin=curated" in f
    f = learned.trigger_features(T, _event(text, "فيصل", "arrival", "movement"), lex, [])
    assert "split_name=True" in f                 # a given name read as ف + يصل
    f = learned.trigger_features(T, _event(text, "رحلة", "flight", "movement"), lex, [])
    assert "prev_digit=True" in f


def _ment(text: str, s: str, typ: str):
    from riwaya.models import EntityMention
    i = text.index(s)
    return EntityMention(i, i + len(s), s, typ)


def _speakers(text: str, name: str, typ: str):
    """The speakers ``learned.speakers`` finds in ``text``, which names ``name`` (of type ``typ``)."""
    an = DocAnalysis(doc_id="x", mentions=[_ment(text, name, typ)])
    return learned.speakers(learned.Text(text), an, learned._lexicon())[0]


def test_a_speakers_title_goes_on_to_the_name_it_gives():
    text = "وأوضح المتحدث الرسمي بقيادة حرس الحدود النقيب عمر الأكلبي أن الدوريات قبضت على شخصين."
    sps = _speakers(text, "النقيب عمر الأكلبي", "person")
    assert [(s.text, s.etype) for s in sps] == [("المتحدث الرسمي بقيادة حرس الحدود النقيب عمر الأكلبي", "person")]
    # a complementizer ends the title: the name after it is what is said, not who says it
    text = "وأوضح المتحدث الرسمي أن النقيب عمر الأكلبي قبض على شخصين."
    sps = _speakers(text, "النقيب عمر الأكلبي", "person")
    assert [s.text for s in sps] == ["المتحدث الرسمي"]


def test_an_adverbial_of_time_or_circumstance_ends_a_speakers_title():
    # "in the meeting's opening ... the condolences of King Salman": the name after is not the speaker's
    text = "ونقل نائب خادم الحرمين الشريفين في بداية الاجتماع تعازي ومواساة الملك سلمان بن عبدالعزيز لأسر الشهداء."
    sps = _speakers(text, "الملك سلمان بن عبدالعزيز", "person")
    assert [s.text for s in sps] == ["نائب خادم الحرمين الشريفين"]
    # a place after في is part of the title, which goes on to the name
    text = "وقال المتحدث الرسمي باسم الوزارة في المملكة اللواء منصور التركي إن الهجوم أسفر عن مقتل 15 شخصا."
    sps = _speakers(text, "اللواء منصور التركي", "person")
    assert [s.text for s in sps] == ["المتحدث الرسمي باسم الوزارة في المملكة اللواء منصور التركي"]


def test_credit_takes_a_grown_speaker_span_into_the_rules_record():
    text = "وقال المتحدث الرسمي النقيب عمر إن الدوريات قبضت على شخصين."
    s0, s1 = text.index("المتحدث"), text.index("النقيب عمر") + len("النقيب عمر")
    rec = {"chain": [{"name": "المتحدث الرسمي", "kind": "unnamed_source", "start": s0,
                      "end": s0 + len("المتحدث الرسمي")}]}
    sp = learned.Speaker(s0, s1, text[s0:s1], "record", "قال", 0, 4, "person", rec)
    ev = _event(text, "قبضت", "arrest", "control")
    learned.credit(ev, sp)
    assert (ev.attribution.chain[-1]["start"], ev.attribution.chain[-1]["end"]) == (s0, s1)
    assert rec["chain"][0]["end"] == s0 + len("المتحدث الرسمي")      # the record itself is left as it was


def test_a_subject_before_qad_and_more_speech_verbs_are_speakers():
    text = "وكانت وزارة الداخلية قد أعلنت في وقت سابق القبض على المتهم."
    sps = _speakers(text, "وزارة الداخلية", "organization")
    assert [(s.text, s.kind) for s in sps] == [("وزارة الداخلية", "before")]
    text = "واتهمت المؤسسة الوطنية الحكومة بأنها قصفت ناقلات النفط."
    sps = _speakers(text, "المؤسسة الوطنية", "organization")
    assert [s.text for s in sps] == ["المؤسسة الوطنية"]


def test_polarity_features_read_inflected_cues_and_the_negations_scope():
    text = "اعتقلت الشرطة ثمانية أشخاص كانوا يخططون لارتكاب اعتداءات في المدينة."
    feats = learned.polarity_features(learned.Text(text), _event(text, "اعتداءات", "attack", "harm"))
    assert "cue_planned_near" in feats                      # يخططون: يخطط with a plural suffix
    text = "ولم يغادر الرئيس العاصمة."
    feats = learned.polarity_features(learned.Text(text), _event(text, "يغادر", "departure", "movement"))
    assert "cue_negated_head" in feats                      # the negation bears on the trigger itself
    text = "ولم يعلن أحد مسؤوليته عن الهجوم على القافلة."
    feats = learned.polarity_features(learned.Text(text), _event(text, "الهجوم", "attack", "harm"),
                                      [_event(text, "يعلن", "announcement", "communication")])
    assert "cue_negated_other_between" in feats and "cue_negated_head" not in feats


def test_a_publisher_known_by_its_web_name_is_not_the_source_of_its_own_story():
    from riwaya.events.dateline import _names
    from riwaya.textutil import normalize_ar
    assert normalize_ar("عين اليوم") in _names("3alyoum")


def test_source_features_see_the_complement_clause_that_holds_the_event():
    text = "وقال المصدر إن القوات سيطرت على المدينة. وسيطرت القوات على القرية."
    T = learned.Text(text)
    sps, bare = learned.speakers(T, DocAnalysis(doc_id="x"), learned._lexicon())
    inside = _event(text, "سيطرت", "capture", "control")
    assert "comp=True|same" in learned.source_features(T, inside, sps[0], sps, bare, None)
    s = text.index("وسيطرت")
    told = EventMention(cls="control", type="capture", trigger="وسيطرت", start=0, end=len(text), trigger_start=s,
                        trigger_end=s + len("وسيطرت"))
    assert "comp=True|1" in learned.source_features(T, told, sps[0], sps, bare, None)


def test_a_comma_ends_the_title_before_a_name():
    text = "وحسب المصدر، وعد الرئيس عمر بتوفير المساعدات."
    sps = _speakers(text, "الرئيس عمر", "person")
    assert "الرئيس عمر" not in " ".join(s.text for s in sps)


def test_a_heading_keeps_the_rules_word():
    """The annotated corpus has no headings (its titles stay out of the text): an event on a heading line
    ("سقوط حلب", the seeds' day a city fell) is not the trigger model's to drop; a body sentence is."""
    from riwaya.models import Paragraph
    text = "سقوط المدينة\nوفي 30 نوفمبر سيطرت الفصائل على المدينة بعد معارك عنيفة استمرت أياما.\n"
    body = text.index("وفي")
    an = DocAnalysis(doc_id="d", paragraphs=[Paragraph(0, body - 1, "ar"), Paragraph(body, len(text) - 1, "ar")])
    assert learned.on_heading(text, an, _event(text, "سقوط", "fall", "control"))
    assert not learned.on_heading(text, an, _event(text, "سيطرت", "capture", "control"))
    an.paragraphs[0].furniture = True
    assert not learned.on_heading(text, an, _event(text, "سقوط", "fall", "control"))


def test_an_argument_span_drops_the_comma_its_token_kept_and_closes_what_it_opens():
    text = "قتل 38 شخصا، وأصيب مسلحي (داعش) ومدير وكالة “سبأ” أمس."
    s = text.index("38")
    assert learned.tidy_span(text, s, text.index("وأصيب")) == (s, text.index("،"))
    s = text.index("مسلحي")
    assert learned.tidy_span(text, s, text.index(")")) == (s, text.index(")") + 1)
    s = text.index("ومدير")
    assert learned.tidy_span(text, s, text.index("”")) == (s, text.index("”") + 1)
    assert learned.tidy_span(text, s, s + len("ومدير")) == (s, s + len("ومدير"))


def _speaker_texts(text: str) -> list[str]:
    sps, _ = learned.speakers(learned.Text(text), DocAnalysis(doc_id="x"), learned._lexicon())
    return [s.text for s in sps]


def test_the_one_spoken_to_is_skipped_and_the_quoted_after_an_or_min_is_a_speaker():
    assert _speaker_texts("وقال لـ«عكاظ» مستشار الوزارة حاتم قاضي إن الخطة بدأت.") == ["مستشار الوزارة حاتم قاضي"]
    assert _speaker_texts("وأوضح مصدر أمني يمني لـ«عكاظ» أن هجوما وقع.") == ["مصدر أمني يمني"]
    assert _speaker_texts("ونُقل عن المتحدث قوله إن الاتفاق تم.") == ["المتحدث"]
    assert "المتحدث الرسمي" in _speaker_texts("نقلت وسائل إعلام عن المتحدث الرسمي قوله إن الهجوم وقع.")
    assert _speaker_texts("علمت «الشرق الأوسط» من مصدر أمني مسؤول أن المعارك توقفت.") == ["مصدر أمني مسؤول"]


def test_the_object_of_a_source_preposition_is_a_speaker():
    assert _speaker_texts("قتل 5 أشخاص وفق المرصد.") == ["المرصد"]
    assert _speaker_texts("ووفقا للناطق الإعلامي للشرطة، فإن الشرطة تلقت بلاغا.") == ["للناطق الإعلامي للشرطة"]


def test_an_argument_span_leaves_out_its_own_events_trigger():
    text = "وعقد دي ميستورا الاجتماع أمس."
    s, t = text.index("دي"), text.index("الاجتماع")
    assert learned.tidy_span(text, s, t + len("الاجتماع"), (t, t + len("الاجتماع")), "agent") == (
        s, s + len("دي ميستورا"))
    assert learned.tidy_span(text, s, t + len("الاجتماع"), (t, t + len("الاجتماع")), "patient") == (
        s, s + len("دي ميستورا"))        # nothing after it: the side before stays
    s_, e_ = learned.tidy_span(text, t, t + len("الاجتماع"), (t, t + len("الاجتماع")))
    assert s_ == e_                      # nothing left
    text = "مقاتليه هاجموا مبنيين في مارع"
    t = text.index("هاجموا")
    assert learned.tidy_span(text, 0, text.index(" في"), (t, t + len("هاجموا")), "patient") == (
        text.index("مبنيين"), text.index(" في"))
    text = "متطرفين آخرين قتلوا في"
    t = text.index("قتلوا")
    assert learned.tidy_span(text, 0, len(text), (t, t + len("قتلوا")), "patient") == (0, t - 1)


def test_one_filler_per_role_unless_listed_and_a_title_with_its_name_is_one():
    from riwaya.models import Argument

    def arg(text, role, phrase, at=0):
        s = text.index(phrase, at)
        return Argument(role, phrase, s, s + len(phrase), None, None)
    text = "زار المبعوث الخاص إلى سوريا ستيفان دي مستورا طهران مع الجيش السوري."
    trig = (0, 3)
    title, name = arg(text, "agent", "المبعوث الخاص"), arg(text, "agent", "ستيفان دي مستورا")
    other = arg(text, "agent", "الجيش السوري")
    conf = {id(title): 0.7, id(name): 0.6, id(other): 0.5}
    kept = learned._one_per_role(text, [title, name, other], conf, ("agent",), trig, merge_gap=2)
    assert kept == [title] and title.text == "المبعوث الخاص إلى سوريا ستيفان دي مستورا"   # one phrase
    assert text[title.start:title.end] == title.text                                     # offsets hold
    title, name = arg(text, "agent", "المبعوث الخاص"), arg(text, "agent", "ستيفان دي مستورا")
    kept = learned._one_per_role(text, [title, name, other], conf, ("agent",), trig, merge_gap=0)
    assert kept == [title]                   # not merged: the likeliest alone
    assert learned._one_per_role(text, [title, name], conf, (), trig) == [title, name]   # not a single role
    text = "هاجم الحوثيون وتنظيم القاعدة المدينة."
    a, b = arg(text, "agent", "الحوثيون"), arg(text, "agent", "وتنظيم القاعدة")
    assert learned._one_per_role(text, [a, b], {id(a): 0.9, id(b): 0.4}, ("agent",), (0, 4)) == [a, b]  # a list


def test_the_subject_between_kana_and_a_speech_verb_is_its_speaker():
    text = "وكانت الولايات المتحدة قد ذكرت في وقت سابق إنها كثفت حملة جوية. وكان رئيس المجلس علي داوود أعلن مقتل القيادي."
    sps, _ = learned.speakers(learned.Text(text), DocAnalysis(doc_id="x"), learned._lexicon())
    got = [(s.text, s.kind) for s in sps]
    assert ("الولايات المتحدة", "before") in got and ("رئيس المجلس علي داوود", "before") in got
    assert not any(s.text.startswith("مقتل") for s in sps)      # the verbal noun after أعلن is its object


def test_a_title_goes_on_to_the_name_after_a_spaced_abbreviation():
    from riwaya.models import EntityMention
    text = "وبين المتحدث الرسمي بصحة الجوف أ . فهد الكريع أن التماسا كهربائيا تسبب بحريق."
    s = text.index("فهد الكريع")
    an = DocAnalysis(doc_id="x", mentions=[EntityMention(text="فهد الكريع", type="person", start=s,
                                                           end=s + len("فهد الكريع"))])
    sps, _ = learned.speakers(learned.Text(text), an, learned._lexicon())
    assert sps[0].text == "المتحدث الرسمي بصحة الجوف أ . فهد الكريع" and sps[0].etype == "person"

def test_a_stay_told_with_its_duration_stays_whatever_the_trigger_model_says(monkeypatch):
    """A type that lasts, told with how long it lasted ("بقوا في القاعدة لبضع ساعات"), is kept even where
    the trigger model scores its rare verb under the threshold; without a duration the model decides."""
    from riwaya.models import Argument
    text = "وأفادت المعلومات بأنهم بقوا في القاعدة لبضع ساعات. وبقوا في المدينة."
    M = {"trigger": {"types": ["stay"], "threshold": 0.25}}
    monkeypatch.setattr(learned, "model", lambda: {"ar": M})
    monkeypatch.setattr(learned, "scores", lambda m, feats: {"1": 0.1, "0": 0.9})
    told = _event(text, "بقوا", "stay", "movement")
    k = text.index("لبضع ساعات")
    told.arguments.append(Argument("duration", "لبضع ساعات", k, k + len("لبضع ساعات"), None, "duration"))
    bare = _event(text, "وبقوا", "stay", "movement")
    an = learned.refine(text, DocAnalysis(doc_id="x", events=[told, bare]))
    assert [e.trigger for e in an.events] == ["بقوا"]
    assert learned.duration_told(told) and not learned.duration_told(bare)


def test_word_shapes_tell_verbs_pronouns_and_adverbs_from_names():
    shape = learned._shape_of
    assert shape("قادت") == "||t" and shape("قتلوا") == "||verb_pl"          # a verb's ending
    assert shape("لحسمها") == "ل||pron" and shape("شنّه") == "||pron"         # a pronoun, behind its shadda
    assert shape("حصاراً") == "||acc"                                        # the accusative's tanween
    assert shape("يطالب") == "|ي|o" and shape("الرياضية") == "ال||nisba"     # a verb's prefix; an adjective
    assert (shape("38"), shape("،"), shape("CAS")) == ("digit", "punct", "latin")



def test_a_bare_phrase_carries_its_shape_and_a_named_entity_its_type():
    text = "وقال الجيش إن المسلحين هاجموا القرية لحسمها."
    T = learned.Text(text)
    ev = _event(text, "هاجموا", "attack", "harm")

    def cand(w, etype):
        s = text.index(w)
        return learned.Candidate(s, s + len(w), w, None, etype, None, None)
    junk, army = cand("لحسمها", "np"), cand("الجيش", "organization")
    feats = learned.argument_features(T, ev, junk, [junk, army])
    assert {"shape_first=ل||pron", "shape_first_side=ل||pron|after", "shape_next=punct"} <= set(feats)
    assert not any(f.startswith("shape_") for f in learned.argument_features(T, ev, army, [junk, army]))


def test_the_one_he_goes_with_and_a_date_are_never_the_doer(monkeypatch):
    """Whatever the argument model says, a phrase right after "مع" is not the agent ("غادر المخلوع مع ابنه
    الأكبر": the son goes along) and a bare phrase that is a time expression fills no role."""
    from riwaya.models import Argument, TimeMention, TimeValue
    text = "غادر المخلوع مع ابنه الأكبر يوم الأحد 8 ديسمبر."
    M = {"argument": {"threshold": 0.4, "override": 0.0, "roles": ["agent", "patient"], "single": ["agent"]}}
    monkeypatch.setattr(learned, "model", lambda: {"ar": M})
    def scores(m, feats):          # the son and the date surer agents than the one who left
        p = 0.6 if "first=المخلوع" in feats else 0.95
        return {"agent": p, "patient": 0.0, "none": 1 - p}
    monkeypatch.setattr(learned, "scores", scores)
    ev = _event(text, "غادر", "departure", "movement")
    s = text.index("المخلوع")
    ev.arguments = [Argument("agent", "المخلوع", s, s + len("المخلوع"), None, None)]
    t = text.index("يوم")
    when = TimeMention(t, len(text) - 1, text[t:-1], TimeValue("2024-12-08T00:00:00+03:00",
                                                               "2024-12-08T23:59:59+03:00"))
    an = learned.refine(text, DocAnalysis(doc_id="x", events=[ev], times=[when]))
    assert [(a.role, a.text) for a in an.events[0].arguments] == [("agent", "المخلوع")]


def test_a_doer_head_is_known_with_its_proclitics_and_marks_the_subject_after_a_verb(monkeypatch):
    # tried and off (learned.DOER_FEATURES): dev class + main actor up, every argument right down
    monkeypatch.setattr(learned, "DOER_FEATURES", True)
    # cues.yaml doer_heads, matched with the proclitics off; وزير is no و + زير
    assert learned._doer_head("والقوات") and learned._doer_head("للفريق") and learned._doer_head("وزير")
    assert not learned._doer_head("اشخاص") and not learned._doer_head("المنزل")
    text = "استهدفت الفصائل المعارضة تمركزات لقوات النظام، وقتل 5 أشخاص."
    T = learned.Text(text)
    ev = _event(text, "استهدفت", "attack", "harm")
    s = text.index("الفصائل")
    c = learned.Candidate(s, s + len("الفصائل المعارضة"), "الفصائل المعارضة", None, "np", None, None)
    assert "doer=True|after|0|False" in learned.argument_features(T, ev, c, [c])
    ev = _event(text, "وقتل", "killing", "harm")
    s = text.index("5 أشخاص")
    c = learned.Candidate(s, s + len("5 أشخاص"), "5 أشخاص", None, "np", None, None)
    assert "doer=False|after|0|False" in learned.argument_features(T, ev, c, [c])
    monkeypatch.setattr(learned, "DOER_FEATURES", False)
    assert not [f for f in learned.argument_features(T, ev, c, [c]) if f.startswith("doer")]


def test_the_phrase_opening_a_sentence_far_back_is_a_candidate_of_its_later_events(monkeypatch):
    # tried and off (the frozen Arabic test fell with it, retrained: overlap 0.600 -> 0.585): learned.TOPICS
    monkeypatch.setattr(learned, "TOPICS", True)
    # "البعثة" opens the clause after إن, nine words before the verbal noun: beyond the bare phrases' window
    text = ("وقال المتحدث إن البعثة توجهت بعدها إلى العاصمة البريطانية لندن لخوض مواجهة الهلال على كأس السوبر.")
    T = learned.Text(text)
    ev = _event(text, "مواجهة", "match", "other")
    sps, _ = learned.speakers(T, DocAnalysis(doc_id="x"), learned._lexicon())
    cands = learned.candidates(T, ev, [], learned.subjects(T, DocAnalysis(doc_id="x"), sps))
    assert [c.text for c in cands if c.subject == "topic"] == ["البعثة"]    # المتحدث is the speaker
    assert "subject=topic|other" in learned.argument_features(T, ev, cands[-1], cands)
    # nearer than the window it is a bare phrase as before, no topic; a later sentence is not looked into
    ev = _event(text, "توجهت", "departure", "movement")
    assert not [c for c in learned.candidates(T, ev, []) if c.subject == "topic"]
    text2 = "البعثة وصلت أمس إلى لندن بعد رحلة طويلة استمرت ساعات. وبدأت مواجهة الفريقين."
    ev = _event(text2, "مواجهة", "match", "other")
    assert not [c for c in learned.candidates(learned.Text(text2), ev, []) if c.subject == "topic"]


def test_the_noun_of_a_compound_preposition_heads_no_candidate():
    # على الرغم من، على غرار، من جراء: an adjunct, never a participant (cues.yaml not_arguments)
    text = "وتصاعدت هجمات التنظيم على الرغم من الغارات الجوية على غرار ما حدث في المدينة."
    T = learned.Text(text)
    texts = {c.text for c in learned.candidates(T, _event(text, "هجمات", "attack", "harm"), [])}
    assert "التنظيم" in texts
    assert not [t for t in texts if t.startswith(("الرغم", "غرار"))]
    text = "وقتل ثلاثة أشخاص من جراء الانفجار."
    texts = {c.text for c in learned.candidates(learned.Text(text), _event(text, "وقتل", "killing", "harm"), [])}
    assert not [t for t in texts if t.startswith("جراء")]
def _cand(text: str, word: str, etype: str = "place") -> "learned.Candidate":
    s = text.index(word)
    return learned.Candidate(s, s + len(word), word, None, etype, None, None)


def test_a_place_in_a_phrase_opened_by_another_roles_preposition_takes_no_path_role():
    # the learned argument model gave "حلب" destination (0.41 over none's 0.36) from the movement class and
    # the place type alone: the preposition that opens its phrase ("في مساجد حلب") says where, not whither
    text = "وانتشر نبأ فرار الحاكم عبر مكبرات الصوت في مساجد حلب."
    T, ev = learned.Text(text), _event(text, "فرار", "escape", "movement")
    c = _cand(text, "حلب")
    assert learned._phrase_prep(T, ev, c) == "place"
    p = {"destination": 0.41, "none": 0.36, "origin": 0.14, "place": 0.05, "agent": 0.04}
    judged = {"destination", "origin", "place", "agent"}
    assert learned._path_role(T, ev, c, p, "destination", {}, 0.4, judged) == "none"
    assert learned._path_role(T, ev, c, {**p, "place": 0.45}, "destination", {}, 0.4, judged) == "place"
    text = "وتوجه الوفد إلى مدينة الحسكة في شمال شرق سوريا."
    T, ev = learned.Text(text), _event(text, "وتوجه", "departure", "movement")
    assert learned._phrase_prep(T, ev, _cand(text, "الحسكة")) == "destination"     # إلى مدينة الحسكة
    assert learned._phrase_prep(T, ev, _cand(text, "سوريا")) == "place"            # في شمال شرق سوريا
    assert learned._path_role(T, ev, _cand(text, "الحسكة"), {"destination": 0.6}, "destination", {}, 0.4,
                              {"destination"}) == "destination"
    text = "وغادر الرئيس دمشق فجرا، ثم عاد إليها."
    T, ev = learned.Text(text), _event(text, "وغادر", "departure", "movement")
    assert learned._phrase_prep(T, ev, _cand(text, "دمشق")) is None              # the verb's object: no preposition


def test_the_phrase_after_a_speech_verb_whose_subject_follows_a_complementizer_is_not_its_speaker():
    text = "وقال مصدر دبلوماسي إن الوزير أبلغ نظيره الفرنسي بأن بلاده سترسل وفدا."
    assert _speaker_texts(text) == ["مصدر دبلوماسي"]           # نظيره الفرنسي is the one told
    assert _speaker_texts("وأكد المتحدث أنه أبلغ الوسطاء برفض العرض.") == ["المتحدث"]
    assert _speaker_texts("وأفاد مصدر أمني بأن مسلحين هاجموا الحاجز.") == ["مصدر أمني"]
    T = learned.Text("ومن المنتظر أن يعلن الوزير نتائج التحقيق.")   # أن before the verb: its subject follows
    assert not learned._subject_after_comp(T, next(i for i, t in enumerate(T.toks) if t.n == "يعلن"))
def test_a_subject_before_the_speech_verb_stops_at_a_full_stop():
    # the auxiliary كان of the sentence before is not this verb's: the speaker is the one after قال
    text = "وكان الانفجار ناجما عن عبوة زرعها التنظيم. وفي حادث منفصل قال شهود إن انفجارا وقع في البلدة."
    sps, _ = learned.speakers(learned.Text(text), DocAnalysis(doc_id="x"), learned._lexicon())
    assert [(s.text, s.kind) for s in sps] == [("شهود", "after")]


def test_a_title_that_names_an_outlet_or_a_person_goes_on_to_the_speakers_name():
    from riwaya.models import EntityMention
    text = ("وأوضح المتحدث الرسمي لمركز الملك سلمان للإغاثة والأعمال الإنسانية رأفت الصباغ، أن هذه الرحلة "
            "خصصت للمواد الطبية.")
    an = DocAnalysis(doc_id="x", mentions=[_ment(text, "الملك سلمان", "person"), _ment(text, "رأفت الصباغ", "person")])
    sps, _ = learned.speakers(learned.Text(text), an, learned._lexicon())
    assert [s.text for s in sps] == ["المتحدث الرسمي لمركز الملك سلمان للإغاثة والأعمال الإنسانية رأفت الصباغ"]
    # a quoted outlet inside the title
    text = "وأوضح المتحدث الرسمي ل «الهيئة» في منطقة مكة المكرمة بالنيابة بندر ناصر الشهري، أن المكالمات استمرت."
    sps = _speakers(text, "بندر ناصر الشهري", "person")
    assert sps[0].text.endswith("بندر ناصر الشهري") and sps[0].etype == "person"
    # an appositive name after one comma, with its title word
    text = "أكد الأمين العام لمجلس التعاون لدول الخليج العربية، الدكتور عبد اللطيف الزياني، أن المجلس سيدعم اليمن."
    sps = _speakers(text, "عبد اللطيف الزياني", "person")
    assert sps[0].text.endswith("الدكتور عبد اللطيف الزياني") and sps[0].etype == "person"
    # after a comma a verb is no title: what follows is what is said
    text = "وحسب المصدر، وعد الرئيس عمر بتوفير المساعدات."
    assert "الرئيس عمر" not in " ".join(s.text for s in _speakers(text, "الرئيس عمر", "person"))


def test_the_future_prefix_is_not_read_in_words_that_only_look_like_it():
    from riwaya.textutil import normalize_ar
    for w in ("سيعقدون", "وستشيع", "سيتم", "ستبدأ", "فسيغادر"):
        assert learned._future(normalize_ar(w)), w
    for w in ("سيارة", "سنوات", "سيطرة", "سيطر", "سياسي", "سيناء", "سابقا", "سيارات"):
        assert not learned._future(normalize_ar(w)), w
    # "سيارة ملغومة استهدفت": the car is no future that governs the attack
    text = "وقال المرصد إن سيارة ملغومة استهدفت نقطة تفتيش."
    feats = learned.polarity_features(learned.Text(text), _event(text, "استهدفت", "attack", "harm"))
    assert not any(f.startswith("future_before") for f in feats)
    text = "كشف الأهالي أنهم سيعقدون اجتماعا لمناقشة أوضاع أبنائهم."
    feats = learned.polarity_features(learned.Text(text), _event(text, "اجتماعا", "meeting", "contact"))
    assert "future_before_near" in feats


def test_a_quote_after_the_speaker_opens_what_is_said_not_the_title():
    text = "ووفقا لصقر، “أمر الأسد قواته بالانسحاب من المدينة”."
    sps = _speakers(text, "الأسد", "person")
    assert not any("الأسد" in s.text for s in sps)


def test_a_phrase_at_the_texts_last_word_reads_no_token_past_it():
    # an unseen article ending on a place name after a trailing space (its link-back line): the walk back from
    # the last candidate asked for the token after the last one (IndexError: the article failed analysis)
    from riwaya.analyze import analyze
    from riwaya.models import Document
    text = ("وقالت المصادر إن المقاومة خاضت معارك ضد قوات الحوثي في مدينة لودر الجنوبية.\n"
            "رابط الخبر بصحيفة الوئام: المقاومة تسيطر على ابين.. اصابة نائب رئيس مجلس النواب اليمني ونقله للعلاج "
            "بالرياض ")
    an = analyze(Document(id="x", text=text, language="ar", published="2015-08-10"))
    assert "معارك" in [e.trigger for e in an.events]


def _np_cand(text, span):
    """A noun-phrase candidate over the first occurrence of span in text."""
    s = text.index(span)
    return learned.Candidate(s, s + len(span), span, None, "np", None, None)


def test_the_phrase_after_min_qibal_or_ala_yad_is_the_doer():
    # evarg17: "على أيدي X" / "من قبل X" names who did it; a span over the cue ends before it
    text = "سجل الاتحاد تكرر عمليات اغتيال الصحفيين اليمنيين على أيدي العناصر الحوثية"
    T = learned.Text(text)
    ev = _event(text, "اغتيال", "killing", "harm")

    cand = lambda span: _np_cand(text, span)
    assert learned._by_agent(T, ev, cand("العناصر الحوثية"))
    assert not learned._by_agent(T, ev, cand("الصحفيين اليمنيين"))
    s = text.index("الصحفيين")
    a, b = learned._cut_at_agent_by(T, s, len(text))
    assert text[a:b] == "الصحفيين اليمنيين"
    # the cue belongs to the trigger it follows, not to one past a full stop
    text2 = "وقع اغتيال أمس. وأفرج عنه من قبل المحكمة"
    T2 = learned.Text(text2)
    s2 = text2.index("المحكمة")
    assert not learned._by_agent(T2, _event(text2, "اغتيال", "killing", "harm"),
                                 learned.Candidate(s2, s2 + 7, "المحكمة", None, "np", None, None))


def test_the_subject_of_a_light_verb_is_the_doer_of_its_noun():
    # evarg17: "شنت قوات النظام غارات": the phrase between the light verb and its noun does it
    text = "وشنت قوات النظام غارات على المدينة"
    T = learned.Text(text)
    ev = _event(text, "غارات", "attack", "harm")

    cand = lambda span: _np_cand(text, span)
    trig = [(ev.trigger_start, ev.trigger_end)]
    assert learned._light_subject(T, ev, cand("قوات النظام"), trig)
    assert not learned._light_subject(T, ev, cand("المدينة"), trig)
    # "قام بالبحث": the light verb's own object is the act, not the doer
    text2 = "وقام بالبحث عنه"
    T2 = learned.Text(text2)
    ev2 = _event(text2, "عنه", "attack", "harm")
    s = text2.index("بالبحث")
    assert not learned._light_subject(T2, ev2, learned.Candidate(s, s + 6, "بالبحث", None, "np", None, None),
                                      [(ev2.trigger_start, ev2.trigger_end)])


def test_a_bare_count_fills_no_doer():
    # evarg17: "من أصل 36 طائرة", "بين 20 وال25 من العمر": a count left over is no one who acted
    n = learned.Candidate(0, 2, "36", None, "number", None, None)
    o = learned.Candidate(3, 8, "الجيش", None, "organization", None, None)
    assert learned._fill([(n, {"agent": 0.4, "none": 0.6}, "none")], {"agent": 0.25}) == []
    probs = [(n, {"agent": 0.4, "none": 0.6}, "none"), (o, {"agent": 0.3, "none": 0.7}, "none")]
    assert [(c, r) for c, _, r in learned._fill(probs, {"agent": 0.25})] == [(o, "agent")]


def test_a_coordinated_verb_shares_the_doer_of_the_verb_before():
    # evagent18: "هاجم المسلحون القرية وقتلوا ...": the second verb has no subject of its own
    from riwaya.models import Argument
    text = "هاجموا المسلحون القرية وقتلوا عشرة من سكانها"
    T = learned.Text(text)
    first = _event(text, "هاجموا", "attack", "harm")
    s = text.index("المسلحون")
    first.arguments = [Argument(role="agent", text="المسلحون", start=s, end=s + 8, type="np")]
    second = _event(text, "وقتلوا", "killing", "harm")
    got = learned._shared_subject(T, second, [first])
    assert got is not None and (got.role, got.text, got.start) == ("agent", "المسلحون", s)
    assert got is not first.arguments[0]           # a copy: the two events' arguments are their own
    # a verb with its own agent keeps it; a verbal noun after و shares nothing ("ونقل الجرحى")
    second.arguments = [Argument(role="agent", text="القرية", start=text.index("القرية"), end=text.index("القرية") + 6)]
    assert learned._shared_subject(T, second, [first]) is None
    text2 = "هاجموا المسلحون القرية والتدمير"
    first2 = _event(text2, "هاجموا", "attack", "harm")
    first2.arguments = [Argument(role="agent", text="المسلحون", start=s, end=s + 8)]
    assert learned._shared_subject(learned.Text(text2), _event(text2, "والتدمير", "destruction", "harm"), [first2]) is None
    # a clause opener between: a new subject may stand there ("وقال المسلحون إن الجيش ... وقتلوا")
    text3 = "هاجموا المسلحون القرية حيث الجنود وقتلوا عشرة"
    first3 = _event(text3, "هاجموا", "attack", "harm")
    first3.arguments = [Argument(role="agent", text="المسلحون", start=s, end=s + 8)]
    assert learned._shared_subject(learned.Text(text3), _event(text3, "وقتلوا", "killing", "harm"), [first3]) is None


def test_finite_verb_shapes():
    from riwaya.textutil import normalize_ar
    for w in ("قصفت", "قتلوا", "يقاتل", "قتلته", "طالبتهم"):
        assert learned._finite_verb(normalize_ar(w), False), w
    assert learned._finite_verb(normalize_ar("وقصفت"), True)
    for w in ("الهجوم", "هجمات", "اشتباكات", "قتل"):
        assert not learned._finite_verb(normalize_ar(w), False), w
    assert not learned._finite_verb(normalize_ar("قصفت"), True)     # no conjunction


def test_a_definite_trigger_takes_a_fill_only_from_a_named_actor_before_it():
    # evagent18: "الهجوم" names again an attack told before; a bare phrase near it is seldom its doer
    text = "وأدان الجيش الهجوم الذي نفذه المسلحون"
    ev = _event(text, "الهجوم", "attack", "harm")
    assert learned._definite_trigger(ev)
    assert not learned._definite_trigger(_event("شنوا هجوما", "هجوما", "attack", "harm"))
    np_after = _np_cand(text, "المسلحون")
    org_before = learned.Candidate(text.index("الجيش"), text.index("الجيش") + 5, "الجيش", None, "organization", None, None)
    probs = [(np_after, {"agent": 0.4, "none": 0.6}, "none")]
    assert learned._fill(probs, {"agent": 0.25}) != []          # no event given: as before
    assert learned._fill(probs, {"agent": 0.25}, ev) == []
    probs.append((org_before, {"agent": 0.3, "none": 0.7}, "none"))
    assert [(c, r) for c, _, r in learned._fill(probs, {"agent": 0.25}, ev)] == [(org_before, "agent")]
    # an indefinite trigger keeps the likeliest candidate
    ev2 = _event("وأدان الجيش هجوما نفذه المسلحون", "هجوما", "attack", "harm")
    assert [c for c, _, _ in learned._fill(probs, {"agent": 0.25}, ev2)] == [np_after]


def test_a_definite_trigger_takes_no_place_fill():
    # allies18: "المعارك في المدينة" told again: a place near a definite trigger left without one by the model is
    # not filled (FILL_NO_DEFINITE with place); an indefinite trigger is, as before
    assert "place" in learned.FILL_NO_DEFINITE and "place" not in learned.FILL_DEFINITE_NAMED
    text = "وتواصلت المعارك في مدينة تعز"
    s = text.index("مدينة تعز")
    city = learned.Candidate(s, s + len("مدينة تعز"), "مدينة تعز", None, "place", None, None)
    probs = [(city, {"place": 0.4, "none": 0.6}, "none")]
    assert learned._fill(probs, {"place": 0.25}, _event(text, "المعارك", "attack", "harm")) == []
    text2 = "وتواصلت معارك في مدينة تعز"
    assert [c for c, _, _ in learned._fill(probs, {"place": 0.25}, _event(text2, "معارك", "attack", "harm"))] == [city]


def test_no_agent_fill_from_a_name_or_a_far_phrase_after_the_trigger():
    # evagent18: "هجوم استهدف ... الجيش": a name after the trigger that the model did not call the doer seldom is
    text = "وقع هجوم على نقطة تفتيش تابعة للجيش قرب المدينة"
    T = learned.Text(text)
    ev = _event(text, "هجوم", "attack", "harm")
    far = _np_cand(text, "المدينة")
    near = _np_cand(text, "نقطة تفتيش")
    s = text.index("للجيش")
    org = learned.Candidate(s, s + 5, "للجيش", None, "organization", None, None)
    assert learned._far_after(T, ev, far) and learned._far_after(T, ev, org) and not learned._far_after(T, ev, near)
    probs = [(far, {"agent": 0.5, "none": 0.5}, "none"), (org, {"agent": 0.45, "none": 0.55}, "none"),
             (near, {"agent": 0.3, "none": 0.7}, "none")]
    assert [c for c, _, _ in learned._fill(probs, {"agent": 0.25}, ev, T)] == [near]
    assert [c for c, _, _ in learned._fill(probs, {"agent": 0.25})] == [far]        # without the text: as before
def test_the_two_sides_after_bayn_are_the_doer_and_the_other_side(monkeypatch):
    # evrole18: "اشتباكات بين A وB": A does it, B is the other side (an attack's patient, talks' companion).
    # Shipped on since allies18 (reconcile._allies keeps the co-belligerents it leaves apart); set here all the same.
    monkeypatch.setattr(learned, "SIDES", True)
    text = "واندلعت اشتباكات عنيفة بين الجيش التركي والمسلحين قرب الحدود"
    T = learned.Text(text)
    ev = _event(text, "اشتباكات", "attack", "harm")
    sides = learned._sides(T, ev)
    assert sides is not None and text[sides[1]:].startswith("والمسلحين") and sides[3] == "patient"
    span = lambda w: (text.index(w), text.index(w) + len(w))
    assert learned._side_role(sides, *span("الجيش التركي"), "patient") == "agent"
    assert learned._side_role(sides, *span("والمسلحين"), "agent") == "patient"
    assert learned._side_role(sides, *span("الحدود"), "place") == "place"      # not a side
    assert learned._side_role(sides, *span("والمسلحين"), "none") == "none"      # left out, not an actor
    assert learned._side_role(sides, *span("والمسلحين"), "none", actor=True) == "patient"
    # one span over both sides is two
    s, e = text.index("الجيش"), text.index(" قرب")
    a = learned.Argument(role="agent", text=text[s:e], start=s, end=e)
    out = learned._split_sides(text, sides, [a], {})
    assert sorted((x.role, x.text) for x in out) == [("agent", "الجيش التركي"), ("patient", "والمسلحين")]
    # "بين A من جهة، وB": the side mark ends the first side, the comma after it ends no side
    text2 = "دارت اشتباكات بين الكتائب المقاتلة والكتائب الإسلامية من جهة، وقوات النظام من جهة أخرى"
    sides2 = learned._sides(learned.Text(text2), _event(text2, "اشتباكات", "attack", "harm"))
    assert text2[sides2[1]:].startswith("وقوات النظام")
    # "بينها وبين B": the first side is the pronoun
    text3 = "لتندلع مواجهات بينها وبين الشبان"
    sides3 = learned._sides(learned.Text(text3), _event(text3, "مواجهات", "attack", "harm"))
    assert text3[sides3[1]:] == "الشبان"
    # talks: the other side is the companion, and "the two sides" is one phrase
    text4 = "وجرت محادثات بين الحكومة وحركة طالبان"
    assert learned._sides(learned.Text(text4), _event(text4, "محادثات", "meeting", "communication"))[3] == "companion"
    text5 = "وجرت محادثات بين الجانبين العراقي والسعودي"
    assert learned._sides(learned.Text(text5), _event(text5, "محادثات", "meeting", "communication")) is None
    # a type the table does not name, or no بين near the trigger
    assert learned._sides(T, _event(text, "اشتباكات", "killing", "harm")) is None
    text6 = "وقعت اشتباكات في المدينة، وقال إن الخلاف بين الجيش والمسلحين"
    assert learned._sides(learned.Text(text6), _event(text6, "اشتباكات", "attack", "harm")) is None


def test_a_leader_named_inside_his_groups_phrase_is_the_group():
    # evrole18: "قوات الرئيس المخلوع علي عبدالله صالح": the forces are the target, not the man
    text = "وقصفت طائرات التحالف قوات الرئيس المخلوع علي عبدالله صالح في صنعاء"
    T = learned.Text(text)
    ev = _event(text, "وقصفت", "attack", "harm")
    s = text.index("علي")
    a = learned.Argument(role="patient", text="علي عبدالله صالح", start=s, end=s + len("علي عبدالله صالح"),
                         entity="person:x", type="person")
    assert learned._led_group(T, ev, a) == text.index("قوات")
    a.start = text.index("قوات")                      # the span already opens with the head
    assert learned._led_group(T, ev, a) == a.start
    # "القوات الموالية للرئيس هادي": the followers
    text2 = "وقتلت القوات الموالية للرئيس هادي خمسة من الحوثيين"
    s2 = text2.index("هادي")
    a2 = learned.Argument(role="agent", text="هادي", start=s2, end=s2 + 4, type="person")
    assert text2[learned._led_group(learned.Text(text2), _event(text2, "وقتلت", "killing", "harm"), a2):].startswith(
        "القوات الموالية")
    # "الحكومة التابعة للرئيس هادي": the noun the follower word ties to him
    text5 = "وهاجمت الحكومة التابعة للرئيس هادي المدينة"
    s5 = text5.index("هادي")
    a5 = learned.Argument(role="agent", text="هادي", start=s5, end=s5 + 4, type="person")
    assert learned._led_group(learned.Text(text5), _event(text5, "وهاجمت", "attack", "harm"), a5) == text5.index("الحكومة")
    # a member named after a ب phrase leads nothing; a place or a plain person is left alone
    text3 = "وقتل ضابط في القوات الخاصة بالجيش العقيد ميلود الزوي"
    s3 = text3.index("العقيد")
    a3 = learned.Argument(role="patient", text=text3[s3:], start=s3, end=len(text3), type="person")
    assert learned._led_group(learned.Text(text3), _event(text3, "وقتل", "killing", "harm"), a3) is None
    a.type = "place"
    assert learned._led_group(T, ev, a) is None
    text4 = "واستقبل الرئيس هادي وزير الخارجية"
    s4 = text4.index("هادي")
    a4 = learned.Argument(role="agent", text="هادي", start=s4, end=s4 + 4, type="person")
    assert learned._led_group(learned.Text(text4), _event(text4, "واستقبل", "meeting", "communication"), a4) is None


def test_a_happening_told_as_an_ability_or_a_kind_is_hypothetical():
    # "قادرة على دحر": what Egypt can do, not what it did; "لمثل الهجمات": attacks of that kind
    for text, trig, yes in [("وأكد الخبيران أن مصر قادرة على دحر الجماعات في المنطقة", "دحر", True),
                            ("وقال إن الجيش مستعد في أي وقت لمثل الهجمات التي يشنها التنظيم", "الهجمات", True),
                            ("وأكدت أن إطلاق مثل هذه التصريحات أمر غير مبرر", "التصريحات", True),
                            ("ومثل الهجوم تصعيدا خطيرا في المنطقة", "الهجوم", False),   # the verb مثّل
                            ("وشنت الطائرات غارات على مواقع التنظيم", "غارات", False)]:
        ev = _event(text, trig, "attack", "harm")
        assert learned._ability(learned.Text(text), ev) is yes, text


def test_clause_features_say_where_a_candidate_stands_against_the_trigger(monkeypatch):
    # armodel19: what the argument model may read of the clause around the trigger (off in the shipped build)
    monkeypatch.setattr(learned, "ARG_CLAUSE", True)
    def feats(text, trigger, cand, etype="np", typ="attack", cls="harm", rule=None):
        T = learned.Text(text)
        ev = _event(text, trigger, typ, cls)
        s = text.index(cand)
        c = learned.Candidate(s, s + len(cand), cand, rule, etype, None, None)
        return [f for f in learned.argument_features(T, ev, c, [c], [(ev.trigger_start, ev.trigger_end)])
                if f.startswith("x_")]
    # a speaker before قال and a quote: not in the quoted attack's clause
    f = feats("وقال المتحدث باسم الشرطة «فجر انتحاري نفسه في السوق»", "فجر", "المتحدث", "np")
    assert "x_speech=False|before|harm" in f and "x_quote=True|before" in f
    # an adjective after a definite verbal noun; a genitive after an indefinite one
    assert "x_def_adj=True|True|np" in feats("وكان الهجوم الجوي عنيفا", "الهجوم", "الجوي")
    assert "x_def_adj=False|True|np" in feats("وأدان هجوم المسلحين على القرية", "هجوم", "المسلحين")
    # the subject slot right before a verb: the phrase after the verb then stands in the object's place
    text = "أمير المنطقة يستقبل المهنئين"
    T = learned.Text(text)
    ev = _event(text, "يستقبل", "meeting", "contact")
    subj = learned.Candidate(0, len("أمير المنطقة"), "أمير المنطقة", "agent", "np", None, None)
    s = text.index("المهنئين")
    obj = learned.Candidate(s, s + len("المهنئين"), "المهنئين", None, "np", None, None)
    cands = [subj, obj]
    trig = [(ev.trigger_start, ev.trigger_end)]
    assert "x_slot=self|before|False" in learned.argument_features(T, ev, subj, cands, trig)
    fo = learned.argument_features(T, ev, obj, cands, trig)
    assert "x_slot=other|after|False" in fo
    assert "x_objsuf=False|after|True" in fo
    # a plural verb against a single person; an object pronoun on the verb
    assert "x_agree=True|False|person|before" in feats("جنيد خان توجهوا إلى سوريا", "توجهوا", "جنيد خان", "person",
                                                        "departure", "movement")
    assert "x_objsuf=True|after|True" in feats("يحاصره تنظيم داعش منذ شهر", "يحاصره", "تنظيم", "np", "siege")
    # another sentence
    assert any(x.startswith("x_sent=False|before") for x in feats("وصل الجيش. ثم هاجم المدينة", "هاجم", "الجيش"))
    # off: none of them
    monkeypatch.setattr(learned, "ARG_CLAUSE", False)
    assert feats("وكان الهجوم الجوي عنيفا", "الهجوم", "الجوي") == []


def test_no_doer_from_another_sentence_or_an_adjective_of_the_verbal_noun():
    # armodel19: a doer the rules carried over a full stop, an adjective right after a definite verbal noun
    text = "وقال جنيد خان أمس. وتفيد أرقام بأن 600 بريطاني توجهوا إلى سوريا"
    T = learned.Text(text)
    ev = _event(text, "توجهوا", "departure", "movement")
    s = text.index("جنيد خان")
    far = learned.Candidate(s, s + 8, "جنيد خان", "agent", "person", None, None)
    s = text.index("بريطاني")
    near = learned.Candidate(s, s + 7, "بريطاني", None, "np", None, None)
    assert learned._not_doer_here(T, ev, far) and not learned._not_doer_here(T, ev, near)
    # the mover the model left out is not brought back from another sentence
    from riwaya.models import Argument
    rule = [Argument(role="agent", text="جنيد خان", start=far.start, end=far.end, type="person")]
    assert learned._lost_mover(ev, rule, [], T) == [] and learned._lost_mover(ev, rule, []) == rule
    text = "وكان الهجوم الجوي عنيفا وأدان هجوم المسلحين"
    T = learned.Text(text)
    ev = _event(text, "الهجوم", "attack", "harm")
    s = text.index("الجوي")
    assert learned._not_doer_here(T, ev, learned.Candidate(s, s + 5, "الجوي", None, "np", None, None))
    ev2 = _event(text, "هجوم", "attack", "harm")
    ev2.trigger_start = text.index("هجوم ")
    ev2.trigger_end = ev2.trigger_start + 4
    s = text.index("المسلحين")
    assert not learned._not_doer_here(T, ev2, learned.Candidate(s, s + 8, "المسلحين", None, "np", None, None))
    # a name right after the definite noun may still be its doer
    s = text.index("الجوي")
    assert not learned._not_doer_here(T, ev, learned.Candidate(s, s + 5, "الجوي", None, "organization", None, None))


def test_a_speaking_acts_own_doer_is_no_source_of_it():
    # "وقال X في مؤتمر صحفي": the conference is X's own act, the outlet tells it; "وقال X إنه التقى": what X
    # reports, X its source
    from riwaya.models import Argument

    def ev_with(text, trig, speaker, cls="communication", typ="meeting", agent=True):
        ev = _event(text, trig, typ, cls)
        s = text.index(speaker)
        ev.attribution.chain = [{"name": "outlet", "kind": "outlet"},
                                {"name": speaker, "kind": "named_source", "start": s, "end": s + len(speaker)}]
        if agent:
            ev.arguments = [Argument(role="agent", text=speaker, start=s, end=s + len(speaker))]
        return ev
    for text, trig, spk, yes in [
            ("وقال الوزير البدري في مؤتمر صحفي في موسكو إن الأسعار ستنخفض", "مؤتمر", "الوزير البدري", True),
            ("أصدرت وزارة الداخلية أمس بيانا بشأن تنفيذ الحكم", "بيانا", "وزارة الداخلية", True),
            ("وأكد الأمين العام على إدانة الجامعة للهجمات، داعيا إلى تكثيف التنسيق", "داعيا", "الأمين العام", True),
            ("وقال الوزير البدري إنه التقى بنظيره الروسي", "التقى", "الوزير البدري", False),
            ("وقال الوزير البدري: «عقدنا اجتماعا مع الشركات»", "اجتماعا", "الوزير البدري", False),
            ("وكشف أهالي السجناء أنهم سيعقدون اجتماعا قريبا", "اجتماعا", "أهالي السجناء", False)]:
        T = learned.Text(text)
        assert learned._own_act(T, ev_with(text, trig, spk)) is yes, text
    text = "وأشاد الوزير البدري بالمؤتمر الذي عقدته الشركات"
    T = learned.Text(text)
    assert learned._own_act(T, ev_with(text, "بالمؤتمر", "الوزير البدري"))
    assert not learned._own_act(T, ev_with(text, "بالمؤتمر", "الوزير البدري", agent=False))   # not its doer
    text = "وقال الوزير البدري في مؤتمر صحفي في موسكو إن الأسعار ستنخفض"
    T = learned.Text(text)
    assert not learned._own_act(T, ev_with(text, "مؤتمر", "الوزير البدري", "harm", "attack"))   # not a speaking act
    text = "ونفى حزب صالح عقد أي لقاءات مع الحوثيين"
    T = learned.Text(text)
    ev = ev_with(text, "لقاءات", "حزب صالح")
    assert learned._own_act(T, ev)
    ev.polarity = "denied"                 # what the party denies is its to tell
    assert not learned._own_act(T, ev)
    # the act as the setting of the speaker's words, its doer unnamed: after في/خلال, a reported clause after it
    for text, yes in [("وقال مسؤولو الحكومة خلال الاجتماع، إنهم مكلفون باستئناف أعمالهم", True),
                      ("وقال مسؤولو الحكومة إن الاجتماع تأجل", False),
                      ("وقال مسؤولو الحكومة خلال الاجتماع الطارئ للمجلس", False)]:
        T = learned.Text(text)
        assert learned._own_act(T, ev_with(text, "الاجتماع", "مسؤولو الحكومة", agent=False)) is yes, text


def test_a_patient_opening_with_a_preposition_of_where_is_the_place():
    # "انفجار في مستودع للمحروقات": where it blew up, not what underwent it
    from riwaya.models import Argument
    for text, trig, arg, where in [
            ("فيما قضى رجل اثر انفجار في مستودع للمحروقات في حرستا", "انفجار", "في مستودع للمحروقات", "مستودع للمحروقات"),
            ("وشنت خمس غارات بالقرب من مدخل القاعدة", "غارات", "بالقرب من مدخل القاعدة", "مدخل القاعدة"),
            ("ومن قتل داخل السجون وغرف التحقيق", "قتل", "داخل السجون وغرف التحقيق", "السجون وغرف التحقيق"),
            ("وقصفت الطائرات مواقع في ريف حلب", "وقصفت", "مواقع في ريف حلب", None),         # a noun first
            ("قرب الجولان التي تحتلها إسرائيل", "تحتلها", "قرب الجولان", None),            # before the trigger
            ("في الحي الذي قصفته الطائرات", "قصفته", "في الحي", None),
            ("وسقط سبعة قتلى في صفوف الثوار", "قتلى", "في صفوف الثوار", None)]:             # among them
        T = learned.Text(text)
        ev = _event(text, trig, "attack", "harm")
        s = text.index(arg)
        got = learned._where_phrase(T, ev, Argument(role="patient", text=arg, start=s, end=s + len(arg)))
        assert (text[got[0]:got[1]] if got else None) == where, text
    text = "اثر انفجار في مستودع للمحروقات"
    s = text.index("في مستودع")
    a = Argument(role="agent", text="في مستودع للمحروقات", start=s, end=len(text))
    assert learned._where_phrase(learned.Text(text), _event(text, "انفجار", "attack", "harm"), a) is None


def test_a_headline_names_its_teller_before_a_colon():
    from riwaya.models import EntityMention
    text = ("مقدمة الخبر.\nرابط الخبر بصحيفة الوئام: حكومة اليمن: قوات الحوثي تقصف عدن\n"
            "رابط الخبر بصحيفة الوئام: مقتل 18 حوثيا\nفهد كاملي- سبق- جازان: اتهم عشرات المواطنين\n"
            "العراق: مقتل 19 من عناصر داعش\nوأردف الثبيتي: «راجعت المتقدمة»\nوقال المصدر: إن القوات تقدمت نحو المدينة")
    T = learned.Text(text)
    place = text.index("العراق")
    ments = [EntityMention(text="العراق", start=place, end=place + len("العراق"), type="place")]
    for trig, teller in [("تقصف", "حكومة اليمن"), ("مقتل 18", None), ("اتهم", None), ("مقتل 19", None),
                         ("راجعت", "الثبيتي"), ("تقدمت", None)]:
        got = learned._headline_speaker(T, _event(text, trig, "attack", "harm"), ments)
        assert (text[got[0]:got[1]] if got else None) == teller, trig


def test_a_speaker_phrase_running_over_the_trigger_ends_before_it():
    # "أعلنت السلطات الألمانية إخلاء سبيل": the chunker ran on into the event's word; the speaker is what precedes it
    text = "أعلنت السلطات الألمانية إخلاء سبيل المذيع"
    T = learned.Text(text)
    sps, _ = learned.speakers(T, DocAnalysis(doc_id="x"), learned._lexicon())
    ev = _event(text, "إخلاء", "release_of_prisoners", "other")
    assert [x.text for x in learned.speaker_candidates(T, ev, sps)] == ["السلطات الألمانية"]
    learned.SPEAKER_TRIM = False
    try:
        assert learned.speaker_candidates(T, ev, sps) == []
    finally:
        learned.SPEAKER_TRIM = True


def test_the_word_right_before_a_verb_heads_its_subject_candidate():
    # "والمقاومة تحشد": before, the trigger's span was taken for a name the word was the title of
    for text, trig, word, yes in [
            ("خسائر للحوثيين في تعز والمقاومة تحشد في أبين", "تحشد", "والمقاومة", True),
            ("وأضافت الوزارة أن الأهالي قتلوا في القصف", "قتلوا", "الأهالي", True),
            ("ولقي أربعة أشخاص مصرعهم في بغداد", "مصرعهم", "أشخاص", False),     # the count's phrase
            ("وعقد فخامته اجتماعاً مع الوزير", "اجتماعاً", "فخامته", True),       # after a light verb
            ("وبدأت القوات بدخول الجامعة", "بدخول", "القوات", True),               # after a verb of starting
            ("وارتفعت حصيلة تفجير السيارة", "تفجير", "حصيلة", False),              # a construct's head
            ("ورفعوا شعارات بمحاسبة المسؤولين", "بمحاسبة", "شعارات", False),
            ("وبحسب المصادر فقد قتل أبو مجاهد", "قتل", "فقد", False),              # a particle
            ("وذلك إبان توليه المنصب", "توليه", "إبان", False)]:
        T = learned.Text(text)
        ev = _event(text, trig, "attack", "harm")
        got = [c.text for c in learned.candidates(T, ev, [])]
        assert any(word in c for c in got) is yes, (text, got)


def test_a_headline_teller_may_name_a_place_inside_it():
    from riwaya.models import EntityMention
    text = "رابط الخبر بصحيفة الوئام: حكومة اليمن: قوات الحوثي تقصف عدن"
    s = text.index("اليمن")
    ments = [EntityMention(text="اليمن", start=s, end=s + len("اليمن"), type="place")]
    got = learned._headline_speaker(learned.Text(text), _event(text, "تقصف", "attack", "harm"), ments)
    assert got is not None and text[got[0]:got[1]] == "حكومة اليمن"


def test_an_opening_phrase_is_the_doer_only_where_no_nearer_one_is():
    # agent21: a sentence's opening phrase (TOPICS, kind "topic") takes the agent only when neither the model nor
    # the fill gave it to a nearer candidate, and it takes no other role
    text = "القوات الأمنية تمكنت من قطع جميع خطوط الإمداد بعد محاصرتهم من جميع المحاور"
    T = learned.Text(text)
    ev = _event(text, "محاصرتهم", "siege", "control")

    def cand(word, subject=""):
        s = text.index(word)
        return learned.Candidate(s, s + len(word), word, None, "np", None, None, subject)
    topic, near, other = cand("القوات الأمنية", "topic"), cand("خطوط الإمداد"), cand("المحاور")
    # the model gives the opening phrase the agent and nothing else an agent: it stands
    got = learned._topic_gate([(topic, {"agent": 0.6, "none": 0.4}, "agent"),
                               (other, {"place": 0.7, "none": 0.3}, "place")], {}, ev, T)
    assert sorted((c.text, r) for c, _, r in got if r != "none") == [("القوات الأمنية", "agent"), ("المحاور", "place")]
    # a nearer agent, chosen by the model: the opening phrase gives way
    got = learned._topic_gate([(topic, {"agent": 0.6, "none": 0.4}, "agent"),
                               (near, {"agent": 0.5, "none": 0.5}, "agent")], {}, ev, T)
    assert [(c.text, r) for c, _, r in got if r != "none"] == [("خطوط الإمداد", "agent")]
    # a nearer candidate the fill makes the agent: the opening phrase gives way too
    got = learned._topic_gate([(topic, {"agent": 0.6, "none": 0.4}, "agent"),
                               (near, {"agent": 0.3, "none": 0.7}, "none")], {"agent": 0.25}, ev, T)
    assert [(c.text, r) for c, _, r in got if r != "none"] == [("خطوط الإمداد", "agent")]
    # no other role for an opening phrase; with no agent anywhere the fill may pick it
    got = learned._topic_gate([(topic, {"patient": 0.6, "agent": 0.3, "none": 0.1}, "patient")],
                              {"agent": 0.25}, ev, T)
    assert [(c.text, r) for c, _, r in got if r != "none"] == [("القوات الأمنية", "agent")]
    # without opening phrases: the model's roles and the fill, as before
    probs = [(near, {"agent": 0.3, "none": 0.7}, "none")]
    assert learned._topic_gate(probs, {"agent": 0.25}, ev, T) == probs + learned._fill(probs, {"agent": 0.25}, ev, T)


def _with(switch: str, value, fn):
    old = getattr(learned, switch)
    setattr(learned, switch, value)
    try:
        return fn()
    finally:
        setattr(learned, switch, old)


def test_a_quoted_outlets_an_is_found_past_its_quote_marks():
    # "ونقل موقع "سكاي نيوز عربية" عن مصادر مطلعة": the one quoted stands after عن, past the quoted name
    text = 'ونقل موقع "سكاي نيوز عربية" عن مصادر مطلعة، أن القصف شمل مواقع للتنظيم.'
    T = learned.Text(text)
    got = lambda: [s.text for s in learned.speakers(T, DocAnalysis(doc_id="x"), learned._lexicon())[0]]  # noqa: E731
    assert "مصادر مطلعة" in got()
    assert "مصادر مطلعة" not in _with("FROM_QUOTES", False, got)


def test_a_title_run_on_over_the_event_to_a_name_keeps_its_own_words():
    # "أفاد الجيش الأمريكي بمقتل محسن الفضلي": the name is the one killed, not the speaker's
    text = "أفاد الجيش الأمريكي بمقتل محسن الفضلي في غارة جوية."
    T = learned.Text(text)
    an = DocAnalysis(doc_id="x", mentions=[_ment(text, "محسن الفضلي", "person")])
    # the rules' record: أفاد with its link الجيش الأمريكي (the title then runs on to the person's name)
    an.attributions = [{"start": 0, "end": 4, "scope": (0, len(text)), "chain": [
        {"name": "الجيش الأمريكي", "kind": "source_outlet", "start": 5, "end": 19}]}]
    sps, _ = learned.speakers(T, an, learned._lexicon())
    assert sps[0].text == "الجيش الأمريكي بمقتل محسن الفضلي"
    ev = _event(text, "بمقتل", "killing", "harm")
    assert [x.text for x in learned.speaker_candidates(T, ev, sps)] == ["الجيش الأمريكي"]
    assert _with("NAME_TRIM", False, lambda: learned.speaker_candidates(T, ev, sps)) == []


def test_an_unnamed_source_is_no_title_of_the_name_after_it():
    text = "أفادت مصادر إعلامية بمقتل 60 عنصراً من قوات الرئيس السابق علي عبد الله صالح بمواجهات في تعز."
    an = DocAnalysis(doc_id="x", mentions=[_ment(text, "علي عبد الله صالح", "person")])
    T = learned.Text(text)
    got = lambda: [s.text for s in learned.speakers(T, an, learned._lexicon())[0]]  # noqa: E731
    assert not any("صالح" in t for t in got()) and any(t.startswith("مصادر") for t in got())
    assert any("صالح" in t for t in _with("UNNAMED_NO_NAME", False, got))


def test_the_speaker_between_an_and_the_auxiliary_before_its_verb():
    # "يذكر أن وزارة الدفاع الجزائرية كانت قد أعلنت مقتل": the ministry announced it
    text = "يذكر أن وزارة الدفاع الجزائرية كانت قد أعلنت الأحد مقتل 9 جنود."
    T = learned.Text(text)
    got = lambda: [(s.text, s.kind) for s in learned.speakers(T, DocAnalysis(doc_id="x"), learned._lexicon())[0]]  # noqa: E731
    assert ("وزارة الدفاع الجزائرية", "before") in got()
    assert ("وزارة الدفاع الجزائرية", "before") not in _with("COMP_AUX", False, got)
    # a comma between: no speaker of that verb
    text = "يذكر أن الوزارة، كانت أعلنت مقتل 9 جنود."
    T = learned.Text(text)
    assert not any(k == "before" for _, k in got())


def test_rarer_reporting_verbs_name_their_speaker():
    # attribution.yaml source_verbs (source21): واستبعد، وأردف، ولم يفصح، وأجمعت، بحسب ما أوردته
    for text, speaker in [("واستبعد المصدر دخول النظام إلى المدينة.", "المصدر"),
                          ("وأردف الثبيتي أن المتقدمة راجعت الإدارة.", "الثبيتي"),
                          ("ولم يفصح الدبلوماسيون عن اسم الجماعة التي ستفرض عليها عقوبات.", "الدبلوماسيون"),
                          ("رد الجيش بقصف مواقع التنظيم، بحسب ما أوردته قناة الإخبارية التركية.", "قناة الإخبارية التركية")]:
        sps, _ = learned.speakers(learned.Text(text), DocAnalysis(doc_id="x"), learned._lexicon())
        assert any(s.text.startswith(speaker) for s in sps), text     # (a phrase run on ends at the trigger)


def test_an_earlier_speaker_does_not_go_on_past_another_matter():
    # attribution.yaml carry_breaks (source21): "وفي تطور آخر"، "ميدانيا"، the pluperfect background "وكانت"
    text = "وقال مصدر أمني إن القوات سيطرت على البلدة. وفي تطور آخر، أعدم التنظيم 23 شخصا."
    T = learned.Text(text)
    sps = learned.speakers(T, DocAnalysis(doc_id="x"), learned._lexicon())
    sp = next(s for s in sps[0] if s.text.startswith("مصدر"))
    assert learned._carry_break(T, _event(text, "أعدم", "execution", "harm"), sp, *sps)
    assert not learned._carry_break(T, _event(text, "سيطرت", "capture", "control"), sp, *sps)   # its own sentence
    text = "وقال مصدر أمني إن القوات سيطرت على البلدة. وكانت مواجهات عنيفة اندلعت بين الطرفين."
    T = learned.Text(text)
    sps = learned.speakers(T, DocAnalysis(doc_id="x"), learned._lexicon())
    sp = next(s for s in sps[0] if s.text.startswith("مصدر"))
    assert learned._carry_break(T, _event(text, "مواجهات", "clash", "harm"), sp, *sps)
    text = "وقال مصدر أمني إن القوات سيطرت على البلدة. وأضاف أن مواجهات عنيفة اندلعت بين الطرفين."
    T = learned.Text(text)
    sps = learned.speakers(T, DocAnalysis(doc_id="x"), learned._lexicon())
    sp = next(s for s in sps[0] if s.text.startswith("مصدر"))
    assert not learned._carry_break(T, _event(text, "مواجهات", "clash", "harm"), sp, *sps)


def test_a_speech_word_opens_no_speaker_phrase():
    # "وأردف يقول:"، "وأردف بالقول:": no speaker named يقول or بالقول
    for text in ("وأردف يقول: «بدأت الثورة سلمية».", "وأردف بالقول: «بدأت الثورة سلمية»."):
        sps, _ = learned.speakers(learned.Text(text), DocAnalysis(doc_id="x"), learned._lexicon())
        assert not any(s.text in ("يقول", "بالقول") for s in sps), text
    text = "وأردف يقول: «بدأت الثورة سلمية»."
    got = _with("CUE_OPENS_NONE", False, lambda: learned.speakers(learned.Text(text), DocAnalysis(doc_id="x"),
                                                                  learned._lexicon())[0])
    assert any(s.text == "يقول" for s in got)


def test_a_refusal_demand_or_warning_governing_the_trigger_is_a_head_feature():
    # deny21 (#14): cues.yaml `modality_heads`, read at most three words before the trigger in its clause
    def heads(text, trig, typ="agreement", cls="other"):
        return {f for f in learned.polarity_features(learned.Text(text), _event(text, trig, typ, cls))
                if f.startswith("head_") and "|" not in f}
    assert heads("وذلك بعد أن رفضت جماعة متطرفة توقيع الاتفاق", "توقيع") == {"head_negated"}
    assert heads("وقد اتخذت المحكمة قرارها برفض تنحي المحامين", "تنحي", "dismissal") == {"head_negated"}
    assert heads("أن إدارة الشقق طالبت المتهم بمغادرة الشقة", "بمغادرة", "departure", "movement") == {"head_requested"}
    assert heads("وحذر النائب من حرب طائفية", "حرب", "attack", "harm") == {"head_hypothetical"}
    # farther than three words, or across a comma: no head
    assert heads("رفضت الجماعة التي تسيطر على العاصمة توقيع الاتفاق", "توقيع") == set()
    assert heads("رفض المتحدث التعليق، وقال إن الطرفين وقعا الاتفاق", "وقعا") == set()

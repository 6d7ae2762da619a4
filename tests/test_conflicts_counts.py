"""Conflicts that are real (issue #15): counts compared as a reader would (at least N, a toll revised,
several groups, copies that changed a figure), a voice that never denies what it tells, an actor named
more or less precisely, a time taken from another sentence."""
import os

from riwaya.reconcile import reconcile
from riwaya.reconcile.values import Count, count_rel, parse_count, revision_cue

os.environ.setdefault("RIWAYA_ENCODER", "0")

TITLE = "مقتل جنود بانفجار سيارة مفخخة أمام مركز شرطة ليجي"
T = {"earliest": "2024-12-07T18:00:00+03:00", "latest": "2024-12-07T23:00:00+03:00", "text": "مساء السبت",
     "precision": "part_of_day", "tz": "+03:00"}
ENTS = [{"id": "isis", "type": "organization", "name_ar": "تنظيم داعش", "name_en": "the Islamic State", "aliases": [],
         "kb_id": "org:isis", "coordinates": None},
        {"id": "tanzim", "type": "organization", "name_ar": "التنظيم الإرهابي", "name_en": "the terrorist organisation",
         "aliases": [], "kb_id": None, "coordinates": None, "mentions": [1, 2]},
        {"id": "tanzim2", "type": "organization", "name_ar": "التنظيم", "name_en": "the organisation",
         "aliases": [], "kb_id": None, "coordinates": None, "mentions": [1, 2]},
        {"id": "army", "type": "organization", "name_ar": "الجيش التركي", "name_en": "the Turkish army",
         "aliases": [], "kb_id": "org:tsk", "coordinates": None},
        {"id": "pkk", "type": "organization", "name_ar": "حزب العمال الكردستاني", "name_en": "PKK",
         "aliases": [], "kb_id": "org:pkk", "coordinates": None}]


def _doc(i, text, outlet, day="2024-12-08"):
    return {"id": i, "text": text, "outlet": outlet, "title": f"{TITLE} {i}", "published": day,
            "language": "ar", "languages": ["ar"]}


def _k(i, doc, text, amount=None, typ="killing", chain=(), parts=(), **kw):
    m = {"id": i, "doc": doc, "class": "harm", "type": typ, "trigger": "x", "start": 0, "end": len(text),
         "participants": [{"entity": e, "role": r, "text": e} for e, r in parts], "origin": None,
         "destination": None, "via": [], "place": None, "means": None, "amount": amount, "time": T,
         "attribution": {"chain": [{"name": n, "kind": k} for n, k in chain], "hedge": None},
         "negated": False, "polarity": "asserted", "context": ["city"]}
    m.update(kw)
    return m


def _counts(out):
    return [c for c in out["conflicts"] if c["field"] == "amount"]


def _two(a, b, va, vb):
    """The count conflicts when outlet A's text `a` gives `va` and outlet B's text `b` gives `vb`."""
    return _counts(reconcile([_doc("a", a, "A"), _doc("b", b, "B")], [_k("k0", "a", a, va), _k("k1", "b", b, vb)], ENTS))


def test_parse_counts():
    assert parse_count("15") == Count(15) and parse_count("أحد عشر") == Count(11)
    assert parse_count("٣") == Count(3)
    assert parse_count("وعشرات الجرحى") == Count(10, at_least=True)
    assert parse_count("32", "وأوقع 32 قتيلا على الأقل في سوروتش") == Count(32, at_least=True)
    assert parse_count("30", "opened fire about 30 minutes into the film") == Count(30, approx=True)
    assert parse_count("32", "سقوط 32 قتيلا في الهجوم") == Count(32)
    assert parse_count("رجال الشرطة") is None
    assert count_rel(Count(4, at_least=True), Count(5)) == "precision"
    assert count_rel(Count(30, approx=True), Count(28)) == "precision"
    assert count_rel(Count(3), Count(4)) == "different"
    assert revision_cue("وكانت الحصيلة الأولى تفيد بسقوط تسعة قتلى")
    assert not revision_cue("قتل تسعة جنود في الانفجار")


def test_at_least_against_a_larger_figure_is_a_refinement():
    a = "أوقع الانفجار أربعة قتلى على الأقل بين الجنود في ليجي مساء السبت."
    b = "قتل خمسة جنود في انفجار سيارة مفخخة أمام مركز الشرطة في ليجي."
    c = _two(a, b, "4", "5")
    assert len(c) == 1 and c[0]["kind"] == "refinement"
    a2 = a.replace(" على الأقل", "")
    assert [x["kind"] for x in _two(a2, b, "4", "5")] == ["contradiction"]


def test_a_copy_that_changed_the_figure_disagrees():
    """Two papers print one agency copy; one of them prints ten dead where the other prints fourteen."""
    a = "قال حاكم الولاية محمد أمين إن 14 جنديا قتلوا في غارة جوية صباح أمس على موقع للجيش في الولاية الشرقية."
    b = a.replace("14 جنديا", "عشرة جنود")
    ch = (("محمد أمين", "named_source"),)
    out = reconcile([_doc("a", a, "A"), _doc("b", b, "B")],
                    [_k("k0", "a", a, "14", chain=ch), _k("k1", "b", b, "10", chain=ch)], ENTS)
    assert len(out["events"]) == 1 and out["events"][0]["corroboration"] == 1   # one account
    c = _counts(out)
    assert len(c) == 1 and c[0]["kind"] == "contradiction"
    # one document never disagrees with itself
    out = reconcile([_doc("a", a, "A")], [_k("k0", "a", a, "14", chain=ch), _k("k1", "a", a, "10", chain=ch)], ENTS)
    assert _counts(out) == []


def test_a_voice_with_several_figures_counts_groups():
    """17 rebels and 11 loyalists (one source) against 28 dead in all: different groups, no conflict."""
    a = "قالت مصادر عسكرية إن 17 متمردا قتلوا، مشيرة إلى سقوط أحد عشر قتيلا في صفوف القوات الموالية."
    b = "أفادت مصادر عسكرية بأن المعارك أسفرت عن سقوط 28 قتيلا خلال 24 ساعة."
    ch = (("مصادر عسكرية", "unnamed_source"),)
    ms = [_k("k0", "a", a, "17", chain=ch), _k("k1", "a", a, "أحد عشر", chain=ch), _k("k2", "b", b, "28", chain=ch)]
    out = reconcile([_doc("a", a, "A"), _doc("b", b, "B")], ms, ENTS)
    assert [c for c in _counts(out) if c["kind"] == "contradiction"] == []


def test_a_revised_toll_is_a_refinement():
    a = "وكانت الحصيلة الأولى تفيد بسقوط تسعة قتلى في الانفجار."
    b = "ارتفع عدد قتلى الانفجار إلى 19 بعد وفاة جرحى في المستشفى."
    assert [c["kind"] for c in _two(a, b, "تسعة", "19")] == ["refinement"]
    # the same quoted source gives a larger figure a day later: its revision
    a = "أعلنت وزارة الداخلية مقتل عشرة جنود في الانفجار."
    b = "أعلنت وزارة الداخلية مقتل خمسة عشر جنديا في الانفجار بعد وفاة جريحين."
    ch = (("وزارة الداخلية", "source_outlet"),)
    docs = [_doc("a", a, "A", day="2024-12-08"), _doc("b", b, "B", day="2024-12-09")]
    out = reconcile(docs, [_k("k0", "a", a, "عشرة", chain=ch), _k("k1", "b", b, "15", chain=ch)], ENTS)
    assert [c["kind"] for c in _counts(out)] == ["refinement"]
    # "the toll now stands at": an update of the source's own earlier figure
    a = "قال مصدر عسكري إن ثلاثة جرحى سقطوا في صفوف الجيش خلال الهجوم على الفندق."
    b = "وأضاف المصدر أن الحصيلة باتت الآن أربعة جرحى في صفوف الجيش خلال الهجوم على الفندق."
    assert [c["kind"] for c in _two(a, b, "3", "4")] == ["refinement"]
    assert [c["kind"] for c in _two(a, b.replace("الحصيلة باتت الآن", "الجيش فقد"), "3", "4")] == ["contradiction"]


def test_the_victims_count_beats_a_loose_number_word():
    """'مقتل عسكريين اثنين وجرح أربعة آخرين': the injury counts four, whatever number word the
    extractor found near it."""
    a = "أعلنت مصادر رسمية مقتل عسكريين تركيين اثنين وجرح أربعة آخرين مساء السبت."
    b = "قتل جنديان وجرح أربعة آخرون في انفجار سيارة ملغومة مساء السبت."
    ms = [_k("j0", "a", a, "اثنين", typ="injury", parts=(("أربعة آخرين", "patient"),)),
          _k("j1", "b", b, None, typ="injury", parts=(("أربعة آخرون", "patient"),))]
    out = reconcile([_doc("a", a, "A"), _doc("b", b, "B")], ms, ENTS)
    assert _counts(out) == []


def test_a_voice_does_not_deny_what_it_tells():
    """The ministry tells the bombing and says no *other* headquarters was attacked: no 'happened' conflict."""
    a = "قالت وزارة الداخلية إن تفجيرا استهدف مسجد مقر القوات في عسير."
    b = "أكدت وزارة الداخلية عدم تعرض أي مقر آخر لمحاولة تفجير."
    ch = (("وزارة الداخلية", "source_outlet"),)
    ms = [_k("a0", "a", a, typ="attack", chain=ch), _k("a1", "b", b, typ="attack", chain=ch, polarity="denied", negated=True)]
    out = reconcile([_doc("a", a, "A"), _doc("b", b, "B")], ms, ENTS)
    assert len(out["events"]) == 1
    assert [c for c in out["conflicts"] if c["field"] == "polarity"] == []


def test_an_actor_named_more_or_less_precisely_is_a_refinement():
    a = "قال المرصد إن التنظيم الإرهابي شن هجماته على المدينة من البلدة."
    b = "قال المرصد إن التنظيم شن هجماته على المدينة من البلدة."
    ms = [_k("a0", "a", a, typ="attack", parts=(("tanzim", "agent"),)),
          _k("a1", "b", b, typ="attack", parts=(("tanzim2", "agent"),))]
    out = reconcile([_doc("a", a, "A"), _doc("b", b, "B")], ms, ENTS)
    assert all(c["kind"] == "refinement" for c in out["conflicts"] if c["field"] == "agent")


def test_a_denied_plan_is_no_denial_of_the_happening():
    """'he did not plan to leave' is no denial that he left."""
    a = "قالت مصادر إن الرئيس غادر البلاد ليلة السبت على متن طائرة خاصة."
    b = "نفى المتحدث باسم الرئاسة أن يكون الرئيس قد خطط لمغادرة البلاد قبل سقوط العاصمة."
    ts = b.index("لمغادرة")
    ms = [_k("d0", "a", a, typ="departure", chain=(("مصادر", "unnamed_source"),), **{"class": "movement"}),
          _k("d1", "b", b, typ="departure", chain=(("المتحدث باسم الرئاسة", "named_source"),), polarity="denied",
             negated=True, trigger_start=ts, trigger_end=ts + 7, **{"class": "movement"})]
    out = reconcile([_doc("a", a, "A"), _doc("b", b, "B")], ms, ENTS)
    assert len(out["events"]) == 1
    assert [c for c in out["conflicts"] if c["field"] == "polarity"] == []
    b2 = "نفى المتحدث باسم الرئاسة أن يكون الرئيس قد غادر البلاد قبل سقوط العاصمة."
    ts = b2.index("غادر")
    ms[1].update(end=len(b2), trigger_start=ts, trigger_end=ts + 4)
    out = reconcile([_doc("a", a, "A"), _doc("b", b2, "B")], ms, ENTS)
    assert [c["field"] for c in out["conflicts"] if c["field"] == "polarity"] == ["polarity"]


def test_a_refusal_or_condemnation_is_no_denial_of_the_happening():
    """'the two states rejected attempts at interference' (read as negated) is no denial that another report's
    interference took place, nor is 'condemned the attack' (deny21, #15); a denial after the refusal still is."""
    a = "قال المرصد إن القوات الأجنبية نفذت هجوما على المدينة ليلة السبت."
    ch = (("المرصد", "named_source"),)

    def polarity_conflicts(b, word):
        ts = b.index(word)
        ms = [_k("h0", "a", a, typ="attack", chain=ch),
              _k("h1", "b", b, typ="attack", chain=(("البيان المشترك", "named_source"),), polarity="asserted",
                 negated=True, trigger_start=ts, trigger_end=ts + len(word))]
        out = reconcile([_doc("a", a, "A"), _doc("b", b, "B")], ms, ENTS)
        return [c for c in out["conflicts"] if c["field"] == "polarity"]

    assert polarity_conflicts("أكد البيان المشترك رفض محاولات التدخل في الشؤون الداخلية للمدينة.", "التدخل") == []
    assert polarity_conflicts("وأدان البيان المشترك الهجوم على المدينة.", "الهجوم") == []
    # the verbal noun indefinite: "a rejection of the attack by the council would..." rejects, denies nothing
    assert polarity_conflicts("وقال البيان المشترك إن رفضا للهجوم من جانب المجلس سيغير الموقف.", "للهجوم") == []
    assert polarity_conflicts("رفض البيان المشترك التعليق ونفى وقوع الهجوم على المدينة.", "الهجوم") != []
    assert polarity_conflicts("قال البيان المشترك إنه لم يقع أي هجوم على المدينة.", "هجوم") != []


def test_a_lower_bound_is_labelled_as_such():
    a = "أوقع الهجوم 15 قتيلا على الأقل في السوق."
    b = "قتل 15 شخصا في الهجوم على السوق."
    c = _two(a, b, "15", "15")
    assert len(c) == 1 and c[0]["kind"] == "refinement"
    assert sorted(v["label_en"] for v in c[0]["values"]) == ["15", "at least 15"]
    assert "ما لا يقل عن 15" in c[0]["summary_ar"]


def test_figures_one_voice_tells_together_are_no_rivals():
    """A report that gives 904 million operations and 358.4 billion riyals tells two quantities; another
    paper giving only one of them does not disagree with the first."""
    a = "زادت العمليات لتبلغ 722 مليون عملية وبلغت قيمة السحوبات 358.4 مليار ريال."
    b = "زادت العمليات عبر المصارف لتبلغ 722 مليون عملية."
    c = "ارتفعت قيمة السحوبات النقدية لتبلغ 358.4 مليار ريال."
    ms = [_k("w0", "a", a, "722", typ="attack"), _k("w1", "a", a, "358.4 مليار ريال", typ="attack"),
          _k("w2", "b", b, "722", typ="attack"), _k("w3", "c", c, "358.4 مليار ريال", typ="attack")]
    out = reconcile([_doc("a", a, "A"), _doc("b", b, "B"), _doc("c", c, "C")], ms, ENTS)
    assert _counts(out) == []


def test_a_figure_read_short_is_read_whole():
    """An extracted figure that is part of the one written after its trigger ("إصابة اثنين وعشرين"
    taken as 2) is read whole (values.trigger_count) and agrees with the outlet that printed 22."""
    a = "أدى القصف على البلدة إلى إصابة 22 جنديا مساء السبت."
    b = "أدى القصف على البلدة إلى إصابة اثنين وعشرين جنديا مساء السبت."
    at = lambda t: {"trigger_start": t.index("إصابة"), "trigger_end": t.index("إصابة") + 5}     # noqa: E731
    ms = [_k("k0", "a", a, "22", typ="injury", **at(a)), _k("k1", "b", b, "2", typ="injury", **at(b))]
    assert _counts(reconcile([_doc("a", a, "A"), _doc("b", b, "B")], ms, ENTS)) == []
    b2 = b.replace("اثنين وعشرين جنديا", "اثنين من الجنود")
    ms[1].update(end=len(b2), **at(b2))
    assert [c["kind"] for c in _counts(reconcile([_doc("a", a, "A"), _doc("b", b2, "B")], ms, ENTS))] == ["contradiction"]


def test_a_figure_that_opens_with_its_qualifier():
    """"أكثر من خمسين" and "أكثر من 50" are one figure, a lower bound ("more than fifty")."""
    assert parse_count("أكثر من خمسين") == parse_count("أكثر من 50") == Count(50, at_least=True)
    assert parse_count("نحو 30") == Count(30, approx=True)
    assert parse_count("more than 12") == Count(12, at_least=True)

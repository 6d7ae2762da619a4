"""Only what is told of the happening itself is a side of a conflict (issue #15, fifth round): not a plan
("he told them he would go home"), not the companions of a continuation counted a second time, not a
denial of *another* one ("no other headquarters was attacked")."""
import os

from riwaya.reconcile import reconcile

os.environ.setdefault("RIWAYA_ENCODER", "0")

ENTS = [{"id": "p1", "type": "person", "name_ar": "سالم النجار", "name_en": "Salem al-Najjar", "aliases": [],
         "kb_id": "person:y"},
        {"id": "s1", "type": "person", "name_ar": "كريم سالم النجار", "name_en": "Karim al-Najjar", "aliases": [],
         "kb_id": "person:y-son"}]


def _doc(i, text, outlet):
    return {"id": i, "text": text, "outlet": outlet, "published": "2024-03-09", "language": "ar", "languages": ["ar"]}


def _m(i, doc, text, trigger, typ="departure", cls="movement", parts=(("p1", "agent"),), chain=(), **kw):
    ts = text.index(trigger)
    m = {"id": i, "doc": doc, "class": cls, "type": typ, "trigger": trigger, "start": 0, "end": len(text),
         "trigger_start": ts, "trigger_end": ts + len(trigger),
         "participants": [{"entity": e, "role": r, "text": e} for e, r in parts], "origin": None,
         "destination": None, "via": [], "place": None, "means": None, "amount": None, "time": None,
         "attribution": {"chain": [{"name": n, "kind": k} for n, k in chain], "hedge": None},
         "negated": False, "polarity": "asserted"}
    m.update(kw)
    return m


def _field(out, field):
    return [c for c in out["conflicts"] if c["field"] == field]


PLAN_A = "أبلغ الوزير سالم النجار مساعديه بأنه سيتوجه إلى منزله في المساء بعد انتهاء الاجتماع الطويل."
PLAN_B = "رواية أخرى بألفاظ مختلفة تقول إن الوزير سالم النجار أخبر حراسه أنه سيتوجه إلى المطار قبل الفجر."


def test_a_plans_values_are_no_side():
    """Two accounts of what he said he would do are not two accounts of what he did."""
    docs = [_doc("a", PLAN_A, "Outlet A"), _doc("b", PLAN_B, "Outlet B")]
    ms = [_m("a1", "a", PLAN_A, "سيتوجه", destination="منزله", polarity="planned"),
          _m("b1", "b", PLAN_B, "سيتوجه", destination="المطار", polarity="planned")]
    out = reconcile(docs, ms, ENTS)
    assert len(out["events"]) == 1
    assert _field(out, "destination") == []
    # told as what happened, the same two values disagree
    for m in ms:
        m["polarity"] = "asserted"
    out = reconcile(docs, ms, ENTS)
    assert [c["kind"] for c in _field(out, "destination")] == ["contradiction"]


CONT = "نُقل الوزير سالم النجار من مكتبه إلى الميناء في موكب صغير، ثم إلى مركب خاص بمرافقة ابنه ومستشاريه."
WITH_SON = "قالت مصادر مستقلة إن الوزير سالم النجار غادر من الميناء مع ابنه كريم فجرا على متن مركب."


def test_a_continuations_companions_are_compared_once():
    """'..., then to a boat with his son and advisers': the companions go with the transfer before it
    (context_time.continued_companions, compared there); the continuation ('then') is no side of its
    own, else one account's companions are listed twice, on two events."""
    docs = [_doc("a", CONT, "Outlet A"), _doc("b", WITH_SON, "Outlet B")]
    comp = [("p1", "agent"), ("ابنه", "companion"), ("مستشاريه", "companion")]
    ms = [_m("c2", "a", CONT, "ثم", typ="transfer", parts=comp),
          _m("b2", "b", WITH_SON, "غادر", typ="transfer", parts=(("p1", "agent"), ("s1", "companion")))]
    out = reconcile(docs, ms, ENTS)
    assert len(out["events"]) == 1
    assert _field(out, "companions") == []
    # the movement the continuation goes on from carries them, and they are compared there
    ms.insert(0, _m("c1", "a", CONT, "نُقل", typ="transfer",
                    continued_companions=[{"entity": e, "role": r} for e, r in comp[1:]]))
    out = reconcile(docs, ms, ENTS)
    assert len(_field(out, "companions")) == 1


ASSERT = "قالت وزارة الداخلية إن تفجيرا استهدف مسجد مقر القوات في المدينة أثناء الصلاة ظهر أمس."
OTHER_DENIED = "وأكد المتحدث باسم الوزارة اللواء فلان الفلاني عدم تعرض أي مقر آخر للقوات لمحاولة تفجير."
SAME_DENIED = "ونفى المتحدث باسم الوزارة اللواء فلان الفلاني أن يكون مقر القوات قد تعرض لمحاولة تفجير."


def test_a_denial_of_another_one_is_no_denial_of_this_one():
    ch_a = (("وزارة الداخلية", "source_outlet"),)
    ch_b = (("المتحدث باسم الوزارة اللواء فلان الفلاني", "named_source"),)
    for text, listed in ((OTHER_DENIED, False), (SAME_DENIED, True)):
        docs = [_doc("a", ASSERT, "Outlet A"), _doc("b", text, "Outlet B")]
        ms = [_m("a1", "a", ASSERT, "تفجيرا", typ="attack", cls="harm", parts=(), chain=ch_a, place="c"),
              _m("b1", "b", text, "تفجير", typ="attack", cls="harm", parts=(), chain=ch_b, place="c",
                 polarity="denied", negated=True)]
        out = reconcile(docs, ms, ENTS + [{"id": "c", "type": "place", "name_ar": "المدينة", "name_en": "the city",
                                           "aliases": [], "kb_id": "city:zz:1", "coordinates": [20.0, 20.0],
                                           "attrs": {"kind": "city"}}])
        assert len(out["events"]) == 1, text
        assert bool(_field(out, "polarity")) is listed, text


ASKED = "هل توجه الوزير سالم النجار إلى المطار فجر الأحد؟"
TOLD = "قالت مصادر مستقلة إن الوزير سالم النجار توجه إلى منزله فجر الأحد بعد انتهاء الاجتماع."


def test_a_question_tells_nothing():
    """A headline question ("did he go to the airport?") is no side, even read as asserted."""
    docs = [_doc("a", ASKED, "Outlet A"), _doc("b", TOLD, "Outlet B")]
    ms = [_m("a1", "a", ASKED, "توجه", destination="المطار"), _m("b1", "b", TOLD, "توجه", destination="منزله")]
    out = reconcile(docs, ms, ENTS)
    assert len(out["events"]) == 1
    assert _field(out, "destination") == []
    told = ASKED.replace("هل ", "").replace("؟", ".")
    docs[0] = _doc("a", told, "Outlet A")
    ms[0] = _m("a1", "a", told, "توجه", destination="المطار")
    out = reconcile(docs, ms, ENTS)
    assert [c["kind"] for c in _field(out, "destination")] == ["contradiction"]


def test_the_same_sides_are_listed_once():
    """Two events built from the same sentences give one disagreement, listed once."""
    from riwaya.reconcile.conflicts import distinct_conflicts
    side = lambda label, doc: {"label_en": label, "evidence": [{"doc": doc, "start": 0, "end": 40}]}  # noqa: E731
    a = {"id": "cf_1", "event": "e1", "field": "companions", "kind": "refinement",
         "values": [side("his son", "a"), side("Karim", "b")]}
    b = {**a, "id": "cf_2", "event": "e2", "values": [side("Karim", "b"), side("his son", "a")]}
    c = {**a, "id": "cf_3", "event": "e3", "values": [side("Karim", "b"), side("his son", "c")]}
    assert [x["id"] for x in distinct_conflicts([a, b, c])] == ["cf_1", "cf_3"]


def test_an_unknown_attacker_and_the_body_behind_him_are_one_doer_at_two_grains():
    from riwaya.reconcile.conflicts import Compare
    from riwaya.reconcile.core import Entities
    ents = [{"id": "man", "type": "person", "name_ar": "سالم النجار", "name_en": "Salem al-Najjar", "aliases": []},
            {"id": "org", "type": "organization", "name_ar": "التنظيم", "name_en": "the Group", "aliases": []},
            {"id": "org2", "type": "organization", "name_ar": "الجيش", "name_en": "the Army", "aliases": []},
            {"id": "chief", "type": "person", "name_ar": "الرئيس فلان", "name_en": "President X", "aliases": [],
             "kb_id": "person:x"}]
    cmp = Compare(Entities(ents))
    man, org, org2, chief = (("e", i) for i in ("man", "org", "org2", "chief"))
    assert cmp.item_rel(man, org, "agent") == "precision"      # the attacker and his group
    assert cmp.item_rel(org, org2, "agent") == "different"     # two bodies: two doers
    assert cmp.item_rel(chief, org, "agent") == "different"    # a known figure is not anyone's man
    assert cmp.item_rel(man, org, "decider") == "different"    # "he decided" vs "the body ordered": a real clash


def test_a_date_told_without_its_year_is_not_another_year():
    """"The morning of 8 December" in a report published a year later is read in the publication's year;
    against "8 December" of the year before told with its year, the guessed year is no disagreement."""
    from riwaya.reconcile.conflicts import Compare
    cmp = Compare(None)
    guessed = {"earliest": "2025-12-08T05:00:00+00:00", "latest": "2025-12-08T11:59:59+00:00",
               "text": "the morning of 8 December"}
    told = {"earliest": "2024-12-08T00:00:00+00:00", "latest": "2024-12-08T23:59:59+00:00",
            "text": "Sunday, 8 December 2024"}
    a, b = cmp.norm("time", guessed), cmp.norm("time", told)
    assert cmp.rel("time", a, b) == "precision"
    # both with their year written, a year apart: two times
    b2 = cmp.norm("time", {**guessed, "text": "the morning of 8 December 2025"})
    assert cmp.rel("time", b2, b) == "different"
    # without its year but another day: still a disagreement
    other = cmp.norm("time", {"earliest": "2025-12-05T00:00:00+00:00", "latest": "2025-12-05T23:59:59+00:00",
                              "text": "5 December"})
    assert cmp.rel("time", other, b) == "different"



def test_the_people_at_a_meeting_are_no_companions_to_dispute():
    """His son and advisers at a meeting in one account, his son alone in another: more or fewer of the
    people present (or two meetings), not a disagreement about who came along (config
    skip_fields_by_class.communication); the same two lists on a journey disagree."""
    a = "اجتمع الوزير سالم النجار في الميناء مع ابنه ومستشاريه قبل أن يغادر."
    docs = [_doc("a", a, "Outlet A"), _doc("b", WITH_SON, "Outlet B")]

    def ms(typ, cls, ta, tb):
        return [_m("a1", "a", a, ta, typ=typ, cls=cls,
                   parts=(("p1", "agent"), ("ابنه", "companion"), ("مستشاريه", "companion"))),
                _m("b1", "b", WITH_SON, tb, typ=typ, cls=cls, parts=(("p1", "agent"), ("s1", "companion")))]
    out = reconcile(docs, ms("meeting", "communication", "اجتمع", "غادر"), ENTS)
    assert len(out["events"]) == 1 and _field(out, "companions") == []
    out = reconcile(docs, ms("transfer", "movement", "اجتمع", "غادر"), ENTS)
    assert len(out["events"]) == 1 and len(_field(out, "companions")) == 1
    out = reconcile(docs, ms("visit", "movement", "اجتمع", "غادر"), ENTS)      # skipped by type: a visit's
    assert len(out["events"]) == 1 and _field(out, "companions") == []      # companions are whom it meets

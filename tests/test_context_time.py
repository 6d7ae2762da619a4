"""A context time: a step told without a time takes the time of the step before it in a narrative
chain ("..., but went straight to ...") for comparison, marked inferred (reconcile/context_time.py)."""
import os

from riwaya.corpus import _time_before
from riwaya.reconcile import reconcile
from riwaya.reconcile.context_time import chained, context_time

os.environ.setdefault("RIWAYA_ENCODER", "0")

ENTS = [{"id": "p1", "type": "person", "name_ar": "سالم النجار", "name_en": "Salem al-Najjar", "aliases": [],
         "kb_id": "person:y"}]

CHAIN = "أبلغ الوزير مساعديه صباح الخميس بأنه باق في مكتبه، لكنه توجه مباشرة إلى الميناء حيث أبحر مع حراسه."
NO_CHAIN = "أبلغ الوزير مساعديه صباح الخميس بأنه باق في مكتبه، وقالت مصادر أخرى إن المركب أبحر من الميناء."
OTHER = "رواية مستقلة تماما في ألفاظها تقول إن الوزير أبحر من الميناء مساء الجمعة بعد أن أغلقت الطرق كلها."


def _doc(i, text, outlet):
    return {"id": i, "text": text, "outlet": outlet, "published": "2024-03-09", "language": "ar", "languages": ["ar"]}


def _time(text, e, l):
    return {"earliest": e, "latest": l, "text": text, "precision": "part_of_day", "tz": "+03:00"}


THU_MORNING = _time("صباح الخميس", "2024-03-07T05:00:00+03:00", "2024-03-07T11:59:59+03:00")
FRI_EVENING = _time("مساء الجمعة", "2024-03-08T17:00:00+03:00", "2024-03-08T23:59:59+03:00")


def _m(i, doc, text, trigger, time=None, time_before=None):
    ts = text.index(trigger)
    return {"id": i, "doc": doc, "class": "movement", "type": "departure", "trigger": trigger, "start": 0,
            "end": len(text), "trigger_start": ts, "trigger_end": ts + len(trigger),
            "participants": [{"entity": "p1", "role": "agent"}], "origin": None, "destination": None, "via": [],
            "place": None, "means": None, "amount": None, "time": time, "time_before": time_before,
            "attribution": {"chain": [], "hedge": None}, "negated": False, "polarity": "asserted"}


def _before(text, tm):
    s = text.index(tm["text"])
    return {"start": s, "end": s + len(tm["text"]), **tm}


def test_chain_words():
    assert chained("، لكنه توجه مباشرة إلى ")
    assert chained(" then drove to the port and ")
    assert chained("، وبعد ذلك ")
    assert not chained("، وقالت مصادر أخرى إن المركب ")
    # the chain says how much later: another time
    assert not chained("، وبعدها بأيام ")
    assert not chained(" and then, two days later, ")


def test_time_before_is_the_nearest_dated_time_before_the_trigger():
    ev = {"start": 0, "end": len(CHAIN), "trigger_start": CHAIN.index("أبحر")}
    s = CHAIN.index("صباح الخميس")
    times = [{"start": s, "end": s + 11, "text": "صباح الخميس", "value": {**THU_MORNING, "kind": "time"}},
             {"start": 200, "end": 210, "text": "x", "value": {**FRI_EVENING, "kind": "time"}},
             {"start": 3, "end": 8, "text": "خلال ساعات", "value": {"kind": "duration", "value": "PTXH"}}]
    tb = _time_before(ev, times)
    assert tb["start"] == s and tb["earliest"] == THU_MORNING["earliest"]


def test_context_time_only_across_a_chain_and_never_over_an_own_time():
    m = _m("a1", "a", CHAIN, "أبحر", time_before=_before(CHAIN, THU_MORNING))
    t = context_time(m, CHAIN)
    assert t["inferred"] == "chain" and t["earliest"] == THU_MORNING["earliest"]
    assert context_time(_m("a1", "a", NO_CHAIN, "أبحر", time_before=_before(NO_CHAIN, THU_MORNING)), NO_CHAIN) is None
    own = _m("a1", "a", CHAIN, "أبحر", time=FRI_EVENING, time_before=_before(CHAIN, THU_MORNING))
    assert context_time(own, CHAIN) is None


def _run(text_a):
    docs = [_doc("a", text_a, "Outlet A"), _doc("b", OTHER, "Outlet B")]
    ms = [_m("a1", "a", text_a, "أبحر", time_before=_before(text_a, THU_MORNING)),
          _m("b1", "b", OTHER, "أبحر", time=FRI_EVENING)]
    return reconcile(docs, ms, ENTS)


def test_inferred_time_is_compared_and_said_to_be_inferred():
    out = _run(CHAIN)
    assert len(out["events"]) == 1
    t = [c for c in out["conflicts"] if c["field"] == "time"]
    assert len(t) == 1 and t[0]["kind"] == "contradiction"
    inferred = [v for v in t[0]["values"] if v["value"].get("inferred")]
    assert len(inferred) == 1 and inferred[0]["documents"] == ["a"]
    assert "inferred" in inferred[0]["label_en"] and "مستنتج" in inferred[0]["label_ar"]
    # the event's own values never take the inferred time
    ev = out["events"][0]
    assert all(not (e["values"].get("time") or {}).get("inferred") for e in ev["evidence"])


def test_no_chain_no_context_time():
    out = _run(NO_CHAIN)
    assert not [c for c in out["conflicts"] if c["field"] == "time"]


# ---- a heading dated by the section it titles; a fall of one place on two days is a contradiction

from riwaya.corpus import _section_time  # noqa: E402

CITY = {"id": "c1", "type": "place", "name_ar": "مدينة النخيل", "name_en": "Palm City", "aliases": [],
        "kb_id": "city:zz:9", "coordinates": [20.0, 20.0], "attrs": {"kind": "city", "country": "ZZ"}}
SECTION = ("مقدمة طويلة عن الحرب في المدينة وما حولها من القرى والبلدات، كتبها مراسل الصحيفة هناك. "
           "وتروي المقدمة كيف تقدمت الفصائل من الشمال خلال أسبوعين وكيف انسحبت الحامية من مواقعها الأمامية.\n\n"
           "سقوط مدينة النخيل\n\nفي 30 مايو 2023، شهدت المدينة انشقاقات واسعة في صفوف الحامية.")
OTHER_FALL = "رواية مستقلة بألفاظها: سقطت مدينة النخيل في 27 مايو 2023 بعد معارك قصيرة في أطرافها الشرقية."


def _day(d, text):
    return {"earliest": f"2023-05-{d}T00:00:00+03:00", "latest": f"2023-05-{d}T23:59:59+03:00", "text": text,
            "precision": "day", "tz": "+03:00"}


def _paras(text):
    out, pos = [], 0
    for chunk in text.split("\n\n"):
        out.append({"start": pos, "end": pos + len(chunk), "lang": "ar", "furniture": False})
        pos += len(chunk) + 2
    return out


def _fall(i, doc, text, trigger, time=None, section_time=None, start=None, end=None):
    ts = text.index(trigger)
    return {"id": i, "doc": doc, "class": "control", "type": "fall", "trigger": trigger,
            "start": ts if start is None else start, "end": len(text) if end is None else end,
            "trigger_start": ts, "trigger_end": ts + len(trigger),
            "participants": [{"entity": "c1", "role": "patient"}], "origin": None, "destination": None, "via": [],
            "place": "c1", "means": None, "amount": None, "time": time, "section_time": section_time,
            "attribution": {"chain": [], "hedge": None}, "negated": False, "polarity": "asserted"}


def test_section_time_of_a_heading():
    hs = SECTION.index("سقوط")
    he = SECTION.index("\n\nفي 30")
    ds = SECTION.index("30 مايو 2023")
    times = [{"start": ds, "end": ds + 12, "text": "30 مايو 2023", "value": {**_day(30, "30 مايو 2023"), "kind": "date"}}]
    ev = {"start": hs, "end": he, "trigger_start": hs}
    st = _section_time(ev, times, _paras(SECTION))
    assert st and st["earliest"].startswith("2023-05-30")
    # the article's title block (no body paragraph before it) is no section heading
    short = "سقوط مدينة النخيل\n\nفي 30 مايو 2023، شهدت المدينة انشقاقات."
    d2 = short.index("30 مايو 2023")
    t2 = [{"start": d2, "end": d2 + 12, "text": "30 مايو 2023", "value": {**_day(30, "30 مايو 2023"), "kind": "date"}}]
    assert _section_time({"start": 0, "end": 17, "trigger_start": 0}, t2, _paras(short)) is None
    # nor one after a long title line
    titled = "عنوان طويل للمقال يمتد على سطر واحد كامل ويزيد على ستين حرفا بقليل هنا\n\n" + short
    d3 = titled.index("30 مايو 2023")
    t3 = [{"start": d3, "end": d3 + 12, "text": "30 مايو 2023", "value": {**_day(30, "30 مايو 2023"), "kind": "date"}}]
    h3 = titled.index("سقوط")
    assert _section_time({"start": h3, "end": h3 + 17, "trigger_start": h3}, t3, _paras(titled)) is None
    # a mention in a long paragraph is no heading
    assert _section_time({"start": 0, "end": 20, "trigger_start": 5}, times,
                         [{"start": 0, "end": 200, "furniture": False}, {"start": ds - 3, "end": 400}]) is None
    m = _fall("h", "a", SECTION, "سقوط", section_time={"start": ds, "end": ds + 12, **_day(30, "30 مايو 2023")},
              start=hs, end=he)
    assert context_time(m, SECTION)["inferred"] == "section"
    # a line that ends with a full stop is a sentence, not a heading
    m2 = dict(m, start=0, end=SECTION.index("\n"))
    assert context_time(m2, SECTION) is None


def test_a_fall_told_on_two_days_is_a_time_contradiction():
    hs, he = SECTION.index("سقوط"), SECTION.index("\n\nفي 30")
    ds = SECTION.index("30 مايو 2023")
    docs = [_doc("a", SECTION, "Outlet A"), _doc("b", OTHER_FALL, "Outlet B")]
    ms = [_fall("h", "a", SECTION, "سقوط", section_time={"start": ds, "end": ds + 12, **_day(30, "30 مايو 2023")},
                start=hs, end=he),
          _fall("b1", "b", OTHER_FALL, "سقطت", time=_day(27, "27 مايو 2023"), start=0)]
    out = reconcile(docs, ms, ENTS + [CITY])
    assert len(out["events"]) == 1
    t = [c for c in out["conflicts"] if c["field"] == "time"]
    assert len(t) == 1 and t[0]["kind"] == "contradiction"
    assert any("section" in v["label_en"] for v in t[0]["values"])
    # the same fall on the same day is no conflict
    ms[1] = _fall("b1", "b", OTHER_FALL, "سقطت", time=_day(30, "30 مايو 2023"), start=0)
    out = reconcile(docs, ms, ENTS + [CITY])
    assert not [c for c in out["conflicts"] if c["field"] == "time" and c["kind"] == "contradiction"]


# ---- a continuation's companions go with the movement before it

from riwaya.corpus import _continuations  # noqa: E402
from riwaya.reconcile.context_time import continued_companions  # noqa: E402

SON = {"id": "s1", "type": "person", "name_ar": "كريم سالم النجار", "name_en": "Karim al-Najjar", "aliases": [],
       "kb_id": "person:y-son"}
CONT = "نُقل الوزير من مكتبه إلى الميناء في موكب صغير، ثم إلى مركب خاص بمرافقة ابنه ومستشاريه."
ALONE = "قالت مصادر مستقلة إن الوزير غادر من الميناء مع ابنه كريم وحده دون أي مرافقين."


def _mv(i, doc, text, trigger, parts):
    m = _m(i, doc, text, trigger)
    m["participants"] = parts
    return m


def test_continuation_companions():
    ms = [_mv("c1", "a", CONT, "نُقل", [{"entity": "p1", "role": "agent"}]),
          _mv("c2", "a", CONT, "ثم", [{"entity": "raw:ابنه", "role": "companion"},
                                      {"entity": "raw:مستشاريه", "role": "companion"}])]
    assert continued_companions(ms, {"companion"}) == {"c1": ["raw:ابنه", "raw:مستشاريه"]}
    # a trigger that is a movement of its own keeps its companions to itself
    ms[1] = dict(ms[1], trigger="أبحر")
    assert continued_companions(ms, {"companion"}) == {}


def test_continued_companions_are_compared():
    docs = [_doc("a", CONT, "Outlet A"), _doc("b", ALONE, "Outlet B")]
    ms = [_mv("c1", "a", CONT, "نُقل", [{"entity": "p1", "role": "agent"}]),
          _mv("c2", "a", CONT, "ثم", [{"entity": "ابنه", "role": "companion"},
                                      {"entity": "مستشاريه", "role": "companion"}]),
          _mv("b1", "b", ALONE, "غادر", [{"entity": "p1", "role": "agent"}, {"entity": "s1", "role": "companion"}])]
    _continuations(ms[:2])      # what the corpus stage keeps on each document's mentions
    assert ms[0]["continued_companions"] == [{"entity": "ابنه", "role": "companion"},
                                             {"entity": "مستشاريه", "role": "companion"}]
    out = reconcile(docs, ms, ENTS + [SON])
    ev = next(e for e in out["events"] if any(x["mention"] == "b1" for x in e["evidence"]))
    assert any(x["mention"] == "c1" for x in ev["evidence"])
    comp = [c for c in out["conflicts"] if c["field"] == "companions"]
    assert len(comp) == 1 and {d for v in comp[0]["values"] for d in v["documents"]} == {"a", "b"}


def test_a_narrative_time_is_no_side_even_inferred():
    night = _time("تلك الليلة", "2024-03-07T18:00:00+03:00", "2024-03-07T23:59:59+03:00")
    text = "أبلغ الوزير مساعديه تلك الليلة بأنه باق في مكتبه، لكنه توجه مباشرة إلى الميناء حيث أبحر مع حراسه."
    docs = [_doc("a", text, "Outlet A"), _doc("b", OTHER, "Outlet B")]
    ms = [_m("a1", "a", text, "أبحر", time_before=_before(text, night)), _m("b1", "b", OTHER, "أبحر", time=FRI_EVENING)]
    out = reconcile(docs, ms, ENTS)
    assert not [c for c in out["conflicts"] if c["field"] == "time" and c["kind"] == "contradiction"]


def test_time_intervals_evening_night_and_small_hours():
    from riwaya.reconcile.conflicts import Compare
    from riwaya.reconcile.core import Entities
    cmp = Compare(Entities(ENTS))
    evening = cmp.norm("time", _time("مساء الخميس", "2024-03-07T17:00:00+03:00", "2024-03-07T23:59:59+03:00"))
    night = cmp.norm("time", _time("ليلة الخميس", "2024-03-07T18:00:00+03:00", "2024-03-08T05:59:59+03:00"))
    three = cmp.norm("time", {"earliest": "2024-03-08T03:00:00+03:00", "latest": "2024-03-08T03:59:59+03:00",
                              "text": "الثالثة فجرا", "precision": "hour", "tz": "+03:00"})
    assert cmp.rel("time", evening, three) == "different"      # an evening of D and 03:00 of D+1
    assert cmp.rel("time", night, three) == "precision"        # the night of D runs into D+1's small hours
    assert cmp.rel("time", night, evening) == "precision"


# ---- a later leg: the time before is only its lower bound (no side of a time contradiction)

from riwaya.corpus import _later_legs  # noqa: E402

AIDE = ("وأكد أحد مساعدي الأسد المقرّبين أن المخلوع أبلغ مدير مكتبه مساء السبت بأنه سيعود إلى منزله، لكنه اتجه "
        "مباشرة إلى مطار دمشق، حيث غادر مع ابنه الأكبر حافظ إلى قاعدة حميميم الروسية باللاذقية، ومن هناك إلى "
        "موسكو، حيث كانت زوجته أسماء وأبناؤهما في انتظاره.")
SAT_EVENING = _time("مساء السبت", "2024-12-07T17:00:00+03:00", "2024-12-07T23:59:59+03:00")
SUN_DAWN = _time("فجر الأحد", "2024-12-08T03:00:00+03:00", "2024-12-08T05:59:59+03:00")


def _aide_mentions():
    tb = _before(AIDE, SAT_EVENING)
    tell = {**_m("a0", "a", AIDE, "أبلغ", time=SAT_EVENING), "class": "communication", "type": "statement"}
    back = {**_m("a1", "a", AIDE, "سيعود", time_before=tb), "type": "return", "polarity": "planned"}
    left = _m("a2", "a", AIDE, "غادر", time_before=tb)
    on = {**_m("a3", "a", AIDE, "ومن هناك", time_before=tb), "type": "transfer"}
    return [tell, back, left, on]


def test_a_later_leg_takes_the_time_before_only_as_a_lower_bound():
    ms = _aide_mentions()
    _later_legs(ms)
    tell, back, left, on = ms
    assert not left["time_before"].get("past_step")         # the planned return is no step taken
    assert on["time_before"].get("past_step")               # "ومن هناك": past the departure told before it
    t_left, t_on = context_time(left, AIDE), context_time(on, AIDE)
    assert t_left["inferred"] == "chain" and not t_left.get("bound")     # "اتجه مباشرة ... حيث غادر"
    assert t_on["inferred"] == "chain" and t_on["bound"] == "after"


def test_a_bound_is_no_side_of_a_time_contradiction():
    ms = _aide_mentions()
    _later_legs(ms)
    on = ms[3]
    other_text = "رواية مستقلة تماما في ألفاظها تقول إن الأسد غادر إلى موسكو فجر الأحد بعد سقوط العاصمة."
    docs = [_doc("a", AIDE, "Outlet A"), _doc("b", other_text, "Outlet B")]
    out = reconcile(docs, [on, {**_m("b1", "b", other_text, "غادر", time=SUN_DAWN), "type": "transfer"}], ENTS)
    assert not [c for c in out["conflicts"] if c["field"] == "time" and c["kind"] == "contradiction"]
    # the same departure told at once after the time ("اتجه مباشرة ... حيث غادر") is a side
    left = ms[2]
    out = reconcile(docs, [left, _m("b1", "b", other_text, "غادر", time=SUN_DAWN)], ENTS)
    assert [c for c in out["conflicts"] if c["field"] == "time" and c["kind"] == "contradiction"]


def test_then_without_at_once_gives_a_lower_bound():
    text = "أبلغ الوزير مساعديه صباح الخميس بأنه باق في مكتبه، ثم أبحر من الميناء مع حراسه."
    t = context_time(_m("a1", "a", text, "أبحر", time_before=_before(text, THU_MORNING)), text)
    assert t["inferred"] == "chain" and t["bound"] == "after"
    assert not context_time(_m("a1", "a", CHAIN, "أبحر", time_before=_before(CHAIN, THU_MORNING)), CHAIN).get("bound")


def test_a_bound_is_shown_as_a_bound():
    """A time carried past a later step is a lower bound: the listing says "after", in both languages."""
    from riwaya.reconcile.conflicts import value_label
    bound = {**THU_MORNING, "inferred": "chain", "bound": "after"}
    own = {**THU_MORNING, "inferred": "chain"}
    assert value_label("time", bound, None, "en").startswith("after صباح الخميس")
    assert value_label("time", bound, None, "ar").startswith("بعد صباح الخميس")
    assert value_label("time", own, None, "en") == "صباح الخميس (inferred: the time of the step before it)"

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
    assert t["inferred"] and t["earliest"] == THU_MORNING["earliest"]
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

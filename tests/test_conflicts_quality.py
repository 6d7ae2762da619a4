"""Conflicts are disagreements between accounts, not a document's own route,
not a translation, not a difference of precision."""
import os

from riwaya.reconcile import reconcile
from riwaya.reconcile.conflicts import doc_label, event_label, format_conflicts
from riwaya.reconcile.values import head, raw_compatible

os.environ.setdefault("RIWAYA_ENCODER", "0")

ENTS = [
    {"id": "p1", "type": "person", "name_ar": "زيد العمري", "name_en": "Zaid al-Omari", "aliases": [], "kb_id": "person:x"},
    {"id": "org1", "type": "organization", "name_ar": "الحكومة", "name_en": "the government", "aliases": [], "kb_id": "org:x"},
    {"id": "cityA", "type": "place", "name_ar": "مدينة ألف", "name_en": "Alpha City", "aliases": [], "kb_id": "city:aa:1",
     "coordinates": [30.0, 30.0], "attrs": {"kind": "city", "country": "AA"}},
    {"id": "portA", "type": "place", "name_ar": "مطار ألف", "name_en": "Alpha Airport", "aliases": [], "kb_id": "airport:a",
     "coordinates": [30.1, 30.1], "attrs": {"kind": "airport", "country": "AA"}},
    {"id": "baseB", "type": "place", "name_ar": "قاعدة باء", "name_en": "Beta Base", "aliases": [], "kb_id": "kb:b",
     "coordinates": [32.0, 31.0], "attrs": {"kind": "air_base", "country": "AA"}},
    {"id": "countryA", "type": "place", "name_ar": "بلد ألف", "name_en": "Alphaland", "aliases": [], "kb_id": "country:aa",
     "coordinates": [31.0, 31.0], "attrs": {"kind": "country", "country": "AA"}},
    {"id": "cityZ", "type": "place", "name_ar": "مدينة زاي", "name_en": "Zeta City", "aliases": [], "kb_id": "city:zz:1",
     "coordinates": [50.0, 40.0], "attrs": {"kind": "city", "country": "ZZ"}},
]

TEXTS = {
    "a": "نص أول عن رحلة الرجل من المدينة إلى القاعدة ثم إلى الخارج بطائرة خاصة في ساعة متأخرة من الليل وسط تكتم.",
    "b": "تقرير ثان مكتوب بصياغة مستقلة تماما يروي أن المسؤول غادر من المطار بعد منتصف الليل دون إعلان مسبق لأحد.",
    "c": "رواية ثالثة لا تشبه ما سبق في ألفاظها وتنقل عن شهود أن الموكب تحرك مساء قبل أن يعلن شيء رسميا في البلاد.",
}


def _doc(i, outlet=None, title=None, path=None):
    return {"id": i, "text": TEXTS[i], "outlet": outlet, "title": title, "path": path, "published": "2024-12-09",
            "language": "ar", "languages": ["ar"]}


def _m(i, doc, start=0, end=20, typ="departure", chain=(), **kw):
    m = {"id": i, "doc": doc, "class": "movement", "type": typ, "trigger": "x", "start": start, "end": end,
         "participants": [{"entity": "p1", "role": "agent"}], "origin": None, "destination": None, "via": [],
         "place": None, "means": None, "amount": None, "time": None,
         "attribution": {"chain": [{"name": n, "kind": k} for n, k in chain], "hedge": None},
         "negated": False, "polarity": "asserted"}
    m.update(kw)
    return m


def _t(e, l, text):
    return {"earliest": e, "latest": l, "text": text, "precision": "hour", "tz": "+03:00"}


def _conf(out, field):
    return [c for c in out["conflicts"] if c["field"] == field]


def test_one_documents_route_is_not_a_conflict():
    docs = [_doc("a", outlet="Outlet A")]
    ms = [_m("x1", "a", 0, 20, origin="cityA", destination="baseB"),
          _m("x2", "a", 30, 50, typ="flight", origin="baseB", destination="cityZ"),
          _m("x3", "a", 60, 80, typ="transfer", means="موكب من ثلاث سيارات"),
          _m("x4", "a", 80, 100, typ="flight", means="طائرة خاصة")]
    out = reconcile(docs, ms, ENTS)
    assert out["conflicts"] == []
    # the legs (different origins and destinations in one document) are not one event
    ev1 = next(e for e in out["events"] if any(x["mention"] == "x1" for x in e["evidence"]))
    assert not any(x["mention"] == "x2" for x in ev1["evidence"])


def test_conflict_across_two_documents():
    docs = [_doc("a", outlet="Outlet A"), _doc("b", outlet="Outlet B")]
    ms = [_m("x1", "a", origin="cityA", time=_t("2024-12-07T20:00:00+03:00", "2024-12-07T23:59:00+03:00", "مساء السبت")),
          _m("x2", "b", origin="baseB", time=_t("2024-12-08T03:00:00+03:00", "2024-12-08T05:00:00+03:00", "بعد الثالثة فجرا"))]
    out = reconcile(docs, ms, ENTS)
    assert len(out["events"]) == 1
    t = _conf(out, "time")
    assert len(t) == 1 and t[0]["kind"] == "contradiction" and t[0]["confidence"] == "high"
    o = _conf(out, "origin")
    assert len(o) == 1 and o[0]["kind"] == "contradiction"
    assert {v["value"] for v in o[0]["values"]} == {"cityA", "baseB"}


def test_containment_is_precision_not_contradiction():
    docs = [_doc("a", outlet="Outlet A"), _doc("b", outlet="Outlet B"), _doc("c", outlet="Outlet C")]
    ms = [_m("x1", "a", origin="portA", destination="baseB",
             time=_t("2024-12-07T18:00:00+03:00", "2024-12-08T06:00:00+03:00", "ليلة السابع")),
          _m("x2", "b", origin="cityA", destination="countryA",
             time=_t("2024-12-08T02:00:00+03:00", "2024-12-08T02:59:00+03:00", "الثانية فجرا"))]
    out = reconcile(docs, ms, ENTS)
    kinds = {c["field"]: c["kind"] for c in out["conflicts"]}
    # airport in the city, base in the country, a night that holds 2 am: may all agree
    assert kinds == {"origin": "refinement", "destination": "refinement", "time": "refinement"}


def test_raw_values_are_compared_by_head():
    assert head("الطائرة") == head("طائرة  دون أى اعلان مسبق تم توجيهها")
    assert raw_compatible(head("بطائراتها"), head("طائرة خاصة"))
    assert head("في حين") == ()          # junk span: no head
    docs = [_doc("a", outlet="Outlet A"), _doc("b", outlet="Outlet B")]
    ms = [_m("x1", "a", means="الطائرة"), _m("x2", "b", means="طائرة دون أي إعلان مسبق")]
    assert _conf(reconcile(docs, ms, ENTS), "means") == []


def test_attributed_denial():
    docs = [_doc("a", outlet="Outlet A"), _doc("b", outlet="Outlet B")]
    ms = [_m("x1", "a", chain=(("Outlet A", "outlet"),)),
          _m("x2", "b", chain=(("Outlet B", "outlet"), ("الحكومة", "named_source")), polarity="denied", negated=True)]
    c = _conf(reconcile(docs, ms, ENTS), "polarity")
    assert len(c) == 1 and c[0]["kind"] == "contradiction" and c[0]["attributed"]
    # a negation nobody is quoted for (often a misread clause) is not a denial
    ms[1]["attribution"] = {"chain": [{"name": "Outlet B", "kind": "outlet"}], "hedge": None}
    assert _conf(reconcile(docs, ms, ENTS), "polarity") == []


def test_two_sources_in_one_document_can_disagree():
    docs = [_doc("a", outlet="Outlet A")]
    ms = [_m("x1", "a", 0, 20, chain=(("زيد العمري", "named_source"),), decider=None,
             participants=[{"entity": "p1", "role": "agent"}, {"entity": "org1", "role": "decider"}]),
          _m("x2", "a", 30, 50, chain=(("مصدر مطلع", "unnamed_source"),),
             participants=[{"entity": "p1", "role": "agent"}, {"entity": "p1", "role": "decider"}])]
    c = _conf(reconcile(docs, ms, ENTS), "decider")
    assert len(c) == 1 and c[0]["kind"] == "contradiction" and c[0]["attributed"]
    # the same two values from the narrator alone: one voice, no conflict
    for m in ms:
        m["attribution"] = {"chain": [], "hedge": None}
    assert _conf(reconcile(docs, ms, ENTS), "decider") == []


def test_translation_is_not_a_second_witness():
    ar = "غادر الرئيس العاصمة مساء السبت متجها إلى القاعدة الجوية ثم إلى الخارج وفق ما نقلته الشبكة عن مصدر."
    en = "The president left the capital on Saturday evening heading to the air base and then abroad, the network said."
    text = ar + "\n" + en
    doc = {"id": "t", "text": text, "outlet": "Outlet T", "title": None, "published": "2024-12-09",
           "language": "ar", "languages": ["ar", "en"],
           "paragraphs": [{"start": 0, "end": len(ar), "lang": "ar"},
                          {"start": len(ar) + 1, "end": len(text), "lang": "en"}]}
    ms = [_m("x1", "t", 0, len(ar), chain=(("Outlet T", "outlet"), ("Network", "source_outlet"), ("زيد العمري", "named_source")),
             destination="baseB"),
          _m("x2", "t", len(ar) + 1, len(text), chain=(("Outlet T", "outlet"), ("Network", "source_outlet"), ("the president", "named_source")),
             destination="cityZ")]
    rel = [{"kind": "translation", "doc": "t", "a": [0, len(ar)], "b": [len(ar) + 1, len(text)], "lang_a": "ar", "lang_b": "en",
            "score": 0.8, "method": "test", "pairs": [{"a": [0, len(ar)], "b": [len(ar) + 1, len(text)], "score": 0.8}]}]
    from riwaya.reconcile import core
    orig = core.find_relations
    core.find_relations = lambda documents, use_encoder=None: rel
    try:
        out = reconcile([doc], ms, ENTS)
    finally:
        core.find_relations = orig
    assert out["conflicts"] == []


def test_labels_use_outlet_or_document_number_and_read_naturally():
    """A source is named by its outlet, else "document N": never by a file name or a headline."""
    assert doc_label({"id": "d1", "outlet": "Outlet A", "title": "T"}) == "Outlet A"
    assert doc_label({"id": "d1", "outlet": None, "title": "عنوان الخبر.. تفاصيل أخرى طويلة", "seq": 3}) == "document 3"
    assert doc_label({"id": "d1", "path": "/x/y/001_abc.txt", "seq": 4}, lang="ar") == "الوثيقة 4"
    docs = [dict(_doc("a", title="رواية الصحيفة الأولى"), seq=1), dict(_doc("b", path="/corpus/002_xyz.txt"), seq=2)]
    ms = [_m("x1", "a", origin="cityA"), _m("x2", "b", origin="baseB")]
    out = reconcile(docs, ms, ENTS)
    c = _conf(out, "origin")[0]
    assert "document 1" in c["summary_en"] and "document 2" in c["summary_en"] and "الوثيقة 2" in c["summary_ar"]
    assert "رواية الصحيفة" not in c["summary_en"] + c["summary_ar"] and "002_xyz" not in c["summary_en"] + c["summary_ar"]
    # Arabic sentence: Arabic type label, no English type name
    assert "مغادرة زيد العمري" in c["summary_ar"] and "departure" not in c["summary_ar"]
    assert event_label("no_such_type", "movement")["ar"] != "no_such_type"
    lines = format_conflicts({"documents": docs, "conflicts": out["conflicts"]})
    assert any(l.startswith("■") for l in lines) and any("Alpha City" in l for l in lines)


def test_kind_slot_and_cli_headings():
    """Contradictions and refinements are told apart (kind), each has its slot, and the CLI lists
    contradictions first, refinements under their own heading, and filters with --kind."""
    docs = [_doc("a", outlet="Outlet A"), _doc("b", outlet="Outlet B"), _doc("c", outlet="Outlet C")]
    ms = [_m("x1", "a", origin="cityA", destination="baseB", time=_t("2024-12-07T20:00:00+03:00", "2024-12-07T23:00:00+03:00", "evening")),
          _m("x2", "b", origin="portA", destination="countryA", time=_t("2024-12-08T03:00:00+03:00", "2024-12-08T05:00:00+03:00", "at dawn")),
          _m("x3", "c", decider=None, participants=[{"entity": "p1", "role": "agent"}, {"entity": "org1", "role": "orderer"}])]
    out = reconcile(docs, ms, ENTS)
    by = {c["field"]: c for c in out["conflicts"]}
    assert by["time"]["kind"] == "contradiction" and by["time"]["slot"] == "time"
    assert by["destination"]["kind"] == "refinement" and by["destination"]["slot"] == "destination"
    assert by["origin"]["slot"] == "origin/route"
    assert all(c["kind"] in ("contradiction", "refinement") for c in out["conflicts"])
    exp = {"documents": docs, "conflicts": out["conflicts"]}
    lines = format_conflicts(exp)
    heads = [i for i, l in enumerate(lines) if l.startswith("== ")]
    assert len(heads) == 2 and lines[heads[0]].startswith("== Contradictions") and lines[heads[1]].startswith("== Refinements")
    contra = "\n".join(lines[heads[0]:heads[1]])
    assert "the time" in contra and "[time]" in contra and "destination" not in contra.split("\n", 1)[1].lower().split("■")[0]
    assert format_conflicts({"documents": docs, "conflicts": []}) == ["no conflicts found"]
    only = format_conflicts(exp, kinds={"refinement"})
    assert only[0].startswith("== Refinements") and not any(l.startswith("== Contradictions") for l in only)
    # an older store's kinds still read
    old = [dict(c, kind="precision") if c["kind"] == "refinement" else dict(c, kind="attributed") for c in out["conflicts"]]
    assert sum(l.startswith("■") for l in format_conflicts({"documents": docs, "conflicts": old}, kinds={"refinement"})) == \
        sum(c["kind"] == "refinement" for c in out["conflicts"])


def test_agent_slot_for_a_happening_keyed_by_place():
    """A city's fall is keyed by its place: two independent accounts naming different takers disagree on the agent."""
    docs = [_doc("a", outlet="Outlet A"), _doc("b", outlet="Outlet B")]
    ms = [_m("x1", "a", typ="capture", **{"class": "control"}, place="cityA", participants=[{"entity": "p1", "role": "agent"}]),
          _m("x2", "b", typ="capture", **{"class": "control"}, place="cityA", participants=[{"entity": "org1", "role": "agent"}])]
    out = reconcile(docs, ms, ENTS)
    assert len(out["events"]) == 1
    c = _conf(out, "agent")
    assert len(c) == 1 and c[0]["slot"] == "agent" and c[0]["kind"] == "contradiction"

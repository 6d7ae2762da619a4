"""Attribution chains (isnad) on seed sentences."""
from riwaya.events import extract

from .spans import M, paras


def names(ev):
    return [(l["name"], l["kind"]) for l in ev.attribution.chain]


def test_whole_article_scope_and_nested_eyewitnesses():
    t = ("في ستار الليل، جرت عمليات الهروب بدقة عبر مسارات مختلفة. وبحسب تقريرٍ استقصائي أعدّته صحيفة “نيويورك تايمز” "
         "الأميركية، هكذا اختفى أبرز أركان النظام خلال ساعات قليلة:\n"
         "ومن حميميم، غادر الأسد إلى موسكو.\n"
         "وتحدث شهود عيان لفريق “نيويورك تايمز” عن ليلة فوضوية، حيث حمل المسؤولون حقائب.\n")
    ms = [M(t, "الأسد", "person"), M(t, "موسكو", "place")]
    evs, recs = extract(t, ms, [], paras(t), outlet="الحرة")
    first = [e for e in evs if e.type == "escape"][0]
    assert names(first) == [("الحرة", "outlet")]           # before the report cue
    dep = [e for e in evs if e.type == "departure"][0]
    assert names(dep) == [("الحرة", "outlet"), ("نيويورك تايمز", "source_outlet")]
    assert any(r["chain"][-1]["kind"] == "source_outlet" and r["scope"][1] == len(t) for r in recs)


def test_unnamed_sources():
    t = "وأكد أحد مساعدي الأسد المقرّبين أن الرئيس غادر القصر ليلاً.\n"
    evs, recs = extract(t, [M(t, "الأسد", "person")], [], paras(t))
    assert recs and recs[0]["chain"][-1]["kind"] == "unnamed_source"
    assert "مساعدي" in recs[0]["chain"][-1]["name"]
    # the span is the whole description, diacritics included, and stops before أن
    src = recs[0]["chain"][-1]
    assert src["name"] == "أحد مساعدي الأسد المقرّبين" == t[src["start"]:src["end"]]
    dep = [e for e in evs if e.type == "departure"][0]
    assert dep.attribution.chain[-1]["kind"] == "unnamed_source"
    t = "وقال ثلاثة أشخاص مطلعين إن الطائرة أقلعت من دمشق.\n"
    evs, recs = extract(t, [M(t, "دمشق", "place")], [], paras(t))
    assert recs[0]["chain"][-1]["kind"] == "unnamed_source"
    assert evs[0].attribution.chain[-1]["kind"] == "unnamed_source"


def test_named_source_short_name_and_trailing_outlet():
    t = ("كشفت شبكة “إن بي سي نيوز” تفاصيل جديدة، وقال كامل صقر إن الأسد لم يكن يعلم.\n"
         "ووفقاً لصقر، غادر الأسد القصر فجراً.\n"
         "المصدر: الحرة\n")
    ms = [M(t, "كامل صقر", "person"), M(t, "الأسد", "person"), M(t, "الأسد", "person", 1)]
    evs, recs = extract(t, ms, [], paras(t), outlet=None)
    dep = [e for e in evs if e.type == "departure"][0]
    chain = names(dep)
    assert chain[0] == ("الحرة", "outlet")                   # trailing المصدر line
    assert ("كامل صقر", "named_source") in chain            # short name resolved
    assert all(r["chain"][0]["kind"] == "outlet" for r in recs)


def test_reporting_verb_is_not_event():
    t = "وقالت وكالة “رويترز” إن القوات انسحبت من المدينة.\n"
    evs, recs = extract(t, [], [], paras(t))
    assert [e.type for e in evs] == ["withdrawal"]
    assert recs[0]["chain"][-1] == {"name": "رويترز", "kind": "wire", "start": t.index("رويترز"),
                                    "end": t.index("رويترز") + len("رويترز")}

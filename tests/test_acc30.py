"""acc30 (issues #14 and #15): accidents are not attacks. A car that overturns or falls is an accident (GUIDELINE.md
`accident`, class other), not a coup or the fall of a place (cues.yaml ``mishap``); a mishap has no doer that the
text does not say caused it (``learned._mishap_bystander``); and in reconcile a specific accident («حريق»، «اصطدام»،
«حادث مروري», or the bare «حادث» of a report that tells its own crash) never joins an attack, an explosion or a
fall: only the bare «الحادث» that a bombing's report also says stays generic (config.json
``events.generic_words``, ``core._mark_specific``)."""
import importlib

from riwaya.analyze import analyze
from riwaya.models import Document
from riwaya.reconcile import core

extract = importlib.import_module("riwaya.events.extract")    # riwaya.events.extract is also a function's name


def _events(text):
    return analyze(Document(id="d", text=text)).events


def _one(evs, *triggers):
    got = [e for e in evs if e.trigger in triggers]
    assert len(got) == 1, [(e.trigger, e.type) for e in evs]
    return got[0]


# ------------------------------------------------------------------ extraction

def test_a_vehicle_that_overturns_is_an_accident_not_a_coup():
    ev = _one(_events("أدى انقلاب سيارة على طريق قرية العجرمية غرب رفحاء إلى وفاة 3 أشخاص وإصابة آخرين."), "انقلاب")
    assert ev.type == "accident" and ev.cls == "other"


def test_the_vehicle_with_its_article_or_pronoun():
    ev = _one(_events("لقي مقيم مصرعه وأصيب 5 آخرون إثر انقلاب السيارة التي تقلهم صباح امس على طريق تثليث."),
              "انقلاب")
    assert ev.type == "accident"
    ev = _one(_events("قتل ضابطا صف في الانفجار الذي أدى إلى انقلاب سيارتهما قرب ديار بكر."), "انقلاب")
    assert ev.type == "accident"


def test_a_coup_stays_a_coup():
    ev = _one(_events("ورفضت الحكومة اليمنية انقلاب الحوثيين على الشرعية في صنعاء."), "انقلاب")
    assert ev.type == "coup"


def test_a_vehicle_that_falls_is_an_accident_not_a_fall():
    ev = _one(_events("وأفاد الدفاع المدني بأن مركز العمليات بلغ بسقوط مركبة على طريق أبها الطائف فجر اليوم."),
              "بسقوط")
    assert ev.type == "accident"


def test_a_city_that_falls_stays_a_fall():
    ev = _one(_events("وأكد المتحدث سقوط مدينة الرمادي بيد تنظيم داعش أمس."), "سقوط")
    assert ev.type != "accident"


def test_a_collapsed_building_is_an_accident():
    ev = _one(_events("لقي ثلاثة عمال مصرعهم إثر انهيار مبنى قديم في حي البلد بجدة أمس."), "انهيار")
    assert ev.type == "accident"


def test_the_mishap_rule_reads_its_words_from_cues():
    lex = extract.load_lexicon()
    m = lex["mishap"]
    assert m["type"] == "accident" and m["from"] == {"coup", "fall"}
    assert {"سياره", "مركبه", "حافله", "مبني"} <= m["nouns"]
    assert "accident" in m["no_doer"]


def test_fires_and_electric_shocks_are_accidents():
    lex = extract.load_lexicon()
    assert lex["ar"].get("حرايق") == "accident"
    assert (["صعق", "كهربايي"], "accident") in lex["ar_multi"]


def test_a_responder_is_no_doer_of_a_drowning():
    evs = _events("وباشرت هيئة الهلال الأحمر بمدينة الرياض اليوم حادثة غرق شاب داخل سد بوادي نمار.")
    acc = [e for e in evs if e.type == "accident"]
    assert acc, [(e.trigger, e.type) for e in evs]
    for ev in acc:
        assert not [a for a in ev.arguments if a.role == "agent"], [(a.role, a.text) for a in ev.arguments]


def test_who_caused_a_mishap_may_be_its_doer():
    learned = importlib.import_module("riwaya.events.learned")
    text = "وتسبب سائق شاحنة في حادث مروري على طريق الرياض."
    T = learned.Text(text)
    ev = type("E", (), {"type": "accident", "trigger": "حادث", "trigger_start": text.index("حادث"), "trigger_end": text.index("حادث") + 4})
    c = type("C", (), {"etype": "np", "start": text.index("سائق"), "end": text.index("سائق") + 10})
    lex = extract.load_lexicon()
    assert not learned._mishap_bystander(T, ev, c, lex)     # a driver: no doer head, and a cause word between
    c2 = type("C", (), {"etype": "organization", "start": text.index("سائق"), "end": text.index("سائق") + 10})
    assert not learned._mishap_bystander(T, ev, c2, lex)    # تسبب between
    text2 = "وباشرت هيئة الهلال الأحمر حادث غرق."
    T2 = learned.Text(text2)
    ev2 = type("E", (), {"type": "accident", "trigger": "حادث", "trigger_start": text2.index("حادث"), "trigger_end": text2.index("حادث") + 4})
    c3 = type("C", (), {"etype": "np", "start": text2.index("هيئة"), "end": text2.index("هيئة") + 18})
    assert learned._mishap_bystander(T2, ev2, c3, lex)


# ------------------------------------------------------------------ reconcile

CRASH = ("لقي 4 أشخاص من أسرة واحدة مصرعهم إثر اصطدام السيارة التي تقلهم بناقة سائبة على طريق المضايا جازان، "
         "وتلقت غرفة العمليات بلاغا عن وقوع حادث على الطريق.")
TRAFFIC = "كما لقي شخصان حتفهما وأصيب ثلاثة آخرون في حادث مروري مروع وقع بين مركبتين على طريق ديراب."
BOMB = ("قتل 15 شخصا في انفجار استهدف مسجدا في مدينة أبها، وأدانت الحكومة الحادث الإرهابي ووصفته بالجبان.")


def _m(text, trigger, doc, typ, cls, nth=0):
    at = -1
    for _ in range(nth + 1):
        at = text.index(trigger, at + 1)
    return {"id": f"{doc}:{at}", "doc": doc, "type": typ, "class": cls, "polarity": "asserted", "trigger": trigger,
            "trigger_start": at, "trigger_end": at + len(trigger), "start": 0, "end": len(text), "participants": [],
            "place": "e:kb:jazan", "time": None}


def _canon(ms, docs):
    return core.canonical_mentions(ms, core.Entities([]), docs)


def test_shipped_setting():
    ev = core.config()["events"]
    assert "accident" in ev["generic_types"]["accident"]
    assert ev["generic_words"]["own_report"] is True
    assert {"حادث", "حادثه"} <= set(ev["generic_words"]["accident"]["words"])


def test_a_mishap_word_is_a_specific_accident():
    docs = {"a": {"text": CRASH}}
    crash, = _canon([_m(CRASH, "اصطدام", "a", "accident", "other")], docs)
    assert crash.get("specific") and not core._features(crash)["generic"]


def test_a_qualified_incident_is_specific():
    docs = {"t": {"text": TRAFFIC}}
    traffic, = _canon([_m(TRAFFIC, "حادث", "t", "accident", "other")], docs)
    assert traffic.get("qualified") and not core._features(traffic)["generic"]


def test_a_report_that_tells_its_crash_makes_its_incident_its_crash():
    docs = {"a": {"text": CRASH}}
    crash, incident = _canon([_m(CRASH, "اصطدام", "a", "accident", "other"),
                              _m(CRASH, "حادث", "a", "accident", "other")], docs)
    assert incident.get("specific") and not core._features(incident)["generic"]


def test_a_bombing_report_keeps_its_incident_generic():
    docs = {"b": {"text": BOMB}}
    bomb, incident = _canon([_m(BOMB, "انفجار", "b", "attack", "harm"), _m(BOMB, "الحادث", "b", "accident", "other")],
                            docs)
    assert not incident.get("specific") and core._features(incident)["generic"]


def test_an_accident_never_joins_an_explosion():
    docs = {"a": {"text": CRASH}, "b": {"text": BOMB}, "t": {"text": TRAFFIC}}
    ms = _canon([_m(CRASH, "اصطدام", "a", "accident", "other"), _m(CRASH, "حادث", "a", "accident", "other"),
                 _m(TRAFFIC, "حادث", "t", "accident", "other"), _m(BOMB, "انفجار", "b", "attack", "harm")], docs)
    feats = [core._features(m) for m in ms]
    bomb = ms[3]
    for k in range(3):
        assert not core._kind_ok(core._cls(ms[k]), feats[k]["group"], feats[k]["generic"], core._cls(bomb),
                                 feats[3]["group"], feats[3]["generic"]), ms[k]["trigger"]
    # two reports of road mishaps can still be one happening
    assert core._kind_ok(core._cls(ms[0]), feats[0]["group"], feats[0]["generic"], core._cls(ms[2]),
                         feats[2]["group"], feats[2]["generic"])


def test_a_bare_incident_may_still_stand_for_a_crash_or_a_bombing():
    docs = {"a": {"text": CRASH}, "b": {"text": BOMB}}
    ms = _canon([_m(CRASH, "اصطدام", "a", "accident", "other"), _m(BOMB, "انفجار", "b", "attack", "harm"),
                 _m(BOMB, "الحادث", "b", "accident", "other")], docs)
    feats = [core._features(m) for m in ms]
    k = lambda i, j: core._kind_ok(core._cls(ms[i]), feats[i]["group"], feats[i]["generic"], core._cls(ms[j]),  # noqa: E731
                                   feats[j]["group"], feats[j]["generic"])
    assert k(2, 1) and k(2, 0)


def test_english_mentions_of_a_generic_type_stay_generic():
    text = "The plane crashed near the airport on Sunday."
    docs = {"e": {"text": text}}
    crash, = _canon([_m(text, "crashed", "e", "accident", "other")], docs)
    assert not crash.get("specific") and core._features(crash)["generic"]


def test_dawn_in_a_time_is_no_detonation():
    # «فجر امس» (dawn yesterday): the proposer's «فجّر» (detonated) inside a time expression is the time's word
    evs = _events("وفي السياق ادى انقلاب مركبة فجر امس بالكيلو 60 بطريق الهجرة باتجاه مكة المكرمة إلى مصرع شخص.")
    assert not [e for e in evs if e.trigger == "فجر"], [(e.trigger, e.type) for e in evs]
    assert _one(evs, "انقلاب").type == "accident"

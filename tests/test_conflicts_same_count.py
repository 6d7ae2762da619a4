"""Two tolls that are the same happening (issue #15, twelfth round): a count contradiction is listed only where
both sides are demonstrably one happening. A toll of a series of fights ("في مواجهات", "معارك") is one report
period's: two such tolls are one only where their sentences tell another figure alike; sides that name places
finer than a country are one only where their finest places meet; a part of a total ("بين القتلى خمسة") is a
refinement; figures whose words tell no toll (two compounds, 65,000 gas cylinders) are not compared; one side's
victims that are the other's doers tell two happenings. Sentences from SaudiNewsNet articles of July-August
2015 (the unseen samples of benchmarks/clusters/unseen_sample.py)."""
import os

from riwaya.reconcile import reconcile
from riwaya.reconcile.values import headed_places, part_told, place_word, series

from tests.test_conflicts_counts import ENTS, _counts, _doc, _k

os.environ.setdefault("RIWAYA_ENCODER", "0")

# Taiz, tuning sample: one day's report of the fighting in the city, told by two outlets (okaz, alweeam)
TAIZ_OKAZ = (" أما في تعز (جنوب صنعاء) فقد أسفرت مواجهات عن مقتل 21 من الحوثيين، وإصابة 36 آخرين، بينما قتل اثنان من "
             "القوات الشرعية.")
TAIZ_WEEAM = ("وفي تعز، أشارت مصادرإلى مقتل 21 وإصابة 36 من الحوثين وقوات صالح ومقتل 3 وإصابة 5 من القوات الشرعية في "
              "مواجهات في المدينة.")
# ... and another day's battles in the same city (alwatan)
TAIZ_WATAN = ("أكدت مصادر يمنية مطلعة أن قوات المقاومة الشعبية واصلت هجماتها على مواقع المتمردين الحوثيين في تعز، مشيرة "
              "إلى أن 25 عنصرا من الجماعة المتمردة لقوا مصرعهم وأصيب 40 آخرون في معارك عنيفة جرت أمس في أحياء الضباب، "
              "وجبل صبر، وشارع الأربعين.")
# Aleppo, third sample: regime air strikes on the province one day, on a village of it the day before
ALEPPO_28 = "قتل 28 مدنيًا في قصف جوي لطائرات نظام بشار الأسد على محافظة حلب شمالي سوريا اليوم."
ALEPPO_12 = ("أعلن المرصد السوري لحقوق الإنسان أن 12 سوريا قتلوا في قصف لطيران النظام السوري بالبراميل المتفجرة أمس "
             "لمناطق في قرية قصر البريج في ريف حلب الشمالي الشرقي.")
# Rafah, tuning sample: one explosion, 4 killed per alwatan, 3 per almadina (a real disagreement)
RAFAH_4 = ("وفي غزة قال مسؤولون في قطاع الصحة وسكان إن انفجارا أسفر عن مقتل أربعة فلسطينيين وإصابة 30 شخصا أمس في "
           "مدينة رفح جنوب قطاع غزة على الحدود مع مصر.")
RAFAH_3 = "قتل 3 فلسطينيين وأصيب 20 آخرون أمس الخميس جراء انفجار غامض داخل منزل في مدينة رفح جنوب قطاع غزة."
# Mali, tuning sample: the hotel attack's toll and the UN mission's contractors among the dead
MALI_12 = ("وقال احد المصادر العسكرية ان \"12 شخصا قتلوا\" خلال الهجوم في فندق بيبلوس، واضاف ان بين القتلى \"خمسة من "
           "القوات المالية وخمسة ارهابيين\" واجنبيان يجري التأكد من هويتهما.")
MALI_5 = ("وقالت البعثة في بيان ان \"حصيلة الطواقم المتعاقدين\" معها بعد الهجوم على فندق بيبلوس في سيفاري هي خمسة "
          "قتلى.")
# fourth sample: two housing compounds struck in Taiz, 65,000 gas cylinders blown up in Taiz
COMPOUNDS = ("وأضافت أنه، في 24 يوليو الماضي، قتل 73 مدنيا على الأقل، بينهم 11 طفلا، وأصيب 93 آخرون، عندما تم ضرب اثنين "
             "من المجمعات السكنية في تعز.")
CYLINDERS = ("واكد ان يوم السبت الماضي 18 يوليو 2015 قامت المليشيات الحوثية وصالح بتفجير الخزانات الاستراتيجية للنفط "
             "والغاز بتعز محدثة كارثة بيئية حقيقة لايمكن تصورها وذلك عبر تفجير 65000 (خمسة وستين ألف) اسطوانة غاز.")

HOUTHIS = {"id": "houthis", "type": "organization", "name_ar": "الحوثيين", "name_en": "the Houthis", "aliases": [],
           "kb_id": "org:houthis", "coordinates": None}


def _pair(a, b, va, vb, ents=ENTS, ka=None, kb=None):
    return _counts(reconcile([_doc("a", a, "A"), _doc("b", b, "B")],
                             [_k("k0", "a", a, va, **(ka or {})), _k("k1", "b", b, vb, **(kb or {}))], ents))


def test_a_series_of_fights_is_read_from_its_words():
    assert series(TAIZ_WEEAM) and series(TAIZ_WATAN) and series(TAIZ_OKAZ)
    assert series("قتلت 23 عنصرا من تنظيم داعش في اشتباكات بمنطقتي حصيبة والمضيق شرقي الرمادي.")
    assert series("Three people were killed in clashes between police and PKK fighters")
    assert not series(RAFAH_3) and not series(ALEPPO_28)


def test_two_days_tolls_of_one_citys_fighting_are_no_rivals():
    """Taiz: 25 Houthis killed in the battles of one day (alwatan) against 21 of another report (alweeam)."""
    assert [c for c in _pair(TAIZ_WATAN, TAIZ_WEEAM, "25", "21") if c["kind"] == "contradiction"] == []


def test_one_report_of_the_fighting_told_twice_still_disagrees():
    """Taiz: both outlets tell 21 Houthis killed and 36 wounded; 2 government dead against 3 is a disagreement."""
    assert [c["kind"] for c in _pair(TAIZ_OKAZ, TAIZ_WEEAM, "اثنان", "3")] == ["contradiction"]


def test_places_compared_at_their_finest():
    assert headed_places(ALEPPO_12) == {"قصر"} and headed_places(ALEPPO_28) == frozenset()
    assert headed_places(RAFAH_3) == {"رفح"} == headed_places(RAFAH_4)
    assert headed_places("في مواجهات في المدينة.") == frozenset()      # "the city": no name
    assert place_word("مدينة حلب") == "حلب" and place_word("الرمادي") == "رمادي"
    # a village's toll against the province's: two days' strikes, not rival accounts (both sentences name Aleppo)
    aleppo = {"id": "aleppo", "type": "place", "name_ar": "حلب", "name_en": "Aleppo", "aliases": [], "kb_id": None,
              "coordinates": [36.2, 37.15], "attrs": {"kind": "city", "country": "SY"}}
    both = {"context": ["aleppo"]}
    assert [c for c in _pair(ALEPPO_28, ALEPPO_12, "28", "12", ENTS + [aleppo], both, both)
            if c["kind"] == "contradiction"] == []
    # the same two sentences with the village's name taken out: one place, the figures disagree
    no_village = ALEPPO_12.replace("لمناطق في قرية قصر البريج في ريف حلب", "لمناطق في ريف حلب")
    assert [c["kind"] for c in _pair(ALEPPO_28, no_village, "28", "12", ENTS + [aleppo], both, both)] \
        == ["contradiction"]
    # one explosion in one town, told by two outlets: a real disagreement
    assert [c["kind"] for c in _pair(RAFAH_4, RAFAH_3, "أربعة", "3")] == ["contradiction"]


def test_a_part_of_the_toll_is_a_refinement():
    assert part_told(MALI_12, 5) and not part_told(MALI_12, 12)
    assert not part_told("وأصيب نحو 30 آخرين بجراح بينهم إصابات خطيرة في انفجار صاروخ", 20)
    assert [c["kind"] for c in _pair(MALI_12, MALI_5, "12", "خمسة")] == ["refinement"]


def test_figures_that_count_no_toll_are_not_compared():
    assert [c for c in _pair(COMPOUNDS, CYLINDERS, "اثنين", "65000") if c["kind"] == "contradiction"] == []


def test_one_sides_victims_that_are_the_others_doers():
    """Taiz, held-out sample: a resistance attack on a Houthi patrol (3 Houthis wounded) against the Houthis'
    shelling of the city (4 civilians wounded): two happenings."""
    a = ("وفي سياق آخر، نفذت المقاومة الشعبية هجوماً استهدف دورية عسكرية تابعة للحوثيين شرق مدينة تعز، أسفر عن "
         "مقتل أربعة وإصابة ثلاثة آخرين من الحوثيين.")
    b = ("وأفادت مصادر شبكة سكاي نيوز عربية في اليمن، بإصابة 4 آخرين في قصف شنه الحوثيون على أحياء سكنية في مدينة "
         "تعز، ليلة السبت.")
    ents = ENTS + [HOUTHIS]
    hit = {"participants": [{"entity": "houthis", "role": "patient", "text": "الحوثيين"}]}
    did = {"participants": [{"entity": "houthis", "role": "agent", "text": "الحوثيون"}]}
    assert [c for c in _pair(a, b, "ثلاثة", "4", ents, hit, did) if c["kind"] == "contradiction"] == []


def test_a_doer_the_other_side_names_is_a_party_not_a_rival(monkeypatch):
    """Fifth sample: the Houthis' shelling of Taiz against a report of the Houthi fighters "fighting the Popular
    Resistance in Taiz": the resistance is the other party of the fight, no rival account of who shelled."""
    from riwaya.reconcile.text import config
    a = ("وفي تعز (جنوب اليمن) قصفت ميليشيات الحوثي عدة أحياء سكنية، ما أسفر عن استشهاد وإصابة عدد من المدنيين، حسب "
         "مصدر طبي.")
    b = ("وأشارت المصادر إلى أن العربتين العسكريتين كانتا في طريقهما إلى محافظة تعز لدعم مقاتلي الحوثي الذين يخوضون "
         "معارك عنيفة ضد المقاومة الشعبية في مدينة تعز.")
    resistance = {"id": "resistance", "type": "organization", "name_ar": "المقاومة الشعبية",
                  "name_en": "the Popular Resistance", "aliases": [], "kb_id": None, "coordinates": None}
    taiz = {"id": "taiz", "type": "place", "name_ar": "تعز", "name_en": "Taiz", "aliases": [], "kb_id": None,
            "coordinates": [13.58, 44.02], "attrs": {"kind": "city", "country": "YE"}}
    ents = ENTS + [HOUTHIS, resistance, taiz]
    ka = {"participants": [{"entity": "houthis", "role": "agent", "text": "ميليشيات الحوثي"}],
          "context": ["houthis", "taiz"], "place": "taiz", "type": "attack"}
    kb = {"participants": [{"entity": "resistance", "role": "agent", "text": "المقاومة الشعبية"}],
          "context": ["houthis", "resistance", "taiz"], "place": "taiz", "type": "attack"}

    def agents():
        out = reconcile([_doc("a", a, "A"), _doc("b", b, "B")], [_k("k0", "a", a, **ka), _k("k1", "b", b, **kb)], ents)
        return [c["kind"] for c in out["conflicts"] if c["field"] == "agent"]
    assert "contradiction" not in agents()
    monkeypatch.setitem(config()["conflicts"]["same_happening"], "parties_named_fields", [])
    assert "contradiction" in agents()

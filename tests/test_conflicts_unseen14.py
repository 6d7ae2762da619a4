"""False contradictions of the fifth unseen SaudiNewsNet sample (issue #15, conf14; read while writing these rules,
benchmarks/data/clusters/unseen_conflicts_judged_session11.tsv): figures of happenings told alike ("three attacks")
are no sign of one toll; a source that cannot confirm the news denies nothing; a place alone anchors two sides only
in reports a few days apart; a later step's time carried by "ومن ثم" is a lower bound. Real sentences."""
import os

from riwaya.reconcile import reconcile
from riwaya.reconcile.context_time import context_time
from riwaya.reconcile.values import count_unit, unconfirmed

from tests.test_conflicts_counts import ENTS, _doc, _k
from tests.test_conflicts_density import _contradictions, _switch

os.environ.setdefault("RIWAYA_ENCODER", "0")

# Baghdad: 4 killed in three incidents "yesterday" (aleqtisadiya, crawled 07-22) vs at least 21 killed in three
# attacks "yesterday evening" (aawsat, crawled 07-23): two days' attacks
BAGHDAD_4 = "ولقي أربعة أشخاص مصرعهم بينما أصيب 20 آخرون بجروح متفاوتة في ثلاثة حوادث أمنية منفصلة في بغداد أمس."
BAGHDAD_21 = "فقد قتل 21 شخصًا على الاقل مساء أمس، في ثلاث هجمات استهدفت مناطق في بغداد."
# Dhale: a spokesman's four rebels killed in an ambush (alyaum 07-27) vs at least 11 Houthis lured into an ambush
# on Wednesday night south of Sanah (aleqtisadiya 07-31): two ambushes
DHALE_4 = ("وفي محافظة الضالع (شمال)، أعلن المتحدث باسم القوات الموالية ناصر الشعيبي مقتل أربعة متمردين في كمين وأسر "
           "119 آخرين.")
DHALE_11 = ("ومن جهة أخرى قتل مالا يقل عن 11 حوثيا وجرح آخرين في عملية نوعية للمقاومة الشعبية تم فيها استدراجهم إلى "
            "كمين محكم ليلة الأربعاء في جبهة القبة جنوب سناح بمحافظة الضالع.")
# the Popular Resistance advances towards Aden's outskirts (alwatan 07-31) and towards Taiz (alyaum 08-08)
ADVANCE_ADEN = "وتقدمت قوات المقاومة الشعبية صوب مناطق مدائن عدن ومنطقة أحواض المجاري."
ADVANCE_TAIZ = "وتواصل قوات المقاومة الشعبية تقدمها باتجاه محافظتي تعز والضالع بحسب مصادر أمنية."
# a general asked about a rumour: "this information is not confirmed to us" (almadina)
NOT_CONFIRMED = ("قال اللواء العمودي: إن هذه المعلومات لم تتأكد لدينا حتى اللحظة، لكن ان كان هذا قد تم بالفعل فمعنى ذلك "
                 "أن زعيم المليشيات الحوثية عبدالملك الحوثي يحاول من وراء ذلك الاحتفاظ بما تبقى له من مليشيات.")
# the morning of the day Kerry meets his Gulf counterparts, "and then" the three-way meeting (alwatan)
KERRY = ("صبيحة اليوم الذي من المقرر أن يجتمع فيه وزير الخارجية الأميركي (جون كيري) مع نظرائه في دول مجلس التعاون "
         "لدول الخليج العربية، ومن ثم الاجتماع الثلاثي الذي يجمع إلى جانب كيري كلاًّ من وزير الخارجية السعودي ونظيره "
         "الروسي، حول الاتفاق النووي والأوضاع في سورية واليمن، طالعتنا وسائل الإعلام الإيرانية")

BAGHDAD = {"id": "baghdad", "type": "place", "name_ar": "بغداد", "name_en": "Baghdad", "aliases": [], "kb_id": None,
           "coordinates": [33.31, 44.36], "attrs": {"kind": "city", "country": "IQ"}}
DHALE = {"id": "dhale", "type": "place", "name_ar": "الضالع", "name_en": "Dhale", "aliases": [], "kb_id": None,
         "coordinates": [13.7, 44.73], "attrs": {"kind": "province", "country": "YE"}}
ADEN = {"id": "aden", "type": "place", "name_ar": "عدن", "name_en": "Aden", "aliases": [], "kb_id": None,
        "coordinates": [12.78, 45.03], "attrs": {"kind": "city", "country": "YE"}}
TAIZ = {"id": "taiz", "type": "place", "name_ar": "تعز", "name_en": "Taiz", "aliases": [], "kb_id": None,
        "coordinates": [13.58, 44.02], "attrs": {"kind": "city", "country": "YE"}}
RESIST = {"id": "resist", "type": "organization", "name_ar": "المقاومة الشعبية", "name_en": "the Popular Resistance",
          "aliases": [], "kb_id": None, "coordinates": None}
ALL = ENTS + [BAGHDAD, DHALE, ADEN, TAIZ, RESIST]


def _pair(a, b, day_a, day_b, ka, kb, field):
    out = reconcile([_doc("a", a, "A", day_a), _doc("b", b, "B", day_b)],
                    [_k("k0", "a", a, **ka), _k("k1", "b", b, **kb)], ALL)
    return _contradictions(out, field)


def test_a_figure_of_attacks_told_alike_is_no_shared_toll(monkeypatch):
    assert count_unit(BAGHDAD_4, 3) == "incidents" and count_unit(BAGHDAD_21, 3) == "incidents"
    assert count_unit(BAGHDAD_21, 21) == "killed" and count_unit(BAGHDAD_4, 20) == "wounded"
    ka = {"amount": "أربعة", "context": ["baghdad"], "place": "baghdad", "time": None}
    kb = {"amount": "21", "context": ["baghdad"], "place": "baghdad", "time": None}
    assert _pair(BAGHDAD_4, BAGHDAD_21, "2015-07-22", "2015-07-23", ka, kb, "amount") == []
    from riwaya.reconcile.values import vconfig
    monkeypatch.setitem(vconfig()["counts"], "happening_units", [])
    assert len(_pair(BAGHDAD_4, BAGHDAD_21, "2015-07-22", "2015-07-23", ka, kb, "amount")) == 1


def test_information_not_confirmed_is_no_denial(monkeypatch):
    assert unconfirmed(NOT_CONFIRMED) and unconfirmed("the reports could not be confirmed independently")
    assert not unconfirmed(DHALE_11)
    lead = {"id": "amh", "type": "person", "name_ar": "عبدالملك الحوثي", "name_en": "Abdul-Malik al-Houthi",
            "aliases": [], "kb_id": None, "coordinates": None}
    other = "وأكدت مصادر قبلية مقتل عبدالملك الحوثي في غارة لطيران التحالف على صعدة."
    victim = {"context": ["amh"], "time": None,
              "participants": [{"entity": "amh", "role": "patient", "text": "عبدالملك الحوثي"}]}

    def listed():
        out = reconcile([_doc("a", NOT_CONFIRMED, "A", "2015-07-22"), _doc("b", other, "B", "2015-07-22")],
                        [_k("k0", "a", NOT_CONFIRMED, chain=(("العمودي", "named_source"),), trigger="مقتل",
                            negated=True, polarity="denied", **victim),
                         _k("k1", "b", other, trigger="مقتل", **victim)], ALL + [lead])
        return _contradictions(out, "polarity")
    assert listed() == []
    _switch(monkeypatch, "unconfirmed_fields", [])
    assert len(listed()) == 1


def test_a_place_alone_anchors_only_reports_a_few_days_apart(monkeypatch):
    """Two ambushes in one province told four days apart; a force's advances towards two cities told eight days
    apart. Told the same day, the same pairs stay listed (a participant, a day, a figure alike would anchor them at
    any distance)."""
    ka = {"amount": "أربعة", "context": ["dhale"], "place": "dhale", "time": None}
    kb = {"amount": "ما لا يقل عن 11", "context": ["dhale"], "place": "dhale", "time": None}
    assert _pair(DHALE_4, DHALE_11, "2015-07-27", "2015-07-31", ka, kb, "amount") == []
    _switch(monkeypatch, "other_matter", False)     # DHALE_11 opens "ومن جهة أخرى": another matter (conf17)
    assert len(_pair(DHALE_4, DHALE_11, "2015-07-27", "2015-07-28", ka, kb, "amount")) == 1
    _switch(monkeypatch, "place_anchor_max_days", None)
    assert len(_pair(DHALE_4, DHALE_11, "2015-07-27", "2015-07-31", ka, kb, "amount")) == 1


def test_a_forces_advances_days_apart_are_two(monkeypatch):
    """Aden's outskirts against Taiz (and Dhale, which the second sentence names too, an area that meets Aden's)."""
    mv = {"class": "movement", "typ": "deployment", "time": None, "amount": None,
          "participants": [{"entity": "resist", "role": "agent", "text": "قوات المقاومة الشعبية"}]}
    ka = {**mv, "trigger": "تقدمت", "context": ["resist", "aden"], "destination": "aden"}
    kb = {**mv, "trigger": "تقدمها", "context": ["resist", "taiz", "dhale"], "destination": "taiz"}
    assert _pair(ADVANCE_ADEN, ADVANCE_TAIZ, "2015-07-31", "2015-08-08", ka, kb, "destination") == []
    assert len(_pair(ADVANCE_ADEN, ADVANCE_TAIZ, "2015-07-31", "2015-07-31", ka, kb, "destination")) == 1
    _switch(monkeypatch, "place_anchor_max_days", None)
    assert len(_pair(ADVANCE_ADEN, ADVANCE_TAIZ, "2015-07-31", "2015-08-08", ka, kb, "destination")) == 1


def test_and_then_gives_a_later_meeting_only_a_lower_bound():
    tm = {"earliest": "2015-08-03T05:00:00+03:00", "latest": "2015-08-03T11:59:59+03:00", "text": "صبيحة اليوم",
          "precision": "part_of_day", "tz": "+03:00"}
    ts = KERRY.index("الاجتماع الثلاثي")
    m = {"id": "m", "doc": "a", "trigger_start": ts, "start": 0, "end": len(KERRY), "time": None,
         "time_before": {"start": 0, "end": len("صبيحة اليوم"), **tm}}
    t = context_time(m, KERRY)
    assert t["inferred"] == "chain" and t["bound"] == "after"

"""Contradictions that stay real when the events model finds more arguments (issue #15, conf13). The all-data
Arabic events model attaches more arguments, so more slots are compared; a side must be told of the same happening:
figures of different magnitude, counts each with a doer of its own, a fight's parties as rival doers, doers at
finest places apart, a claim neither confirmed nor denied, one report on both sides of "did it happen", an actor
told outside the trigger's clause. Sentences from SaudiNewsNet articles of July-August 2015 (the unseen samples of
benchmarks/clusters/unseen_sample.py)."""
import os

from riwaya.reconcile import reconcile
from riwaya.reconcile.text import config
from riwaya.reconcile.values import fight, headed_places, unconfirmed

from tests.test_conflicts_counts import ENTS, _counts, _doc, _k

os.environ.setdefault("RIWAYA_ENCODER", "0")

# held-out sample: 11 young men executed near Mosul (alyaum) vs "more than 2000" executed in Mosul (alweeam)
MOSUL_11 = "أعلن مصدر أمني عراقي أن تنظيم داعش أعدم 11 شابًا بعد اختطافهم من مناطق جنوب وغرب الموصل."
MOSUL_2000 = ("أعدم تنظيم داعش أكثر من 2000 مواطن من سكان مدينة الموصل بحسب ما أكده مسؤول الإعلام في الاتحاد الوطني "
              "الكردستاني بنينوى.")
# held-out sample, Fallujah: army shelling killed five civilians (alyaum) vs IS executed 19 of its men (alwatan)
FALLUJA_5 = ("وقالت المصادر إن القوات العسكرية المتمركزة خارج أسوار قضاء الفلوجة أطلقت قذائف الهاون والدبابات بشكل "
             "عشوائي على الأحياء السكنية شمال ووسط وغربي الفلوجة ما تسبب بمقتل خمسة مدنيين وجرح 11 آخرين.")
FALLUJA_19 = ("وأفاد مصدر أمني، لم يكشف عن اسمه، بأن داعش أعدم 19 شخصا من مرتزقته تحت الجسر القديم في الفلوجة، "
              "لتخاذلهم عن القتال الدائر بينهم وبين الجيش.")
# third sample, Zabadani: the Syrian air force shelled it (alwatan) vs IRGC officers lead its battles (alwatan)
ZABADANI_AIR = ("وقال دي ميستورا إن سلاح الجو السوري قصف مناطق في الزبداني وحولها، وإن مقاتلي المعارضة ردوا بإطلاق "
                "الصواريخ.")
ZABADANI_IRGC = ("وأكدت المصادر أن من يقود معارك الزبداني الحالية هم ضباط من الحرس الثوري الإيراني، وأن عناصر حزب الله "
                 "يتلقون أوامرهم من هؤلاء الضباط.")
# held-out sample, Ramadi: a coalition air strike in Juwayba (alyaum) vs a security forces' operation in Husayba
RAMADI_AIR = ("وأشارت المصادر إلى مقتل ثمانية من تنظيم داعش وتدمير عجلتين عسكريتين في غارة جوية لطيران التحالف الدولي "
              "في منطقة جويبة غربي الرمادي.")
RAMADI_OP = ("وأفاد رئيس اللجنة الأمنية أن القوات الأمنية شنت عملية عسكرية في مناطق حصيبة الشرقية والجزيرة شرقي "
             "الرمادي وتمكنت من قتل 15 عنصرًا من تنظيم داعش.")
# third sample: Turkish sources would neither confirm nor deny a reported road map (aawsat) vs the agreement (okaz)
NEITHER = ("ورفضت المصادر التركية تأكيد أو نفي معلومات أبلغتها مصادر غير رسمية عن أن أوباما وإردوغان اتفقا على خريطة "
           "طريق تتضمن مواجهة خطر داعش.")
AGREED = ("وفي السياق نفسه، قال البيت الأبيض في بيان إن الرئيس الأمريكي باراك أوباما ونظيره التركي رجب طيب أردوغان "
          "اتفقا أثناء اتصال هاتفي ليل الأربعاء على العمل معا.")

PLACES = [{"id": "mosul", "type": "place", "name_ar": "الموصل", "name_en": "Mosul", "aliases": [], "kb_id": None,
           "coordinates": [36.34, 43.13], "attrs": {"kind": "city", "country": "IQ"}},
          {"id": "falluja", "type": "place", "name_ar": "الفلوجة", "name_en": "Fallujah", "aliases": [], "kb_id": None,
           "coordinates": [33.35, 43.78], "attrs": {"kind": "city", "country": "IQ"}},
          {"id": "zabadani", "type": "place", "name_ar": "الزبداني", "name_en": "Zabadani", "aliases": [],
           "kb_id": None, "coordinates": [33.72, 36.1], "attrs": {"kind": "city", "country": "SY"}},
          {"id": "ramadi", "type": "place", "name_ar": "الرمادي", "name_en": "Ramadi", "aliases": [], "kb_id": None,
           "coordinates": [33.42, 43.3], "attrs": {"kind": "city", "country": "IQ"}}]
ACTORS = [{"id": "army_iq", "type": "organization", "name_ar": "القوات العسكرية", "name_en": "the military forces",
           "aliases": [], "kb_id": None, "coordinates": None},
          {"id": "syaf", "type": "organization", "name_ar": "القوات الجوية السورية", "name_en": "the Syrian Air Force",
           "aliases": [], "kb_id": "org:syaf", "coordinates": None},
          {"id": "irgc", "type": "organization", "name_ar": "الحرس الثوري الإيراني", "name_en": "the IRGC",
           "aliases": [], "kb_id": "org:irgc", "coordinates": None},
          {"id": "coalition", "type": "organization", "name_ar": "التحالف الدولي", "name_en": "the coalition",
           "aliases": [], "kb_id": "org:coalition", "coordinates": None},
          {"id": "isf", "type": "organization", "name_ar": "القوات الأمنية", "name_en": "the security forces",
           "aliases": [], "kb_id": None, "coordinates": None},
          {"id": "obama", "type": "person", "name_ar": "باراك أوباما", "name_en": "Barack Obama", "aliases": [],
           "kb_id": None, "coordinates": None},
          {"id": "erdogan", "type": "person", "name_ar": "رجب طيب أردوغان", "name_en": "Recep Tayyip Erdogan",
           "aliases": [], "kb_id": None, "coordinates": None}]
ALL = ENTS + PLACES + ACTORS


def _contradictions(out, field):
    return [c for c in out["conflicts"] if c["field"] == field and c["kind"] == "contradiction"]


def _two(a, b, ka, kb, field, ents=ALL):
    return _contradictions(reconcile([_doc("a", a, "A"), _doc("b", b, "B")],
                                     [_k("k0", "a", a, **ka), _k("k1", "b", b, **kb)], ents), field)


def _switch(monkeypatch, key, value, sub=None):
    cfg = config()["conflicts"]["same_happening"]
    monkeypatch.setitem(cfg[sub] if sub else cfg, key, value)


def test_figures_of_different_magnitude_are_two_happenings(monkeypatch):
    """11 executed near Mosul against "more than 2000" executed in Mosul: a campaign's toll against one day's.
    ("مناطق جنوب وغرب الموصل" names no finer place: a direction after a head noun is no name.)"""
    assert headed_places(MOSUL_11) == frozenset() and headed_places(MOSUL_2000) == {"موصل"}
    ka = {"amount": "11", "context": ["mosul", "isis"], "place": "mosul", "time": None}
    kb = {"amount": "ما لا يقل عن 2000", "context": ["mosul", "isis"], "place": "mosul", "time": None}
    assert _two(MOSUL_11, MOSUL_2000, ka, kb, "amount") == []
    _switch(monkeypatch, "max_ratio", 0, "counts")
    assert len(_two(MOSUL_11, MOSUL_2000, ka, kb, "amount")) == 1
    _switch(monkeypatch, "max_ratio", 5, "counts")          # both told of one day: the figures are compared
    day = lambda k: {x: v for x, v in k.items() if x != "time"}      # noqa: E731  (_k's time: one evening)
    assert len(_two(MOSUL_11, MOSUL_2000, day(ka), day(kb), "amount")) == 1


def test_counts_each_with_a_doer_of_its_own(monkeypatch):
    """Fallujah: army shelling killed five civilians, IS executed 19 of its men: two happenings (told apart by their
    ways of killing too: that check is off here)."""
    _switch(monkeypatch, "means_apart", False, "counts")
    ka = {"amount": "خمسة", "context": ["falluja"], "place": "falluja",
          "participants": [{"entity": "army_iq", "role": "agent", "text": "القوات العسكرية"}]}
    kb = {"amount": "19", "context": ["falluja", "isis"], "place": "falluja",
          "participants": [{"entity": "isis", "role": "agent", "text": "داعش"}]}
    assert _two(FALLUJA_5, FALLUJA_19, ka, kb, "amount") == []
    _switch(monkeypatch, "doers_apart", False, "counts")
    assert len(_two(FALLUJA_5, FALLUJA_19, ka, kb, "amount")) == 1


def test_a_fights_parties_are_no_rival_doers(monkeypatch):
    assert fight("معارك") and fight("بالاشتباكات") and fight("clashes") and not fight("قصف") and not fight("غارة")
    ka = {"typ": "attack", "trigger": "قصف", "context": ["zabadani", "syaf"], "place": "zabadani",
          "participants": [{"entity": "syaf", "role": "agent", "text": "سلاح الجو السوري"}]}
    kb = {"typ": "attack", "trigger": "معارك", "context": ["zabadani", "irgc"], "place": "zabadani",
          "participants": [{"entity": "irgc", "role": "agent", "text": "الحرس الثوري الإيراني"}]}
    for k in (ka, kb):
        k["class"] = "harm"
    assert _two(ZABADANI_AIR, ZABADANI_IRGC, ka, kb, "agent") == []
    _switch(monkeypatch, "fight_fields", [])
    assert len(_two(ZABADANI_AIR, ZABADANI_IRGC, ka, kb, "agent")) == 1


def test_doers_at_finest_places_apart(monkeypatch):
    """Ramadi: a coalition strike in the Juwayba area against an operation of the security forces in Husayba."""
    assert headed_places(RAMADI_AIR) == {"جويبه"} and headed_places(RAMADI_OP) == {"حصيبه"}
    ka = {"typ": "attack", "trigger": "غارة", "context": ["ramadi", "coalition", "isis"], "place": "ramadi",
          "participants": [{"entity": "coalition", "role": "agent", "text": "التحالف الدولي"}]}
    kb = {"typ": "attack", "trigger": "عملية", "context": ["ramadi", "isf", "isis"], "place": "ramadi",
          "participants": [{"entity": "isf", "role": "agent", "text": "القوات الأمنية"}]}
    assert _two(RAMADI_AIR, RAMADI_OP, ka, kb, "agent") == []
    _switch(monkeypatch, "finest_place_fields", [])
    assert len(_two(RAMADI_AIR, RAMADI_OP, ka, kb, "agent")) == 1


def test_neither_confirmed_nor_denied_is_no_denial(monkeypatch):
    assert unconfirmed(NEITHER) and not unconfirmed(AGREED)
    parts = {"participants": [{"entity": "obama", "role": "agent", "text": "أوباما"},
                              {"entity": "erdogan", "role": "agent", "text": "إردوغان"}]}
    ka = {"typ": "agreement", "class": "communication", "trigger": "اتفقا", "negated": True, "polarity": "denied",
          "context": ["obama", "erdogan"], **parts}
    kb = {"typ": "agreement", "class": "communication", "trigger": "اتفقا", "context": ["obama", "erdogan"], **parts}
    assert _two(NEITHER, AGREED, ka, kb, "polarity") == []


# held-out sample: the Houthis moved their tanks toward Marib after their defeat in Aden (aawsat) vs the coalition's
# aircraft foiled an attack the Houthi militias were preparing on Aden (okaz)
HOUTHI_TANKS = ("حيث علم شيوخ القبائل أن الحوثيين حركوا دباباتهم من صنعاء باتجاه مأرب بعد هزيمتهم في عدن والقتال الشرس "
                "في باقي محافظات عدن.")
COALITION_FOILED = ("في غضون ذلك، أفشلت طائرات التحالف العربي هجوما كانت ميليشيات الحوثي تحضر له لمداهمة مدينة عدن إثر "
                    "وصول تعزيزات لها إلى منطقة اللحوم الواقعة بين محافظة لحج وعدن.")


def test_a_doer_named_otherwise_in_the_other_sentence_is_a_party(monkeypatch):
    """"الحوثيين" (an agent resolved to «جماعة أنصار الله») is named in "ميليشيات الحوثي" of the other side."""
    ansar = {"id": "ansar", "type": "organization", "name_ar": "جماعة أنصار الله", "name_en": "Ansar Allah",
             "aliases": [], "kb_id": "org:ansar", "coordinates": None}
    arab = {"id": "arab_coalition", "type": "organization", "name_ar": "التحالف العربي", "name_en": "the Arab coalition",
            "aliases": [], "kb_id": "org:arab", "coordinates": None}
    aden = {"id": "aden", "type": "place", "name_ar": "عدن", "name_en": "Aden", "aliases": [], "kb_id": None,
            "coordinates": [12.78, 45.03], "attrs": {"kind": "city", "country": "YE"}}
    ents = ALL + [ansar, arab, aden]
    ka = {"typ": "attack", "trigger": "هزيمتهم", "context": ["aden", "ansar"], "place": "aden",
          "participants": [{"entity": "ansar", "role": "agent", "text": "الحوثيين"}]}
    kb = {"typ": "attack", "trigger": "هجوما", "context": ["aden", "arab_coalition"], "place": "aden",
          "participants": [{"entity": "arab_coalition", "role": "agent", "text": "التحالف العربي"}]}
    assert _two(HOUTHI_TANKS, COALITION_FOILED, ka, kb, "agent", ents) == []
    _switch(monkeypatch, "parties_named_fields", [])
    assert len(_two(HOUTHI_TANKS, COALITION_FOILED, ka, kb, "agent", ents)) == 1


# tuning sample: the Israeli police arrested ten Jews "yesterday morning" (alyaum, 08-10) vs Israeli forces arrested
# 15 Palestinians "last night" (almadina, 08-07)
ARREST_10 = ("في غضون ذلك، أفادت الإذاعة الإسرائيلية بأن أفراد وحدة التحقيق في الجرائم القومية المتطرفة التابعة لشرطة "
             "لواء الضفة الغربية داهمت، صباح أمس، عدة نقاط استيطانية عشوائية واعتقلت عشرة يهود.")
ARREST_15 = "من جهة أخرى، أفادت تقارير إخبارية الخميس بأن قوات إسرائيلية اعتقلت الليلة الماضية 15 فلسطينيًا في الضفة الغربية."
# third sample, Diyala: a Kirkuk-area strike (a distance from Baghdad named) against Baghdad's bombings
KIRKUK_7 = ("فيما أفاد مصدر أمني عراقي أمس الخميس بمقتل سبعة من عناصر تنظيم داعش غربي كركوك250/كم شمال بغداد.")


def test_yesterday_in_reports_days_apart_is_two_days(monkeypatch):
    west_bank = {"id": "wb", "type": "place", "name_ar": "الضفة الغربية", "name_en": "the West Bank", "aliases": [],
                 "kb_id": None, "coordinates": [31.9, 35.2], "attrs": {"kind": "region", "country": "PS"}}
    ents = ALL + [west_bank]

    def listed():
        out = reconcile([_doc("a", ARREST_10, "A", "2015-08-10"), _doc("b", ARREST_15, "B", "2015-08-07")],
                        [_k("k0", "a", ARREST_10, "عشرة", typ="arrest", context=["wb"], place="wb", time=None),
                         _k("k1", "b", ARREST_15, "15", typ="arrest", context=["wb"], place="wb", time=None)], ents)
        return _contradictions(out, "amount")
    assert listed() == []
    _switch(monkeypatch, "deictic_apart_days", 0)
    _switch(monkeypatch, "place_anchor_max_days", None)     # a place alone, reports 3 days apart (conf14)
    _switch(monkeypatch, "other_matter", False)             # "من جهة أخرى": another matter (conf17)
    assert len(listed()) == 1


def test_a_distances_reference_point_is_not_where_it_happened():
    from riwaya.reconcile.values import reference_places
    assert reference_places(KIRKUK_7) == {"بغداد"}
    assert reference_places("مدينة بعقوبة مركز محافظة ديالى /57 كم شمال شرقي بغداد") == {"بغداد"}
    assert reference_places("killed 60 km north of Baghdad") == {"baghdad"}
    assert reference_places("قتل 3 في كركوك وبغداد") == frozenset()


# fourth sample, Suruc: the first day's toll (okaz, 07-21) against the toll told again on 6 August (alwatan)
SURUC_30 = ("أعلن رئيس الحكومة التركية أحمد داود أوغلو، أن العناصر الأولى للتحقيق تفيد أن تنظيم داعش يقف وراء الاعتداء "
            "الانتحاري الذي استهدف مدينة سوروتش التركية المجاورة للحدود السورية وأوقع 30 قتيلا ونحو 100 جريح.")
SURUC_32 = ("وأطلق الرئيس التركي رجب طيب إردوغان حربا على الإرهاب تستهدف حزب العمال كما تنظيم داعش المتهم بالوقوف خلف "
            "العملية الانتحارية التي وقعت في 20 يوليو الماضي في سوروتش (جنوب) وأدت إلى مقتل 32 من الناشطين الشبان الأكراد.")


def test_a_toll_told_again_weeks_later_revises_the_first(monkeypatch):
    suruc = {"id": "suruc", "type": "place", "name_ar": "سوروتش", "name_en": "Suruc", "aliases": [], "kb_id": None,
             "coordinates": [36.97, 38.42], "attrs": {"kind": "city", "country": "TR"}}
    ents = ALL + [suruc]

    def listed():
        out = reconcile([_doc("a", SURUC_30, "A", "2015-07-21"), _doc("b", SURUC_32, "B", "2015-08-06")],
                        [_k("k0", "a", SURUC_30, "30", context=["suruc", "isis"], place="suruc", time=None),
                         _k("k1", "b", SURUC_32, "32", context=["suruc", "isis"], place="suruc", time=None)], ents)
        return _contradictions(out, "amount")
    assert listed() == []
    _switch(monkeypatch, "retrospective_days", 0, "counts")
    _switch(monkeypatch, "place_anchor_max_days", None)     # a place alone, reports 16 days apart (conf14)
    assert len(listed()) == 1


# held-out sample, Aden: landmines the Houthis planted killed 9 (alweeam) vs Houthi shelling killed five (okaz)
MINES_9 = "ألغام أرضية زرعها الحوثيين تقتل 9 أشخاص في عدن"
SHELLING_5 = ("بالمقابل، أفصحت مصادر طبية لـ«عكاظ»، عن سقوط خمسة قتلى وقرابة مائة جريح في صفوف المدنيين إثر قصف الحوثي "
              "لتجمع سكني في أطراف مدينة عدن الشمالية.")


def test_counts_of_two_ways_of_killing_are_two_happenings(monkeypatch):
    from riwaya.reconcile.values import means_told
    from tests.test_conflicts_same_count import RAFAH_3, RAFAH_4
    assert means_told(MINES_9) == {"mines"} and means_told(SHELLING_5) == {"shelling"}
    assert means_told(RAFAH_4) & means_told(RAFAH_3) == {"bomb"}       # one explosion: still compared
    aden = {"id": "aden", "type": "place", "name_ar": "عدن", "name_en": "Aden", "aliases": [], "kb_id": None,
            "coordinates": [12.78, 45.03], "attrs": {"kind": "city", "country": "YE"}}
    ents = ALL + [aden]
    ka, kb = {"amount": "9", "context": ["aden"], "place": "aden"}, {"amount": "خمسة", "context": ["aden"], "place": "aden"}
    assert _two(MINES_9, SHELLING_5, ka, kb, "amount", ents) == []
    _switch(monkeypatch, "means_apart", False, "counts")
    assert len(_two(MINES_9, SHELLING_5, ka, kb, "amount", ents)) == 1


# fifth sample (this rule was written after its final listings were read): Lavrov and al-Jubeir met in Doha with
# Kerry, "and the next meeting tomorrow, Tuesday, in Moscow" (aljazirah) vs their talks in Moscow (aawsat)
DOHA = ("لقاء لافروف وجبير بحضور كيري في الدوحة والاجتماع القادم غداً الثلاثاء في موسكو بين وزير خارجية المملكة الأستاذ "
        "عادل جبير ووزير خارجية روسيا لافروف.")
MOSCOW = ("من جانبه، أكد وزير الخارجية الروسي سيرغي لافروف في مستهل محادثاته مع نظيره السعودي عادل الجبير في موسكو أن "
          "العلاقات بين الدولتين شهدت تطورا ملحوظا في الآونة الأخيرة.")


def test_a_meetings_place_clashes_only_on_one_day(monkeypatch):
    lavrov = {"id": "lavrov", "type": "person", "name_ar": "سيرغي لافروف", "name_en": "Sergey Lavrov", "aliases": ["لافروف"],
              "kb_id": None, "coordinates": None}
    doha = {"id": "doha", "type": "place", "name_ar": "الدوحة", "name_en": "Doha", "aliases": [], "kb_id": None,
            "coordinates": [25.29, 51.53], "attrs": {"kind": "city", "country": "QA"}}
    moscow = {"id": "moscow", "type": "place", "name_ar": "موسكو", "name_en": "Moscow", "aliases": [], "kb_id": None,
              "coordinates": [55.75, 37.62], "attrs": {"kind": "city", "country": "RU"}}
    ents = ALL + [lavrov, doha, moscow]
    meet = {"typ": "meeting", "class": "communication", "trigger": "لقاء",
            "participants": [{"entity": "lavrov", "role": "agent", "text": "لافروف"}]}
    ka = {**meet, "place": "doha", "context": ["lavrov", "doha", "moscow"], "time": None}
    kb = {**meet, "place": "moscow", "context": ["lavrov", "moscow"], "time": None}
    assert _two(DOHA, MOSCOW, ka, kb, "place", ents) == []
    by_field = {k: v for k, v in config()["conflicts"]["same_happening"]["anchors_by_field"].items()
                if k != "communication.place"}
    _switch(monkeypatch, "anchors_by_field", by_field)
    assert len(_two(DOHA, MOSCOW, ka, kb, "place", ents)) == 1

"""A toll told as "N of a group and M others" (issue #15, recon37; the sixth written-on sample's Asir mosque bombing):
«استشهد عشرة من منسوبي قوات الطوارىء الخاصة وثلاثة آخرون» tells ten of the forces and three others, a toll of 13 of
which the 10 is a part; against the ministry's "about 15" it is a refinement, not a rival account
(``values.others_of``, ``conflicts._others_of_part``, config conflicts.counts.others_of). Real-looking sentences."""
import os

from riwaya.reconcile import reconcile
from riwaya.reconcile.text import config
from riwaya.reconcile.values import others_of

from tests.test_conflicts_counts import _doc, _k
from tests.test_conflicts_density import _contradictions
from tests.test_conflicts_voices18 import ALL, KA

os.environ.setdefault("RIWAYA_ENCODER", "0")

RIYADH = ("استشهد عشرة من منسوبي قوات الطوارىء الخاصة وثلاثة آخرون وأصيب تسعة آخرين ثلاثة منهم إصاباتهم بالغة في "
          "تفجير إرهابي جبان استهدف مسجد القوات في منطقة عسير.")
ABOUT_15 = ("أعلنت وزارة الداخلية استشهاد نحو 15 شخصاً في مسجد تابع لقوات الطوارئ في منطقة عسير، بينهم طلبة، وجرح قرابة "
            "سبعة آخرين، وذلك في تفجير انتحاري جبان.")
THIRTY = "أعلنت وزارة الداخلية استشهاد 30 شخصاً في مسجد تابع لقوات الطوارئ في منطقة عسير في تفجير انتحاري جبان."


def test_shipped_setting():
    assert config()["conflicts"]["counts"]["others_of"] is True


def test_some_of_a_group_and_others_beside_them():
    assert others_of(RIYADH, 10) == 3
    assert others_of("استشهد 10 من منسوبي قوات الطوارئ الخاصة و3 آخرين في التفجير.", 10) == 3
    assert others_of("قتل 10 من الجنود و ثلاثة عشر آخرون في الهجوم.", 10) == 13
    assert others_of("Ten of the soldiers and three others were killed in the blast.", 10) == 3
    # the figure must be the one told with its group
    assert others_of(RIYADH, 3) is None and others_of(RIYADH, 9) is None


def test_others_of_another_toll_are_not_read():
    # "وأصيب ثلاثة آخرون": the others are the wounded, told by a verb of their own
    assert others_of("قتل عشرة من الجنود وأصيب ثلاثة آخرون في الهجوم.", 10) is None
    assert others_of("قتل عشرة من الجنود وثلاثة آخرون أصيبوا في الهجوم.", 10) is None
    assert others_of("أكدت وزارة الدفاع مقتل تسعة من جنود الجيش وجرح اثنين آخرين بعد تعرضهم لإطلاق نار.", 9) is None
    # "وثلاثة عاملين": another group counted beside them, not others
    assert others_of("استشهد 10 من منسوبي قوات الطوارئ الخاصة وثلاثة عاملين.", 10) is None


def _pair(a, na, b, nb):
    docs = [_doc("a", a, "الرياض", "2015-08-07"), _doc("b", b, "الاقتصادية", "2015-08-07")]
    ms = [_k("k0", "a", a, amount=na, chain=[("الرياض", "outlet")], **KA),
          _k("k1", "b", b, amount=nb, chain=[("الاقتصادية", "outlet"), ("وزارة الداخلية", "organization")], **KA)]
    return _contradictions(reconcile(docs, ms, ALL), "amount")


def test_a_part_of_a_toll_that_agrees_is_no_rival(monkeypatch):
    assert _pair(RIYADH, "عشرة", ABOUT_15, "نحو 15") == []
    monkeypatch.setitem(config()["conflicts"]["counts"], "others_of", False)
    assert len(_pair(RIYADH, "عشرة", ABOUT_15, "نحو 15")) == 1


def test_a_toll_that_differs_stays_a_rival():
    # ten and three others (13) against 30: two tolls
    assert len(_pair(RIYADH, "عشرة", THIRTY, "30")) == 1


def test_short_name_links_ship_on_with_the_part_read():
    """recon35's link of a given name alone to the full name ships on with others_of (recon37): the merge it made on
    the sixth written-on sample set Al Riyadh's "ten and three others" beside the ministry's "about 15"."""
    assert config()["events"]["short_name_links"] == {"max_words": 1}

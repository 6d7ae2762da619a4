"""An ordinal or recency qualifier of a happening tells two happenings apart (issue #15, ord31;
``events.ordinals_apart``, ``core.happening_ordinals``, ``core._ordinals_apart``; data/reconcile/ordinals.yaml): a hotel
food poisoning of pilgrims was reported twice in one week, and the event of the second took in one quote about the
first («الحادثة الأولى» against «الحادثة الجديدة»). Two mentions whose triggers carry qualifiers of two classes the
table pairs apart (first / second, first / new, previous / new) are never one happening, at the pair gate and at the
cluster join; the same class on both sides, or none on one, says nothing."""
import pytest

from riwaya.reconcile import core

FIRST = ("وكانت الحادثة الأولى قد وقعت الأسبوع الماضي حين أصيب 40 حاجا سعوديا بتسمم غذائي في فندق بمدينة مشهد.")
NEW = ("وأصيب 25 حاجا سعوديا بتسمم غذائي صباح الثلاثاء في الفندق، وقالت البعثة إن الحادثة الجديدة وقعت أثناء وجبة "
       "الإفطار.")
SECOND = "وأوضح المسؤول أن الحادثة الثانية وقعت في فندق آخر بالمدينة نفسها."
PLAIN = "وأعلنت وزارة الحج أن الحادثة وقعت في فندق بمدينة مشهد."


def _mention(text, trigger, doc, type_="accident", cls="other"):
    at = text.index(trigger)
    return {"id": f"{doc}:{at}", "doc": doc, "type": type_, "class": cls, "polarity": "asserted", "trigger": trigger,
            "trigger_start": at, "trigger_end": at + len(trigger), "start": 0, "end": len(text), "participants": []}


def _ordinals(text, trigger, nth=0):
    at = -1
    for _ in range(nth + 1):
        at = text.index(trigger, at + 1)
    return set(core.happening_ordinals({"trigger_start": at, "trigger_end": at + len(trigger)}, text))


def test_shipped_setting():
    # shipped off in the twenty-eighth session (a reconcile switch within 0.002 of dev B-cubed ships off)
    import json
    from pathlib import Path
    shipped = json.loads((Path(core.__file__).parents[1] / "data" / "reconcile" / "config.json").read_text("utf-8"))
    assert shipped["events"]["ordinals_apart"] is None


@pytest.fixture(autouse=True)
def _rule_on():
    """The tests below pin the rule as it works when turned on."""
    cfg = core.config()["events"]
    saved = cfg["ordinals_apart"]
    cfg["ordinals_apart"] = {"pairs": True, "joins": True}
    yield
    cfg["ordinals_apart"] = saved


@pytest.mark.parametrize("text,trigger,expected", [
    (FIRST, "الحادثة", {"first"}),
    (NEW, "الحادثة", {"later"}),
    (SECOND, "الحادثة", {"second"}),
    (PLAIN, "الحادثة", set()),
    ("وأسفر هجوم جديد على نقطة تفتيش عن مقتل جنديين.", "هجوم", {"later"}),         # indefinite noun and adjective
    ("وأضاف أن الانفجار الأول نجم عن تفجير سيارة ملغومة.", "الانفجار", {"first"}),
    ("ويلعب المنتخب مواجهته الثانية غدا.", "مواجهته", {"second"}),    # a noun with his: definite
    ("وصدر حكم جديد بحق المتهم.", "حكم", {"later"}),
    ("وتبنى التنظيم الهجوم السابق على المسجد.", "الهجوم", {"earlier"}),
    ("The latest attack killed three soldiers near the border.", "attack", {"latest"}),
    ("وقال إن الهجوم الأخير استهدف المنطقة.", "الهجوم", {"latest"}),
    ("The second suicide attack killed two policemen.", "attack", {"second"}),
    ("Officials said the previous bombing had targeted a market.", "bombing", {"earlier"}),
])
def test_a_trigger_reads_its_qualifier(text, trigger, expected):
    assert _ordinals(text, trigger) == expected


@pytest.mark.parametrize("text,trigger", [
    ("ونفذ المسلحون هجوم الأسبوع الماضي على الحاجز.", "هجوم"),              # a time, not a qualifier
    ("وهو أول هجوم من نوعه في المنطقة.", "هجوم"),                            # a record: the first of its kind
    ("ويعد أول هجوم على العاصمة منذ عامين.", "هجوم"),                         # the first since
    ("وقررت المحكمة تعزير الأول بسجنه 30 عاما.", "تعزير"),                   # sentencing the first (defendant)
    ("فيما تعرض شخص آخر لإصابة متوسطة.", "لإصابة"),                           # another person, not the latest
    ("وهذه هي المرة الأولى التي يهاجم فيها التنظيم المدينة.", "يهاجم"),       # the first time: an idiom
    ("For the first time they attacked the capital.", "attacked"),
    ("It was the first attack on the capital since 2014.", "attack"),
    ("وقعت الحادثة، الأولى من نوعها.", "الحادثة"),                          # a comma ends the phrase
    # a rank bounded by what follows is a record, not the story's own series
    ("وتعد هذه الزيارة الأولى لوزير الخارجية السوري إلى مسقط.", "الزيارة"),
    ("وقع التفجير الأول في منطقة عسير.", "التفجير"),
    ("وهو أول هجوم على المدينة.", "هجوم"),
    # an Arabic rank before its noun is mostly a record (or a title: «الفريق أول»): not read
    ("شنت الولايات المتحدة أول غارات جوية لدعم تلك القوة.", "غارات"),
    ("ويعد هذا ثاني تفجير يستهدف المدينة.", "تفجير"),
    ("It was the first attack on the capital, police said.", "attack"),
])
def test_no_qualifier_is_read(text, trigger):
    assert _ordinals(text, trigger) == set()


def test_which_classes_are_apart():
    assert core._ordinals_apart({"first"}, {"later"})
    assert core._ordinals_apart({"first"}, {"second"})
    assert core._ordinals_apart({"earlier"}, {"later"})
    # the same second round told by two papers is one; a second that is the new one may be one
    assert not core._ordinals_apart({"second"}, {"second"})
    assert not core._ordinals_apart({"second"}, {"later"})
    assert not core._ordinals_apart({"first"}, {"earlier"})
    assert not core._ordinals_apart({"first"}, set())
    # the latest may be a recent one told in the background («زيارته الأخيرة»): apart from the first only
    assert core._ordinals_apart({"first"}, {"latest"})
    assert not core._ordinals_apart({"earlier"}, {"latest"})
    assert not core._ordinals_apart({"later"}, {"latest"})


def test_the_first_and_the_new_poisoning_are_two_happenings():
    docs = {"d1": {"text": FIRST}, "d2": {"text": NEW}, "d3": {"text": SECOND}}
    a, b, c = core.canonical_mentions([_mention(FIRST, "الحادثة", "d1"), _mention(NEW, "الحادثة", "d2"),
                                       _mention(SECOND, "الحادثة", "d3")], core.Entities([]), docs)
    assert a["ordinals"] == ["first"] and b["ordinals"] == ["later"] and c["ordinals"] == ["second"]
    fa, fb, fc = (core._features(x) for x in (a, b, c))
    assert not core._pair_ok(a, b, fa, fb)
    assert not core._pair_ok(a, c, fa, fc)
    assert core._pair_ok(b, c, fb, fc)      # the new one may be the second


def test_one_report_tells_two_happenings():
    text = NEW + " " + FIRST
    docs = {"d": {"text": text}}
    new, first = core.canonical_mentions([_mention(text, "الحادثة", "d"),
                                          {**_mention(text, "الحادثة", "d"), "trigger_start": text.index("الحادثة الأولى"),
                                           "trigger_end": text.index("الحادثة الأولى") + 7}],
                                         core.Entities([]), docs)
    assert not core._pair_ok(new, first, core._features(new), core._features(first))


def test_a_cluster_that_holds_the_new_one_takes_no_first():
    # a plain report joins either; once it holds the new one, the first is refused at the join
    docs = {"d1": {"text": FIRST}, "d2": {"text": NEW}, "d3": {"text": PLAIN}}
    canon = core.canonical_mentions([_mention(FIRST, "الحادثة", "d1"), _mention(NEW, "الحادثة", "d2"),
                                     _mention(PLAIN, "الحادثة", "d3")], core.Entities([]), docs)
    feats = [core._features(m) for m in canon]
    summ = core.mention_summaries(canon, feats)
    cfg = core.config()["events"]
    assert core._clusters_ok(summ[0], summ[2], cfg, core._eq_place)
    assert core._clusters_ok(summ[1], summ[2], cfg, core._eq_place)
    core.join_clusters(1, 2, core.pair_links({}), {0: [0], 1: [1], 2: [2]}, [0, 1, 2], summ)
    assert not core._clusters_ok(summ[0], summ[1], cfg, core._eq_place)


def test_the_switch_off_reads_nothing():
    docs = {"d1": {"text": FIRST}, "d2": {"text": NEW}}
    cfg = core.config()["events"]
    saved = cfg["ordinals_apart"]
    try:
        cfg["ordinals_apart"] = None
        a, b = core.canonical_mentions([_mention(FIRST, "الحادثة", "d1"), _mention(NEW, "الحادثة", "d2")],
                                       core.Entities([]), docs)
        assert "ordinals" not in a and "ordinals" not in b
        assert core._pair_ok(a, b, core._features(a), core._features(b))
    finally:
        cfg["ordinals_apart"] = saved

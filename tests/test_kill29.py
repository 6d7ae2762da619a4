"""Two killings one report tells are two happenings (issue #15, kill29; ``events.sides_apart``, ``core.harm_sides``,
``core._sides_apart``; actor_families.yaml ``sides``): an Algerian paper told the ambush that killed nine soldiers
and the army's operation that killed sixteen al-Qaeda members after it; with the narrative time as the pair scorer's
cue (ctx28) the two were merged with another paper's ambush and listed as a contradiction of 9 against 16. A harm
reads the sides it befell (its patients and targets, whom its own figure counts) and that did it (its own agents):
soldiers killed against militants killed, or a harm done by the side the other befell, are two happenings, at the
pair gate and at the cluster join. And a figure told as «اثنان آخران» after «أحد المهاجمين» counts the rest of a
toll, a part of another report's total, no rival of it (``values.others_told``, config conflicts.counts.others)."""
from riwaya.reconcile import core
from riwaya.reconcile.values import others_told

AMBUSH = ("أكدت وزارة الدفاع الجزائرية في بيان مقتل تسعة من جنود الجيش وجرح اثنين آخرين بعد تعرضهم لإطلاق نار "
          "بولاية عين الدفلى.")
REPRISAL = ("ذكرت صحيفة جزائرية أن قوات الجيش قتلت 16 عنصراً من القاعدة في عملية لا تزال متواصلة وجاءت رداً على "
            "الهجوم الذي استهدف دورية للجيش.")
QAEDA = {"id": "e:org:al-qaeda", "type": "organization", "name_ar": "تنظيم القاعدة", "name_en": "al-Qaeda",
         "aliases": ["القاعدة"], "attrs": {"kind": "armed_group"}}


def _ents():
    return core.Entities([QAEDA])


def _killing(text, trigger, doc, participants, amount=None, place="e:kb:ain-defla"):
    at = text.index(trigger)
    return {"id": f"{doc}:{at}", "doc": doc, "type": "killing", "class": "harm", "polarity": "asserted",
            "trigger": trigger, "trigger_start": at, "trigger_end": at + len(trigger), "start": 0, "end": len(text),
            "participants": [{"entity": e, "role": r, "text": e} for r, e in participants], "amount": amount,
            "place": place}


def _canon(ms, docs):
    return core.canonical_mentions(ms, _ents(), docs)


def test_shipped_setting():
    rule = core.config()["events"]["sides_apart"]
    assert rule["classes"] == ["harm"] and rule.get("pairs", True) and rule.get("joins", True)


def test_a_span_is_read_for_its_side():
    e = _ents()
    assert core._span_sides("raw:ثلاثه من جنود القوات المسلحه", e) == {"security"}
    assert core._span_sides("raw:قوات الجيش", e) == {"security"}
    assert core._span_sides("raw:مجموعه ارهابيه", e) == {"fighters"}
    assert core._span_sides("raw:17 متمردا", e) == {"fighters"}      # the accusative's alif off
    assert core._span_sides("raw:مدنيين", e) == {"civilians"}
    # an organisation named inside the span, by its knowledge-base kind
    assert core._span_sides("raw:16 عنصرا من القاعده", e) == {"fighters"}
    assert core._span_sides("e:org:al-qaeda", e) == {"fighters"}
    # a thing struck that carries soldiers names no soldiers: only the span's first words are read
    assert core._span_sides("raw:وحدات تكتيكيه ودبابات وناقله جنود", e) == frozenset()
    # a person, a place, a mere number: no side
    assert core._span_sides("raw:ثلاثه اشخاص", e) == frozenset()


def test_two_killings_of_two_sides_are_apart():
    S, F, C = frozenset({"security"}), frozenset({"fighters"}), frozenset({"civilians"})
    none = frozenset()
    assert core._sides_apart(S, none, F, S)          # soldiers killed / militants the army killed
    assert core._sides_apart(S, F, none, S)          # soldiers killed by militants / the army killed (whom untold)
    assert core._sides_apart(C, none, S, none)
    # one side in common: a toll of soldiers and militants against soldiers killed
    assert not core._sides_apart(S | F, none, S, none)
    # nothing known on one side: no evidence either way
    assert not core._sides_apart(S, none, none, none)
    # an insider's attack: soldiers killed by a soldier, against a soldier who killed (whom untold)
    assert not core._sides_apart(S, S, none, S)
    # a fight of both sides told by one report's doers: no reprisal of one side
    assert not core._sides_apart(S, none, none, S | F)
    # armed groups fight each other: rebels kidnapped against a kidnapping by an armed group may be one
    assert not core._sides_apart(F, none, none, F)


def test_a_figure_counts_its_group():
    text = "قالت مصادر أمنية إن 14 جنديا قتلوا في الهجوم."
    m = _killing(text, "قتلوا", "d9", [], amount="14")
    (c,) = _canon([m], {"d9": {"text": text}})
    assert c.get("victim_sides") == ["security"]


def test_the_ambush_and_the_reprisal_are_not_one_killing():
    docs = {"d1": {"text": AMBUSH}, "d2": {"text": REPRISAL}}
    ambush = _killing(AMBUSH, "مقتل", "d1", [("patient", "تسعة من جنود الجيش")], amount="9")
    reprisal = _killing(REPRISAL, "قتلت", "d2", [("agent", "قوات الجيش"), ("patient", "16 عنصراً من القاعدة")],
                        amount="16")
    a, b = _canon([ambush, reprisal], docs)
    assert a["victim_sides"] == ["security"]
    assert b["victim_sides"] == ["fighters"] and b["doer_sides"] == ["security"]
    fa, fb = core._features(a), core._features(b)
    assert not core._pair_ok(a, b, fa, fb)
    # the rule off: the same two may be one
    cfg = core.config()["events"]
    saved = cfg["sides_apart"]
    try:
        cfg["sides_apart"] = None
        a0, b0 = _canon([ambush, reprisal], docs)
        assert "victim_sides" not in a0 and core._pair_ok(a0, b0, core._features(a0), core._features(b0))
    finally:
        cfg["sides_apart"] = saved


def test_a_cluster_that_holds_the_ambush_takes_no_reprisal():
    # a third paper's killing with no side told joins the ambush; the reprisal is then refused at the join
    third = "وأفاد مصدر بمقتل عدد في عين الدفلى."
    docs = {"d1": {"text": AMBUSH}, "d2": {"text": REPRISAL}, "d3": {"text": third}}
    ms = [_killing(AMBUSH, "مقتل", "d1", [("patient", "تسعة من جنود الجيش")], amount="9"),
          _killing(REPRISAL, "قتلت", "d2", [("agent", "قوات الجيش"), ("patient", "16 عنصراً من القاعدة")]),
          _killing(third, "بمقتل", "d3", [])]
    canon = _canon(ms, docs)
    feats = [core._features(m) for m in canon]
    summ = core.mention_summaries(canon, feats)
    cfg = core.config()["events"]
    assert core._clusters_ok(summ[0], summ[2], cfg, core._eq_place)
    assert core._clusters_ok(summ[1], summ[2], cfg, core._eq_place)
    core.join_clusters(0, 2, core.pair_links({}), {0: [0], 1: [1], 2: [2]}, [0, 1, 2], summ)
    assert not core._clusters_ok(summ[0], summ[1], cfg, core._eq_place)


def test_other_classes_read_no_sides():
    text = "وصل قائد الجيش إلى المدينة."
    m = {"id": "d:0", "doc": "d", "type": "arrival", "class": "movement", "polarity": "asserted", "trigger": "وصل",
         "trigger_start": 0, "trigger_end": 3, "start": 0, "end": len(text),
         "participants": [{"entity": "قائد الجيش", "role": "agent", "text": "قائد الجيش"}]}
    (c,) = _canon([m], {"d": {"text": text}})
    assert "victim_sides" not in c and "doer_sides" not in c


def test_two_others_after_one_of_them_are_the_rest_of_a_toll():
    s = ("وقال مكتب حاكم إسطنبول إن أحد المهاجمين قتل خلال التفجير في حين لقي اثنان آخران وضابط شرطة حتفهم في "
         "تبادل لإطلاق النار لاحقا.")
    assert others_told(s, 2)
    assert others_told("One of the attackers died in the blast and two others were killed later.", 2)
    # «اثنين آخرين» wounded after nine killed: no one counted before them, the wounded's own figure
    assert not others_told("أكدت وزارة الدفاع مقتل تسعة من جنود الجيش وجرح اثنين آخرين بعد تعرضهم لإطلاق نار.", 2)
    # the figure must be the one told as others
    assert not others_told(s, 3)


def test_a_household_is_a_part_of_a_toll():
    s = "وقال سكان ومقاتلون محليون، إن قصفا شنه الحوثيون قتل أسرة من ثمانية أفراد في منطقة دار سعد."
    assert others_told(s, 8)
    assert others_told("The shelling killed a family of five.", 5)
    assert not others_told("وتسبب قصف مدفعي للحوثيين في مقتل 43 شخصا وإصابة 173 يوم الأحد في حي دار سعد.", 43)

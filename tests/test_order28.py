"""A body's decisions told in one list are not one happening (issue #15, order28; ``events.object_apart``,
``core.object_words``, ``core._objects_apart``): the Saudi cabinet's session reports («أولاً: وافق مجلس الوزراء على
...»، «ثانياً: قرر ...») were merged as one order of 70 mentions in the fifteenth blind sample, since the merge compares
actors, times and places, never what was ordered, approved or decided. Two mentions of an order, a request, an
announcement or a promise whose objects (the content words of the clause after the trigger) share at most one word
(and at most a fifth of their words) are two happenings, as a pair gate and as a cluster check."""
import pytest

from riwaya.reconcile import core

REPORT = ("عقد مجلس الوزراء جلسته أمس برئاسة خادم الحرمين الشريفين وقرر ما يلي:\n\n"
          " خامسًا: وافق مجلس الوزراء على اعتماد الحساب الختامي للمؤسسة العامة للموانئ للعام المالي 1434 - 1435هـ.\n\n"
          " سادسًا: وافق مجلس الوزراء على تعديل المادة السادسة من نظام مكافحة جرائم المعلوماتية.\n\n"
          " سابعًا: وافق مجلس الوزراء على تعيين المهندس عبد الله بن أحمد الغامدي على وظيفة مهندس مستشار مدني.\n")
# another paper's account of the fifth item, in other words
OTHER = "وأقر مجلس الوزراء في جلسته أمس الحساب الختامي لمؤسسة الموانئ عن العام المالي المنصرم."


def _mention(text, nth, trigger="وافق", typ="order", doc="d1"):
    """A canonical mention of the ``nth`` «trigger» of ``text``, its doer «مجلس الوزراء» right after it."""
    at = -1
    for _ in range(nth + 1):
        at = text.index(trigger, at + 1)
    agent = text.index("مجلس الوزراء", at)
    end = text.find("\n", at)
    return {"id": f"{doc}:{at}", "doc": doc, "type": typ, "class": "communication", "polarity": "asserted",
            "trigger": trigger, "trigger_start": at, "trigger_end": at + len(trigger), "start": 0,
            "end": end if end > 0 else len(text),
            "participants": [{"entity": "e:org:cabinet", "role": "agent", "start": agent,
                              "end": agent + len("مجلس الوزراء"), "text": "مجلس الوزراء"}]}


def _w(word, lang="ar"):
    return f"{lang}:{core._strip_proclitic(core.normalize(word).strip())}"


def _with_object(m, text):
    return {**m, "object": core.object_words(m, text)}


def test_shipped_setting():
    rule = core.config()["events"]["object_apart"]
    assert {"order", "request", "announcement"} <= set(rule["types"])
    # a statement tells several things at once («أدانت ... وأعربت عن تعازيها»): its contents are one happening
    assert "statement" not in rule["types"]
    assert rule["min_words"] >= 2 and 0.0 <= rule["max_jaccard"] < 0.3


def test_the_object_is_the_clause_after_the_trigger_less_its_doer_and_common_words():
    words = core.object_words(_mention(REPORT, 0), REPORT)
    assert {_w("اعتماد"), _w("الحساب"), _w("الختامي"), _w("للموانئ")} <= words
    # the doer's words, the trigger and the common words (على، العامة is not that common) are not the object
    assert _w("مجلس") not in words and _w("الوزراء") not in words and _w("وافق") not in words
    assert _w("علي") not in words
    # a list item ends at its full stop: the next item's words are not this one's
    assert _w("تعديل") not in words


def test_two_items_of_one_list_are_two_decisions():
    a, b, c = (core.object_words(_mention(REPORT, k), REPORT) for k in range(3))
    assert core._objects_apart(a, b) and core._objects_apart(a, c) and core._objects_apart(b, c)


def test_two_decisions_that_share_only_the_formula_word_are_two():
    # «قرر مجلس الوزراء الموافقة على ...»: the formula's «الموافقة» is in every item; one word of seven is not one thing
    text = ("رابعاً: قرر مجلس الوزراء الموافقة على تعيين كل من الأستاذ أحمد بن صالح الحميدان ممثلا لوزارة العمل.\n"
            "خامساً: قرر مجلس الوزراء الموافقة على اتفاقية بشأن حماية التراث الثقافي المغمور بالمياه.\n")
    a, b = (core.object_words(_mention(text, k, trigger="قرر"), text) for k in range(2))
    assert _w("الموافقة") in a & b
    assert core._objects_apart(a, b)


def test_one_decision_told_by_two_papers_in_other_words_stays_one():
    a = core.object_words(_mention(REPORT, 0), REPORT)
    other = _mention(OTHER, 0, trigger="وأقر", doc="d2")
    b = core.object_words(other, OTHER)
    assert a & b and not core._objects_apart(a, b)


def test_too_short_an_object_tells_nothing():
    assert not core._objects_apart(frozenset({_w("اعتماد")}), frozenset({_w("تعيين"), _w("مهندس")}))
    assert not core._objects_apart(frozenset(), frozenset({_w("تعيين"), _w("مهندس")}))


def test_the_pair_gate_and_the_cluster_check():
    m0, m1 = (_with_object(_mention(REPORT, k), REPORT) for k in range(2))
    f0, f1 = core._features(m0), core._features(m1)
    assert not core._pair_ok(m0, m1, f0, f1)
    summ = core.mention_summaries([m0, m1], [f0, f1])
    assert not core._clusters_ok(summ[0], summ[1], core.config()["events"], core._eq_place)
    # without objects (the rule off) the same two may be one
    bare = [{k: v for k, v in m.items() if k != "object"} for m in (m0, m1)]
    fb = [core._features(m) for m in bare]
    assert core._pair_ok(bare[0], bare[1], fb[0], fb[1])


def test_a_cluster_joined_by_one_item_takes_no_other_item():
    m0, m1 = (_with_object(_mention(REPORT, k), REPORT) for k in range(2))
    other = _mention(OTHER, 0, trigger="وأقر", doc="d2")
    m2 = _with_object(other, OTHER)
    feats = [core._features(m) for m in (m0, m1, m2)]
    summ = core.mention_summaries([m0, m1, m2], feats)
    cfg = core.config()["events"]
    assert core._clusters_ok(summ[0], summ[2], cfg, core._eq_place)
    # the fifth item with its other paper's account, then the sixth item: refused
    core.join_clusters(0, 2, core.pair_links({}), {0: [0], 1: [1], 2: [2]}, [0, 1, 2], summ)
    assert not core._clusters_ok(summ[0], summ[1], cfg, core._eq_place)


def test_types_outside_the_rule_read_no_object():
    attack = {**_mention(REPORT, 0), "type": "attack", "class": "harm"}
    assert not core._features(attack)["object"]


def test_a_statements_two_contents_stay_one_statement(monkeypatch):
    text = ("أدانت مملكة البحرين التفجير الإرهابي الذي استهدف مسجد قوات الطوارئ في عسير.\n"
            "وأعربت مملكة البحرين عن تعازيها ومواساتها للشعب السعودي ولأسر الشهداء.\n")
    m = [{"doc": "d", "type": "statement", "class": "communication", "polarity": "asserted",
          "trigger_start": text.index(t), "trigger_end": text.index(t) + len(t), "start": 0, "end": len(text),
          "participants": []} for t in ("أدانت", "وأعربت")]
    canon = core.canonical_mentions(m, core.Entities([]), {"d": {"text": text}})
    assert all("object" not in c for c in canon)
    # the same two told as orders read their objects
    canon = core.canonical_mentions([{**x, "type": "order"} for x in m], core.Entities([]), {"d": {"text": text}})
    assert all(len(c["object"]) >= 2 for c in canon)


@pytest.mark.parametrize("text,trigger", [
    ("ووجه خادم الحرمين الشريفين بصرف راتب شهرين لجميع موظفي الدولة.", "ووجه"),
    ("وأصدر مجلس الوزراء قرارًا بتعيين وكيل لوزارة الصحة.", "وأصدر"),
])
def test_an_order_reads_what_it_orders(text, trigger):
    m = {"doc": "d", "type": "order", "trigger_start": text.index(trigger),
         "trigger_end": text.index(trigger) + len(trigger), "start": 0, "end": len(text), "participants": []}
    words = core.object_words(m, text)
    assert len(words) >= 2 and _w(trigger) not in words


def test_a_decision_that_opens_a_list_reads_its_first_item():
    # «قرر مجلس الوزراء ما يلي:» says nothing before its colon: the item on the next line is its object
    text = ("وبعد الاطلاع على ما رفعه رئيس الهيئة العامة للطيران المدني، قرر مجلس الوزراء ما يلي:\n"
            "1 - تجديد عضوية الأستاذ ماجد بن عبدالله البواردي ممثلا عن وزارة المالية في مجلس إدارة الهيئة.\n"
            "سابعاً: وافق مجلس الوزراء على تعيينات بالمرتبتين الخامسة عشرة والرابعة عشرة ووظيفة سفير.\n")
    a = core.object_words(_mention(text, 0, trigger="قرر"), text)
    assert {_w("تجديد"), _w("عضوية")} <= a
    b = core.object_words(_mention(text, 0), text)
    assert core._objects_apart(a, b)
    # a sentence that ends at its colon reads the same
    m = {**_mention(text, 0, trigger="قرر"), "end": text.index(":")}
    assert core.object_words(m, text) == a


def test_a_report_and_its_translation_are_not_compared_word_by_word():
    # the seeds' article with its own English translation: one promise told in two languages shares no word
    ar = "وحسب صقر، وعد بوتين بتوفير مساعدات عسكرية جوية من إيران، لكن هذه المساعدات لم تصل."
    en = "According to Saqr, Putin promised air support from Iran, but these reinforcements never arrived."
    a, b = (core.object_words({"doc": "d", "type": "promise", "trigger_start": t.index(w), "start": 0, "end": len(t),
                                "trigger_end": t.index(w) + len(w), "participants": []}, t)
            for t, w in ((ar, "وعد"), (en, "promised")))
    assert len(a) >= 2 and len(b) >= 2 and not a & b
    assert not core._objects_apart(a, b)

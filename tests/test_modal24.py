"""modal24 (#14): the purpose convention (GUIDELINE 8, 2026-12-06): an event told only as the purpose of another act is
planned; the guideline's exceptions and what the rule cannot tell from a noun's complement stay as annotated."""
from __future__ import annotations

import sys

import pytest

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks" / "events_corpus"))
import corpus  # noqa: E402
import purpose_convention as pc  # noqa: E402
from riwaya.events import learned  # noqa: E402


def _read(text: str, trigger: str) -> tuple:
    s = text.index(trigger)
    return pc.reading(learned.Text(text), s, s + len(trigger))


@pytest.mark.parametrize("text, trigger, verdict, why", [
    # set out to do: an operation, a motion, a means, a preparation, a gathering
    ("بدأت القوات العراقية عملية عسكرية لتحرير جامعة الأنبار", "لتحرير", "planned", "operation"),
    ("وصلت قوة من الجيش إلى القرية لاعتقال مطلوبين", "لاعتقال", "planned", "motion"),
    ("استخدمت الولايات المتحدة القاعدة الجوية لإرسال طائرات", "لإرسال", "planned", "use"),
    ("وتم تسليمهم لمركز الشرطة تمهيداً لإحالتهم للنيابة", "لإحالتهم", "planned", "preparation"),
    ("عقد المجلس جلسة خاصة للتصويت على القرار", "للتصويت", "planned", "gathering"),
    # a particle or a subjunctive ل says it alone; a light verb in ل governs the noun after it
    ("زار الوزير المدينة بهدف تقييم الأوضاع", "تقييم", "planned", "particle"),
    ("وجاء النائب بأنصاره ليتظاهروا في الساحة", "ليتظاهروا", "planned", "motion"),
    ("وأرسلت الحكومة وفداً إلى المدينة لشن هجمات على المسلحين", "هجمات", "planned", "motion"),
    # the guideline's exceptions: the event told as happening
    ("تعرضت بلدة في ريف دمشق لهجوم من قوات النظام", "لهجوم", "keep", "undergone"),
    ("أطلق الجنود النار مما أدى لمقتل شابين", "لمقتل", "keep", "result"),
    ("وصل الرئيس إلى القاهرة استجابة لدعوة من نظيره", "لدعوة", "keep", "response"),
    ("أعربت الوزارة عن استنكارها للتفجير الذي استهدف المسجد", "للتفجير", "keep", "stance"),
    ("وقامت القوات بالتصدي للهجوم على المعسكر", "للهجوم", "keep", "stance"),
    # an attempt stays hypothetical, a request requested
    ("قتل خمسة في محاولة فاشلة لاغتيال الوزير", "لاغتيال", "keep", "attempt"),
    ("وجه الرئيس الدعوة للوزير لزيارة موسكو", "لزيارة", "keep", "request"),
    # a subjunctive ل after a comma tells what followed
    ("وسدد المحسن ديونه، ليخرج من السجن في آخر رمضان", "ليخرج", "keep", "consequence"),
    # a bare ل + noun with no head: as often a noun's complement; a word whose root opens with ل: no purpose
    ("وأشار المرصد إلى ارتفاع العدد الإجمالي للقتلى إلى ثلاثين", "للقتلى", None, "bare"),
    ("وكانت حصيلة غير نهائية للتفجير تشير إلى مقتل عشرة", "للتفجير", "keep", "stance"),
    ("وقال الوزير خلال لقائه نظيره الأمريكي", "لقائه", None, "none"),
    ("لقي ثلاثة أشخاص مصرعهم في الحادث", "لقي", None, "none"),
])
def test_reading(text, trigger, verdict, why):
    assert _read(text, trigger) == (verdict, why)


def test_a_far_head_or_a_sentence_end_stops_the_search():
    # the head beyond SPAN words, or in the sentence before: no head, a bare ل
    assert _read("وصلت القوات إلى بلدة صغيرة في الريف الشمالي البعيد عن المدينة لاعتقال مطلوبين", "لاعتقال")[0] is None
    assert _read("بدأت العملية أمس. لتحرير المدينة قال الوزير", "لتحرير") == (None, "bare")


def test_apply_changes_asserted_mentions_only(monkeypatch):
    text = "بدأت القوات عملية عسكرية لتحرير المدينة. وقالت إنها ستواصل عملية لاستعادة القرى."
    s1, s2 = text.index("لتحرير"), text.index("لاستعادة")
    recs = [{"doc": "snn/x/1", "split": "dev", "events": [
        {"trigger": {"start": s1, "end": s1 + 6, "text": "لتحرير"}, "polarity": "asserted"},
        {"trigger": {"start": s2, "end": s2 + 8, "text": "لاستعادة"}, "polarity": "hypothetical"}]},
        {"doc": "gum/x", "split": "dev", "events": [{"trigger": {"start": 0, "end": 4}, "polarity": "asserted"}]}]
    changed = pc.apply(recs, lambda doc: text)
    assert [e["polarity"] for e in recs[0]["events"]] == ["planned", "hypothetical"]
    assert len(changed) == 1 and changed[0][2] == "operation" and recs[1]["events"][0]["polarity"] == "asserted"


def test_adjudication_sets_a_polarity_from_what_it_was(tmp_path, monkeypatch):
    """The `polarity` action: the mention's polarity must be `from`; it becomes `to`."""
    text = "بدأت القوات عملية عسكرية لتحرير المدينة."
    monkeypatch.setattr(corpus, "text", lambda doc: text)
    s = text.index("لتحرير")

    def doc(pol="asserted"):
        return {"doc": "snn/x/1", "split": "train", "events": [
            {"trigger": {"start": s, "end": s + 6, "text": "لتحرير"}, "type": "capture", "polarity": pol,
             "args": [], "source": []}]}
    path = tmp_path / "conv.yaml"
    path.write_text("- {doc: snn/x/1, s: 1, trigger: لتحرير, type: capture, action: polarity, from: asserted,"
                    " to: planned, reason: purpose}\n", encoding="utf-8")
    d = doc()
    assert corpus.adjudicate({"snn/x/1": d}, path) == 1 and d["events"][0]["polarity"] == "planned"
    with pytest.raises(corpus.AnnError, match="entry 1: polarity needs"):
        corpus.adjudicate({"snn/x/1": doc("negated")}, path)

"""polar22 (#14): modality frames, قد and long future verbs as features of the Arabic polarity model."""
from __future__ import annotations

from riwaya.events import learned
from riwaya.models import EventMention


def _event(text: str, trigger: str, typ: str = "attack", cls: str = "harm") -> EventMention:
    s = text.index(trigger)
    return EventMention(cls=cls, type=typ, trigger=trigger, start=0, end=len(text), trigger_start=s,
                        trigger_end=s + len(trigger))


def _feats(text: str, trigger: str, typ: str = "attack", cls: str = "harm") -> list[str]:
    return learned.polarity_features(learned.Text(text), _event(text, trigger, typ, cls))


def _frames(text: str, trigger: str, typ: str = "attack", cls: str = "harm") -> set[str]:
    return {f for f in _feats(text, trigger, typ, cls) if f.startswith(("frame_", "qad_")) and "|" not in f}


def test_a_frame_word_before_the_trigger_in_its_clause_is_a_feature_by_distance():
    assert _frames("ومن المرجح أن يزور الوزير الأميركي تركيا بعد انتهاء جولته", "يزور", "visit",
                   "movement") == {"frame_expected_near"}
    assert _frames("وأكدت الحكومة مواصلة العمليات العسكرية ضد التنظيم", "العمليات") == {"frame_continued_near"}
    assert _frames("وعاد عدد من الجماهير وحاولوا الاعتداء على منشآت النادي", "الاعتداء") == {"frame_attempt_near"}
    assert _frames("وتلقت الصحفية تهديدات بالقتل من جماعة متطرفة", "بالقتل", "killing") == {"frame_threat_near"}
    assert _frames("وكانت القوات على وشك السيطرة على قاعدة العند", "السيطرة", "control") == {"frame_possible_near"}
    assert "frame_condition_near" in _frames("وقال المصدر: إذا سقطت جورين تسقط المنطقة كلها", "سقطت", "fall")
    # the class goes with a near frame
    assert "frame_attempt_near|harm" in _feats("وحاولوا الاعتداء على منشآت النادي", "الاعتداء")
    # farther than three words in the clause: a clause frame (ل and the suffix read off the word)
    assert _frames("وأعلنت اللجنة استعداداتها لإطلاق المرحلة الأولى من العملية الانتخابية", "الانتخابية",
                   "election", "other") == {"frame_preparation_clause"}
    # after the trigger in its clause
    assert _frames("وانتقدت المعارضة الزيارة المرتقبة للوزيرة إلى طهران", "الزيارة", "visit",
                   "movement") == {"frame_expected_after"}
    # a clause mark between: no frame
    assert _frames("وحاول المتحدث التهرب، وقال إن القوات اقتحمت المدينة", "اقتحمت", "entry", "movement") == set()
    assert _frames("اقتحمت القوات المدينة، وحاولت الانسحاب", "اقتحمت", "entry", "movement") == set()


def test_qad_with_an_imperfect_is_a_possibility_with_a_perfect_an_assertion():
    assert _frames("وقال المتحدث إن الرئيس قد يعود إلى عدن في أي وقت", "يعود", "return",
                   "movement") == {"qad_imperfect"}
    assert _frames("وكانت المعلمة قد غادرت مقر العمادة برفقة ابنتها", "غادرت", "departure",
                   "movement") == {"qad_perfect"}
    assert _frames("وأكد أنه قد تم إسقاط اسم الزوجة من الكشف", "إسقاط", "dismissal", "other") == {"qad_perfect"}


def test_a_long_future_verb_in_ha_is_a_future_a_noun_in_ta_marbuta_is_not():
    for w in ("سيواجه", "ستقدمه", "سيتصدره", "فسيعالجه"):
        assert learned._future(learned.normalize_ar(w)), w
    for w in ("سيارته", "سنواته", "وستمائة", "سيطرته", "سياسته", "سيدة"):
        assert not learned._future(learned.normalize_ar(w)), w
    old = learned.FUTURE_OBJECT
    try:
        learned.FUTURE_OBJECT = False
        assert not learned._future("سيواجه")
    finally:
        learned.FUTURE_OBJECT = old
    assert "future=True" in _feats("سيواجه مارادونا زوجته السابقة في المحكمة", "سيواجه", "trial", "other")


def test_frames_can_be_switched_off():
    old = learned.FRAMES
    try:
        learned.FRAMES = False
        assert _frames("ومن المرجح أن يزور الوزير تركيا", "يزور", "visit", "movement") == set()
    finally:
        learned.FRAMES = old


def test_the_shipped_polarity_model_reads_the_frames():
    m = (learned.model_for("ar") or {}).get("polarity")
    assert m is not None

    def pol(text, trigger, typ, cls):
        p = learned.scores(m, _feats(text, trigger, typ, cls))
        return max(p, key=p.get)
    assert pol("ومن المرجح أن يزور الوزير الأميركي تركيا بعد انتهاء جولته", "يزور", "visit", "movement") == "planned"
    assert pol("وقال المتحدث إن الرئيس قد يعود إلى عدن في أي وقت", "يعود", "return", "movement") == "hypothetical"
    assert pol("وكانت المعلمة قد غادرت مقر العمادة برفقة ابنتها", "غادرت", "departure", "movement") == "asserted"
    assert pol("وأعلنت اللجنة استعداداتها لإطلاق المرحلة الأولى من العملية الانتخابية", "الانتخابية", "election",
               "other") == "planned"

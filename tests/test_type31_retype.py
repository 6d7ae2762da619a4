"""type31 (issue #14): a kept Arabic trigger takes the type its neighbours tell (cues.yaml retype, learned.RETYPE)."""
import pytest

from riwaya.events import learned
from riwaya.models import EventMention


def _rule(text: str, trigger: str, typ: str, cls: str = "other", nth: int = 0):
    T = learned.Text(text)
    s = -1
    for _ in range(nth + 1):
        s = text.index(trigger, s + 1)
    ev = EventMention(cls=cls, type=typ, trigger=trigger, start=0, end=len(text), trigger_start=s,
                      trigger_end=s + len(trigger))
    return learned.retyped(T, ev)


def test_a_conviction_told_with_a_court_is_a_verdict():
    assert _rule("قضت محكمة في فيينا بالسجن عامين على شاب نمساوي بعد إدانته بتأييد تنظيم داعش.",
                 "إدانته", "statement", "communication") == "trial"
    assert _rule("أصدرت المحكمة الجزائية حكماً ابتدائياً يقضي بإدانة مواطن بالتستر على أحد المقاتلين.",
                 "بإدانة", "statement", "communication") == "trial"


def test_a_condemnation_stays_a_statement():
    assert _rule("أدانت الحكومة الأردنية بشدة التفجير الإرهابي الذي استهدف مسجدا في منطقة عسير.",
                 "أدانت", "statement", "communication") is None
    assert _rule("أعربت الجمهورية العراقية عن استنكارها وإدانتها للتفجير الإرهابي.",
                 "وإدانتها", "statement", "communication") is None


def test_passed_away_is_a_death_a_transfer_of_club_is_not():
    assert _rule("انتقل إلى رحمة الله تعالى الشيخ صالح عن عمر يناهز الخامسة والسبعين عاما.",
                 "انتقل", "departure", "movement") == "death"
    assert _rule("انتقل إلى الأهلي عام 2014 وفي أول ظهور مع الأهلي سجل هدفين.", "انتقل", "departure",
                 "movement") is None


def test_a_death_by_mishap_is_no_killing():
    assert _rule("لقي مقيم مصري مصرعه وأصيب 5 آخرون إثر انقلاب السيارة التي تقلهم صباح أمس.", "مصرعه",
                 "killing", "harm") == "death"
    assert _rule("لقي 41 متمردا مصرعهم وأصيب 28 آخرون في غارات عنيفة شنتها طائرات التحالف.", "مصرعهم",
                 "killing", "harm") is None


def test_an_accidental_blast_and_a_mishap_fall_are_accidents():
    assert _rule("أصيب ثلاثة أشخاص في انفجار اسطوانة غاز داخل مطعم بالرياض أمس.", "انفجار", "attack",
                 "harm") == "accident"
    assert _rule("قتل شخص في انفجار عبوة ناسفة قرب محال تجارية.", "انفجار", "attack", "harm") is None
    assert _rule("سقطت فجر اليوم، مركبة بسائقها داخل بئر زراعية جافة.", "سقطت", "fall", "control") == "accident"
    assert _rule("سقطت مدينة تدمر في يد تنظيم داعش.", "سقطت", "fall", "control") is None


def test_a_suspect_held_is_an_arrest():
    assert _rule("ولفت المتحدث إلى أنه جرى إيقاف المتهم والذي أقر بإقدامه على فعلته.", "إيقاف", "sanction") == "arrest"
    assert _rule("أعلنت الهيئة إيقاف صدور صحيفة الوسط.", "إيقاف", "sanction") is None


def test_rows_left_off_and_the_switch(monkeypatch):
    # the referral and the violent death rows are measured and off (enabled: false)
    assert _rule("تم تحرير محضر بالواقعة وإحالة المحضر للنيابة العامة لتولي التحقيق.", "وإحالة", "transfer",
                 "movement") is None
    assert _rule("أقدم مواطن على الاعتداء على شقيقه بآلة حادة حتى توفي.", "توفي", "death") is None
    monkeypatch.setattr(learned, "RETYPE", False)
    assert _rule("قضت محكمة بالسجن عامين على شاب بعد إدانته بتأييد تنظيم داعش.", "إدانته", "statement",
                 "communication") is None


@pytest.mark.parametrize("on, typ, cls", [(True, "trial", "other"), (False, "statement", "communication")])
def test_the_analysis_types_a_verdict(monkeypatch, on, typ, cls):
    from riwaya.analyze import analyze
    from riwaya.models import Document
    monkeypatch.setattr(learned, "RETYPE", on)
    an = analyze(Document(id="t31", text="قضت محكمة في فيينا بالسجن عامين على شاب نمساوي بعد إدانته بتأييد تنظيم داعش.",
                          language="ar"))
    ev = next(e for e in an.events if e.trigger == "إدانته")
    assert (ev.type, ev.cls) == (typ, cls)

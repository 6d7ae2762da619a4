"""time27 (issue 14): the sentence's triggers compete for a time after the trigger (own_time.competition_features,
off by config: own_time.TIME27; benchmarks/events_corpus/README.md, time27)."""
from __future__ import annotations

from riwaya.events import learned, own_time
from riwaya.models import TimeMention, TimeValue
from tests.conftest import event_at

LEX = learned._lexicon()


_event = event_at


def _time(text: str, words: str) -> TimeMention:
    s = text.index(words)
    return TimeMention(s, s + len(words), words, TimeValue(None, None, text=words, kind="date"))


def _span(text: str, word: str) -> tuple[int, int]:
    s = text.index(word)
    return s, s + len(word)


def _comp(text: str, trigger: str, words: str, others: list[str], monkeypatch) -> list[str]:
    monkeypatch.setattr(own_time, "TIME27", ("rank", "verbs"))
    T = learned.Text(text)
    ev = _event(text, trigger)
    c = _time(text, words)
    trigs = [(ev.trigger_start, ev.trigger_end)] + [_span(text, w) for w in others]
    side = "after" if c.start >= ev.trigger_end else "before"
    s0, s1 = T.sentence(ev.trigger_start)
    return own_time.competition_features(T, ev, c, trigs, side, s0, s1)


def test_the_main_verb_keeps_a_time_after_a_verbal_noun(monkeypatch):
    # the sentence's first verb, a verbal noun (not a verb) between it and the time
    text = "قتل 18 شخصا بانفجار عبوة ناسفة قرب سوق شعبي في بغداد أمس"
    f = _comp(text, "قتل", "أمس", ["بانفجار"], monkeypatch)
    assert "t27_main=True|after|True" in f
    assert "t27_vn=0|1|after" in f
    # the verbal noun is nearer the time: one other trigger nearer, none on the time's other side
    assert "t27_rank=1|after" in f and "t27_opp=none|after" in f


def test_a_verb_between_and_a_nearer_trigger_after_the_time(monkeypatch):
    text = "أعلن الجيش أنه سيطر على المدينة أمس بعد معارك عنيفة"
    f = _comp(text, "أعلن", "أمس", ["سيطر", "معارك"], monkeypatch)
    assert "t27_vn=1|0|after" in f and "t27_main=True|after|False" in f
    assert "t27_rank=2|after" in f and "t27_opp=closer|after" in f


def test_a_time_before_the_trigger_has_no_competition_features(monkeypatch):
    text = "أفادت مصادر أمنية أمس بمقتل 24 مدنيا"
    assert own_time.TIME27_AFTER
    assert _comp(text, "بمقتل", "أمس", ["أفادت"], monkeypatch) == []


def test_the_switch_is_off_and_the_shipped_model_never_saw_them(monkeypatch):
    assert own_time.TIME27 == ()       # dev 0.848 -> 0.850, train out of fold down at the refit's threshold (README)
    text = "وصل الوفد إلى الرياض أمس"
    T = learned.Text(text)
    ev, c = _event(text, "وصل", "arrival", "movement"), _time(text, "أمس")
    args = (T, ev, c, [c], [(ev.trigger_start, ev.trigger_end)], None, None, LEX, False)
    assert not any(x.startswith("t27_") for x in own_time.features(*args))
    assert not any(k.startswith("t27_") for k in learned.model()["ar"]["time"]["w"])
    monkeypatch.setattr(own_time, "TIME27", ("rank", "verbs"))
    f = own_time.features(*args)
    assert "t27_main=True|after|True" in f and "t27_margin=alone|after" in f


def test_an_ambiguous_month_after_a_preposition_of_time_is_the_month_when_switched_on(monkeypatch):
    from riwaya.timex import tag_times, tagger

    def texts(s):
        return [t.text for t in tag_times(s, "ar", anchor="2015-08-03")]
    s = "وسقطت المدينة في مارس بيد المسلحين"
    assert texts(s) == []                  # off by config
    monkeypatch.setattr(tagger, "AMBIGUOUS_MONTH_CONTEXT", True)
    assert texts(s) == ["مارس"]
    assert texts("أعلن الجيش في شهر آب عن خطة") == ["آب"]
    assert texts("وقال منسق الطوارئ في إب إن الوضع سيئ") == []      # إب (Ibb), not آب (August)
    assert texts("الذي مارس في حياته الضغط") == []                     # the verb
    assert texts("وصل من تموز إلى") == []                               # not after من

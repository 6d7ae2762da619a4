"""time26 (issue 14): what governs a time that stands before the trigger (own_time.left_features, off by config:
own_time.TIME26), and the out-of-fold reader's report words (benchmarks/events_corpus/time_oof.py)."""
from __future__ import annotations

import sys
from pathlib import Path

from riwaya.events import learned, own_time
from riwaya.models import TimeMention, TimeValue
from tests.conftest import event_at

LEX = learned._lexicon()


_event = event_at


def _time(text: str, words: str) -> TimeMention:
    s = text.index(words)
    return TimeMention(s, s + len(words), words, TimeValue(None, None, text=words, kind="date"))


def _left(text: str, trigger: str, words: str, others=()) -> list[str]:
    T = learned.Text(text)
    ev = _event(text, trigger)
    c = _time(text, words)
    side = "after" if c.start >= ev.trigger_end else "before"
    return own_time.left_features(T, c, list(others), LEX, learned.is_nominal(ev), side, 0)


def test_a_speech_verb_before_the_time_is_the_reports_day():
    text = "أفادت مصادر أمنية عراقية أمس بمقتل 24 مدنيا في مدينة بعقوبة"
    assert "left=speech" in _left(text, "بمقتل", "أمس")


def test_a_light_verb_before_the_time_gives_it_to_its_noun():
    text = "شنت طائرات التحالف يوم الأربعاء سلسلة من الغارات الجوية على مواقع المليشيات"
    assert "left=light" in _left(text, "الغارات", "يوم الأربعاء")


def test_another_trigger_before_the_time_and_the_sentence_start():
    text = "قتل جندي أمس في تبادل لإطلاق النار"
    s = text.index("قتل")
    assert "left=trig" in _left(text, "تبادل", "أمس", [(s, s + 3)])
    text = "أمس وصل الوفد إلى الرياض"
    assert _left(text, "وصل", "أمس")[0] == "left=start"


def test_a_time_after_the_trigger_has_no_left_features_and_the_switch_is_off():
    text = "وصل الوفد إلى الرياض أمس"
    assert _left(text, "وصل", "أمس") == []
    assert own_time.TIME26 is False      # dev fell with them (README, time26): the shipped model never sees them
    T = learned.Text(text)
    ev, c = _event(text, "وصل", "arrival", "movement"), _time(text, "أمس")
    f = own_time.features(T, ev, c, [c], [(ev.trigger_start, ev.trigger_end)], None, None, LEX, False)
    assert not any(x.startswith("left") for x in f)


def test_the_reader_knows_speech_verbs_and_complementizers():
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks" / "events_corpus"))
    import time_oof
    words = time_oof._report_words()
    assert {"قال", "افادت", "ان"} <= words

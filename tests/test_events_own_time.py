"""The learned event time (riwaya/events/own_time.py): candidates, features, the choice, and refine()
setting the event's time from it."""
from __future__ import annotations

from datetime import date

from riwaya.events import learned, own_time
from riwaya.models import DocAnalysis, EventMention, TimeMention, TimeValue

LEX = learned._lexicon()


def _event(text: str, trigger: str, typ: str = "departure", cls: str = "movement") -> EventMention:
    s = text.index(trigger)
    return EventMention(cls=cls, type=typ, trigger=trigger, start=0, end=len(text), trigger_start=s,
                        trigger_end=s + len(trigger))


def _time(text: str, words: str, earliest: str | None = None, latest: str | None = None,
          anchor: str | None = None, kind: str = "date") -> TimeMention:
    s = text.index(words)
    return TimeMention(s, s + len(words), words, TimeValue(earliest, latest, text=words, anchor=anchor, kind=kind))


# a model that trusts a time only when no other event's trigger stands nearer to it
_MODEL = {"classes": ["0", "1"], "bias": [0.0, 0.0], "threshold": 0.5,
          "w": {"closest=True": [0.0, 2.0], "closest=False": [0.0, -2.0]}}


def test_the_document_date_is_its_publication_day_else_its_latest_time():
    text = "أمس وفي عام 2000"
    pub = _time(text, "أمس", "2024-12-09T00:00:00+03:00", "2024-12-09T23:59:59+03:00", "published:2024-12-10")
    old = _time(text, "عام 2000", "2000-01-01T00:00:00+03:00", "2000-12-31T23:59:59+03:00", "absolute")
    assert own_time.reference([old, pub]) == date(2024, 12, 10)
    assert own_time.reference([old]) == date(2000, 1, 1)
    assert own_time.reference([]) is None


def test_a_span_of_decades_before_the_document_reads_as_historical():
    text = "تولى الحكم منذ عام 1971 وحتى وفاته في عام 2000"
    span = _time(text, "منذ عام 1971 وحتى وفاته في عام 2000", "1971-01-01T00:00:00+03:00",
                 "2000-12-31T23:59:59+03:00", "absolute")
    assert own_time._age(span.value, date(2024, 12, 8)) == "decades"
    assert own_time._width(span.value) == "years"
    assert own_time._age(span.value, None) == "open"


def test_candidates_are_the_dates_and_clock_times_of_the_trigger_sentence():
    text = "وصل الوفد أمس. وغادر اليوم بعد ثلاثة أيام."
    ev = _event(text, "وغادر")
    times = [_time(text, "أمس"), _time(text, "اليوم"), _time(text, "ثلاثة أيام", kind="duration")]
    assert [t.text for t in own_time.candidates(learned.Text(text), ev, times)] == ["اليوم"]


def test_features_see_another_trigger_and_a_complementizer_between():
    text = "قال المصدر أمس إن المسلحين قتلوا خمسة أشخاص"
    T = learned.Text(text)
    ev = _event(text, "قتلوا", "killing", "harm")
    say = _event(text, "قال", "statement", "communication")
    c = _time(text, "أمس")
    triggers = [(say.trigger_start, say.trigger_end), (ev.trigger_start, ev.trigger_end)]
    f = own_time.features(T, ev, c, [c], triggers, None, None, LEX, False)
    assert "side=before" in f and "comp=True|before" in f and "trig_between=0" in f
    assert "closest=False" in f          # the time stands nearer the speech verb than the killing
    f = own_time.features(T, say, c, [c], triggers, None, None, LEX, False)
    assert "closest=True" in f and "side=after" in f


def test_the_choice_takes_the_likeliest_time_over_the_threshold_or_none():
    text = "غادر الوفد مساء السبت بعد أن وصل الرئيس فجر الأحد"
    T = learned.Text(text)
    leave, come = _event(text, "غادر"), _event(text, "وصل", "arrival")
    triggers = [(leave.trigger_start, leave.trigger_end), (come.trigger_start, come.trigger_end)]
    sat, sun = _time(text, "مساء السبت"), _time(text, "فجر الأحد")
    judged, tm = own_time.choose(_MODEL, T, come, [sat, sun], triggers, None, LEX, False, learned.scores)
    assert judged and tm is sun
    # the only time of the sentence is another event's: none of its own
    judged, tm = own_time.choose(_MODEL, T, come, [sat], triggers, None, LEX, False, learned.scores)
    assert judged and tm is None
    assert own_time.choose(_MODEL, T, come, [], triggers, None, LEX, False, learned.scores) == (False, None)


def test_refine_sets_the_own_time_and_keeps_a_carried_one(monkeypatch):
    text = "وصل الوفد مساء السبت إلى المدينة ثم غادر. وعاد الوفد."
    come, leave, back = _event(text, "وصل", "arrival"), _event(text, "غادر"), _event(text, "وعاد", "return")
    sat = _time(text, "مساء السبت")
    for ev in (come, leave, back):
        ev.time = sat.value          # the rules gave every event the sentence's (or the narrative's) time
    an = DocAnalysis(doc_id="x", times=[sat], events=[come, leave, back])
    monkeypatch.setattr(learned, "model", lambda: {"ar": {"time": _MODEL}})
    learned.refine(text, an)
    assert come.time is sat.value                # its own: the rules' value stands
    assert leave.time is None                    # the time stands by "وصل": not the departure's
    assert back.time is sat.value                # its sentence has no time: the carried one stays


def test_the_shipped_model_keeps_a_span_decades_back_on_its_own_event_only():
    # issue 15: a departure took "since 1971 until his death in 2000" (another man's rule) as its time
    from riwaya.analyze import analyze
    from riwaya.models import Document
    text = ("بهذه الخطوة، وضعت روسيا حدًا لحكم العائلة، حيث كان فلان قد تولى رئاسة البلاد منذ عام 1971 وحتى "
            "وفاته في عام 2000، ليخلفه نجله الذي واصل الحكم حتى لحظة خروجه من البلاد.")
    an = analyze(Document(id="x", text=text, language="ar", published="2024-12-10"))
    span = "منذ عام 1971 وحتى وفاته في عام 2000"
    assert not [e.trigger for e in an.events if e.cls == "movement" and e.time is not None and e.time.text == span]
    assert [e.trigger for e in an.events if e.time is not None and e.time.text == span] == ["تولى"]


def test_an_event_inside_a_span_of_time_owns_only_the_part_after_it():
    # "since 1990 until his resignation in 2005": the span times the tenure; the resignation inside it
    # happened in 2005, not "1990-2005"
    from riwaya.analyze import analyze
    from riwaya.models import Document
    text = "شغل الوزير منصبه منذ عام 1990 وحتى استقالته في عام 2005، ثم غادر البلاد."
    an = analyze(Document(id="x", text=text, language="ar", published="2015-08-10"))
    assert [t.text for t in an.times] == ["منذ عام 1990 وحتى استقالته في عام 2005"]
    quit_ = next(e for e in an.events if e.trigger == "استقالته")
    assert quit_.time is not None and quit_.time.text == "عام 2005"
    assert quit_.time.earliest.startswith("2005-01-01") and quit_.time.latest.startswith("2005-12-31")


# ---------------------------------------------------------------- English (ev15): English cue words and the parse
def _en_parse():
    from riwaya.events import english
    return english._nlp() is not None


def test_english_features_read_english_cue_words():
    # GUM_news_crane: the relative clause's time is the accident's, read with English cues
    text = "The accident, which occurred yesterday afternoon, was caused by strong winds."
    T = learned.Text(text)
    ev = _event(text, "accident", "accident", "incident")
    c = _time(text, "yesterday afternoon")
    f = own_time.features(T, ev, c, [c], [(ev.trigger_start, ev.trigger_end)], None, None, LEX, True, "en")
    assert "rel=True|after" in f and "comma=True|after" in f
    # the Arabic reading of the same candidate sees no English word (what en14 measured)
    f_ar = own_time.features(T, ev, c, [c], [(ev.trigger_start, ev.trigger_end)], None, None, LEX, True)
    assert "rel=False|after" in f_ar and not any(x.startswith("en_t") for x in f_ar)


def test_english_time_attachment_from_the_parse():
    import pytest
    if not _en_parse():
        pytest.skip("no English spaCy pipeline installed")
    # a report's time hangs on the speech verb above the reported event; the event's own on the event
    text = "Officials said on Monday that the shuttle was launched on April 12."
    T = learned.Text(text)
    ev = _event(text, "launched", "flight", "movement")
    monday, april = _time(text, "Monday"), _time(text, "April 12")
    trig = [(ev.trigger_start, ev.trigger_end)]
    f_m = own_time.features(T, ev, monday, [monday, april], trig, None, None, LEX, False, "en")
    f_a = own_time.features(T, ev, april, [monday, april], trig, None, None, LEX, False, "en")
    assert "en_t_gov=above" in f_m and "en_t_above=ccomp" in f_m
    assert "en_t_gov=trig" in f_a


# ---------------------------------------------------------------- durations and vague times (time21)
_LOOSE = {"classes": ["0", "1"], "bias": [0.0, -1.0], "threshold": 0.5,
          "w": {"closest=True": [0.0, 2.0], "closest=False": [0.0, -2.0]}}


def test_loose_candidates_are_the_durations_and_vague_times_of_the_trigger_sentence():
    text = "وصل الوفد أمس. وسيطرت القوات قبل أيام على المدينة مؤخرا."
    ev = _event(text, "وسيطرت", "capture", "conflict")
    times = [_time(text, "أمس"), _time(text, "قبل أيام", kind="duration"), _time(text, "مؤخرا", kind="vague")]
    assert [t.text for t in own_time.loose_candidates(learned.Text(text), ev, times)] == ["قبل أيام", "مؤخرا"]
    assert own_time.candidates(learned.Text(text), ev, times) == []


def test_loose_features_tell_the_kind_the_frame_word_and_another_happening_as_anchor():
    text = "أطلق سراحه بعد يومين من احتجازه"
    T = learned.Text(text)
    ev = _event(text, "احتجازه", "arrest", "justice")
    c = _time(text, "بعد يومين", kind="duration")
    s = text.index("احتجازه")
    c.value.anchor_span = (s, s + len("احتجازه"))
    f = own_time.loose_features(T, ev, c, [c], [], [(ev.trigger_start, ev.trigger_end)], None, LEX, True)
    assert {"l_kind=duration|bare", "l_first=بعد", "l_next=من", "l_rel=True|True", "l_dated=False"} <= set(f)
    v = _time(text, "يومين", "2015-08-01T00:00:00+03:00", None, kind="vague")
    v.value.value = "PAST_REF"
    assert "l_kind=vague|PAST_REF" in own_time.loose_features(T, ev, v, [v], [], [], None, LEX, True)


def test_refine_gives_a_loose_time_only_to_an_event_left_with_none(monkeypatch):
    text = "وسيطرت القوات قبل أيام على المدينة. وقتل جندي مساء السبت قبل أيام."
    take = _event(text, "وسيطرت", "capture", "conflict")
    kill = _event(text, "وقتل", "killing", "harm")
    days = _time(text, "قبل أيام", kind="duration")
    sat = _time(text, "مساء السبت")
    days2 = TimeMention(text.rindex("قبل أيام"), text.rindex("قبل أيام") + 8, "قبل أيام",
                        TimeValue(None, None, text="قبل أيام", kind="duration"))
    kill.time = sat.value
    an = DocAnalysis(doc_id="x", times=[days, sat, days2], events=[take, kill])
    monkeypatch.setattr(learned, "model", lambda: {"ar": {"time": _MODEL}})
    monkeypatch.setattr(learned, "loose_time_model", lambda: {"ar": _LOOSE})
    learned.refine(text, an)
    assert take.time is not None and take.time.text == "قبل أيام" and take.time.kind == "duration"
    assert kill.time.text == "مساء السبت"         # a date of its own: the duration does not replace it
    take.time = None
    monkeypatch.setattr(learned, "LOOSE_TIME", False)
    learned.refine(text, an)
    assert take.time is None


def test_the_shipped_loose_model_times_a_capture_a_few_days_back():
    from riwaya.analyze import analyze
    from riwaya.models import Document
    an = analyze(Document(id="x", text="وسيطرت القوات العراقية قبل أيام على مدينة الرمادي.", language="ar",
                          published="2015-08-10"))
    ev = next(e for e in an.events if e.trigger == "وسيطرت")
    assert ev.time is not None and ev.time.text == "قبل أيام"


def test_the_reconciler_compares_dates_not_a_loose_time():
    from riwaya.corpus import MentionIndex, _reconciled_time, doc_event_mentions
    date_ = {"kind": "date", "earliest": "2015-08-09T00:00:00+03:00", "latest": "2015-08-09T23:59:59+03:00",
             "text": "أمس"}
    assert _reconciled_time(date_) is date_
    assert _reconciled_time({"kind": "vague", "latest": "2015-08-10T23:59:59+03:00", "text": "مؤخرا"}) is None
    assert _reconciled_time({"kind": "duration", "value": "PXD", "text": "قبل أيام"}) is None
    assert _reconciled_time(None) is None
    text = "أمس قال الجيش إنه سيطر مؤخرا على البلدة"
    analysis = {"events": [{"cls": "conflict", "type": "capture", "trigger": "سيطر", "start": 0, "end": len(text),
                            "trigger_start": text.index("سيطر"), "trigger_end": text.index("سيطر") + 4,
                            "time": {"kind": "vague", "earliest": None, "latest": "2015-08-10T23:59:59+03:00",
                                     "text": "مؤخرا", "precision": "day", "tz": "+03:00"}, "arguments": []}],
                "times": [{"start": 0, "end": 3, "text": "أمس", "value": date_}]}
    rec = doc_event_mentions("d", analysis, MentionIndex([]), {})[0]
    assert rec["time"] is None and rec["time_before"]["text"] == "أمس"    # as for an event with no time

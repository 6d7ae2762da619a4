"""English event times (entime31, issue #14): vague references that date their happening ("in recent years", "not
long ago", "In the past few days", "throughout the weekend") tagged as dates, the event taking such a stretch only
when its clause names no other time, and a dateline on a document's first lines as its anchor day (shipped off).
Sentences in the style of Wikinews copy, written for these tests; each switch off gives the old reading."""
import pytest

import sys

from riwaya.events import english
from riwaya.timex import tag_times, tagger

from .spans import extract_named_en

PUB = "2016-09-07"          # a Wednesday
extract_mod = sys.modules["riwaya.events.extract"]
needs_parse = pytest.mark.skipif(english._nlp() is None, reason="no English spaCy pipeline installed")


def _times(text, pub=PUB):
    return [(t.text, t.value.kind, (t.value.earliest or "")[:10], (t.value.latest or "")[:10])
            for t in tag_times(text, "en", pub)]


def test_recent_stretches_are_dates_up_to_the_document_day():
    assert _times("Seagal has made frequent trips to Russia in recent years.") == [
        ("in recent years", "date", "", "2016-09-07")]
    assert _times("In fact we had a sit down strike in the United States not long ago.") == [
        ("not long ago", "date", "", "2016-09-07")]
    assert _times("In the past few days in Italy, several municipalities have started asking schools to pay.") == [
        ("In the past few days", "date", "", "2016-09-07")]


def test_the_weekend_is_the_last_saturday_and_sunday():
    assert _times("The Northern Arena Esports Championship ran throughout the weekend.") == [
        ("throughout the weekend", "date", "2016-09-03", "2016-09-04")]
    assert _times("Police made two arrests over the weekend.", "2016-09-04") == [
        ("over the weekend", "date", "2016-09-03", "2016-09-04")]


def test_other_vague_references_stay_vague():
    assert _times("The company recently moved its offices.")[0][:2] == ("recently", "vague")
    assert _times("The company earlier moved its offices.")[0][:2] == ("earlier", "vague")


def test_vague_dates_switch_off(monkeypatch):
    monkeypatch.setattr(tagger, "VAGUE_DATES", False)
    assert _times("The Northern Arena Esports Championship ran throughout the weekend.") == []
    assert _times("In the past few days in Italy, municipalities started asking.")[0][:2] == (
        "the past few days", "duration")


def run(text, places=(), people=()):
    return extract_named_en(text, places, people, PUB)


def time_of(evs, word):
    ev = next(e for e in evs if e.trigger == word)
    return ev.time.text if ev.time is not None else None


TRIPS = "Seagal has made frequent trips to Russia in recent years and visited Kamchatka and Sakhalin in September."


@needs_parse
def test_a_stretch_yields_to_another_time_of_the_clause():
    evs = run(TRIPS, places=["Russia", "Kamchatka", "Sakhalin"], people=["Seagal"])
    assert time_of(evs, "visited") == "September"


@needs_parse
def test_a_stretch_alone_is_the_event_time():
    evs = run("In the past few days in Italy, several municipalities have started asking religious schools to pay "
              "taxes.", places=["Italy"])
    assert time_of(evs, "asking") == "In the past few days"


@needs_parse
def test_vague_last_switch_off(monkeypatch):
    monkeypatch.setattr(extract_mod, "VAGUE_LAST", False)
    evs = run(TRIPS, places=["Russia", "Kamchatka", "Sakhalin"], people=["Seagal"])
    assert time_of(evs, "visited") == "in recent years"


DOC = ("Wikinews interviews Robert Sarvis, Libertarian nominee for Governor of Virginia\n"
       "Saturday, October 19, 2013\n"
       "Sarvis answered five questions yesterday. Virginia votes in the election on November 5, 2013.")


def _yesterday(monkeypatch, on):
    monkeypatch.setattr(tagger, "DATELINE_ANCHOR", on)
    t = next(t for t in tag_times(DOC, "en") if t.text == "yesterday")
    return t.value.earliest[:10], t.value.anchor


def test_dateline_anchor_on(monkeypatch):
    assert _yesterday(monkeypatch, True) == ("2013-10-18", "inferred:2013-10-19")


def test_dateline_anchor_off_is_the_latest_full_date(monkeypatch):
    assert _yesterday(monkeypatch, False) == ("2013-11-04", "inferred:2013-11-05")


def test_a_date_inside_a_sentence_is_no_dateline(monkeypatch):
    monkeypatch.setattr(tagger, "DATELINE_ANCHOR", True)
    text = "Sarvis spoke on October 19, 2013 and yesterday.\nThe election is on November 5, 2013."
    t = next(t for t in tag_times(text, "en") if t.text == "yesterday")
    assert t.value.anchor == "inferred:2013-11-05"


def test_arabic_has_no_dateline_rule(monkeypatch):
    monkeypatch.setattr(tagger, "DATELINE_ANCHOR", True)
    text = "السبت 19 أكتوبر 2013\nقال المتحدث أمس إن الانتخابات في 5 نوفمبر 2013."
    t = next(t for t in tag_times(text, "ar") if t.text == "أمس")
    assert t.value.anchor == "inferred:2013-11-05"

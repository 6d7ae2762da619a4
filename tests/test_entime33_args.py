"""English arguments (entime33, issue #14): what is surrendered is the patient (english.yaml patient_object_types:
the object, the passive subject), and a word of the trigger's own phrase is no participant
(english.NO_ARG_IN_TRIGGER: "turned himself in"). Texts written for these tests."""
import pytest

from riwaya.events import english
from riwaya.events import extract
from riwaya.timex import tag_times

from .spans import paras

PUB = "2015-09-12"
needs_parse = pytest.mark.skipif(english._nlp() is None, reason="no English spaCy pipeline installed")


def args(text, word):
    evs = extract(text, [], tag_times(text, "en", PUB), paras(text, "en"), lang="en")[0]
    ev = next(e for e in evs if e.trigger == word)
    return [(a.role, a.text) for a in ev.arguments]


@needs_parse
def test_what_is_surrendered_is_the_patient():
    assert ("patient", "his country") in args(
        "The king accepted the empire's rule and surrendered his country to the Persians.", "surrendered")
    a = args("The island was ceded to Britain after the war.", "ceded")
    assert ("patient", "The island") in a and ("destination", "Britain") in a


@needs_parse
def test_who_surrenders_stays_the_agent():
    a = args("British forces surrendered in Saratoga.", "surrendered")
    assert ("agent", "British forces") in a and not any(r == "patient" for r, _ in a)


@needs_parse
def test_no_participant_inside_the_trigger():
    a = args("Montalvo walked into the station and turned himself in to the police.", "turned himself in")
    assert not any(t == "himself" for _, t in a)


@needs_parse
def test_no_participant_inside_the_trigger_switch_off(monkeypatch):
    monkeypatch.setattr(english, "NO_ARG_IN_TRIGGER", False)
    a = args("Montalvo walked into the station and turned himself in to the police.", "turned himself in")
    assert ("patient", "himself") in a


@needs_parse
def test_surrender_out_of_the_list_gives_no_patient(monkeypatch):
    R = english.resources()
    monkeypatch.setitem(R, "obj_patient", R["obj_patient"] - {"surrender"})
    assert not any(r == "patient" for r, _ in args("The island was ceded to Britain after the war.", "ceded"))

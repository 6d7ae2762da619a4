"""English events (en26, issue #14): a motion verb's goal told by a common place noun is a destination when the
mover is someone ("officials went to the sheriff's station", "taken to hospital"), not "came to the conclusion";
a count's "dead" in or after an accident is a death ("Hundreds dead in Hajj stampede"), "dead in clashes" stays a
killing. Texts in the style of English wire copy, written for these tests."""
import pytest

from riwaya.events import english
from riwaya.events import extract
from riwaya.timex import tag_times

from .spans import paras

PUB = "2015-09-12"
needs_parse = pytest.mark.skipif(english._nlp() is None, reason="no English spaCy pipeline installed")


def run(text):
    return extract(text, [], tag_times(text, "en", PUB), paras(text, "en"), lang="en")[0]


def event(evs, word):
    return next((e for e in evs if e.trigger == word), None)


def roles(ev, role):
    return [a.text for a in ev.arguments if a.role == role]


@needs_parse
@pytest.mark.parametrize("text,word,typ,dest", [
    ("On Tuesday, the officials went to the police station where they filed a complaint.", "went", "departure",
     "the police station"),
    ("The minister's spokesman said he was taking his entire family to the embassy in Amman.", "taking", "transfer",
     "the embassy"),
    ("The two fishermen walked into the lobby of the hotel on Friday morning.", "walked", "arrival", "the lobby"),
    ("The families of the victims came to the hospital late on Sunday.", "came", "arrival", "the hospital"),
])
def test_motion_to_a_place_noun(text, word, typ, dest):
    ev = event(run(text), word)
    assert ev is not None and ev.type == typ
    assert any(dest in x for x in roles(ev, "destination"))


@needs_parse
@pytest.mark.parametrize("text,word", [
    ("The committee came to the conclusion that the report was wrong.", "came"),
    ("The dispute brought the company into conflict with its workers.", "brought"),
    ("The money went to the hospital in the capital.", "went"),      # no one moves
])
def test_no_motion_without_place_or_mover(text, word):
    assert event(run(text), word) is None


@needs_parse
def test_office_stays_an_appointment():
    ev = event(run("The new governor came into office in January."), "came")
    assert ev is not None and ev.type == "appointment"


@needs_parse
@pytest.mark.parametrize("text,typ", [
    ("Hundreds dead in Hajj stampede\n\nThe pilgrims were crushed near the holy site.", "death"),
    ("Three dead after bus crash in Cairo\n\nThe driver fled.", "death"),
    ("Five dead in clashes in Aden\n\nThe fighting went on.", "killing"),
])
def test_dead_in_an_accident(text, typ):
    ev = event(run(text), "dead")
    assert ev is not None and ev.type == typ

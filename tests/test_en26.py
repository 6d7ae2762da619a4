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


@needs_parse
@pytest.mark.parametrize("text,word", [
    ("Work began at the stadium to improve crowd control before the final.", "control"),
    ("The candidate is not worried about the Latino vote in the state.", "vote"),
    ("The fragments are of order a micron in size.", "order"),
    ("Volunteers spent Tuesday getting out the vote in Ohio.", "vote"),
    ("Critics called the album a major return to form for the band.", "return"),
])
def test_no_event_in_these_phrases(text, word):
    assert event(run(text), word) is None


@needs_parse
@pytest.mark.parametrize("text,word,typ", [
    ("The rebels took control of the town on Friday.", "control", "control"),
    ("Voters went to the polls in a national vote on Sunday.", "vote", "election"),
    ("The army returned to Aden on Monday.", "returned", "return"),
    ("The general issued an order to withdraw the troops.", "order", "order"),
])
def test_these_stay_events(text, word, typ):
    ev = next((e for e in run(text) if word in e.trigger), None)
    assert ev is not None and ev.type == typ


@needs_parse
@pytest.mark.parametrize("text,typ", [
    ("He had read an article in the weekly Freedom Magazine, which attacked former members of the group.", "statement"),
    ("The editorial attacked the minister on Sunday.", "statement"),
    ("The senator attacked the governor's remarks on Monday.", "statement"),
    ("Militants attacked the convoy near Aden on Monday.", "attack"),
])
def test_an_attack_in_words(text, typ):
    ev = event(run(text), "attacked")
    assert ev is not None and ev.type == typ

"""English places (en35, issue #14): a participle's event happens where its governing clause does
(english.CLAUSE_PLACE), a happening told in or during another one happens where that frame did
(english.FRAME_PLACE), "off the coast" is where a movement happens (english.yaml prep_roles "off"). Texts written
for these tests."""
import pytest

from riwaya.events import english
from riwaya.events import extract
from riwaya.timex import tag_times

from .spans import M, paras

PUB = "2015-09-12"
needs_parse = pytest.mark.skipif(english._nlp() is None, reason="no English spaCy pipeline installed")

CRANE = "A crane fell into the Grand Mosque on Friday, killing 107 people and wounding 238."
RAID = "Troops raided a camp in Kunduz on Monday, arresting five men."
FRAME = "Hundreds of pilgrims were killed in a stampede during the annual pilgrimage near Mecca."
PLACES = ("Grand Mosque", "Kunduz", "Mecca", "Cairo", "Leeds", "Indonesian coast")


def args(text, word):
    ments = [M(text, n, "place") for n in PLACES if n in text]
    evs = extract(text, ments, tag_times(text, "en", PUB), paras(text, "en"), lang="en")[0]
    ev = next(e for e in evs if e.trigger == word)
    return [(a.role, a.text) for a in ev.arguments]


def places(text, word):
    return [t for r, t in args(text, word) if r == "place"]


@needs_parse
def test_a_participle_happens_where_its_clause_ends():
    assert places(CRANE, "killing") == ["the Grand Mosque"]
    assert places(CRANE, "wounding") == ["the Grand Mosque"]     # joined to the participle


@needs_parse
def test_a_participle_takes_the_governing_place_phrase():
    assert any("Kunduz" in p for p in places(RAID, "arresting"))


@needs_parse
def test_no_place_past_a_clause_mark_or_of_no_place():
    assert places("Police searched the house in Leeds after arresting two men.", "arresting") == []
    # "in hopes of ...": a phrase that names no place
    assert places("In hopes of peace, the minister wrote a letter to the king, asking for talks.", "asking") == []


@needs_parse
def test_clause_place_switch_off(monkeypatch):
    monkeypatch.setattr(english, "CLAUSE_PLACE", False)
    assert places(CRANE, "killing") == []


@needs_parse
def test_a_frame_gives_its_place():
    assert places(FRAME, "killed") == ["Mecca"]
    assert places(FRAME, "stampede") == ["Mecca"]        # the frame of the killing, during the pilgrimage


@needs_parse
def test_a_frame_noun_is_no_place(monkeypatch):
    text = "Two men were injured during a protest in Cairo on Monday."
    assert places(text, "injured") == ["Cairo"]
    monkeypatch.setattr(english, "FRAME_PLACE", False)
    assert places(FRAME, "killed") != ["Mecca"]


@needs_parse
def test_off_the_coast_is_the_place_of_a_movement():
    assert ("place", "Indonesian coast") in args("Over 900 asylum seekers rescued off Indonesian coast", "rescued")
    # not for other classes: "spoke off the record"
    assert places("The minister spoke off the record about the talks.", "spoke") == []


@needs_parse
def test_a_frame_that_is_the_case_gives_no_place(monkeypatch):
    # "charged in a bombing": the bombing is the charge, not where the charging happened (frame_place.types)
    text = "Two men were charged in a bombing near Leeds."
    assert places(text, "charged") == []
    R = english.resources()
    monkeypatch.setitem(R["frame_place"], "types", R["frame_place"]["types"] | {"trial", "charge", "accusation"})
    assert places(text, "charged") == ["Leeds"]

"""English pronoun arguments under GUIDELINE 3's convention (enpron28, issue #14): he / she / they whose person is
named only in an earlier sentence keep the pronoun's own span, its entity still the named person's, so the store and
the export say who "he" is; named earlier in the pronoun's own sentence, the name's span. Texts in the style of
English wire copy, written for these tests."""

import pytest

from riwaya.events import english

from .spans import M, extract_en

PUB = "2015-09-12"
needs_parse = pytest.mark.skipif(english._nlp() is None, reason="no English spaCy pipeline installed")


def run(text, names):
    ments = [M(text, n, "person") for n in names]
    return extract_en(text, ments, PUB)


def agent(evs, word):
    ev = next(e for e in evs if e.trigger == word)
    return next(a for a in ev.arguments if a.role == "agent")


TEXT = ("Police in Miami arrested Daniel Okafor on Monday after a two-week search.\n"
        "He traveled to Orlando in March and met lawyers there, court papers show.")


@needs_parse
def test_pronoun_across_sentences_keeps_its_span_and_the_person():
    evs = run(TEXT, ["Daniel Okafor"])
    a = agent(evs, "traveled")
    assert (a.text, TEXT[a.start:a.end]) == ("He", "He")
    assert a.entity == "Daniel Okafor"      # who "He" is: the named person, for the store to link
    assert a.type == "person"


@needs_parse
def test_pronoun_named_in_its_own_sentence_takes_the_name():
    text = "The actor Peter Lindqvist made headlines when he visited the disputed region in September."
    a = agent(run(text, ["Peter Lindqvist"]), "visited")
    assert "Peter Lindqvist" in a.text and a.end < text.index(" he ")


@needs_parse
def test_switch_off_gives_the_name_as_before(monkeypatch):
    monkeypatch.setattr(english, "PRONOUN_SPAN", False)
    a = agent(run(TEXT, ["Daniel Okafor"]), "traveled")
    assert a.text == "Daniel Okafor" and TEXT[a.start:a.end] == "Daniel Okafor"


@needs_parse
def test_first_person_stays():
    text = ("Maria Alvarez, the group's president, spoke to reporters on Friday.\n"
            "I traveled to Geneva last week to meet the delegates, she said.")
    a = agent(run(text, ["Maria Alvarez"]), "traveled")
    assert a.text == "I"


@needs_parse
def test_export_links_the_pronoun_to_the_named_person(tmp_path):
    """Built and exported: the departure's agent is the person's entity, not the raw word "He"."""
    from riwaya.store import Store
    from riwaya.pipeline import build
    f = tmp_path / "a.txt"
    f.write_text("Police arrested Jorge Whitcombe in Miami on Monday after a two-week search.\n\n"
                 "He traveled to Orlando in March, according to court papers.\n", encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'n.db'}"
    build([str(f)], db)
    exp = Store(db).export()
    names = {e["id"]: (e.get("name_en") or e.get("name_ar")) for e in exp["entities"]}
    ev = next(e for e in exp["events"] if any(x.get("trigger") == "traveled" for x in e["evidence"]))
    agents = [p["entity"] for p in ev["participants"] if p["role"] == "agent"]
    assert agents and all(a in names for a in agents)
    assert any("Whitcombe" in (names[a] or "") for a in agents)


def test_corpus_links_an_argument_by_the_name_before_it():
    """corpus._named_before: an argument whose span is no mention ("He") with the extractor's entity key (the
    name) takes the entity of the last mention of that name before it."""
    from riwaya.corpus import MentionIndex, _named_before
    ents = [{"id": "e:p:1", "mentions": [{"doc": "d", "start": 16, "end": 30}]}]
    analysis = {"mentions": [{"start": 16, "end": 30, "text": "Jorge Whitcombe", "name": "Jorge Whitcombe",
                              "kb_id": None}]}
    idx = MentionIndex(ents)
    he = {"role": "agent", "text": "He", "start": 80, "end": 82, "entity": "Jorge Whitcombe"}
    assert _named_before("d", analysis, idx, he) == "e:p:1"
    assert _named_before("d", analysis, idx, {**he, "entity": None}) is None
    assert _named_before("d", analysis, idx, {**he, "start": 5, "end": 7}) is None   # named only after it


def times(text):
    return {e.trigger: (e.time.text if e.time else None) for e in run(text, [])}


@needs_parse
def test_time_of_an_after_clause_is_not_the_main_clause_s():
    """A time inside a clause opened by after / before / since / until is that clause's happening's, not the
    trigger's it hangs on (english.yaml time_sequence_marks)."""
    t = times("After the council passed its emergency budget in 2013, Campbell went around to churches in the city.")
    assert t.get("went") is None


@needs_parse
def test_time_of_a_when_clause_stays_the_trigger_s():
    t = times("The soldier was killed when the plane crashed on Monday.")
    assert t.get("killed") == "Monday"


@needs_parse
def test_sequence_switch_off(monkeypatch):
    monkeypatch.setattr(english, "SEQUENCE_CLAUSE", False)
    t = times("After the council passed its emergency budget in 2013, Campbell went around to churches in the city.")
    assert t.get("went") == "2013"


def companions(text, word):
    ev = next(e for e in run(text, []) if e.trigger == word)
    return [a.text for a in ev.arguments if a.role == "companion"]


@needs_parse
@pytest.mark.parametrize("text,word,comp", [
    ("Foreign diplomats wanted to meet with his son and express their support.", "meet", "his son"),
    ("Students have been meeting with counsellors at the school since the attack.", "meeting", "counsellors"),
    ("Officials in Cairo said they were in contact with all relevant parties.", "contact", "all relevant parties"),
])
def test_the_other_party_after_with(text, word, comp):
    """english.with_party: the other party of a meeting, call or statement told by a common noun or a possessive
    phrase after "with", which the surface rule does not read."""
    assert companions(text, word) == [comp]


@needs_parse
def test_with_party_not_a_reception_nor_a_second_companion():
    met = [e for e in run("The proposal was met with criticism from the opposition.", []) if e.trigger == "met"]
    assert not any(a.role == "companion" for e in met for a in e.arguments)
    assert companions("The minister met with the ambassador in Riyadh on Monday.", "met") == ["the ambassador"]


@needs_parse
def test_with_party_switch_off(monkeypatch):
    monkeypatch.setattr(english, "WITH_PARTY", False)
    assert companions("Foreign diplomats wanted to meet with his son and express their support.", "meet") == []

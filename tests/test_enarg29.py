"""English event arguments the grouped CV's errors on train pointed to (enarg29, issue #14): a list the parse reads as
an apposition, the antecedent of a relative pronoun object, a place phrase on a noun of the trigger's own phrase,
a two-word trigger read at its head, who goes along told by "accompanied by", whom a request noun asks told by a
participle of asking, and a second noun that shares its first's possessor. Texts in the style of English wire copy,
written for these tests; each rule's switch off gives the old reading."""
import pytest

from riwaya.events import english

from .spans import extract_named_en, role_texts

PUB = "2016-03-02"
needs_parse = pytest.mark.skipif(english._nlp() is None, reason="no English spaCy pipeline installed")


def run(text, places=(), people=()):
    return extract_named_en(text, places, people, PUB)


args = role_texts


LIST = "The rebels captured Idlib, the nearby villages, and the airbase on Sunday."


@needs_parse
def test_a_list_read_as_an_apposition_gives_each_item():
    got = args(run(LIST, ["Idlib"]), "captured", "patient")
    assert "Idlib" in got and "the nearby villages" in got and "the airbase" in got


@needs_parse
def test_list_switch_off(monkeypatch):
    monkeypatch.setattr(english, "LIST_APPOS", False)
    assert "the nearby villages" not in args(run(LIST, ["Idlib"]), "captured", "patient")


def test_a_true_apposition_is_no_list():
    nlp = english._nlp()
    if nlp is None:
        pytest.skip("no English spaCy pipeline installed")
    d = nlp("The rebels captured Idlib, the nearby villages, and the airbase.")
    assert any(english._list_item(t) for t in d if t.dep_ == "appos")
    d = nlp("Police arrested his brother, a teacher, on Monday.")
    assert not any(english._list_item(t) for t in d if t.dep_ == "appos")


REL = "Officials visited Mosul, which the army captured last year."


@needs_parse
def test_relative_pronoun_object_is_its_antecedent():
    evs = run(REL, ["Mosul"])
    assert args(evs, "captured", "patient") == ["Mosul"]
    assert args(evs, "captured", "agent") == ["the army"]


@needs_parse
def test_relative_pronoun_switch_off(monkeypatch):
    monkeypatch.setattr(english, "REL_ANTECEDENT", False)
    assert "Mosul" not in args(run(REL, ["Mosul"]), "captured", "patient")


PLACE = "Police officers have been meeting with community leaders at the mosque since the attack."


@needs_parse
def test_a_place_phrase_on_the_triggers_own_noun_phrase():
    assert args(run(PLACE), "meeting", "place") == ["the mosque"]


@needs_parse
def test_inner_place_switch_off(monkeypatch):
    monkeypatch.setattr(english, "INNER_PLACE", False)
    assert args(run(PLACE), "meeting", "place") == []


@needs_parse
def test_no_place_past_another_events_noun():
    text = "A man was charged in the stabbing of a guard at the prison."
    assert args(run(text), "charged", "place") == []


@needs_parse
def test_companion_told_by_accompanied_by():
    text = "The president returned to Damascus on Sunday, accompanied by his foreign minister."
    evs = run(text, ["Damascus"])
    assert args(evs, "returned", "companion") == ["his foreign minister"]
    assert args(evs, "returned", "destination") == ["Damascus"]


@needs_parse
def test_companion_participle_switch_off(monkeypatch):
    monkeypatch.setattr(english, "COMPANION_PARTICIPLE", False)
    text = "The president returned to Damascus on Sunday, accompanied by his foreign minister."
    assert args(run(text, ["Damascus"]), "returned", "companion") == []


PETITION = "The teachers' union launched a petition on Monday, asking the government to raise salaries."


@needs_parse
def test_whom_a_request_noun_asks():
    assert args(run(PETITION), "petition", "patient") == ["the government"]


@needs_parse
def test_addressee_participle_switch_off(monkeypatch):
    monkeypatch.setattr(english, "ADDRESSEE_PARTICIPLE", False)
    assert args(run(PETITION), "petition", "patient") == []


CUP = "Fans celebrated after the World Cup in Qatar ended."


@needs_parse
def test_a_two_word_trigger_is_read_at_its_head():
    assert args(run(CUP, ["Qatar"]), "World Cup", "place") == ["Qatar"]


@needs_parse
def test_compound_head_switch_off(monkeypatch):
    monkeypatch.setattr(english, "COMPOUND_HEAD", False)
    assert args(run(CUP, ["Qatar"]), "World Cup", "place") == []


TRIAL = "The film follows her arrest and trial in Cairo."


@needs_parse
def test_a_second_noun_shares_the_first_ones_possessor():
    assert args(run(TRIAL, ["Cairo"]), "trial", "patient") == ["her"]


@needs_parse
def test_conj_possessor_switch_off(monkeypatch):
    monkeypatch.setattr(english, "CONJ_POSSESSOR", False)
    assert args(run(TRIAL, ["Cairo"]), "trial", "patient") == []

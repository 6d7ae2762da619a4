"""English event arguments left by enarg29 (enarg30, issue #14): a sum of money on the trigger as its amount, a
surface sum the parse ties to another word dropped, "twice" as the amount (shipped off), a participant's apposition
kept in its span, and the English timex rules for "almost two years ago" and a season without its year. Texts in the
style of English wire copy, written for these tests; each rule's switch off gives the old reading."""
import pytest

from riwaya.events import english
from riwaya.timex import tag_times

from .spans import extract_named_en, role_texts

PUB = "2016-03-02"
needs_parse = pytest.mark.skipif(english._nlp() is None, reason="no English spaCy pipeline installed")


def run(text, places=(), people=()):
    return extract_named_en(text, places, people, PUB)


args = role_texts


BAIL = "Montalvo was released on US$ 20,000 bail on Thursday."
PRIZE = "In the final, the Brazilian team won the championship and $ 50,000."
PAY = "The court ruled that the schools must pay over 422,000 euros in arrears."


@needs_parse
def test_money_on_the_trigger_is_its_amount():
    assert args(run(BAIL, people=["Montalvo"]), "released", "amount") == ["US$ 20,000"]
    assert args(run(PRIZE), "won", "amount") == ["$ 50,000"]


@needs_parse
def test_money_switch_off(monkeypatch):
    monkeypatch.setattr(english, "MONEY_AMOUNT", False)
    assert args(run(BAIL, people=["Montalvo"]), "released", "amount") == []


@needs_parse
def test_a_sum_of_another_verb_is_no_amount_of_the_trigger_when_switched_on(monkeypatch):
    assert args(run(PAY), "ruled", "amount") == ["422,000 euros"]      # shipped off: the surface rule's sum stays
    monkeypatch.setattr(english, "STRAY_AMOUNT", True)
    assert args(run(PAY), "ruled", "amount") == []


@needs_parse
def test_one_sum_one_amount():
    evs = run("Donors pledged over $2 billion in aid to Syria.")
    assert args(evs, "pledged", "amount") == ["over $2 billion"]


@needs_parse
def test_a_counted_subject_sum_stays():
    evs = run("About $2 billion was pledged by the donors at the conference.")
    assert args(evs, "pledged", "amount") and "2 billion" in args(evs, "pledged", "amount")[0]


@needs_parse
def test_twice_is_the_amount_when_switched_on(monkeypatch):
    text = "The boat was turned around twice by the navy."
    assert args(run(text), "turned", "amount") == []          # shipped off
    monkeypatch.setattr(english, "REPEAT_AMOUNT", True)
    assert args(run(text), "turned", "amount") == ["twice"]


APPOS = "Police arrested Daniel Montalvo, 19, a member of the group, on Thursday."


@needs_parse
def test_an_apposition_stays_in_the_participants_span():
    assert args(run(APPOS, people=["Daniel Montalvo"]), "arrested", "patient") == [
        "Daniel Montalvo, 19, a member of the group"]
    got = args(run("James Baker, secretary of state, agreed to the plan on Monday.", people=["James Baker"]),
               "agreed", "agent")
    assert got == ["James Baker, secretary of state"]


@needs_parse
def test_appos_switch_off(monkeypatch):
    monkeypatch.setattr(english, "APPOS_SPAN", False)
    assert args(run(APPOS, people=["Daniel Montalvo"]), "arrested", "patient") == ["Daniel Montalvo"]


@needs_parse
def test_a_list_is_no_apposition():
    got = args(run("The rebels captured Idlib, the nearby villages, and the airbase on Sunday.", ["Idlib"]),
               "captured", "patient")
    assert "Idlib" in got and "the nearby villages" in got and "the airbase" in got


def _times(text):
    return [(t.text, t.value.kind, (t.value.earliest or "")[:10]) for t in tag_times(text, "en", "2015-05-10")]


def test_ago_with_an_approximation_is_a_date():
    assert _times("Genesis brought back a sample almost two years ago.") == [
        ("almost two years ago", "date", "2013-01-01")]
    assert _times("It shipped with Windows XP, nearly a decade ago.")[0][:2] == ("nearly a decade ago", "date")


def test_a_season_without_its_year():
    assert _times("who applied before last summer.") == [("last summer", "date", "2014-06-01")]
    assert _times("In the summer, Georges returned to Switzerland.")[0][:2] == ("In the summer", "date")
    assert _times("He left the city in the fall.")[0][:2] == ("in the fall", "date")


def test_no_season_where_the_word_is_something_else():
    assert _times("With the fall of the Qing dynasty, Mongolia declared independence.") == []
    assert _times("the Winter Carnival of Magic in Tennessee") == []
    assert _times("in the summer of 1990 he left")[0][0] == "summer of 1990"

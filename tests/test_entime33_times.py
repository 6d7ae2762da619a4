"""English event times from another clause (entime33, issue #14): a time of the verb that governs the trigger is
not the trigger's when the trigger stands in another clause under it: a noun in an adverbial clause, a coordinated
clause with a subject of its own, what a reporting verb reports (english._other_clause; english.yaml
time_noun_clause_links, time_own_subject_links, time_report_links). Texts in the style of English wire copy and
encyclopedia sentences, written for these tests."""
import pytest

from riwaya.events import english
from riwaya.events import extract
from riwaya.timex import tag_times

from .spans import paras

PUB = "2015-09-12"
needs_parse = pytest.mark.skipif(english._nlp() is None, reason="no English spaCy pipeline installed")


def times(text):
    evs = extract(text, [], tag_times(text, "en", PUB), paras(text, "en"), lang="en")[0]
    return {e.trigger: (e.time.text if e.time else None) for e in evs}


NOUN = "Amnesty International cites newspaper articles from 2008 describing the murder of fifty villagers."
CONJ = "Genesis brought back a sample from the Sun two years ago, but Stardust is also bringing back the first samples."
REPORT = "The army said on Tuesday that two soldiers were killed."


@needs_parse
def test_a_noun_in_an_adverbial_clause_is_not_dated_by_the_verb_above():
    assert times(NOUN).get("murder") is None


@needs_parse
def test_a_conjunct_with_its_own_subject_keeps_its_own_time():
    t = times(CONJ)
    assert t.get("brought back") == "two years ago"
    assert t.get("bringing back") is None


@needs_parse
def test_a_conjunct_sharing_the_subject_shares_the_time():
    t = times("Rebels attacked the town on Monday and killed five soldiers.")
    assert t.get("attacked") == "Monday" and t.get("killed") == "Monday"


@needs_parse
def test_the_report_s_day_is_not_the_reported_happening_s():
    assert times(REPORT).get("killed") is None
    assert times("Police said on Monday that the gunman had attacked the school.").get("attacked") is None


@needs_parse
def test_own_times_stay():
    """The trigger's own time, a participle telling the same happening on, a reported clause with its own date."""
    t = times("A storm yesterday caused a crane to fall into the mosque, killing 107 people and wounding 238.")
    assert t.get("killing") == "yesterday" and t.get("wounding") == "yesterday"
    t = times("The army said on Tuesday that two soldiers were killed in 2019.")
    assert t.get("killed") == "2019"
    assert times("The ministry announced on Sunday the arrest of three men.").get("arrest") == "Sunday"


@needs_parse
@pytest.mark.parametrize("switch,text,word,value", [
    ("NOUN_CLAUSE_TIME", NOUN, "murder", "2008"),
    ("OWN_SUBJECT_TIME", CONJ, "bringing back", "two years ago"),
    ("REPORT_TIME", REPORT, "killed", "Tuesday"),
])
def test_switches_off(monkeypatch, switch, text, word, value):
    monkeypatch.setattr(english, switch, False)
    assert times(text).get(word) == value

"""English lexicon words told of in general (en37, issue #14): a statement that is the medium of a reporting
verb's act (english.REPORT_FRAME), a happening "of" a possibility weighed (english.HYPOTHETICAL_FRAME), a word
of habit on the verb (english.HABIT_WORDS). Measured and shipped off (benchmarks/events_corpus/README.md, en37):
each is pinned here switched on, and off as shipped. Texts written for these tests."""
import pytest

from riwaya.events import english
from riwaya.events import extract
from riwaya.timex import tag_times

from .spans import paras

PUB = "2015-09-12"
needs_parse = pytest.mark.skipif(english._nlp() is None, reason="no English spaCy pipeline installed")


def triggers(text):
    evs = extract(text, [], tag_times(text, "en", PUB), paras(text, "en"), lang="en")[0]
    return [e.trigger for e in evs]


@pytest.fixture
def on(monkeypatch):
    for k in ("REPORT_FRAME", "HYPOTHETICAL_FRAME", "HABIT_WORDS"):
        monkeypatch.setattr(english, k, True)


@needs_parse
def test_a_statement_as_the_medium_of_a_telling(on):
    assert "statement" not in triggers("A spokesman told the newspaper in a statement that the case was closed.")
    assert "denied" in triggers("In a statement to the broadcaster, the Church denied the allegations.")
    assert "statement" not in triggers("In a statement to the broadcaster, the Church denied the allegations.")
    # a statement framing no reporting verb, and an interview (a meeting of its own), stay
    assert "statement" in triggers("Discussing his concern in a public statement, the minister said the boats "
                                   "would be turned away.")
    assert "interview" in triggers("In an interview with the newspaper, the minister said the talks had failed.")


@needs_parse
def test_a_possibility_weighed(on):
    assert "war" not in triggers("Higher incomes reduced the chance of civil war in the region.")
    assert "living" not in triggers("They entertained the idea of living in South America.")
    assert "war" in triggers("The civil war broke out in 2011.")


@needs_parse
def test_a_habit(on):
    assert "return" not in triggers("The dog would jump the high fence and always return to where he felt at home.")
    assert "death" not in triggers("The fights often resulted in the death of one of the stallions.")
    assert "returned" in triggers("He returned home in 2004.")
    assert "attacked" in triggers("The army attacked the town on Monday.")


@needs_parse
def test_shipped_off(monkeypatch):
    for k in ("REPORT_FRAME", "HYPOTHETICAL_FRAME", "HABIT_WORDS"):
        assert getattr(english, k) is False
    assert "statement" in triggers("A spokesman told the newspaper in a statement that the case was closed.")
    assert "war" in triggers("Higher incomes reduced the chance of civil war in the region.")
    assert "death" in triggers("The fights often resulted in the death of one of the stallions.")

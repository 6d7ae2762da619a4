"""A sentence of its own that only credits an agency ("بحسب رويترز."، "وفقا للفرنسية.") is the article's dateline
at its foot (GUIDELINE 5): the agency is the source of the events before it that credit nobody in the text
(src32, issue 14; `learned.CLOSING_CREDIT`, off as shipped: no Arabic dev document has such a line). Names
beyond attribution.yaml `wires`: `credit_line_names`."""
import pytest

from riwaya.events import learned
from riwaya.models import EventMention


def _lines(text):
    T = learned.Text(text)
    return [text[a:b] for a, b in learned._credit_lines(T, learned._lexicon())]


@pytest.mark.parametrize("line,name", [
    ("بحسب رويترز.", "رويترز"),
    ("وفقا للفرنسية.", "للفرنسية"),
    ("وفقاً للألمانية.", "للألمانية"),
    ("وفقا لوكالة افي.", "لوكالة افي"),
])
def test_a_credit_line_names_its_agency(line, name):
    assert _lines("وقتل ثلاثة في انفجار سيارة مفخخة. " + line) == [name]


@pytest.mark.parametrize("line", [
    "بحسب تعبير البيان.",          # a manner of speaking, no agency
    "وفقا للمادة العاشرة.",         # in accordance with a law
    "وقال مصدر أمني إن الانفجار وقع قرب السوق.",   # a sentence that tells something
])
def test_no_credit_line_where_the_sentence_credits_no_agency(line):
    assert _lines("وقتل ثلاثة في انفجار سيارة مفخخة. " + line) == []


def _ev(text, trigger, chain=()):
    s = text.index(trigger)
    ev = EventMention("conflict", "attack", trigger, 0, len(text), s, s + len(trigger))
    ev.attribution.chain = [dict(l) for l in chain]
    return ev


def test_events_before_the_line_without_a_source_take_the_agency():
    text = "قصفت طائرات التحالف مواقع في المدينة. وقال مصدر محلي إن القصف أوقع قتلى. بحسب رويترز. وانفجرت عبوة."
    outlet = {"name": "سبق", "kind": "outlet"}
    told = {"name": "مصدر محلي", "kind": "unnamed_source", "start": text.index("مصدر"), "end": text.index("مصدر") + 9}
    bomb, raid, kill, after = (_ev(text, "قصفت", [outlet]), _ev(text, "القصف", [outlet, told]),
                               _ev(text, "أوقع"), _ev(text, "وانفجرت"))
    learned._closing_credit(learned.Text(text), [bomb, raid, kill, after], learned._lexicon())
    assert [l.get("name") for l in bomb.attribution.chain] == ["سبق", "رويترز"]       # after the publisher
    assert [l.get("name") for l in raid.attribution.chain] == ["سبق", "مصدر محلي"]   # its own source stays
    assert [l.get("name") for l in kill.attribution.chain] == ["رويترز"]
    assert after.attribution.chain == []                                              # after the line: not its


def test_switch_is_read_by_refine():
    import inspect
    assert "CLOSING_CREDIT" in inspect.getsource(learned.refine)

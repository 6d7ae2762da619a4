"""A dateline that names unnamed news agencies ("سبق- وكالات:") credits them with the events the text credits
nobody for (src33, issue 14; GUIDELINE 5: a dateline agency is the outermost source, the annotators mark the
word). Switch: `riwaya.events.dateline.AGENCIES_DATELINE`; the words: datelines.yaml `agencies`."""
import pytest

from riwaya.analyze import analyze
from riwaya.events import dateline
from riwaya.models import Document

TEXT = (" سبق- وكالات: قصفت طائرات الجيش الليبي مواقع متشددين في مدينة درنة شرقي البلاد مساء الأحد. "
        "وقال مصدر عسكري إن القوات سيطرت على مواقع في المدينة.")


def _doc(text=TEXT, end=14):
    return Document(id="d", text=text, language="ar", outlet="sabq",
                    meta={"dateline": {"start": 1, "end": end, "outlet": "سبق", "outlet_en": "Sabq", "kind": "head"}})


def _chains(doc):
    return {e.trigger: [l.get("name") for l in e.attribution.chain if l.get("start") is not None]
            for e in analyze(doc).events}


@pytest.mark.parametrize("text,word", [
    ("سبق- وكالات: ", "وكالات"), ("سبق- الوكالات: ", "الوكالات"), ("الرياض- وكالات الأنباء: ", "وكالات الأنباء"),
])
def test_the_agencies_word_and_span(text, word):
    link = dateline._agencies(text, 0, len(text))
    assert link["name"] == word and text[link["start"]:link["end"]] == word


def test_no_agencies_in_a_plain_dateline():
    assert dateline._agencies("سبق- الرياض: ", 0, 12) is None


def test_switch_on_credits_the_unsourced_event_only(monkeypatch):
    monkeypatch.setattr(dateline, "AGENCIES_DATELINE", True)
    ch = _chains(_doc())
    assert ch["قصفت"] == ["وكالات"]                                  # nobody in the text: the agencies
    sourced = [v for k, v in ch.items() if k != "قصفت" and v]
    assert sourced and all(v[-1].startswith("مصدر") for v in sourced)  # an in-text teller keeps the event


def test_switch_off_leaves_the_newspapers_own_dateline_silent(monkeypatch):
    monkeypatch.setattr(dateline, "AGENCIES_DATELINE", False)
    assert _chains(_doc())["قصفت"] == []

"""The English argument model (en14): the parse's reading of a candidate as features, the rules' agents and
patients kept, and odd English text that stays normal input. Wire-style sentences written for these tests."""
import pytest

from riwaya.analyze import analyze
from riwaya.events import english, learned
from riwaya.models import Document, EventMention

pytestmark = pytest.mark.skipif(english._nlp() is None, reason="no English spaCy pipeline installed")


def _event(text, trigger, cls="harm", typ="arrest"):
    s = text.index(trigger)
    return EventMention(cls=cls, type=typ, trigger=trigger, start=0, end=len(text), trigger_start=s,
                        trigger_end=s + len(trigger))


def _cand(text, words, etype="np", role=None):
    s = text.index(words)
    return learned.Candidate(s, s + len(words), words, role, etype, None, None)


def test_the_parse_tells_the_subject_from_the_object_and_the_preposition():
    text = "Police arrested three protesters in Cairo on Sunday."
    T = learned.Text(text)
    ev = _event(text, "arrested")
    subj = learned.en_parse_features(T, ev, _cand(text, "Police", "organization"))
    obj = learned.en_parse_features(T, ev, _cand(text, "three protesters"))
    where = learned.en_parse_features(T, ev, _cand(text, "Cairo", "place"))
    assert "en_dep=nsubj" in subj and "en_gov_trig=True|nsubj|" in subj
    assert "en_dep=dobj" in obj and "en_gov_trig=True|dobj|" in obj
    assert "en_prep=in|True" in where


def test_a_passive_trigger_reads_its_voice():
    text = "Three protesters were arrested by police in Cairo."
    T = learned.Text(text)
    f = learned.en_parse_features(T, _event(text, "arrested"), _cand(text, "Three protesters"))
    assert "en_dep=nsubjpass" in f and any(x.startswith("en_voice=True|") for x in f)


def test_the_arabic_features_are_untouched():
    text = "قال مصدر إن مسلحين هاجموا القوات في المدينة."
    T = learned.Text(text)
    ev = _event(text, "هاجموا", typ="attack")
    f = learned.argument_features(T, ev, _cand(text, "مسلحين"), [])
    assert not any(x.startswith("en_") for x in f)


def test_a_line_too_long_to_parse_gives_no_parse_features():
    text = "Police arrested the men " + "and the women " * 500 + "in Cairo."
    T = learned.Text(text)
    f = learned.en_parse_features(T, _event(text, "arrested"), _cand(text, "Police", "organization"))
    assert f == ["en_parse=none"]


WIRE = ("Police arrested three opposition activists in Cairo on Sunday, the interior ministry said.\n"
        "The activists were taken to a police station in Giza.")


def test_keep_stops_a_model_dropping_the_rules_agent_and_patient(monkeypatch):
    """A model sure that every candidate is no argument (bias only) drops the rules' arrest arguments, except
    the roles its `keep` names; the chunks of the parse stay candidates and take no role from it."""
    base = learned.model() or {}
    doc = Document(id="en14-keep", text=WIRE, language="en")
    rules = analyze(doc)
    arrest = next(e for e in rules.events if e.trigger == "arrested")
    assert {a.role for a in arrest.arguments} >= {"agent", "patient"}
    for keep, want in (([], set()), (["agent", "patient"], {"agent", "patient"})):
        arg = {"classes": ["none", "agent", "patient", "place"], "bias": [9.0, 0.0, 0.0, 0.0], "w": {},
               "threshold": 0.5, "override": 0.0, "fill": {}, "keep": keep, "types": ["arrest"],
               "roles": ["agent", "patient", "place"], "single": ["agent", "patient", "place"], "merge_gap": 2}
        M = {**base, "en": {**(base.get("en") or {}), "argument": arg}}
        monkeypatch.setattr(learned, "model", lambda M=M: M)
        an = analyze(Document(id="en14-keep", text=WIRE, language="en"))
        ev = next(e for e in an.events if e.trigger == "arrested")
        assert {a.role for a in ev.arguments if a.role in ("agent", "patient", "place")} == want


def test_the_parse_hangs_unnamed_phrases_on_the_trigger():
    text = "Every team in the contest was sent a collection of robot parts in advance."
    T = learned.Text(text)
    ev = _event(text, "sent", cls="movement", typ="transfer")
    got = [c.text for c in learned._en_chunks(T, ev, [(ev.trigger_start, ev.trigger_end)])]
    assert "Every team" in got and "a collection" in got


def test_the_shipped_model_keeps_the_rules_agent_and_patient():
    M = learned.model_for("en") or {}
    if "argument" not in M:
        pytest.skip("no English argument model shipped")
    assert set(M["argument"]["keep"]) == {"agent", "patient"} and not M["argument"]["fill"]
    an = analyze(Document(id="en14-wire", text=WIRE, language="en"))
    arrest = next(e for e in an.events if e.trigger == "arrested")
    roles = {(a.role, a.text) for a in arrest.arguments}
    assert ("agent", "Police") in roles and any(r == "patient" and "activists" in t for r, t in roles)


def test_odd_english_is_normal_input():
    for text in ("", "\n\n", "said said said " * 200, "“”\"\"''" * 50 + " arrested", "A" * 20000 + " was killed."):
        analyze(Document(id="en14-odd", text=text, language="en"))

"""trig22 (issue #14): an announcing verb before عن announces ("أعلنت X مسؤوليتها عن الهجوم"), before أن it reports;
the trigger model reads a speaking verb's first complementizer and what follows it; the out-of-fold trigger tool."""
import sys
from pathlib import Path

from riwaya.analyze import analyze
from riwaya.events import learned
from riwaya.events.extract import load_lexicon
from riwaya.models import Document

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks" / "events_corpus"))


def _rules(text, monkeypatch, announcing=True):
    # the rules' proposals, before the models decide (the learned step left out; not by RIWAYA_EVENTS_LEARNED,
    # which the form table's sections would then hold against the whole process)
    monkeypatch.setattr(learned, "refine", lambda text, an, lex=None: None)
    lex = load_lexicon()
    if announcing:                                            # off in the shipped schema (README, trig22)
        monkeypatch.setitem(lex, "announcing", ({"announcement"}, lex["announcing"][1]))
    return [(e.type, e.trigger) for e in analyze(Document(id="x", text=text)).events]


def test_announcing_is_off_as_shipped(monkeypatch):
    ev = _rules("وأعلنت حركة الشباب في بيان مسؤوليتها عن قتل النائب في مقديشو.", monkeypatch, announcing=False)
    assert not [e for e in ev if e[0] == "announcement"] and ("killing", "قتل") in ev


def test_standing_state_and_wish_are_no_events(monkeypatch):
    ev = _rules("ويطلق مقاتلو المعارضة قذائف على المناطق الخاضعة لسيطرة النظام.", monkeypatch)
    assert not [e for e in ev if e[0] == "control"]
    assert ("control", "وسيطرت") in _rules("وسيطرت قوات المعارضة على مدينة إدلب أمس.", monkeypatch)
    ev = _rules("وتمنى الوزير الشفاء العاجل للمصابين في الحادث.", monkeypatch)
    assert not [e for e in ev if e[0] == "injury"]
    assert ("injury", "المصابين") in _rules("وأصيب ثلاثة أشخاص في الحادث ونقل المصابين إلى المستشفى.", monkeypatch)


def test_place_and_travel_words(monkeypatch):
    assert not [e for e in _rules("وقصفت الطائرات مواقع في تعز وعدن أمس.", monkeypatch) if e[0] == "promise"]
    assert not [e for e in _rules("وافتتح المحافظ المشروع في محافظة الخرج أمس.", monkeypatch) if e[0] == "departure"]
    assert ("departure", "سفره") in _rules("وقضت المحكمة بسجنه خمس سنوات عقب سفره إلى سوريا عام 2013.", monkeypatch)


def test_a_claim_of_responsibility_is_an_announcement(monkeypatch):
    ev = _rules("وأعلنت حركة الشباب في بيان مسؤوليتها عن قتل النائب في مقديشو.", monkeypatch)
    assert ("announcement", "وأعلنت") in ev and ("killing", "قتل") in ev
    ev = _rules("أعلنت أمانة المنطقة الشرقية عن عزمها إغلاق طريق الملك عبدالعزيز يوم الأربعاء.", monkeypatch)
    assert ("announcement", "أعلنت") in ev


def test_an_announcing_verb_before_an_reports(monkeypatch):
    ev = _rules("أعلن الجيش المصري أن ثمانية عناصر قتلوا في سيناء أمس.", monkeypatch)
    assert not [e for e in ev if e[0] == "announcement"]
    assert ("killing", "قتلوا") in ev


def test_oof_keep_rule(monkeypatch):
    # train_events (imported by the tool) turns the learned stage off for its process: undone after the test
    monkeypatch.setenv("RIWAYA_EVENTS_LEARNED", "1")
    import cv_ar_triggers as cv
    types = {"attack"}
    info = {"type": "attack", "heading": False, "duration": False}
    assert cv.keep(info, 0.3, 0.25, types) and not cv.keep(info, 0.2, 0.25, types)
    assert cv.keep({**info, "type": "hiding"}, 0.0, 0.25, types)        # a type the model does not judge stays
    assert cv.keep({**info, "heading": True}, 0.0, 0.25, types)         # a heading keeps the rules' word
    data = [("d", [], "1", info), ("d", [], "0", info), ("d", [], "1", info)]
    c = cv.counts(data, [0.9, 0.9, 0.1], 0.25, types, unproposed=1)
    assert (c["tp"], c["fp"], c["fn"]) == (1, 1, 2)

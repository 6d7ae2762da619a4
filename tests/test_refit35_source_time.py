"""refit35 (issue #14): the Arabic source and time models refit on today's analyses ship in model.json; the switch
learned.SOURCE_TIME_REFIT35 puts the models shipped before them back (data/events/model_before_refit35.json)."""
import json
from importlib import resources

import pytest

from riwaya.events import learned


@pytest.fixture
def fresh_model(monkeypatch):
    monkeypatch.delenv("RIWAYA_EVENTS_MODEL", raising=False)
    monkeypatch.setenv("RIWAYA_EVENTS_LEARNED", "1")
    learned.model.cache_clear()
    yield
    learned.model.cache_clear()


def _before() -> dict:
    return json.loads(resources.files("riwaya").joinpath("data/events/model_before_refit35.json").read_text("utf-8"))


def test_the_refit_ships_on():
    assert learned.SOURCE_TIME_REFIT35 is True


def test_the_switch_puts_back_the_source_and_time_models_before_the_refit(fresh_model, monkeypatch):
    before = _before()
    assert set(before) == {"source", "time"}
    on = learned.model()["ar"]
    assert on["source"]["w"] != before["source"]["w"] and on["time"]["w"] != before["time"]["w"]
    assert on["time"]["threshold"] == 0.55 and on["source"]["threshold"] == 0.25
    monkeypatch.setattr(learned, "SOURCE_TIME_REFIT35", False)
    learned.model.cache_clear()
    off = learned.model()["ar"]
    assert off["source"] == before["source"] and off["time"] == before["time"]
    assert off["time"]["threshold"] == 0.45
    for name in ("trigger", "argument", "polarity", "span", "proposer", "extra_triggers"):
        assert off[name] == on[name]          # every other model is the same in both


def test_both_source_models_credit_the_speaker_before_the_event(fresh_model, monkeypatch):
    # a clear attribution: either model credits the police (its spokesman speaks for it) with the killing reported
    from riwaya.analyze import analyze
    from riwaya.models import Document
    text = "وقال المتحدث باسم الشرطة اليمنية إن مسلحين قتلوا ثلاثة جنود في مدينة عدن صباح اليوم."
    got = []
    for on in (True, False):
        monkeypatch.setattr(learned, "SOURCE_TIME_REFIT35", on)
        learned.model.cache_clear()
        an = analyze(Document(id="x", text=text, language="ar", published="2015-08-10"))
        ev = next(e for e in an.events if e.trigger == "قتلوا")
        got.append([link.get("text") for link in ev.attribution.chain if link.get("start") is not None])
    assert got[0] == got[1] and any("الشرطة" in (t or "") for t in got[0])

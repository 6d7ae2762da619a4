"""trans28 (issue #14): whether an Arabic trigger takes an object, as data counted in raw news
(riwaya/data/events/transitivity.json, scripts/build_transitivity.py), read by the argument model as features
(learned.TRANSITIVITY), and the residual fit that adds their weights on top of the shipped ones
(train_events.fit_residual)."""
import importlib
from pathlib import Path

import pytest

from riwaya.events import learned
from riwaya.events.extract import load_lexicon
from riwaya.textutil import normalize_ar
from tests.conftest import candidate_at, event_at, import_train_events

ROOT = Path(__file__).resolve().parents[1]


def _src(mod: str) -> str:
    return open(importlib.util.find_spec(mod).origin, encoding="utf-8").read()


def test_the_table_is_small_and_whole():
    table, cuts = learned._transitivity_table()
    assert 300 <= len(table) <= 600          # one row per trigger form seen 20 times or more
    assert cuts[0] < cuts[1]
    assert set(table.values()) == {"T", "M", "I"}
    assert (ROOT / "riwaya" / "data" / "events" / "transitivity.json").stat().st_size < 50_000


@pytest.mark.parametrize("word,cls", [
    ("استهدفت", "T"),       # targeted: an object
    ("واعتقال", "T"),       # arrest: done to someone
    ("وصل", "I"),           # arrived: إلى, no object
    ("يعود", "I"),          # returns
    ("وانتشر", "I"),        # spread out
])
def test_classes_of_forms(word, cls):
    assert learned.transitivity(normalize_ar(word)) == cls


def test_outside_the_table():
    assert learned.transitivity("hello") == "unk"
    assert learned.transitivity(normalize_ar("هجوم بالقنابل")) == "unk"     # a multi-word trigger


def _features(text, trigger, span, typ, cls, etype="np"):
    T = learned.Text(text)
    ev = event_at(text, trigger, typ, cls)
    c = candidate_at(text, span, etype)
    return learned.argument_features(T, ev, c, [c], [(ev.trigger_start, ev.trigger_end)])


def test_features_only_when_on(monkeypatch):
    text = "وأعلنت الشرطة اعتقال الصحفي في مدينة عدن يوم الخميس."
    assert not [f for f in _features(text, "اعتقال", "الصحفي", "arrest", "control") if f.startswith("tr_")]
    monkeypatch.setattr(learned, "TRANSITIVITY", True)
    f = _features(text, "اعتقال", "الصحفي", "arrest", "control")
    assert "tr_gen=T|np" in f                      # a verbal noun's genitive, the noun transitive
    assert "tr_pos=T|after|0|True" in f
    text = "وصل وزير الخارجية الأمريكي إلى الرياض مساء أمس."
    f = _features(text, "وصل", "وزير الخارجية", "arrival", "movement", "person")
    assert "tr_pos=I|after|0|False" in f           # a verb that takes no object: the phrase after is its subject
    assert not [x for x in f if x.startswith("tr_gen=")]


def test_counting_cues(monkeypatch):
    monkeypatch.syspath_prepend(str(ROOT / "scripts"))
    import build_transitivity as bt
    lex = load_lexicon()
    L = learned._lexicon()
    texts = ["وقالت المصادر إن التنظيم استهدفها أمس، وتم اعتقال الصحفي من قبل الشرطة.",
             "ووصل إلى جدة أمس وزير الخارجية، ثم وصل الى الرياض وفد رسمي، والعادة أن يعود."]
    t = bt.count(texts, lex, frozenset(L["passive_aux"]["ar"]), tuple(L["agent_by"]["ar"]))
    n, obj, pas, by, dd, lam, prep = t[normalize_ar("استهدف")]
    assert (n, obj) == (1, 1)                       # an object pronoun on the verb
    n, obj, pas, by, dd, lam, prep = t[normalize_ar("اعتقال")]
    assert (pas, by) == (1, 1)                      # after تم, before من قبل
    assert t[normalize_ar("وصل")][6] == 2           # before إلى / الى twice
    assert not bt._object_pronoun(bt._suffix(normalize_ar("الحوثيين"), normalize_ar("حوثي")))


def test_residual_fit_keeps_the_base_weights(monkeypatch):
    monkeypatch.syspath_prepend(str(ROOT / "scripts"))
    te = import_train_events(monkeypatch)   # it turns the learned stage off for its process: undone by monkeypatch
    base = {"classes": ["agent", "none", "patient"], "bias": [0.0, 0.5, 0.0],
            "w": {"side=after": [0.2, 0.0, 0.3], "side=before": [0.6, 0.0, -0.2]}}
    data = ([(["side=after", "tr_pos=I"], "agent")] * 30 + [(["side=after", "tr_pos=T"], "patient")] * 30
            + [(["side=after", "tr_pos=T"], "none")] * 5)
    m = te.fit_residual(data, base, "^tr_", 1.0)
    assert m["w"]["side=after"] == base["w"]["side=after"] and m["bias"] == base["bias"]
    assert m["w"]["tr_pos=I"][0] > m["w"]["tr_pos=I"][2]
    assert m["w"]["tr_pos=T"][2] > m["w"]["tr_pos=T"][0]


def test_shipped_off():
    # measured and left off (README trans28): no arm reached the shipped weights on dev
    assert "\nTRANSITIVITY = False" in _src("riwaya.events.learned")

"""refit35 (issue #14): benchmarks/events_corpus/refit_gap.py, the diagnosis of why a refit of the Arabic learned stage
loses to the shipped weights: each model scored alone on the same samples (per role for the argument model), and the
features the same proposal or candidate gets at fit time and at run time."""
import sys
from pathlib import Path

import pytest

from riwaya.events import learned
from riwaya.events.extract import load_lexicon
from tests.conftest import candidate_at, event_at

ROOT = Path(__file__).resolve().parents[1]

SENTENCES = [
    ("وأعلنت الشرطة اعتقال الصحفي في مدينة عدن يوم الخميس.", "اعتقال", "arrest", "control",
     [("الشرطة", "org", "agent"), ("الصحفي", "np", "patient"), ("عدن", "loc", "place"), ("يوم الخميس", "np", "none")]),
    ("قتل مسلحون حوثيون ثلاثة مدنيين في تعز أمس.", "قتل", "killing", "harm",
     [("مسلحون حوثيون", "org", "agent"), ("ثلاثة مدنيين", "np", "patient"), ("تعز", "loc", "place"), ("أمس", "np", "none")]),
    ("وصل وزير الخارجية الأمريكي إلى الرياض مساء أمس.", "وصل", "arrival", "movement",
     [("وزير الخارجية", "person", "agent"), ("الرياض", "loc", "destination"), ("أمس", "np", "none")]),
]


@pytest.fixture
def gap(monkeypatch):
    """The script as a module (it imports scripts/train_events.py, which turns the learned stage off for its
    process: undone after the test)."""
    monkeypatch.setenv("RIWAYA_EVENTS_LEARNED", "1")
    monkeypatch.syspath_prepend(str(ROOT / "benchmarks" / "events_corpus"))
    monkeypatch.syspath_prepend(str(ROOT / "scripts"))
    import refit_gap
    return refit_gap


def _samples():
    out = []
    for sentence, trigger, typ, cls, cands in SENTENCES:
        T = learned.Text(sentence)
        ev = event_at(sentence, trigger, typ, cls)
        cs = [candidate_at(sentence, span, et) for span, et, _ in cands]
        trig = [(ev.trigger_start, ev.trigger_end)]
        out += [(learned.argument_features(T, ev, c, cs, trig), role) for c, (_, _, role) in zip(cs, cands)]
    return out * 4


def test_compare_counts_the_candidates_that_differ_and_by_family(gap):
    fit = {("d", 1, 2, 3, 4): frozenset({"type=killing", "cls=harm", "w=x"}),
           ("d", 1, 2, 5, 6): frozenset({"w=y"}),
           ("d", 1, 2, 7, 8): frozenset({"w=z"})}
    run = {("d", 1, 2, 3, 4): frozenset({"type=attack", "cls=conflict", "w=x"}),
           ("d", 1, 2, 5, 6): frozenset({"w=y"}),
           ("d", 9, 10, 3, 4): frozenset({"w=q"})}
    c = gap._compare(fit, run)
    assert (c["fit"], c["run"], c["both"], c["differ"], c["fit_only"], c["run_only"]) == (3, 3, 2, 1, 1, 1)
    assert c["families_fit_side"] == {"type": 1, "cls": 1} == c["families_run_side"]


def test_the_recorder_keeps_both_feature_kinds_by_span_and_puts_the_functions_back(gap):
    tf, af = learned.trigger_features, learned.argument_features
    sentence, trigger, typ, cls, cands = SENTENCES[1]
    T = learned.Text(sentence)
    ev = event_at(sentence, trigger, typ, cls)
    c = candidate_at(sentence, "تعز", "loc")
    with gap._Recorder() as rec:
        assert learned.argument_features is not af
        learned.argument_features(T, ev, c, [c], [(ev.trigger_start, ev.trigger_end)])    # no document: not kept
        assert rec.arg == {}
        rec.doc = "doc1"
        f = learned.argument_features(T, ev, c, [c], [(ev.trigger_start, ev.trigger_end)])
        learned.trigger_features(T, ev, load_lexicon(), [])
    assert learned.trigger_features is tf and learned.argument_features is af
    assert rec.arg == {("doc1", ev.trigger_start, ev.trigger_end, c.start, c.end): frozenset(f)}
    assert list(rec.trig) == [("doc1", ev.trigger_start, ev.trigger_end)]
    assert rec.types == {("doc1", ev.trigger_start, ev.trigger_end): "killing"}


def test_by_role_agrees_with_the_recipes_own_count(gap):
    te = gap.te
    data = _samples()
    m = te.fit(data, 0.5)
    m["threshold"], m["override"] = 0.4, 0.0
    per = gap._by_role(m, data, min_n=0)
    r = te._acc(m, data, 0.4, override=0.0)
    assert sum(v[1] for v in per.values()) == r["tp"]
    assert sum(v[2] for v in per.values()) == r["fp"]
    assert sum(v[3] for v in per.values()) == r["fn"]
    assert all(0.0 <= v[0] <= 1.0 for v in per.values())


def test_component_scores_of_one_model_twice_are_equal_and_read_its_types(gap):
    te = gap.te
    data = _samples()
    m = te.fit(data, 0.5)
    m["threshold"], m["override"] = 0.4, 0.0
    s = {"argument": data}
    a = gap.component_scores({"argument": m}, s)
    assert a == gap.component_scores({"argument": dict(m)}, s)
    assert set(a) == {"argument F1", "argument acc", "argument F1 by role"}
    arrival = [(f, lab) for f, lab in data if "type=arrival" in f]
    assert gap.component_scores({"argument": {**m, "types": ["arrival"]}}, s)["argument acc"] == te._acc(
        m, arrival, 0.4)["acc"]          # only the types the model judges


def test_the_script_says_its_three_commands(gap):
    assert {"models", "skew", "perdoc", "eval"} <= set(gap.__doc__.split())
    assert sys.modules["train_events"] is gap.te


def test_switches_off_by_group_or_name(gap, monkeypatch):
    for g in gap.POST_MODEL_RULES.values():
        for x in g:
            monkeypatch.setattr(learned, x, getattr(learned, x))     # put back after the test
    assert all(getattr(learned, x) for g in gap.POST_MODEL_RULES.values() for x in g)   # every rule ships on
    assert gap.switches_off(["sides", "FIRED_MEANS"]) == ["SIDES", "LED_GROUP", "FIRED_MEANS"]
    assert learned.SIDES is False and learned.FIRED_MEANS is False and learned.AGENT_BY is True
    assert len(gap.switches_off(["all"])) == sum(len(g) for g in gap.POST_MODEL_RULES.values())
    with pytest.raises(AttributeError):
        gap.switches_off(["NO_SUCH_SWITCH"])

"""The narrative's time as the pair scorer's cues of their own (issue #15, ctx28).

With conf27's events change an Arabic event takes no time from an earlier sentence; the corpus stage keeps that
time beside the mention (``narrative_time``, read as ``ctx_time``). ``events.context_time: "feature"`` compares it
apart from a told time: the pair's own time features (``time_overlap``, ``time_disjoint``, ``time_missing``) read
the mentions' own times only, and ``ctx_time`` / ``ctx_both`` / ``ctx_overlap`` / ``ctx_apart`` / ``ctx_days``
say how their narratives' days meet, for the scorer to weigh (``core._context_features``). The fit's data is
fingerprinted (``train_pairs.fingerprint``) so a refit can be told reproducible."""
import os
import sys

from riwaya.reconcile import core, timeiv

os.environ.setdefault("RIWAYA_ENCODER", "0")
sys.path.insert(0, os.path.join(os.path.dirname(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "scripts"))
from test_reconcile import _h  # noqa: E402


def _tv(day: str, text: str = "أمس") -> dict:
    return {"earliest": f"{day}T00:00:00+03:00", "latest": f"{day}T23:59:59+03:00", "text": text,
            "precision": "day", "tz": "+03:00", "kind": "date"}


def _timeless(mid: str, doc: str, ctx_day: str | None) -> dict:
    # "وقال مسؤول إن منفذ الهجوم فجر نفسه قرب الحاجز" after "أعلن الجيش أمس الأربعاء ...": no time of its own,
    # the statement's Wednesday as its narrative's day
    m = _h(mid, doc)
    if ctx_day:
        m["ctx_time"] = timeiv.interval(_tv(ctx_day))
    return m


def test_a_told_time_against_a_narratives_day_is_a_cue_of_its_own(monkeypatch):
    monkeypatch.setitem(core.config()["events"], "context_time", "feature")
    a = _h("a", "d1", time=_tv("2015-08-05", "أمس الأربعاء"))
    b = _timeless("b", "d2", "2015-08-05")
    fa, fb = core._features(a), core._features(b)
    x = core.pair_features(a, b, fa, fb)
    # the own-time features read own times only: the carried day is not the attack's
    assert x.get("time_missing") == 1.0 and "time_overlap" not in x and "time_disjoint" not in x
    assert x.get("ctx_time") == 1.0 and x.get("ctx_overlap") == 1.0
    assert "ctx_both" not in x and "ctx_apart" not in x and "ctx_days" not in x


def test_two_narratives_days_apart_count_their_days_capped():
    a, b = _timeless("a", "d1", "2015-08-05"), _timeless("b", "d2", "2015-08-08")
    far = _timeless("c", "d3", "2015-07-01")
    import pytest
    with pytest.MonkeyPatch.context() as mp:
        mp.setitem(core.config()["events"], "context_time", "feature")
        x = core.pair_features(a, b, core._features(a), core._features(b))
        assert x["ctx_time"] == x["ctx_both"] == x["ctx_apart"] == 1.0 and "ctx_overlap" not in x
        gap_days = (timeiv.interval(_tv("2015-08-08"))[0] - timeiv.interval(_tv("2015-08-05"))[1]) / 86400
        assert abs(x["ctx_days"] - gap_days / core.CTX_DAYS_CAP) < 1e-9 and 0.25 < x["ctx_days"] < 0.33
        assert core.pair_features(a, far, core._features(a), core._features(far))["ctx_days"] == 1.0
        # never a told disagreement: no time_disjoint, so no hard check, conflict or time check reads it
        assert "time_disjoint" not in x and "time_disjoint_keyed" not in x and x.get("time_missing") == 1.0


def test_no_context_cue_where_both_have_their_own_time_or_one_has_none_at_all(monkeypatch):
    monkeypatch.setitem(core.config()["events"], "context_time", "feature")
    a = _h("a", "d1", time=_tv("2015-08-05"))
    b = _h("b", "d2", time=_tv("2015-08-01"))
    b["ctx_time"] = timeiv.interval(_tv("2015-08-05"))      # ignored: it has a time of its own
    x = core.pair_features(a, b, core._features(a), core._features(b))
    assert x.get("time_disjoint") == 1.0 and not any(k.startswith("ctx_") for k in x)
    c = _timeless("c", "d3", None)                          # no time told before its sentence either
    y = core.pair_features(a, c, core._features(a), core._features(c))
    assert y.get("time_missing") == 1.0 and not any(k.startswith("ctx_") for k in y)


def test_other_settings_give_no_context_cue(monkeypatch):
    a, b = _timeless("a", "d1", "2015-08-05"), _timeless("b", "d2", "2015-08-05")
    # (null: canonical_mentions sets no ctx_time at all)
    for setting, own in ((True, "time_overlap"), ("both", "time_overlap")):
        monkeypatch.setitem(core.config()["events"], "context_time", setting)
        x = core.pair_features(a, b, core._features(a), core._features(b))
        assert x.get(own) == 1.0 and not any(k.startswith("ctx_") for k in x), setting


def test_the_fingerprint_names_the_pairs_a_fit_reads():
    import train_pairs as tp

    def prep(story, pairs):
        return {"story": story, "calls": [{"pairs": pairs}]}
    p1 = [("m1", "m2", {"key": 1.0, "trigger_sim": 0.5}, 1, "attack"), ("m1", "m3", {"time_missing": 1.0}, None, "attack")]
    a = tp.fingerprint([prep("s1", p1), prep("s2", [("x", "y", {"ctx_time": 1.0}, 0, "death")])])
    b = tp.fingerprint([prep("s2", [("x", "y", {"ctx_time": 1.0}, 0, "death")]), prep("s1", list(reversed(p1)))])
    assert a == b                                           # the order of stories and pairs does not matter
    assert (a["pairs"], a["labelled"], a["positives"]) == (3, 2, 1)
    assert a["features"] == {"ctx_time": 1, "key": 1, "time_missing": 1, "trigger_sim": 1}
    c = tp.fingerprint([prep("s1", [("m1", "m2", {"key": 1.0, "trigger_sim": 0.6}, 1, "attack")] + p1[1:]),
                        prep("s2", [("x", "y", {"ctx_time": 1.0}, 0, "death")])])
    assert c["sha256"] != a["sha256"] and c["stories"]["s2"] == a["stories"]["s2"]

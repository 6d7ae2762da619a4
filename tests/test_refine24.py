"""Two days of one report are two happenings (issue #15, refine24): ``events.days_apart`` in reconcile/core.py.

A report with no publication date anchors "أمس" and "اليوم" on its retrieval day, each widened to a three-day
window (timex/retrieved.py), so the time gap never told one report's two days apart. Two times of one report
counted from its one writing day ("أمس" / "اليوم"), or two dates of it, that fall on two days are two happenings."""
import os
import sys

import pytest

from riwaya.reconcile import core

os.environ.setdefault("RIWAYA_ENCODER", "0")

sys.path.insert(0, os.path.join(os.path.dirname(__file__)))
from test_reconcile import _h  # noqa: E402


def _tr(latest_day: str, text: str, prec: str = "day", anchor: str = "retrieved:2015-08-07") -> dict:
    """A time as the tagger gives it for a report retrieved on 7 August 2015: widened two days back."""
    y, m, d = (int(x) for x in latest_day.split("-"))
    return {"earliest": f"{y:04d}-{m:02d}-{d - 2:02d}T00:00:00+03:00", "latest": f"{latest_day}T23:59:59+03:00",
            "text": text, "precision": prec, "tz": "+03:00", "kind": "date", "anchor": anchor}


@pytest.fixture
def rule(monkeypatch):
    def set_rule(same_doc_days=True):
        monkeypatch.setitem(core.config()["events"], "days_apart", {"same_doc_days": same_doc_days})
    set_rule()
    return set_rule


def test_day_cues_of_a_day_counted_from_the_writing_day(rule):
    assert core._day_cues(_tr("2015-08-06", "أمس")) == {"day": ("deictic", "2015-08-06")}
    assert core._day_cues(_tr("2015-08-07", "صباح اليوم", "part_of_day"))["day"] == ("deictic", "2015-08-07")
    # a date moves not with the publication day: compared with dates only
    assert core._day_cues(_tr("2015-05-22", "22 مايو"))["day"] == ("date", "2015-05-22")
    # a weekday resolves to a calendar day of the window, not as "أمس" does: no day cue; a night names two days
    assert core._day_cues(_tr("2015-08-06", "أمس الخميس"))["day"] is None
    assert core._day_cues(_tr("2015-08-06", "الليلة الماضية"))["day"] is None
    # a month, no time
    assert core._day_cues(_tr("2015-07-31", "الشهر الماضي", "month"))["day"] is None
    assert core._day_cues(None) == {"day": None}


def test_one_reports_yesterday_and_today_are_two_days(rule):
    a, b = ("deictic", "2015-08-06"), ("deictic", "2015-08-07")
    assert core._days_apart(a, b, True)
    assert not core._days_apart(a, a, True)
    # two reports: each counted from its own writing day (a wire printed a day later)
    assert not core._days_apart(a, b, False)
    # "أمس" against a date: not counted from one day
    assert not core._days_apart(a, ("date", "2015-08-07"), True)


def _pair_summaries(ta, tb, doc_b="s0"):
    a = _h("x0", "s0", time=ta)
    b = _h("x1", doc_b, time=tb)
    fa, fb = core._features(a), core._features(b)
    summ = core.mention_summaries([a, b], [fa, fb])
    return a, b, fa, fb, summ


def test_one_report_two_days_stay_two_events(rule):
    """"قصفت الطائرات أمس ... وشنت اليوم غارات": the strikes of yesterday and today's of one report."""
    cfg = core.config()["events"]
    a, b, fa, fb, summ = _pair_summaries(_tr("2015-08-06", "أمس"), _tr("2015-08-07", "اليوم"))
    assert not core._pair_ok(a, b, fa, fb)
    assert not core._clusters_ok(summ[0], summ[1], cfg)
    # the same two days told by two reports may be one day told from two writing days
    a, b, fa, fb, summ = _pair_summaries(_tr("2015-08-06", "أمس"), _tr("2015-08-07", "اليوم"), doc_b="s1")
    assert core._pair_ok(a, b, fa, fb)
    assert core._clusters_ok(summ[0], summ[1], cfg)
    # one day told twice in one report
    a, b, fa, fb, summ = _pair_summaries(_tr("2015-08-06", "أمس"), _tr("2015-08-06", "مساء أمس", "part_of_day"))
    assert core._pair_ok(a, b, fa, fb)
    assert core._clusters_ok(summ[0], summ[1], cfg)


def test_switched_off_merges_as_before(rule):
    rule(same_doc_days=False)
    cfg = core.config()["events"]
    a, b, fa, fb, summ = _pair_summaries(_tr("2015-08-06", "أمس"), _tr("2015-08-07", "اليوم"))
    assert fa["day"] is None and fb["day"] is None
    assert core._pair_ok(a, b, fa, fb)
    assert core._clusters_ok(summ[0], summ[1], cfg)


# ---------------------------------------------------------------- refinements: days told apart (conflicts.py)

from riwaya.reconcile.conflicts import Compare, _days_told_apart, _refinements_apart, _told_days  # noqa: E402
from riwaya.reconcile.core import Entities  # noqa: E402
from riwaya.reconcile.text import config  # noqa: E402

PAIR = [([0], [1], "precision", True, [0], [1])]


def _ev(value, doc):
    return {"values": {"time": value}, "doc": doc, "mention": doc + "1", "start": 0, "end": 0}


def _refine(ev, **rules):
    rows = [{"key": ("t", 1), "evidence": [0]}, {"key": ("t", 2), "evidence": [1]}]
    rc = dict(config()["conflicts"]["refinements"], time_tied={"enabled": False}, **rules)
    return rows, rc


def test_told_days():
    d = _told_days(_tr("2015-08-06", "أمس"))
    assert d is not None and d[0] == d[1]
    # a night names the day before too
    n = _told_days(_tr("2015-08-06", "الليلة الماضية"))
    assert n[1] - n[0] == 1
    assert _told_days(_tr("2015-07-19", "عيد الفطر")) is None          # a feast: its day is the tagger's guess
    assert _told_days(_tr("2015-08-02", "هذا الأسبوع")) is None        # no day named
    assert _told_days(_tr("2015-07-31", "الشهر الماضي", "month")) is None
    assert _told_days(_tr("2015-05-22", "22 مايو")) is not None


def test_days_two_apart_are_no_refinement(monkeypatch):
    """"اليوم الجمعة" of clashes in one report and "فجر أول من أمس" two days later in a report retrieved four days
    after it: the window of a publication day up to two days before retrieval made them overlap; no one day."""
    ev = [_ev(_tr("2015-07-31", "اليوم الجمعة"), "a"), _ev(_tr("2015-08-02", "فجر أول من أمس", "part_of_day"), "b")]
    rows, rc = _refine(ev)
    monkeypatch.setitem(config()["conflicts"], "refinements", rc)
    assert _days_told_apart([0], [1], ev, 2)
    assert _refinements_apart(PAIR, "time", rows, ev, Compare(Entities([])), None) == []
    # a day apart: "أمس" in one paper and "اليوم" in another, one day told from two writing days: listed
    ev[1] = _ev(_tr("2015-08-01", "اليوم"), "b")
    assert not _days_told_apart([0], [1], ev, 2)
    assert _refinements_apart(PAIR, "time", rows, ev, Compare(Entities([])), None) == PAIR
    # a night two days later names the day before it too: a day apart
    ev[1] = _ev(_tr("2015-08-02", "ليلة الأحد"), "b")
    assert not _days_told_apart([0], [1], ev, 2)
    # switched off: listed as before
    ev[1] = _ev(_tr("2015-08-02", "فجر أول من أمس", "part_of_day"), "b")
    rows, rc = _refine(ev, days_told_apart=0)
    monkeypatch.setitem(config()["conflicts"], "refinements", rc)
    assert _refinements_apart(PAIR, "time", rows, ev, Compare(Entities([])), None) == PAIR

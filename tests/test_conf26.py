"""Two days named in so many words are two happenings (issue #15, conf26): ``events.days_apart.explicit`` in
reconcile/core.py (``_explicit_day``, ``_explicit_apart``, in ``_pair_ok`` and ``_clusters_ok``).

A report's "يوم الخميس" and another's "يوم الأحد", each told in the mention's own sentence, name two days: an
entry into a town on Thursday and its capture on Sunday are two happenings, whatever window an unknown
publication day gives each time. A bare "أمس" names no day (it moves with the writing day), a clock time names no
day, a time carried from another sentence is not the mention's own, a type that lasts (a siege) may be told on two
days, and with ``once_disagree`` a type that befalls its key once (a city's fall) told on two dates is one
happening whose day the accounts dispute."""
import os
import sys

import pytest

from riwaya.reconcile import core

os.environ.setdefault("RIWAYA_ENCODER", "0")

sys.path.insert(0, os.path.join(os.path.dirname(__file__)))
from test_reconcile import _h  # noqa: E402


def _tr(latest_day: str, text: str, prec: str = "day", kind: str = "date") -> dict:
    """A time as the tagger gives it for a report retrieved in August 2015: widened two days back."""
    y, m, d = (int(x) for x in latest_day.split("-"))
    return {"earliest": f"{y:04d}-{m:02d}-{d - 2:02d}T00:00:00+03:00", "latest": f"{latest_day}T23:59:59+03:00",
            "text": text, "precision": prec, "tz": "+03:00", "kind": kind, "anchor": "retrieved:2015-08-09"}


@pytest.fixture
def rule(monkeypatch):
    def set_rule(explicit):
        monkeypatch.setitem(core.config()["events"], "days_apart",
                            {"same_doc_days": True, "explicit": explicit})
    set_rule({"once_disagree": True, "lasting": ["siege", "stay"]})
    return set_rule


def test_a_date_is_told_by_its_number_and_month():
    assert core._date_told("22 مايو")
    assert core._date_told("٢٢ أيار")
    assert core._date_told("في 5 آب الجاري")
    assert core._date_told("May 22")
    assert core._date_told("الخميس 6 أغسطس")
    assert not core._date_told("الساعة 10 صباحا")       # a clock time, no date
    assert not core._date_told("يوم الخميس")
    assert not core._date_told("أمس")


def test_explicit_days(rule):
    thu = core._explicit_day(_tr("2015-08-06", "يوم الخميس"), "entry")
    sun = core._explicit_day(_tr("2015-08-09", "الأحد"), "capture")
    assert thu[0] == frozenset({3}) and sun[0] == frozenset({6})
    assert core._explicit_apart(thu, sun)
    # "أمس الخميس" names Thursday too; a bare "أمس" names no day
    assert not core._explicit_apart(thu, core._explicit_day(_tr("2015-08-06", "أمس الخميس"), "capture"))
    assert core._explicit_day(_tr("2015-08-08", "أمس"), "capture") is None
    # a night names the days on either side of it
    assert not core._explicit_apart(core._explicit_day(_tr("2015-08-07", "ليلة الجمعة"), "attack"),
                                    core._explicit_day(_tr("2015-08-06", "الخميس"), "attack"))
    # dates by their number; a date against a weekday by the date's weekday (6 August 2015 was a Thursday)
    d6 = core._explicit_day(_tr("2015-08-06", "6 أغسطس"), "attack")
    assert not core._explicit_apart(d6, thu)
    assert core._explicit_apart(d6, sun)
    assert core._explicit_apart(d6, core._explicit_day(_tr("2015-08-08", "8 أغسطس"), "attack"))
    # no day: a week, a span
    assert core._explicit_day(_tr("2015-08-06", "الأسبوع الماضي", "week"), "attack") is None
    assert core._explicit_day(_tr("2015-08-06", "منذ الخميس", kind="duration"), "attack") is None


def test_lasting_and_once_kinds(rule):
    # a siege told on Thursday and on Sunday may be one siege
    assert not core._explicit_apart(core._explicit_day(_tr("2015-08-06", "الخميس"), "siege"),
                                    core._explicit_day(_tr("2015-08-09", "الأحد"), "siege"))
    # a city falls once: two dates of its fall are a disagreement (once_disagree), not two falls
    f27 = core._explicit_day(_tr("2015-07-27", "27 يوليو"), "fall")
    f30 = core._explicit_day(_tr("2015-07-30", "30 يوليو"), "fall")
    assert not core._explicit_apart(f27, f30)
    rule({})
    f27 = core._explicit_day(_tr("2015-07-27", "27 يوليو"), "fall")
    f30 = core._explicit_day(_tr("2015-07-30", "30 يوليو"), "fall")
    assert core._explicit_apart(f27, f30)


def test_off_by_default_in_code(rule):
    rule(None)
    assert core._explicit_day(_tr("2015-08-06", "يوم الخميس"), "entry") is None


def _pair(ta, tb, typ_a="entry", typ_b="capture", own_a=True, own_b=True):
    a = _h("x0", "s0", typ=typ_a, cls="control", time=ta)
    b = _h("x1", "s1", typ=typ_b, cls="control", time=tb)
    a["time_own"], b["time_own"] = own_a, own_b
    fa, fb = core._features(a), core._features(b)
    return a, b, fa, fb, core.mention_summaries([a, b], [fa, fb])


def test_thursdays_entry_and_sundays_capture_stay_apart(rule):
    """"دخلت القوات المدينة يوم الخميس" (one report) / "سيطرت القوات على المدينة الأحد" (another)."""
    cfg = core.config()["events"]
    a, b, fa, fb, summ = _pair(_tr("2015-08-06", "يوم الخميس"), _tr("2015-08-09", "الأحد"))
    assert not core._pair_ok(a, b, fa, fb)
    assert not core._clusters_ok(summ[0], summ[1], cfg)
    # a time carried from another sentence ("... أفاد مصدر أمس الأربعاء. وقال إن الهجوم ...") is not the mention's own
    a, b, fa, fb, summ = _pair(_tr("2015-08-06", "يوم الخميس"), _tr("2015-08-09", "الأحد"), own_b=False)
    assert core._clusters_ok(summ[0], summ[1], cfg)
    rule(None)
    a, b, fa, fb, summ = _pair(_tr("2015-08-06", "يوم الخميس"), _tr("2015-08-09", "الأحد"))
    assert core._clusters_ok(summ[0], summ[1], cfg)


def test_time_own_is_read_from_the_mention_sentence(rule):
    text = "أفاد مصدر رسمي أمس الأربعاء. وقال مسؤول إن منفذ الهجوم رجل في العشرين."
    s2 = text.index("وقال")
    m = _h("x0", "d0", time=_tr("2015-08-05", "أمس الأربعاء"))
    m.update(start=s2, end=len(text), trigger_start=text.index("الهجوم"), trigger_end=text.index("الهجوم") + 6)
    own = _h("x1", "d0", time=_tr("2015-08-05", "أمس الأربعاء"))
    own.update(start=0, end=s2 - 1, trigger_start=text.index("أفاد"), trigger_end=text.index("أفاد") + 4)
    ents = core.Entities([])
    out = {c["id"]: c for c in core.canonical_mentions([m, own], ents, {"d0": {"id": "d0", "text": text}})}
    assert out["x0"]["time_own"] is False
    assert out["x1"]["time_own"] is True
    rule(None)      # off: not read at all (canonical_mentions does no work for a rule that is off)
    out = {c["id"]: c for c in core.canonical_mentions([m, own], ents, {"d0": {"id": "d0", "text": text}})}
    assert "time_own" not in out["x0"] and "time_own" not in out["x1"]

"""Anchoring on a retrieval date: when an article gives no publication date, only the day it was
fetched (a crawler's date), "today" may be that day or up to ``retrieval_lag_days`` before it
(riwaya/data/timex/anchoring.yaml). Values anchored that way keep the whole window: their
earliest is moved back by the lag, so that "today" in one outlet and "yesterday" in another
stay compatible, and their anchor says so ("retrieved:2015-08-07").

    anchor_day("2015-08-07T02:24:06", [date(2015, 8, 6)])   # -> (date(2015, 8, 7), 1)
    widen(tv, 2, "2015-08-07")                              # -> a copy, earliest two days earlier
    own_day(date(2015, 8, 8), 2, [date(2015, 8, 7)])        # -> date(2015, 8, 7): "اليوم الجمعة" says which day

A report that names its own day ("اليوم الجمعة", "أمس الخميس", "اليوم 7 أغسطس") is anchored on that day
(``own_day``): the window shrinks to it, its other relative times become one day, anchor "own-day:DAY".
"""
from __future__ import annotations

import functools
import re
from dataclasses import replace
from datetime import date, datetime, timedelta
from importlib import resources

import yaml

from ..models import TimeValue


@functools.lru_cache(maxsize=1)
def lag_days() -> int:
    raw = yaml.safe_load(resources.files("riwaya").joinpath("data", "timex", "anchoring.yaml").read_text("utf-8"))
    lag = raw.get("retrieval_lag_days") if isinstance(raw, dict) else None
    if not isinstance(lag, int) or not 0 <= lag <= 60:
        raise ValueError("riwaya/data/timex/anchoring.yaml: retrieval_lag_days must be a whole number of days, 0-60")
    return lag


def anchor_day(retrieved: str | None, text_dates: list[date]) -> tuple[date | None, int]:
    """The retrieval day and how many days before it publication may lie: the lag, narrowed by the
    latest full date the text gives within the window (a report is not published before the day it
    tells of). (None, 0) when ``retrieved`` is not a date."""
    try:
        r = date.fromisoformat(str(retrieved or "")[:10])
    except ValueError:
        return None, 0
    lag = lag_days()
    inside = [d for d in text_dates if r - timedelta(days=lag) <= d <= r]
    return r, (r - max(inside)).days if inside else lag


def widen(tv: TimeValue, days: int, retrieved: date) -> TimeValue:
    """A copy of ``tv`` with its earliest ``days`` earlier and an anchor naming the retrieval day."""
    label = f"retrieved:{retrieved.isoformat()}"
    anchor = tv.anchor if (tv.anchor or "").startswith("retrieved:") else f"{tv.anchor};{label}"
    earliest = tv.earliest
    if earliest and days:
        dt = datetime.fromisoformat(earliest) - timedelta(days=days)
        earliest = (f"{dt.year:04d}-{dt.month:02d}-{dt.day:02d}T{dt.hour:02d}:{dt.minute:02d}:{dt.second:02d}"
                    + earliest[19:])     # the offset as it was written
    return replace(tv, earliest=earliest, anchor=anchor)


def from_retrieved(tv: TimeValue, narrative_from_retrieved: bool, label: str = "retrieved:") -> bool:
    """Whether ``tv`` was counted from the retrieval day (or, with ``label`` "own-day:", from the day a report
    names as its own): directly, or through a narrative day that was."""
    a = tv.anchor or ""
    return a.startswith(label) or (narrative_from_retrieved and a.startswith("narrative"))


_WINDOW = re.compile(r";window:-(\d+)d\+(\d+)d")


def mark_window(tv: TimeValue, before: int, after: int) -> TimeValue:
    """``tv`` counted from a report's own day, its anchor noting the publication window that day narrowed:
    ``before`` days before it, ``after`` after ("own-day:2015-08-07;window:-1d+1d")."""
    return replace(tv, anchor=f"{tv.anchor};window:-{before}d+{after}d")


def window_bounds(earliest: str | None, latest: str | None, anchor: str | None) -> tuple[str | None, str | None]:
    """The (earliest, latest) a value counted from a report's own day would have had with the publication window
    alone (no own day: retrieved.widen), from its anchor's ";window:-Nd+Md"; the value's own where it has none."""
    m = _WINDOW.search(anchor or "")
    if m is None:
        return earliest, latest

    def move(iso, days):
        if not iso or not days:
            return iso
        try:
            dt = datetime.fromisoformat(iso[:19]) + timedelta(days=days)
        except ValueError:
            return iso
        return dt.isoformat() + iso[19:]
    return move(earliest, -int(m.group(1))), move(latest, int(m.group(2)))


def own_day(retrieved: date, lag: int, cues: list) -> date | None:
    """The day a report names as its own, inside its publication window [retrieved - lag, retrieved]: each cue is
    a day (a date the text gives as today's, "اليوم 7 أغسطس") or a weekday (0 = Monday, the weekday the text gives
    to its "today": "اليوم الجمعة", or "أمس الخميس" read as Friday), which picks the one day of that weekday in the
    window. None where there is no cue, where a cue falls outside the window (a quoted day of another time, or a
    report older than the window) or where two cues name two days: the window stays as it is."""
    days = set()
    for c in cues:
        if c is None:
            return None
        if isinstance(c, date):
            d = c
        else:
            d = retrieved - timedelta(days=(retrieved.weekday() - int(c)) % 7)
        if not retrieved - timedelta(days=lag) <= d <= retrieved:
            return None
        days.add(d)
    return days.pop() if len(days) == 1 else None

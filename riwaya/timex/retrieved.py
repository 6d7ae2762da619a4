"""Anchoring on a retrieval date: when an article gives no publication date, only the day it was
fetched (a crawler's date), "today" may be that day or up to ``retrieval_lag_days`` before it
(riwaya/data/timex/anchoring.yaml). Values anchored that way keep the whole window: their
earliest is moved back by the lag, so that "today" in one outlet and "yesterday" in another
stay compatible, and their anchor says so ("retrieved:2015-08-07").

    anchor_day("2015-08-07T02:24:06", [date(2015, 8, 6)])   # -> (date(2015, 8, 7), 1)
    widen(tv, 2, "2015-08-07")                              # -> a copy, earliest two days earlier
"""
from __future__ import annotations

import functools
from dataclasses import replace
from datetime import date, datetime, timedelta
from importlib import resources

from riwaya.datafiles import yaml_load

from ..models import TimeValue


@functools.lru_cache(maxsize=1)
def lag_days() -> int:
    raw = yaml_load(resources.files("riwaya").joinpath("data", "timex", "anchoring.yaml").read_text("utf-8"))
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


def from_retrieved(tv: TimeValue, narrative_from_retrieved: bool) -> bool:
    """Whether ``tv`` was counted from the retrieval day: directly, or through a narrative day that was."""
    a = tv.anchor or ""
    return a.startswith("retrieved:") or (narrative_from_retrieved and a.startswith("narrative"))

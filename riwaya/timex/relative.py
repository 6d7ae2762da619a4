"""Event-relative times: "في اليوم التالي لسقوط دمشق" is open until the events stage
knows when the fall of Damascus happened; then it is that time shifted by the offset."""
from __future__ import annotations

import calendar
import copy
import re
from datetime import datetime, timedelta

from ..models import TimeValue

_OFF = re.compile(r"([+-])P(?:(\d+(?:\.\d+)?)([YMWD]))$")


def is_event_relative(tv: TimeValue | None) -> bool:
    return bool(tv is not None and (tv.anchor or "").startswith("event:") and tv.offset)


def _add(dt: datetime, sign: int, q: float, unit: str) -> datetime:
    if unit in ("D", "W"):
        return dt + timedelta(days=sign * q * (7 if unit == "W" else 1))
    months = int(round(sign * q * (12 if unit == "Y" else 1)))
    m = dt.month - 1 + months
    y, m = dt.year + m // 12, m % 12 + 1
    return dt.replace(year=y, month=m, day=min(dt.day, calendar.monthrange(y, m)[1]))


def shift(tv: TimeValue, event_time: TimeValue) -> TimeValue | None:
    """The event-relative ``tv`` resolved through its anchor event's time, at day precision
    (the day after an event that took a whole day is the whole next day). None when either is open
    or the offset is not a plain count of days, weeks, months or years."""
    m = _OFF.match(tv.offset or "")
    if m is None or not event_time or not event_time.earliest or not event_time.latest:
        return None
    sign, q, unit = (1 if m.group(1) == "+" else -1), float(m.group(2)), m.group(3)
    try:
        a = datetime.fromisoformat(event_time.earliest[:19])
        b = datetime.fromisoformat(event_time.latest[:19])
        a = _add(a.replace(hour=0, minute=0, second=0), sign, q, unit)
        b = _add(b.replace(hour=23, minute=59, second=59), sign, q, unit)
    except (ValueError, OverflowError):
        return None
    tz = event_time.earliest[19:] or tv.tz
    out = copy.copy(tv)
    out.earliest, out.latest = a.isoformat() + tz, b.isoformat() + tz
    out.precision = "day"
    out.anchor = f"{tv.anchor}@{event_time.earliest[:10]}"
    if out.kind == "duration":       # بعد يومين من الاعتداء: the date it lands on
        out.kind, out.timex_type = "date", "DATE"
    return out

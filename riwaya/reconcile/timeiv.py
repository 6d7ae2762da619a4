"""Time values as intervals: overlap, gap, consensus intersection."""
from __future__ import annotations

from datetime import datetime, timezone

INF = float("inf")
PRECISION_ORDER = ["year", "month", "day", "part_of_day", "hour", "minute", "second"]


def _ts(s: str | None, default: float) -> float:
    if not s:
        return default
    try:
        dt = datetime.fromisoformat(s.replace("Z", "+00:00"))
    except ValueError:
        try:
            dt = datetime.fromisoformat(s[:10])
        except ValueError:
            return default
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    return dt.timestamp()


def interval(t: dict | None) -> tuple[float, float] | None:
    """(earliest, latest) as epoch seconds; open ends are +-inf; None if no time."""
    if not t or (not t.get("earliest") and not t.get("latest")):
        return None
    lo = _ts(t.get("earliest"), -INF)
    hi = _ts(t.get("latest"), INF)
    if hi < lo:
        lo, hi = hi, lo
    return lo, hi


def gap(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Seconds between two intervals; 0 if they overlap or touch."""
    if a[1] < b[0]:
        return b[0] - a[1]
    if b[1] < a[0]:
        return a[0] - b[1]
    return 0.0


def overlaps(a, b) -> bool:
    return gap(a, b) == 0.0


def width(a) -> float:
    return a[1] - a[0]


def consensus(times: list[tuple[dict, float]]) -> dict | None:
    """Intersection of the largest set of mutually overlapping intervals.

    `times` = [(time dict, weight)], weight = support (independent accounts).
    Intervals on a line: a set is mutually overlapping iff it shares a point, so
    sweep the endpoints and keep the point of highest total weight.
    """
    ivs = [(interval(t), t, w) for t, w in times]
    ivs = [x for x in ivs if x[0] is not None]
    if not ivs:
        return None
    points = sorted({iv[0] for iv, _, _ in ivs} | {iv[1] for iv, _, _ in ivs})
    best, best_set = -1.0, []
    for p in points:
        members = [x for x in ivs if x[0][0] <= p <= x[0][1]]
        w = sum(x[2] for x in members)
        if w > best:
            best, best_set = w, members
    lo = max(x[0][0] for x in best_set)
    hi = min(x[0][1] for x in best_set)
    # report as ISO strings taken from the members that bound the intersection
    e = next((x[1].get("earliest") for x in best_set if x[0][0] == lo), None)
    l = next((x[1].get("latest") for x in best_set if x[0][1] == hi), None)
    precs = [x[1].get("precision") for x in best_set if x[1].get("precision") in PRECISION_ORDER]
    prec = max(precs, key=PRECISION_ORDER.index) if precs else None
    return {
        "earliest": e if lo != -INF else None,
        "latest": l if hi != INF else None,
        "text": " / ".join(dict.fromkeys(x[1].get("text") or "" for x in best_set if x[1].get("text"))),
        "precision": prec,
        "tz": next((x[1].get("tz") for x in best_set if x[1].get("tz")), None),
        "support": best,
        "of": sum(x[2] for x in ivs),
    }

"""The UTC offset of a document's clock times, chosen by its place.

"At 9 p.m." in a report from Cairo is Cairo's 9 p.m. The rules and the country table are data
(``riwaya/data/timex/zones.yaml``); the first rule that applies wins: an offset given with the
document, the dateline's place, the publisher's country (where the outlet writes in that country's
language), the language's default. Daylight saving comes from zoneinfo on the publication date;
without a date (or without the zone in this machine's zoneinfo) the table's standard offset holds.

    choose(doc, kb) -> Zone(offset="+02:00", rule="dateline", why="القاهرة: EG, Africa/Cairo on 2024-12-08")
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import date, datetime
from functools import lru_cache
from importlib import resources

from riwaya.datafiles import yaml_load

_OFFSET = re.compile(r"[+-]\d\d:\d\d")


@dataclass(frozen=True)
class Zone:
    offset: str      # "+02:00"
    rule: str        # metadata | dateline | publisher | language
    why: str = ""    # what the rule read: the place or outlet, its country and zone, the date

    def to_dict(self) -> dict:
        return asdict(self)


@lru_cache(maxsize=1)
def config() -> dict:
    where = "riwaya/data/timex/zones.yaml"
    cfg = yaml_load(resources.files("riwaya").joinpath("data", "timex", "zones.yaml").read_text("utf-8"))
    for cc, v in (cfg.get("countries") or {}).items():
        if not (isinstance(v, list) and len(v) == 2 and _OFFSET.fullmatch(str(v[1]))):
            raise ValueError(f"{where}: countries.{cc}: expected [zone, \"+HH:MM\"], got {v!r}")
    for k, v in {**(cfg.get("language_default") or {}), "default": cfg.get("default")}.items():
        if not _OFFSET.fullmatch(str(v)):
            raise ValueError(f"{where}: {k}: {v!r} is not an offset like \"+03:00\"")
    return cfg


def _fmt(seconds: int) -> str:
    sign = "-" if seconds < 0 else "+"
    m = abs(seconds) // 60
    return f"{sign}{m // 60:02d}:{m % 60:02d}"


def offset_on(zone: str | None, day: date | None, standard: str | None) -> tuple[str | None, str]:
    """The offset of ``zone`` at noon of ``day`` (zoneinfo), else ``standard``; and how it was found."""
    if zone and day:
        try:
            from zoneinfo import ZoneInfo
            off = datetime(day.year, day.month, day.day, 12, tzinfo=ZoneInfo(zone)).utcoffset()
            return _fmt(int(off.total_seconds())), f"{zone} on {day.isoformat()}"
        except (ImportError, ValueError, OSError, KeyError):     # ZoneInfoNotFoundError is a KeyError
            pass
    return standard, f"{zone or '?'}, standard offset" + ("" if day else " (no date)")


def _day(published) -> date | None:
    try:
        return date.fromisoformat(str(published)[:10]) if published else None
    except ValueError:
        return None


def _records(kb, name: str) -> list[dict]:
    if kb is None or not isinstance(name, str) or not name.strip():
        return []
    from ..kb import name_key
    return [kb.records[c.id] for c in kb.index.get(name_key(name), []) if c.id in kb.records]


def _country_zone(country: str | None, own_zone: str | None, day: date | None) -> tuple[str | None, str]:
    entry = (config().get("countries") or {}).get(country or "")
    zone = own_zone or (entry[0] if entry else None)
    if zone is None:
        return None, ""
    off, how = offset_on(zone, day, entry[1] if entry else None)
    return off, f"{country}, {how}"


def choose(doc, kb=None) -> Zone:
    """The zone of ``doc`` (a riwaya.models.Document) and the rule that chose it."""
    cfg = config()
    meta = doc.meta or {}
    day = _day(doc.published)
    for rule in cfg.get("rules") or ():
        if rule == "metadata":
            tz = meta.get("tz")
            if isinstance(tz, str) and _OFFSET.fullmatch(tz):
                return Zone(tz, "metadata", "given with the document")
        elif rule == "dateline":
            place = (meta.get("dateline") or {}).get("place") if isinstance(meta.get("dateline"), dict) else None
            for r in _records(kb, place):
                if r.get("type") == "place" and r.get("country"):
                    off, how = _country_zone(r["country"], r.get("tz"), day)
                    if off:
                        return Zone(off, "dateline", f"{place}: {how}")
        elif rule == "publisher":
            langs = cfg.get("publisher_languages") or {}
            for r in _records(kb, doc.outlet):
                if r.get("group") == "outlet" and r.get("country"):
                    if r["country"] not in (langs.get(doc.language) or ()):
                        break       # an outlet abroad writing in another language: its home clock says nothing
                    off, how = _country_zone(r["country"], None, day)
                    if off:
                        return Zone(off, "publisher", f"{doc.outlet}: {how}")
                    break
        elif rule == "language":
            off = (cfg.get("language_default") or {}).get(doc.language)
            if off:
                return Zone(off, "language", f"default for {doc.language}")
        else:
            raise ValueError(f"riwaya/data/timex/zones.yaml: unknown rule {rule!r}")
    return Zone(cfg["default"], "default", "no rule applied")

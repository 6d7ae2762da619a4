"""A document's metadata: what the caller gives (CLI options, upload form fields, sidecars),
checked, and what is missing read from the text (dateline, byline, source line).

    clean_metadata({"outlet": "Reuters", "published": "2024-12-08"})   # -> dict, or MetadataError
    with_metadata(doc, given)                                           # -> the document, filled in

``retrieved`` is the day the article was fetched (a crawler's date), not its publication: it is kept
in ``doc.meta["retrieved"]`` and anchors the article's relative times only where no publication
date is known (the publication then lies on or before it, within a lag; see riwaya/timex).

What was read from the text, not given, is listed in ``doc.meta["metadata_inferred"]``
(``["outlet", "published"]``), and the dateline's span in ``doc.meta["dateline"]``
(``{"start", "end", ...}`` in original offsets), so the analysis can leave it out; so is a page's
foot (a tag list, a link back to the article) in ``doc.meta["foot"]``.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime
from typing import Mapping

from ..models import Document
from .dateline import find, find_foot

FIELDS = ("outlet", "published", "retrieved", "url", "language", "title")


class MetadataError(ValueError):
    """A metadata field that cannot be used: ``field`` and the reason (an upload answers 422)."""

    def __init__(self, field: str, reason: str):
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason


def iso_date(v: str, field: str = "published") -> str:
    """``v`` as an ISO 8601 date or date-time, or MetadataError naming ``field``."""
    s = v.strip()
    try:
        if len(s) == 10:
            return date.fromisoformat(s).isoformat()
        return datetime.fromisoformat(s.replace("Z", "+00:00")).isoformat()
    except ValueError:
        raise MetadataError(field, f"'{v}' is not an ISO 8601 date or date-time (e.g. 2024-12-08 or 2024-12-08T06:30+03:00)")


def clean_metadata(given: Mapping | None) -> dict:
    """The usable metadata among ``given`` (empty values dropped), or MetadataError naming the
    field and why. Unknown keys are refused, so a misspelt form field is not silently lost."""
    out = {}
    for k, v in (given or {}).items():
        if v is None or (isinstance(v, str) and not v.strip()):
            continue
        if k not in FIELDS:
            raise MetadataError(k, f"unknown field (expected one of {', '.join(FIELDS)})")
        if not isinstance(v, str):
            raise MetadataError(k, "must be text")
        v = v.strip()
        if len(v) > 2000:
            raise MetadataError(k, "too long (more than 2000 characters)")
        if k in ("published", "retrieved"):
            v = iso_date(v, k)
        elif k == "url" and not re.match(r"https?://[^\s/]+\S*$", v, re.I):
            raise MetadataError("url", f"'{v[:80]}' is not an http(s) URL")
        elif k == "language":
            if not re.fullmatch(r"[a-zA-Z]{2,3}(-[A-Za-z0-9]{2,8})?", v):
                raise MetadataError("language", f"'{v}' is not a language code (ar, en, ...)")
            v = v.lower()
        elif k in ("outlet", "title") and any(ord(c) < 32 for c in v):
            raise MetadataError(k, "holds control characters")
        out[k] = v
    return out


def with_metadata(doc: Document, given: Mapping | None = None, infer: bool = True) -> Document:
    """The document with ``given`` metadata over what it had (sidecar, JSONL, HTML), and with
    outlet and publication date read from its text where still missing."""
    g = clean_metadata(given)
    meta = dict(doc.meta)
    fields = {k: g[k] for k in ("outlet", "published", "url", "title") if k in g}
    if "language" in g:
        fields["language"] = g["language"]
        if not doc.languages or g["language"] not in doc.languages:
            fields["languages"] = [g["language"], *[x for x in doc.languages if x != g["language"]]]
    if "retrieved" in g:
        meta["retrieved"] = g["retrieved"]
    doc = replace(doc, meta=meta, **fields)
    if not infer:
        return doc
    foot = find_foot(doc.text)
    if foot:
        meta["foot"] = {"start": foot[0], "end": foot[1]}     # a tag list, a link back: page furniture
    dl = find(doc.text)
    if dl is None:
        return doc
    meta["dateline"] = dl.to_dict()
    inferred = []
    if not doc.published and dl.date and dl.date.startswith("--") and meta.get("retrieved"):
        dl_date = _year_before(dl.date, meta["retrieved"])    # "8 ديسمبر" fetched 2024-12-09: 2024-12-08
        if dl_date:
            doc.published = dl_date
            inferred.append("published")
    if not doc.outlet and dl.outlet:
        arabic = (doc.language or "ar") == "ar"
        if dl.masthead:           # "عين اليوم – واس": the publisher is the masthead, the agency its source
            doc.outlet = dl.masthead if arabic else (dl.masthead_en or dl.masthead)
        else:
            doc.outlet = dl.outlet if arabic else (dl.outlet_en or dl.outlet)
        inferred.append("outlet")
    if not doc.published and dl.date and not dl.date.startswith("--"):
        doc.published = dl.date
        inferred.append("published")
    if inferred:
        meta["metadata_inferred"] = sorted(set(meta.get("metadata_inferred", [])) | set(inferred))
    return doc


def _year_before(month_day: str, retrieved: str) -> str | None:
    """A dateline's day without a year ("--12-08") on the last such day on or before the retrieval day."""
    try:
        r = date.fromisoformat(retrieved[:10])
        for y in (r.year, r.year - 1):
            try:
                d = date(y, int(month_day[2:4]), int(month_day[5:7]))
            except ValueError:      # 29 February of a common year
                continue
            if d <= r:
                return d.isoformat()
    except ValueError:
        return None
    return None

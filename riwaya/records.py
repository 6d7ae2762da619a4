"""Typed corpus-level records: what reconcile builds and every view reads.

    Mention   one account's report of a happening, with its own argument values
    Account   an upstream voice after copies and translations are folded
    Event     a cluster of mentions; its arguments are views of the mentions
    Conflict  independent accounts giving incompatible values for one slot of one event
    Leg       (riwaya/itinerary.py, when defined there) one step of a person's journey

The corpus stage builds these and serialises them with ``to_dict``, so the store, the
exports and the views read one shape (the JSON export ``riwaya/1``); ``from_dict`` reads
it back, ignoring keys it does not know and filling ones an older store lacks.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any


def __getattr__(name: str):
    """``Leg`` is owned by the itinerary stage (riwaya/itinerary.py) and re-exported here, lazily, so
    that a view imports every record from one place and itinerary.py may import these records."""
    if name == "Leg":
        from .itinerary import Leg
        return Leg
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _pick(cls, d: dict, rename: dict | None = None) -> dict:
    """The keys of `d` that `cls` has (after renaming), so extra or newer keys never break a read."""
    rename = rename or {}
    names = {f.name for f in fields(cls)}
    out = {}
    for k, v in d.items():
        k = rename.get(k, k)
        if k in names:
            out[k] = v
    return out


@dataclass
class Mention:
    """One document's report of a happening (an event mention), as evidence of an event."""
    doc: str
    start: int
    end: int
    id: str | None = None
    type: str | None = None
    trigger: str | None = None
    trigger_start: int | None = None
    trigger_end: int | None = None
    attribution: dict = field(default_factory=lambda: {"chain": [], "hedge": None})
    values: dict = field(default_factory=dict)       # its own arguments: origin, destination, time, ...
    account: str | None = None                       # copies, translations (and one outlet) folded
    upstream: str | None = None                      # innermost named voice of its isnad, else the account
    outlet: str | None = None
    independent_account: str | None = None           # the Account of the event it counts for

    def to_dict(self) -> dict:
        """The evidence shape of the export: span, trigger, attribution, values, accounts."""
        return {"doc": self.doc, "start": self.start, "end": self.end, "mention": self.id,
                "trigger": self.trigger, "trigger_start": self.trigger_start, "trigger_end": self.trigger_end,
                "type": self.type, "attribution": self.attribution, "values": self.values,
                "account": self.account, "upstream": self.upstream, "outlet": self.outlet,
                "independent_account": self.independent_account}

    def brief(self) -> dict:
        """The event's `mentions` entry: who reports what, with its own values (no union)."""
        return {"id": self.id, "doc": self.doc, "type": self.type,
                "trigger": {"text": self.trigger, "start": self.trigger_start, "end": self.trigger_end},
                "account": self.independent_account, "values": self.values}

    @classmethod
    def from_dict(cls, d: dict) -> "Mention":
        return cls(**_pick(cls, d, {"mention": "id"}))


@dataclass
class Account:
    """An independent voice of one event: documents that are copies or translations of each
    other (and articles of one outlet), or evidence naming the same upstream source."""
    id: str
    upstreams: list = field(default_factory=list)
    copies_of: list = field(default_factory=list)
    documents: list = field(default_factory=list)
    evidence: list = field(default_factory=list)     # indexes into the event's evidence
    chains: list = field(default_factory=list)
    asserted: bool = True

    def to_dict(self) -> dict:
        return {"id": self.id, "upstreams": self.upstreams, "copies_of": self.copies_of,
                "documents": self.documents, "evidence": self.evidence, "chains": self.chains,
                "asserted": self.asserted}

    @classmethod
    def from_dict(cls, d: dict) -> "Account":
        return cls(**_pick(cls, d))


@dataclass
class Event:
    """A happening: a cluster of mentions. The argument fields are views of the mentions
    (the value most independent accounts give); `values` keeps every value side by side."""
    id: str
    cls: str | None
    type: str | None
    types: list = field(default_factory=list)
    participants: list = field(default_factory=list)   # [{entity, role, accounts}]
    origin: Any = None
    destination: Any = None
    via: list = field(default_factory=list)
    place: Any = None
    means: Any = None
    time: dict | None = None
    polarity: str = "asserted"
    mentions: list[Mention] = field(default_factory=list)
    accounts: list[Account] = field(default_factory=list)
    corroboration: int = 0                               # independent accounts that assert it
    values: dict = field(default_factory=dict)           # field -> [{value, docs, corroboration, evidence}]

    def to_dict(self) -> dict:
        return {"id": self.id, "class": self.cls, "type": self.type, "types": self.types,
                "participants": self.participants, "origin": self.origin, "destination": self.destination,
                "via": self.via, "place": self.place, "means": self.means, "time": self.time,
                "polarity": self.polarity,
                "evidence": [m.to_dict() for m in self.mentions],
                "mentions": [m.brief() for m in self.mentions],
                "corroboration": self.corroboration,
                "accounts": [a.to_dict() for a in self.accounts], "values": self.values}

    @classmethod
    def from_dict(cls, d: dict) -> "Event":
        kw = _pick(cls, d, {"class": "cls"})
        kw.pop("mentions", None)
        kw["mentions"] = [Mention.from_dict(e) for e in d.get("evidence") or []]
        kw["accounts"] = [Account.from_dict(a) for a in d.get("accounts") or []]
        return cls(**kw)


@dataclass
class Conflict:
    """Independent accounts giving different values for one slot of one event.
    kind: contradiction (they cannot all be true) or refinement (they differ in precision)."""
    id: str
    event: str
    field: str                       # the compared field (origin, via, time, ...)
    slot: str                        # what a reader asks about (origin/route, happened, counts, ...)
    kind: str                        # contradiction | refinement
    values: list = field(default_factory=list)   # [{value, label_en, label_ar, documents, corroboration, ...}]
    attributed: bool = False         # every side is a quoted source (A says X, B says Y)
    confidence: str = "high"
    accounts: int = 0
    question: str = ""
    question_ar: str = ""
    summary_en: str = ""
    summary_ar: str = ""
    compatible: list = field(default_factory=list)   # times: groups of values that can all be true

    def to_dict(self) -> dict:
        return {"id": self.id, "event": self.event, "field": self.field, "slot": self.slot, "kind": self.kind,
                "attributed": self.attributed, "question": self.question, "question_ar": self.question_ar,
                "confidence": self.confidence, "accounts": self.accounts, "values": self.values,
                "summary_en": self.summary_en, "summary_ar": self.summary_ar, "compatible": self.compatible}

    @classmethod
    def from_dict(cls, d: dict) -> "Conflict":
        kw = _pick(cls, d)
        kind = kw.get("kind") or "contradiction"
        # older stores: precision (now refinement) and attributed (a contradiction between quoted voices)
        kw["kind"] = "refinement" if kind in ("precision", "refinement") else "contradiction"
        kw["attributed"] = bool(kw.get("attributed") or kind == "attributed")
        kw.setdefault("field", d.get("slot") or "")
        kw.setdefault("slot", kw["field"])
        kw.setdefault("event", "")
        return cls(**kw)

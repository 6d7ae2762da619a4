"""Typed data classes at the seams between riwaya's stages (see DESIGN.md).

Offsets: analysis components work on a document's *clean* text (furniture
blanked, Arabic repaired) and return clean offsets; ``analyze`` maps every span
back through the ``OffsetMap`` so that what leaves the per-document stage points
into ``Document.text``, the original.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

ENTITY_TYPES = ("person", "organization", "place", "vehicle", "other")


@dataclass(frozen=True, order=True)
class Span:
    doc: str
    start: int
    end: int

    def to_dict(self) -> dict:
        return {"doc": self.doc, "start": self.start, "end": self.end}


@dataclass
class Document:
    id: str                      # "d" + first 16 hex of sha256(original text)
    text: str                    # the original text: spans index into this
    path: str | None = None
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: str | None = None  # ISO date or datetime, None if unknown
    language: str = "ar"          # main language
    languages: list[str] = field(default_factory=list)  # every language seen
    raw: bytes | None = field(default=None, repr=False)  # original bytes as read
    meta: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict:
        d = asdict(self)
        d.pop("raw")
        return d


@dataclass
class Paragraph:
    """A paragraph of the clean text, in clean offsets."""
    start: int
    end: int
    lang: str                 # "ar", "en", ... or "und"
    furniture: bool = False   # page furniture: kept in the original, not analysed


@dataclass
class Repair:
    """One change the repair layer made, in original offsets."""
    kind: str        # hashtag | glued | split | dropped_letter | place_spelling
    start: int
    end: int
    before: str
    after: str


@dataclass
class Prepared:
    """What analysis reads: clean text, paragraphs, and the map back."""
    doc_id: str
    clean: str
    offsets: list[int]          # offsets[i] = original index of clean[i]; len = len(clean)+1
    paragraphs: list[Paragraph]
    repairs: list[Repair] = field(default_factory=list)
    published: str | None = None

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a clean span [start, end) to an original span."""
        if end <= start:
            o = self.offsets[start]
            return o, o
        return self.offsets[start], self.offsets[end - 1] + 1


# kinds of time expression that tell how long or roughly when, not a point or span: an event may take one as
# its own time (events.own_time, time21), the reconciler compares none (corpus._reconciled_time)
LOOSE_TIME_KINDS = ("duration", "vague")


@dataclass
class TimeValue:
    earliest: str | None          # ISO 8601 with offset, None = open
    latest: str | None
    text: str = ""
    precision: str = "day"        # year | month | day | part_of_day | hour | minute
    tz: str = "+03:00"
    kind: str = "date"            # date | time | duration | set | vague (present/past/future reference)
    anchor: str | None = None     # what it was anchored to: "published:2024-12-08", "narrative:...", "absolute"
    value: str | None = None      # durations: ISO 8601 (P14Y); sets: the period (P1D); vague: PRESENT_REF/PAST_REF/FUTURE_REF
    timex_type: str | None = None  # TimeML type: DATE | TIME | DURATION | SET
    offset: str | None = None     # event-relative: signed ISO offset from the anchor event ("+P1D", "-P1W")
    anchor_span: tuple[int, int] | None = None   # event-relative: the words naming the anchor event


@dataclass
class TimeMention:
    start: int
    end: int
    text: str
    value: TimeValue


@dataclass
class EntityMention:
    start: int
    end: int
    text: str
    type: str                      # one of ENTITY_TYPES
    kb_id: str | None = None       # knowledge-base id if linked
    name: str | None = None        # normalised surface name
    role: str | None = None        # role the text gives next to the name
    role_span: tuple[int, int] | None = None
    confidence: float = 1.0
    source: str = "kb"             # kb | ner | pattern | propagated
    # a group's plural the knowledge base links (الحوثيين -> org:houthis): kept so that events' arguments
    # link, but no name under the entity guidelines (a people's or a movement's plural, like the Kurds), so
    # the entity scorers do not count it (riwaya/ner: group_plural_shapes); likewise a description the knowledge
    # base links (النظام السوري, نظام الأسد, السفارة الروسية), an honorific title alone, and a coreference role
    # phrase (riwaya/ner/coref.py: الرئيس المخلوع), which keeps the person it stands for
    generic: bool = False


@dataclass
class Attribution:
    """An isnad, outermost first: each link a dict {name, kind, span?, entity?}.

    kind: outlet | source_outlet | named_source | unnamed_source | wire.
    hedge: the hedge the text puts on the claim ("يُقال", "reportedly"), if any.
    """
    chain: list[dict] = field(default_factory=list)
    hedge: str | None = None


@dataclass
class Argument:
    role: str                 # agent | companion | patient | origin | destination | via | place | means | amount | recipient
    text: str
    start: int
    end: int
    entity: str | None = None  # kb id / entity key when known
    type: str | None = None


@dataclass
class EventMention:
    """One event as one document states it (clean offsets inside analysis)."""
    cls: str
    type: str
    trigger: str
    start: int                 # evidence: the clause/sentence
    end: int
    trigger_start: int
    trigger_end: int
    arguments: list[Argument] = field(default_factory=list)
    time: TimeValue | None = None
    attribution: Attribution = field(default_factory=Attribution)
    negated: bool = False
    polarity: str = "asserted"   # asserted | denied | hedged | planned (a plan, intention or offer)


@dataclass
class DocAnalysis:
    """The pure output of analyze(document): all spans in ORIGINAL offsets."""
    doc_id: str
    mentions: list[EntityMention] = field(default_factory=list)
    times: list[TimeMention] = field(default_factory=list)
    events: list[EventMention] = field(default_factory=list)
    attributions: list[dict] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    repairs: list[Repair] = field(default_factory=list)
    version: str = ""
    zone: dict | None = None      # the UTC offset of its clock times and the rule that chose it (riwaya.timex.zone)

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Entity:
    id: str
    type: str
    name_ar: str | None = None
    name_en: str | None = None
    aliases: list[str] = field(default_factory=list)
    roles: list[dict] = field(default_factory=list)
    kb_id: str | None = None
    coordinates: list[float] | None = None   # [lat, lon]
    mentions: list[Span] = field(default_factory=list)
    attrs: dict[str, Any] = field(default_factory=dict)


@dataclass
class Event:
    id: str
    cls: str
    type: str
    participants: list[dict] = field(default_factory=list)   # {entity, role}
    origin: str | None = None
    destination: str | None = None
    place: str | None = None
    means: str | None = None
    time: TimeValue | None = None
    evidence: list[dict] = field(default_factory=list)       # {doc,start,end,attribution,...}
    corroboration: int = 0
    attrs: dict[str, Any] = field(default_factory=dict)


@dataclass
class Conflict:
    id: str
    question: str
    values: list[dict] = field(default_factory=list)   # {value, events, evidence}
    kind: str = "contradiction"
    attrs: dict[str, Any] = field(default_factory=dict)

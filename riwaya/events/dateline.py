"""What a dateline means for the events of its article (the dateline itself is read at intake,
``riwaya/ingest/dateline.py``, and kept in ``Document.meta["dateline"]``, original offsets).

- It is furniture of the report, not part of the story: entity mentions inside it are dropped, and so
  are those in a page's foot (``Document.meta["foot"]``: a tag list, a link back to the article).
- Its agency ("(رويترز)", "دمشق - أ ف ب") is the outermost source of every event the article tells
  without an in-text source: a link with the dateline's span is put right after the publisher, also when
  the publisher is that agency (its own copy); when the publisher, not an agency, was read from the
  dateline, the publisher's link takes the dateline's span.
"""
from __future__ import annotations

import re

from ..models import DocAnalysis, Document
from ..textutil import normalize_ar


def _names(outlet: str | None) -> set[str]:
    """Every name an outlet goes by that the dateline table knows (sabq, Sabq, سبق), normalised."""
    from ..ingest.dateline import outlet_of
    if not outlet:
        return set()
    known = outlet_of(outlet) or ()
    return {normalize_ar(n) for n in (outlet, *known) if n}


AGENCIES_DATELINE = False  # "سبق- وكالات:": the unnamed agencies of a dateline credit the events nobody else does (src33)


def _agencies(text: str, s: int, e: int) -> dict | None:
    """The link of the unnamed agencies a dateline names (datelines.yaml `agencies`: "سبق- وكالات:"), with
    the word's span; else None."""
    from ..ingest.dateline import _cfg
    words = sorted(_cfg()["agencies"], key=len, reverse=True)
    m = re.compile(r"(?<!\w)(?:%s)(?!\w)" % "|".join(map(re.escape, words))).search(text, s, e)
    if m is None:
        return None
    return {"name": m.group(0), "kind": "source_outlet", "start": m.start(), "end": m.end(), "text": m.group(0)}


def _credit_agencies(an: DocAnalysis, link: dict) -> None:
    """Put the agencies' link after the publisher in the chain of each event the text credits nobody for."""
    for ev in an.events:
        chain = ev.attribution.chain
        if any(l.get("start") is not None for l in chain):
            continue
        chain.insert(1 if chain and chain[0].get("kind") == "outlet" else 0, dict(link))


def apply(doc: Document, an: DocAnalysis, wires: set[str]) -> DocAnalysis:
    foot = (doc.meta or {}).get("foot")
    if isinstance(foot, dict) and foot.get("start") is not None and foot.get("end") is not None:
        fs, fe = int(foot["start"]), int(foot["end"])       # a page's foot (tags, a link back): no entities
        an.mentions = [m for m in an.mentions if not (fs <= m.start and m.end <= fe)]
    dl = (doc.meta or {}).get("dateline")
    if not isinstance(dl, dict) or dl.get("start") is None or dl.get("end") is None:
        return an
    s, e = int(dl["start"]), int(dl["end"])
    an.mentions = [m for m in an.mentions if not (s <= m.start and m.end <= e)]
    outlet = (dl.get("outlet") or "").strip()
    agencies = _agencies(doc.text, s, e) if AGENCIES_DATELINE and dl.get("kind") != "byline" else None
    if agencies is not None and not (outlet and normalize_ar(outlet) in wires):
        _credit_agencies(an, agencies)     # a wire named beside them ("وكالات - رويترز") is the one credited
        return an
    if not outlet or dl.get("kind") == "byline":
        return an
    own = _names(doc.outlet)
    inferred = "outlet" in ((doc.meta or {}).get("metadata_inferred") or [])
    kind = "wire" if normalize_ar(outlet) in wires else "source_outlet"
    name = (dl.get("outlet_en") or outlet) if doc.language == "en" else outlet   # "Reuters" in English copy
    link = {"name": name, "kind": kind, "start": s, "end": e}
    for ev in an.events:
        chain = ev.attribution.chain
        if any(l.get("start") is not None for l in chain):
            continue              # the text names its own source for this event
        # a news agency's dateline ("(Reuters)", "(واس)") names a source in the text, also in the agency's
        # own copy (GUIDELINE 5); a newspaper's own byline ("سبق - الرياض") is no source of its story
        if chain and chain[0].get("kind") == "outlet" and normalize_ar(chain[0].get("name") or "") == normalize_ar(outlet):
            if kind != "wire":
                if inferred:
                    chain[0] = {**chain[0], "start": s, "end": e, "text": doc.text[s:e]}
                continue
        elif _names(outlet) & own and kind != "wire":
            continue
        pos = 1 if chain and chain[0].get("kind") == "outlet" else 0
        chain.insert(pos, {**link, "text": doc.text[s:e]})
    return an

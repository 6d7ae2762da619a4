"""The per-document stage: a pure function of one Document and the bundled knowledge.

prepare (furniture out, Arabic repaired) -> entity mentions (knowledge base,
then the statistical tagger and patterns) -> time expressions -> events and
attributions. Components read the clean text; every span they return is mapped
back here to ``Document.text`` so that ``text[start:end]`` is what was read.
"""
from __future__ import annotations

import copy
import re
from dataclasses import asdict

from . import __version__
from .fingerprint import code_fingerprint
from .ingest.prepare import prepare
from .models import DocAnalysis, Document, Prepared



# the per-document stage's code and data: a change re-analyses documents when they are built again
ANALYZER_PARTS = ["analyze.py", "models.py", "textutil.py", "translit.py", "ingest", "kb", "ner", "timex", "events",
                  "data/ingest", "data/kb", "data/ner", "data/timex", "data/events"]
ANALYZER_VERSION = f"riwaya-{__version__}+{code_fingerprint(ANALYZER_PARTS)}"


def _components():
    """The stage's components, each optional so that a missing one degrades, not fails."""
    comps = {}
    try:
        from .kb import load_kb
        comps["kb"] = load_kb()
    except ImportError:
        comps["kb"] = None
    try:
        from .ner import recognize
        comps["ner"] = recognize
    except ImportError:
        comps["ner"] = None
    try:
        from .timex import tag_times
        comps["timex"] = tag_times
    except ImportError:
        comps["timex"] = None
    try:
        from .events import extract
        comps["events"] = extract
    except ImportError:
        comps["events"] = None
    return comps


_COMPS = None


def components():
    global _COMPS
    if _COMPS is None:
        _COMPS = _components()
    return _COMPS


def analyze_prepared(doc: Document, prep: Prepared) -> DocAnalysis:
    comps = components()
    text = prep.clean
    lang = doc.language or "ar"
    mentions = comps["kb"].match(text, lang) if comps["kb"] else []
    if comps["ner"]:
        mentions = comps["ner"](text, lang, mentions)
    # the document's own UTC offset when its metadata gives one (a dateline's place, a feed's zone), else the default
    tz = (doc.meta or {}).get("tz")
    tz_kw = {"tz": tz} if isinstance(tz, str) and re.fullmatch(r"[+-]\d\d:\d\d", tz) else {}
    times = comps["timex"](text, lang, doc.published, **tz_kw) if comps["timex"] else []
    events, attributions = ([], [])
    if comps["events"]:
        events, attributions = comps["events"](text, mentions, times, prep.paragraphs, doc.outlet, lang)
    return to_original(doc, prep, mentions, times, events, attributions)


def analyze(doc: Document) -> DocAnalysis:
    """Analyse one document. Pure: same document, same result."""
    return analyze_prepared(doc, prepare(doc))


# ---------------------------------------------------------------- offsets
def to_original(doc, prep, mentions, times, events, attributions) -> DocAnalysis:
    orig = doc.text

    def span(s: int, e: int) -> tuple[int, int]:
        return prep.to_original(s, e)

    out_m = []
    for m in mentions:
        m = copy.copy(m)
        m.name = m.name or m.text
        m.start, m.end = span(m.start, m.end)
        m.text = orig[m.start:m.end]
        if m.role_span:
            m.role_span = span(*m.role_span)
        out_m.append(m)
    out_t = []
    for t in times:
        t = copy.copy(t)
        t.start, t.end = span(t.start, t.end)
        t.text = orig[t.start:t.end]
        t.value = copy.copy(t.value)
        t.value.text = t.text
        if t.value.anchor_span:
            t.value.anchor_span = span(*t.value.anchor_span)
        out_t.append(t)
    out_e = []
    for ev in events:
        # a copy deep enough for what is rewritten below (deepcopy cost more than the rest of this step)
        ev = copy.copy(ev)
        ev.arguments = [copy.copy(a) for a in ev.arguments]
        ev.attribution = copy.copy(ev.attribution)
        ev.attribution.chain = [dict(link) for link in ev.attribution.chain]
        ev.start, ev.end = span(ev.start, ev.end)
        ev.trigger_start, ev.trigger_end = span(ev.trigger_start, ev.trigger_end)
        ev.trigger = orig[ev.trigger_start:ev.trigger_end]
        for a in ev.arguments:
            a.start, a.end = span(a.start, a.end)
            a.text = orig[a.start:a.end]
        _map_chain(ev.attribution.chain, span, orig)
        if ev.time is not None:
            ev.time = copy.copy(ev.time)
        out_e.append(ev)
    out_a = []
    for a in attributions:
        a = {**a, "chain": [dict(link) for link in a.get("chain", [])]}
        if a.get("start") is not None:
            a["start"], a["end"] = span(a["start"], a["end"])
        if a.get("scope"):
            a["scope"] = list(span(*a["scope"]))
        _map_chain(a.get("chain", []), span, orig)
        out_a.append(a)
    paras = []
    for p in prep.paragraphs:
        s, e = span(p.start, p.end)
        paras.append(type(p)(s, e, p.lang, p.furniture))
    return DocAnalysis(doc_id=doc.id, mentions=out_m, times=out_t, events=out_e, attributions=out_a,
                       paragraphs=paras, repairs=list(prep.repairs), version=ANALYZER_VERSION)


def _map_chain(chain: list[dict], span, orig: str) -> None:
    for link in chain:
        if link.get("start") is not None and link.get("end") is not None:
            link["start"], link["end"] = span(link["start"], link["end"])
            link["text"] = orig[link["start"]:link["end"]]


def analysis_dict(a: DocAnalysis) -> dict:
    return asdict(a)

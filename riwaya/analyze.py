"""The per-document stage: a pure function of one Document and the bundled knowledge.

prepare (furniture out, Arabic repaired) -> entity mentions (knowledge base,
then the statistical tagger and patterns) -> time expressions -> events and
attributions. Components read the clean text; every span they return is mapped
back here to ``Document.text`` so that ``text[start:end]`` is what was read.
"""
from __future__ import annotations

import copy
import dataclasses
import functools
import gc
import unicodedata

from . import __version__
from .fingerprint import code_fingerprint
from .ingest.prepare import prepare
from .models import (Argument, Attribution, DocAnalysis, Document, EntityMention, EventMention, Prepared,
                     TimeMention, TimeValue)
from .timex.zone import choose as choose_zone



# the per-document stage's code and data: a change re-analyses documents when they are built again
ANALYZER_PARTS = ["analyze.py", "models.py", "event_schema.py", "textutil.py", "translit.py", "lang", "ingest", "kb", "ner", "timex", "events",
                  "data/ingest", "data/lang", "data/kb", "data/ner", "data/timex", "data/events"]
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


# A run that leaves this many more objects tracked by the collector than it started with has loaded
# something for good (the models, word lists and caches of a process's first document, spaCy at the
# first English paragraph): an article's own analysis leaves about 2,000.
SETTLED_OBJECTS = 50_000


def _gc_paused(fn):
    """Run ``fn`` with the cyclic garbage collector paused (if it was running): one window of a document
    allocates some hundred thousand short-lived objects, and the collections they set off walked them
    again and again (3-5 % of the CPU time); what is left over is collected as usual once it returns.
    A run that loaded models (``SETTLED_OBJECTS``) moves everything alive to the collector's permanent
    generation (``gc.freeze``): the full collections that the caches' growth sets off walked the whole
    heap of models and word lists each time (0.5 s each, a few times per 300 articles)."""
    @functools.wraps(fn)
    def run(*a, **kw):
        if not gc.isenabled():
            return fn(*a, **kw)
        gc.disable()
        try:
            return fn(*a, **kw)
        finally:
            if gc.get_count()[0] > SETTLED_OBJECTS:
                gc.freeze()
            gc.enable()
    return run


@_gc_paused
def analyze_prepared(doc: Document, prep: Prepared) -> DocAnalysis:
    comps = components()
    text = prep.clean
    lang = doc.language or "ar"
    mentions = comps["kb"].match(text, lang) if comps["kb"] else []
    if comps["ner"]:
        mentions = comps["ner"](text, lang, mentions)
        from .ner.coref import link          # "the ousted president" -> the person named before
        mentions = link(text, mentions, lang, comps["kb"])
    # the UTC offset of the document's clock times: given with it, else by its dateline's place, its
    # publisher's country or its language (data/timex/zones.yaml)
    zone = choose_zone(doc, comps["kb"])
    tz_kw = {"tz": zone.offset}
    # no publication date: the day it was fetched anchors "today" on a window before it (riwaya/timex/retrieved.py)
    retrieved = None if doc.published else (doc.meta or {}).get("retrieved")
    if isinstance(retrieved, str) and retrieved:
        tz_kw["retrieved"] = retrieved
    times = comps["timex"](text, lang, doc.published, **tz_kw) if comps["timex"] else []
    events, attributions = ([], [])
    if comps["events"]:
        events, attributions = comps["events"](text, mentions, times, prep.paragraphs, doc.outlet, lang)
    an = to_original(doc, prep, mentions, times, events, attributions)
    an.zone = zone.to_dict()
    if comps["events"]:
        from .events.learned import refine   # the learned decisions over the rules' proposals
        refine(doc.text, an)
    return an


def _with_dateline(doc: Document, an: DocAnalysis) -> DocAnalysis:
    """The dateline is the whole document's (its offsets index the whole text): applied once, after any
    windows are joined."""
    if components()["events"]:
        from .events import dateline
        from .events.extract import load_lexicon
        dateline.apply(doc, an, load_lexicon()["wires"])
    return an


# Some stages compare every event with every mention of its paragraph or document, which
# is cheap on a news article and quadratic on a book: a document longer than WINDOW_CHARS is
# analysed in windows of whole lines, and a line longer than LINE_CHARS in pieces cut at a
# sentence end (else a space), each window on its own, so time and memory grow linearly.
# Both limits lie above every article of SaudiNewsNet's 31k but 19 lines of over 10,000 characters.
WINDOW_CHARS = 50_000
LINE_CHARS = 10_000
_SENTENCE_END = ".!?؟…\n"


@_gc_paused
def analyze(doc: Document) -> DocAnalysis:
    """Analyse one document. Pure: same document, same result. The collector is paused for the whole
    of it (repair, the windows and the dateline too)."""
    cuts = windows(doc.text)
    if len(cuts) == 1:
        return _with_dateline(doc, analyze_prepared(doc, prepare(doc)))
    out = DocAnalysis(doc_id=doc.id, version=ANALYZER_VERSION)
    for s, e in cuts:
        if not doc.text[s:e].strip():
            continue
        part = dataclasses.replace(doc, text=doc.text[s:e], raw=None)
        a = analyze_prepared(part, prepare(part))
        m, t, ev, at = _remap(doc.text, lambda x, y: (x + s, y + s), a.mentions, a.times, a.events, a.attributions)
        out.mentions += m
        out.times += t
        out.events += ev
        out.attributions += at
        out.paragraphs += [type(p)(p.start + s, p.end + s, p.lang, p.furniture) for p in a.paragraphs]
        out.repairs += [dataclasses.replace(r, start=r.start + s, end=r.end + s) for r in a.repairs]
        out.zone = a.zone
    return _with_dateline(doc, out)


def windows(text: str, window: int | None = None, line: int | None = None) -> list[tuple[int, int]]:
    """Spans that cover ``text``: the whole of it when it is short enough, else windows of at
    most ``window`` characters made of whole lines, a line longer than ``line`` cut into
    pieces of its own. Linear in the length of the text."""
    window, line = window or WINDOW_CHARS, line or LINE_CHARS
    if len(text) <= min(window, line) or (len(text) <= window and _longest_line(text) <= line):
        return [(0, len(text))]
    out: list[tuple[int, int]] = []
    start = pos = 0                            # the window being filled is text[start:pos]
    while pos < len(text):
        nl = text.find("\n", pos)
        end = len(text) if nl < 0 else nl + 1
        if end - pos > line:                   # a long line: its pieces are windows of their own
            if pos > start:
                out.append((start, pos))
            out += _cut_line(text, pos, end, line)
            start = end
        elif end - start > window and pos > start:
            out.append((start, pos))
            start = pos
        pos = end
    if start < len(text):
        out.append((start, len(text)))
    return out


def _longest_line(text: str) -> int:
    longest, pos = 0, 0
    while pos <= len(text):
        nl = text.find("\n", pos)
        end = len(text) if nl < 0 else nl
        longest = max(longest, end - pos)
        pos = end + 1
    return longest


def _cut_line(text: str, s: int, e: int, size: int) -> list[tuple[int, int]]:
    """Pieces of text[s:e] of at most ``size`` characters, cut after a sentence end in the
    second half of a piece, else after a space, else between two characters that are not
    a letter and its mark."""
    out = []
    while e - s > size:
        lo, hi = s + size // 2, s + size
        cut = max(text.rfind(c, lo, hi) for c in _SENTENCE_END) + 1
        if cut <= lo:
            cut = max(text.rfind(c, lo, hi) for c in " \t\u00a0") + 1
        if cut <= lo:
            cut = hi
            while cut > lo and (unicodedata.combining(text[cut]) or text[cut] in "\u200c\u200d\u0640"):
                cut -= 1
        out.append((s, cut))
        s = cut
    out.append((s, e))
    return out


# ---------------------------------------------------------------- offsets
def to_original(doc, prep, mentions, times, events, attributions) -> DocAnalysis:
    out_m, out_t, out_e, out_a = _remap(doc.text, prep.to_original, mentions, times, events, attributions)
    paras = []
    for p in prep.paragraphs:
        s, e = prep.to_original(p.start, p.end)
        paras.append(type(p)(s, e, p.lang, p.furniture))
    return DocAnalysis(doc_id=doc.id, mentions=out_m, times=out_t, events=out_e, attributions=out_a,
                       paragraphs=paras, repairs=list(prep.repairs), version=ANALYZER_VERSION)


_PLAIN = frozenset({TimeValue, TimeMention, EntityMention, Attribution, Argument, EventMention})


def _copy(obj):
    """``copy.copy`` of an analysis object: for the model's plain dataclasses (no slots, no copy hooks) what
    copy's generic protocol does, a new instance given the same attribute dict, without that protocol's
    cost (several objects per event, every document); anything else through ``copy.copy``."""
    cls = obj.__class__
    if cls in _PLAIN:
        new = object.__new__(cls)
        new.__dict__.update(obj.__dict__)
        return new
    return copy.copy(obj)


def _remap(orig: str, span, mentions, times, events, attributions):
    """Copies of the spans' objects with every offset mapped by ``span`` into ``orig``."""
    out_m = []
    for m in mentions:
        m = _copy(m)
        m.name = m.name or m.text
        m.start, m.end = span(m.start, m.end)
        m.text = orig[m.start:m.end]
        if m.role_span:
            m.role_span = span(*m.role_span)
        out_m.append(m)
    out_t = []
    for t in times:
        t = _copy(t)
        t.start, t.end = span(t.start, t.end)
        t.text = orig[t.start:t.end]
        t.value = _copy(t.value)
        t.value.text = t.text
        if t.value.anchor_span:
            t.value.anchor_span = span(*t.value.anchor_span)
        out_t.append(t)
    out_e = []
    for ev in events:
        # a copy deep enough for what is rewritten below (deepcopy cost more than the rest of this step)
        ev = _copy(ev)
        ev.arguments = [_copy(a) for a in ev.arguments]
        ev.attribution = _copy(ev.attribution)
        ev.attribution.chain = [dict(link) for link in ev.attribution.chain]
        ev.start, ev.end = span(ev.start, ev.end)
        ev.trigger_start, ev.trigger_end = span(ev.trigger_start, ev.trigger_end)
        ev.trigger = orig[ev.trigger_start:ev.trigger_end]
        for a in ev.arguments:
            a.start, a.end = span(a.start, a.end)
            a.text = orig[a.start:a.end]
        _map_chain(ev.attribution.chain, span, orig)
        if ev.time is not None:
            ev.time = _copy(ev.time)
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
    return out_m, out_t, out_e, out_a


def _map_chain(chain: list[dict], span, orig: str) -> None:
    for link in chain:
        if link.get("start") is not None and link.get("end") is not None:
            link["start"], link["end"] = span(link["start"], link["end"])
            link["text"] = orig[link["start"]:link["end"]]


def analysis_dict(a: DocAnalysis) -> dict:
    """``dataclasses.asdict(a)``, the same dict, without its generic recursion on every string and
    number (a few percent of the stage): the walk of Python 3.12's asdict, field names read once per class."""
    return _plain(a)


_ATOMIC = frozenset({type(None), bool, int, float, str, complex, bytes})
_FIELDS: dict[type, tuple[str, ...]] = {}


def _plain(obj):
    t = type(obj)
    if t in _ATOMIC:
        return obj
    if t is list:
        return [_plain(v) for v in obj]
    names = _FIELDS.get(t)
    if names is None and dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        names = _FIELDS[t] = tuple(f.name for f in dataclasses.fields(obj))
    if names is not None:
        return {n: _plain(getattr(obj, n)) for n in names}
    if isinstance(obj, tuple) and hasattr(obj, "_fields"):
        return t(*[_plain(v) for v in obj])
    if isinstance(obj, (list, tuple)):
        return t(_plain(v) for v in obj)
    if isinstance(obj, dict):
        return t((_plain(k), _plain(v)) for k, v in obj.items())
    return copy.deepcopy(obj)

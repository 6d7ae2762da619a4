"""A weak "context time" for a mention told without its own time.

News narrates one actor's steps in a chain: "he told his office director on Saturday evening that he
would go home, but went straight to the airport, where he left with his son". The leaving has no time
of its own; the reader takes it from the step before. A mention with no time takes the nearest time
expression before its trigger in its sentence (``corpus.doc_event_mentions``: ``time_before``) when a
narrative-chain word (values.yaml ``narrative_chain``) stands between them. The time is marked
``inferred``: conflicts compare it and say so; the event's own values never take it.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .text import normalize
from .values import vconfig


@lru_cache(maxsize=1)
def _chain_words() -> tuple[frozenset, int]:
    cfg = vconfig()
    words = frozenset(" ".join(normalize(w).lower().split()) for lang in (cfg.get("narrative_chain") or {}).values()
                      for w in lang)
    return words, int(cfg.get("narrative_chain_max_chars") or 160)


def chained(gap: str) -> bool:
    """Does a narrative-chain word stand in `gap` (one clitic و/ف allowed before an Arabic word)?"""
    words, _ = _chain_words()
    toks = [t for t in re.split(r"[^\w]+", normalize(gap).lower()) if t]
    for n in (1, 2):
        for k in range(len(toks) - n + 1):
            w = " ".join(toks[k:k + n])
            if w in words or (w[:1] in ("و", "ف") and w[1:] in words):
                return True
    return False


def context_time(m: dict, text: str) -> dict | None:
    """The inferred time of mention `m` (a dict of the corpus stage) in its document `text`, or None."""
    tb = m.get("time_before")
    ts = m.get("trigger_start")
    if m.get("time") or not tb or not text or not isinstance(ts, int):
        return None
    _, max_chars = _chain_words()
    gap = text[tb["end"]:ts]
    if len(gap) > max_chars or not chained(gap):
        return None
    return {**{k: tb.get(k) for k in ("earliest", "latest", "text", "precision", "tz")}, "inferred": True}


def context_times(mentions: list[dict], docs: dict[str, dict]) -> dict[str, dict]:
    """mention id -> its inferred context time, for the mentions that have one."""
    out = {}
    for m in mentions:
        if m.get("time_before"):
            t = context_time(m, (docs.get(m.get("doc")) or {}).get("text") or "")
            if t:
                out[m.get("id")] = t
    return out

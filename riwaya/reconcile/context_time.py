"""A weak "context time" for a mention told without its own time.

News narrates one actor's steps in a chain: "he told his office director on Saturday evening that he
would go home, but went straight to the airport, where he left with his son". The leaving has no time
of its own; the reader takes it from the step before. A mention with no time takes the nearest time
expression before its trigger in its sentence (``corpus.doc_event_mentions``: ``time_before``) when a
narrative-chain word (values.yaml ``narrative_chain``) stands between them. A heading ("سقوط المدينة"
over a section that opens "في 30 نوفمبر، ...") takes the date that opens its section. The time is marked
``inferred``: conflicts compare it and say so; the event's own values never take it. Only a step that
came at once ("مباشرة", "straight") takes that time as its own; after another chain word ("ثم", "then")
or past an earlier step of the sentence it is a lower bound (``bound: "after"``), no side of a contradiction.
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


@lru_cache(maxsize=1)
def _offset_words() -> frozenset:
    return frozenset(normalize(w).lower() for lang in (vconfig().get("narrative_offset") or {}).values() for w in lang)


def _among(w: str, words: frozenset) -> bool:
    """Is `w` one of `words`, also behind one clitic و/ف?"""
    return w in words or (w[:1] in ("و", "ف") and w[1:] in words)


@lru_cache(maxsize=1)
def _immediate_words() -> frozenset:
    cfg = vconfig().get("narrative_chain_immediate") or {}
    return frozenset(" ".join(normalize(w).lower().split()) for lang in cfg.values() for w in lang)


def _tokens(gap: str) -> list[str]:
    return [t for t in re.split(r"[^\w]+", normalize(gap).lower()) if t]


def _has(toks: list[str], words: frozenset) -> bool:
    return any(_among(" ".join(toks[k:k + n]), words) for n in (1, 2) for k in range(len(toks) - n + 1))


def chained(gap: str) -> bool:
    """Does a narrative-chain word stand in `gap` (one clitic و/ف allowed before an Arabic word), and no
    word that says how much later (``narrative_offset``)?"""
    words, _ = _chain_words()
    toks = _tokens(gap)
    if any(_among(t, _offset_words()) for t in toks):
        return False
    return _has(toks, words)


def immediate(gap: str) -> bool:
    """Does `gap` say the next step came at once (``narrative_chain_immediate``: "مباشرة", "straight")?
    Only then does the step take the time before it as its own; after "ثم", "then" it is a lower bound."""
    return _has(_tokens(gap), _immediate_words())


def _inferred(t: dict, how: str, bound: bool = False) -> dict:
    """`how`: "chain" (the step before it) or "section" (the date that opens the section a heading titles).
    `bound`: the time is only a lower bound of the step (``bound: "after"``: it came then or later)."""
    out = {**{k: t.get(k) for k in ("earliest", "latest", "text", "precision", "tz")}, "inferred": how}
    return {**out, "bound": "after"} if bound else out


def later_leg(m: dict, mentions: list[dict]) -> bool:
    """Is another step told between mention `m`'s time before (``time_before``) and its trigger: an
    asserted, not negated movement of its sentence ("حيث غادر مع ابنه إلى القاعدة، ومن هناك إلى موسكو")?
    The time before is then that earlier step's, and of `m` only a lower bound. A planned step ("بأنه
    سيعود إلى منزله") is no step taken. `mentions`: those of `m`'s document (the corpus stage marks
    ``time_before.past_step``)."""
    tb, ts = m.get("time_before") or {}, m.get("trigger_start")
    if not isinstance(tb.get("end"), int) or not isinstance(ts, int):
        return False
    return any(x is not m and x.get("doc") == m.get("doc") and x.get("start") == m.get("start")
               and x.get("class") == "movement" and isinstance(x.get("trigger_start"), int)
               and tb["end"] <= x["trigger_start"] < ts and not x.get("negated")
               and (x.get("polarity") or "asserted") == "asserted" and not is_chain_word(x.get("trigger") or "")
               for x in mentions)


def context_time(m: dict, text: str) -> dict | None:
    """The inferred time of mention `m` (a dict of the corpus stage) in its document `text`, or None:
    the time of the step before it in a narrative chain, else, for a heading, the date that opens the
    section it titles (``section_time``; a line that ends with a full stop is no heading)."""
    ts = m.get("trigger_start")
    if m.get("time") or not text or not isinstance(ts, int):
        return None
    tb = m.get("time_before")
    if tb:
        _, max_chars = _chain_words()
        gap = text[tb["end"]:ts]
        if len(gap) <= max_chars and chained(gap):
            return _inferred(tb, "chain", bound=bool(tb.get("past_step")) or not immediate(gap))
    st = m.get("section_time")
    if st and isinstance(m.get("start"), int) and isinstance(m.get("end"), int):
        line = text[m["start"]:m["end"]].strip()
        if line and line[-1] not in ".!?؟:;؛…" and "\n" not in line:
            return _inferred(st, "section")
    return None


def is_chain_word(trigger: str) -> bool:
    """Is `trigger` only a narrative-chain word ("ثم", "then"): a continuation, no movement of its own?"""
    return _among(" ".join(normalize(trigger or "").lower().split()), _chain_words()[0])


def continued_companions(mentions: list[dict], roles) -> dict[str, list]:
    """A continuation ("نُقل من قصره إلى القاعدة، ثم إلى طائرة خاصة بمرافقة ابنه"): a mention whose trigger
    is only a narrative-chain word goes on with the movement told before it in its sentence; who goes
    with it (its companions) goes with that movement too. mention id -> those companions."""
    by_sentence = {}
    for m in mentions:
        by_sentence.setdefault((m.get("doc"), m.get("start"), m.get("end")), []).append(m)
    out = {}
    for ms in by_sentence.values():
        ms = sorted((m for m in ms if isinstance(m.get("trigger_start"), int)), key=lambda m: m["trigger_start"])
        for k, m in enumerate(ms):
            if k == 0 or not is_chain_word(m.get("trigger") or ""):
                continue
            comp = sorted({p["entity"] for p in m.get("participants") or []
                           if p.get("role") in roles and isinstance(p.get("entity"), str)})
            prev = next((x for x in reversed(ms[:k]) if x.get("class") == "movement"
                         and not is_chain_word(x.get("trigger") or "")), None)
            if comp and prev is not None:
                out.setdefault(prev["id"], [])
                out[prev["id"]] = sorted(set(out[prev["id"]]) | set(comp))
    return out


def context_values(mentions: list[dict], docs: dict[str, dict], canon=None) -> dict[str, dict]:
    """mention id -> the values its context gives it where it has none: an inferred ``time``
    (``context_time``), the companions of a continuation (``continued_companions``, kept by the corpus
    stage on the mention as ``continued_companions``; `canon` maps those participants as the
    reconciler maps a mention's own)."""
    out = {}
    for m in mentions:
        if m.get("time_before") or m.get("section_time"):
            t = context_time(m, (docs.get(m.get("doc")) or {}).get("text") or "")
            if t:
                out.setdefault(m.get("id"), {})["time"] = t
        parts = m.get("continued_companions")
        if parts:
            parts = canon(parts) if canon else parts
            comp = sorted({p["entity"] for p in parts if isinstance(p.get("entity"), str)})
            if comp:
                out.setdefault(m.get("id"), {})["companions"] = comp
    return out

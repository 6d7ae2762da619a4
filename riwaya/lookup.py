"""Find the entity a user names ("رفيق الحريري", "Ali", an id) without guessing.

An exact name (the entity's Arabic or English name, or an alias, compared after Arabic
normalisation and case folding) wins; otherwise a name matches when the query is a whole
word of it (one word: "علي" is every Ali) or its first words ("Ali Mam" does not match,
"علي حسن" does). A query inside a longer name is no match: "رفيق الحريري" is not
"سعد رفيق الحريري". The caller lists the candidates when more than one is left.
"""
from __future__ import annotations

from .textutil import normalize_ar


def _norm(s: str) -> list[str]:
    return normalize_ar(s or "").casefold().replace("-", " ").split()


def names(e: dict) -> list[str]:
    return [n for n in [e.get("name_ar"), e.get("name_en"), *(e.get("aliases") or [])] if isinstance(n, str) and n]


def find_entities(entities: list[dict], query: str, types: tuple[str, ...] | None = None) -> tuple[str, list[dict]]:
    """("id" | "name" | "alias" | "word" | "", matches), best-known first."""
    ents = [e for e in entities if not types or e.get("type") in types]
    by_id = [e for e in ents if e.get("id") in (query, f"e:{query}")]
    if by_id:
        return "id", by_id
    q = _norm(query)
    if not q:
        return "", []
    order = lambda es: sorted(es, key=lambda e: (-len(e.get("mentions") or []), str(e.get("id"))))
    main = [e for e in ents if any(_norm(n) == q for n in (e.get("name_ar"), e.get("name_en")) if n)]
    if main:
        return "name", order(main)
    alias = [e for e in ents if any(_norm(n) == q for n in names(e))]
    if alias and len(q) > 1:
        return "alias", order(alias)

    def word_match(n: str) -> bool:
        w = _norm(n)
        return (q[0] in w) if len(q) == 1 else w[:len(q)] == q
    # one word ("حافظ") is a short name of whoever bears it: an alias does not settle it
    words = [e for e in ents if e not in alias and any(word_match(n) for n in names(e))]
    return ("alias" if alias and not words else "word"), order(alias) + order(words)


def containing(entities: list[dict], query: str, limit: int = 5) -> list[dict]:
    """Entities whose name holds the query inside it (to say "not found; these contain it")."""
    q = " ".join(_norm(query))
    return [e for e in entities if q and any(q in " ".join(_norm(n)) for n in names(e))][:limit]

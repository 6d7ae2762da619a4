"""Text mechanics for reconcile: normalisation, shingles, MinHash/LSH blocking.

Language-neutral mechanisms only; thresholds live in data/reconcile/config.json.
"""
from __future__ import annotations

import hashlib
import json
import re
from functools import lru_cache
from pathlib import Path

from ..lang.arabic import reconcile_key

try:  # numpy makes MinHash fast; pure Python fallback keeps the module importable
    import numpy as _np
except Exception:  # pragma: no cover
    _np = None

DATA = Path(__file__).resolve().parent.parent / "data" / "reconcile"
_TOKEN = re.compile(r"\w+", re.UNICODE)
_NUM = re.compile(r"\d+(?:[.:,]\d+)?")
_ARABIC = re.compile("[\u0600-\u06ff]")
_LATIN = re.compile("[A-Za-z]")


@lru_cache(maxsize=None)
def config() -> dict:
    return json.loads((DATA / "config.json").read_text("utf-8"))


@lru_cache(maxsize=None)
def templates() -> dict:
    return json.loads((DATA / "templates.json").read_text("utf-8"))


normalize = reconcile_key      # riwaya.lang.arabic, variant "reconcile"


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(normalize(text))


def numbers(text: str) -> set[str]:
    return {n.replace(",", ".") for n in _NUM.findall(normalize(text))}


def script_lang(text: str) -> str:
    """Cheap language guess by script, used when paragraphs carry no language."""
    a = len(_ARABIC.findall(text))
    l = len(_LATIN.findall(text))
    if a + l == 0:
        return "und"
    return "ar" if a >= l else "en"


def stable_hash(s: str) -> int:
    return int.from_bytes(hashlib.blake2b(s.encode("utf-8"), digest_size=8).digest(), "little")


def shingles(text: str, k: int) -> set[int]:
    toks = tokens(text)
    if len(toks) < k:
        return {stable_hash(" ".join(toks))} if toks else set()
    return {stable_hash(" ".join(toks[i:i + k])) for i in range(len(toks) - k + 1)}


_MASK61 = (1 << 61) - 1


@lru_cache(maxsize=8)
def _perms(n: int):
    # deterministic parameters for n universal hash functions
    params = [(stable_hash(f"a{i}") | 1, stable_hash(f"b{i}")) for i in range(n)]
    if _np is not None:
        a = _np.array([p[0] for p in params], dtype=_np.uint64)
        b = _np.array([p[1] for p in params], dtype=_np.uint64)
        return a, b
    return params


def minhash(sh: set[int], n: int) -> tuple:
    """MinHash signature (tuple of n ints) of a shingle set."""
    if not sh:
        return tuple([0] * n)
    if _np is not None:
        a, b = _perms(n)
        x = _np.fromiter(sh, dtype=_np.uint64, count=len(sh))
        with _np.errstate(over="ignore"):
            h = (x[:, None] * a[None, :] + b[None, :]) >> _np.uint64(16)
        return tuple(int(v) for v in h.min(axis=0))
    out = []
    for a, b in _perms(n):
        out.append(min(((x * a + b) & 0xFFFFFFFFFFFFFFFF) >> 16 for x in sh))
    return tuple(out)


def lsh_candidates(signatures: dict[str, tuple], bands: int) -> set[tuple[str, str]]:
    """Pairs of keys that share at least one LSH band bucket (near-linear blocking). One band's
    buckets at a time (all bands' at once held a key per document and band)."""
    pairs: set[tuple[str, str]] = set()
    keys = [k for k in sorted(signatures) if any(signatures[k])]
    for band in range(bands):
        buckets: dict[tuple, list[str]] = {}
        for key in keys:
            sig = signatures[key]
            r = max(1, len(sig) // bands)
            buckets.setdefault(tuple(sig[band * r:(band + 1) * r]), []).append(key)
        for members in buckets.values():
            for i in range(len(members)):
                for j in range(i + 1, len(members)):
                    pairs.add((members[i], members[j]))
    return pairs


def jaccard(a: set, b: set) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def containment(a: set, b: set) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))

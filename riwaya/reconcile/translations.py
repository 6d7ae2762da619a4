"""Translations ACROSS documents: an article in one language that translates an
article in another (a wire story and its Arabic rendering by another outlet) is
one account, not two witnesses.

1. Blocking (never all-pairs): every document is split into language *sides*
   (its paragraphs of one language; a bilingual document has two). A side's keys
   are the knowledge-base/resolved entity ids mentioned in it and the numbers it
   quotes; an inverted index over keys (keys shared by too many sides dropped)
   proposes pairs of sides in different languages of different documents that
   share enough keys, published within a few days when both dates are known.
2. Confirmation: the cross-lingual sentence encoder (encoder.py) aligns the
   units (sentences by default) of the shorter side to their best match in the
   other: mean best-match cosine, coverage (share of units whose best match is a
   likely translation), order kept by the matches, plus cheap features (shared
   entities, numbers, Latin tokens). Every threshold is data in
   riwaya/data/reconcile/config.json ("doc_translation").

Unit vectors are cached per side by content hash (memory and disk, beside the
per-document alignment cache of relations.py), so a rebuild does not re-encode.
Without the encoder no cross-document translation is claimed unless the
configuration allows features alone (`features_only_ok`).
"""
from __future__ import annotations

import hashlib
import os
import re
from collections import defaultdict
from datetime import date

from . import encoder
from .relations import _cache_dir, paragraphs
from ..translit import skeleton
from .text import config, jaccard, numbers, tokens

_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")
_SENT_END = re.compile(r"(?<=[.!?؟。])[\"'”’»)]*\s+|\n+")


def _cfg() -> dict:
    return config()["doc_translation"]


# ------------------------------------------------------------------ sides

def _units(text: str, para: dict, unit: str, min_chars: int) -> list[tuple[int, int]]:
    s, e = para["start"], para["end"]
    if unit == "paragraph":
        return [(s, e)]
    out, pos = [], s
    seg = text[s:e]
    for m in _SENT_END.finditer(seg):
        out.append((pos, s + m.start()))
        pos = s + m.end()
    out.append((pos, e))
    # strip and glue fragments too short to be a sentence to their neighbour
    res = []
    for a, b in out:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b <= a:
            continue
        if res and (b - a < min_chars or res[-1][1] - res[-1][0] < min_chars):
            res[-1] = (res[-1][0], b)
        else:
            res.append((a, b))
    return res


def doc_sides(doc: dict) -> dict[str, list[tuple[int, int]]]:
    """language -> unit spans (sentences, or paragraphs) of one document."""
    cfg = _cfg()
    text = doc.get("text") or ""
    by_lang = defaultdict(list)
    for p in paragraphs(doc):
        if p["lang"] in ("und", None) or p["end"] - p["start"] < cfg["min_paragraph_chars"]:
            continue
        by_lang[p["lang"]].extend(_units(text, p, cfg["unit"], cfg["min_unit_chars"]))
    return {lang: us for lang, us in by_lang.items()
            if sum(b - a for a, b in us) >= cfg["min_side_chars"]}


def _day(v) -> date | None:
    if not v:
        return None
    try:
        return date.fromisoformat(str(v)[:10])
    except ValueError:
        return None


def _latin(text: str) -> set[str]:
    return {t for t in tokens(text) if t.isascii() and t.isalpha() and len(t) > 2}


def _num_key(n: str) -> str:
    """5,000 / 5.000 / 5000 meet (thousands separators dropped)."""
    return n.replace(".", "") if _THOUSANDS.fullmatch(n) else n


def entity_key(e: dict) -> str | None:
    """KB id when known; else the cross-script consonant skeleton of the name
    (كوري شولمان = Kori Schulman -> "KR SLMN"), so unlinked names still meet;
    else the resolved entity id."""
    if e.get("kb_id"):
        return "e:" + str(e["kb_id"])
    name = e.get("name_en") or e.get("name_ar") or ""
    sk = skeleton(name)
    if len(sk.replace(" ", "")) >= _cfg()["min_skeleton_chars"]:
        return "s:" + sk
    return ("e:" + str(e["id"])) if e.get("id") else None


def _entity_keys(entities) -> dict[str, list[tuple[int, str]]]:
    """doc -> [(start, key)] of every entity mention."""
    out = defaultdict(list)
    for e in entities or []:
        key = entity_key(e)
        if not key:
            continue
        for m in e.get("mentions") or []:
            if m.get("doc") is not None and m.get("start") is not None:
                out[m["doc"]].append((int(m["start"]), key))
    return out


class _Side:
    """One language of a document. Its units' texts are cut from the document's text when a pair
    is scored, not kept (at 30k articles a copy of every text). ``own``: what the side reads of its
    document's text alone (``side_texts``), given when cached."""
    __slots__ = ("doc", "lang", "units", "text", "ents", "nums", "latin", "day", "chars")

    def __init__(self, doc, lang, units, ekeys, own: tuple | None = None):
        text = doc.get("text") or ""
        self.doc, self.lang, self.units, self.text = doc["id"], lang, units, text
        self.chars, self.nums, self.latin = own if own is not None else side_texts(text, units)
        self.ents = {k for s, k in ekeys if any(a <= s < b for a, b in units)}
        self.day = _day(doc.get("published") or (doc.get("meta") or {}).get("retrieved"))   # a fetch day: near enough

    @property
    def texts(self) -> list[str]:
        return [self.text[a:b] for a, b in self.units]


def side_texts(text: str, units: list[tuple[int, int]]) -> tuple[int, set[str], set[str]]:
    """What a side reads of its units' texts: their length, the numbers they quote, their Latin words."""
    joined = "\n".join(text[a:b] for a, b in units)
    nums = {_num_key(n) for n in numbers(joined) if len(n.replace(".", "")) >= _cfg()["min_number_digits"]}
    return sum(len(text[a:b]) for a, b in units), nums, _latin(joined)


def _sides(documents, entities) -> list[_Side]:
    ek = _entity_keys(entities)
    own = _doc_sides_cached(documents)
    out = []
    for d in sorted(documents, key=lambda d: d["id"]):
        for lang, (units, chars, nums, latin) in sorted(own[d["id"]].items()):
            out.append(_Side(d, lang, units, ek.get(d["id"], []), (chars, nums, latin)))
    return out


def _doc_sides_cached(documents) -> dict[str, dict[str, tuple]]:
    """Document id -> language -> (units, chars, numbers, Latin words) of its sides (``doc_sides``,
    ``side_texts``), from the on-disk cache (``riwaya.cache``) by the document's text, paragraphs,
    the settings and the code that reads them, or computed and cached: a build that adds ten
    documents reads the texts of those ten only."""
    import json
    from ..cache import KeyValue
    from ..fingerprint import code_fingerprint
    tag = json.dumps(["sides1", code_fingerprint(["reconcile/translations.py", "reconcile/text.py",
                                                  "reconcile/relations.py", "lang"]), _cfg()], sort_keys=True)

    def key(d):
        paras = [[p.get("start"), p.get("end"), p.get("lang"), bool(p.get("furniture"))]
                 for p in d.get("paragraphs") or []]
        payload = json.dumps([tag, d.get("text") or "", paras], ensure_ascii=False)
        return hashlib.sha1(payload.encode("utf-8")).hexdigest()
    keys = {d["id"]: key(d) for d in documents}
    kv = KeyValue("sides")
    hit = kv.get_many(sorted(set(keys.values())))
    out, new = {}, {}
    for d in documents:
        try:
            v = json.loads(hit[keys[d["id"]]])
            out[d["id"]] = {lang: ([tuple(u) for u in units], int(chars), set(nums), set(latin))
                            for lang, (units, chars, nums, latin) in v.items()}
            continue
        except (KeyError, ValueError, TypeError, AttributeError):
            pass                      # not seen, or a damaged entry: a miss, as every cache error is
        text = d.get("text") or ""
        out[d["id"]] = {lang: (units, *side_texts(text, units)) for lang, units in doc_sides(d).items()}
        new[keys[d["id"]]] = json.dumps({lang: [units, c, sorted(n), sorted(t)]
                                         for lang, (units, c, n, t) in out[d["id"]].items()}, ensure_ascii=False)
    kv.put_many(new)
    return out


# ------------------------------------------------------------------ blocking

def candidate_pairs(sides: list[_Side]) -> list[tuple[int, int, float]]:
    """(i, j, blocking score) for sides of different documents and languages that
    share enough entity/number keys; inverted index, frequent keys dropped."""
    cfg = _cfg()
    index = defaultdict(list)
    for i, s in enumerate(sides):
        for k in s.ents:
            index[k].append(i)
        for n in s.nums:
            index["n:" + n].append(i)
    shared = defaultdict(lambda: [0, 0])
    for k, members in index.items():
        if len(members) < 2 or len(members) > cfg["max_key_sides"]:
            continue
        pos = 1 if k.startswith("n:") else 0
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                i, j = members[x], members[y]
                if sides[i].doc == sides[j].doc or sides[i].lang == sides[j].lang:
                    continue
                shared[(i, j)][pos] += 1
    per_side = defaultdict(list)
    for (i, j), (ne, nn) in shared.items():
        a, b = sides[i], sides[j]
        if a.day and b.day and abs((a.day - b.day).days) > cfg["max_day_gap"]:
            continue
        small = min(len(a.ents), len(b.ents))
        by_ents = ne >= cfg["min_shared_entities"] and ne / small >= cfg["min_entity_overlap"]
        by_nums = nn >= cfg["min_shared_numbers_alone"]
        if not (by_ents or by_nums):
            continue
        score = ne + cfg["number_key_weight"] * nn
        if score < cfg["min_block_score"]:
            continue
        per_side[i].append((score, j))
        per_side[j].append((score, i))
    keep = set()
    for i, lst in per_side.items():
        for score, j in sorted(lst, key=lambda t: (-t[0], t[1]))[:cfg["max_candidates_per_side"]]:
            keep.add((min(i, j), max(i, j)))
    return sorted((i, j, shared[(i, j)][0] + cfg["number_key_weight"] * shared[(i, j)][1]) for i, j in keep)


# ------------------------------------------------------------------ vectors (cached)

_VEC_CACHE: dict = {}


def side_vectors(texts: list[str]):
    """Unit vectors of a side's units, cached by content hash in memory and on disk."""
    if not texts or not encoder.available():
        return None
    import numpy as np
    h = hashlib.sha1(("vec1\x1f" + encoder.name() + "\x1f" + "\x1e".join(texts)).encode("utf-8")).hexdigest()
    v = _VEC_CACHE.get(h)
    if v is not None:
        return v
    d = _cache_dir()
    path = os.path.join(os.path.dirname(d), "vectors", h[:2], h + ".npy") if d else None
    if path and os.path.exists(path):
        try:
            v = np.load(path)
            if v.shape[0] != len(texts):
                v = None
        except (OSError, ValueError):
            v = None
    if v is None:
        v = encoder.encode(texts)
        if v is None:
            return None
        v = np.asarray(v, dtype="float32")
        if path:
            try:
                os.makedirs(os.path.dirname(path), exist_ok=True)
                tmp = path + f".{os.getpid()}.tmp.npy"
                np.save(tmp, v)
                os.replace(tmp, path)
            except OSError:
                pass
    _VEC_CACHE[h] = v
    return v


# ------------------------------------------------------------------ confirmation

def _overlap(a: set, b: set) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def score_pair(a: _Side, b: _Side, use_encoder: bool | None = None) -> dict | None:
    """Alignment and features of two sides; None if nothing to compare."""
    cfg = _cfg()
    sims = None
    if use_encoder is not False:
        va, vb = side_vectors(a.texts), side_vectors(b.texts)
        if va is not None and vb is not None:
            sims = va @ vb.T
    if sims is None:
        return None
    short_is_a = len(a.texts) <= len(b.texts)
    m = sims if short_is_a else sims.T
    best = m.argmax(axis=1)
    best_s = m.max(axis=1)
    n_short, n_long = m.shape
    # ratio margin (Artetxe & Schwenk 2019): a unit's best match must stand out from
    # its k nearest, in both directions; same-topic prose is uniformly similar
    import numpy as np
    kx = np.sort(m, axis=1)[:, -min(cfg["margin_k"], n_long):].mean(axis=1)
    ky = np.sort(m, axis=0)[-min(cfg["margin_k"], n_short):, :].mean(axis=0)
    marg = [float(best_s[k]) / max(1e-6, (float(kx[k]) + float(ky[best[k]])) / 2) for k in range(n_short)]
    ok = [k for k in range(n_short)
          if best_s[k] >= cfg["unit_min_cosine"] and marg[k] >= cfg["unit_min_margin"]]
    mean_best = float(best_s.mean())
    coverage = len(ok) / n_short
    long_cov = len({int(best[k]) for k in ok}) / n_long
    # order: share of consecutive aligned units whose matches keep the order
    steps = [int(best[ok[t + 1]]) >= int(best[ok[t]]) for t in range(len(ok) - 1)]
    order = sum(steps) / len(steps) if steps else 1.0
    ents = _overlap(a.ents, b.ents)
    nums = jaccard(a.nums, b.nums) if (a.nums or b.nums) else 0.0
    # Latin tokens (names, acronyms) left in the non-English side and found in the other
    src = b.latin if a.lang == "en" else a.latin
    latin = len(a.latin & b.latin) / len(src) if src else 0.0
    w = cfg["weights"]
    score = (w["mean_best"] * mean_best + w["coverage"] * coverage + w["order"] * order +
             w["entities"] * ents + w["numbers"] * nums + w["latin"] * latin) / sum(w.values())
    pairs = []
    for k in ok:
        ia, ib = (k, int(best[k])) if short_is_a else (int(best[k]), k)
        pairs.append({"a": list(a.units[ia]), "b": list(b.units[ib]), "score": round(float(best_s[k]), 3)})
    pairs.sort(key=lambda p: (p["a"][0], p["b"][0]))
    return {"mean_best": round(mean_best, 3), "coverage": round(coverage, 3), "long_coverage": round(long_cov, 3),
            "order": round(order, 3), "entities": round(ents, 3), "numbers": round(nums, 3),
            "latin": round(latin, 3), "score": round(score, 3), "pairs": pairs,
            "length_ratio": round(min(a.chars, b.chars) / max(a.chars, b.chars), 3)}


def is_translation(f: dict) -> bool:
    cfg = _cfg()
    return (f["mean_best"] >= cfg["min_mean_best"] and f["coverage"] >= cfg["min_coverage"]
            and f["long_coverage"] >= cfg["min_long_coverage"] and f["score"] >= cfg["min_score"])


def document_translations(documents: list[dict], entities: list[dict] | None = None,
                          use_encoder: bool | None = None, explain: list | None = None) -> list[dict]:
    """Translation relations between documents:
    {kind: "translation", docs: [x, y], langs: [lx, ly], score, method, features, pairs: [{a, b, score}]}
    with `a` spans in docs[0] and `b` spans in docs[1]. `explain`, if a list, receives
    every scored candidate (for benchmarks)."""
    if use_encoder is False or not encoder.available():
        return []
    sides = _sides(documents, entities)
    best = {}
    for i, j, block in candidate_pairs(sides):
        a, b = sides[i], sides[j]
        if a.doc > b.doc:
            a, b = b, a
        f = score_pair(a, b, use_encoder)
        if f is None:
            continue
        ok = is_translation(f)
        if explain is not None:
            explain.append({"docs": [a.doc, b.doc], "langs": [a.lang, b.lang], "block": block, "translation": ok,
                            **{k: v for k, v in f.items() if k != "pairs"}})
        if not ok:
            continue
        key = (a.doc, b.doc)
        if key not in best or f["score"] > best[key][2]["score"]:
            best[key] = (a, b, f)
    out = []
    for (x, y), (a, b, f) in sorted(best.items()):
        out.append({"kind": "translation", "docs": [x, y], "langs": [a.lang, b.lang], "score": f["score"],
                    "method": "encoder+features",
                    "features": {k: v for k, v in f.items() if k not in ("pairs", "score")},
                    "pairs": f["pairs"]})
    return out

"""Token features for the Arabic CRF tagger."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "ner"
_DIAC = re.compile(r"[\u064B-\u0652\u0640]")
CLITICS = ("وال", "بال", "فال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "ك")


def _lines(name):
    p = DATA / name
    out = []
    if p.exists():
        for ln in p.read_text(encoding="utf-8").splitlines():
            ln = ln.strip()
            if ln and not ln.startswith("#"):
                out.append(ln)
    return out


_TR = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})


def norm(w: str) -> str:
    return _DIAC.sub("", w).translate(_TR)


@lru_cache(maxsize=1)
def lexicons():
    given, family = {}, {}
    for fn, dst in (("names_given.txt", given), ("names_family.txt", family)):
        for ln in _lines(fn):
            k, _, b = ln.partition("\t")
            k = norm(k)
            dst[k] = min(dst.get(k, "9"), b or "1")
    trig = {}
    for ln in _lines("triggers.txt"):
        k, _, ph = ln.partition("\t")
        trig[norm(ph)] = k
    gaz = {norm(x) for x in _lines("gaz_places.txt")}
    clusters = {}
    for ln in _lines("clusters.txt"):
        w, _, c = ln.partition("\t")
        clusters[w] = c
    return given, family, trig, clusters, gaz


def strip(w: str) -> str:
    for c in CLITICS:
        if w.startswith(c) and len(w) - len(c) >= 2:
            return w[len(c):]
    return w


def shape(w):
    if w.isdigit():
        return "D"
    if re.fullmatch(r"[\u0600-\u06FF]+", w):
        return "A"
    if re.fullmatch(r"[A-Za-z]+", w):
        return "L" if w[0].isupper() else "l"
    if re.fullmatch(r"\W+", w):
        return "P"
    return "M"


@lru_cache(maxsize=200_000)
def word_feats(w):
    given, family, trig, clusters, gaz = lexicons()
    n = norm(w)
    s = strip(n)
    f = {
        "w": n, "s": s, "p2": n[:2], "p3": n[:3], "x2": n[-2:], "x3": n[-3:],
        "sh": shape(w), "al": n.startswith("ال"), "len": min(len(n), 8),
        "g": given.get(n, given.get(s, "-")), "fam": family.get(n, family.get(s, "-")),
        "t": trig.get(n, trig.get(s, "-")),
        "gz": n in gaz or s in gaz,
    }
    c = clusters.get(n) or clusters.get(s)
    if c:
        f["c"] = c
        f["c4"] = c[:4]
    return f


def sent2features(toks):
    base = [word_feats(t) for t in toks]
    out = []
    for i, b in enumerate(base):
        f = {"bias": 1.0}
        f.update(b)
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < len(base):
                o = base[j]
                f[f"{d}w"] = o["w"]
                f[f"{d}s"] = o["s"]
                f[f"{d}t"] = o["t"]
                f[f"{d}g"] = o["g"]
                f[f"{d}fam"] = o["fam"]
                f[f"{d}sh"] = o["sh"]
                f[f"{d}gz"] = o["gz"]
                if "c" in o:
                    f[f"{d}c"] = o["c"]
            else:
                f[f"{d}w"] = "<pad>"
        out.append(f)
    return out

"""Detection of time expressions on the Wojood sample (nested Arabic NER, DATE and TIME spans).

    .venv/bin/python benchmarks/timex/wojood.py [--data ../shared/data/wojood_sample] [--part val] [--show]

Wojood was annotated by others, to its own guideline: its DATE/TIME spans take the
preposition or frame word in front ("منذ عامين", "بتاريخ ( 12 / 4 / 1988 )", "لمدة ست
سنوات") and the brackets round a year ("عام ( 1948 )"), where riwaya's spans start
at the time words. So besides the raw exact match this reports a convention-aware
exact match: riwaya's span is first widened to whole whitespace tokens (Wojood's tokens
keep their proclitics: "لهذا العام" where riwaya starts at هذا), then both spans are
trimmed of edge brackets, punctuation and the frame words below before they are
compared. Overlap matching (one-to-one) needs no convention.

Texts: one sentence per line, tokens joined by one space ($#$, a segment break,
becomes a newline); no publication date, as the sample gives none.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT = ROOT.parent / "shared" / "data" / "wojood_sample"
TYPES = ("DATE", "TIME")

# frame words Wojood keeps inside a span and riwaya leaves out (or the reverse)
_FRAME = re.compile(r"^(?:(?:و|ف)?(?:منذ|خلال|لمدة|مدة|بتاريخ|تاريخ|قبل|بعد|حتى|وحتى|في|من|بين|الموافق|طوال|طيلة"
                    r"|على مدى|على مدار|بدءا من|بدءاً من|حوالي|نحو|قرابة|ل|ب|ل|لـ|بـ)\s*[:]?\s+)+")
_PROCLITIC = re.compile(r"^(?:و|ف)?(?:ب|ل|ك)?(?=\S{3})")
_EDGE = re.compile(r"^[\s()\[\]«»\"'،,.:؛\-/]+|[\s()\[\]«»\"'،,.:؛\-/]+$")


def read(path: Path) -> list[list[tuple[str, list[str]]]]:
    sents: list[list[tuple[str, list[str]]]] = [[]]
    for line in path.open(encoding="utf-8"):
        parts = line.split()
        if not parts:
            if sents[-1]:
                sents.append([])
            continue
        sents[-1].append((parts[0], parts[1:]))
    return [s for s in sents if s]


def token_spans(sent, types=TYPES) -> list[tuple[int, int, str]]:
    """(first token, end token, type) of every span of the given types, at any nesting level."""
    out, open_ = [], {}
    for i, (_, tags) in enumerate(sent):
        cur: dict[str, list[str]] = {}
        for t in tags:
            if t != "O" and "-" in t:
                bio, typ = t.split("-", 1)
                cur.setdefault(typ, []).append(bio)
        for typ in list(open_):
            if typ not in cur or "B" in cur[typ]:
                out.append((open_.pop(typ), i, typ))
        for typ, bios in cur.items():
            if typ not in open_:
                open_[typ] = i
    out += [(s, len(sent), typ) for typ, s in open_.items()]
    return sorted((s, e, t) for s, e, t in out if t in types)


def to_text(sent) -> tuple[str, list[tuple[int, int]]]:
    """The sentence as text and each token's character span in it."""
    parts, offs, pos = [], [], 0
    for tok, _ in sent:
        tok = "\n" if tok == "$#$" else tok
        offs.append((pos, pos + len(tok)))
        parts.append(tok)
        pos += len(tok) + 1
    return " ".join(parts), offs


def widened(text: str, s: int, e: int) -> tuple[int, int]:
    while s > 0 and not text[s - 1].isspace():
        s -= 1
    while e < len(text) and not text[e].isspace():
        e += 1
    return s, e


def trimmed(text: str, s: int, e: int) -> str:
    t = text[s:e]
    for _ in range(3):
        t = _EDGE.sub("", _FRAME.sub("", _EDGE.sub("", t)))
    return re.sub(r"\s+", " ", t)


def riwaya_spans(texts: list[str]) -> list[list[tuple[int, int]]]:
    from riwaya.timex import tag_times
    return [[(m.start, m.end) for m in tag_times(t, "ar")] for t in texts]


def evaluate(path: Path, show: bool = False, tagger=riwaya_spans) -> dict:
    """Detection against Wojood's DATE/TIME spans; tagger: sentence texts -> spans per sentence."""
    sents = read(path)
    texts = [to_text(s) for s in sents]
    preds = tagger([t for t, _ in texts])
    n_gold = n_pred = tp_exact = tp_conv = tp_overlap = 0
    misses, spurious, partial = Counter(), Counter(), Counter()
    for sent, (text, offs), pred in zip(sents, texts, preds):
        gold = [(offs[a][0], offs[b - 1][1]) for a, b, _ in token_spans(sent)]
        n_gold += len(gold)
        n_pred += len(pred)
        used: set[int] = set()
        for gs, ge in gold:
            best = None
            for k, (ps, pe) in enumerate(pred):
                if k in used or pe <= gs or ps >= ge:
                    continue
                if best is None or (ps, pe) == (gs, ge):
                    best = k
            if best is None:
                misses[text[gs:ge]] += 1
                continue
            used.add(best)
            ps, pe = pred[best]
            tp_overlap += 1
            tp_exact += (ps, pe) == (gs, ge)
            same = trimmed(text, *widened(text, ps, pe)) == trimmed(text, gs, ge)
            tp_conv += same
            if not same:
                partial[f"{text[ps:pe]!r} | gold {text[gs:ge]!r}"] += 1
        spurious.update(text[ps:pe] for k, (ps, pe) in enumerate(pred) if k not in used)

    def prf(tp):
        p = tp / n_pred if n_pred else 0.0
        r = tp / n_gold if n_gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    return {"gold": n_gold, "predicted": n_pred, "exact": prf(tp_exact), "convention": prf(tp_conv),
            "overlap": prf(tp_overlap), "misses": misses, "spurious": spurious, "partial": partial}


def report(r: dict, name: str, show: bool = False) -> None:
    print(f"wojood {name}: {r['gold']} DATE/TIME spans; predicted {r['predicted']}")
    for k, label in (("exact", "exact, raw"), ("convention", "exact, convention-aware"), ("overlap", "overlap")):
        p, rc, f = r[k]
        print(f"  detection ({label:23}): P={p:.3f} R={rc:.3f} F1={f:.3f}")
    if show:
        print("  misses:", r["misses"].most_common())
        print("  spurious:", r["spurious"].most_common())
        print("  boundary differences:", r["partial"].most_common())


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=str(DEFAULT))
    ap.add_argument("--part", default="val", choices=["train", "val"])
    ap.add_argument("--show", action="store_true", help="list misses, spurious spans and boundary differences")
    args = ap.parse_args()
    path = Path(args.data) / f"{args.part}.txt"
    if not path.exists():
        sys.exit(f"error: {path} not found (the Wojood sample lives in ../shared/data/wojood_sample)")
    report(evaluate(path), args.part, args.show)


if __name__ == "__main__":
    main()

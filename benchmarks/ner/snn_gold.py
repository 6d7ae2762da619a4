"""The SaudiNewsNet entity gold (benchmarks/data/ner_snn, see its GUIDELINE.md): article selection,
display, and the compiler from the hand annotation to character offsets.

    python benchmarks/ner/snn_gold.py select            # writes articles.tsv (ids, split), never reads riwaya
    python benchmarks/ner/snn_gold.py show [ID ...]     # the articles' texts (to annotate)
    python benchmarks/ner/snn_gold.py build [--check]   # annotations.txt -> dev.jsonl, test.jsonl (+ a marked view)
    python benchmarks/ner/snn_gold.py build --split train   # annotations_train.txt -> train.jsonl (CRF data)
    python benchmarks/ner/snn_gold.py agreement         # the second pass (annotations_pass2.txt) against the first

Texts never enter the repo (SaudiNewsNet is research-only, ../shared/data/saudinewsnet/README.md): the
jsonl files hold ids, offsets, types, surfaces and person keys; the text is read from ../shared at
evaluation time. Doc ids are `snn/<crawl day>/<index in that day's JSON array>` (the `content` field),
as in benchmarks/events_corpus.

Annotation (annotations.txt): '## DOC_ID', then one line per name:
    TYPE surface            every free occurrence of surface (a word start, or after a proclitic
                            و ف ب ل ك of one or two letters, to a word end)
    TYPE surface @2,3       only its 2nd and 3rd occurrences (counting every word-bounded occurrence)
    PER surface = KEY       a person's mentions share KEY (default: the surface): one key, one person
    O surface [@N]          occurrences that are no names (they only block shorter lines inside them)
Lines are placed longest surface first; an occurrence inside one already placed is skipped.
"""
import argparse
import functools
import hashlib
import json
import re
import sys
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pud_gold import sections  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SNN = ROOT.parent / "shared" / "data" / "saudinewsnet" / "dataset"
HERE = ROOT / "benchmarks" / "data" / "ner_snn"
TYPES = ("PER", "LOC", "ORG")
N_ARTICLES, N_TEST = 40, 16
# political and war news on Syria, Yemen and Iraq (selection only; never used by riwaya)
_PLACES = re.compile(r"سوري|اليمن|العراق|الحوثي|داعش|صنعاء|بغداد|دمشق|عدن|تعز|الموصل|حلب|الأنبار|حمص|إدلب")
_WAR = re.compile(r"قوات|الجيش|قصف|هجوم|مسلح|المعارضة|الحكومة|التحالف|مقاتل|غارات|ميليشي|الرئيس")
_CLITIC = "وفبلك"
_LETTER = re.compile(r"\w")   # Arabic letters are \w; punctuation (، ؛ ؟) is not


@functools.lru_cache(maxsize=32)
def _day(day):
    with zipfile.ZipFile(SNN / f"{day}.zip") as z:
        return json.loads(z.read(z.namelist()[0]))


def text_of(doc_id):
    _, day, idx = doc_id.split("/")
    return _day(day)[int(idx)].get("content") or ""


def _seen_urls():
    """Articles earlier sessions read while writing rules (person links, furniture): not unseen."""
    out = set()
    for f in ("links_gold.tsv", "furniture_gold.tsv"):
        p = ROOT / "benchmarks" / "ner" / f
        if p.exists():
            for ln in p.read_text(encoding="utf-8").splitlines():
                out.update(x for x in ln.split("\t") if x.startswith("http"))
    return out


def select():
    seen, cands = _seen_urls(), []
    for z in sorted(SNN.glob("*.zip")):
        for i, a in enumerate(_day(z.stem)):
            text = a.get("content") or ""
            if not 500 <= len(text) <= 2500 or a.get("url") in seen:
                continue
            if len(_PLACES.findall(text)) >= 3 and len(_WAR.findall(text)) >= 2:
                doc = f"snn/{z.stem}/{i}"
                cands.append((hashlib.sha1(doc.encode()).hexdigest(), doc, a.get("source", "")))
    cands.sort()
    kept = []           # one copy of a story several papers ran (the same wire text): never in both splits
    for c in cands:
        words = text_of(c[1]).split()
        grams = {tuple(words[i:i + 4]) for i in range(len(words) - 3)}
        if all(len(grams & g) < 0.3 * min(len(grams), len(g)) for _, g in kept):
            kept.append((c, grams))
        if len(kept) == N_ARTICLES:
            break
    cands = [c for c, _ in kept]
    HERE.mkdir(parents=True, exist_ok=True)
    rows = ["# doc\tsplit\tsource\t(the first 40 candidates by sha1 of the id, one copy of a repeated text; "
            "the 2nd and 4th of every 5 are test)"]
    for k, (_, doc, src) in enumerate(cands[:N_ARTICLES]):
        rows.append(f"{doc}\t{'test' if k % 5 in (1, 3) else 'dev'}\t{src}")
    (HERE / "articles.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(cands)} written to {HERE / 'articles.tsv'}")


def articles(train=False):
    """[(doc, split)] in articles.tsv order (train_articles.tsv with train=True)."""
    out = []
    name = "train_articles.tsv" if train else "articles.tsv"
    for n, ln in enumerate((HERE / name).read_text(encoding="utf-8").splitlines(), 1):
        if ln.startswith("#") or not ln.strip():
            continue
        f = ln.split("\t")
        if len(f) < 2 or f[1] not in (("train",) if train else ("dev", "test")):
            sys.exit(f"{HERE / name}:{n}: want 'doc<TAB>{'train' if train else 'dev|test'}', got {ln!r}")
        out.append((f[0], f[1]))
    return out


def read_annotations(path):
    """doc -> [(type, surface, occurrences or None, key)] in file order."""
    out = {}
    for n, cur, ln in sections(path, "article"):
        if ln is None:
            out[cur] = []
            continue
        typ, _, rest = ln.partition(" ")
        rest, _, key = rest.partition(" = ")
        occ = None
        m = re.search(r"\s@([\d,]+)\s*$", rest)
        if m:
            occ = {int(x) for x in m.group(1).split(",") if x}
            rest = rest[:m.start()]
        if cur is None or typ not in TYPES + ("O",) or not rest.strip():
            sys.exit(f"{path}:{n}: expected 'PER|LOC|ORG|O surface [@N,..] [= KEY]' after '## DOC', got {ln!r}")
        if key and typ != "PER":
            sys.exit(f"{path}:{n}: '= KEY' is for persons only")
        out[cur].append((typ, rest.strip(), occ, key.strip() or rest.strip()))
    return out


def occurrences(text, surface):
    """Start offsets of surface at a word start (or after a 1-2 letter proclitic) ending a word."""
    out = []
    for m in re.finditer(re.escape(surface), text):
        s, e = m.start(), m.end()
        j = s
        while j > 0 and text[j - 1] in _CLITIC and s - j < 2:
            j -= 1
        if (j > 0 and _LETTER.match(text[j - 1])) or (e < len(text) and _LETTER.match(text[e])):
            continue
        out.append(s)
    return out


def place(doc, text, lines, where="annotations"):
    """-> [{start, end, type, surface, key}] sorted; exits naming the line that matches nothing."""
    taken, ents = [], []
    order = sorted(range(len(lines)), key=lambda i: -len(lines[i][1]))
    for i in order:
        typ, surf, occ, key = lines[i]
        starts = occurrences(text, surf)
        if not starts or (occ and max(occ) > len(starts)):
            sys.exit(f"{where}: {doc}: {typ} {surf!r}: {len(starts)} occurrences, want {sorted(occ or [1])}")
        placed = 0
        for k, s in enumerate(starts, 1):
            e = s + len(surf)
            if occ and k not in occ:
                continue
            if any(a < e and s < b for a, b in taken):
                continue
            taken.append((s, e))
            placed += 1
            if typ != "O":
                ents.append({"start": s, "end": e, "type": typ, "surface": surf, "key": key})
        if not placed:
            sys.exit(f"{where}: {doc}: {typ} {surf!r}: every occurrence is inside a longer line")
    return sorted(ents, key=lambda x: x["start"])


def marked(text, ents):
    out, k = [], 0
    for e in ents:
        out.append(text[k:e["start"]] + "[" + text[e["start"]:e["end"]] + "|" + e["type"] + "]")
        k = e["end"]
    return "".join(out) + text[k:]


def build(check, show, train=False):
    ann = read_annotations(HERE / ("annotations_train.txt" if train else "annotations.txt"))
    arts = articles(train)
    known = {d for d, _ in arts}
    for d in ann:
        if d not in known:
            sys.exit(f"annotations: {d} is not in the article list")
    rows = {"train": []} if train else {"dev": [], "test": []}
    view = []
    for doc, split in arts:
        if doc not in ann:
            continue
        text = text_of(doc)
        ents = place(doc, text, ann[doc])
        rows[split].append({"id": doc, "chars": len(text), "entities": ents})
        view.append(f"## {doc} ({split})\n{marked(text, ents)}\n")
    print(f"{sum(len(v) for v in rows.values())} articles annotated of {len(arts)}: "
          + ", ".join(f"{s} {len(v)} articles {sum(len(r['entities']) for r in v)} names" for s, v in rows.items()))
    if show:
        print("\n".join(v for v in view if any(d in v.split('\n')[0] for d in show)))
    if check:
        return
    for split, rs in rows.items():
        with open(HERE / f"{split}.jsonl", "w", encoding="utf-8") as f:
            for r in rs:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")


def agreement():
    a = read_annotations(HERE / "annotations.txt")
    b = read_annotations(HERE / "annotations_pass2.txt")
    tp = na = nb = 0
    for doc, lines in b.items():
        if doc not in a:
            sys.exit(f"annotations_pass2.txt: {doc} is not in the first pass")
        text = text_of(doc)
        ea = {(e["start"], e["end"], e["type"]) for e in place(doc, text, a[doc])}
        eb = {(e["start"], e["end"], e["type"]) for e in place(doc, text, lines, "annotations_pass2")}
        tp, na, nb = tp + len(ea & eb), na + len(ea), nb + len(eb)
        for x in sorted(ea ^ eb):
            print(f"  {doc} {'first ' if x in ea else 'second'} {x[2]} {text[x[0]:x[1]]}")
    p, r = tp / nb if nb else 0, tp / na if na else 0
    print(f"{len(b)} articles: first pass {na} names, second {nb}, both {tp}: "
          f"agreement F1 {2 * p * r / (p + r) if p + r else 0:.3f}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cmd", choices=("select", "show", "build", "agreement"))
    ap.add_argument("ids", nargs="*")
    ap.add_argument("--check", action="store_true", help="build: place everything, write nothing")
    ap.add_argument("--split", default="gold", choices=("gold", "train"),
                    help="train: train_articles.tsv + annotations_train.txt -> train.jsonl (the CRF's in-domain data)")
    a = ap.parse_intermixed_args()
    if a.cmd == "select":
        select()
    elif a.cmd == "show":
        for doc, split in articles(a.split == "train"):
            if not a.ids or doc in a.ids:
                print(f"## {doc} ({split})\n{text_of(doc)}\n")
    elif a.cmd == "build":
        build(a.check, a.ids, a.split == "train")
    else:
        agreement()


if __name__ == "__main__":
    main()

"""Build the out-of-domain entity gold (benchmarks/data/ner_pud/{dev,test}.jsonl) from the hand
annotation (benchmarks/data/ner_pud/annotations.txt, written by reading each sentence, see
GUIDELINE.md) and the UD Arabic PUD sentences (../shared/data/ud_arabic_pud).

Each annotation line 'TYPE surface' is placed at the next occurrence of its surface in the sentence
that starts a word (or follows a proclitic و ف ب ل ك at a word start) and ends a word. Sentences are
split by their id (crc32 % 10 < 4 -> test), so the split never depends on the annotation.
The second third (twenty-ninth session): the sentences after each of those (every third sentence in file order from
the second, none annotated before), annotated by two annotators in halves (annotations_extra.txt, each half's
annotator also annotating 25 sentences of the other's half for agreement: annotations_extra_pass2.txt), give
dev2.jsonl and test2.jsonl by the same id rule. dev2 is a judging set nobody tuned on (aggregates only); test2 is
frozen like test.
Usage: python benchmarks/ner/pud_gold.py [--conllu FILE] [--check]   (--check: compare, write nothing)
       python benchmarks/ner/pud_gold.py --agreement [--extra]   (a second pass against the first)
"""
import argparse
import json
import re
import sys
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parents[1] / "data" / "ner_pud"
CONLLU = Path(__file__).resolve().parents[3] / "shared" / "data" / "ud_arabic_pud" / "ar_pud-ud-test.conllu"
TYPES = ("PER", "LOC", "ORG")
_LETTER = re.compile(r"[^\W\u0640]|[\u0600-\u063F\u0641-\u06FF]")   # a tatweel (U+0640) glued to a name ends it


def read_sentences(path):
    """sent_id -> (text, English text)."""
    out, sid, text = {}, None, None
    for n, ln in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if ln.startswith("# sent_id = "):
            sid = ln[12:].strip()
        elif ln.startswith("# text = "):
            text = ln[9:]
        elif ln.startswith("# text_en = "):
            if sid is None or text is None:
                sys.exit(f"{path}:{n}: text_en before sent_id/text")
            out[sid] = (text, ln[12:])
    return out


def sections(path, unit="sentence"):
    """(line number, section id or None, line) of each annotation line of a '## ID' file: blank lines
    and '# ' comments skipped, a section annotated twice is an error naming the line."""
    seen, cur = set(), None
    for n, ln in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not ln.strip() or ln.startswith("# "):
            continue
        if ln.startswith("## "):
            cur = ln[3:].strip()
            if cur in seen:
                sys.exit(f"{path}:{n}: {unit} {cur} annotated twice")
            seen.add(cur)
            yield n, cur, None
            continue
        yield n, cur, ln


def read_annotations(path):
    """sent_id -> [(type, surface)], in file order."""
    out = {}
    for n, cur, ln in sections(path):
        if ln is None:
            out[cur] = []
            continue
        typ, _, surface = ln.partition(" ")
        if cur is None or typ not in TYPES or not surface.strip():
            sys.exit(f"{path}:{n}: expected 'PER|LOC|ORG surface' after a '## SENT_ID' line, got {ln!r}")
        out[cur].append((typ, surface.strip()))
    return out


def _word_start(text, k):
    j = k
    while j > 0 and text[j - 1] in "وفبلك" and k - j < 2:
        j -= 1
    return j == 0 or not _LETTER.match(text[j - 1])


def place(text, items):
    """[(type, surface)] -> [(start, end, type, surface)]; raises ValueError naming what is not found.
    An occurrence inside a name placed before is skipped (شرق أفريقيا ... في أفريقيا)."""
    spans, cursor = [], {}
    for typ, surface in items:
        k = cursor.get(surface, 0)
        while True:
            k = text.find(surface, k)
            if k < 0:
                raise ValueError(f"{surface!r} not found as a word in {text!r}")
            e = k + len(surface)
            if (_word_start(text, k) and (e == len(text) or not _LETTER.match(text[e]))
                    and not any(x < e and k < y for x, y, _, _ in spans)):   # not inside a name placed before
                break
            k += 1
        cursor[surface] = e
        spans.append((k, e, typ, surface))
    spans.sort()
    for a, b in zip(spans, spans[1:]):
        if b[0] < a[1]:
            raise ValueError(f"overlapping names {a} and {b}")
    return spans


def is_test(sid):
    return zlib.crc32(sid.encode()) % 10 < 4


def build(conllu, annotations):
    sents = read_sentences(conllu)
    split = {"dev": [], "test": []}
    for sid, items in read_annotations(annotations).items():
        if sid not in sents:
            sys.exit(f"{annotations}: sentence {sid} is not in {conllu}")
        text, en = sents[sid]
        try:
            spans = place(text, items)
        except ValueError as err:
            sys.exit(f"{annotations}: sentence {sid}: {err}")
        split["test" if is_test(sid) else "dev"].append(
            {"id": sid, "text": text, "text_en": en,
             "entities": [{"start": s, "end": e, "type": t, "text": text[s:e]} for s, e, t, _ in spans]})
    return split


# annotation file -> (its dev split, its test split)
SETS = {"annotations.txt": ("dev", "test"), "annotations_extra.txt": ("dev2", "test2")}
PASS2 = {"annotations.txt": "annotations_pass2.txt", "annotations_extra.txt": "annotations_extra_pass2.txt"}


def agreement(conllu, annotations="annotations.txt"):
    """Exact-span agreement (F1 of the second pass against the first, per type and overall)."""
    sents = read_sentences(conllu)
    first, second = read_annotations(HERE / annotations), read_annotations(HERE / PASS2[annotations])
    st = {}
    for sid, items in second.items():
        text = sents[sid][0]
        a = {(s, e, t) for s, e, t, _ in place(text, first[sid])}
        b = {(s, e, t) for s, e, t, _ in place(text, items)}
        for t in TYPES + ("ALL",):
            x = st.setdefault(t, [0, 0, 0])
            aa = {y for y in a if t in ("ALL", y[2])}
            bb = {y for y in b if t in ("ALL", y[2])}
            x[0] += len(aa & bb)
            x[1] += len(aa)
            x[2] += len(bb)
        for s, e, t in sorted(a ^ b):
            print(f"  {sid} {'first ' if (s, e, t) in a else 'second'} {t} {text[s:e]}")
    print(f"{len(second)} sentences twice annotated")
    for t, (both, n1, n2) in st.items():
        print(f"{t}: first {n1}, second {n2}, both {both}, F1 {2 * both / max(n1 + n2, 1):.3f}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--conllu", default=str(CONLLU))
    ap.add_argument("--check", action="store_true", help="check the shipped files are what the annotation gives")
    ap.add_argument("--agreement", action="store_true", help="score the second pass against the first")
    ap.add_argument("--extra", action="store_true", help="with --agreement: the second third's annotation")
    a = ap.parse_args()
    if not Path(a.conllu).exists():
        sys.exit(f"{a.conllu}: not found (UD Arabic PUD lives in ../shared/data/ud_arabic_pud)")
    if a.agreement:
        return agreement(a.conllu, "annotations_extra.txt" if a.extra else "annotations.txt")
    for annotations, (dev, test) in SETS.items():
        if (HERE / annotations).exists():
            split = build(a.conllu, HERE / annotations)
            write(a, {dev: split["dev"], test: split["test"]})


def write(a, split):
    for name, rows in split.items():
        body = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
        path = HERE / f"{name}.jsonl"
        if a.check:
            if not path.exists() or path.read_text(encoding="utf-8") != body:
                sys.exit(f"{path}: differs from what its annotation file gives (pud_gold.SETS)")
        else:
            path.write_text(body, encoding="utf-8")
        print(f"{name}: {len(rows)} sentences, {sum(len(r['entities']) for r in rows)} names "
              + ", ".join(f"{t} {sum(x['type'] == t for r in rows for x in r['entities'])}" for t in TYPES))


if __name__ == "__main__":
    main()

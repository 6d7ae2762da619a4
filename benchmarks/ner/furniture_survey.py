"""Entities taken from page furniture: datelines, bylines, agency credits, tag lists, "read more" lines.

    python benchmarks/ner/furniture_survey.py                 # 200 SaudiNewsNet articles, every 155th
    python benchmarks/ner/furniture_survey.py --show          # every candidate, with its context

Each article is ingested as the corpus build does (title, a blank line, the content; outlet and
dateline read from the text: riwaya.ingest.metadata.with_metadata) and analysed. Candidates are the
entity mentions where furniture sits: the head of the content (its first 60 characters, up to the
first colon or dash run that ends a dateline), an agency name in brackets anywhere, and the tail
after a tag or link marker (data: FOOT_MARKERS). A candidate is furniture when it lies in such a
head or tail, or is an agency in brackets; the hand-checked list of which heads are datelines is in
furniture_gold.tsv (article url, the head's end offset; 0: no dateline head), so the count is of
mentions inside a judged furniture region.
"""
import argparse
import csv
import json
import re
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from riwaya.analyze import analyze  # noqa: E402
from riwaya.ingest.dateline import outlet_of  # noqa: E402
from riwaya.ingest.metadata import with_metadata  # noqa: E402
from riwaya.models import Document  # noqa: E402

DATA = Path("/work/shared/data/saudinewsnet/dataset")
GOLD = Path(__file__).resolve().parent / "furniture_gold.tsv"
FOOT_MARKERS = ("سمات ", "رابط الخبر بصحيفة", "...المزيد", "…المزيد")
_BRACKET = re.compile(r"\(([^()\n]{1,25})\)")


def sample(every, limit):
    n = k = 0
    for z in sorted(DATA.glob("*.zip")):
        with zipfile.ZipFile(z) as zf:
            for name in sorted(zf.namelist()):
                for a in json.loads(zf.read(name)):
                    n += 1
                    content = (a.get("content") or "").strip()
                    if n % every or not content:
                        continue
                    k += 1
                    if k > limit:
                        return
                    title = (a.get("title") or "").strip()
                    yield a.get("url") or str(n), title, content


def regions(text, body, head_end):
    """Furniture spans of one article: the judged dateline head, agencies in brackets, a foot."""
    out = []
    if head_end:
        out.append((body, body + head_end))
    for m in _BRACKET.finditer(text):
        if outlet_of(m.group(1).strip()):
            out.append((m.start(), m.end()))
    for mk in FOOT_MARKERS:
        i = text.rfind(mk)
        if i >= 0 and i > len(text) - 400:
            out.append((i, len(text)))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--every", type=int, default=155)
    ap.add_argument("--limit", type=int, default=200)
    ap.add_argument("--gold", default=str(GOLD))
    ap.add_argument("--show", action="store_true")
    a = ap.parse_args()
    if not DATA.exists():
        sys.exit(f"SaudiNewsNet not found at {DATA}")
    heads = {}
    if Path(a.gold).exists():
        with open(a.gold, encoding="utf-8") as f:
            for n, row in enumerate(csv.reader(f, delimiter="\t"), 1):
                if not row or row[0].startswith("#"):
                    continue
                if len(row) < 2 or not row[1].isdigit():
                    sys.exit(f"{a.gold}:{n}: want url<TAB>head end offset in the content, got {row!r}")
                heads[row[0]] = int(row[1])
    docs = furn = ments = 0
    by_type = {}
    for url, title, content in sample(a.every, a.limit):
        docs += 1
        text = (title + "\n\n" + content) if title else content
        body = len(text) - len(content)
        doc = with_metadata(Document(id=url, text=text))
        ms = analyze(doc).mentions
        ments += len(ms)
        regs = regions(text, body, heads.get(url, 0))
        for m in ms:
            if any(s <= m.start and m.end <= e for s, e in regs):
                furn += 1
                by_type[m.type] = by_type.get(m.type, 0) + 1
                if a.show:
                    print("FURNITURE", url, m.type, m.text, "|", text[max(body, m.start - 30):m.end + 30].replace("\n", " "))
            elif a.show and m.start < body + 60:
                print("head?", url, m.type, m.text, "|", content[:80].replace("\n", " "))
    print(f"{docs} articles, {ments} entity mentions, {furn} in furniture ({by_type}); "
          f"{sum(1 for u in heads if heads[u])} judged dateline heads")


if __name__ == "__main__":
    main()

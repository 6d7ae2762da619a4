"""Wrong person links per 100 linked mentions, on hand-checked SaudiNewsNet articles.

    python benchmarks/ner/eval_links.py                      # score benchmarks/ner/links_gold.tsv
    python benchmarks/ner/eval_links.py --split heldout --show  # one split (dev, test, heldout), every error
    python benchmarks/ner/eval_links.py --dump --grep سوري --skip 60 --limit 40 > rows.tsv
                                                             # rows to judge by hand (new articles)

The gold (links_gold.tsv, one row per person mention some version of riwaya linked to a KB person):
split, article url, start, end, surface, the right KB id ('-': no KB person; the document's own
namesake, a family, a title of nobody in the KB). Offsets are into the title, a blank line, then
the content, as entity_survey.py builds the text (a mention that grew to the whole name, at either end, is judged by
the gold row with its end). A link is a person mention that per-document
resolution (riwaya.resolve) gives a KB id; it is wrong when the gold gives another id or '-'.
Linked mentions the gold does not list are counted apart (unjudged), never as right; gold mentions of
a KB person the system leaves unlinked are counted as links not made.
"""
import argparse
import csv
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from entity_survey import DATA, articles, ctx  # noqa: E402
from riwaya.analyze import analyze  # noqa: E402
from riwaya.kb import load_kb  # noqa: E402
from riwaya.models import Document  # noqa: E402
from riwaya.resolve import _in_doc, _NameParts  # noqa: E402

GOLD = Path(__file__).resolve().parent / "links_gold.tsv"


def links(url, text, kb):
    """(start, end, surface, kb id) of the person mentions per-document resolution links to the KB."""
    ms = analyze(Document(id=url, text=text)).mentions
    return [(m.start, m.end, m.text, kid) for m, _n, kid, _a in _in_doc(url, ms, kb, _NameParts(kb))
            if m.type == "person" and kid]


def read_gold(path, split):
    gold = defaultdict(dict)
    with open(path, encoding="utf-8") as f:
        for n, row in enumerate(csv.reader(f, delimiter="\t"), 1):
            if not row or row[0].startswith("#"):
                continue
            if len(row) != 6 or not row[2].isdigit() or not row[3].isdigit():
                sys.exit(f"{path}:{n}: want 6 tab-separated fields (split url start end surface kb_id), got {row!r}")
            if split in (None, row[0]):
                gold[row[1]][(int(row[2]), int(row[3]))] = (row[4], row[5])
    return gold


def texts_of(urls):
    """The articles with these urls (one pass over the dataset)."""
    want, out = set(urls), {}
    for url, text in articles(0, 10 ** 9, None):
        if url in want:
            out[url] = text
            if len(out) == len(want):
                break
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", default=str(GOLD))
    ap.add_argument("--split", default=None, help="dev or test (default: both)")
    ap.add_argument("--show", action="store_true", help="print every wrong and unjudged link")
    ap.add_argument("--dump", action="store_true", help="print rows to judge instead of scoring")
    ap.add_argument("--grep", default=None)
    ap.add_argument("--skip", type=int, default=0)
    ap.add_argument("--limit", type=int, default=40)
    a = ap.parse_args()
    if not DATA.exists():
        sys.exit(f"SaudiNewsNet not found at {DATA}")
    kb = load_kb()
    if a.dump:
        for url, text in articles(a.skip, a.limit, a.grep):
            for s, e, surf, kid in links(url, text, kb):
                print("\t".join(("?", url, str(s), str(e), surf, kid, ctx(text, s, e))))
        return
    gold = read_gold(a.gold, a.split)
    texts = texts_of(gold)
    missing = sorted(set(gold) - set(texts))
    if missing:
        sys.exit(f"{len(missing)} gold articles not in {DATA}, e.g. {missing[0]}")
    n = wrong = unjudged = right_none = missed = 0
    for url in sorted(gold):
        g = gold[url]
        sys_links = {}
        for s, e, surf, kid in links(url, texts[url], kb):
            # a mention that grew to the whole name (جورج بوش for بوش; تميم بن حمد آل ثاني for تميم بن حمد)
            # is judged by the gold row of its end, or of its start
            inner = [sp for sp in g if (sp[1] == e and s < sp[0]) or (sp[0] == s and sp[1] < e)]
            sys_links[(s, e) if (s, e) in g or not inner else inner[0]] = (surf, kid)
        for span, (surf, kid) in sorted(sys_links.items()):
            if span not in g:
                unjudged += 1
                if a.show:
                    print("UNJUDGED", url, span, kid, ctx(texts[url], *span))
                continue
            n += 1
            if g[span][1] != kid:
                wrong += 1
                if a.show:
                    print("WRONG", url, span, kid, "gold", g[span][1], ctx(texts[url], *span))
        right_none += sum(1 for span, (_s, gid) in g.items() if gid == "-" and span not in sys_links)
        for span, (surf, gid) in sorted(g.items()):
            if gid != "-" and span not in sys_links:
                missed += 1
                if a.show:
                    print("MISSED", url, span, "gold", gid, ctx(texts[url], *span))
    print(f"{len(gold)} articles; {n} judged links, {wrong} wrong = {100 * wrong / max(1, n):.1f} per 100 linked "
          f"mentions; {unjudged} linked mentions not in the gold; "
          f"{right_none} gold '-' mentions (no KB person) left unlinked; {missed} gold links not made")


if __name__ == "__main__":
    main()

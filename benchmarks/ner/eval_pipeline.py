"""Score riwaya's whole entity stage (knowledge base + tagger + checks, as `analyze` runs it) on
token-annotated text: ANERcorp test and Wojood validation, as PERS/ORG/LOC spans (exact match).

    python benchmarks/ner/eval_pipeline.py [--aner FILE] [--wojood FILE] [--doc 15]
    python benchmarks/ner/eval_pipeline.py --dev 400 --wojood-dev 250 --model /tmp/ner_dev.model

With --dev/--wojood-dev it scores the last N sentences of ANERcorp train / Wojood train instead (the
dev splits of scripts/train_ner.py: tune there, with a model trained without them, never on the tests).

Sentences are joined with spaces into pseudo-documents of --doc sentences (one per line); a mention
counts if its characters are a gold span's tokens (less a leading proclitic) and its type maps to the gold type
(person -> PERS, organization -> ORG, place -> LOC; "other" is not scored). Run it from a frozen copy
(`git archive`) for "before" figures: it imports the riwaya beside it.
"""
import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
from riwaya.kb import load_kb  # noqa: E402
from riwaya.ner import recognize  # noqa: E402
from train_ner import prf_table, read_conll, read_wojood, show, spans  # noqa: E402

TYPE = {"person": "PERS", "organization": "ORG", "place": "LOC"}


def join(chunk):
    """Tokenised sentences as one text (words spaced, a line a sentence) -> (text, starts, ends), each
    sentence's word offsets into the text."""
    text, starts, ends = "", [], []
    for s in chunk:
        row_s, row_e = [], []
        for w, _ in s:
            if text and not text.endswith("\n"):
                text += " "
            row_s.append(len(text))
            text += w
            row_e.append(len(text))
        text += "\n"
        starts.append(row_s)
        ends.append(row_e)
    return text, starts, ends


def evaluate(sents, doc):
    kb = load_kb()
    stats = {}
    ntok = 0
    t0 = time.perf_counter()
    for k in range(0, len(sents), doc):
        chunk = sents[k:k + doc]
        text, starts, ends = join(chunk)
        ntok += sum(len(s) for s in chunk)
        gold = set()
        for i, s in enumerate(chunk):
            for typ, a, b in spans([t for _, t in s]):
                if typ in ("PERS", "ORG", "LOC"):
                    gold.add((typ, starts[i][a], ends[i][b - 1]))
        pred = {(TYPE[m.type], m.start, m.end) for m in recognize(text, "ar", kb.match(text))
                if m.type in TYPE and not m.generic}
        # ANERcorp and Wojood tag whole tokens, proclitics included (وبيروت); riwaya's spans start
        # after the proclitic: a span counts if it ends with the gold span and starts at most a
        # proclitic (و ف ب ل ك, ال of لل) into its first token
        by_end = {(t, e): s for t, s, e in gold}
        for typ, s, e in pred:
            gs = by_end.get((typ, e))
            if gs is not None and gs <= s <= gs + 3 and all(c in "وفبلك" for c in text[gs:s]):
                stats.setdefault(typ, [0, 0, 0])[0] += 1
        for typ in ("PERS", "ORG", "LOC"):
            st = stats.setdefault(typ, [0, 0, 0])
            st[1] += sum(1 for x in pred if x[0] == typ)
            st[2] += sum(1 for x in gold if x[0] == typ)
    dt = time.perf_counter() - t0
    return prf_table(stats), ntok / dt


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--aner", default="/work/shared/data/anercorp_camel_splits/ANERCorp_CamelLab_test.txt")
    ap.add_argument("--wojood", default="/work/shared/data/wojood_sample/val.txt")
    ap.add_argument("--doc", type=int, default=15)
    ap.add_argument("--model", default=None, help="CRF model file (default: the shipped one)")
    ap.add_argument("--dev", type=int, default=0, help="score the last N ANERcorp train sentences instead of test")
    ap.add_argument("--wojood-dev", type=int, default=0, help="score the last N Wojood train sentences instead of val")
    a = ap.parse_args()
    if a.model:
        import riwaya.ner
        from riwaya.ner.crf import CRF, ModelError
        from riwaya.ner.features import DocScorer
        try:
            scorer = DocScorer(CRF.load(a.model))
        except ModelError as e:
            sys.exit(f"eval_pipeline: {e}")
        riwaya.ner._model = lambda: scorer
    runs = [("ANERcorp test", a.aner, read_conll, 0), ("Wojood val", a.wojood, read_wojood, 0)]
    if a.dev or a.wojood_dev:
        runs = [("ANERcorp dev", str(Path(a.aner).with_name("ANERCorp_CamelLab_train.txt")), read_conll, a.dev),
                ("Wojood dev", str(Path(a.wojood).with_name("train.txt")), read_wojood, a.wojood_dev)]
    for label, path, reader, last in runs:
        if path and Path(path).exists() and (last or not (a.dev or a.wojood_dev)):
            sents = reader(path)
            res, speed = evaluate(sents[-last:] if last else sents, a.doc)
            print(f"{label} (whole entity stage, MISC/other not scored; {speed:,.0f} tokens/s):")
            show(res)


if __name__ == "__main__":
    main()

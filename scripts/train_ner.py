"""Retrain the riwaya Arabic NER CRF on ANERcorp (CAMeL train split), plus Wojood's public train sample.

Full rebuild from /work/shared/data (training-only deps: sklearn-crfsuite, gensim, names-dataset):
    nice python scripts/build_names.py          # names_given/family.txt (optional, already shipped)
    nice python scripts/build_clusters.py       # clusters.tsv.gz from SaudiNewsNet word2vec
    nice python scripts/train_ner.py --wojood /work/shared/data/wojood_sample/train.txt
                                                # crf.model on ANERcorp train + Wojood train (the shipped one)

Tuning (never on test): `--dev 400` holds out the last 400 train sentences (different documents),
trains on the rest and prints dev P/R/F1; the model is then written to --out only if given.
`--wojood-dev 200` holds out the last 200 Wojood train sentences likewise (Wojood's validation file
stays for the final figure); `--wojood-weight 2` repeats the Wojood sentences (a broader domain).
`--snn benchmarks/data/ner_snn/train.jsonl --snn-weight K` adds the hand-annotated SaudiNewsNet train
articles (2015 Saudi news, the domain riwaya reads; texts from ../shared, never the gold's dev/test
stories), each article one document, tokenised and split into sentences as the runtime does, K times.
"""
import argparse
import sys
import time
from pathlib import Path

import sklearn_crfsuite

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from riwaya.ner.features import TRIM, doc_context, norm, postprocess, sent2features, strip  # noqa: E402

DOC = 15  # ANERcorp has no document breaks: treat each run of 15 sentences as a document


def featurize(sents, doc=DOC):
    out = []
    for k in range(0, len(sents), doc or len(sents) or 1):
        chunk = [[w for w, _ in s] for s in sents[k:k + doc]] if doc else None
        ctx = doc_context(chunk) if doc else None
        out += [sent2features([w for w, _ in s], ctx) for s in sents[k:k + (doc or len(sents))]]
    return out


def read_conll(path):
    sents, cur = [], []
    for ln in Path(path).read_text(encoding="utf-8").splitlines():
        ln = ln.strip()
        if not ln:
            if cur:
                sents.append(cur)
                cur = []
            continue
        w, _, t = ln.rpartition(" ")
        cur.append((w, t))
    if cur:
        sents.append(cur)
    return sents


# Wojood's nested types as ANERcorp's: the outermost of these on a token wins (an OCC or EVENT around
# an ORG or GPE leaves the inner name); NORP, OCC, EVENT, dates and the rest are not names here.
WOJOOD_MAP = {"PERS": "PERS", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}


def read_wojood(path):
    """Wojood's nested IOB2 (token TAG1 [TAG2 ...], outer first; `$#$` marks a segment break) as flat
    ANERcorp-style (word, tag) sentences with PERS/ORG/LOC."""
    sents, cur = [], []
    for ln in list(Path(path).read_text(encoding="utf-8").splitlines()) + [""]:
        parts = ln.split()
        if not parts:
            if cur:
                sents.append(cur)
                cur = []
            continue
        if parts[0] == "$#$":
            continue
        tag = "O"
        for t in parts[1:]:
            if t[2:] in WOJOOD_MAP:
                tag = t[:2] + WOJOOD_MAP[t[2:]]
                break
        if tag.startswith("I-") and (not cur or cur[-1][1][2:] != tag[2:]):
            tag = "B-" + tag[2:]
        cur.append((parts[0], tag))
    return sents


SNN_TYPES = {"PER": "PERS", "LOC": "LOC", "ORG": "ORG"}


def read_snn(path):
    """benchmarks/data/ner_snn/train.jsonl (ids and character offsets; the texts from ../shared) as
    [[(word, tag), ...] sentences] per article, tokenised and split as riwaya.ner._crf does: a token
    that overlaps a name takes its type (B- on the first, I- after), a name starting after a
    proclitic tags the whole token (the runtime trims the proclitic)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks" / "ner"))
    import json
    from snn_gold import text_of
    from riwaya.ner import _sentences, tokenize
    docs = []
    for ln in Path(path).read_text(encoding="utf-8").splitlines():
        if not ln.strip():
            continue
        row = json.loads(ln)
        text = text_of(row["id"])
        ents = sorted(row["entities"], key=lambda e: e["start"])
        sents = []
        for sent in _sentences(text, tokenize(text)):
            cur, prev = [], None
            for s, e in sent:
                hit = next((x for x in ents if x["start"] < e and s < x["end"]), None)
                if hit is None:
                    cur.append((text[s:e], "O"))
                    prev = None
                    continue
                typ = SNN_TYPES[hit["type"]]
                cur.append((text[s:e], ("I-" if prev is hit else "B-") + typ))
                prev = hit
            sents.append(cur)
        docs.append(sents)
    return docs


def spans(tags):
    out, cur = set(), None
    for i, t in enumerate(list(tags) + ["O"]):
        if t.startswith("B-") or t == "O" or (t.startswith("I-") and (cur is None or cur[0] != t[2:])):
            if cur:
                out.add((cur[0], cur[1], i))
            cur = (t[2:], i) if t != "O" else None
    return out


def score(gold, pred):
    """gold, pred: lists of tag sequences -> {type: (P, R, F1, n_gold)} incl. MICRO."""
    stats = {}
    for g, q in zip(gold, pred):
        g, q = spans(g), spans(q)
        for typ in {x[0] for x in g | q}:
            st = stats.setdefault(typ, [0, 0, 0])
            gg = {x for x in g if x[0] == typ}
            qq = {x for x in q if x[0] == typ}
            st[0] += len(gg & qq)
            st[1] += len(qq)
            st[2] += len(gg)
    return prf_table(stats)


def augmented(sents, copies, seed=0, share=1.0, pool_from=None):
    """Mention replacement (Dai & Adel 2020): `copies` rounds over the sentences that hold a name, each
    name swapped for a random name of the same type from the same sentences, so the tagger leans on the
    context more than on the names it has seen (text of other domains names other people)."""
    import random
    rnd = random.Random(seed)
    pool = {}
    for s in pool_from or sents:
        for typ, a, b in spans([t for _, t in s]):
            pool.setdefault(typ, []).append([w for w, _ in s[a:b]])
    out = []
    for _ in range(copies):
        for s in sents:
            sp = sorted(spans([t for _, t in s]), key=lambda x: x[1])
            if not sp or rnd.random() >= share:
                continue
            new, k = [], 0
            for typ, a, b in sp:
                new += s[k:a]
                words = rnd.choice(pool[typ])
                new += [(w, ("B-" if i == 0 else "I-") + typ) for i, w in enumerate(words)]
                k = b
            out.append(new + s[k:])
    return out


def prf_table(stats: dict) -> dict:
    """{type: [true positives, predicted, gold]} -> {type: (P, R, F1, n_gold)}, MICRO added."""
    stats = {**stats, "MICRO": [sum(v[i] for v in stats.values()) for i in range(3)]}
    out = {}
    for typ, (tp, np_, ng) in stats.items():
        p = tp / np_ if np_ else 0
        r = tp / ng if ng else 0
        out[typ] = (p, r, 2 * p * r / (p + r) if p + r else 0, ng)
    return out


def tag_all(tagger, feats, sents, trim=TRIM, merge=True, with_conf=False):
    """Viterbi tags per sentence, then the same post-pass as the runtime."""
    out, confs = [], []
    for f, s in zip(feats, sents):
        tagger.set(f)
        tags = tagger.tag()
        confs.append([tagger.marginal(t, i) for i, t in enumerate(tags)])
        if trim or merge:
            tags = postprocess([w for w, _ in s], tags, tagger.marginal, trim, merge)
        out.append(tags)
    return (out, confs) if with_conf else out


def propagate(sents, preds, tagger_confs, doc=DOC, th=0.8):
    """Token-level emulation of the runtime's in-document propagation (riwaya.ner._propagate):
    a span tagged with every token's marginal >= th is tagged wherever the same clitic-stripped
    token sequence occurs untagged in the same pseudo-document."""
    new = [list(p) for p in preds]
    for k in range(0, len(sents), doc):
        idx = range(k, min(k + doc, len(sents)))
        keys = {i: [strip(norm(w)) for w, _ in sents[i]] for i in idx}
        names = {}
        for i in idx:
            for typ, a, b in sorted(spans(preds[i]), key=lambda x: x[1]):
                if min(tagger_confs[i][a:b]) >= th and len("".join(keys[i][a:b])) >= 3:
                    names.setdefault(tuple(keys[i][a:b]), typ)
        for i in idx:
            K = keys[i]
            for nm, typ in names.items():
                n = len(nm)
                for a in range(len(K) - n + 1):
                    if tuple(K[a:a + n]) == nm and all(x == "O" for x in new[i][a:a + n]):
                        new[i][a:a + n] = ["B-" + typ] + ["I-" + typ] * (n - 1)
    return new


def show(res, label=""):
    for typ in sorted(res, key=lambda t: (t == "MICRO", t)):
        p, r, f, ng = res[typ]
        print(f"{label}{typ:6s} P={p:.3f} R={r:.3f} F1={f:.3f} (gold {ng})")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="/work/shared/data/anercorp_camel_splits")
    ap.add_argument("--out", default=None, help="default riwaya/data/ner/crf.model (unless --dev)")
    ap.add_argument("--iters", type=int, default=200)
    ap.add_argument("--c1", type=float, default=0.05)
    ap.add_argument("--c2", type=float, default=0.05)
    ap.add_argument("--doc", type=int, default=DOC, help="sentences per pseudo-document (0: none)")
    ap.add_argument("--dev", type=int, default=0, help="hold out the last N train sentences as dev")
    ap.add_argument("--wojood", default=None, help="also train on this Wojood file (e.g. .../wojood_sample/train.txt)")
    ap.add_argument("--wojood-weight", type=int, default=1, help="repeat the Wojood sentences this many times")
    ap.add_argument("--wojood-dev", type=int, default=0, help="hold out the last N Wojood train sentences as dev")
    ap.add_argument("--snn", default=None, help="also train on these SaudiNewsNet articles (ner_snn/train.jsonl)")
    ap.add_argument("--snn-weight", type=int, default=1, help="repeat the SaudiNewsNet articles this many times")
    ap.add_argument("--augment", type=int, default=0, help="add N rounds of mention-replaced sentences (0: none)")
    ap.add_argument("--augment-share", type=float, default=1.0, help="the share of sentences each round replaces")
    ap.add_argument("--augment-wojood-only", action="store_true", help="rewrite only Wojood's sentences (names from both)")
    a = ap.parse_args()
    out = a.out or ("/tmp/ner_dev.model" if a.dev or a.wojood_dev else "riwaya/data/ner/crf.model")
    train = read_conll(Path(a.data) / "ANERCorp_CamelLab_train.txt")
    dev = []
    if a.dev:
        train, dev = train[:-a.dev], train[-a.dev:]
    wdev = []
    if a.wojood:
        wj = read_wojood(a.wojood)
        if a.wojood_dev:
            wj, wdev = wj[:-a.wojood_dev], wj[-a.wojood_dev:]
        train = train + wj * a.wojood_weight
    if a.augment:
        part = wj if a.augment_wojood_only and a.wojood else train
        train = train + augmented(part, a.augment, share=a.augment_share, pool_from=train)
    t0 = time.time()
    X = featurize(train, a.doc)
    y = [[t for _, t in s] for s in train]
    if a.snn:
        snn = read_snn(a.snn)
        print(f"snn: {len(snn)} articles, {sum(len(d) for d in snn)} sentences, x{a.snn_weight}")
        for d in snn * a.snn_weight:      # one article, one document (as the runtime reads it)
            X += featurize(d, len(d))
            y += [[t for _, t in s] for s in d]
    crf = sklearn_crfsuite.CRF(algorithm="lbfgs", c1=a.c1, c2=a.c2,
                               max_iterations=a.iters, model_filename=out)
    crf.fit(X, y)
    print(f"saved {out} ({time.time() - t0:.0f}s, c1={a.c1} c2={a.c2} iters={a.iters})")
    if wdev:
        import pycrfsuite
        tagger = pycrfsuite.Tagger()
        tagger.open(out)
        feats = featurize(wdev, a.doc)
        pred, confs = tag_all(tagger, feats, wdev, with_conf=True)
        show(score([[t for _, t in s] for s in wdev], propagate(wdev, pred, confs, a.doc)), "wojood-dev ")
    if dev:
        import pycrfsuite
        tagger = pycrfsuite.Tagger()
        tagger.open(out)
        feats = featurize(dev, a.doc)
        gold = [[t for _, t in s] for s in dev]
        show(score(gold, tag_all(tagger, feats, dev, 0, False)), "dev ")
        for trim, merge in ((0, True), (0.3, False), (0.5, False), (0.5, True), (0.7, True)):
            r = score(gold, tag_all(tagger, feats, dev, trim, merge))["MICRO"]
            print(f"dev post trim={trim} merge={merge}: P={r[0]:.3f} R={r[1]:.3f} F1={r[2]:.3f}")
        pred, confs = tag_all(tagger, feats, dev, with_conf=True)
        show(score(gold, propagate(dev, pred, confs, a.doc)), "dev +post+propagation ")


if __name__ == "__main__":
    main()

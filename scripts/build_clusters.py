"""Build the word -> cluster map used by the Arabic NER CRF (training-time only).

Trains word2vec (gensim, skip-gram) on SaudiNewsNet article text plus the ANERcorp *train*
split (never the test split), then k-means clusters the vectors of frequent words at several
granularities. One run writes one clustering, one line per word: normalised_word<TAB>c64<TAB>c256<TAB>c1024.
The shipped riwaya/data/ner/clusters.tsv.gz merges two runs (narrow window = more syntactic /
name-type clusters, wide window = more topical ones); on the dev split both together beat either:
    normalised_word<TAB>c64<TAB>c256<TAB>c1024<TAB>k256<TAB>k1024   (empty field: not in that run)
The runtime only reads that file; gensim/sklearn are not runtime dependencies.

Usage (needs `pip install gensim`; ~10 min per run on 2 cores):
    nice python scripts/build_clusters.py --window 2 --min-count 3 --out /tmp/c2.tsv.gz
    nice python scripts/build_clusters.py --window 5 --min-count 5 --out /tmp/c5.tsv.gz
    python scripts/build_clusters.py --merge /tmp/c2.tsv.gz /tmp/c5.tsv.gz   # -> riwaya/data/ner/
"""
import argparse
import gzip
import json
import re
import sys
import time
import zipfile
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from riwaya.ner.features import norm  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
TOK = re.compile(r"\w+|[^\w\s]", re.UNICODE)
AR = re.compile(r"[\u0600-\u06FF]")


def snn_sentences(folder):
    for z in sorted(Path(folder).glob("*.zip")):
        with zipfile.ZipFile(z) as zf:
            for name in zf.namelist():
                for art in json.loads(zf.read(name).decode("utf-8")):
                    for txt in (art.get("title") or "", art.get("content") or ""):
                        for para in re.split(r"[\n.!?؟]+", txt):
                            toks = [sys.intern(norm(t)) for t in TOK.findall(para)]
                            if len(toks) >= 3:
                                yield toks


def conll_sentences(path):
    cur = []
    for ln in Path(path).read_text(encoding="utf-8").splitlines():
        ln = ln.strip()
        if not ln:
            if cur:
                yield cur
                cur = []
            continue
        w = ln.rpartition(" ")[0]
        cur.extend(norm(t) for t in TOK.findall(w))
    if cur:
        yield cur


def read_map(path):
    out = {}
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for ln in f:
            if not ln.startswith("#"):
                w, *c = ln.rstrip("\n").split("\t")
                out[w] = c
    return out


def merge(narrow, wide, out):
    a, b = read_map(narrow), read_map(wide)
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as f:
        f.write(f"# c64 c256 c1024 from {Path(narrow).name}; k256 k1024 from {Path(wide).name}\n")
        for w in sorted(set(a) | set(b)):
            c = a.get(w, ["", "", ""])[:3] + b.get(w, ["", "", ""])[1:3]
            f.write(w + "\t" + "\t".join(c) + "\n")
    print("saved", out, Path(out).stat().st_size // 1024, "KB")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--merge", nargs=2, metavar=("NARROW", "WIDE"),
                    help="merge two runs into --out (default riwaya/data/ner/clusters.tsv.gz)")
    ap.add_argument("--snn", default="/work/shared/data/saudinewsnet/dataset")
    ap.add_argument("--aner", default="/work/shared/data/anercorp_camel_splits/ANERCorp_CamelLab_train.txt")
    ap.add_argument("--out", default=str(ROOT / "riwaya/data/ner/clusters.tsv.gz"))
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--dim", type=int, default=100)
    ap.add_argument("--window", type=int, default=2)
    ap.add_argument("--epochs", type=int, default=5)
    ap.add_argument("--ks", default="64,256,1024")
    ap.add_argument("--workers", type=int, default=2)
    a = ap.parse_args()
    if a.merge:
        return merge(*a.merge, a.out)
    from gensim.models import Word2Vec
    from sklearn.cluster import MiniBatchKMeans

    t0 = time.time()
    sents = list(snn_sentences(a.snn)) + list(conll_sentences(a.aner))
    print(f"{len(sents)} sentences, {sum(map(len, sents))} tokens ({time.time() - t0:.0f}s)", flush=True)
    model = Word2Vec(sents, vector_size=a.dim, window=a.window, min_count=a.min_count, sg=1, negative=5,
                     sample=1e-4, epochs=a.epochs, workers=a.workers, seed=1)
    print(f"word2vec: {len(model.wv)} words ({time.time() - t0:.0f}s)", flush=True)
    words = [w for w in model.wv.index_to_key if AR.search(w) or w.isalpha()]
    vecs = np.stack([model.wv[w] for w in words])
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True) + 1e-9
    ids = []
    for k in (int(x) for x in a.ks.split(",")):
        km = MiniBatchKMeans(n_clusters=k, random_state=1, batch_size=4096, n_init=3, max_iter=100)
        ids.append(km.fit_predict(vecs))
        print(f"k={k} done ({time.time() - t0:.0f}s)", flush=True)
    with gzip.open(a.out, "wt", encoding="utf-8", compresslevel=9) as f:
        f.write(f"# word2vec sg dim={a.dim} window={a.window} min_count={a.min_count} on SaudiNewsNet+ANERcorp train; k={a.ks}\n")
        for i, w in enumerate(words):
            f.write(w + "\t" + "\t".join(str(c[i]) for c in ids) + "\n")
    print("saved", a.out, len(words), "words", Path(a.out).stat().st_size // 1024, "KB")


if __name__ == "__main__":
    main()

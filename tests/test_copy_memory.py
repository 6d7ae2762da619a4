"""copy_pairs keeps one signature per document and the shingles (as sorted arrays) only of the
documents in a candidate pair: the same pairs and scores as verifying with every document's
shingle set (the way it was done before), on texts with copies, rewrites and strangers."""
import random

from riwaya.reconcile.relations import body_text, copy_pairs
from riwaya.reconcile.text import config, containment, jaccard, lsh_candidates, minhash, shingles


def _reference(documents):
    cfg = config()["copy"]
    sh, sigs = {}, {}
    for d in documents:
        s = shingles(body_text(d), cfg["shingle_words"])
        if len(s) >= cfg["min_shingles"]:
            sh[d["id"]], sigs[d["id"]] = s, minhash(s, cfg["minhash_perms"])
    out = []
    for a, b in sorted(lsh_candidates(sigs, cfg["lsh_bands"])):
        j, c = jaccard(sh[a], sh[b]), containment(sh[a], sh[b])
        if j >= cfg["min_jaccard"] or c >= cfg["min_containment"]:
            out.append({"kind": "copy", "docs": sorted((a, b)), "score": round(max(j, c), 3),
                        "jaccard": round(j, 3), "containment": round(c, 3)})
    return sorted(out, key=lambda r: r["docs"])


def _reference_lsh(signatures, bands):
    pairs, buckets = set(), {}
    for key in sorted(signatures):
        sig = signatures[key]
        if any(sig):
            r = max(1, len(sig) // bands)
            for band in range(bands):
                buckets.setdefault((band,) + tuple(sig[band * r:(band + 1) * r]), []).append(key)
    for m in buckets.values():
        pairs.update((m[i], m[j]) for i in range(len(m)) for j in range(i + 1, len(m)))
    return pairs


def test_copy_pairs_same_as_with_every_shingle_set():
    rng = random.Random(7)
    words = [f"w{i}" for i in range(60)] + ["قال", "الوزير", "اليوم", "في", "مدينة", "عن"]
    bases = [" ".join(rng.choice(words) for _ in range(80)) for _ in range(6)]
    docs = []
    for n in range(40):
        toks = rng.choice(bases).split()
        for _ in range(rng.randrange(0, 40)):          # rewrites: some words changed
            toks[rng.randrange(len(toks))] = rng.choice(words)
        docs.append({"id": f"d{n:02d}", "text": " ".join(toks[:rng.randrange(20, 81)])})
    docs.append({"id": "short", "text": "two words"})
    assert copy_pairs(docs) == _reference(docs)
    assert len(copy_pairs(docs)) > 10


def test_lsh_candidates_band_by_band_same_pairs():
    rng = random.Random(3)
    sigs = {f"k{i}": tuple(rng.randrange(4) for _ in range(8)) for i in range(50)}
    sigs["zero"] = (0,) * 8
    for bands in (1, 2, 4, 8, 16):
        assert lsh_candidates(sigs, bands) == _reference_lsh(sigs, bands)

"""Copies found incrementally (relations.copies_incremental) are those ``copy_pairs`` finds over
every document: after additions in batches, a changed document and a removal."""
import json
import random

from riwaya.reconcile import relations


def _doc(i, text):
    return {"id": i, "text": text, "title": "", "published": "2015-07-10", "language": "ar"}


def corpus(seed=0, n=60):
    rnd = random.Random(seed)
    letters = "بتثجحخدذرزسشصضطظعغفقكلمنهوي"
    words = ["".join(rnd.choice(letters) for _ in range(5)) for _ in range(400)]
    base = [" ".join(rnd.choice(words) for _ in range(80)) for _ in range(n)]
    docs = [_doc(f"o{k:03d}", t) for k, t in enumerate(base)]
    # copies: a story told again with a few words changed, or cut
    for k in range(0, n, 4):
        w = base[k].split()
        w[rnd.randrange(len(w))] = rnd.choice(words)
        docs.append(_doc(f"c{k:03d}", " ".join(w)))
        docs.append(_doc(f"t{k:03d}", " ".join(base[k].split()[:60])))
    docs.append(_doc("short", "نص قصير"))
    rnd.shuffle(docs)
    return docs


def run(docs, state, versions=None, full=False):
    out, st, figures = relations.copies_incremental(docs, versions or {}, state, full)
    return out, json.loads(json.dumps(st)), figures


def test_incremental_copies_equal_copy_pairs(tmp_path, monkeypatch):
    monkeypatch.setenv("RIWAYA_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(relations, "COPY_STATE_MAX_NEW", 0.5)
    docs = corpus()
    assert len(relations.copy_pairs(docs)) > 10
    base, rest = docs[:70], docs[70:]
    out, st, figures = run(base, None)
    assert figures["copies"] == "all" and out == relations.copy_pairs(base)
    for i in range(0, len(rest), 7):                   # in batches of seven
        cur = base + rest[:i + 7]
        out, st, figures = run(cur, st)
        assert figures["copies"] == "new" and out == relations.copy_pairs(cur)
    # a document analysed again (its version): its pairs found again; one removed: its pairs go
    versions = {docs[0]["id"]: "v2"}
    out, st, figures = run(docs, st, versions)
    assert figures["copies_documents"] == 1 and out == relations.copy_pairs(docs)
    left = [d for d in docs if not d["id"].startswith("c")]
    out, st2, figures = run(left, st, versions)
    assert figures["copies"] == "new" and out == relations.copy_pairs(left)
    # asked, or a damaged state: every document again
    assert run(docs, st, versions, full=True)[2]["copies"] == "all"
    assert run(docs, {**st, "bands": "%%"}, versions)[0] == relations.copy_pairs(docs)


def test_many_new_documents_find_copies_over_all(tmp_path, monkeypatch):
    monkeypatch.setenv("RIWAYA_CACHE_DIR", str(tmp_path / "cache"))
    docs = corpus(seed=2)
    _out, st, _f = run(docs[:40], None)
    out, _st, figures = run(docs, st)
    assert figures["copies"] == "all" and out == relations.copy_pairs(docs)

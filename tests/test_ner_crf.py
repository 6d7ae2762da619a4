"""riwaya.ner.crf tags as CRFsuite does: the same tags and marginals (to 1e-12) as pycrfsuite's Tagger over
any CRFsuite model file (a tiny one trained here, and the shipped one), the per-document scorer gives
CRFsuite's sums bit for bit, and a damaged model file is a clear error."""
import numpy as np
import pycrfsuite
import pytest

from riwaya.ner import TYPE_MAP, _crf, _sentences, _tagger, tag_spans, tokenize
from riwaya.ner.crf import CRF, ModelError
from riwaya.ner.features import MODEL, DocScorer, doc_context, postprocess, sent_items

TEXT = ("قال الرئيس محمد بن سلمان إن وزير الخارجية عادل الجبير وصل إلى الرياض يوم الأحد. "
        "وأضاف الجبير أن الوفد غادر القاهرة متجها إلى عمان، وقال محمد إن اللقاء كان مثمرا.\n"
        "الرياض\nوكانت وكالة الأنباء السعودية (واس) ذكرت أن 38 مواطنا أصيبوا. Reuters 2015 دلّة "
        "في حين أكد الأمين العام لجامعة الدول العربية نبيل العربي أن الاجتماع سيعقد في القاهرة "
        "بحضور وزراء خارجية مصر والأردن والإمارات والكويت وقطر والبحرين وسلطنة عمان ولبنان")


def _reference(tagger, labels, seq):
    tagger.set(seq)
    tags = tagger.tag()
    return tags, np.array([[tagger.marginal(y, t) for y in labels] for t in range(len(seq))])


def _same(crf, tagger, seqs):
    for seq in seqs:
        want_tags, want_marg = _reference(tagger, crf.labels, seq)
        tags, marg = crf.tag(seq)
        assert tags == want_tags
        assert np.abs(marg - want_marg).max() < 1e-12


def _toy_sentences(rng):
    words = ["ahmad", "went", "to", "cairo", "said", "the", "minister", "bank", "of", "egypt", "and"]
    kind = {"ahmad": "PER", "cairo": "LOC", "egypt": "LOC", "bank": "ORG", "minister": "O"}
    out = []
    for _ in range(60):
        toks = list(rng.choice(words, size=rng.integers(1, 9)))
        xs, ys = [], []
        for i, w in enumerate(toks):
            f = {"w": w, "len": len(w), "cap": w[0] in "abc", "pw": toks[i - 1] if i else "<s>"}
            if i % 3 == 0:
                f["odd"] = 0.5
            xs.append(f)
            k = kind.get(w, "O")
            ys.append("O" if k == "O" else ("I-" if i and kind.get(toks[i - 1]) == k else "B-") + k)
        out.append((xs, ys))
    return out


def test_tiny_model_trained_by_pycrfsuite(tmp_path):
    rng = np.random.default_rng(0)
    train = _toy_sentences(rng)
    trainer = pycrfsuite.Trainer(verbose=False)
    for xs, ys in train:
        trainer.append(xs, ys)
    trainer.set_params({"c1": 0.01, "c2": 0.01, "max_iterations": 50})
    path = tmp_path / "toy.crfsuite"
    trainer.train(str(path))
    crf = CRF.load(path)
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    assert crf.labels == tagger.labels()
    flat = [[{(f"{k}:{v}" if isinstance(v, str) else k).encode(): (1.0 if isinstance(v, str) else v)
              for k, v in x.items()} for x in xs] for xs, _ in train[:20]]
    flat.append([{b"unknown:attribute": 1.0, b"w:cairo": 1.0, b"len": 0}])        # dropped / value 0
    _same(crf, tagger, flat)
    # several sentences at once (padded) give each sentence's own tags and marginals
    paths, marg = crf.decode([crf.scores(s) for s in flat])
    for b, seq in enumerate(flat):
        tags, m = crf.tag(seq)
        assert [crf.labels[k] for k in paths[b]] == tags
        assert np.abs(marg[b, :len(seq)] - m).max() < 1e-12


def _doc():
    sents = [[TEXT[s:e] for s, e in sent] for sent in _sentences(TEXT, tokenize(TEXT))]
    return sents, doc_context(sents)


def test_shipped_model_same_as_pycrfsuite():
    crf = CRF.load(MODEL)
    sents, ctx = _doc()
    _same(crf, _tagger(), [sent_items(toks, ctx) for toks in sents])


def test_doc_scorer_sums_are_crfsuites_bit_for_bit():
    scorer = DocScorer(CRF.load(MODEL))
    sents, ctx = _doc()
    sents = sents + [sents[0][:1], sents[0][:2], sents[0][:3]]
    for doc in (ctx, None):
        S, lens = scorer.scores(sents, doc)
        assert lens.tolist() == [len(t) for t in sents]
        for b, toks in enumerate(sents):
            assert np.array_equal(S[b, :lens[b]], scorer.crf.scores(sent_items(toks, doc)))
    scorer.CAP = 3                                  # the word cache emptied before each document: same sums
    for _ in range(2):
        S2, _ = scorer.scores(sents, ctx)
        assert np.array_equal(S2, DocScorer(scorer.crf).scores(sents, ctx)[0])
        assert len(scorer._words) < 100


def _crf_with_pycrfsuite(text):
    """_crf as it was before riwaya.ner.crf: one pycrfsuite call per sentence."""
    tagger, out = _tagger(), []
    sents = list(_sentences(text, tokenize(text)))
    toks_all = [[text[s:e] for s, e in sent] for sent in sents]
    ctx = doc_context(toks_all)
    for sent, toks in zip(sents, toks_all):
        tagger.set(sent_items(toks, ctx))
        raw = tagger.tag()
        probs = [tagger.marginal(t, i) if t != "O" else 1.0 for i, t in enumerate(raw)]
        out += tag_spans(sent, postprocess(toks, raw, tagger.marginal), probs)
    return [(s, e, TYPE_MAP.get(t, "other"), min(ps)) for s, e, t, ps in out]


def test_recognised_spans_as_with_pycrfsuite():
    got, want = _crf(TEXT), _crf_with_pycrfsuite(TEXT)
    assert len(want) > 5
    assert [x[:3] for x in got] == [x[:3] for x in want]
    assert max(abs(x[3] - y[3]) for x, y in zip(got, want)) < 1e-12
    assert _crf("") == [] and _crf("...") == _crf_with_pycrfsuite("...")


@pytest.mark.parametrize("damage", ["empty", "magic", "truncated", "offsets"])
def test_damaged_model_is_a_clear_error(tmp_path, damage):
    buf = bytearray(MODEL.read_bytes())
    if damage == "empty":
        buf = bytearray()
    elif damage == "magic":
        buf[:4] = b"XXXX"
    elif damage == "truncated":
        buf = buf[:len(buf) // 2]
    else:
        buf[28:32] = (len(buf) + 10).to_bytes(4, "little")             # the feature chunk's offset
    p = tmp_path / "bad.model"
    p.write_bytes(bytes(buf))
    with pytest.raises(ModelError, match="bad.model"):
        CRF.load(p)
    with pytest.raises(ModelError, match="missing.model"):
        CRF.load(tmp_path / "missing.model")

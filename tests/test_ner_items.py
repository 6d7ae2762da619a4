"""The tagger's items built from per-word caches (features.sent_items) are the features of
sent2features as CRFsuite reads them: the same attributes, weights and order, so the same tags and
marginals. A change to sent2features or word_feats that sent_items does not follow fails here."""
from riwaya.ner import _sentences, _tagger, tokenize
from riwaya.ner.features import doc_context, flat, sent2features, sent_items

TEXT = ("قال الرئيس محمد بن سلمان إن وزير الخارجية عادل الجبير وصل إلى الرياض يوم الأحد. "
        "وأضاف الجبير أن الوفد غادر القاهرة متجها إلى عمان، وقال محمد إن اللقاء كان مثمرا.\n"
        "الرياض\nوكانت وكالة الأنباء السعودية (واس) ذكرت أن 38 مواطنا أصيبوا. Reuters 2015 دلّة")


def _sents(text):
    sents = [[text[s:e] for s, e in sent] for sent in _sentences(text, tokenize(text))]
    return sents, doc_context(sents)


def test_items_are_the_flattened_features_in_order():
    sents, ctx = _sents(TEXT)
    assert ctx, "the text should give document evidence (a word seen twice, after a title)"
    for toks in sents + [sents[0][:1], sents[0][:2], sents[0][:3], []]:
        want = [flat(f) for f in sent2features(toks, ctx)]
        got = sent_items(toks, ctx)
        assert got == want
        assert [list(f) for f in got] == [list(f) for f in want]     # the order the scores are added in
        assert sent_items(toks, None) == [flat(f) for f in sent2features(toks, None)]


def test_flat_follows_pycrfsuite():
    f = {"bias": 1.0, "w": "الرياض", "al": True, "gz": False, "len": 6, "-1w": "<pad>", "unseen-key": "x"}
    out = flat(f)
    assert b"unseen-key:x" not in out                  # the model has no weight for it: CRFsuite drops it
    assert out.get("w:الرياض".encode()) in (None, 1.0)
    for k in (b"al", b"gz", b"len", b"bias"):
        if k in out:
            assert out[k] == f[k.decode()] and type(out[k]) is type(f[k.decode()])


def test_same_tags_and_marginals():
    tagger = _tagger()
    sents, ctx = _sents(TEXT)
    for toks in sents:
        runs = []
        for items in (sent2features(toks, ctx), sent_items(toks, ctx)):
            tagger.set(items)
            tags = tagger.tag()
            runs.append((tags, [tagger.marginal(t, i) for i, t in enumerate(tags)]))
        assert runs[0] == runs[1]

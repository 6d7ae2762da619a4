"""The corpus stage read from the store one analysis at a time gives what it gives on everything loaded."""
import json

from riwaya import corpus
from riwaya.store import Store


def test_streamed_analyses_are_the_stored_ones(built_db):
    s = Store(built_db)
    streamed = dict(s.iter_analyses())
    assert streamed == s.analyses() and len(streamed) == 5


def test_corpus_stage_from_the_store_equals_the_one_on_loaded_analyses(built_db):
    s = Store(built_db)
    with s.snapshot():
        streamed = corpus.run_store(s)
        loaded = corpus.run(s.documents(), s.analyses())
    dump = lambda r: json.dumps(r, ensure_ascii=False, sort_keys=True)   # noqa: E731
    assert dump(streamed) == dump(loaded)
    assert dump(streamed["entities"]) == dump(s.corpus()["entities"])    # what the build stored


def test_compact_paragraphs_read_as_the_list_of_dicts_they_replace():
    import pickle
    paras = [{"start": 0, "end": 40, "lang": "ar", "furniture": False},
             {"start": 42, "end": 50, "lang": None, "furniture": True}]
    p = corpus.Paragraphs(paras)
    assert isinstance(p, corpus.CompactParagraphs)
    assert len(p) == 2 and list(p) == paras and p[1] == paras[1] and p[-1:] == paras[-1:] and p == paras
    assert pickle.loads(pickle.dumps(p)) == paras
    # anything else (another key, another order, a float) stays the list it was
    for odd in ([{"start": 0, "end": 4, "lang": "ar", "furniture": False, "x": 1}],
                [{"end": 4, "start": 0, "lang": "ar", "furniture": False}],
                [{"start": 0.5, "end": 4, "lang": "ar", "furniture": False}], []):
        assert corpus.Paragraphs(odd) is odd


def test_the_corpus_version_covers_the_stage_and_every_path_it_names_exists():
    """A path that was renamed away would drop out of the hash silently, and a changed stage would
    carry stale results over."""
    from riwaya.fingerprint import ROOT
    assert {"blocks.py", "event_schema.py", "data/events/schema.yaml"} <= set(corpus.CORPUS_PARTS)
    for part in corpus.CORPUS_PARTS:
        assert (ROOT / part).exists(), part

"""The corpus stage cuts a part of over ``MAX_PART`` mentions by windows of its documents' days
(riwaya/blocks.py, ``cut_parts``); a document without a publication date is placed by the day it was fetched
(``doc_day``), so an undated crawl's largest parts are cut too (issue 20, speed13)."""
from riwaya import blocks


def test_a_document_without_a_publication_date_takes_the_day_it_was_fetched():
    assert blocks.doc_day({"published": "2015-07-22T08:00:00"}) == blocks.day_number("2015-07-22")
    assert blocks.doc_day({"published": None, "meta": {"retrieved": "2015-07-24T02:51:32"}}) == \
        blocks.day_number("2015-07-24")
    # the publication date wins over the fetch day
    assert blocks.doc_day({"published": "2015-07-20", "meta": {"retrieved": "2015-07-24"}}) == \
        blocks.day_number("2015-07-20")
    assert blocks.doc_day({"published": "", "meta": {}}) is None
    assert blocks.doc_day({"meta": {"retrieved": "garbage"}}) is None and blocks.doc_day({}) is None


def test_undated_documents_fetched_on_far_days_are_cut_apart(monkeypatch):
    monkeypatch.setattr(blocks, "MAX_PART", 3)
    docs = [{"id": "a", "meta": {"retrieved": "2015-07-01T10:00:00"}},
            {"id": "b", "meta": {"retrieved": "2015-07-01T11:00:00"}},
            {"id": "c", "meta": {"retrieved": "2015-07-20T10:00:00"}},
            {"id": "d"}]
    day_of = {d["id"]: blocks.doc_day(d) for d in docs}
    parts, cut_from = blocks.cut_parts([[0, 1, 2, 3, 4]], ["a", "b", "c", "d", "c"], day_of)
    assert parts == [[0, 1], [2, 4], [3]] and cut_from == [0, 0, 0]


def test_a_mention_that_may_lose_its_keys_is_blocked_by_its_story_not_with_every_keyless_one():
    # ``_labels`` lists "_none" among the keys of a meeting whose agents the reconciler may drop (told outside the
    # trigger's clause): with none left, the reconciler blocks it by its story, else with every mention without keys
    index = blocks.Mentions([])
    kinds = [("meeting", "g1")]
    index.add_labelled(b"{}", "a:1", "a", (kinds, [], ["e:x", "_none"]))
    index.add_labelled(b"{}", "b:1", "b", (kinds, [], ["_none"]))
    index.add_labelled(b"{}", "c:1", "c", (kinds, [], []))
    index.add_labelled(b"{}", "d:1", "d", (kinds, [], ["_none"]))
    index.add_labelled(b"{}", "e:1", "e", (kinds, [], []))
    parts = [[index.ids[i] for i in p] for p in index.parts({"a": 0, "b": 1, "c": 0})]
    # a meets c (one story), not b (another story); d and e have no story: with every keyless mention
    assert parts == [["a:1", "c:1"], ["b:1"], ["d:1", "e:1"]]


def test_the_sentence_counts_skip_only_words_that_open_no_number():
    from riwaya.reconcile import core
    for w in ("14", "1,500", "عشرة", "وعشرة", "بثلاثة", "ten", "Twenty", "ثلاث"):
        assert core._may_count(w), w
    for w in ("الجنود", "قتل", "soldiers", "killed"):
        assert not core._may_count(w), w
    text = "قتل 14 جنديا وجرح عشرة آخرون في هجوم، وقال ثلاثة شهود إن twenty men fled"
    doc = {"d": {"text": text}}
    m = {"doc": "d", "start": 0, "end": len(text)}
    got = core._sentence_numbers(m, doc)
    toks = text.split()
    want = sorted({v for k in range(len(toks)) for v in [core._count(" ".join(toks[k:k + 2]))]
                   if v is not None and 2 <= int(v) <= core.config()["events"].get("max_sentence_number", 999)})
    assert got == want and "14" in got and "10" in got

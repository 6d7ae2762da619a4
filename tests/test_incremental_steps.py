"""The corpus stage's steps over the whole corpus made cheaper without changing what they give
(riwaya/blocks.py, riwaya/corpus.py): a part's fingerprint with each string's look-ups made once for every
part, the parts' union-find over numbered nodes, and the entities' mentions and paragraphs iterated from
their arrays."""
import json
from collections import defaultdict

from riwaya import blocks, corpus
from riwaya.store import Store


def _docs(*ids):
    return [{"id": d, "outlet": "وكالة", "published": "2015-01-01", "title": d, "url": None, "language": "ar",
             "seq": k} for k, d in enumerate(ids)]


def test_fingerprints_of_many_parts_at_once_are_each_parts_alone():
    """A string's look-ups (an entity by id or by name, a first spelling, the names inside an unresolved value)
    are made once for all parts: each part's fingerprint is still what it is computed alone."""
    docs = _docs("a", "b", "c")
    king = {"id": "e:k", "type": "person", "name_ar": "سلمان", "name_en": "Salman", "aliases": [], "kb_id": None,
            "mentions": [{"doc": "a", "start": 0, "end": 5}, {"doc": "b", "start": 9, "end": 14}]}
    city = {"id": "e:r", "type": "place", "name_ar": "الرياض", "name_en": "Riyadh", "aliases": [], "kb_id": None,
            "mentions": [{"doc": "c", "start": 0, "end": 6}]}
    ms = [{"id": "m1", "doc": "a", "participants": [{"entity": "e:k", "role": "agent"}], "place": "e:r"},
          {"id": "m2", "doc": "b", "participants": [{"entity": "raw:حرس سلمان", "role": "agent"}], "place": "الرياض"},
          {"id": "m3", "doc": "c", "participants": [{"entity": "name:سلمان", "role": "agent"}], "place": None},
          {"id": "m4", "doc": "c", "participants": [], "place": "e:r"}]
    rows = [(m["doc"], json.dumps(m, ensure_ascii=False).encode()) for m in ms]
    parts = [[rows[0], rows[3]], [rows[1]], [rows[2], rows[0]], [rows[3]]]
    surface = {"raw:حرس سلمان": "حرس سلمان"}
    story_of = {"a": 0, "b": 0, "c": 1}
    together = blocks.fingerprints(parts, docs, [], [king, city], surface, story_of)
    alone = [blocks.fingerprints([p], docs, [], [king, city], surface, story_of)[0] for p in parts]
    assert together == alone and None not in together and len(set(together)) == 4


def _parts_by_sets(labels, story_of, docs):
    """The parts as the connected parts of their keys, found without a union-find: the reference."""
    keys_of = []
    for (kinds, routes, keys), doc in zip(labels, docs):
        ks = {(kd, k) for kd in kinds for k in keys if k != "_none"} | set(routes)
        st = story_of.get(doc)
        if st is not None:
            ks |= {(kd, ("story", st)) for kd in kinds}
        elif not keys or "_none" in keys:
            ks |= {(kd, "_none") for kd in kinds}
        keys_of.append(ks)
    by_key = defaultdict(list)
    for i, ks in enumerate(keys_of):
        for k in ks:
            by_key[k].append(i)
    seen, out = set(), []
    for i in range(len(keys_of)):
        if i in seen:
            continue
        part, todo = [], [i]
        seen.add(i)
        while todo:
            j = todo.pop()
            part.append(j)
            for k in keys_of[j]:
                for n in by_key[k]:
                    if n not in seen:
                        seen.add(n)
                        todo.append(n)
        out.append(sorted(part))
    return sorted(out)


def test_parts_are_the_connected_parts_of_the_keys(built_db):
    s = Store(built_db)
    entities = s.corpus()["entities"]
    ms = blocks.Mentions(entities)
    mentions = corpus.event_mentions(dict(s.iter_analyses()), entities)
    labels = [ms.add(m)[1] for m in mentions]
    docs = [m["doc"] for m in mentions]
    story_of = {d: n % 2 for n, d in enumerate(sorted(set(docs))) if n != 1}     # one document in no story
    parts = ms.parts(story_of)
    assert len(mentions) > 50 and len(parts) > 5
    assert parts == _parts_by_sets(labels, story_of, docs)


def test_mentions_and_paragraphs_iterated_from_their_arrays_are_the_dicts(built_db):
    s = Store(built_db)
    entities = s.corpus()["entities"]
    spans = [blocks.Spans(e["mentions"]) for e in entities]
    assert all(list(sp) == e["mentions"] == [sp[i] for i in range(len(sp))] for sp, e in zip(spans, entities))
    packed = [{**e, "mentions": sp} for e, sp in zip(entities, spans)]
    a, b = corpus.MentionIndex(entities), corpus.MentionIndex(packed)
    assert a.by_doc == b.by_doc and a.starts == b.starts and a.by_doc
    for _doc, an in s.iter_analyses():
        paras = an.get("paragraphs") or []
        compact = corpus.Paragraphs(paras)
        assert list(compact) == paras and [compact[i] for i in range(len(compact))] == paras

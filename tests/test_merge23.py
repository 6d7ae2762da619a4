"""A title told without its holder's name (issue #15, merge23; ``events.title_links``, ``core._link_titles``): an
unresolved main actor that is an office ("سمو ولي ولي العهد") may be the person its own document names with that
title in apposition ("الأمير محمد بن سلمان بن عبدالعزيز ولي ولي العهد"), so that it is no clash with a report that
names him (pair feature actors_linked). Words that are no office, a title far from the name, another document's
name, or the switch off: no link."""
import pytest

from riwaya.reconcile import core
from riwaya.reconcile.core import Entities, _link_titles

LEAD = "وصل صاحب السمو الملكي الأمير محمد بن سلمان بن عبدالعزيز ولي ولي العهد إلى عمّان أمس في زيارة رسمية."
LATER = " وكان في استقبال سمو ولي ولي العهد لدى وصوله المطار الأمير فيصل بن الحسين."


def _ents(text, doc="d1"):
    s = text.index("محمد بن سلمان")
    f = text.index("فيصل بن الحسين") if "فيصل بن الحسين" in text else None
    es = [{"id": "e:person:mbs", "type": "person", "name_ar": "محمد بن سلمان", "name_en": "Mohammed bin Salman",
           "aliases": [], "mentions": [{"doc": doc, "start": s, "end": s + len("محمد بن سلمان")}]}]
    if f is not None:
        es.append({"id": "e:person:faisal", "type": "person", "name_ar": "فيصل بن الحسين", "name_en": "Faisal",
                   "aliases": [], "mentions": [{"doc": doc, "start": f, "end": f + len("فيصل بن الحسين")}]})
    return Entities(es)


def _mention(raw, doc="d1"):
    return {"doc": doc, "participants": [{"entity": "raw:" + core.normalize(raw), "role": "agent"}], "context": []}


def _linked(raw, text=LEAD + LATER, doc="d1", names_doc="d1"):
    m = _mention(raw, doc)
    _link_titles([m], _ents(text, names_doc), {doc: {"id": doc, "text": text}, names_doc: {"id": names_doc,
                                                                                           "text": text}})
    return set(m["participants"][0].get("may_be") or ())


@pytest.fixture(autouse=True)
def _on(monkeypatch):
    monkeypatch.setitem(core.config()["events"], "title_links", 2)


def test_a_title_is_the_person_named_with_it():
    assert _linked("سمو ولي ولي العهد") == {"e:person:mbs"}
    assert _linked("لسمو ولي ولي العهد") == {"e:person:mbs"}      # a proclitic on the honorific
    assert _linked("ولي ولي العهد") == {"e:person:mbs"}


def test_the_title_before_the_name():
    text = "استقبل ملك الأردن ولي ولي العهد الأمير محمد بن سلمان في عمّان."
    assert _linked("سمو ولي ولي العهد", text) == {"e:person:mbs"}


def test_a_host_named_after_other_words_is_not_the_title():
    # "في استقبال سمو ولي ولي العهد لدى وصوله المطار الأمير فيصل": the title is not Faisal's
    assert "e:person:faisal" not in _linked("سمو ولي ولي العهد")


def test_words_that_are_no_office_are_not_linked():
    text = "أصيب محمد بن سلمان عدة طعنات في الحادث."
    assert _linked("عدة طعنات", text) == set()


def test_one_word_is_not_enough():
    # a bare "الرئيس" may be any president a document names: _link_actors and coreference read those
    text = "قال محمد بن سلمان الرئيس إن الزيارة ناجحة."
    assert _linked("الرئيس", text) == set()


def test_another_documents_name_is_not_read():
    assert _linked("سمو ولي ولي العهد", doc="d2", names_doc="d1") == set()


def test_off_by_config(monkeypatch):
    monkeypatch.setitem(core.config()["events"], "title_links", None)
    assert _linked("سمو ولي ولي العهد") == set()


def test_a_linked_title_is_no_clash_with_the_name():
    text = LEAD + LATER
    ents = _ents(text)
    docs = {"d1": {"id": "d1", "text": text}}
    m = _mention("سمو ولي ولي العهد")
    _link_titles([m], ents, docs)
    fa = {"alts": frozenset({"raw:" + core.normalize("سمو ولي ولي العهد"), *m["participants"][0]["may_be"]})}
    assert "e:person:mbs" in fa["alts"]
    assert not core._keys_clash(fa["alts"], frozenset(), frozenset({"e:person:mbs"}), frozenset())

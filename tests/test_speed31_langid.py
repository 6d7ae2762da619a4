"""A Latin-script paragraph's language (issue 20; helper speed31): `prepare.latin_language` is
``langid.classify(text)[0]`` with langid's class weights cast to float64 once instead of at every call; the same
dot of the same operands, so the same class scores bit for bit and the same language."""
import numpy as np
import pytest

from riwaya.ingest import prepare

langid = pytest.importorskip("langid")

TEXTS = [
    "The minister said on Sunday that the talks would go on in the capital.",
    "Israeli airstrikes hit weapons depots.",
    "Le ministre a déclaré dimanche que les négociations se poursuivraient dans la capitale.",
    "Der Minister sagte am Sonntag, die Gespräche würden in der Hauptstadt fortgesetzt.",
    "El ministro dijo el domingo que las conversaciones continuarían en la capital.",
    "Contact: press@example.org | www.example.org | Tel. +966 11 000 0000",
    "Star Wars, The Godfather, Casablanca, Vertigo, Psycho, Rear Window, Citizen Kane",
    "ok",
    "",
]


def test_latin_language_as_langid():
    rng = np.random.default_rng(31)
    words = " ".join(TEXTS).split()
    texts = TEXTS + [" ".join(rng.choice(words, size=int(rng.integers(1, 60)))) for _ in range(200)]
    ident, ptc = prepare._langid()
    for t in texts:
        assert prepare.latin_language(t) == langid.classify(t)[0]
        fv = ident.instance2fv(t)
        mine = np.dot(fv.astype(np.float64), ptc) + ident.nb_pc
        theirs = ident.nb_classprobs(fv)
        assert mine.dtype == theirs.dtype and np.array_equal(mine, theirs)


def test_switch_off_is_langid(monkeypatch):
    monkeypatch.setattr(prepare, "LANGID_WEIGHTS_ONCE", False)
    for t in TEXTS:
        assert prepare.latin_language(t) == langid.classify(t)[0]


def test_paragraph_language():
    assert prepare.paragraph_language(TEXTS[0]) == "en"
    assert prepare.paragraph_language(TEXTS[2]) == "fr"
    assert prepare.paragraph_language("قال الوزير يوم الأحد إن المحادثات ستستمر") == "ar"

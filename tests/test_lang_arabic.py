"""riwaya.lang.arabic: one home for Arabic normalisation. Each variant must give exactly what the copy it
replaced gave (the name tagger was trained on one, the seeds' export and the evaluations depend on the others):
the former copies are frozen here as the reference and compared on random and real text."""
import random
import re
import unicodedata
from pathlib import Path

import pytest

from riwaya.lang import arabic

# ---- the five former copies, as they were (textutil, timex/lexicon, ner/features, reconcile/text, web/search)
_DIG = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_AR_DIAC = re.compile("[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]")
_FOLD = str.maketrans({**{c: "ا" for c in "إأآٱ"}, "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي",
                       **{k: chr(v) for k, v in _DIG.items()}})


def old_match(s):
    return _AR_DIAC.sub("", unicodedata.normalize("NFKC", s)).translate(_FOLD).lower()


_TR = {ord(c): "ا" for c in "أإآٱ"}
_TR.update({ord("ى"): "ي", ord("ة"): "ه", ord("ؤ"): "و", ord("ئ"): "ي",
            ord("ک"): "ك", ord("ی"): "ي", ord("\u00a0"): " ", ord("\u202f"): " "})
for i, c in enumerate("٠١٢٣٤٥٦٧٨٩"):
    _TR[ord(c)] = str(i)
for i, c in enumerate("۰۱۲۳۴۵۶۷۸۹"):
    _TR[ord(c)] = str(i)
_DEL = re.compile("[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u200b-\u200f\u2066-\u2069]")


def old_timex(text):
    if _DEL.search(text) is None:
        return text.translate(_TR), None
    keep, prev = [], 0
    for m in re.finditer(_DEL.pattern + "+", text):
        keep.extend(range(prev, m.start()))
        prev = m.end()
    keep.extend(range(prev, len(text)))
    return _DEL.sub("", text).translate(_TR), keep


def old_timex_word(s):
    return re.sub(r"\s+", " ", _DEL.sub("", s).translate(_TR)).strip().lower()


_NER_DIAC = re.compile(r"[\u064B-\u0652\u0640]")
_NER_TR = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})


def old_ner(w):
    return _NER_DIAC.sub("", w).translate(_NER_TR)


_REC_TR = str.maketrans({"إ": "ا", "أ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي",
                         **{k: chr(v) for k, v in _DIG.items()}, "_": " "})


def old_reconcile(text):
    return _AR_DIAC.sub("", text).translate(_REC_TR).lower()


_MAP = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي", "_": " "}


def old_search(s):
    out, idx = [], []
    for i, c in enumerate(s or ""):
        if _AR_DIAC.match(c):
            continue
        out.append(_MAP.get(c, c.lower()))
        idx.append(i)
    return "".join(out), idx


# every character the tables touch, their neighbours, and ordinary text
_POOL = ([chr(c) for c in range(0x0600, 0x0700)] + [chr(c) for c in range(0x200A, 0x2070)]
         + list("\u00a0\u202f\ufef7\ufefb\ufe8d\ufb50 _-:/ABCxyzİ0123456789\n\t") + ["ک", "ی"])


def _samples(n=3000, seed=14):
    rnd = random.Random(seed)
    out = ["".join(rnd.choice(_POOL) for _ in range(rnd.randint(0, 60))) for _ in range(n)]
    out += ["".join(rnd.choice(_POOL) for _ in range(rnd.randint(60, 400))) for _ in range(n // 10)]   # long: folded apart
    seeds = Path(__file__).resolve().parents[1] / "corpus" / "fall-of-assad"
    for f in sorted(seeds.glob("*.txt")):
        t = f.read_text("utf-8")
        out += [t] + t.split()
    return out


SAMPLES = _samples()


def test_match_is_the_former_textutil_key():
    from riwaya.textutil import normalize_ar, normalize_ar_map, strip_diacritics
    for s in SAMPLES:
        assert normalize_ar(s) == old_match(s), s
        assert strip_diacritics(s) == _AR_DIAC.sub("", s)
    for s in SAMPLES[:300]:
        t, idx = normalize_ar_map(s)
        assert t == "".join(old_match(c) for c in s) and len(idx) == len(t) + 1


def test_timex_variant_is_the_former_lexicon_normalisation():
    from riwaya.timex.lexicon import norm_word, normalise
    for s in SAMPLES:
        assert normalise(s) == old_timex(s), s
        assert norm_word(s) == old_timex_word(s), s


def test_ner_variant_is_the_one_the_crf_was_trained_on():
    from riwaya.ner.features import norm
    for s in SAMPLES:
        assert norm(s) == old_ner(s), s


def test_reconcile_variant():
    from riwaya.reconcile.text import normalize
    for s in SAMPLES:
        assert normalize(s) == old_reconcile(s), s


def test_search_variant_and_its_index():
    from riwaya.web.search import normalize
    for s in SAMPLES:
        t, idx = normalize(s)
        ot, oidx = old_search(s)
        assert t == ot, s
        assert len(idx) == len(t) and all(s[i] for i in idx)
        if len(ot) == len(oidx):
            assert idx == oidx
    # a letter whose lower case is two characters (İ -> i̇) points both at itself: the former copy
    # gave one index for two characters, so every later highlight was off by one
    t, idx = normalize("İب")
    assert t == "i̇ب" and idx == [0, 0, 1]


def test_variants_differ_on_purpose():
    s = "الأُمَّة ؤ ٣ ک_"
    assert arabic.normalize(s) == "الامه و 3 ک_"
    assert arabic.timex_text(s)[0] == "الامه و 3 ك_"
    assert arabic.ner_key(s) == "الامه ؤ ٣ ک_"
    assert arabic.reconcile_key(s) == "الامه و 3 ک "
    assert arabic.search_text(s)[0] == "الامه و ٣ ک "


def test_an_unknown_variant_is_named():
    with pytest.raises(KeyError, match="no variant 'klingon'"):
        arabic.variant("klingon")


def test_a_variant_naming_an_unknown_table_says_which(monkeypatch):
    data = dict(arabic._data())
    data["variants"] = {**data["variants"], "broken": {"drop": ["marks", "nope"], "fold": ["alef", "nada"]}}
    monkeypatch.setattr(arabic, "_data", lambda: data)
    with pytest.raises(ValueError, match=r"variant 'broken' names an unknown class 'nope', fold 'nada'"):
        arabic.variant.__wrapped__("broken")


def test_classes_are_data():
    assert re.fullmatch(f"[{arabic.chars('marks', 'tatweel')}]+", "\u064e\u0651\u0640")
    assert not re.search(f"[{arabic.chars('harakat')}]", "\u0670")      # superscript alef: marks, not harakat


def test_prefix_sets_are_the_ones_each_stage_was_built_with():
    """Each stage's prefixes come from arabic.yaml's prefix_sets, in the order it tries them; the
    name tagger's and the event models' are the sets their features were trained with."""
    from riwaya.lang.arabic import prefix_set
    from riwaya.ner import features

    assert features.CLITICS == ("وال", "بال", "فال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "ك")
    assert prefix_set("events_learned") == ("وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "س")
    for name in ("ner_heads", "adjective_heads", "kb_article", "kb_lam_article", "events_extract", "reconcile"):
        s = prefix_set(name)
        assert s and len(set(s)) == len(s)
        # a longer prefix is tried before any shorter one it starts with, or it would never win
        for i, p in enumerate(s):
            assert not any(p.startswith(q) for q in s[:i]), (name, p)

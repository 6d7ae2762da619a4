"""The per-document shortcuts of speedner23 give what the plain computation gives (issues 14, 17, 20)."""
import re
from importlib import resources

import yaml

from riwaya import ner, textutil
from riwaya.ner import _foreign_hits, _foreign_kind, _rules, norm
from riwaya.timex import lexicon

TEXT = ("قال المتحدث باسم وزارة الخارجية الروسية ماريا زاخاروفا إن موسكو ستواصل دعمها، فيما أعلن "
        "كاستلفرانكو وتيليجرام وجوزيف شنيك أن الرئيس السوري بشار الأسد غادر دمشق إلى موسكو.\n"
        "Damascus, Dec 8 (Reuters) - Syrian rebels entered the capital.\n"
        "والتقى أباكوموف نورما تالمادج في ناشفيل بعد أن وصل إلى مطار حميميم.")


def _plain_hits(text, th, not_entities):
    return {w: k for w in set(re.findall(r"[\u0621-\u064A\u0671-\u06D3\u064B-\u0652\u0640]+", text))
            if (k := _foreign_kind(w, th)) and norm(w) not in not_entities}


def test_foreign_hits_memo_is_the_plain_dict():
    r = _rules()
    th = r.get("foreign_name_zipf")
    words = set(ner._AR_WORD.findall(TEXT))
    for _ in range(2):                          # first computed, then read from the memo
        got = _foreign_hits(words, th, r["not_entities"])
        assert got == _plain_hits(TEXT, th, r["not_entities"])
        assert list(got) == [w for w in words if w in got]      # the order of the words asked
    assert any(got.values())


def test_foreign_hits_memo_follows_its_arguments():
    r = _rules()
    th = r.get("foreign_name_zipf")
    words = set(ner._AR_WORD.findall(TEXT))
    full = _foreign_hits(words, th, r["not_entities"])
    word = next(w for w, k in full.items() if k == "word")
    less = _foreign_hits(words, th, r["not_entities"] | {norm(word)})   # another list: the memo starts over
    assert word not in less and len(less) == len(full) - 1
    assert _foreign_hits(words, th, r["not_entities"]) == full
    assert _foreign_hits(words, 99.0, r["not_entities"]) == _plain_hits(TEXT, 99.0, r["not_entities"])


def test_tokenize_spans():
    assert ner.tokenize(TEXT) == [(m.start(), m.end()) for m in ner._TOK.finditer(TEXT)]


def test_script_counts_are_findall_lengths():
    for s in (TEXT, "", "abc", "٣ ١٢ قصف", "ﻻ ـ é Ä ß ٫", TEXT * 3):
        assert textutil.script_counts(s) == (len(textutil._ARABIC.findall(s)), len(textutil._LATIN.findall(s)))


def _plain_edits(text, edits):
    out, offsets, pos = [], [], 0
    for start, end, rep in sorted(edits):
        if start < pos:
            continue
        out.append(text[pos:start])
        offsets.extend(range(pos, start))
        out.append(rep)
        width = end - start
        for k in range(len(rep)):
            offsets.append(start + min(k, width - 1) if width else start)
        pos = end
    out.append(text[pos:])
    offsets.extend(range(pos, len(text)))
    offsets.append(len(text))
    return "".join(out), offsets


def test_apply_edits_without_edits_is_the_identity_map():
    for text in ("", "قصف", TEXT):
        assert textutil.apply_edits(text, []) == _plain_edits(text, []) == (text, list(range(len(text) + 1)))
    edits = [(3, 3, " "), (10, 12, ""), (11, 13, "xy"), (20, 21, "ab")]
    assert textutil.apply_edits(TEXT, edits) == _plain_edits(TEXT, edits)


def test_time_rules_read_as_safe_load_reads_them():
    for lang in ("ar", "en"):
        src = resources.files("riwaya").joinpath("data", "timex", f"{lang}.yaml").read_text("utf-8")
        assert lexicon._raw(lang) == yaml.safe_load(src)


def _plain_language(text):
    from riwaya.textutil import script_counts
    ar, lat = script_counts(text)
    if ar == 0 and lat == 0:
        return "und"
    if ar >= lat:
        return "ar"
    if lat < 20:
        return "en"
    import langid
    return langid.classify(text)[0]


def test_paragraph_language_is_script_counts_verdict():
    from riwaya.ingest.prepare import paragraph_language
    paras = TEXT.split("\n") + ["", "123 - ٣", "abc قصف", "ab قص", "abcd قص", "a" * 19 + " ق", "a" * 20,
                                "m.althaidy@asharqalawsat.com", "Die Regierung hat am Sonntag gesagt, dass alles gut ist.",
                                "قصف" * 30 + "b" * 90, "قصف" * 30 + "b" * 91]
    for p in paras:
        assert paragraph_language(p) == _plain_language(p), p

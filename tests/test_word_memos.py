"""Per-word work written for speed gives what the plain code it replaces gave (issue 20, helper speed10):
the trigger readings of a word tried only against the clitics and endings sharing its letters, the foreign-name
test asking its shape-free tests once per word, and the knowledge base's per-word start memo."""
import importlib
import random

from riwaya.kb import KB, _clitic_variants, load_kb, norm_token

extract = importlib.import_module("riwaya.events.extract")
ner = importlib.import_module("riwaya.ner")

TEXT = ("قال وزير الخارجية الأمريكي جون كيري إن الولايات المتحدة ستواصل دعمها للمعارضة السورية، وأضاف أن "
        "المبعوث الأممي ستيفان دي مستورا سيلتقي بالمسؤولين في جنيف والرياض، فيما نفت وزارة الدفاع الروسية "
        "تقارير عن غارات استهدفت مستشفيات في حلب وإدلب. وتابع كاميرون وأباكوموف ونورما تالمادج يتحدثون وسيغادرون")


def _plain_candidates(w):
    """extract._candidates as it was: every proclitic and every ending tried."""
    yield w
    pres = [""] + [p for p in extract._PREFIXES if w.startswith(p) and len(w) - len(p) >= 2
                   and (not p.endswith("س") or w[len(p)] in "يتنا")]
    for p in pres:
        core = w[len(p):]
        yield core
        if core[:1] in "تن" and len(core) > 3:
            yield "ي" + core[1:]
        for s in extract._SUFFIXES:
            if core.endswith(s) and len(core) - len(s) >= 2:
                yield core[: -len(s)]
                if core[:1] in "تن" and len(core) - len(s) > 3:
                    yield "ي" + core[1:-len(s)]


def _words():
    words = [extract._norm(w) for w in TEXT.split()]
    lex = extract.load_lexicon()
    words += list(lex["ar"])[:3000]
    rnd = random.Random(11)
    letters = "وفبلكسالتنيهامرد"
    words += ["".join(rnd.choice(letters) for _ in range(rnd.randint(0, 9))) for _ in range(5000)]
    return words


def test_trigger_readings_as_every_clitic_tried():
    for w in _words():
        assert extract._candidates(w) == list(_plain_candidates(w)), w
        assert extract._cands(w)[0] == tuple(dict.fromkeys(_plain_candidates(w))), w


def _plain_foreign(word, th, shape=True):
    """ner._foreign as it was: every test asked again for the shape-free call."""
    from riwaya.ner.morph import known, zipf
    z = zipf(word)
    if z >= th or not ner._name_like(word):
        return False
    if (word[0] == "س" and zipf(word[1:]) >= th) or (word[-1] == "ه" and zipf(word[:-1]) >= th):
        return False
    r = ner._rules()
    glued = r.get("foreign_glued_zipf", 9)
    if any(zipf(word[:i]) >= glued and zipf(word[i:]) >= glued for i in range(2, len(word) - 1)):
        return False
    for a, subs in (r.get("foreign_letter_variants") or {}).items():
        if a in word and any(zipf(v := word.replace(a, b)) >= r.get("foreign_stem_zipf", 9) and not known(v)
                             for b in subs):
            return False
    return (not shape or ner._shape_score(word) >= r.get("foreign_shape_min", 0.0)) and not ner._arabic_stem(word, r)


def test_foreign_as_every_test_asked_again():
    th = ner._rules()["foreign_name_zipf"]
    words = ner._AR_WORD.findall(TEXT) + ["كامبل", "أباكوموف", "تالمادج", "سيخوض", "نيله", "عنمن", "أقدموا",
                                          "امرأتان", "هامبلبمز", "إنديورنس", "تيليجرام", "وويلر", "بهيروديا"]
    found = 0
    for w in words:
        for shape in (True, False):
            assert ner._foreign(w, th, shape) == _plain_foreign(w, th, shape), (w, shape)
            found += ner._foreign(w, th, shape)
    assert found          # some of them are foreign names


def _plain_starts(kb, ntok):
    return tuple((v, c, kb.maxlen[v]) for v, c in ((ntok, ""),) + _clitic_variants(ntok) if kb.maxlen.get(v))


def test_kb_start_memo_as_the_index():
    kb = load_kb()
    for w in TEXT.split():
        n = norm_token(w)
        assert kb._starts_of(n) == _plain_starts(kb, n)
    assert kb.match(TEXT, "ar")


def test_kb_start_memo_follows_new_records():
    kb = KB({}, {})
    assert kb.match("زار منظمة فلانكو العاصمة", "ar") == []      # "منظمة" remembered as starting no name
    rec = {"id": "organization:x", "type": "organization", "all_names": ["منظمة فلانكو"]}
    kb.records[rec["id"]] = rec
    kb._index_record(rec["id"], rec)
    got = kb.match("زار منظمة فلانكو العاصمة", "ar")
    assert [m.text for m in got] == ["منظمة فلانكو"]


def test_dialect_lines_as_every_word_judged_again():
    r = ner._rules()
    markers = {ner.norm(w) for w in r.get("dialect_markers", [])}
    suffixes = r.get("dialect_suffixes", [])
    text = "شو بدك هيك وبدك منيح\nقال الوزير إن المحادثات ستستمر\nليش هيك عم تحكي شو\n" + TEXT
    plain = []
    for ln in ner.re.finditer(r"[^\n]+", text):
        words = ner._AR_WORD.findall(ln.group())
        n = sum(ner._dialect_word(ner.norm(w), markers, suffixes) for w in words)
        if n and n >= r["foreign_dialect_share"] * len(words):
            plain.append(ln.span())
    assert plain and ner._dialect_lines(text) == plain
    assert ner._dialect_lines(text) == plain          # again, from the per-word memo


def test_coref_headless_memo_changes_no_phrase():
    coref = importlib.import_module("riwaya.ner.coref")
    text = ("قال الرئيس السوري المخلوع إن وزير الخارجية ووزير الدفاع سيجتمعان، وأكد المتحدث باسم الوزارة أن "
            "الرئيس الأمريكي ولي العهد للرئيس والرئيس المساهم الرئيس. " + TEXT)
    coref._HEADLESS = (None, set())
    fresh = coref._arabic(text)
    assert fresh and coref._HEADLESS[1]
    assert coref._arabic(text) == fresh                       # every headless word now from the memo
    coref._HEADLESS = (None, set())
    coref._arabic(TEXT)
    assert coref._arabic(text) == fresh

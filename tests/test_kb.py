"""Knowledge base and gazetteer matcher (riwaya.kb)."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from riwaya.kb import build_kb, clitic_variants, load_kb

from tests.conftest import cpu_floor

SEEDS = Path("/work/shared/seeds")
ANER = Path("/work/shared/data/anercorp_camel_splits/ANERCorp_CamelLab_test.txt")


@pytest.fixture(scope="module")
def kb():
    return load_kb()


def ids(kb, text):
    return [(m.text, m.kb_id) for m in kb.match(text)]


def test_loads_fast_and_is_cached():
    t = time.thread_time()             # this thread's CPU: no wall clock (load), no other threads (pools)
    kb = load_kb()
    assert time.thread_time() - t < 1.5
    assert load_kb() is kb
    c = kb.counts()
    assert c["place"] > 2000 and c["person"] >= 60 and c["organization"] >= 50 and c["outlet"] >= 40


@pytest.mark.parametrize("word", ["دمشق", "بدمشق", "ودمشق", "لدمشق", "وبدمشق", "فدمشق", "دِمَشْق", "دمـشق"])
def test_damascus_with_clitics_and_diacritics(kb, word):
    text = f"وصلت القوات {word} صباحا"
    ms = [m for m in kb.match(text) if m.type == "place"]
    assert len(ms) == 1
    m = ms[0]
    assert kb.get(m.kb_id)["name_en"] == "Damascus"
    assert text[m.start:m.end] == m.text
    assert "دمشق" in m.text.replace("\u0640", "").replace("\u064e", "").replace("\u0652", "").replace("\u0650", "")
    assert not m.text.startswith(("و", "ب", "ل", "ف"))


def test_russia_with_conjunction_and_article_forms(kb):
    assert ids(kb, "إيران وروسيا") == [("إيران", "country:ir"), ("روسيا", "country:ru")]
    got = ids(kb, "عاد إلى اللاذقية وباللاذقية وللاذقية")
    assert all(k == "kb:latakia-city" for _, k in got) and len(got) == 3


def test_clitic_variants():
    stems = dict(clitic_variants("والقنيطره"))
    assert "القنيطره" in stems
    assert dict(clitic_variants("للامم"))["الامم"] == "ل"


def test_bechar_is_not_bashar(kb):
    # the given name alone, or followed by a family name, is no Algerian town
    assert ids(kb, "قال بشار إن الوضع صعب") == []
    assert [m.type for m in kb.match("وقال بشار الجعفري للصحفيين")] in ([], ["person"])
    assert ids(kb, "كان بشار الأسد في القصر")[0] == ("بشار الأسد", "person:bashar-al-assad")
    # with a place cue the town is allowed
    assert ("بشار", "state:dz:08") in ids(kb, "وصل إلى ولاية بشار الجزائرية")


def test_cannes_is_not_the_verb_kana(kb):
    assert ids(kb, "كان الرئيس يتحدث وكان الجميع صامتين") == []
    assert ids(kb, "في مهرجان مدينة كان السينمائي") == [("كان", "kb:cannes")]


def test_hmeimim_variants(kb):
    for text in ["هبطت في قاعدة حميميم الجوية", "من حميميم إلى موسكو", "flew to Khmeimim air base",
                 "the Russian base at Hmeimim"]:
        assert "kb:hmeimim" in [k for _, k in ids(kb, text)], text
    rec = kb.get("kb:hmeimim")
    assert rec["icao"] == "OSLK" and rec["kind"] == "air_base" and rec["coordinates"][0] == pytest.approx(35.40, abs=0.01)


def test_airports_and_people_roles(kb):
    assert kb.get("airport:osdi")["iata"] == "DAM"
    assert ids(kb, "أقلعت من مطار دمشق الدولي")[0][1] == "airport:osdi"
    assert ids(kb, "أقلعت الطائرة من مطار دمشق العسكري")[0][1] == "kb:mezzeh-airbase"
    bashar = kb.get("person:bashar-al-assad")
    pres = [r for r in bashar["roles"] if r["role"] == "president"][0]
    assert pres["start"] == "2000-07-17" and pres["end"] == "2024-12-08"
    assert bashar["wikidata"] == "Q44329"


def test_hafez_father_and_son_are_distinct(kb):
    got = ids(kb, "ورث عن أبيه حافظ الأسد الحكم، وغادر مع نجله حافظ بشار الأسد")
    assert ("حافظ الأسد", "person:hafez-al-assad") in got
    assert ("حافظ بشار الأسد", "person:hafez-bashar-al-assad") in got


def test_outlets(kb):
    for v in ["NYT", "The New York Times", "نيويورك تايمز", "new york times"]:
        assert kb.outlet(v)["id"] == "outlet:nyt", v
    assert kb.outlet("Alhurra")["kind"] == "broadcaster"
    assert kb.outlet("الحرة")["id"] == "outlet:alhurra"
    assert kb.outlet("إن بي سي نيوز")["id"] == "outlet:nbc"
    assert kb.outlet("no such outlet") is None
    # "العربية" is an adjective unless an outlet cue precedes it
    assert ids(kb, "الدول العربية") == []
    assert ids(kb, "وقال لقناة العربية")[-1][1] == "outlet:alarabiya"


def test_search_both_scripts(kb):
    assert kb.search("Khmeimim")[0]["id"] == "kb:hmeimim"
    assert kb.search("بدمشق", type="place")[0]["name_en"] == "Damascus"
    assert kb.search("Abu Mohammad al-Julani")[0]["id"] == "person:ahmed-al-sharaa"
    assert kb.search("Hussam Luqa")[0]["id"] == "person:hussam-louka"


def test_spans_on_seeds_point_into_text(kb):
    for p in sorted(SEEDS.glob("*.txt")):
        text = p.read_text(encoding="utf-8")
        ms = kb.match(text)
        assert ms, p
        for m in ms:
            assert text[m.start:m.end] == m.text
            assert m.type in ("person", "place", "organization")
        assert any(m.kb_id == "person:bashar-al-assad" for m in ms)


def _aner_sentences(limit=None):
    sents, cur = [], []
    for line in ANER.read_text(encoding="utf-8").splitlines():
        p = line.split()
        if not p:
            if cur:
                sents.append(cur)
                cur = []
            if limit and len(sents) >= limit:
                break
            continue
        if len(p) == 2:
            cur.append(p)
    return sents


@pytest.mark.skipif(not ANER.exists(), reason="ANERcorp not available")
def test_precision_against_anercorp_gold(kb):
    """Matches on newswire we did not write should fall on gold entities."""
    hit = miss = 0
    for s in _aner_sentences(400):
        text, spans = "", []
        for w, t in s:
            spans.append((len(text), len(text) + len(w), t))
            text += w + " "
        for m in kb.match(text):
            tags = [t for a, b, t in spans if a < m.end and b > m.start]
            if any(t != "O" for t in tags):
                hit += 1
            else:
                miss += 1
    assert hit > 100
    assert hit / (hit + miss) > 0.9


@pytest.mark.skipif(not ANER.exists(), reason="ANERcorp not available")
def test_speed_within_40_times_a_dict_lookup_floor(kb):
    """First-pass matching (no per-form cache warm) of 200 ~1.7k-character articles costs at most 40 times the floor
    (word split + dict lookups of every word and pair) measured in the same run; here about 19 times (~500 art/s).
    An absolute rate (200 art/s) failed on a slower CI machine at 150 art/s."""
    sents = _aner_sentences(900)
    words = [w for s in sents for w, _ in s]
    arts = [" ".join(words[i:i + 300]) for i in range(0, len(words), 300)][:200]   # ~1.7k chars each
    kb.match(arts[0])      # the first call loads word frequencies (wordfreq), as ingest's repair does anyway
    t = time.thread_time()             # this thread's CPU: no wall clock (load), no other threads (pools)
    for a in arts:
        kb.match(a)
    spent = time.thread_time() - t
    floor = cpu_floor(arts)
    assert spent / floor < 40, (spent / floor, len(arts) / spent)


def test_extra_yaml_extends_and_overrides(tmp_path):
    extra = tmp_path / "extra.yaml"
    extra.write_text(
        "places:\n"
        "  - {id: kb:test-village, kind: city, name_en: Ain Testa, name_ar: عين تستا, country: SY, lat: 35.1, lon: 36.2, notable: true}\n"
        "people:\n"
        "  - {id: person:x-test, name_ar: زياد تستاوي, name_en: Ziad Testawi, short: [تستاوي]}\n"
        "  - {id: person:bashar-al-assad, epithets: [صاحب القصر]}\n",
        encoding="utf-8")
    kb = build_kb(extra=[extra])
    assert ids(kb, "قصفت وعين تستا") == [("عين تستا", "kb:test-village")]
    assert ids(kb, "قال زياد تستاوي")[0][1] == "person:x-test"
    assert "صاحب القصر" in kb.get("person:bashar-al-assad")["epithets"]
    assert kb.get("person:bashar-al-assad")["wikidata"] == "Q44329"


def test_weak_short_forms_need_the_full_name_first(kb):
    assert ids(kb, "في شهر شعبان الماضي") == []
    assert ids(kb, "تطبيق الشرع واجب") == []
    got = ids(kb, "التقى أحمد الشرع الوفد، وقال الشرع إن")
    assert got == [("أحمد الشرع", "person:ahmed-al-sharaa"), ("الشرع", "person:ahmed-al-sharaa")]
    # a short form that is a given name ("صقر") likewise
    assert ids(kb, "حلّق صقر فوق الجبل") == []


def test_english_common_words_are_not_provinces(kb):
    got = ids(kb, "North Korea and the North of Lebanon; Jewish voters in the South")
    assert got == [("North Korea", "country:kp"), ("Lebanon", "country:lb")]
    assert ids(kb, "clashes in Quneitra") == [("Quneitra", "state:sy:qu")]


def test_a_surname_alone_is_matched_but_a_common_given_name_alone_is_not(kb):
    # ANERcorp tags a lone بوتين as a person, which once put it on the given-name list;
    # names-dataset says it is no common given name. خليل is one: only after the full name.
    def ids(t):
        return [m.kb_id for m in kb.match(t)]
    assert "person:vladimir-putin" in ids("وقال بوتين للصحافيين إن روسيا لن تتدخل")
    assert not any(i and i.startswith("person:") for i in ids("وقال خليل إن الوضع صعب في المدينة"))
    assert ids("عيّن قحطان خليل مديراً. وقال خليل إن")[-1] == "person:qahtan-khalil"


def test_a_bare_given_name_after_a_kinship_word_is_the_named_persons_relative(kb):
    # seed 002: "... لكنه اتجه مباشرة إلى مطار دمشق، حيث غادر مع ابنه الأكبر حافظ إلى قاعدة حميميم"
    t = "أبلغ بشار الأسد مدير مكتبه بأنه سيعود إلى منزله، لكنه اتجه إلى مطار دمشق، حيث غادر مع ابنه الأكبر حافظ إلى قاعدة حميميم"
    got = {m.text: m.kb_id for m in kb.match(t)}
    assert got["حافظ"] == "person:hafez-bashar-al-assad"       # the son, not the father
    assert "person:hafez-al-assad" not in got.values()
    assert all(m.text != "حافظ" for m in kb.match("وصل حافظ إلى المدينة مع ابنه"))   # no named parent, no guess


@pytest.mark.parametrize("text", ["وقال إنه تحدث مع حلفائه في المنطقة", "وكان هناك حديث مؤخرا في انكلترا",
                                  "وقالت في حديث للصحفيين", "المظاهرات السلمية في الشوارع", "في صدارة قارة آسيا",
                                  "عبر المسلحون ولجأوا الى المناطق الجبلية", "وفي ورقة بحثية جديدة",
                                  "زيادة في صافي الربح"])
def test_common_words_are_not_small_places(kb, text):
    """Gazetteer false friends: a common word (by wordfreq) that names a small place is no place
    without a cue (حديث is not Hadithah, حلفائه is not Halfaya)."""
    # a continent named beside the false friend is a real place (قارة آسيا: Asia, not Qara)
    assert [m for m in kb.match(text) if m.type == "place" and m.kb_id != "kb:asia"] == []


def test_continents_are_places(kb):
    assert ("آسيا", "kb:asia") in ids(kb, "في صدارة قارة آسيا")
    assert ("أوروبا", "kb:europe") in ids(kb, "عبور البحر المتوسط إلى أوروبا")


def test_a_false_friend_place_with_a_cue(kb):
    assert ("السلمية", "city:sy:104975") in ids(kb, "وصلت القوات إلى مدينة السلمية")
    assert ("السلمية", "city:sy:104975") in ids(kb, "وصلت القوات إلى السلمية بريف حماة")
    assert "city:sy:104975" not in [k for _, k in ids(kb, "وصلت القوات إلى السلمية")]
    assert ("حلفاية", "city:sy:105075") in ids(kb, "في حلفاية بريف حماة")
    assert ("الرمادي", "city:iq:134533") in ids(kb, "معارك الرمادي")     # a big city needs no cue


def test_namesakes_go_to_the_documents_region(kb):
    assert ("عمان", "country:om") in ids(kb, "في السعودية والكويت وعمان")
    assert ("عمان", "city:jo:63141") in ids(kb, "في دمشق وعمان")
    assert [k for t, k in ids(kb, "في طرابلس وبنغازي في ليبيا") if t == "طرابلس"] == ["state:ly:tb"]
    assert [k for t, k in ids(kb, "في طرابلس اللبنانية وبيروت") if t == "طرابلس"] == ["kb:tripoli-lb"]


def test_another_given_name_with_a_famous_family_name(kb):
    """إياد مخلوف is not Rami Makhlouf; a bare مخلوف after the full name is."""
    assert ids(kb, "وقال إياد مخلوف إن") == []
    assert ids(kb, "وقال رامي مخلوف إن مخلوف غادر") == [("رامي مخلوف", "person:rami-makhlouf"),
                                                     ("مخلوف", "person:rami-makhlouf")]


def test_a_short_form_before_a_rare_family_name_is_someone_elses_given_name(kb):
    """أيوب القرا: أيوب is the given name of someone with a rare family name, not علي أيوب's short form;
    before a common word (الاثنين) it still is."""
    assert ids(kb, "قال علي أيوب إن الجيش انسحب. وقال أيوب القرا إن") == [("علي أيوب", "person:ali-ayoub")]
    assert ids(kb, "قال علي أيوب إن الجيش انسحب. وقال أيوب الاثنين إن")[-1] == ("أيوب", "person:ali-ayoub")


def test_a_family_name_after_a_conjunction_or_a_place_is_still_the_person(kb):
    """صدام والأسد: the conjunction starts a new name; سورية الأسد: a place is no given name."""
    assert ("الأسد", "person:bashar-al-assad") in ids(kb, "مثل صدام والأسد والقذافي")
    assert ("الأسد", "person:bashar-al-assad") in ids(kb, "وكذلك في سورية الأسد اليوم")
    assert ("السيسي", "person:abdel-fattah-el-sisi") in ids(kb, "حرص الرئيس عبدالفتاح السيسي على")
    assert [k for t, k in ids(kb, "محمد علي الحبيب") if k] == []


def test_place_nouns_in_the_dual_and_with_a_preposition_are_cues(kb):
    assert ("عمران", "state:ye:am") in ids(kb, "الذي يربط بين محافظتي صعدة وعمران")
    assert ("الجيزة", "state:eg:gz") in ids(kb, "بمنطقة الوراق بمحافظة الجيزة المصرية")


def test_a_country_name_that_is_a_nisba_adjective_after_a_definite_noun(kb):
    assert ids(kb, "بيان وزارة الداخلية السعودية") == []
    assert ids(kb, "دشن مدير الجامعة السعودية") == []
    assert ("السعودية", "country:sa") in ids(kb, "وقعت السعودية والإمارات")


def test_a_family_name_after_a_given_name_and_a_rare_fathers_name_is_someone_else(kb):
    """خالد قطيم نتنياهو: given name, a rare father's name, then the family name of a KB person."""
    assert ids(kb, "بقيادة الموقوف خالد قطيم نتنياهو، وحدد") == []
    assert ids(kb, "وقال رئيس الوزراء الإسرائيلي نتنياهو إن") == [("نتنياهو", "person:benjamin-netanyahu")]


def test_well_known_companies_are_organisations_without_their_head_noun():
    from riwaya.kb import load_kb
    t = "أعلنت شركة ميكروسوفت وتسلا يوم الأربعاء"
    found = {(t[m.start:m.end], m.kb_id) for m in load_kb().match(t, "ar")}
    assert ("ميكروسوفت", "org:microsoft") in found and ("تسلا", "org:tesla") in found


def test_plural_of_people_heading_a_construct_phrase_is_no_place():
    # a place name of the فُعاة shape ("guardians") before a noun it governs, no place cue: the plural
    from riwaya.analyze import analyze
    from riwaya.models import Document

    def places(t):
        return [m.text for m in analyze(Document(id="x", text=t)).mentions if m.type == "place"]
    assert places("وقال حماة الوطن إنهم مستعدون.") == []
    assert places("حماة الديار عليكم سلام") == []
    assert places("وصل الوفد إلى حماة الوطن") == ["حماة"]         # a preposition before it: the place
    assert places("دخل حماة الجيش") == ["حماة"]                   # no complement of a plural after it


def test_a_word_commoner_whole_is_no_proclitic_and_a_name():
    # ent20 (issue 17): كابل (Kabul, or "cable") was ك + ابل, Apple, 49 times in five unseen samples
    # ("the attack on Apple" in a listing); a proclitic before a name it is still read (وحماس, لحماس, للحوثيين)
    kb = load_kb()
    assert [m.kb_id for m in kb.match("انفجرت سيارة مفخخة في العاصمة كابل. وأسفرت")] == ["capital:af"]
    assert [m.kb_id for m in kb.match("وقالت حماس ولحماس")] == ["org:hamas", "org:hamas"]
    assert [m.kb_id for m in kb.match("وأعلنت أبل عن هاتف")] == ["org:apple"]
    assert "org:houthis" in [m.kb_id for m in kb.match("الدعم الإيراني للحوثيين")]

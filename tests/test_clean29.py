"""clean29: knowledge written once. The Arabic object pronoun suffixes live in riwaya/data/lang/arabic.yaml and
every reader takes them from riwaya.lang.arabic.object_pronouns."""
from riwaya.lang.arabic import normalize, object_pronouns


def test_object_pronouns_are_one_list_with_what_each_takes_up():
    assert object_pronouns() == {"هما": "dual", "هم": "plural", "هن": "plural", "ها": "feminine", "ه": "masculine"}
    assert tuple(object_pronouns(feminine_plural=False)) == ("هما", "هم", "ها", "ه")


def test_no_suffix_ends_another_so_the_order_of_look_up_does_not_matter():
    sufs = list(object_pronouns())
    assert not any(a != b and a.endswith(b) for a in sufs for b in sufs)
    assert all(normalize(s) == s for s in sufs)      # the same on a word as written and normalised


def test_every_reader_reads_the_one_list():
    from riwaya.events import learned
    assert learned._OBJECT_SUFFIXES == tuple(object_pronouns().items())
    assert learned._PRONOUN_SUFFIXES == tuple(object_pronouns(feminine_plural=False))
    assert learned._voice_cues()["objects"] == learned._PRONOUN_SUFFIXES
    assert set(learned._suffixes()) == set(object_pronouns())
    import pathlib
    cues = (pathlib.Path(learned.__file__).parent.parent / "data" / "events" / "cues.yaml").read_text("utf-8")
    assert "\npronoun_suffixes:" not in cues and "object_pronouns: [" not in cues


def test_the_readers_strip_and_see_the_pronoun_on_real_words():
    from riwaya.events import learned
    assert learned._clitic_free("وتحريرها") == "تحرير"        # "and freeing it": the freeing word under its pronoun
    assert learned._clitic_free("تحريرهم") == "تحرير"
    assert learned._clitic_free("حمله") == "حمله"              # a stem of three: a word's own ه (ة), kept
    assert learned._object_on("دمرته") and learned._object_on("يستهدفها")
    assert not learned._object_on("قتلوه")                      # its plural subject on it
    assert learned._masdar_shaped("تحويلهم")


def test_hijri_helpers_of_the_time_tagger():
    from datetime import date
    from riwaya.timex.tagger import _hijri_to_greg, _hijri_years, _nearest_hijri
    ref = date(2015, 7, 22)
    assert _nearest_hijri(ref, 10, 2) == _hijri_to_greg(1436, 10, 2)             # ثاني أيام عيد الفطر
    assert _nearest_hijri(ref, 9, None) == _hijri_to_greg(1436, 9, None)         # رمضان, no year: this one
    assert _nearest_hijri(date(2015, 12, 20), 9, None) == _hijri_to_greg(1437, 9, None)   # the coming one is nearer
    assert _hijri_years(1436, 1437) == (_hijri_to_greg(1436, 1, None)[0], _hijri_to_greg(1437, 12, None)[1],
                                        "year", "absolute")

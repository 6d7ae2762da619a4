"""The caches added for per-document speed (speed22) give what the plain computation gives."""
from riwaya.events import learned
from riwaya.lang import arabic
from riwaya.models import EventMention
from riwaya.ner import features


def test_ner_key_is_the_variant_translation_cached_or_not():
    table = arabic.variant("ner").table
    words = ["الأُمّة", "إلى", "ـقصفـ", "Damascus", "", "ؤ ٣ ک_", "مُحَمَّد " * 10]   # the last one over 40 characters
    for _ in range(2):                      # first asked, then read from the cache
        for w in words:
            assert arabic.ner_key(w) == w.translate(table)
            assert features.norm(w) == w.translate(table)
    long = "مُحَمَّد " * 10
    keys = arabic.ner_key.__self__
    assert long not in keys and "الأُمّة" in keys     # long texts are keyed afresh, not kept


def test_ner_key_cache_starts_over_when_full():
    table = arabic.variant("ner").table
    keys = arabic._Kept(lambda s: s.translate(table))
    for i in range(5):
        keys[f"كلمة{i}"]
    assert len(keys) == 5
    dict.clear(keys)
    keys.update({f"x{i}": "" for i in range((1 << 18))})
    assert keys["قصف"] == "قصف".translate(arabic.variant("ner").table)
    assert len(keys) == 1                   # full: cleared, then the new word kept


def test_lang_of_follows_the_trigger_string():
    ev = EventMention(cls="attack", type="attack", trigger="قصف", start=0, end=3, trigger_start=0, trigger_end=3)
    assert learned.lang_of(ev) == "ar"
    ev.trigger = "shelled"
    assert learned.lang_of(ev) == "en"
    ev.trigger = "قصف"
    assert learned.lang_of(ev) == "ar"
    assert learned.lang_of(EventMention(cls="attack", type="attack", trigger="", start=0, end=0, trigger_start=0,
                                        trigger_end=0)) == "en"

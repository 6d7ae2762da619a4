"""The on-disk cache of derived values (romanisations): hits, misses, off switch, broken file."""
from riwaya.cache import KeyValue


def test_put_get_and_off_switch(tmp_path, monkeypatch):
    monkeypatch.setenv("RIWAYA_CACHE_DIR", str(tmp_path))
    kv = KeyValue("romanize")
    kv.put_many({"anr\tكامل صقر": "Kamel Saqr"})
    assert kv.get_many(["anr\tكامل صقر", "anr\tغياث دلة"]) == {"anr\tكامل صقر": "Kamel Saqr"}
    monkeypatch.setenv("RIWAYA_CACHE", "0")
    off = KeyValue("romanize")
    assert off.get_many(["anr\tكامل صقر"]) == {} and off.put_many({"a": "b"}) is None


def test_a_corrupt_cache_file_is_a_miss(tmp_path, monkeypatch):
    monkeypatch.setenv("RIWAYA_CACHE_DIR", str(tmp_path))
    (tmp_path / "romanize.sqlite").write_bytes(b"not a database")
    kv = KeyValue("romanize")
    assert kv.get_many(["x"]) == {}
    kv.put_many({"x": "y"})          # no exception

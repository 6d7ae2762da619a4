"""A record's dates under the names other tools give them (data/ingest/fields.yaml), and a crawl's JSON
export (a list of records) read as it is: SaudiNewsNet's records carry their crawl day as
``date_extracted``, which was kept in the metadata unread, so its articles had no day at all and the
corpus stage could not cut its parts by date (blocks.doc_day)."""
import json
from datetime import date

from riwaya.blocks import doc_day
from riwaya.ingest.readers import IngestError, date_fields, read_paths, record_dates

from .conftest import needs_shared, saudi_articles


def _read(paths):
    items = list(read_paths([str(p) for p in paths]))
    return [i for i in items if not isinstance(i, IngestError)], [i for i in items if isinstance(i, IngestError)]


def test_the_names_come_from_the_data_file():
    fields = date_fields()
    assert fields["published"][0] == "published" and "date" in fields["published"]
    assert fields["retrieved"][0] == "retrieved" and "date_extracted" in fields["retrieved"]
    # the first name a record gives wins; empty values are not given
    assert record_dates({"date": "", "datePublished": "2024-03-01", "crawled_at": "2024-03-02T10:00:00Z"}) == \
        {"published": "2024-03-01", "retrieved": "2024-03-02T10:00:00Z"}
    assert record_dates({"published": "2024-03-01", "date": "2023-01-01"}) == {"published": "2024-03-01"}
    assert record_dates({"title": "x"}) == {}


def _store_view(doc) -> dict:
    return {"published": doc.published, "meta": doc.meta}


@needs_shared
def test_a_saudinewsnet_record_as_exported_gives_its_crawl_day(tmp_path):
    arts = saudi_articles(40)[:3]
    assert all(set(a) >= {"source", "url", "date_extracted", "title", "content"} for a in arts)
    f = tmp_path / "snn.jsonl"
    f.write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in arts), encoding="utf-8")
    docs, errors = _read([f])
    assert not errors and len(docs) == 3
    for a, d in zip(arts, docs):
        day = a["date_extracted"][:10]
        # the crawl day, not a publication date (it anchors times only when nothing else does)
        assert d.published is None
        assert d.meta["retrieved"].startswith(day) and "T" in d.meta["retrieved"]
        assert "date_extracted" not in d.meta and d.meta.get("author") == a.get("author")
        assert d.outlet == a["source"] and d.title == a["title"]
        assert doc_day(_store_view(d)) == date.fromisoformat(day).toordinal()


@needs_shared
def test_a_json_list_of_records_is_read_one_record_at_a_time(tmp_path):
    arts = saudi_articles(40)[:4]
    items = [*arts[:2], "not a record", {"source": "x", "date_extracted": "yesterday", "content": "نص"},
             {"datePublished": "2015-07-20", "content": arts[2]["content"]}, {"url": "http://x.y/"}]
    f = tmp_path / "2015-07-21.json"
    f.write_text(json.dumps(items, ensure_ascii=False, indent=4), encoding="utf-8")
    docs, errors = _read([f])
    assert [d.path for d in docs] == [f"{f}:1", f"{f}:2", f"{f}:5"]
    assert docs[2].published == "2015-07-20" and "datePublished" not in docs[2].meta
    assert doc_day(_store_view(docs[2])) == date(2015, 7, 20).toordinal()    # a publication date wins
    reasons = {e.path.rsplit(":", 1)[-1]: e.reason for e in errors}
    assert set(reasons) == {"3", "4", "6"}
    assert "object" in reasons["3"] and "date_extracted" in reasons["4"] and "neither" in reasons["6"]


def test_hostile_json_files_are_errors_not_tracebacks(tmp_path):
    (tmp_path / "a.json").write_text("[1, 2", encoding="utf-8")
    (tmp_path / "b.json").write_text('["x", null, {"content": "نص", "date_extracted": 5}]', encoding="utf-8")
    (tmp_path / "c.json").write_text("[]", encoding="utf-8")
    docs, errors = _read([tmp_path])
    assert not docs
    reasons = sorted(e.reason for e in errors)
    assert any("invalid JSON" in r for r in reasons)
    assert sum("object" in r for r in reasons) == 2 and any("date_extracted" in r for r in reasons)

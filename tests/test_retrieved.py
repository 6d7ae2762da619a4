"""A retrieval date (the day a crawler fetched an article) is not a publication date: intake checks it,
and with no publication date it anchors relative times on a window before it (issues #15, #16)."""
import json

import pytest
from click.testing import CliRunner

from riwaya.cli import main
from riwaya.ingest.metadata import MetadataError, clean_metadata, with_metadata
from riwaya.ingest.readers import IngestError, doc_id, read_paths
from riwaya.models import Document
from riwaya.reconcile.timeiv import interval, overlaps
from riwaya.timex import tag_times
from riwaya.timex.retrieved import anchor_day, lag_days

TEXT = "قال مسؤول اليوم إن الهجوم وقع أمس. وفي اليوم التالي وصل الوزير."


def _times(text, **kw):
    return {m.text: m.value for m in tag_times(text, "ar", **kw)}


# ---------------------------------------------------------------- intake

def test_retrieved_is_checked_like_published():
    assert clean_metadata({"retrieved": " 2015-08-07 02:24:06 "}) == {"retrieved": "2015-08-07T02:24:06"}
    assert clean_metadata({"retrieved": "2015-08-07"}) == {"retrieved": "2015-08-07"}
    for bad in ("yesterday", "7/8/2015", "2015-13-01"):
        with pytest.raises(MetadataError) as e:
            clean_metadata({"retrieved": bad})
        assert e.value.field == "retrieved" and bad in e.value.reason


def test_retrieved_from_jsonl_and_sidecar(tmp_path):
    f = tmp_path / "a.jsonl"
    f.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in [
        {"text": "خبر أول عن الهجوم اليوم", "retrieved": "2015-08-07 02:24:06"},
        {"text": "خبر ثان", "retrieved": "the day before"},
        {"text": "خبر ثالث", "retrieved": 20150807}]), encoding="utf-8")
    t = tmp_path / "b.txt"
    t.write_text("خبر رابع", encoding="utf-8")
    (tmp_path / "b.meta.json").write_text('{"retrieved": "2015-08-06"}', encoding="utf-8")
    got = list(read_paths([str(f), str(t)]))
    docs = [x for x in got if isinstance(x, Document)]
    errors = [str(x) for x in got if isinstance(x, IngestError)]
    assert [d.meta.get("retrieved") for d in docs] == ["2015-08-07T02:24:06", "2015-08-06"]
    assert all(d.published is None for d in docs)
    assert len(errors) == 2 and all("retrieved" in e for e in errors), errors
    assert any(":2" in e for e in errors) and any(":3" in e for e in errors)      # file:line named


def test_cli_retrieved_option(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("أعلنت الوزارة اليوم عن افتتاح مستشفى جديد في المدينة.", encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'r.db'}"
    r = CliRunner().invoke(main, ["build", str(f), "--db", db, "-q", "--retrieved", "2015-08-07"])
    assert r.exit_code == 0, r.output
    out = tmp_path / "x.json"
    assert CliRunner().invoke(main, ["export", "--db", db, "--out", str(out)]).exit_code == 0
    exp = json.loads(out.read_text("utf-8"))
    d = exp["documents"][0]
    assert d["retrieved"] == "2015-08-07" and d["published"] is None
    today = next(t for t in exp["times"] if t["text"] == "اليوم")
    assert today["anchor"] == "retrieved:2015-08-07"
    assert today["earliest"].startswith(f"2015-08-0{7 - lag_days()}") and today["latest"].startswith("2015-08-07")
    r = CliRunner().invoke(main, ["build", str(f), "--db", db, "-q", "--retrieved", "2015-08-07"])
    assert "1 already stored" in r.output         # the same retrieval day is no new metadata
    r = CliRunner().invoke(main, ["build", str(f), "--db", db, "--retrieved", "last week"])
    assert r.exit_code == 2 and "--retrieved" in r.stderr and "Traceback" not in r.output


def test_dateline_day_without_year_takes_the_year_of_retrieval():
    text = "دمشق - 8 ديسمبر (رويترز) - قال مسؤول إن"
    d = with_metadata(Document(id=doc_id(text), text=text), {"retrieved": "2025-01-02"})
    assert d.published == "2024-12-08" and "published" in d.meta["metadata_inferred"]
    d = with_metadata(Document(id=doc_id(text), text=text))
    assert d.published is None


# ---------------------------------------------------------------- anchoring

def test_published_wins_and_outputs_are_unchanged():
    plain = _times(TEXT, anchor="2015-08-07")
    assert _times(TEXT, anchor="2015-08-07", retrieved="2015-08-09") == plain
    assert plain["اليوم"].anchor == "published:2015-08-07"


def test_retrieved_anchors_on_a_window():
    lag = lag_days()
    t = _times(TEXT, retrieved="2015-08-07T02:24:06")
    today, yesterday, next_day = t["اليوم"], t["أمس"], t["في اليوم التالي"]
    assert today.anchor == yesterday.anchor == "retrieved:2015-08-07"
    assert today.earliest[:10] == f"2015-08-{7 - lag:02d}" and today.latest[:10] == "2015-08-07"
    assert yesterday.earliest[:10] == f"2015-08-{6 - lag:02d}" and yesterday.latest[:10] == "2015-08-06"
    # counted from a day that was itself counted from the retrieval day: widened too, and said so
    assert next_day.anchor.endswith(";retrieved:2015-08-07") and next_day.earliest[:10] == f"2015-08-{7 - lag:02d}"


def test_a_date_in_the_text_narrows_the_window_and_a_far_one_does_not_anchor():
    t = _times("وقع الهجوم في 6 أغسطس 2015 وقال مسؤول اليوم إن", retrieved="2015-08-07")
    assert t["اليوم"].earliest[:10] == "2015-08-06" and t["اليوم"].anchor == "retrieved:2015-08-07"
    t = _times("وقع الهجوم في 3 يوليو 2015 وقال مسؤول اليوم إن", retrieved="2015-08-07")
    assert t["اليوم"].latest[:10] == "2015-08-07"        # not 3 July: a past date is no publication day
    assert t["3 يوليو 2015"].anchor == "absolute" and t["3 يوليو 2015"].earliest[:10] == "2015-07-03"
    assert anchor_day("not a date", []) == (None, 0)
    assert _times("قال مسؤول اليوم", retrieved="garbage")["اليوم"].earliest is None   # nothing honest: open


def test_today_and_yesterday_in_two_outlets_are_compatible():
    """The false conflict the cluster evaluation found: one outlet fetched the day it published
    ("today"), another a day later ("yesterday"); both retrieved on the same crawl day."""
    a = _times("قال مسؤول إن الانفجار وقع اليوم في المدينة", retrieved="2015-08-07")["اليوم"]
    b = _times("قال مسؤول إن الانفجار وقع أمس في المدينة", retrieved="2015-08-07")["أمس"]
    assert overlaps(interval(vars(a)), interval(vars(b)))
    a = _times("قال مسؤول إن الانفجار وقع اليوم في المدينة", anchor="2015-08-07")["اليوم"]
    b = _times("قال مسؤول إن الانفجار وقع أمس في المدينة", anchor="2015-08-07")["أمس"]
    assert not overlaps(interval(vars(a)), interval(vars(b)))     # publication dates known: they do disagree


def test_upload_takes_retrieved():
    from riwaya.web.jobs import upload_metadata
    assert upload_metadata({"retrieved": " 2015-08-07 "}, "a.txt") == {"retrieved": "2015-08-07"}
    # checked when the upload's sidecar is read, as 'published' is (test_retrieved_from_jsonl_and_sidecar)

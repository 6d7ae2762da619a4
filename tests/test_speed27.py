"""speed27 (issue 20): per-document cuts that must leave every output as it was.

Each cut is checked against the plain code it replaced, on real-text-like Arabic."""
import yaml

from riwaya import ner
from riwaya.ingest import repair as rp
from riwaya.ingest.prepare import prepare
from riwaya.models import Document
from riwaya.textutil import apply_edits, strip_diacritics, strip_marks

BRANCH = ("وشن سلاح الجو الإسرائيلي غارات على مواقع في جنوب لبنان، فيما قالت البحرية الأمريكية إن "
          "سفنها رصدت تحركات. وأكد سلاح الدفاع الجوي الملكي السعودي اعتراض صاروخ، "
          "ونشرت المقاتلات البحرية الروسية صورا للحدود البحرية السعودية.")


def test_org_tokens_made_once_per_text_and_as_before():
    toks = ner._org_toks(BRANCH)
    assert toks == [(m.start(), m.end(), m.group()) for m in ner._ORG_TOK.finditer(BRANCH)]
    assert ner._org_toks(BRANCH) is toks                      # the same document: the same list
    other = BRANCH.replace("لبنان", "سوريا")
    assert ner._org_toks(other) == [(m.start(), m.end(), m.group()) for m in ner._ORG_TOK.finditer(other)]
    # an equal text that is another object is tokenised again, to the same tokens
    copy = "".join(list(BRANCH))
    assert copy is not BRANCH and ner._org_toks(copy) == toks


def test_branch_forces_the_same_with_a_cold_and_a_warm_memo():
    r = ner._rules()
    r.pop("_branch_seen", None)
    cold = ner._branch_forces(BRANCH, [], [])
    warm = ner._branch_forces(BRANCH, [], [])
    r.pop("_branch_seen", None)
    assert cold == warm
    spans = [c[:3] for c in cold[0]]
    assert any(BRANCH[s:e].startswith("سلاح الجو") for s, e, _ in spans), spans


def test_no_hashtag_repair_as_through_apply_edits():
    text = "قال المتحدث باسم الجيش إن القوات سيطرت على البلدة عليأيوب بعد معارك عنيفة في ريف حماة"
    clean, offsets, repairs = rp.repair(text, [0])
    assert not rp._hashtags(text)
    # the plain path: the identity map as apply_edits makes it
    t1, off1 = apply_edits(text, [])
    toks = list(rp._TOKEN.finditer(t1))
    stage2 = rp._glued(t1, toks) + rp._split_words(t1, toks) + rp._dropped_letters(t1, [0]) + \
        rp._place_spellings(t1, toks)
    t2, off2 = apply_edits(t1, [(s, e, r) for s, e, r, _ in stage2])
    assert (clean, offsets) == (t2, off2)
    assert isinstance(offsets, list)
    # with a hashtag the hashtag path still runs
    tagged = "#بشار_الأسد " + text
    c2, o2, r2 = rp.repair(tagged, [0])
    assert any(x.kind == "hashtag" for x in r2) and len(o2) == len(c2) + 1


def test_prepare_without_furniture_keeps_the_text():
    doc = Document(id="d1", text="دمشق - قال مسؤول سوري اليوم إن الاجتماع سيعقد الأسبوع المقبل.\n\nوأضاف أن الوفد سيصل غدا.")
    p = prepare(doc)
    assert p.clean == doc.text and p.offsets == list(range(len(doc.text) + 1))


def test_strip_diacritics_is_strip_marks():
    assert strip_diacritics("المقرَّبين") == strip_marks("المقرَّبين") == "المقربين"


def test_english_resources_read_as_safe_load():
    from riwaya.events import english
    raw = (english.DATA / "english.yaml").read_text(encoding="utf-8")
    assert yaml.load(raw, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) == yaml.safe_load(raw)
    assert english.resources()["pronouns"]

"""org36 (issue #17): an organisation's head before a name the tagger or the knowledge base typed a place or a
person (entity_rules.yaml org_typing_heads, switch org_typing_heads_on), and a company head inside its name
(org_heads_in_name, switch org_heads_in_name_on: the PUD guideline's شركة يونيفرسال). The typing rule shipped false;
the company head shipped false by org36 and turned on by the lead in the thirty-first session."""
import pytest

import riwaya.ner as ner
from riwaya.analyze import analyze
from riwaya.datafiles import load_yaml
from riwaya.models import Document
from riwaya.ner import DATA, norm


def _names(text):
    an = analyze(Document(id="t", text=text, language="ar"))
    return [(m.type, text[m.start:m.end]) for m in an.mentions
            if m.type in ("person", "place", "organization") and not m.generic]


@pytest.fixture
def switched_on():
    """Both rules on for one test (the lists as the YAML holds them), then the shipped state back."""
    raw, r = load_yaml(DATA / "entity_rules.yaml"), ner._rules()
    saved = r["org_typing_heads"], r["org_heads_in_name"]
    r["org_typing_heads"] = {norm(w) for w in raw["org_typing_heads"]}
    r["org_heads_in_name"] = {norm(w) for w in raw["org_heads_in_name"]}
    yield
    r["org_typing_heads"], r["org_heads_in_name"] = saved


def test_the_shipped_switches():
    raw, r = load_yaml(DATA / "entity_rules.yaml"), ner._rules()
    assert raw["org_typing_heads_on"] is False and raw["org_heads_in_name_on"] is True
    assert r["org_typing_heads"] == set() and r["org_heads_in_name"] == {norm(w) for w in raw["org_heads_in_name"]}
    assert "قناة" not in raw["org_typing_heads"]          # a canal too: قناة السويس
    assert ("organization", "شركة مايكروسوفت") in _names("أعلنت شركة مايكروسوفت عن منتج جديد يوم الاثنين.")
    assert ("organization", "كوين") not in _names("أصدرت فرقة كوين ألبومها الأول عام 1973.")


def test_a_band_or_magazine_head_types_its_name(switched_on):
    assert ("organization", "كوين") in _names("أصدرت فرقة كوين ألبومها الأول عام 1973.")
    assert ("organization", "سليت") in _names('قال الممثل لمجلة سليت: "عندما ألعب دوره, أشعر بالقوة".')


def test_an_adjective_of_the_head_is_no_name(switched_on):
    assert not any(t == "organization" and s == "سورية"
                   for t, s in _names("بحسب ما نقلت صحيفة سورية الاثنين عن زوجة الشيخ."))


def test_a_company_head_is_part_of_its_name(switched_on):
    assert ("organization", "شركة مايكروسوفت") in _names("أعلنت شركة مايكروسوفت عن منتج جديد يوم الاثنين.")
    assert ("organization", "شركة الهند الشرقية البريطانية") in _names("عمل في شركة الهند الشرقية البريطانية.")
    # a proclitic stays outside; a quote between head and name cuts it (شركة "إي-أون" -> إي-أون)
    assert ("organization", "شركة مايكروسوفت") in _names("قال مسؤول لشركة مايكروسوفت إن المنتج جديد.")
    assert ("organization", "إي-أون") in _names('أعلنت شركة "إي-أون" عن خطة جديدة.')

"""Lead, twenty-fourth session: the ordinal that numbers an item of a list is no teller of what follows its colon
(the fifteenth blind sample credited a cabinet decision to "Fifth": «خامسًا: وافق مجلس الوزراء على ...»)."""
from riwaya.analyze import analyze
from riwaya.models import Document

TEXT = ("عقد مجلس الوزراء جلسته أمس برئاسة خادم الحرمين الشريفين وقرر ما يلي:\n\n"
        " خامسًا: وافق مجلس الوزراء على اعتماد الحساب الختامي للمؤسسة العامة للموانئ للعام المالي 1434 - 1435هـ.\n\n"
        " سادسًا: بعد النظر في قرار مجلس الشورى رقم (35 - 22) وتاريخ 26 - 5 - 1436هـ، قرر مجلس الوزراء الموافقة على "
        "تعديل المادة (السادسة) من نظام مكافحة جرائم المعلوماتية.\n\n"
        "حكومة اليمن: قوات الحوثي تقصف عدن\n")


def _tellers():
    a = analyze(Document(id="d", text=TEXT))
    return {e.trigger: [x["name"] for x in e.attribution.chain] for e in a.events}


def test_a_list_ordinal_before_a_colon_is_no_teller():
    tellers = _tellers()
    assert tellers["وافق"] == [] and tellers["قرار"] == []


def test_a_teller_before_a_headline_colon_still_is():
    assert _tellers()["تقصف"] == ["حكومة اليمن"]

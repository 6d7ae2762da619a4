"""An event's independent accounts stay independent (issue #15, recon20). Two outlets that both quote one voice (the
interior ministry) share that voice's account, but neither outlet's own reporting is folded into it through that:
before, every evidence of the two outlets' documents became one account, so a disagreement between an outlet's own
lead and the ministry read as one account revising itself (the Asir bombing of the clusters corpus' dev story, okaz's
own 12 against the ministry's 10; config ``independence.accounts_by_voice``). A word that names no one who speaks
("عدد" of "أظهرت عدد من الصور", "بالقول", a rumour, "متنهدا") is no voice of an isnad (``independence.no_voice_words``).
"""
import os

from riwaya.reconcile import reconcile
from riwaya.reconcile.text import config
from riwaya.reconcile.values import no_voice

from tests.test_conflicts_counts import ENTS, _doc, _k

os.environ.setdefault("RIWAYA_ENCODER", "0")

OWN_A = "قتل 12 من منسوبي قوات الطوارئ في تفجير انتحاري استهدف مسجدا في أبها ظهر أمس."
MOI_A = "وأعلنت وزارة الداخلية أن التفجير الانتحاري في مسجد أبها أسفر عن استشهاد 10 من منسوبي قوات الطوارئ."
OWN_B = "استشهد 12 من رجال الأمن في تفجير إرهابي داخل مسجد لقوات الطوارئ بمدينة أبها."
MOI_B = "وقال المتحدث باسم وزارة الداخلية إن 10 من منسوبي القوات استشهدوا في التفجير الذي استهدف المسجد في أبها."

ABHA = {"id": "abha", "type": "place", "name_ar": "أبها", "name_en": "Abha", "aliases": [], "kb_id": None,
        "coordinates": [18.22, 42.50], "attrs": {"kind": "city", "country": "SA"}}
MOI = {"id": "moi", "type": "organization", "name_ar": "وزارة الداخلية", "name_en": "interior ministry",
       "aliases": [], "kb_id": None, "coordinates": None}
ALL = ENTS + [ABHA, MOI]
ASSAD = {"id": "assad", "type": "person", "name_ar": "بشار الأسد", "name_en": "Bashar al-Assad", "aliases": ["الأسد"],
         "kb_id": "person:assad", "coordinates": None}
KA = {"context": ["abha"], "place": "abha", "time": None}


def _switch(monkeypatch, key, value):
    monkeypatch.setitem(config()["independence"], key, value)


def _event(monkeypatch, by_voice):
    _switch(monkeypatch, "accounts_by_voice", by_voice)
    text_a, text_b = OWN_A + " " + MOI_A, OWN_B + " " + MOI_B
    docs = [_doc("a", text_a, "A", "2015-08-07"), _doc("b", text_b, "B", "2015-08-07")]
    moi = ("وزارة الداخلية", "source_outlet")
    ms = [_k("a0", "a", OWN_A, amount="12", chain=[("A", "outlet")], start=0, end=len(OWN_A), **KA),
          _k("a1", "a", MOI_A, amount="10", chain=[("A", "outlet"), moi], start=len(OWN_A) + 1, end=len(text_a), **KA),
          _k("b0", "b", OWN_B, amount="12", chain=[("B", "outlet")], start=0, end=len(OWN_B), **KA),
          _k("b1", "b", MOI_B, amount="10", chain=[("B", "outlet"), moi], start=len(OWN_B) + 1, end=len(text_b), **KA)]
    for m in ms:
        m["attribution"]["chain"] = [dict(link, entity="moi") if link["name"] == "وزارة الداخلية" else link
                                     for link in m["attribution"]["chain"]]
    evs = [e for e in reconcile(docs, ms, ALL)["events"] if len(e["evidence"]) == 4]
    assert len(evs) == 1, "the four reports are one happening"
    return evs[0]


def test_two_outlets_quoting_one_voice_keep_their_own_accounts(monkeypatch):
    ev = _event(monkeypatch, True)
    acc = {e["mention"]: e["independent_account"] for e in ev["evidence"]}
    assert acc["a1"] == acc["b1"] == "moi"                # one voice quoted by both: one account
    assert acc["a0"] != acc["b0"] and "moi" not in (acc["a0"], acc["b0"])
    assert len(ev["accounts"]) == 3 and ev["corroboration"] == 3
    # the count 12 is told by two independent accounts (the outlets' own), the 10 by one (the ministry)
    by_count = {str(r["value"]): r["corroboration"] for r in ev["values"]["amount"]}
    assert by_count == {"12": 2, "10": 1}


def test_switched_off_the_outlets_collapse_into_the_voice(monkeypatch):
    ev = _event(monkeypatch, False)
    assert len({e["independent_account"] for e in ev["evidence"]}) == 1
    assert len(ev["accounts"]) == 1 and ev["corroboration"] == 1


def test_words_that_name_no_voice():
    for w in ("عدد", "عدداً", "بالقول", "متنهدا", "مهدداً", "هويته", "شائعة", "الشائعات", "وأضاف", "rumours"):
        assert no_voice(w), w
    for w in ("مصادر", "المرصد", "محمد", "مها", "موسى", "منصور", "مصطفى", "عدد من دول قوات التحالف", "Reuters"):
        assert not no_voice(w), w


def _sourced(monkeypatch, on, link):
    _switch(monkeypatch, "no_voice_words", on)
    text = "أظهرت عدد من الصور تطهير محافظة الضالع من الانقلابيين بعد أن طردت قوات المقاومة الشعبية الحوثيين."
    ms = [_k("k0", "a", text, chain=[("A", "outlet"), link], **KA)]
    ev = reconcile([_doc("a", text, "A")], ms, ALL)["events"][0]
    return [x["name"] for x in ev["evidence"][0]["attribution"]["chain"]]


def test_a_word_read_as_the_voice_is_left_out_of_the_isnad(monkeypatch):
    assert _sourced(monkeypatch, True, ("عدد", "unnamed_source")) == ["A"]
    assert _sourced(monkeypatch, False, ("عدد", "unnamed_source")) == ["A", "عدد"]
    assert _sourced(monkeypatch, True, ("مصادر", "unnamed_source")) == ["A", "مصادر"]


def _statement(monkeypatch, own_n, on=True):
    """Outlet A prints its own lead (`own_n` killed) and the ministry's statement (12); outlet B quotes the ministry."""
    _switch(monkeypatch, "accounts_by_voice", True)
    _switch(monkeypatch, "one_statement_one_account", on)
    text_a, text_b = OWN_A + " " + MOI_A, MOI_B
    docs = [_doc("a", text_a, "A", "2015-08-07"), _doc("b", text_b, "B", "2015-08-07")]
    moi = {"name": "وزارة الداخلية", "kind": "source_outlet", "entity": "moi"}
    ms = [_k("a0", "a", OWN_A, amount=own_n, chain=[("A", "outlet")], start=0, end=len(OWN_A), **KA),
          _k("a1", "a", MOI_A, amount="12", chain=[("A", "outlet")], start=len(OWN_A) + 1, end=len(text_a), **KA),
          _k("b1", "b", MOI_B, amount="12", chain=[("B", "outlet")], start=0, end=len(text_b), **KA)]
    for m in ms[1:]:
        m["attribution"]["chain"].append(dict(moi))
    ev = next(e for e in reconcile(docs, ms, ALL)["events"] if len(e["evidence"]) == 3)
    return {e["mention"]: e["independent_account"] for e in ev["evidence"]}


def test_an_outlet_printing_one_statement_is_one_account(monkeypatch):
    acc = _statement(monkeypatch, "12")
    assert acc["a0"] == acc["a1"] == acc["b1"] == "moi"
    acc = _statement(monkeypatch, "12", on=False)
    assert acc["a1"] == acc["b1"] == "moi" != acc["a0"]


def test_an_outlet_whose_own_lead_differs_from_the_statement_is_its_own_account(monkeypatch):
    acc = _statement(monkeypatch, "15")
    assert acc["a1"] == acc["b1"] == "moi" != acc["a0"]


def _translated(monkeypatch, on):
    _switch(monkeypatch, "accounts_by_voice", True)
    _switch(monkeypatch, "translation_one_account", on)
    _switch(monkeypatch, "one_statement_one_account", False)     # (which would join these two too)
    ar = "غادر الأسد المكان دون إخبار أحد بوجهته، متجها إلى قاعدة حميميم الجوية، ومن ثم إلى موسكو قبل شروق الشمس."
    en = "Assad left without informing anyone of his destination, heading to Khmeimim Airbase, and then to Moscow."
    text = ar + "\n" + en
    doc = {"id": "t", "text": text, "outlet": "Alhurra", "title": None, "published": "2024-12-09",
           "language": "ar", "languages": ["ar", "en"],
           "paragraphs": [{"start": 0, "end": len(ar), "lang": "ar"}, {"start": len(ar) + 1, "end": len(text), "lang": "en"}]}
    ms = [_k("x1", "t", ar, typ="departure", chain=[("Alhurra", "outlet")], start=0, end=len(ar),
             parts=[("assad", "agent")], **KA),
          _k("x2", "t", en, typ="departure", chain=[("Alhurra", "outlet"), ("NBC News", "source_outlet")],
             start=len(ar) + 1, end=len(text), parts=[("assad", "agent")], **KA)]
    for m in ms:
        m["class"] = "movement"
    rel = [{"kind": "translation", "doc": "t", "a": [0, len(ar)], "b": [len(ar) + 1, len(text)], "lang_a": "ar",
            "lang_b": "en", "score": 0.8, "method": "test",
            "pairs": [{"a": [0, len(ar)], "b": [len(ar) + 1, len(text)], "score": 0.8}]}]
    out = reconcile([doc], ms, ALL + [ASSAD], relations=rel)
    ev = next(e for e in out["events"] if len(e["evidence"]) == 2)
    return {e["mention"]: e["independent_account"] for e in ev["evidence"]}


def test_a_document_never_disagrees_with_its_translation(monkeypatch):
    acc = _translated(monkeypatch, True)
    assert acc["x1"] == acc["x2"]
    acc = _translated(monkeypatch, False)
    assert acc["x1"] != acc["x2"]


def test_copies_do_not_chain_outlets_into_one_account(monkeypatch):
    """A1 copies B1 and B2 copies C1; A3 copies nothing: the old union (copies and one outlet's articles together)
    makes one account of all five; unchained, the two copy pairs and outlet A's own article are three."""
    from riwaya.reconcile.core import _accounts, _houses
    docs = [{"id": i, "outlet": i[0]} for i in ("A1", "A3", "B1", "B2", "C1")]
    rel = [{"kind": "copy", "docs": ["A1", "B1"]}, {"kind": "copy", "docs": ["B2", "C1"]}]
    assert len(set(_accounts(docs, rel).values())) == 1
    h = _houses(docs, rel)
    assert len(set(h.values())) == 3 and h["A1"] == h["B1"] != h["B2"] == h["C1"] != h["A3"]
    # an outlet's articles that copy nothing stay one account
    docs.append({"id": "A4", "outlet": "A"})
    assert _houses(docs, rel)["A4"] == _houses(docs, rel)["A3"]


def test_unchained_accounts_reach_the_event(monkeypatch):
    """Two outlets' own reports of one happening, each outlet also printing a copy of a third's other article: one
    account chained, two unchained."""
    _switch(monkeypatch, "accounts_by_voice", True)
    docs = [_doc("a", OWN_A, "A", "2015-08-07"), _doc("b", OWN_B, "B", "2015-08-07")]
    ms = [_k("a0", "a", OWN_A, amount="12", chain=[("A", "outlet")], **KA),
          _k("b0", "b", OWN_B, amount="12", chain=[("B", "outlet")], **KA)]
    other = "بحث وزير الخارجية مع نظيره الفرنسي العلاقات الثنائية بين البلدين في اتصال هاتفي اليوم."
    docs += [_doc("a2", other, "A", "2015-08-07"), _doc("c", other, "C", "2015-08-07"),
             _doc("b2", other + " ", "B", "2015-08-07")]
    rel = [{"kind": "copy", "docs": ["a2", "c"]}, {"kind": "copy", "docs": ["c", "b2"]}]
    for mode, n in ((False, 1), (True, 2), ("all", 2)):
        _switch(monkeypatch, "unchained_accounts", mode)
        ev = next(e for e in reconcile(docs, ms, ALL, relations=rel)["events"] if len(e["evidence"]) == 2)
        assert len(ev["accounts"]) == n, mode
        assert len({e["account"] for e in ev["evidence"]}) == (2 if mode == "all" else 1)


def test_copies_stay_one_account_with_the_voices_they_quote(monkeypatch):
    """Two copies of one text whose editors named the voice otherwise (a person, "local authorities") are one account
    with the voices quoted, as before (tests/test_reconcile.py); by_voice applies to documents that are no copies."""
    from tests.test_reconcile import test_copies_with_different_named_links_stay_one_account as copies_one
    for unchained in (True, False):
        _switch(monkeypatch, "unchained_accounts", unchained)
        copies_one()


def test_a_time_check_cycle_of_one_outlet_is_no_finding(monkeypatch):
    """The fifth unseen sample: Hadi "left Aden after 6 August" against "left Saudi Arabia before 5 August", both told
    by Asharq Al-Awsat (its report and a voice it quotes, now two accounts): one outlet against itself."""
    from types import SimpleNamespace
    from riwaya.timecheck import Constraint, _one_outlet
    ctx = SimpleNamespace(docs={"d1": {"outlet": "aawsat"}, "d2": {"outlet": "aawsat"}, "d3": {"outlet": "alriyadh"}})
    src = lambda *docs: SimpleNamespace(evidence=[{"doc": d} for d in docs])      # noqa: E731
    one = [Constraint("a", "b", 1, {"account": "x", "src": src("d1")}), Constraint("b", "a", -2, {"account": "y", "src": src("d2")})]
    two = [one[0], Constraint("b", "a", -2, {"account": "y", "src": src("d3")})]
    assert _one_outlet(one, ctx) and not _one_outlet(two, ctx)
    _switch(monkeypatch, "time_check_outlets", False)
    assert not _one_outlet(one, ctx)

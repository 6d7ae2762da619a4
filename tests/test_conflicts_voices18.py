"""Two voices in one outlet (issue #15, conf18; the sixth unseen sample, unseen_conflicts_judged_sixth.tsv): a figure of
one named voice and a different figure of another, printed by one outlet in two reports, are two accounts, not the
outlet revising itself (Egypt's mufti's 17 security men killed at Asir against the interior ministry's 12, both in
aawsat); one voice that updates itself stays a revision: a voice and the one speaking for it (the ministry and its
spokesman), an unnamed source or a toll told as if it spoke ("الحصيلة السابقة"), "إلحاقاً لما سبق إعلانه" against
the same voice. Counts told as those who remain ("خمسة مصابين ما زالوا يتلقون العلاج") are a part of a toll. A body
named as a happening's place does not name it ("the killing in special emergency forces"). Real sentences."""
import os

from riwaya.reconcile import reconcile
from riwaya.reconcile.conflicts import _subject_role
from riwaya.reconcile.text import config
from riwaya.reconcile.values import named_voice, remaining_told, revision_cue, self_revision_cue, voice_within

from tests.test_conflicts_counts import ENTS, _doc, _k
from tests.test_conflicts_density import _contradictions

os.environ.setdefault("RIWAYA_ENCODER", "0")

MUFTI = ("أدان مفتي مصر، الدكتور شوقي علام، العملية الإرهابية الغاشمة التي قام فيها مجرمون بتفجير مسجد لقوات الطوارئ "
         "في مدينة أبها السعودية، مما أسفر عن «استشهاد» 17 من رجال الأمن وإصابة العشرات.")
MINISTRY = ("يذكر أن وزارة الداخلية السعودية، أعلنت أن انتحاريا فجر نفسه بحزام ناسف أول من أمس، داخل مسجد في مقر قوات "
            "الطوارئ الخاصة في مدينة أبها، ونتج عن الحادثة «استشهاد» 12 من رجال الأمن، وثلاثة من العاملين في الموقع.")
SPOKESMAN = ("وكان المتحدث الأمني بوزارة الداخلية قد صرح امس أنه حدث تفجير في جموع المصلين في مسجد مقر القوات في أبها نتج "
             "عنه استشهاد 17 من رجال الأمن.")
PREVIOUS = "وكانت الحصيلة السابقة أشارت إلى استشهاد 17 من رجال الأمن في تفجير مسجد مقر القوات في أبها."
REMAINING = ("وأوضح المتحدث الإعلامي لصحة عسير سعيد النقير أن خمسة مصابين ما زالوا يتلقون العلاج في قسم الجراحة العامة "
             "بمستشفى عسير المركزي في أبها، فيما خرج باقي المصابين من المستشفى بعد تحسن حالاتهم.")
WOUNDED = ("وأعلنت وزارة الداخلية أن التفجير في مسجد مقر القوات في أبها أسفر عن استشهاد 12 من رجال الأمن وإصابة تسعة "
           "آخرين.")

ABHA = {"id": "abha", "type": "place", "name_ar": "أبها", "name_en": "Abha", "aliases": [], "kb_id": None,
        "coordinates": [18.22, 42.50], "attrs": {"kind": "city", "country": "SA"}}
MOI = {"id": "moi", "type": "organization", "name_ar": "وزارة الداخلية", "name_en": "interior ministry",
       "aliases": ["وزارة الداخلية السعودية"], "kb_id": None, "coordinates": None}
NAQIR = {"id": "naqir", "type": "person", "name_ar": "سعيد النقير", "name_en": "Said Al-Naqir", "aliases": [],
         "kb_id": None, "coordinates": None}
ALL = ENTS + [ABHA, MOI, NAQIR]
KA = {"context": ["abha"], "place": "abha", "time": None}


def _three(a, voice_a, b, voice_b, n_a, n_b, unit="killed"):
    """Outlet A prints `a` (told by voice_a) and, in another report, `b` (voice_b); outlet B prints `a` again."""
    docs = [_doc("a1", a, "A", "2015-08-07"), _doc("a2", b, "A", "2015-08-08"), _doc("b1", a, "B", "2015-08-07")]
    ms = [_k("k0", "a1", a, amount=n_a, chain=[("A", "outlet"), (voice_a, "person")], **KA),
          _k("k1", "a2", b, amount=n_b, chain=[("A", "outlet"), (voice_b, "organization")], **KA),
          _k("k2", "b1", a, amount=n_a, chain=[("B", "outlet"), (voice_a, "person")], **KA)]
    return _contradictions(reconcile(docs, ms, ALL), "amount")


def _counts_switch(monkeypatch, key, value):
    monkeypatch.setitem(config()["conflicts"]["counts"], key, value)


def test_named_voices_and_voices_within():
    assert named_voice("مفتي مصر، الدكتور شوقي علام") and named_voice("المتحدث الأمني بوزارة الداخلية")
    assert not named_voice("مصادر عسكرية") and not named_voice("الحصيلة السابقة") and not named_voice("مسؤولون")
    assert not named_voice("المسؤول الصحي") and not named_voice("security sources") and not named_voice("الخاصة")
    assert voice_within("المتحدث الأمني بوزارة الداخلية", "وزارة الداخلية")
    assert voice_within("Interior Ministry spokesman", "interior ministry")
    assert not voice_within("وزارة الداخلية", "المتحدث الأمني بوزارة الداخلية")
    assert not voice_within("مفتي مصر، الدكتور شوقي علام", "وزارة الداخلية | interior ministry")


def test_cues_of_a_voice_updating_itself_and_of_those_who_remain():
    assert revision_cue(PREVIOUS) and revision_cue("The previous toll was four.")
    assert self_revision_cue("صرح المتحدث الأمني بوزارة الداخلية بأنه إلحاقاً لما سبق إعلانه يوم الخميس")
    assert not revision_cue("صرح المتحدث الأمني بوزارة الداخلية بأنه إلحاقاً لما سبق إعلانه يوم الخميس")
    assert remaining_told(REMAINING, 5) and not remaining_told(REMAINING, 9)
    assert remaining_told("Five wounded are still in hospital.", 5)


def test_two_named_voices_of_one_outlet_are_two_accounts(monkeypatch):
    """aawsat prints the mufti's 17 and the ministry's 12: not its own revision, so aljazirah's 17 (the mufti's)
    stands against aawsat's 12."""
    assert len(_three(MUFTI, "مفتي مصر، الدكتور شوقي علام", MINISTRY, "وزارة الداخلية السعودية", "17", "12")) == 1
    _counts_switch(monkeypatch, "named_voices", False)
    assert _three(MUFTI, "مفتي مصر، الدكتور شوقي علام", MINISTRY, "وزارة الداخلية السعودية", "17", "12") == []


def test_a_voice_and_its_spokesman_are_one_voice(monkeypatch):
    """The ministry's spokesman's 17 and the ministry's 12, both printed by outlet A: one voice revising itself."""
    _counts_switch(monkeypatch, "named_voices", True)
    assert _three(SPOKESMAN, "المتحدث الأمني بوزارة الداخلية", MINISTRY, "وزارة الداخلية السعودية", "17", "12") == []
    # the same sentence told by a voice of its own is another account
    assert len(_three(SPOKESMAN, "مفتي مصر، الدكتور شوقي علام", MINISTRY, "وزارة الداخلية السعودية", "17", "12")) == 1


def test_a_toll_told_as_if_it_spoke_is_no_voice():
    """"وكانت الحصيلة السابقة أشارت إلى ..." (the previous toll) is an earlier toll, not a voice of its own."""
    assert _three(PREVIOUS, "الحصيلة السابقة", MINISTRY, "وزارة الداخلية السعودية", "17", "12") == []


def test_those_who_remain_are_a_part_of_the_toll(monkeypatch):
    """The ministry's 9 wounded against the hospital's 5 "still being treated": a part, not a rival."""
    docs = [_doc("a1", WOUNDED, "A", "2015-08-07"), _doc("a2", REMAINING, "A", "2015-08-08"),
            _doc("b1", WOUNDED, "B", "2015-08-07")]
    ms = [_k("k0", "a1", WOUNDED, amount="9", typ="injury", chain=[("A", "outlet"), ("وزارة الداخلية", "organization")], **KA),
          _k("k1", "a2", REMAINING, amount="5", typ="injury", chain=[("A", "outlet"), ("سعيد النقير", "person")], **KA),
          _k("k2", "b1", WOUNDED, amount="9", typ="injury", chain=[("B", "outlet"), ("وزارة الداخلية", "organization")], **KA)]
    assert _contradictions(reconcile(docs, ms, ALL), "amount") == []
    _counts_switch(monkeypatch, "remaining", False)
    assert len(_contradictions(reconcile(docs, ms, ALL), "amount")) == 1


class _Ents:
    def __init__(self, ents):
        self.by_id = {e["id"]: e for e in ents}

    def label(self, v, lang, clean=False):
        e = self.by_id[v]
        return e["name_ar"] if lang == "ar" else e["name_en"]


def test_a_body_is_no_place_to_name_a_happening_by(monkeypatch):
    forces = {"id": "forces", "type": "organization", "name_ar": "قوات الطوارئ الخاصة",
              "name_en": "special emergency forces"}
    ents = _Ents([forces, ABHA])
    ev = {"class": "harm", "type": "killing", "participants": [], "place": "forces"}
    assert _subject_role(ev, ents, "en") == (None, None)
    assert _subject_role({**ev, "place": "abha"}, ents, "en") == ("Abha", "place")
    monkeypatch.setitem(config()["conflicts"], "label_place_not_actor", False)
    assert _subject_role(ev, ents, "en") == ("special emergency forces", "place")


def test_one_outlet_alone_printing_two_named_voices_lists_them(monkeypatch):
    """Outlet A alone prints the mufti's 17 (one report) and the ministry's 12 (another): two accounts, listed
    though no other outlet prints either (the outlet filter of two_outlets lets two named voices of one outlet
    stand against each other); with named_voices off, one outlet is never against itself."""
    docs = [_doc("a1", MUFTI, "A", "2015-08-07"), _doc("a2", MINISTRY, "A", "2015-08-08")]
    ms = [_k("k0", "a1", MUFTI, amount="17", chain=[("A", "outlet"), ("مفتي مصر، الدكتور شوقي علام", "person")], **KA),
          _k("k1", "a2", MINISTRY, amount="12", chain=[("A", "outlet"), ("وزارة الداخلية السعودية", "organization")],
             **KA)]
    assert len(_contradictions(reconcile(docs, ms, ALL), "amount")) == 1
    _counts_switch(monkeypatch, "named_voices", False)
    assert _contradictions(reconcile(docs, ms, ALL), "amount") == []

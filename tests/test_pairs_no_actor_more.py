"""Merge recall on the clusters corpus (issue #15, clust20): more words that tell no main actor. A projectile or a
pistol (what was used), "متأثرا بجروحه" (succumbing to his wounds: how he died), "للتأكد" (to make sure: a purpose
clause) read as the one hit or the doer keep reports of one happening apart; and a word under two proclitics
("ولظروف") is read as one under one ("لظروف" -> "ظروف")."""
import os
import sys

import pytest

from riwaya.reconcile import core

os.environ.setdefault("RIWAYA_ENCODER", "0")

sys.path.insert(0, os.path.join(os.path.dirname(__file__)))
from test_pairs_means_things import _hit, _pair, hand_only  # noqa: E402,F401


@pytest.mark.parametrize("span", ["مقذوف عسكري", "مقذوفات", "بمسدس", "قذائف هاون", "متاثرا بجروحه",
                                  "متاثره باصابته", "للتاكد من", "ولظروف صحيه"])
def test_more_spans_tell_no_actor(hand_only, span):
    assert core._vague_span("raw:" + core.normalize(span)), span


@pytest.mark.parametrize("span", ["جموع المصلين", "والد الرضيع", "المتهم", "سفينه ثانيه"])
def test_people_and_things_stay_actors(hand_only, span):
    assert not core._vague_span("raw:" + span), span


def test_succumbing_is_no_second_man(hand_only):
    """"توفي متأثرا بجروحه" against another report's "توفي والد الرضيع": the adverb is no main actor, so the two
    deaths are not kept apart as two men (raw/raw clash)."""
    died = _hit("x0", "s0", "والد الرضيع", typ="death")
    succumbed = _hit("x1", "s1", "متاثرا بجروحه", typ="death")
    a, b, fa, fb = _pair(died, succumbed)
    assert not fb["actors"] and core._pair_ok(a, b, fa, fb)

"""A deictic day word keeps its meaning under the article and the clitics و/ب (reconcile.values.deictic)."""
from riwaya.reconcile.values import deictic


def test_deictic_with_clitics():
    for text in ("بالأمس", "وبالأمس", "وأمس", "أمس", "صباح اليوم", "الليلة", "yesterday"):
        assert deictic(text), text


def test_a_named_day_is_not_deictic():
    for text in ("يوم الخميس", "7 أغسطس", "الأسبوع الماضي", None, ""):
        assert not deictic(text), text

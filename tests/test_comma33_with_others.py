"""Issue #14 (comma33): a figure told as the others with someone named before it ("استشهد مع عشرة من زملائه") is
not the toll: at least one more (values.with_others, values.yaml counts.with_others, switch values.WITH_OTHERS);
one told as some among a group ("ثلاثة من بين القتلى") is at least itself."""
import pytest

import riwaya.reconcile.values as V
from riwaya.reconcile.values import Count, count_rel, parse_count, with_others


@pytest.mark.parametrize("sentence, n, more", [
    ("يذكر أن الشاب ممدوح الحارثي استشهد مع عشرة من زملائه في التفجير الآثم أثناء أدائهم الصلاة", 10, 1),
    ("لقي قيادي حوثي بارز و12 من مرافقيه مصرعهم يوم الأحد في كمين", 12, 1),
    ("قتلت سيدة وثلاثة من أطفالها جراء قصف ببراميل متفجرة", 3, 1),
    ("خطفت قائد الفرقة مع 17 من مقاتليه يوم الخميس", 17, 1),
    ("The officer was killed along with 10 of his colleagues in the blast", 10, 1),
    ("قتل ثلاثة من بين القتلى أطفال", 3, 0),
])
def test_shapes(sentence, n, more):
    assert with_others(sentence, n) == more


@pytest.mark.parametrize("sentence, n", [
    ("أسفر الهجوم عن مقتل 22 من عناصره قرب المدينة", 22),        # no conjunction: the toll itself
    ("قتل ثلاثة من أفراد الجيش في الهجوم", 3),                     # a group, no owner
    ("استشهد 5 من الجنود ومع 3 من رفاقه", 5),                      # the figure's first telling decides
    ("أسفر الهجوم عن مقتل 15 شخصا", 15),
    ("killed 10 of the soldiers", 10),
])
def test_not_the_shape(sentence, n):
    assert with_others(sentence, n) is None


def test_count_and_switch(monkeypatch):
    s = "يذكر أن الشاب استشهد مع عشرة من زملائه في التفجير"
    c = parse_count("10", s)
    assert c == Count(11, at_least=True)
    assert count_rel(c, Count(15)) == "precision"       # the sixth sample's 15 killed: no rival
    monkeypatch.setattr(V, "WITH_OTHERS", False)
    assert parse_count("10", s) == Count(10)


def test_shipped():
    assert V.WITH_OTHERS is True


def test_train_events_ar_punct_option():
    """scripts/train_events.py fits on the tokens --ar-punct names (learned.AR_PUNCT's modes; comma33)."""
    import subprocess
    import sys
    from pathlib import Path
    root = Path(__file__).resolve().parents[1]
    out = subprocess.run([sys.executable, str(root / "scripts" / "train_events.py"), "--help"], capture_output=True,
                         text=True, env={"PYTHONHASHSEED": "0", "PATH": "/usr/bin:/bin"}, cwd=root, timeout=600)
    assert out.returncode == 0 and "--ar-punct" in out.stdout and "apart" in out.stdout

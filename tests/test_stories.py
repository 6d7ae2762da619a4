"""Story clustering (reconcile/stories.py): documents of one story within a few days meet; a story told
again days later joins only by near copies of its words (config story.far_day_gap, far_min_cosine)."""
import os

from riwaya.reconcile.stories import story_clusters
from riwaya.reconcile.text import config

os.environ.setdefault("RIWAYA_ENCODER", "0")

VERDICT = ("قضت محكمة جنايات القاهرة بالسجن المشدد خمس سنوات على وزير الداخلية الأسبق بتهمة استغلال "
           "منصبه في تسخير مجندين للعمل في أراض يملكها، وألزمته برد المبالغ وغرامة مالية كبيرة.")
OTHER = ("افتتح وزير الصحة مستشفى جديدا في المنطقة الشرقية بسعة مئتي سرير، وقال إن المستشفى يخدم "
         "سكان المحافظات المجاورة ويضم أقساما للطوارئ والعناية المركزة والأطفال.")


def _doc(i, text, day, title):
    return {"id": i, "text": text, "title": title, "published": f"2015-07-{day:02d}", "language": "ar"}


def _filler(n):
    # unrelated documents: the idf of a story's words is that of a corpus, not of three documents
    return [_doc(f"z{k}", f"خبر رقم {k} عن موضوع مختلف {k * 7} وكلمات أخرى {k * 13}", 10, f"عنوان {k}")
            for k in range(n)]


def test_a_story_told_again_days_later_joins_by_near_copies():
    cfg = config()["story"]
    assert cfg["far_day_gap"] > cfg["max_day_gap"] and cfg["far_min_cosine"] > cfg["min_cosine"]
    title = "السجن خمس سنوات لوزير الداخلية الأسبق"
    docs = [_doc("a", VERDICT, 10, title), _doc("b", VERDICT + " وقال محاميه إنه سيطعن.", 10 + cfg["far_day_gap"],
                                                title)]
    docs += [_doc("c", OTHER, 10 + cfg["far_day_gap"], "وزير الصحة يفتتح مستشفى")] + _filler(20)
    groups = story_clusters(docs)
    assert ["a", "b"] in groups and ["c"] in groups
    late = [_doc("a", VERDICT, 10, title), _doc("b", VERDICT, 11 + cfg["far_day_gap"], title)] + _filler(20)
    assert ["a"] in story_clusters(late)        # beyond far_day_gap: two stories

"""Stories with the corpus-wide statistics frozen between full runs (riwaya/story_index.py): an
incremental run is exactly the clustering of the current documents under the stored statistics,
whatever batches they came in; where the statistics do not move the stories are those of a full run."""
import json
import os
import random

from riwaya import story_index
from riwaya.reconcile.stories import story_clusters

os.environ.setdefault("RIWAYA_ENCODER", "0")

TOPICS = [
    "افتتح وزير الصحة مستشفى جديدا في المنطقة الشرقية بسعة مئتي سرير للطوارئ والعناية المركزة",
    "قضت محكمة الجنايات بالسجن المشدد على وزير الداخلية الأسبق بتهمة استغلال منصبه",
    "ارتفعت أسعار النفط في الأسواق العالمية بعد قرار منظمة أوبك خفض الإنتاج الشهر المقبل",
    "أعلن الاتحاد الآسيوي لكرة القدم مواعيد مباريات دوري الأبطال في الدور ربع النهائي",
    "هطلت أمطار غزيرة على مدن الجنوب وأغلقت السيول الطرق الرئيسية وأوقفت الدراسة",
    "وقعت الحكومة اتفاقية لبناء محطة تحلية مياه البحر على الساحل الغربي بتكلفة كبيرة",
]


def _doc(i, text, day, title):
    return {"id": i, "text": text, "title": title, "published": f"2015-07-{day:02d}", "language": "ar"}


def corpus(n_per_topic=4, filler=40, seed=0):
    """Documents of a few clear stories (the same words, a day apart at most) among unrelated ones."""
    rnd = random.Random(seed)
    docs = []
    for t, text in enumerate(TOPICS):
        for k in range(n_per_topic):
            words = text.split()
            rnd.shuffle(words)
            docs.append(_doc(f"s{t}-{k}", text + " " + " ".join(words[:4]), 10 + (k % 2), " ".join(text.split()[:5])))
    letters = "بتثجحخدذرزسشصضطظعغفقكلمنهوي"

    def word():
        return "".join(rnd.choice(letters) for _ in range(5))
    # unrelated documents, of words of their own (and a few common ones)
    docs += [_doc(f"z{k:03d}", " ".join(word() for _ in range(15)) + " قال المصدر", 10 + k % 3,
                  " ".join(word() for _ in range(3))) for k in range(filler)]
    return docs


def run(docs, state=None, full=False):
    frozen, since = state or (None, None)
    story_of, f_new, s_new, figures = story_index.stories(docs, {}, frozen, since, full)
    # through JSON, as the store keeps them
    frozen = json.loads(json.dumps(f_new if f_new is not None else frozen))
    return story_of, (frozen, json.loads(json.dumps(s_new))), figures


def stories_of(story_of):
    groups = {}
    for d, n in story_of.items():
        groups.setdefault(n, []).append(d)
    return sorted(sorted(g) for g in groups.values())


def test_a_full_run_is_story_clusters():
    docs = corpus()
    story_of, _state, figures = run(docs)
    assert figures["stories"] == "full" and figures["stories_reason"] == "none stored (or damaged)"
    clusters = story_clusters(docs)
    assert story_of == {d: n for n, c in enumerate(clusters) for d in c}
    assert [f"s0-{k}" for k in range(4)] in clusters


def test_incremental_equals_from_scratch_under_the_frozen_statistics_in_any_batches():
    docs = corpus(n_per_topic=6, filler=200)
    rnd = random.Random(1)
    rnd.shuffle(docs)
    base, rest = docs[:-12], docs[-12:]
    _s, state, _f = run(base)
    one, _st, figures = run(base + rest, state)                 # all twelve at once
    assert figures["stories"] == "incremental" and figures["stories_new"] == 12
    st = state
    for i in range(0, 12, 5):                                 # in batches of five, two and five
        many, st, _f = run(base + rest[:i + 5], st)
    assert many == one == story_index.frozen_clusters(base + rest, {}, state[0])
    # where the statistics do not move (clear stories, a large corpus), what a full run finds
    assert stories_of(one) == stories_of(run(base + rest)[0])
    # removing documents: their pairs go with them
    gone = {rest[0]["id"], next(d["id"] for d in base if d["id"].startswith("s"))}      # one of a story
    left = [d for d in base + rest if d["id"] not in gone]
    after, _st, figures = run(left, st)
    assert figures["stories"] == "incremental" and figures["stories_new"] == 0
    assert after == story_index.frozen_clusters(left, {}, state[0])
    back, _st, figures = run(base + rest, _st)          # and back again: compared again
    assert figures["stories_new"] == 2 and back == one


def test_a_new_document_of_a_known_story_joins_it():
    docs = corpus(filler=200)
    late = _doc("s2-late", TOPICS[2] + " وقال محللون إن الأسعار ستواصل الصعود", 11, " ".join(TOPICS[2].split()[:5]))
    _s, state, _f = run(docs)
    story_of, _st, figures = run(docs + [late], state)
    assert figures["stories"] == "incremental" and figures["stories_compared"] < len(docs) / 4
    assert story_of["s2-late"] == story_of["s2-0"] == story_of["s2-3"]


def test_full_runs_when_asked_when_the_code_changes_or_the_corpus_grew_past_the_fraction(monkeypatch):
    docs = corpus(filler=100)
    _s, state, _f = run(docs[:-5])
    assert run(docs, state, full=True)[2]["stories_reason"] == "asked (--full)"
    grown = docs[:-5] + [_doc(f"y{k}", f"نص آخر {k}", 10, "عنوان") for k in range(20)]
    assert "since the statistics were frozen" in run(grown, state)[2]["stories_reason"]
    assert run(docs, (state[0], {"keys": 3}))[2]["stories_reason"] == "none stored (or damaged)"
    monkeypatch.setattr(story_index, "version", lambda: "another")
    assert run(docs, state)[2]["stories_reason"] == "the clustering's code or settings changed"


def test_a_changed_title_makes_the_document_new_again():
    docs = corpus(filler=100)
    _s, state, _f = run(docs)
    changed = [dict(d, title="عنوان جديد تماما") if d["id"] == "s1-0" else d for d in docs]
    story_of, _st, figures = run(changed, state)
    assert figures["stories"] == "incremental" and figures["stories_new"] == 1
    assert story_of == story_index.frozen_clusters(changed, {}, state[0])


def test_the_stage_stores_the_statistics_and_full_recomputes_them(built_db, corpus_dir, tmp_path):
    """The corpus stage keeps the statistics with its results; ``build --full`` runs the stage with
    nothing new and recomputes them, giving the same results."""
    from riwaya import blocks
    from riwaya.pipeline import build
    from riwaya.store import Store

    from .test_blocks import _corpus_dump, copy_store
    dst = tmp_path / "full.db"
    copy_store(built_db, dst)
    url = f"sqlite:///{dst}"
    s = Store(url)
    frozen = json.loads(s.corpus_stat(story_index.STATS_FROZEN))
    assert set(frozen["sigs"]) == {d["id"] for d in s.documents()}
    figures = blocks.refresh_store(s)            # nothing new, forced: the statistics kept
    assert figures["stories"] == "incremental" and figures["stories_new"] == 0
    assert _corpus_dump(url) == _corpus_dump(built_db)
    build([str(corpus_dir)], url, progress=False, full=True)
    last = s.corpus_journal(1)[0]
    assert last["stories"] == "full" and last["stories_reason"] == "asked (--full)"
    assert _corpus_dump(url) == _corpus_dump(built_db)


def test_build_help_states_the_policy():
    from click.testing import CliRunner

    from riwaya.cli import main
    out = CliRunner().invoke(main, ["build", "--help"]).output
    assert "--full" in out and "frozen" in out and "10%" in out

"""A 20,000-letter run with no space is no name to split (lead, twenty-seventh session): the test of two common
words run together read every split of the word, so such a run cost about 7 s of CPU in the name tagger alone and
left tests/test_hostile.py's budget to chance. Words longer than ner._GLUED_MAX are not split."""
import time

from riwaya import ner


def test_a_long_run_is_not_split_word_by_word():
    word = ("ضئبىىع" * 4000)[:20000]
    ner._foreign_letters("ضئبىىعب", 9.0)      # the word frequencies loaded first: their load is not the test
    t = time.process_time()
    ner._foreign_letters(word, 9.0)
    assert time.process_time() - t < 1.0


def test_two_common_words_run_together_are_still_found():
    assert ner._GLUED_MAX >= 30

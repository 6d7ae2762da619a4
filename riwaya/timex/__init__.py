"""riwaya's own temporal tagger: Arabic-first, English too, rules as data.

Why hand-written: ``dateparser`` misses Levantine/Syriac month names
(كانون الأول، تشرين الثاني), ordinal day words (الثامن من ديسمبر), parts of day
(فجر الأحد، ليلة السابع) and returns a guessed midnight instead of an interval;
HeidelTime (whose design this follows: resources per language, normalisation
anchored to the publication date and the narrative's last mentioned date) needs
Java and is GPL, so it cannot be a dependency.

Design: the words and regex fragments of each language live in
``riwaya/data/timex/<lang>.yaml``; ``lexicon`` loads them once and compiles the
piece patterns; ``tagger`` finds pieces (date, clock, part of day, weekday,
relative day, duration...), merges adjacent pieces into one expression
("الساعة 1:30 صباح الثامن من ديسمبر 2024"), and normalises each expression to
an interval [earliest, latest] with the local offset, in text order, keeping
the narrative date (the last day the text named) for partial expressions.
A time that cannot be pinned stays open (None), never a guessed midnight.

Public API::

    tag_times(text, lang="ar", anchor=None, tz="+03:00", retrieved=None) -> list[TimeMention]

``tz`` is the offset of the document's clock times; ``zone.choose(doc, kb)`` picks it from the
document's place (riwaya/data/timex/zones.yaml), as the per-document stage does. ``anchor`` is the
publication date; with none, ``retrieved`` (when the article was fetched) anchors relative times on a
window before it (``retrieved.py``, anchor "retrieved:DAY").
"""
from .tagger import tag_times

__all__ = ["tag_times"]

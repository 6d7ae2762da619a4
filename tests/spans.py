"""Hand-made mentions and paragraphs for the event-stage tests: a span is found by its text in the
sentence (the nth occurrence), so a test names what it means instead of counting characters."""
from riwaya.models import EntityMention, Paragraph


def span_of(text, words):
    """(start, end) of the first occurrence of words in text."""
    s = text.index(words)
    return s, s + len(words)


def M(text, s, typ, nth=0):
    """The entity mention of the nth occurrence of s in text."""
    i = -1
    for _ in range(nth + 1):
        i = text.index(s, i + 1)
    return EntityMention(i, i + len(s), s, typ, name=s)


def paras(text, lang="ar"):
    """One paragraph per non-empty line of text."""
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append(Paragraph(pos, pos + len(line), lang))
        pos += len(line) + 1
    return out


def extract_en(text, ments=(), pub="2015-09-12"):
    """The English rule stage's events of text, given its entity mentions, times read against the date pub."""
    from riwaya.events import extract
    from riwaya.timex import tag_times
    return extract(text, list(ments), tag_times(text, "en", pub), paras(text, "en"), lang="en")[0]



def extract_named_en(text, places=(), people=(), pub="2016-03-02"):
    """extract_en with the places and people given by their text (the first occurrence of each)."""
    ments = [M(text, n, "place") for n in places] + [M(text, n, "person") for n in people]
    return extract_en(text, ments, pub)


def role_texts(evs, trigger, role):
    """The texts of one role's arguments on the event whose trigger is ``trigger``."""
    ev = next(e for e in evs if e.trigger == trigger)
    return [a.text for a in ev.arguments if a.role == role]

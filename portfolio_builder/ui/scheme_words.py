"""Counting any of a scheme's words in a sentence ('6 themes', '11 × what good looks like')."""

from __future__ import annotations


def counted(count: int, singular: str, plural: str) -> str:
    """'1 theme', '6 themes'; a word whose plural is itself is counted as '11 × what good looks like'."""
    if singular.lower() == plural.lower() and count != 1:
        return f"{count} × {singular}"
    return f"{count} {singular if count == 1 else plural}"


def in_sentence(phrase: str) -> str:
    """A scheme's word as it reads mid-sentence: 'Quality statements' -> 'quality statements'; a name in title
    case ('Priority Action Cover Sheets') or starting with an acronym ('RAG rating') is left as it is."""
    tokens = phrase.split()
    if not tokens or (len(tokens) > 1 and all(t[:1].isupper() for t in tokens)):
        return phrase
    first = tokens[0]
    if sum(c.isupper() for c in first) != 1 or not first[0].isupper():
        return phrase
    return first[0].lower() + phrase[1:]


def header_lines(label: str, width: int = 16) -> str:
    """A long column heading ('Evaluative comment on impact and outcomes') over two or three short lines, since a
    table header neither wraps nor elides by itself and the scheme's headings are long."""
    import textwrap

    return label if len(label) <= width else "\n".join(textwrap.wrap(label, width)[:3])

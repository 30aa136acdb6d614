"""The search query language, the same in the app's search box and ``reader search``.

    援疆 干部              both words (AND), anywhere in the title or text
    "对口援疆 工作"         this exact phrase
    喀什 OR 和田            either
    -广告                  not this
    title: source: author: tag: color: note:   a word in that field
    has:note has:highlight has:tag             articles with any
    is:starred is:read is:unread is:orphaned   (is:orphaned: a highlight lost its place)
    date:2021  date:2021-09..2022-03  date:..2020-06-30  date:2022-01-15

``OR`` binds two neighbouring terms (``a OR b c`` is "(a or b) and c"). A
field's value may be quoted (``title:"援疆 干部"``). Matching is done on folded
text (``textfold``): simplified/traditional, width, case and accents do not
count. A mistake (an unknown field, a malformed date) is a ``QueryError``
whose message says what and where; nothing is searched then.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .messages import QT_TRANSLATE_NOOP, Message
from .textfold import fold

#: Fields that take text.
TEXT_FIELDS = ("title", "source", "author", "tag", "color", "note")
FIELDS = (*TEXT_FIELDS, "has", "is", "date")
#: fields answered from the store, not from the articles
STORE_FIELDS = frozenset(("tag", "color", "note", "has", "is"))
HAS = ("note", "highlight", "tag")
IS = ("starred", "read", "unread", "orphaned")


class QueryError(ValueError):
    """A query that cannot be searched; ``args[0]`` is a ``Message``; ``position``
    the character where the problem is."""

    def __init__(self, message: Message, position: int) -> None:
        super().__init__(message)
        self.position = position


@dataclass(frozen=True)
class Term:
    field: str | None  # None: a word or phrase in the title or text
    value: str  # as typed (stripped of quotes)
    negated: bool = False
    phrase: bool = False
    position: int = 0  # where it starts in the query

    @property
    def folded(self) -> str:
        return fold(" ".join(self.value.split()))

    @property
    def date_range(self) -> tuple[str, str]:
        """date: as (first day, last day), "YYYY-MM-DD" (either may be "")."""
        return _date_range(self.value, self.position)


@dataclass
class Query:
    """Clauses that must all hold; each clause holds when any of its terms does."""

    clauses: list[list[Term]] = field(default_factory=list)
    text: str = ""

    @property
    def empty(self) -> bool:
        return not self.clauses

    def terms(self) -> list[Term]:
        return [t for c in self.clauses for t in c]

    def asks_the_store(self) -> bool:
        """Does a term ask about annotations or reading state (tag:, color:,
        note:, has:, is:)? Its results then change with the store."""
        return any(t.field in STORE_FIELDS for t in self.terms())

    def words(self) -> list[str]:
        """The words and phrases to mark in the text (not negated, no field), folded."""
        return [t.folded for t in self.terms() if t.field is None and not t.negated and t.folded]


_FIELD = re.compile(r"([A-Za-z]+):")


def parse(text: str) -> Query:
    """``text`` as a query (raises ``QueryError``)."""
    tokens = _tokens(text)
    clauses: list[list[Term]] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if _is_or(tok):
            raise QueryError(
                Message(QT_TRANSLATE_NOOP("Core", "OR needs a word on each side")), tok.position
            )
        alts = [_term(tok)]
        i += 1
        while i < len(tokens) and _is_or(tokens[i]):
            if i + 1 >= len(tokens) or _is_or(tokens[i + 1]):
                raise QueryError(
                    Message(QT_TRANSLATE_NOOP("Core", "OR needs a word on each side")),
                    tokens[i].position,
                )
            alts.append(_term(tokens[i + 1]))
            i += 2
        clauses.append(alts)
    return Query(clauses, text)


def _is_or(tok: _Tok) -> bool:
    return tok == "OR" and not tok.quoted and not tok.negated


class _Tok(str):
    position: int
    quoted: bool
    negated: bool
    fielded: bool  # a field name stood before it, outside any quotes


def _tokens(text: str) -> list[_Tok]:
    """Words, "quoted phrases" (an unclosed quote runs to the end), each with
    where it starts and whether it was negated (a leading ``-``)."""
    out: list[_Tok] = []
    i, n = 0, len(text)
    while i < n:
        if text[i].isspace():
            i += 1
            continue
        start = i
        negated = text[i] == "-" and i + 1 < n and not text[i + 1].isspace()
        if negated:
            i += 1
        # a field prefix, then a quoted value: title:"a b"
        m = _FIELD.match(text, i)
        j = m.end() if m else i
        if j < n and text[j] in '"“':
            close = "”" if text[j] == "“" else '"'
            end = text.find(close, j + 1)
            end = n if end < 0 else end
            word = text[i:j] + text[j + 1 : end]
            tok = _Tok(word)
            tok.quoted = True
            i = end + 1
        else:
            end = j
            while end < n and not text[end].isspace():
                end += 1
            tok = _Tok(text[i:end])
            tok.quoted = False
            i = end
        tok.position, tok.negated, tok.fielded = start, negated, m is not None
        out.append(tok)
    return out


def _term(tok: _Tok) -> Term:
    m = _FIELD.match(tok) if tok.fielded else None
    if m and not tok.startswith("//", m.end()):
        name = m.group(1).lower()
        value = tok[m.end() :]
        if name not in FIELDS:
            raise QueryError(
                Message(
                    QT_TRANSLATE_NOOP(
                        "Core",
                        "unknown field “{name}:” (fields: {fields}); quote it to search for it",
                    ),
                    name=m.group(1),
                    fields=", ".join(f + ":" for f in FIELDS),
                ),
                tok.position,
            )
        if not value.strip():
            raise QueryError(
                Message(QT_TRANSLATE_NOOP("Core", "“{name}:” needs a value"), name=name),
                tok.position,
            )
        term = Term(name, value.strip(), tok.negated, tok.quoted, tok.position)
        _check(term)
        return term
    return Term(None, str(tok), tok.negated, tok.quoted, tok.position)


#: The fields that take one of a few words.
_CHOICES = {"has": HAS, "is": IS}


def _check(t: Term) -> None:
    choices = _CHOICES.get(t.field or "")
    if choices is not None and t.value.lower() not in choices:
        raise QueryError(
            Message(
                QT_TRANSLATE_NOOP("Core", "{name}: takes {values}"),
                name=t.field,
                values=", ".join(f"{t.field}:{x}" for x in choices),
            ),
            t.position,
        )
    if t.field == "date":
        _date_range(t.value, t.position)


_DAY = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


def _bound(s: str, end: bool, position: int) -> str:
    """ "2021" → 2021-01-01 (or 2021-12-31 as an ``end``), "2021-9" → 2021-09-01…"""
    import calendar

    m = _DAY.fullmatch(s)
    bad = QueryError(
        Message(
            QT_TRANSLATE_NOOP("Core", "“{value}” is not a date: write 2021, 2021-09 or 2021-09-30"),
            value=s,
        ),
        position,
    )
    if m is None:
        raise bad
    y, mo, d = int(m.group(1)), m.group(2), m.group(3)
    month = int(mo) if mo else (12 if end else 1)
    if not 1 <= month <= 12:
        raise bad
    last = calendar.monthrange(y, month)[1]
    day = int(d) if d else (last if end else 1)
    if not 1 <= day <= last:
        raise bad
    return f"{y:04d}-{month:02d}-{day:02d}"


def _date_range(value: str, position: int) -> tuple[str, str]:
    if ".." in value:
        a, _, b = value.partition("..")
        lo = _bound(a, False, position) if a else ""
        hi = _bound(b, True, position) if b else ""
        if lo and hi and lo > hi:
            raise QueryError(
                Message(
                    QT_TRANSLATE_NOOP("Core", "the dates “{value}” run backwards"), value=value
                ),
                position,
            )
        return lo, hi
    return _bound(value, False, position), _bound(value, True, position)

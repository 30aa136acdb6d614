"""The user's corrections of an article's metadata (issue 19).

No cleaner is right on every page: a navigation bar taken for the title, a
date from a sidebar. The user's value for a field overrides the cleaner's. It
is kept in the store (``ArticleState.meta``), never in the saved file, so it
survives re-cleaning and a new cleaner version (the article id comes from the
file's text, not the cleaner's output), and travels with the user's other
data. A value of ``""`` is a value too: the user says the field is empty (a
date the page does not really have).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping

from .article import Article
from .messages import QT_TRANSLATE_NOOP, Message
from .records import MAX_TITLE, AnnotationError, strip_controls

#: The fields a user can set, in the order forms and listings show them.
FIELDS = ("title", "date", "time", "source", "author", "url")

_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_TIME = re.compile(r"([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?")
_URL = re.compile(r"https?://\S+", re.I)


def normalize(field: str, value: str) -> str:
    """``value`` as stored for ``field``, or ``AnnotationError`` saying why not."""
    if field not in FIELDS:
        raise AnnotationError(
            Message(
                QT_TRANSLATE_NOOP("Core", "unknown field {field}: use one of {fields}"),
                field=repr(field),
                fields=", ".join(FIELDS),
            )
        )
    value = strip_controls(" ".join(str(value).split()))[:MAX_TITLE]
    if not value:
        return ""
    if field == "title" and not value.strip():
        return ""
    if field == "date":
        if not _DATE.fullmatch(value):
            raise AnnotationError(
                Message(
                    QT_TRANSLATE_NOOP(
                        "Core", "date: give YYYY-MM-DD (or YYYY-MM, YYYY), not {value}"
                    ),
                    value=repr(value),
                )
            )
        _check_calendar(value)
    if field == "time" and not _TIME.fullmatch(value):
        raise AnnotationError(
            Message(
                QT_TRANSLATE_NOOP("Core", "time: give HH:MM (24-hour), not {value}"),
                value=repr(value),
            )
        )
    if field == "url" and not _URL.fullmatch(value):
        raise AnnotationError(
            Message(
                QT_TRANSLATE_NOOP("Core", "url: give an http:// or https:// address, not {value}"),
                value=repr(value),
            )
        )
    return value


def _check_calendar(value: str) -> None:
    from datetime import date

    parts = [int(p) for p in value.split("-")]
    y, m, d = (parts + [1, 1])[:3]
    try:
        date(y, m, d)
    except ValueError:
        raise AnnotationError(
            Message(
                QT_TRANSLATE_NOOP("Core", "date: {value} is not a day of the calendar"), value=value
            )
        ) from None


def apply(article: Article, meta: Mapping[str, str] | None) -> Article:
    """The article as the user corrected it (the same object if nothing was set)."""
    if not meta:
        return article
    changes: dict[str, object] = {}
    for field, value in meta.items():
        if field not in FIELDS:
            continue
        if field == "title":
            changes["title"] = value or article.title  # (a title is never empty)
        else:
            changes[field] = value or None
    return dataclasses.replace(article, **changes) if changes else article  # type: ignore[arg-type]


def user_set(meta: Mapping[str, str] | None) -> list[str]:
    """The fields the user set, in form order."""
    return [f for f in FIELDS if meta and f in meta]

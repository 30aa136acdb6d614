"""A Readwise CSV export (or ours, which has Readwise's columns) read back as
annotations.

Readwise's columns: ``Highlight, Book Title (or Title), Book Author (or
Author), Amazon Book ID, Note, Color, Tags, Location Type, Location,
Highlighted at``; ours: ``Highlight, Title, Author, URL, Note, Location, Date,
Tags, Color``. A row becomes a highlight of its quote in the article the row
names (its URL, else a title no other article has, else wherever the quote
is); tags come from the Tags column (ours: one a line; Readwise's: commas)
and from ".tag" words on the Note's last line, which are taken off the note.
"""

from __future__ import annotations

import csv
import io
import re
import uuid
from typing import Any

from ..annotations import PALETTE
from ..messages import QT_TRANSLATE_NOOP, Message
from ..records import MAX_QUOTE

_NS = uuid.UUID("5d0c6b1e-8f2a-4e3b-9c4d-7a6b5c4d3e2f")
_DOT_TAGS = re.compile(r"^(?:\s*\.[^\s.][^\s]*)+\s*$")


class CsvError(ValueError):
    pass


def looks_like(data: bytes) -> bool:
    head = data[:4096].decode("utf-8-sig", "replace").splitlines()[:1]
    return bool(head) and head[0].startswith("Highlight,") and "Title" in head[0]


def _note_and_tags(note: str) -> tuple[str, list[str]]:
    lines = note.rstrip().split("\n")
    if lines and _DOT_TAGS.match(lines[-1]):
        tags = [w[1:] for w in lines[-1].split()]
        return "\n".join(lines[:-1]).rstrip(), tags
    return note, []


def items(data: bytes) -> list[dict[str, Any]]:
    """The rows as W3C annotations (a row without a highlight is skipped)."""
    text = data.decode("utf-8-sig", "replace")
    try:
        rows = list(csv.DictReader(io.StringIO(text)))
    except csv.Error as exc:
        raise CsvError(
            Message(QT_TRANSLATE_NOOP("Core", "not a readable CSV file: {error}"), error=str(exc))
        ) from None
    out: list[dict[str, Any]] = []
    for n, row in enumerate(rows):
        quote = (row.get("Highlight") or "").strip()
        if not quote or len(quote) > MAX_QUOTE:
            continue
        title = (row.get("Title") or row.get("Book Title") or "").strip()
        url = (row.get("URL") or "").strip()
        note, dot_tags = _note_and_tags(row.get("Note") or "")
        raw_tags = row.get("Tags") or ""
        tags = [t.strip() for t in re.split(r"\n" if "\n" in raw_tags else ",", raw_tags)]
        tags = list(dict.fromkeys([t for t in tags if t] + dot_tags))
        color = (row.get("Color") or "").strip().lower()
        location = (row.get("Location") or "").strip()
        selectors: list[dict[str, Any]] = [{"type": "TextQuoteSelector", "exact": quote}]
        if location.isdigit():
            start = int(location)
            selectors.append(
                {"type": "TextPositionSelector", "start": start, "end": start + len(quote)}
            )
        stamp = (row.get("Date") or row.get("Highlighted at") or "").strip()
        key = f"{url or title}\x1f{quote}\x1f{location}"
        out.append(
            {
                "id": f"urn:uuid:{uuid.uuid5(_NS, key)}",
                "type": "Annotation",
                "created": stamp.replace(" ", "T") + "Z"
                if re.match(r"\d{4}-\d\d-\d\d \d", stamp)
                else "",
                "body": [{"type": "TextualBody", "value": t, "purpose": "tagging"} for t in tags]
                + (
                    [{"type": "TextualBody", "value": note, "purpose": "commenting"}]
                    if note
                    else []
                ),
                "reader:color": color if color in PALETTE or color.startswith("#") else "yellow",
                "target": {
                    "source": url or f"readwise:{title or n}",
                    "reader:title": title,
                    "selector": selectors,
                },
            }
        )
    return out

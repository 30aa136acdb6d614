"""REFI-QDA project exchange (``.qdpx``) for NVivo, ATLAS.ti, MAXQDA, QualCoder.

A zip with ``project.qde`` (QDA-XML 1.0) and one UTF-8 text file per article in
``Sources/``. Articles become ``TextSource``s of their clean text; tags become
``Code``s with their colours; each highlight is a ``PlainTextSelection`` at its
code-point offsets, coded with its tags (or with a code for its colour when it
has none, so no highlight is lost on the way in), and its note a ``Note``
linked to the selection.
"""

from __future__ import annotations

import re
import uuid
import zipfile
from collections.abc import Sequence
from datetime import UTC, datetime
from io import BytesIO
from xml.etree import ElementTree as ET

from ..annotations import Document, Highlight, color_hex
from .common import ArticleNotes

NS = "urn:QDA-XML:project:1.0"
_NS_GUID = uuid.UUID("3b1f0b9e-5a7e-4d3a-9a8e-6f1c2d4e5f60")


def _guid(*parts: str) -> str:
    """Stable GUIDs: the same article, tag or highlight gets the same GUID each export."""
    return str(uuid.uuid5(_NS_GUID, "\x1f".join(parts)))


def _dt(stamp: str) -> str:
    if stamp:
        return stamp if stamp.endswith("Z") else stamp + "Z"
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def q(tag: str) -> str:
    """A tag name in the QDA-XML namespace."""
    return f"{{{NS}}}{tag}"


def _codebook(project: ET.Element, notes: Sequence[ArticleNotes], doc: Document) -> dict[str, str]:
    """Codes: every tag used, and one per colour for untagged highlights; their guids."""
    tags = sorted(
        {t for n in notes for h in n.highlights for t in h.tags}
        | {t for n in notes for t in n.tags}
    )
    colors = sorted({h.color for n in notes for h in n.highlights if not h.tags})
    codebook = ET.SubElement(project, q("CodeBook"))
    codes = ET.SubElement(codebook, q("Codes"))
    code_guid: dict[str, str] = {}
    for t in tags:
        tag = doc.tags.get(t)
        code_guid[t] = _guid("tag", t)
        ET.SubElement(
            codes,
            q("Code"),
            {
                "guid": code_guid[t],
                "name": _x(t),
                "isCodable": "true",
                "color": color_hex(tag.color if tag else "gray"),
            },
        )
    for c in colors:
        code_guid["color:" + c] = _guid("color", c)
        ET.SubElement(
            codes,
            q("Code"),
            {
                "guid": code_guid["color:" + c],
                "name": f"highlight: {c}",
                "isCodable": "true",
                "color": color_hex(c),
            },
        )
    if not tags and not colors:
        ET.SubElement(
            codes,
            q("Code"),
            {"guid": _guid("code", "highlight"), "name": "highlight", "isCodable": "true"},
        )

    return code_guid


def _sources(
    project: ET.Element,
    notes: Sequence[ArticleNotes],
    code_guid: dict[str, str],
    user: str,
    now: str,
) -> dict[str, bytes]:
    """A text source per article with its coded selections and their notes;
    the source files, by name."""
    sources = ET.SubElement(project, q("Sources"))
    notes_el: ET.Element | None = None
    files: dict[str, bytes] = {}
    for n in notes:
        text = n.article.text if n.article else ""
        sguid = _guid("article", n.article_id)
        fname = f"{sguid}.txt"
        files[fname] = text.encode("utf-8")
        src = ET.SubElement(
            sources,
            q("TextSource"),
            {
                "guid": sguid,
                "name": _x(n.title),
                "plainTextPath": f"internal://{fname}",
                "creatingUser": user,
                "creationDateTime": now,
            },
        )
        for h in n.highlights:
            if h.status == "orphaned" or h.end > len(text):
                continue  # no place in this text to point at
            note = _selection(src, h, code_guid, user)
            if note is not None:
                if notes_el is None:
                    notes_el = ET.Element(q("Notes"))
                notes_el.append(note)
        for t in n.tags:  # the article's own tags code the whole source (after selections)
            coding = ET.SubElement(
                src, q("Coding"), {"guid": _guid("acoding", n.article_id, t), "creatingUser": user}
            )
            ET.SubElement(coding, q("CodeRef"), {"targetGUID": code_guid[t]})
    if notes_el is not None:
        project.append(notes_el)  # Notes come after Sources in the schema's sequence
    return files


_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _x(text: str) -> str:
    """Text XML 1.0 can hold: its forbidden characters (controls) dropped."""
    return _XML_INVALID.sub("", text)


def _selection(
    src: ET.Element, h: Highlight, code_guid: dict[str, str], user: str
) -> ET.Element | None:
    """A highlight as a coded selection of ``src``; its note, if any, to be
    added to the project's notes (the selection refers to it)."""
    sel = ET.SubElement(
        src,
        q("PlainTextSelection"),
        {
            "guid": _guid("hl", h.id),
            "name": _x(h.exact[:80]),
            "startPosition": str(h.start),
            "endPosition": str(h.end),
            "creatingUser": user,
            "creationDateTime": _dt(h.created),
        },
    )
    for t in h.tags or ["color:" + h.color]:
        coding = ET.SubElement(
            sel, q("Coding"), {"guid": _guid("coding", h.id, t), "creatingUser": user}
        )
        ET.SubElement(coding, q("CodeRef"), {"targetGUID": code_guid[t]})
    if not h.note:
        return None
    nguid = _guid("note", h.id)
    note = ET.Element(
        q("Note"),
        {
            "guid": nguid,
            "name": _x(h.exact[:40]),
            "creatingUser": user,
            "creationDateTime": _dt(h.modified),
        },
    )
    ET.SubElement(note, q("PlainTextContent")).text = _x(h.note)
    ET.SubElement(sel, q("NoteRef"), {"targetGUID": nguid})
    return note


def build(notes: Sequence[ArticleNotes], doc: Document, name: str = "Reader export") -> bytes:
    ET.register_namespace("", NS)
    user = _guid("user", "reader")
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    project = ET.Element(
        q("Project"),
        {"name": name, "origin": "Reader", "creatingUserGUID": user, "creationDateTime": now},
    )
    users = ET.SubElement(project, q("Users"))
    ET.SubElement(users, q("User"), {"guid": user, "name": "Reader"})

    code_guid = _codebook(project, notes, doc)
    files = _sources(project, notes, code_guid, user, now)
    xml = ET.tostring(project, encoding="utf-8", xml_declaration=True)
    buf = BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("project.qde", xml)
        for fname, data in files.items():
            z.writestr(f"Sources/{fname}", data)
    return buf.getvalue()

"""REFI-QDA project exchange (``.qdpx``) for NVivo, ATLAS.ti, MAXQDA, QualCoder.

A zip with ``project.qde`` (QDA-XML 1.0, valid against Project-mrt2019.xsd)
and one UTF-8 text file per article in ``Sources/``:

- each article is a ``TextSource`` of its clean text; its note is the
  source's ``Description``; its metadata (date, source, author, address,
  file, starred, read, and Reader's id for the way back) are ``Variable``
  values of the source, which QualCoder, NVivo and MAXQDA show as the
  document's attributes;
- each highlight is a ``PlainTextSelection`` at its code-point offsets (the
  selection's guid is the highlight's id), coded with each of its tags and
  with its colour (a code under "Highlight colours"), so the colour survives
  whatever the tags; its note is the selection's ``Description`` (where
  QualCoder reads a coding's memo) and also a ``Note`` the selection refers
  to (where NVivo and ATLAS.ti look);
- tags are ``Code``s with their colours; an article's own tags code the
  whole source and make a ``Set`` of the articles that carry them (a
  document group: QualCoder reads sets as a document attribute).
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
from ..paths import shown
from .common import ArticleNotes

NS = "urn:QDA-XML:project:1.0"
_NS_GUID = uuid.UUID("3b1f0b9e-5a7e-4d3a-9a8e-6f1c2d4e5f60")
#: The document attributes written for every article: (name, type, how).
VARIABLES: tuple[tuple[str, str], ...] = (
    ("Date", "Date"),
    ("Source", "Text"),
    ("Author", "Text"),
    ("URL", "Text"),
    ("File", "Text"),
    ("Starred", "Boolean"),
    ("Read", "Boolean"),
    ("Reader ID", "Text"),
)
COLOURS_CODE = "Highlight colours"


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


def color_code_name(color: str, meaning: str = "") -> str:
    """The code for a highlight colour: its meaning, if the user gave it one,
    with the colour ("argument (yellow)"), else the colour ("yellow", "#ff8800")."""
    return f"{meaning} ({color})" if meaning else color


def _codebook(project: ET.Element, notes: Sequence[ArticleNotes], doc: Document) -> dict[str, str]:
    """Codes: every tag used, and a code per colour under "Highlight colours";
    their guids (colour codes keyed "color:<name>")."""
    tags = sorted(
        {t for n in notes for h in n.highlights for t in h.tags}
        | {t for n in notes for t in n.tags}
    )
    colors = sorted({h.color for n in notes for h in n.highlights})
    meanings = notes[0].meanings if notes else {}
    codebook = ET.SubElement(project, q("CodeBook"))
    codes = ET.SubElement(codebook, q("Codes"))
    code_guid: dict[str, str] = {}
    for t in tags:
        tag = doc.tags.get(t)
        code_guid[t] = _guid("tag", t)
        attrs = {"guid": code_guid[t], "name": _x(t), "isCodable": "true"}
        attrs["color"] = color_hex(tag.color if tag else "gray")
        ET.SubElement(codes, q("Code"), attrs)
    if colors:
        parent = ET.SubElement(
            codes,
            q("Code"),
            {"guid": _guid("colours"), "name": COLOURS_CODE, "isCodable": "false"},
        )
        for c in colors:
            code_guid["color:" + c] = _guid("color", c)
            ET.SubElement(
                parent,
                q("Code"),
                {
                    "guid": code_guid["color:" + c],
                    "name": _x(color_code_name(c, meanings.get(c, ""))),
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


def _variables(project: ET.Element) -> dict[str, str]:
    variables = ET.SubElement(project, q("Variables"))
    guids: dict[str, str] = {}
    for name, kind in VARIABLES:
        guids[name] = _guid("variable", name)
        ET.SubElement(
            variables, q("Variable"), {"guid": guids[name], "name": name, "typeOfVariable": kind}
        )
    return guids


def _values(n: ArticleNotes) -> list[tuple[str, str, str]]:
    """(variable, value element, value) for an article."""
    a = n.article
    out: list[tuple[str, str, str]] = []
    if a and a.date and re.fullmatch(r"\d{4}-\d\d-\d\d", a.date):
        out.append(("Date", "DateValue", a.date))
    for name, value in (
        ("Source", a.source if a else None),
        ("Author", a.author if a else None),
        ("URL", a.url if a else None),
        ("File", shown(a.path) if a else None),
    ):
        if value:
            out.append((name, "TextValue", _x(value)))
    out.append(("Starred", "BooleanValue", "true" if n.starred else "false"))
    out.append(("Read", "BooleanValue", "true" if n.read else "false"))
    out.append(("Reader ID", "TextValue", n.article_id))
    return out


def _sources(
    project: ET.Element,
    notes: Sequence[ArticleNotes],
    code_guid: dict[str, str],
    var_guid: dict[str, str],
    user: str,
    now: str,
) -> tuple[dict[str, bytes], list[ET.Element]]:
    """A text source per article with its coded selections; the source files
    by name, and the notes the selections refer to."""
    sources = ET.SubElement(project, q("Sources"))
    notes_out: list[ET.Element] = []
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
        if n.note:
            ET.SubElement(src, q("Description")).text = _x(n.note)
        for h in n.highlights:
            if h.status == "orphaned" or h.end > len(text):
                continue  # no place in this text to point at
            note = _selection(src, h, code_guid, user)
            if note is not None:
                notes_out.append(note)
        for t in n.tags:  # the article's own tags code the whole source (after selections)
            coding = ET.SubElement(
                src, q("Coding"), {"guid": _guid("acoding", n.article_id, t), "creatingUser": user}
            )
            ET.SubElement(coding, q("CodeRef"), {"targetGUID": code_guid[t]})
        for name, kind, value in _values(n):
            vv = ET.SubElement(src, q("VariableValue"))
            ET.SubElement(vv, q("VariableRef"), {"targetGUID": var_guid[name]})
            ET.SubElement(vv, q(kind)).text = value
    return files, notes_out


def _sets(project: ET.Element, notes: Sequence[ArticleNotes], code_guid: dict[str, str]) -> None:
    """A document group per article tag: the articles that carry it."""
    members: dict[str, list[str]] = {}
    for n in notes:
        for t in n.tags:
            members.setdefault(t, []).append(_guid("article", n.article_id))
    if not members:
        return
    sets = ET.SubElement(project, q("Sets"))
    for t in sorted(members):
        s = ET.SubElement(sets, q("Set"), {"guid": _guid("set", t), "name": _x(t)})
        ET.SubElement(s, q("MemberCode"), {"targetGUID": code_guid[t]})
        for sguid in members[t]:
            ET.SubElement(s, q("MemberSource"), {"targetGUID": sguid})


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
            "guid": h.id,
            "name": _x(h.exact[:80]),
            "startPosition": str(h.start),
            "endPosition": str(h.end),
            "creatingUser": user,
            "creationDateTime": _dt(h.created),
            "modifyingUser": user,
            "modifiedDateTime": _dt(h.modified or h.created),
        },
    )
    if h.note:
        ET.SubElement(sel, q("Description")).text = _x(h.note)
    for key in [*h.tags, "color:" + h.color]:
        coding = ET.SubElement(
            sel, q("Coding"), {"guid": _guid("coding", h.id, key), "creatingUser": user}
        )
        ET.SubElement(coding, q("CodeRef"), {"targetGUID": code_guid[key]})
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
    # (the schema's order: Users, CodeBook, Variables, Cases, Sources, Notes, Links, Sets)
    code_guid = _codebook(project, notes, doc)
    var_guid = _variables(project)
    files, note_els = _sources(project, notes, code_guid, var_guid, user, now)
    if note_els:
        notes_el = ET.SubElement(project, q("Notes"))
        notes_el.extend(note_els)
    _sets(project, notes, code_guid)
    xml = ET.tostring(project, encoding="utf-8", xml_declaration=True)
    buf = BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("project.qde", xml)
        for fname, data in files.items():
            z.writestr(f"Sources/{fname}", data)
    return buf.getvalue()

"""A REFI-QDA project (``.qdpx``) read back as annotations: a project coded
further in QualCoder, NVivo, MAXQDA or ATLAS.ti comes home.

Each coded passage (a ``PlainTextSelection``, or several at the same place)
becomes one highlight: its codes become tags, a code under "Highlight
colours" (or named like a colour of ours) its colour, its ``Description`` or
the ``Note`` it refers to its note. A source's whole-text codings become the
article's tags, its ``Description`` the article's note. The passages come out
as W3C annotations (quote, context and position), so the importer places
them as it places any other: in the article carrying Reader's id (a document
attribute our export writes), else in the article that holds their quotes.

The file is a zip from elsewhere: its parts are read with size limits, XML
entities and DTDs are refused (defusedxml-style checks on the raw bytes), and
nothing is extracted to disk.
"""

from __future__ import annotations

import re
import uuid
import zipfile
from collections import defaultdict
from io import BytesIO
from typing import Any
from xml.etree import ElementTree as ET

from ..annotations import PALETTE
from ..messages import QT_TRANSLATE_NOOP, Message
from ..records import CONTEXT

_NS_SEL = uuid.UUID("a7c3f0e1-2b4d-4c6e-8f10-1a2b3c4d5e6f")
MAX_PART = 200 * 1024 * 1024  # uncompressed, one part
MAX_TOTAL = 1024 * 1024 * 1024  # uncompressed, all parts read
_HEX = re.compile(r"#[0-9a-fA-F]{6}")


class QdpxError(ValueError):
    """Not a project we can read; the message says why."""


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _children(el: ET.Element, name: str) -> list[ET.Element]:
    return [c for c in el if _local(c.tag) == name]


def _text_of(el: ET.Element, name: str) -> str:
    for c in el:
        if _local(c.tag) == name:
            return (c.text or "").strip()
    return ""


class _Zip:
    def __init__(self, data: bytes) -> None:
        try:
            self.z = zipfile.ZipFile(BytesIO(data))
        except zipfile.BadZipFile as exc:
            raise QdpxError(
                Message(
                    QT_TRANSLATE_NOOP("Core", "not a .qdpx (zip) file: {error}"), error=str(exc)
                )
            ) from None
        self.read_total = 0
        self.names = {n.lower(): n for n in self.z.namelist()}

    def read(self, name: str) -> bytes:
        real = self.names.get(name.lower())
        if real is None:
            raise QdpxError(
                Message(QT_TRANSLATE_NOOP("Core", "the project has no {name}"), name=name)
            )
        info = self.z.getinfo(real)
        if info.file_size > MAX_PART or self.read_total + info.file_size > MAX_TOTAL:
            raise QdpxError(
                Message(
                    QT_TRANSLATE_NOOP("Core", "{name} is too large ({size} bytes)"),
                    name=name,
                    size=f"{info.file_size:,}",
                )
            )
        self.read_total += info.file_size
        return self.z.read(real)

    def project(self) -> bytes:
        qde = next((n for n in self.z.namelist() if n.lower().endswith(".qde")), None)
        if qde is None:
            raise QdpxError(Message(QT_TRANSLATE_NOOP("Core", "no project.qde in the file")))
        return self.read(qde)


def _parse_xml(raw: bytes) -> ET.Element:
    head = raw[:4096].lower()
    if b"<!doctype" in head or b"<!entity" in raw[:65536].lower():
        raise QdpxError(
            Message(QT_TRANSLATE_NOOP("Core", "the project declares a DTD or entities; refused"))
        )
    try:
        return ET.fromstring(raw)
    except ET.ParseError as exc:
        raise QdpxError(
            Message(QT_TRANSLATE_NOOP("Core", "project.qde is not XML: {error}"), error=str(exc))
        ) from None


_MEANT = re.compile(r"(.+) \(([a-z]+|#[0-9a-fA-F]{6})\)")


def _codes(root: ET.Element) -> dict[str, tuple[str, str | None]]:
    """code guid → (name, colour if it is a colour code)."""
    out: dict[str, tuple[str, str | None]] = {}

    def walk(el: ET.Element, under_colours: bool) -> None:
        for c in _children(el, "Code"):
            name = c.get("name") or ""
            guid = (c.get("guid") or "").lower()
            is_colour = under_colours or name in PALETTE
            colour = None
            if is_colour:
                m = _MEANT.fullmatch(name)  # "argument (yellow)": a colour with a meaning
                named = m.group(2) if m else name
                colour = named if named in PALETTE or _HEX.fullmatch(named) else None
            out[guid] = (name, colour)
            walk(c, under_colours or name == "Highlight colours")

    for book in root.iter():
        if _local(book.tag) == "Codes":
            walk(book, False)
    return out


def _variables(root: ET.Element) -> dict[str, str]:
    return {
        (v.get("guid") or "").lower(): v.get("name") or ""
        for v in root.iter()
        if _local(v.tag) == "Variable"
    }


def _notes(root: ET.Element) -> dict[str, str]:
    return {
        (n.get("guid") or "").lower(): _text_of(n, "PlainTextContent") or _text_of(n, "Description")
        for n in root.iter()
        if _local(n.tag) == "Note"
    }


def _source_text(src: ET.Element, z: _Zip) -> str:
    inline = _text_of(src, "PlainTextContent")
    if inline:
        return inline
    path = src.get("plainTextPath") or ""
    if path.startswith("internal://"):
        raw = z.read("Sources/" + path[len("internal://") :])
        return raw.decode("utf-8-sig", "replace").replace("\r\n", "\n")
    return ""


def _reader_id(src: ET.Element, variables: dict[str, str]) -> str:
    for vv in _children(src, "VariableValue"):
        ref = next(iter(_children(vv, "VariableRef")), None)
        name = variables.get(((ref.get("targetGUID") if ref is not None else "") or "").lower())
        if name == "Reader ID":
            return _text_of(vv, "TextValue")
    return ""


def items(data: bytes) -> list[dict[str, Any]]:
    """The project's coded passages and source codings, as W3C annotations."""
    z = _Zip(data)
    root = _parse_xml(z.project())
    codes, variables, notes = _codes(root), _variables(root), _notes(root)
    out: list[dict[str, Any]] = []
    legend = [
        {"color": colour, "meaning": m.group(1)}
        for name, colour in codes.values()
        if colour and (m := _MEANT.fullmatch(name))
    ]
    if legend:  # (read like our JSON's "reader:colors")
        out.append({"type": "reader:TagRegistry", "colors": legend})
    for src in root.iter():
        if _local(src.tag) != "TextSource":
            continue
        text = _source_text(src, z)
        sguid = (src.get("guid") or "").lower()
        rid = _reader_id(src, variables)
        source = f"urn:x-reader:article:{rid}" if rid else f"urn:x-qdpx:source:{sguid}"
        out += _passages(src, text, source, codes, notes)
        out += _source_codings(src, source, codes)
    return out


def _passages(
    src: ET.Element,
    text: str,
    source: str,
    codes: dict[str, tuple[str, str | None]],
    notes: dict[str, str],
) -> list[dict[str, Any]]:
    """One annotation per place coded (several selections at one place are
    one highlight with all their codes)."""
    at: dict[tuple[int, int], list[ET.Element]] = defaultdict(list)
    for sel in _children(src, "PlainTextSelection"):
        try:
            start, end = int(sel.get("startPosition", "")), int(sel.get("endPosition", ""))
        except ValueError:
            continue
        if 0 <= start < end <= len(text):
            at[(start, end)].append(sel)
    out: list[dict[str, Any]] = []
    for (start, end), sels in sorted(at.items()):
        tags: list[str] = []
        colour = None
        memo: list[str] = []
        for sel in sels:
            for coding in _children(sel, "Coding"):
                for ref in _children(coding, "CodeRef"):
                    name, col = codes.get((ref.get("targetGUID") or "").lower(), ("", None))
                    if col:
                        colour = colour or col
                    elif name:
                        tags.append(name)
            desc = _text_of(sel, "Description")
            linked = [
                notes.get((r.get("targetGUID") or "").lower(), "")
                for r in _children(sel, "NoteRef")
            ]
            for m in [desc, *linked]:
                if m and m not in memo:
                    memo.append(m)
        hid = _highlight_id(sels, source, start, end)
        body = [
            {"type": "TextualBody", "value": t, "purpose": "tagging"} for t in dict.fromkeys(tags)
        ]
        if memo:
            body.insert(
                0, {"type": "TextualBody", "value": "\n\n".join(memo), "purpose": "commenting"}
            )
        created = min((s.get("creationDateTime") or "" for s in sels), default="")
        modified = max(
            (s.get("modifiedDateTime") or s.get("creationDateTime") or "" for s in sels),
            default="",
        )
        out.append(
            {
                "id": f"urn:uuid:{hid}",
                "type": "Annotation",
                "created": created,
                "modified": modified,
                "body": body,
                "reader:color": colour or "yellow",
                "target": {
                    "source": source,
                    "selector": [
                        {
                            "type": "TextQuoteSelector",
                            "exact": text[start:end],
                            "prefix": text[max(0, start - CONTEXT) : start],
                            "suffix": text[end : end + CONTEXT],
                        },
                        {"type": "TextPositionSelector", "start": start, "end": end},
                    ],
                },
            }
        )
    return out


_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")


def _highlight_id(sels: list[ET.Element], source: str, start: int, end: int) -> str:
    """Our own highlight id where the selection carries it (our export writes
    it as the selection's guid), else one made from the place, so that the
    same project imported twice gives the same highlights."""
    for sel in sels:
        guid = sel.get("guid") or ""
        if _UUID.match(guid):
            return guid.lower()
    return str(uuid.uuid5(_NS_SEL, f"{source}\x1f{start}\x1f{end}"))


def _source_codings(
    src: ET.Element, source: str, codes: dict[str, tuple[str, str | None]]
) -> list[dict[str, Any]]:
    """The source's own codings (the whole text): the article's tags; its
    description: the article's note."""
    tags = []
    for coding in _children(src, "Coding"):
        for ref in _children(coding, "CodeRef"):
            name, col = codes.get((ref.get("targetGUID") or "").lower(), ("", None))
            if name and not col:
                tags.append(name)
    if not tags:
        return []
    return [
        {
            "id": f"urn:uuid:{uuid.uuid5(_NS_SEL, source + chr(31) + 'tags')}",
            "type": "Annotation",
            "motivation": "tagging",
            "body": [{"type": "TextualBody", "value": t, "purpose": "tagging"} for t in tags],
            "target": source,
        }
    ]

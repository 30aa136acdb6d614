"""What kind of saved page a file is, and reading it into a ``RawDocument``.

Users save pages many ways: HTML (or text) behind a YAML front-matter block,
full HTML pages (SingleFile's with every image inside), MHTML archives,
Markdown clippings, and text copied out of a browser. Extensions are
unreliable (``.txt`` files full of HTML, pages with no extension), so the
content decides. Anything that is not an article (binary, empty, too large)
is refused with a one-line reason; callers keep loading the other files.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from . import saved
from .decoding import decode

#: Most text a page may hold, once embedded images and fonts are set aside.
#: Saved articles are 1-500 KB; full pages with inline scripts reach a few MB.
#: Anything over this is refused rather than parsed, so a stray video or
#: database dump cannot stall a library load.
MAX_FILE_BYTES = 20 * 1024 * 1024
#: Largest file read at all: SingleFile pages and MHTML archives carry their
#: images inside and reach 50 MB and more for a page of a few hundred KB.
MAX_DISK_BYTES = 200 * 1024 * 1024

Kind = Literal["html", "text", "markdown"]
_MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".mkdn")
#: Front-matter keys that hold the page's address ("source" only when it is one).
_URL_KEYS = ("url", "source", "link", "original_url", "canonical", "origin", "href")

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office/EPUB file)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\x1f\x8b", "a gzip-compressed file"),
    (b"BZh", "a bzip2-compressed file"),
    (b"\xfd7zXZ\x00", "an xz-compressed file"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "an executable program"),
    (b"MZ", "a Windows executable"),
    (b"RIFF", "a RIFF media file"),
    (b"\x00\x00\x01\x00", "an icon file"),
    (b"ID3", "an MP3 audio file"),
    (b"OggS", "an Ogg media file"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"wOFF", "a web font"),
    (b"wOF2", "a web font"),
)

_HTML_TAG_RE = re.compile(
    r"<(?:p|div|br|span|h[1-6]|ul|ol|li|table|tr|td|article|section|font|img|a|strong|b|em|blockquote)\b[^>]*>",
    re.IGNORECASE,
)
_FULL_PAGE_RE = re.compile(
    r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
_FRONT_MATTER_RE = re.compile(r"\A\ufeff?\s*---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)


#: Bytes that never occur in text (everything below 0x20 but tab, LF, VT, FF, CR).
_CONTROL_BYTES = bytes(b for b in range(32) if b < 9 or b > 13)


class NotAnArticle(Exception):
    """A file that cannot be read as an article; ``str(exc)`` is the one-line reason."""


@dataclass(frozen=True)
class RawDocument:
    """A decoded file before cleaning."""

    path: str
    text: str  # the whole decoded file
    body: str  # the text after any front matter
    kind: Kind  # what the body is
    full_page: bool  # a whole HTML page (doctype/html/head/body) rather than a fragment
    meta: dict[str, str | list[str]] = field(default_factory=dict)  # front matter
    encoding: str = "utf-8"
    warnings: tuple[str, ...] = ()
    url: str | None = None  # the page's address, where the file declares it
    digest: str = ""  # SHA-256 (hex, 32) of the file's bytes: the cache key
    mtime_ns: int = 0
    size: int = 0


_WIDE_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def sniff_binary(head: bytes) -> str | None:
    """A reason why bytes are not text, or None if they may be text."""
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return f"not an article: {what}"
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return None  # BOM: UTF-16 text legitimately holds NUL bytes
    sample = head[:8192]
    if not sample:
        return None
    if sample.count(0) > len(sample) // 100:
        if sample.strip(b"\x00") == b"":
            return "not an article: the file holds only NUL bytes"
        return "not an article: binary data (NUL bytes)"
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls > len(sample) // 20:
        return "not an article: binary data (control characters)"
    return None


#: Front matter longer than this is not read as YAML (a page's is a few lines).
MAX_FRONT_MATTER = 64 * 1024


def parse_front_matter(block: str) -> dict[str, str | list[str]]:
    """The front matter's keys (lower-cased) with their text or list of texts.

    Read with PyYAML's ``BaseLoader``: every scalar stays the text the file
    has (a date is not turned into a date, ``007`` not into 7), folded and
    literal scalars (``title: >-``) are joined as YAML says, and aliases are
    refused (a "billion laughs" block is not expanded). Front matter that is
    not valid YAML (page savers write ``title: a: b``) is read line by line.
    """
    if len(block) <= MAX_FRONT_MATTER:
        data = _yaml(block)
        if isinstance(data, dict):
            meta: dict[str, str | list[str]] = {}
            for k, v in data.items():
                if isinstance(v, str):
                    meta[str(k).lower()] = v
                elif isinstance(v, list):
                    meta[str(k).lower()] = [x for x in v if isinstance(x, str)]
            return meta
    return _front_matter_lines(block)


def _yaml(block: str) -> object:
    import yaml  # loads only for files with front matter

    class _NoAliases(yaml.BaseLoader):
        def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
            if self.check_event(yaml.events.AliasEvent):
                raise yaml.YAMLError("aliases are not read")
            return super().compose_node(parent, index)

    try:
        return yaml.load(block, Loader=_NoAliases)
    except (yaml.YAMLError, RecursionError, ValueError):
        return None


def _front_matter_lines(block: str) -> dict[str, str | list[str]]:
    """The YAML subset page savers write, read line by line: ``key: value``
    (plain or quoted), ``[a, b]`` flow lists and ``- item`` block lists."""
    meta: dict[str, str | list[str]] = {}
    key: str | None = None
    for raw in block.splitlines():
        line = raw.rstrip()
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        item = re.match(r"^\s*-\s+(.*)$", line)
        if item and key is not None:
            cur = meta.get(key)
            lst = cur if isinstance(cur, list) else ([] if not cur else [cur])
            lst.append(_unquote(item.group(1)))
            meta[key] = lst
            continue
        kv = re.match(r"^([A-Za-z_][\w-]*)\s*:\s*(.*)$", line)
        if kv:
            key = kv.group(1).lower()
            val = kv.group(2).strip()
            if val.startswith("[") and val.endswith("]"):
                meta[key] = [_unquote(v) for v in val[1:-1].split(",") if v.strip()]
            else:
                meta[key] = _unquote(val)
    return meta


def _unquote(v: str) -> str:
    v = v.strip()
    if len(v) >= 2 and v[0] == v[-1] and v[0] in "'\"":
        inner = v[1:-1]
        return inner.replace("''", "'") if v[0] == "'" else inner.replace('\\"', '"')
    return v


def sniff_kind(body: str, name: str = "") -> tuple[Kind, bool]:
    """Is ``body`` HTML (and a full page), Markdown or plain text? ``name``:
    the file's name (a ``.md`` file is Markdown whatever HTML it holds)."""
    head = body[:4096]
    if _FULL_PAGE_RE.match(head):
        return "html", True
    named = name.lower().endswith(_MARKDOWN_SUFFIXES)
    tags = len(_HTML_TAG_RE.findall(body[:20000]))
    # (a blog's .md files often hold HTML, behind front matter)
    if (tags >= 2 or (tags == 1 and len(body) < 2000)) and not (
        named and looks_like_markdown(body)
    ):
        return "html", bool(re.search(r"<body\b", body[:20000], re.I))
    if named or looks_like_markdown(body):
        return "markdown", False
    return "text", False


_MD_SIGNS = (
    re.compile(r"^#{1,6}[ \t]+\S", re.M),  # ATX heading
    re.compile(r"!?\[[^\]\n]{1,300}\]\([^)\s]{1,2000}(?:\s+\"[^\"\n]*\")?\)"),  # link or image
    re.compile(r"(?<![*\w])\*\*[^*\n]{1,200}\*\*(?!\*)|(?<!_)__[^_\n]{1,200}__(?!_)"),  # strong
    re.compile(r"^```", re.M),  # fence
    re.compile(r"^>[ \t]?\S", re.M),  # block quote
    re.compile(r"(?:^[ \t]{0,3}[-*+][ \t]+\S.*\n){2}", re.M),  # a list of two items
)


def looks_like_markdown(text: str) -> bool:
    """Markdown syntax in three or more of its kinds (a heading, links, strong
    text, a fence, a quote, a list): a clipping, not text copied from a page."""
    head = text[:20000]
    return sum(1 for rx in _MD_SIGNS if rx.search(head)) >= 3


def _url_of(meta: dict[str, str | list[str]]) -> str | None:
    for key in _URL_KEYS:
        v = meta.get(key)
        if isinstance(v, str) and re.match(r"https?://\S+$", v.strip()):
            return v.strip()
    return None


def read_document(path: str | os.PathLike[str], *, max_bytes: int = MAX_FILE_BYTES) -> RawDocument:
    """Read and decode one file. Raises ``NotAnArticle`` with a one-line reason."""
    p = Path(path)
    try:
        st = p.stat()
        size = st.st_size
    except OSError as exc:
        raise NotAnArticle(f"cannot read: {exc.strerror or exc}") from None
    if not p.is_file():
        raise NotAnArticle("not a regular file")
    if size > MAX_DISK_BYTES:
        raise NotAnArticle(
            f"too large: {size / 1048576:.1f} MB (the limit is {MAX_DISK_BYTES // 1048576} MB)"
        )
    try:
        with p.open("rb") as fh:
            head = fh.read(8192)
            # a video or an archive is refused before it is read whole
            reason = None if head.startswith(_WIDE_BOMS) else sniff_binary(head)
            if reason:
                raise NotAnArticle(reason)
            data = head + fh.read(MAX_DISK_BYTES + 1 - len(head))
    except OSError as exc:
        raise NotAnArticle(f"cannot read: {exc.strerror or exc}") from None
    doc = document_from_bytes(str(path), data, max_bytes=max_bytes)
    return replace(doc, mtime_ns=st.st_mtime_ns, size=len(data))


def document_from_bytes(path: str, data: bytes, *, max_bytes: int = MAX_FILE_BYTES) -> RawDocument:
    """Decode bytes already read (also used for tests and stdin)."""
    if len(data) > MAX_DISK_BYTES:
        raise NotAnArticle(f"too large: over {MAX_DISK_BYTES // 1048576} MB")
    if not data.strip():
        raise NotAnArticle("empty file")
    reason = None if data.startswith(_WIDE_BOMS) else sniff_binary(data[:8192])
    if reason:
        raise NotAnArticle(reason)
    digest = hashlib.sha256(data).hexdigest()[:32]
    size = len(data)
    if saved.is_mhtml(data):
        return _mhtml(path, data, digest, max_bytes)
    if len(data) > max_bytes:
        # a SingleFile page: its images and fonts are not its text
        data = saved.strip_blobs(data)
        if len(data) > max_bytes:
            raise NotAnArticle(_too_large(len(data), max_bytes))
    return replace(_decoded(path, data), digest=digest, size=size)


def _too_large(n: int, max_bytes: int) -> str:
    return (
        f"too large: {n / 1048576:.1f} MB of text, embedded images aside "
        f"(the limit is {max_bytes // 1048576} MB)"
    )


def _mhtml(path: str, data: bytes, digest: str, max_bytes: int) -> RawDocument:
    """The page inside an MHTML archive, with its charset and address."""
    try:
        page, charset, url = saved.mhtml_page(data)
    except saved.NotAPage as why:
        raise NotAnArticle(f"not an article: {why}") from None
    except (ValueError, LookupError, UnicodeError) as exc:
        raise NotAnArticle(f"not an article: a damaged MHTML file ({exc})") from None
    page = saved.strip_blobs(page) if len(page) > max_bytes else page
    if len(page) > max_bytes:
        raise NotAnArticle(_too_large(len(page), max_bytes))
    doc = _decoded(path, page, declared=charset)
    # the article's id is made from the file's text as it was always read,
    # so notes on an archive saved before this reader kept stay on it
    whole = decode(data).text if len(data) <= max_bytes else doc.text
    return replace(
        doc, text=whole, kind="html", full_page=True, url=url, digest=digest, size=len(data)
    )


def _decoded(path: str, data: bytes, *, declared: str | None = None) -> RawDocument:
    """Decode one page's bytes: front matter, encoding, what kind of page
    (its digest and size are the caller's: of the file, not of these bytes)."""
    # UTF-16 and UTF-32 are full of NUL bytes: with a byte-order mark they are
    # text, whatever the bytes look like
    reason = None if data.startswith(_WIDE_BOMS) else sniff_binary(data[:8192])
    if reason:
        raise NotAnArticle(reason)

    fm_declared = None
    m0 = re.match(rb"\A(?:\xef\xbb\xbf)?\s*---\s*\n(.{0,4000}?)\n---", data, re.S)
    if m0:
        enc_m = re.search(rb"^(?:encoding|charset):\s*['\"]?([\w.-]+)", m0.group(1), re.M | re.I)
        if enc_m:
            fm_declared = enc_m.group(1).decode("ascii", "replace")
    dec = decode(data, declared=fm_declared or declared)
    text = dec.text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    if not text.strip():
        raise NotAnArticle("empty file")
    if text.count("\ufffd", 0, 4000) > 400:
        raise NotAnArticle("not an article: the bytes are not text in any known encoding")

    meta: dict[str, str | list[str]] = {}
    body = text
    fm = _FRONT_MATTER_RE.match(text)
    if fm:
        meta = parse_front_matter(fm.group(1))
        body = text[fm.end() :]
    kind, full = sniff_kind(body, path)
    return RawDocument(
        path=path,
        text=text,
        body=body,
        kind=kind,
        full_page=full,
        meta=meta,
        encoding=dec.encoding,
        warnings=dec.warnings,
        url=_url_of(meta),
    )

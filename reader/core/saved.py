"""Pages saved whole: MHTML archives and pages with their images inside.

*MHTML* (``.mhtml``/``.mht``, Chrome and Edge's "Save as single file") is a
MIME message: the page is its first ``text/html`` part, quoted-printable or
base64, in the charset its part declares; the page's address is the
``Snapshot-Content-Location`` header (or the part's ``Content-Location``). The
standard library's ``email`` package reads the headers and decodes the part.

*SingleFile* pages (and Zotero's snapshots) put every image, font and style
inside the HTML as ``data:`` URIs: a 5-50 MB file whose text is a few hundred
KB. The blobs are cut to an empty ``data:,`` before the size of the page is
judged, so such a page is read for its text.
"""

from __future__ import annotations

import re
from email import policy
from email.message import EmailMessage
from email.parser import BytesHeaderParser, BytesParser

#: A ``data:`` URI long enough to be an embedded file (not a 1×1 pixel). Its
#: payload ends at a quote, a bracket or white space.
_BLOB = re.compile(rb"data:[\w.+/-]{0,100}(?:;[^,;\"'()<>\s]{0,100})*,[^\"'()<>\s]{256,}")
_MHTML_HEAD = re.compile(
    rb"^(?:[\w-]+:[^\n]*\n(?:[ \t][^\n]*\n)*)*?content-type:\s*multipart/related", re.I
)


class NotAPage(Exception):
    """An archive that holds no page; ``str(exc)`` says why."""


def strip_blobs(data: bytes) -> bytes:
    """``data`` with every embedded file cut to an empty ``data:,`` URI."""
    if b"data:" not in data:
        return data
    return _BLOB.sub(b"data:,", data)


def is_mhtml(head: bytes) -> bool:
    """Does the file start as a MIME archive of a page?"""
    return bool(_MHTML_HEAD.match(head[:8192].replace(b"\r\n", b"\n")))


def mhtml_page(data: bytes) -> tuple[bytes, str | None, str | None]:
    """The page inside an MHTML archive: (its HTML bytes, its charset, its
    address). Raises ``NotAPage`` when there is no HTML part."""
    top = BytesHeaderParser(policy=policy.default).parsebytes(data[:65536])
    boundary = top.get_param("boundary")
    url = _header(top, "Snapshot-Content-Location")
    if not isinstance(boundary, str) or not boundary:
        raise NotAPage("an MHTML file without parts")
    marker = b"--" + boundary.encode("ascii", "replace")
    pos = data.find(marker)
    while pos >= 0:
        start = data.find(b"\n", pos) + 1
        end = data.find(marker, start)
        if start <= 0:
            break
        part = data[start : end if end >= 0 else len(data)]
        head = BytesHeaderParser(policy=policy.default).parsebytes(part[:16384])
        if head.get_content_type() == "text/html":
            msg = BytesParser(policy=policy.default).parsebytes(part)
            assert isinstance(msg, EmailMessage)
            payload = msg.get_payload(decode=True)
            if not isinstance(payload, bytes):
                raise NotAPage("an MHTML file whose page cannot be decoded")
            charset = msg.get_content_charset()
            return payload, charset, url or _header(head, "Content-Location")
        pos = end
    raise NotAPage("an MHTML file with no HTML page in it")


def _header(msg: object, name: str) -> str | None:
    value = msg.get(name) if hasattr(msg, "get") else None
    text = str(value).strip() if value else ""
    return text if text.startswith(("http://", "https://")) else None

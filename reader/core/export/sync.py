"""Exporting again into a folder of Markdown notes the user has edited.

Reader owns only what it marked: each highlight's block sits between
``<!-- reader:ID h=HASH -->`` and ``<!-- /reader:ID -->`` (Obsidian shows the
comments as nothing), and the front matter keys the template writes.
Everything else in the file is the user's and stays as it is: text before,
between and after the blocks, front matter keys of their own.

On a new export into such a file:

- a block still exported is rewritten with Reader's new text, unless the
  user edited inside it (its text no longer has the hash Reader wrote): then
  it is left alone and counted as kept;
- a block whose highlight is gone is removed, or with ``deleted="mark"``
  kept and marked as deleted (an edited one is always kept and marked);
- a new highlight's block goes after the block of the highlight before it,
  else where the new rendering puts it relative to the others, else at the end;
- the front matter's own keys are updated, the user's keys kept.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Literal

_BLOCK = re.compile(
    r"<!-- reader:(?P<id>[\w-]+)(?: h=(?P<h>[0-9a-f]+))? -->\n"
    r"(?P<body>.*?)<!-- /reader:(?P=id) -->\n?",
    re.S,
)
_FRONT = re.compile(r"\A---\n(?P<yaml>.*?)\n---\n", re.S)
_KEY = re.compile(r"^([A-Za-z_][\w-]*):", re.M)

Deleted = Literal["remove", "mark"]


def digest(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()[:12]


def block(hid: str, body: str) -> str:
    """A highlight's block as Reader writes it (``body`` ends with a newline)."""
    body = body if body.endswith("\n") else body + "\n"
    return f"<!-- reader:{hid} h={digest(body)} -->\n{body}<!-- /reader:{hid} -->\n"


@dataclass
class SyncReport:
    updated: int = 0
    added: int = 0
    removed: int = 0
    kept_edited: list[str] = field(default_factory=list)  # highlight ids
    marked_deleted: int = 0

    def add(self, other: SyncReport) -> None:
        self.updated += other.updated
        self.added += other.added
        self.removed += other.removed
        self.kept_edited += other.kept_edited
        self.marked_deleted += other.marked_deleted

    def summary(self) -> str:
        parts = [
            f"{self.updated} updated",
            f"{self.added} added",
            f"{self.removed} removed",
            f"{self.marked_deleted} marked deleted",
        ]
        if self.kept_edited:
            parts.append(f"{len(self.kept_edited)} edited by you, kept as you left them")
        return ", ".join(parts)


_OPEN = re.compile(r"<!-- reader:(?P<id>[\w-]+) -->\n(?P<body>.*?)<!-- /reader:(?P=id) -->", re.S)


def seal(text: str) -> str:
    """A rendered note with the hash of each block's text in its start marker
    (the template writes plain markers; the hash tells a later export whether
    the user edited the block)."""

    def mark(m: re.Match[str]) -> str:
        body = m["body"]
        return f"<!-- reader:{m['id']} h={digest(body)} -->\n{body}<!-- /reader:{m['id']} -->"

    return _OPEN.sub(mark, text)


def has_blocks(text: str) -> bool:
    return _BLOCK.search(text) is not None


def merge(existing: str, new: str, deleted: Deleted = "remove") -> tuple[str, SyncReport]:
    """``existing`` (the file as the user left it) brought up to ``new`` (this
    export's rendering of it), keeping the user's text and edits."""
    report = SyncReport()
    new_blocks = {m["id"]: m.group(0) for m in _BLOCK.finditer(new)}
    order = list(new_blocks)
    seen: set[str] = set()

    def replace(m: re.Match[str]) -> str:
        hid = m["id"]
        seen.add(hid)
        edited = m["h"] is not None and digest(m["body"]) != m["h"]
        if hid in new_blocks:
            if edited:
                report.kept_edited.append(hid)
                return m.group(0)
            if m.group(0) != new_blocks[hid]:
                report.updated += 1
            return new_blocks[hid]
        if edited or deleted == "mark":
            report.marked_deleted += 1
            body = m["body"]
            if not body.startswith("**Deleted in Reader.**"):
                body = "**Deleted in Reader.**\n\n" + body
            return f"<!-- reader-deleted:{hid} -->\n{body}<!-- /reader-deleted:{hid} -->\n"
        report.removed += 1
        return ""

    text = _BLOCK.sub(replace, existing)
    for i, hid in enumerate(order):
        if hid in seen:
            continue
        text = _insert(text, new_blocks[hid], order[:i])
        report.added += 1
    return _front_matter(text, new), report


def _insert(text: str, blk: str, before: list[str]) -> str:
    """``blk`` after the last block of ``before`` present in ``text``, else at the end."""
    for hid in reversed(before):
        m = re.search(rf"<!-- /reader:{re.escape(hid)} -->\n?", text)
        if m:
            return (
                text[: m.end()]
                + ("" if text[m.end() - 1] == "\n" else "\n")
                + "\n"
                + blk
                + text[m.end() :]
            )
    return text.rstrip("\n") + "\n\n" + blk


def _front_matter(text: str, new: str) -> str:
    """The new front matter's keys over the old one's; the user's own keys kept."""
    old_m, new_m = _FRONT.match(text), _FRONT.match(new)
    if new_m is None:
        return text
    if old_m is None:
        return new_m.group(0) + "\n" + text
    ours = {m.group(1) for m in _KEY.finditer(new_m["yaml"])}
    theirs = _entries(old_m["yaml"])
    kept = [e for key, e in theirs if key not in ours]
    yaml = new_m["yaml"] + ("\n" + "\n".join(kept) if kept else "")
    return f"---\n{yaml}\n---\n" + text[old_m.end() :]


def _entries(yaml: str) -> list[tuple[str, str]]:
    """Top-level ``key: value`` entries with their continuation lines."""
    out: list[tuple[str, str]] = []
    for line in yaml.split("\n"):
        m = _KEY.match(line)
        if m:
            out.append((m.group(1), line))
        elif out:
            key, e = out[-1]
            out[-1] = (key, e + "\n" + line)
    return out

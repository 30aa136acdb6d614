"""Exporting highlights and notes: Markdown, CSV, HTML, W3C JSON-LD, REFI-QDA.

``run_export`` is what the CLI and the app call. Text formats go to a string
(stdout) when no destination is given; files are written atomically and an
existing file or non-empty folder is never overwritten without ``force``.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..annotations import Document
from .common import (
    ArticleNotes,
    ExportError,
    ExportFilter,
    Progress,
    check_destination,
    inside,
    safe_name,
    select,
    write_file,
)
from .formats import DEFAULT_MARKDOWN, csv_text, html_report, markdown, markdown_combined
from .qdpx import build as qdpx_build
from .sync import Deleted, SyncReport, has_blocks, merge
from .template import Template, TemplateError
from .w3c import collection

FORMATS = ("md", "csv", "html", "json", "qdpx")
__all__ = [
    "FORMATS",
    "ExportError",
    "ExportFilter",
    "ExportResult",
    "load_template",
    "render",
    "run_export",
    "select",
]


@dataclass
class ExportResult:
    text: str | None  # for stdout, when no destination was given
    files: list[Path]
    highlights: int
    articles: int
    #: into a folder of earlier notes: what changed in them, and the files
    #: left alone (not written by Reader's notes format; --force replaces them)
    sync: SyncReport | None = None
    skipped: list[Path] = field(default_factory=list)


def _export_folder(
    notes: Sequence[ArticleNotes],
    out: Path,
    template: Template | None,
    force: bool,
    deleted: Deleted,
    progress: Progress | None,
    hl: int,
) -> ExportResult:
    if out.exists() and not out.is_dir():
        raise ExportError(f"{out} exists and is not a folder")
    out.mkdir(parents=True, exist_ok=True)
    tpl = template or load_template(None)
    earlier = _earlier_notes(out)
    used = {p.name.casefold() for p in out.iterdir()}
    files: list[Path] = []
    skipped: list[Path] = []
    total = SyncReport()
    for i, n in enumerate(notes):
        if progress is not None and not progress(i, len(notes)):
            raise ExportError(f"cancelled after {i} of {len(notes)} files")
        try:
            text = markdown(n, tpl)
        except TemplateError as exc:
            raise ExportError(f"the template failed: {exc}") from None
        target = earlier.get(n.article_id)
        if target is None:
            target = inside(out, safe_name(n.title, used))
            if target.exists() and not force:
                skipped.append(target)
                continue
        else:
            old = target.read_text("utf-8", "replace")
            if has_blocks(old):
                text, rep = merge(old, text, deleted)
                total.add(rep)
                if text == old:
                    continue
            elif not force:
                skipped.append(target)  # a note of the user's, or from an older Reader
                continue
        write_file(target, text.encode("utf-8"))
        files.append(target)
    if progress is not None:
        progress(len(notes), len(notes))
    return ExportResult(None, files, hl, len(notes), sync=total, skipped=skipped)


_ARTICLE_ID = re.compile(r"^article_id:\s*\"?([0-9a-f]{16})\"?\s*$", re.M)


def _earlier_notes(folder: Path) -> dict[str, Path]:
    """article id → the note an earlier export wrote for it (by its front matter)."""
    found: dict[str, Path] = {}
    for p in sorted(folder.glob("*.md")):
        try:
            with p.open("r", encoding="utf-8", errors="replace") as fh:
                head = fh.read(4096)
        except OSError:
            continue
        m = _ARTICLE_ID.search(head.split("\n---", 1)[0]) if head.startswith("---") else None
        if m:
            found.setdefault(m.group(1), p)
    return found


def load_template(path: str | Path | None) -> Template:
    try:
        source = Path(path).read_text("utf-8") if path else DEFAULT_MARKDOWN
        return Template(source)
    except OSError as exc:
        raise ExportError(f"cannot read the template: {exc.strerror}") from None
    except TemplateError as exc:
        raise ExportError(f"the template is not valid: {exc}") from None


def render(
    fmt: str, notes: Sequence[ArticleNotes], doc: Document, template: Template | None = None
) -> bytes:
    """One document holding everything, in ``fmt`` (md, csv, html, json or qdpx)."""
    if fmt == "md":
        try:
            return markdown_combined(notes, template or load_template(None)).encode("utf-8")
        except TemplateError as exc:
            raise ExportError(f"the template failed: {exc}") from None
    if fmt == "csv":
        return codecs.BOM_UTF8 + csv_text(notes).encode("utf-8")
    if fmt == "html":
        return html_report(notes).encode("utf-8")
    if fmt == "json":
        data = collection(notes, tags=doc.tags, rules=doc.rules.values())
        return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    if fmt == "qdpx":
        return qdpx_build(notes, doc)
    raise ExportError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")


def run_export(
    fmt: str,
    notes: Sequence[ArticleNotes],
    doc: Document,
    out: Path | None = None,
    *,
    template: Template | None = None,
    force: bool = False,
    folder: bool | None = None,
    progress: Progress | None = None,
    deleted: Deleted = "remove",
) -> ExportResult:
    """Export; ``folder`` (Markdown only): one file per article in ``out``.

    When ``folder`` is None it is inferred: an existing directory is a folder.
    Into a folder that holds notes from an earlier export, each article's
    note is updated in place (see ``sync``): the user's text and edits stay;
    ``deleted`` says what becomes of a removed highlight's block.
    """
    hl = sum(len(n.highlights) for n in notes)
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    per_article = (
        fmt == "md" and out is not None and (folder if folder is not None else out.is_dir())
    )
    if out is None:
        if fmt == "qdpx":
            raise ExportError("a .qdpx project is a zip file: give --out FILE.qdpx")
        return ExportResult(render(fmt, notes, doc, template).decode("utf-8"), [], hl, len(notes))
    if per_article:
        return _export_folder(notes, out, template, force, deleted, progress, hl)
    check_destination(out, folder=False, force=force)
    if progress is not None and not progress(0, 1):
        raise ExportError("cancelled")
    data = render(fmt, notes, doc, template)
    if progress is not None and not progress(1, 1):
        raise ExportError("cancelled")  # nothing written
    out.parent.mkdir(parents=True, exist_ok=True)
    write_file(out, data)
    return ExportResult(None, [out], hl, len(notes))

"""The command line: a thin face on the core.

Its flags and JSON Lines output are a contract other tools script against; the
issues that introduced each command state it exactly. Heavy imports (Qt) happen
only for the commands that need them, so ``reader clean`` starts fast.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from . import __version__
from .core import paths
from .core.article import Article
from .core.formats import NotAnArticle
from .core.library import LoadResult, load_file, load_folder
from .core.parallel import clean_paths


class CliError(Exception):
    """A user-facing error: printed as one line on stderr, exit status 1 (2 for usage)."""

    def __init__(self, message: str, status: int = 1) -> None:
        super().__init__(message)
        self.status = status


def _print_json(obj: object, out: TextIO) -> None:
    out.write(json.dumps(obj, ensure_ascii=False) + "\n")


def format_article(a: Article) -> str:
    """Plain-text rendering: title, a metadata line, then the text with headings marked."""
    meta = " · ".join(
        x
        for x in (
            a.date + (" " + a.time if a.time else "") if a.date else None,
            a.source,
            a.author,
        )
        if x
    )
    lines = [a.title, meta or "(no date, source or author)", ""]
    for b in a.blocks:
        lines.append(("## " + b.text) if b.type == "heading" else b.text)
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


# -- clean ------------------------------------------------------------------------


def cmd_clean(args: argparse.Namespace, out: TextIO) -> int:
    status = 0
    first = True
    for p, a in clean_paths(args.paths):
        if isinstance(a, str):
            status = 1
            if args.json:
                _print_json({"path": p, "error": a}, out)
            else:
                print(f"reader: {p}: {a}", file=sys.stderr)
            continue
        if args.json:
            obj = a.to_json()
            obj["path"] = p
            _print_json(obj, out)
        else:
            if not first:
                out.write("\n" + "=" * 40 + "\n\n")
            out.write(format_article(a))
        first = False
    return status


# -- list / show ------------------------------------------------------------------


def _load_library(args: argparse.Namespace) -> tuple[Path, LoadResult]:
    root = paths.resolve_library(getattr(args, "library", None))
    if not root.is_dir():
        raise CliError(f"library folder not found: {root}")
    result = load_folder(root)
    paths.remember_library(root)
    for f in result.failures:
        print(f"reader: skipped {f.path}: {f.reason}", file=sys.stderr)
    return root, result


def find_article(ref: str, result: LoadResult) -> Article:
    """An article by id, unique id prefix, or file path."""
    by_id = {a.id: a for a in result.articles}
    if ref in by_id:
        return by_id[ref]
    p = Path(ref)
    if p.exists():
        rp = p.resolve()
        for a in result.articles:
            if Path(a.path).resolve() == rp:
                return a
        try:
            return load_file(p)  # a file outside the library is read directly
        except NotAnArticle as exc:
            raise CliError(f"{ref}: {exc}") from None
    matches = [a for i, a in by_id.items() if i.startswith(ref)] if len(ref) >= 4 else []
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        raise CliError(f"article id prefix {ref!r} is ambiguous ({len(matches)} articles)")
    raise CliError(f"no article {ref!r} in the library (give an id, a unique id prefix or a path)")


def article_row(a: Article, tags: Sequence[str] = (), highlights: int = 0) -> dict[str, object]:
    return {
        "id": a.id,
        "date": a.date,
        "source": a.source,
        "title": a.title,
        "characters": a.char_count,
        "tags": list(tags),
        "highlights": highlights,
        "path": a.path,
    }


def cmd_list(args: argparse.Namespace, out: TextIO) -> int:
    _root, result = _load_library(args)
    arts = sorted(result.articles, key=lambda a: (a.date or "", a.title), reverse=True)
    for a in arts:
        row = article_row(a)
        if args.json:
            _print_json(row, out)
        else:
            tags = ",".join(row["tags"])  # type: ignore[arg-type]
            out.write(
                f"{a.id[:12]}  {a.date or '----------'}  {(a.source or '-')[:12]:<12}  "
                f"{a.char_count:>6}  {tags or '-':<10}  {row['highlights']:>3}  {a.title}\n"
            )
    return 0


def cmd_show(args: argparse.Namespace, out: TextIO) -> int:
    _root, result = _load_library(args)
    a = find_article(args.article, result)
    if args.json:
        _print_json(a.to_json(), out)
    else:
        out.write(format_article(a))
    return 0


# -- gui ----------------------------------------------------------------------------


def cmd_gui(args: argparse.Namespace, out: TextIO) -> int:
    try:
        from .ui.app import run  # noqa: PLC0415 - Qt only when the GUI is wanted
    except ImportError as exc:
        raise CliError(f"the desktop app is not available: {exc}") from None
    return run(library=getattr(args, "library", None), store=getattr(args, "store", None))


# -- parser -------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader",
        description="Read and annotate a corpus of saved web articles. "
        "With no command, opens the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--library", metavar="DIR", help="library folder (env READER_LIBRARY)")
        p.add_argument("--store", metavar="PATH", help="annotation store (env READER_STORE)")

    p = sub.add_parser("clean", help="clean files and print the articles")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--json", action="store_true", help="JSON Lines, one object per file")
    p.set_defaults(func=cmd_clean)

    p = sub.add_parser("list", help="list the library's articles")
    common(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("show", help="show one article (id, id prefix or path)")
    p.add_argument("article", metavar="ID|PATH")
    common(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("gui", help="open the desktop app")
    common(p)
    p.set_defaults(func=cmd_gui)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args.func = cmd_gui
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")
    out = sys.stdout
    try:
        return int(args.func(args, out))
    except CliError as exc:
        print(f"reader: {exc}", file=sys.stderr)
        return exc.status
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


def gui_main() -> int:
    return main(["gui", *sys.argv[1:]])

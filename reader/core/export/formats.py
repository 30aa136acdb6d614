"""Markdown, CSV and HTML exports of highlights and notes.

Markdown is shaped by a template (``template.py``; ``DEFAULT_MARKDOWN`` below,
or a user's file). CSV uses Readwise's import columns and a UTF-8 BOM so Excel
opens Chinese correctly. HTML is a printable, self-contained report: nothing
in it loads from anywhere.
"""

from __future__ import annotations

import csv
import html
import io
import os
import re
from collections.abc import Sequence
from typing import Any

from ..annotations import color_hex
from ..paths import shown
from .common import ArticleNotes, article_uri, highlight_link
from .sync import seal
from .template import Template

DEFAULT_MARKDOWN = """\
{% if not combined %}
---
title: {{ title | yaml }}
date: {{ date | yaml }}
source: {{ source | yaml }}
author: {{ author | yaml }}
url: {{ url | yaml }}
tags: {{ tags | obsidian | yaml }}
highlight_colors: {{ colors | yaml }}
path: {{ path | yaml }}
article_id: {{ id | yaml }}
---

{% endif %}
{{ block_begin }}
# {{ title | md }}
{% if combined %}

{{ meta_line | md }}{% if tags %} · {{ tags | hashtags }}{% endif %}
{% endif %}
{% if note %}

{{ note | callout }}
{% endif %}
{{ block_end }}
{% for h in highlights %}

{{ h.block_begin }}
{% if h.new_heading %}
## {{ h.heading | md }}

{% endif %}
{{ h.quote | blockquote }}
>
> — {{ h.color | color }}{% if h.meaning %} ({{ h.meaning | md }}){% endif -%}
{% if h.tags %} {{ h.tags | hashtags }}{% endif %}{{ h.orphan_mark -}}
{{ " · " }}[↗]({{ h.link }})
{% if h.note %}

{{ h.note | callout }}
{% endif %}
{{ h.block_end }}
{% endfor %}
"""


def article_context(n: ArticleNotes, combined: bool) -> dict[str, Any]:
    a = n.article
    items = []
    last_heading: str | None = None
    for h in n.highlights:
        heading = n.heading_for(h)
        items.append(
            {
                "id": h.id,
                "quote": h.exact,
                "color": h.color,
                "color_hex": color_hex(h.color),
                "meaning": n.meanings.get(h.color, ""),
                "tags": list(h.tags),
                "note": h.note,
                "heading": heading,
                "new_heading": bool(heading) and heading != last_heading,
                "start": h.start,
                "end": h.end,
                "created": h.created,
                "modified": h.modified,
                "status": h.status,
                "orphaned": h.status == "orphaned",
                "link": highlight_link(h.id),
                # the block Reader owns in an exported note (see sync.py)
                "block_begin": "" if combined else f"<!-- reader:{h.id} -->",
                "block_end": "" if combined else f"<!-- /reader:{h.id} -->",
                "orphan_mark": " (orphaned: no longer found in the article)"
                if h.status == "orphaned"
                else "",
            }
        )
        if heading:
            last_heading = heading
    meta = " · ".join(
        x
        for x in ((a.date if a else None), (a.source if a else None), (a.author if a else None))
        if x
    )
    return {
        "combined": combined,
        "id": n.article_id,
        "uri": article_uri(n.article_id),
        "title": n.title,
        "date": a.date if a else None,
        "source": a.source if a else None,
        "author": a.author if a else None,
        "url": a.url if a else None,
        "path": shown(os.path.abspath(a.path)) if a else None,
        "tags": list(n.tags),
        "colors": list(dict.fromkeys(h.color for h in n.highlights)),
        "block_begin": "" if combined else "<!-- reader:article -->",
        "block_end": "" if combined else "<!-- /reader:article -->",
        "note": n.note,
        "meta_line": meta,
        "highlights": items,
    }


def markdown(n: ArticleNotes, template: Template, combined: bool = False) -> str:
    text = template.render(article_context(n, combined))
    text = re.sub(r"\n{3,}", "\n\n", text).strip("\n") + "\n"
    return text if combined else seal(text)


def markdown_combined(notes: Sequence[ArticleNotes], template: Template) -> str:
    return "\n---\n\n".join(markdown(n, template, combined=True) for n in notes)


CSV_COLUMNS = [
    "Highlight",
    "Title",
    "Author",
    "URL",
    "Note",
    "Location",
    "Date",
    "Tags",
    "Color",
    "Color Meaning",
]


def cell(value: object) -> object:
    """A CSV cell a spreadsheet shows as text: one starting with ``=``, ``+``,
    ``-``, ``@``, a tab or a carriage return gets a leading ``'`` (OWASP's rule
    against formula injection: notes and page text flow in from anywhere)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def readwise_note(note: str, tags: Sequence[str]) -> str:
    """The Note cell: the note, then the tags the way Readwise's CSV import
    reads them (".tag" words on a line of their own; a space in a name is
    "_")."""
    marks = " ".join("." + re.sub(r"\s+", "_", t) for t in tags)
    return f"{note}\n{marks}" if note and marks else (note or marks)


def csv_text(notes: Sequence[ArticleNotes]) -> str:
    """Readwise's columns (+ Tags, Color); the caller writes it with a UTF-8 BOM.
    Tags: in the Note cell as Readwise reads them, and exactly, one a line, in
    our Tags column (a tag may hold a comma)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(CSV_COLUMNS)
    for n in notes:
        author = n.article.author if n.article else ""
        url = n.article.url if n.article else ""
        for h in n.highlights:
            w.writerow(
                map(
                    cell,
                    [
                        h.exact,
                        n.title,
                        author or "",
                        url or "",
                        readwise_note(h.note, h.tags),
                        h.start,
                        (h.created or "")[:19].replace("T", " "),
                        "\n".join(h.tags),
                        h.color,
                        n.meanings.get(h.color, ""),
                    ],
                )
            )
    return buf.getvalue()


_HTML_HEAD = """<!DOCTYPE html>
<html lang="zh-Hans"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>{title}</title>
<style>
body {{ font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC",
       "Microsoft YaHei", sans-serif; max-width: 46em; margin: 2em auto; padding: 0 1em;
       line-height: 1.75; color: #1f2328; }}
h1 {{ font-size: 1.5em; margin-bottom: .2em; }}
h2 {{ font-size: 1.15em; margin-top: 1.6em; }}
.meta {{ color: #6a737d; font-size: .9em; }}
.tags span {{ display: inline-block; background: #eef1f4; border-radius: .8em;
              padding: 0 .6em; margin-right: .3em; font-size: .85em; }}
blockquote {{ margin: 1em 0 .3em; padding: .3em .8em; border-left: 4px solid #ccc; }}
blockquote mark {{ padding: .1em 0; }}
.note {{ margin: .2em 0 1em 1.1em; }}
.note p {{ margin: .3em 0; }}
.orphan {{ color: #c92a2a; font-size: .85em; }}
.meaning {{ color: #6a737d; font-size: .85em; margin-right: .5em; }}
.legend span {{ display: inline-block; margin-right: 1em; font-size: .9em; }}
.legend i {{ display: inline-block; width: .9em; height: .9em; border-radius: .2em;
             vertical-align: -.1em; margin-right: .3em; }}
article {{ page-break-after: always; }}
@media print {{ body {{ margin: 0; }} }}
</style></head><body>
"""


def note_html(markdown: str) -> str:
    """A note's Markdown as HTML for the report, sanitised: raw HTML in the
    note is shown as text, images as their alt text (the report loads
    nothing), links only to web and mail addresses (markdown-it refuses
    javascript: and the like)."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False}).disable("image")
    return str(md.render(markdown)).strip()


def html_report(notes: Sequence[ArticleNotes], title: str = "Highlights") -> str:
    e = html.escape
    out = [_HTML_HEAD.format(title=e(title))]
    used = dict.fromkeys(h.color for n in notes for h in n.highlights)
    meanings = notes[0].meanings if notes else {}
    if any(c in meanings for c in used):  # the colours' legend
        out.append(
            '<p class="legend">'
            + "".join(
                f'<span><i style="background:{e(color_hex(c))}"></i>{e(meanings[c])}</span>'
                for c in used
                if c in meanings
            )
            + "</p>"
        )
    for n in notes:
        a = n.article
        meta = " · ".join(
            x
            for x in ((a.date if a else None), (a.source if a else None), (a.author if a else None))
            if x
        )
        out.append("<article>")
        out.append(f"<h1>{e(n.title)}</h1>")
        if meta:
            out.append(f'<p class="meta">{e(meta)}</p>')
        if n.tags:
            out.append(
                '<p class="tags">' + "".join(f"<span>{e(t)}</span>" for t in n.tags) + "</p>"
            )
        if n.note:
            out.append(f'<div class="note">{note_html(n.note)}</div>')
        last = None
        for h in n.highlights:
            heading = n.heading_for(h)
            if heading and heading != last:
                out.append(f"<h2>{e(heading)}</h2>")
                last = heading
            c = color_hex(h.color)
            mark = f'<mark style="background:{e(c)}66">{e(h.exact)}</mark>'
            label = f' title="{e(n.color_label(h.color))}"' if h.color in n.meanings else ""
            out.append(f'<blockquote style="border-color:{e(c)}"{label}>{mark}</blockquote>')
            extra = []
            if h.color in n.meanings:
                extra.append(f'<span class="meaning">{e(n.meanings[h.color])}</span>')
            if h.tags:
                extra.append(
                    '<span class="tags">'
                    + "".join(f"<span>#{e(t)}</span>" for t in h.tags)
                    + "</span>"
                )
            if h.status == "orphaned":
                extra.append('<span class="orphan">orphaned: no longer found in the article</span>')
            if extra:
                out.append("<p>" + " ".join(extra) + "</p>")
            if h.note:
                out.append(f'<div class="note">{note_html(h.note)}</div>')
        out.append("</article>")
    out.append("</body></html>\n")
    return "\n".join(out)

"""Markdown export templates: Jinja2's sandbox, so users can shape their notes.

    {{ name }}  {{ h.note }}  {{ title | yaml }}        values, with filters
    {% for h in highlights %} … {% endfor %}            loops
    {% if h.note %} … {% else %} … {% endif %}          conditions (also ``if not x``)

This is the syntax templates have always used; it is Jinja's, rendered by
Jinja2's ``SandboxedEnvironment`` (templates cannot reach Python objects or run
code). A line holding only a ``{% … %}`` tag disappears entirely, so templates
can be laid out readably (a rule of ours, applied before Jinja reads the
template: Jinja's ``trim_blocks`` would also eat the line break after a tag in
the middle of a line). A missing value
renders as nothing. Filters of our own: ``yaml`` (a YAML-safe scalar or list),
``blockquote`` (prefix every line with "> "), ``hashtags`` (``#a #b``),
``oneline`` (newlines to spaces); Jinja's own (``upper``, ``default``,
``join``, …) work too. Errors name the template line.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any

#: A template longer than this is refused (they are a page or two).
MAX_TEMPLATE = 1_000_000


class TemplateError(ValueError):
    pass


def _plain(v: Any) -> Any:
    """Jinja's "undefined" (a name the context lacks) as None."""
    from jinja2 import Undefined

    return None if isinstance(v, Undefined) else v


_DAY = re.compile(r"\d{4}-\d\d-\d\d")


def _yaml(v: Any) -> str:
    """A YAML scalar or flow list, written by PyYAML's emitter: strings always
    double-quoted (an id like 3117652132e19314 stays a string in every YAML
    parser), a calendar day bare (a YAML date), nothing as null."""
    import yaml

    v = _plain(v)
    if v is None:
        return "null"
    if isinstance(v, str) and _DAY.fullmatch(v):
        return v
    value: Any = [str(x) for x in v] if isinstance(v, list | tuple) else str(v)
    out = yaml.dump(
        value, Dumper=_quoted_dumper(), default_flow_style=True, allow_unicode=True, width=1 << 30
    )
    return str(out).strip()


@functools.cache
def _quoted_dumper() -> Any:
    """PyYAML's safe dumper, every string double-quoted (made with the first
    export: PyYAML is not loaded with the window)."""
    import yaml

    class Quoted(yaml.SafeDumper):
        pass

    Quoted.add_representer(
        str, lambda d, s: d.represent_scalar("tag:yaml.org,2002:str", s, style='"')
    )
    return Quoted


#: What CommonMark would read as syntax in running text.
_MD_INLINE = re.compile(r"([\\`*_\[\]<>!~|#])")
#: What it would read as a block at the start of a line.
_MD_LINE_START = re.compile(r"^(\s*)([#+=-]|\d+(?=[.)]))")


def md_escape(text: str) -> str:
    """``text`` that a CommonMark reader (Obsidian) shows as the characters they
    are: emphasis marks, brackets, a "# " or "1. " opening a line are escaped."""
    out = []
    for line in text.split("\n"):
        line = _MD_INLINE.sub(r"\\\1", line)
        m = _MD_LINE_START.match(line)
        if m:
            if m.group(2)[0].isdigit():  # "1. x": escape the dot after the number
                end = m.end()
                line = line[:end] + "\\" + line[end:]
            else:
                line = line[: m.start(2)] + "\\" + line[m.start(2) :]
        out.append(line)
    return "\n".join(out)


def _blockquote(v: Any) -> str:
    """Every line prefixed "> ", its text escaped (a quote shows as written)."""
    v = _plain(v)
    text = "" if v is None else md_escape(str(v))
    return "\n".join("> " + line if line else ">" for line in text.split("\n"))


def _callout(v: Any) -> str:
    """A note as an Obsidian callout ("> [!note]", then "> " before each
    line): the user's Markdown renders, but a heading or a list in it stays
    inside the note instead of breaking the page's outline."""
    v = _plain(v)
    text = "" if v is None else str(v)
    lines = ["> " + line if line else ">" for line in text.split("\n")]
    return "\n".join(["> [!note]", *lines])


_NOT_IN_TAG = re.compile(r"[^\w/-]+")


def obsidian_tag(name: str) -> str:
    """A tag name as Obsidian's tag syntax allows it: letters, digits, "_",
    "-" and "/" (nesting); every other run of characters becomes "_"; a name
    of digits only gets a leading "_" ("1984" → "_1984")."""
    t = _NOT_IN_TAG.sub("_", name).strip("_/")
    t = re.sub(r"/{2,}", "/", t)
    if not t:
        return "_"
    return "_" + t if t.replace("/", "").isdigit() else t


def _obsidian(v: Any) -> Any:
    v = _plain(v)
    if isinstance(v, list | tuple):
        return [obsidian_tag(str(t)) for t in v]
    return obsidian_tag(str(v)) if v is not None else None


def _hashtags(v: Any) -> str:
    return " ".join("#" + obsidian_tag(str(t)) for t in (_plain(v) or []))


def _color(v: Any) -> str:
    """A colour as text, never as a tag: "#ff8800" in code spans."""
    v = _plain(v)
    text = "" if v is None else str(v)
    return f"`{text}`" if text.startswith("#") else text


def _oneline(v: Any) -> str:
    v = _plain(v)
    return re.sub(r"\s*\n\s*", " ", "" if v is None else str(v))


FILTERS: dict[str, Callable[[Any], Any]] = {
    "yaml": _yaml,
    "blockquote": _blockquote,
    "callout": _callout,
    "hashtags": _hashtags,
    "obsidian": _obsidian,
    "color": _color,
    # (for one line after "# " or in a paragraph: emphasis, brackets, tags)
    "md": lambda v: _MD_INLINE.sub(r"\\\1", "" if _plain(v) is None else str(_plain(v))),
    "oneline": _oneline,
}


def _environment() -> Any:
    from jinja2.sandbox import SandboxedEnvironment  # Jinja loads only when exporting

    env = SandboxedEnvironment(
        keep_trailing_newline=True,
        autoescape=False,  # Markdown, not HTML
        finalize=lambda v: "" if v is None else v,
    )
    env.filters.update(FILTERS)
    return env


_TAG_LINE = re.compile(r"[ \t]*(\{%.*%\})[ \t]*")


def tag_lines_joined(source: str) -> tuple[str, list[tuple[int, int]]]:
    """``source`` with every line that holds only a ``{% … %}`` tag joined to the
    next (its spaces and line break dropped), and for each resulting line the
    first and last template line it was made of."""
    lines = source.split("\n")
    out: list[str] = []
    origin: list[tuple[int, int]] = []
    text, start = "", 0
    for n, line in enumerate(lines, 1):
        if not text:
            start = n
        m = _TAG_LINE.fullmatch(line)
        if m is not None and n < len(lines):
            text += m.group(1)
            continue
        out.append(text + line)
        origin.append((start, n))
        text = ""
    return "\n".join(out), origin


class Template:
    def __init__(self, source: str) -> None:
        from jinja2 import TemplateError as JinjaError
        from jinja2 import TemplateSyntaxError

        if len(source) > MAX_TEMPLATE:
            raise TemplateError(f"the template is over {MAX_TEMPLATE // 1000} KB; refused")
        joined, self._origin = tag_lines_joined(source)
        try:
            self._template = _environment().from_string(joined)
        except TemplateSyntaxError as exc:
            raise TemplateError(f"line {self._line(exc.lineno)}: {exc.message}") from None
        except JinjaError as exc:
            raise TemplateError(str(exc)) from None
        except RecursionError:
            raise TemplateError("the template is nested too deeply") from None

    def render(self, ctx: dict[str, Any]) -> str:
        from jinja2 import TemplateError as JinjaError

        try:
            return str(self._template.render(ctx))
        except JinjaError as exc:
            line = _line_of(exc)
            where = f"line {self._line(line)}: " if line else ""
            raise TemplateError(where + str(exc)) from None
        except RecursionError:
            raise TemplateError("the template is nested too deeply") from None

    def _line(self, joined_line: int) -> str:
        """The template's own line(s) for a line of the joined source: "3", or
        "2-3" where a tag line was joined to the next."""
        i = joined_line - 1
        if not 0 <= i < len(self._origin):
            return str(joined_line)
        first, last = self._origin[i]
        return str(first) if first == last else f"{first}-{last}"


def _line_of(exc: BaseException) -> int | None:
    """The template line a render error happened on (from its traceback)."""
    tb = exc.__traceback__
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line

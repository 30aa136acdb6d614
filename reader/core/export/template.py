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

import json
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


def _yaml(v: Any) -> str:
    v = _plain(v)
    if v is None or v == "":
        return '""' if v == "" else "null"
    if isinstance(v, list | tuple):
        return json.dumps([str(x) for x in v], ensure_ascii=False)
    return json.dumps(str(v), ensure_ascii=False)


def _blockquote(v: Any) -> str:
    v = _plain(v)
    text = "" if v is None else str(v)
    return "\n".join("> " + line if line else ">" for line in text.split("\n"))


def _hashtags(v: Any) -> str:
    return " ".join("#" + re.sub(r"\s+", "_", str(t)) for t in (_plain(v) or []))


def _oneline(v: Any) -> str:
    v = _plain(v)
    return re.sub(r"\s*\n\s*", " ", "" if v is None else str(v))


FILTERS: dict[str, Callable[[Any], str]] = {
    "yaml": _yaml,
    "blockquote": _blockquote,
    "hashtags": _hashtags,
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

"""A tiny template language for the Markdown export, so users can shape their notes.

    {{ name }}  {{ h.note }}  {{ title | yaml }}        values, with filters
    {% for h in highlights %} … {% endfor %}            loops
    {% if h.note %} … {% else %} … {% endif %}          conditions (also ``if not x``)

A line holding only a ``{% … %}`` tag disappears entirely, so templates can be
laid out readably. Filters: ``yaml`` (a YAML-safe scalar or list),
``blockquote`` (prefix every line with "> "), ``hashtags`` (``#a #b``),
``oneline`` (newlines to spaces). Templates cannot run code: names are looked
up in plain dictionaries only.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


class TemplateError(ValueError):
    pass


_TOKEN = re.compile(r"(\{\{.*?\}\}|\{%.*?%\})", re.S)
_BLOCK_LINE = re.compile(r"^[ \t]*(\{%.*?%\})[ \t]*\n", re.M)


def _yaml(v: Any) -> str:
    if v is None or v == "":
        return '""' if v == "" else "null"
    if isinstance(v, (list, tuple)):
        return json.dumps([str(x) for x in v], ensure_ascii=False)
    return json.dumps(str(v), ensure_ascii=False)


def _blockquote(v: Any) -> str:
    return "\n".join("> " + line if line else ">" for line in str(v).split("\n"))


def _hashtags(v: Any) -> str:
    return " ".join("#" + re.sub(r"\s+", "_", str(t)) for t in (v or []))


FILTERS: dict[str, Callable[[Any], str]] = {
    "yaml": _yaml,
    "blockquote": _blockquote,
    "hashtags": _hashtags,
    "oneline": lambda v: re.sub(r"\s*\n\s*", " ", str(v)),
}


@dataclass
class _Node:
    kind: str  # text | var | for | if
    value: str = ""
    body: list[_Node] | None = None
    orelse: list[_Node] | None = None
    var: str = ""


def _lookup(ctx: dict[str, Any], expr: str) -> Any:
    parts = expr.strip().split(".")
    cur: Any = ctx
    for p in parts:
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", p):
            raise TemplateError(f"bad name {expr!r}")
        if isinstance(cur, dict):
            cur = cur.get(p)
        else:
            return None
    return cur


class Template:
    def __init__(self, source: str) -> None:
        src = _BLOCK_LINE.sub(lambda m: m.group(1), source)
        tokens = [t for t in _TOKEN.split(src) if t]
        self.nodes, rest = self._parse(tokens, 0, ())
        if rest != len(tokens):
            raise TemplateError("unexpected end tag")

    def _parse(self, tokens: list[str], i: int, ends: tuple[str, ...]) -> tuple[list[_Node], int]:
        nodes: list[_Node] = []
        while i < len(tokens):
            t = tokens[i]
            if t.startswith("{{"):
                nodes.append(_Node("var", t[2:-2].strip()))
                i += 1
            elif t.startswith("{%"):
                words = t[2:-2].split()
                if not words:
                    raise TemplateError("empty tag")
                head = words[0]
                if head in ends:
                    return nodes, i
                if head == "for":
                    if len(words) != 4 or words[2] != "in":
                        raise TemplateError(f"bad for tag: {t}")
                    body, i = self._parse(tokens, i + 1, ("endfor",))
                    self._expect(tokens, i, "endfor")
                    nodes.append(_Node("for", words[3], body, var=words[1]))
                    i += 1
                elif head == "if":
                    body, i = self._parse(tokens, i + 1, ("else", "endif"))
                    orelse: list[_Node] = []
                    if i < len(tokens) and tokens[i][2:-2].split()[:1] == ["else"]:
                        orelse, i = self._parse(tokens, i + 1, ("endif",))
                    self._expect(tokens, i, "endif")
                    nodes.append(_Node("if", " ".join(words[1:]), body, orelse))
                    i += 1
                else:
                    raise TemplateError(f"unknown tag {head!r}")
            else:
                nodes.append(_Node("text", t))
                i += 1
        if ends:
            raise TemplateError(f"missing {{% {ends[-1]} %}}")
        return nodes, i

    @staticmethod
    def _expect(tokens: list[str], i: int, word: str) -> None:
        if i >= len(tokens) or tokens[i][2:-2].split()[:1] != [word]:
            raise TemplateError(f"missing {{% {word} %}}")

    def render(self, ctx: dict[str, Any]) -> str:
        out: list[str] = []
        self._render(self.nodes, ctx, out)
        return "".join(out)

    def _render(self, nodes: list[_Node], ctx: dict[str, Any], out: list[str]) -> None:
        for n in nodes:
            if n.kind == "text":
                out.append(n.value)
            elif n.kind == "var":
                expr, *filters = [p.strip() for p in n.value.split("|")]
                v = _lookup(ctx, expr)
                for f in filters:
                    fn = FILTERS.get(f)
                    if fn is None:
                        raise TemplateError(f"unknown filter {f!r}")
                    v = fn(v)
                out.append("" if v is None else str(v))
            elif n.kind == "for":
                items = _lookup(ctx, n.value) or []
                for item in items:
                    self._render(n.body or [], {**ctx, n.var: item}, out)
            elif n.kind == "if":
                expr = n.value
                negate = expr.startswith("not ")
                v = bool(_lookup(ctx, expr[4:] if negate else expr))
                self._render((n.body if v != negate else n.orelse) or [], ctx, out)

"""A line of page text, with what the markup said about it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Line:
    text: str
    heading: bool = False  # came from <h1>-<h6> (or is a detected subheading)
    link_ratio: float = 0.0  # share of its characters inside links
    junk_hint: str | None = None  # why the markup around it looks like chrome
    verbatim: bool = False  # code: kept as written, never judged as chrome
    opens_unlinked: bool = False  # its first words are outside a link (HTML)

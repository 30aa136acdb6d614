"""Where each character of an article's clean text sits in the reader's document.

The reader shows the clean text block by block, after a title and a metadata
line; positions in the document are UTF-16 code units (Qt's), positions in
the clean text are code points (the store's, as the W3C model wants). A
``TextMap`` records, for every block, where it starts in both, so converting
either way is a bisection plus, only for blocks with characters outside the
BMP (emoji, rare CJK like 𠮷), a count of surrogate pairs.
"""

from __future__ import annotations

import bisect
import re

from ..core.anchoring import codepoint_to_utf16, utf16_to_codepoint

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class TextMap:
    def __init__(self) -> None:
        self.doc_starts: list[int] = []
        self.clean_starts: list[int] = []
        self.texts: list[str] = []
        self.astral: set[int] = set()  # blocks with characters outside the BMP

    def add(self, doc_start: int, clean_start: int, text: str) -> None:
        """The next block: it starts at ``doc_start`` and ``clean_start``."""
        self.doc_starts.append(doc_start)
        self.clean_starts.append(clean_start)
        self.texts.append(text)
        if _ASTRAL.search(text):
            self.astral.add(len(self.texts) - 1)

    def to_doc(self, clean: int) -> int:
        if not self.clean_starts:
            return 0
        i = max(0, bisect.bisect_right(self.clean_starts, clean) - 1)
        within = min(max(0, clean - self.clean_starts[i]), len(self.texts[i]))
        if i not in self.astral:  # only BMP characters: UTF-16 units = code points
            return self.doc_starts[i] + within
        return self.doc_starts[i] + codepoint_to_utf16(self.texts[i], within)

    def to_clean(self, docpos: int) -> int | None:
        if not self.doc_starts or docpos < self.doc_starts[0]:
            return None
        i = bisect.bisect_right(self.doc_starts, docpos) - 1
        text = self.texts[i]
        within16 = docpos - self.doc_starts[i]
        if i not in self.astral:
            return self.clean_starts[i] + min(within16, len(text))
        limit16 = codepoint_to_utf16(text, len(text))
        within = utf16_to_codepoint(text, min(within16, limit16))
        return self.clean_starts[i] + within

"""The corrections offered on a line of Show Original (issue 19).

Kept text: remove it as boilerplate (this line, the lines that start with the
selected words, or it and everything after it), or make it a heading or a
paragraph. Struck text: restore it as article text, say it is not the title,
or, when one of the user's own rules struck it, take that rule back. Each is
for this article or, with a preview, for every page of its site.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu

from ..core.article import Article
from ..core.report import OriginalLine
from ..core.rules import reason_rule

#: action, match, text, for the whole site
Request = Callable[[str, str, str, bool], None]


def _key(s: str) -> str:
    return re.sub(r"\s+", "", s)


def _short(text: str, n: int = 24) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def add_corrections(
    menu: QMenu,
    line: OriginalLine,
    article: Article,
    selected: str,
    site: str,
    request: Request,
    forget: Callable[[str], None],
) -> None:
    """Add the corrections that fit ``line`` (``selected``: the text selected
    in it, if any) to ``menu``."""
    text = line.text.strip()
    if not _key(text):
        return
    menu.addSeparator()
    sel = selected.strip()
    starts = bool(sel) and _key(text).startswith(_key(sel)) and _key(sel) != _key(text)
    match = "starts" if starts else "line"
    what = sel if starts else text

    def scoped(label: str, action: str, m: str = match, t: str = what) -> None:
        sub = menu.addMenu(label)
        sub.addAction(
            QCoreApplication.translate("CorrectionMenu", "In this article"),
            partial(request, action, m, t, False),
        )
        wide = sub.addAction(
            QCoreApplication.translate("CorrectionMenu", "On every page of {site}…").format(
                site=_short(site, 40) or "?"
            ),
            partial(request, action, m, t, True),
        )
        wide.setEnabled(bool(site))

    if line.kept:
        if starts:
            scoped(
                QCoreApplication.translate(
                    "CorrectionMenu", "Remove lines that start with “{text}”"
                ).format(text=_short(sel)),
                "remove",
            )
        else:
            scoped(QCoreApplication.translate("CorrectionMenu", "Remove as boilerplate"), "remove")
            scoped(
                QCoreApplication.translate("CorrectionMenu", "Remove it and everything after it"),
                "remove",
                "after",
            )
        heading = any(b.type == "heading" and _key(b.text) == _key(text) for b in article.blocks)
        if heading:
            scoped(QCoreApplication.translate("CorrectionMenu", "Make it a paragraph"), "paragraph")
        else:
            scoped(QCoreApplication.translate("CorrectionMenu", "Make it a heading"), "heading")
        return
    rule_id = reason_rule(line.reason or "")
    if rule_id:
        menu.addAction(
            QCoreApplication.translate("CorrectionMenu", "Take back this correction"),
            partial(forget, rule_id),
        )
        return
    scoped(QCoreApplication.translate("CorrectionMenu", "Restore as article text"), "restore")
    if line.reason == "title" and _key(text) == _key(article.title):
        scoped(
            QCoreApplication.translate("CorrectionMenu", "This is not the title"),
            "untitle",
            "line",
            text,
        )

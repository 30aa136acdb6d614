"""Colour names in the user's language, and what the user made each mean.

The palette's names are the store's (``yellow``…); the app shows them
translated, followed by the meaning the user gave the colour, if any
("黄色 — 观点"). A ``#rrggbb`` colour shows as itself.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox


def _names() -> dict[str, str]:
    return {
        "yellow": QCoreApplication.translate("Colors", "Yellow"),
        "green": QCoreApplication.translate("Colors", "Green"),
        "blue": QCoreApplication.translate("Colors", "Blue"),
        "pink": QCoreApplication.translate("Colors", "Pink"),
        "purple": QCoreApplication.translate("Colors", "Purple"),
        "orange": QCoreApplication.translate("Colors", "Orange"),
        "red": QCoreApplication.translate("Colors", "Red"),
        "gray": QCoreApplication.translate("Colors", "Gray"),
    }


def color_name(color: str) -> str:
    """The colour's name in the user's language."""
    return _names().get(color, color)


def color_label(color: str, meanings: Mapping[str, str] | None = None) -> str:
    """The name, and the meaning the user gave it: "Yellow — argument"."""
    name = color_name(color)
    meaning = (meanings or {}).get(color, "")
    return f"{name} — {meaning}" if meaning else name


def label_colours(box: QComboBox, meanings: Mapping[str, str]) -> None:
    """A colour filter's entries (their data: colour names) with the meanings."""
    for i in range(box.count()):
        color = box.itemData(i)
        if color:
            box.setItemText(i, color_label(color, meanings))


def color_tooltip(color: str, meanings: Mapping[str, str], key: int | None = None) -> str:
    """A colour button's tooltip: "Yellow — argument (1)"."""
    label = color_label(color, meanings)
    return f"{label} ({key})" if key is not None else label


def status_name(status: str) -> str:
    return {
        "anchored": QCoreApplication.translate("Colors", "Anchored"),
        "moved": QCoreApplication.translate("Colors", "Moved"),
        "fuzzy": QCoreApplication.translate("Colors", "Approximate"),
        "orphaned": QCoreApplication.translate("Colors", "Orphaned"),
    }.get(status, status)

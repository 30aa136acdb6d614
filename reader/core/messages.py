"""Messages the core says to the user, in a form the app can translate.

The core is Qt-free and speaks English: its messages are plain ``str`` for the
command line, the logs and the tests. A ``Message`` is such a string that also
remembers the template it came from and the values put into it, so the app
can show it in the user's language (``ui/core_text.py`` looks the template up
in the "Core" translation context and fills in the values, themselves
translated when they are messages too).

Templates are marked with ``QT_TRANSLATE_NOOP("Core", …)``: a plain function
here, but the name Qt's ``lupdate`` looks for, so the templates land in the
translation files without the core importing Qt.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def QT_TRANSLATE_NOOP(_context: str, text: str) -> str:
    """Mark ``text`` for translation in a context; returns it unchanged."""
    return text


class Message(str):
    """English text (a ``str``) that remembers its template and its values."""

    template: str
    params: Mapping[str, Any]

    def __new__(cls, template: str, **params: Any) -> Message:
        obj = super().__new__(cls, template.format(**params) if params else template)
        obj.template = template
        obj.params = params
        return obj

    def __reduce__(self) -> tuple[Any, ...]:  # (crosses process boundaries intact)
        return (_restore, (self.template, dict(self.params)))


def _restore(template: str, params: dict[str, Any]) -> Message:
    return Message(template, **params)

"""The core's messages in the user's language.

The core says things in English (``core/messages.py``); a ``Message`` keeps
its template and values, so here the template is looked up in the "Core"
translation context and the values, messages themselves, likewise. Plain
strings (a file name, an error from the system) are shown as they are.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from ..core.messages import Message


def tr_core(text: Any) -> str:
    """``text`` translated, if it is a core ``Message``; otherwise as it is."""
    if not isinstance(text, Message):
        return str(text)
    params = {k: tr_core(v) if isinstance(v, Message) else v for k, v in text.params.items()}
    template = QCoreApplication.translate("Core", text.template)
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):  # a broken translation: the English is right
        return text.template.format(**params)

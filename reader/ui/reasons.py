"""The cleaner's reasons for removing text, in the user's language.

The core names each reason in English (its reports and ``reader clean --json``
are a contract); the app shows them translated. A reason the table does not
know is shown as the core wrote it.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from ..core.messages import Message
from .core_text import tr_core


def _fixed() -> dict[str, str]:
    # each literal appears here so that lupdate finds it
    return {
        "not article text": QCoreApplication.translate("Reasons", "outside the article"),
        "title": QCoreApplication.translate("Reasons", "title"),
        "link": QCoreApplication.translate("Reasons", "link"),
        "date/source line (kept as metadata)": QCoreApplication.translate(
            "Reasons", "date/source line (kept as metadata)"
        ),
        "credit line (kept as metadata)": QCoreApplication.translate(
            "Reasons", "credit line (kept as metadata)"
        ),
        "credit (kept as metadata)": QCoreApplication.translate(
            "Reasons", "credit (kept as metadata)"
        ),
        "byline (kept as metadata)": QCoreApplication.translate(
            "Reasons", "byline (kept as metadata)"
        ),
        "image caption": QCoreApplication.translate("Reasons", "image caption"),
        "image credit": QCoreApplication.translate("Reasons", "image credit"),
        "sidebar": QCoreApplication.translate("Reasons", "sidebar"),
        "page footer": QCoreApplication.translate("Reasons", "page footer"),
        "navigation": QCoreApplication.translate("Reasons", "navigation"),
        "site chrome before the title": QCoreApplication.translate(
            "Reasons", "site chrome before the title"
        ),
        "related-articles list and what follows": QCoreApplication.translate(
            "Reasons", "related-articles list and what follows"
        ),
        "preamble of a compilation page": QCoreApplication.translate(
            "Reasons", "preamble of a compilation page"
        ),
        "app/QR promotion": QCoreApplication.translate("Reasons", "app/QR promotion"),
        "breadcrumb trail": QCoreApplication.translate("Reasons", "breadcrumb trail"),
        "code or counter fragment": QCoreApplication.translate(
            "Reasons", "code or counter fragment"
        ),
        "link list or labels inside the content area": QCoreApplication.translate(
            "Reasons", "link list or labels inside the content area"
        ),
        "navigation bar": QCoreApplication.translate("Reasons", "navigation bar"),
        "permalink": QCoreApplication.translate("Reasons", "permalink"),
        "previous/next link": QCoreApplication.translate("Reasons", "previous/next link"),
        "ranking tabs": QCoreApplication.translate("Reasons", "ranking tabs"),
        "reaction widget": QCoreApplication.translate("Reasons", "reaction widget"),
        "share/tool bar": QCoreApplication.translate("Reasons", "share/tool bar"),
        "site chrome": QCoreApplication.translate("Reasons", "site chrome"),
        "site disclaimer": QCoreApplication.translate("Reasons", "site disclaimer"),
    }


_WATERMARK = re.compile(r"repeated watermark \((\d+)×\)")
_CHROME_CLASS = re.compile(r"page chrome \(class/id '(.*)'\)")


def reason_label(reason: str) -> str:
    """``reason`` in the user's language."""
    if isinstance(reason, Message):  # (the user's own corrections: "your correction: …")
        return tr_core(reason)
    known = _fixed().get(reason)
    if known is not None:
        return known
    m = _WATERMARK.fullmatch(reason)
    if m:
        return QCoreApplication.translate("Reasons", "repeated watermark ({n}×)").format(
            n=m.group(1)
        )
    m = _CHROME_CLASS.fullmatch(reason)
    if m:
        return QCoreApplication.translate("Reasons", "page chrome (class/id '{name}')").format(
            name=m.group(1)
        )
    return reason

"""Acting on many highlights at once: recolour, tag, untag, delete, export.

Each action is one operation (a ``Batch``), so one Undo takes it back.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from ..core.annotations import PALETTE, Batch, DeleteHighlight, EditHighlight, Operation
from ..core.messages import QT_TRANSLATE_NOOP
from ..core.store import Store
from .colors import color_label
from .tags import ask_tags


def recolor(store: Store, ids: Sequence[str], color: str) -> Operation | None:
    ops: list[Operation] = [
        EditHighlight(i, color=color)
        for i in ids
        if i in store.doc.highlights and store.doc.highlights[i].color != color
    ]
    return Batch(ops, QT_TRANSLATE_NOOP("Core", "recolour highlights")) if ops else None


def add_tags(store: Store, ids: Sequence[str], tags: Sequence[str]) -> Operation | None:
    ops: list[Operation] = []
    for i in ids:
        h = store.doc.highlights.get(i)
        if h is not None and not set(tags) <= set(h.tags):
            ops.append(EditHighlight(i, tags=list(dict.fromkeys([*h.tags, *tags]))))
    return Batch(ops, QT_TRANSLATE_NOOP("Core", "tag highlights")) if ops else None


def remove_tag(store: Store, ids: Sequence[str], tag: str) -> Operation | None:
    ops: list[Operation] = []
    for i in ids:
        h = store.doc.highlights.get(i)
        if h is not None and tag in h.tags:
            ops.append(EditHighlight(i, tags=[t for t in h.tags if t != tag]))
    return Batch(ops, QT_TRANSLATE_NOOP("Core", "untag highlights")) if ops else None


def delete(store: Store, ids: Sequence[str]) -> Operation | None:
    ops: list[Operation] = [DeleteHighlight(i) for i in ids if i in store.doc.highlights]
    return Batch(ops, QT_TRANSLATE_NOOP("Core", "delete highlights")) if ops else None


def fill_menu(
    menu: QMenu,
    parent: QWidget,
    store: Store,
    ids: Sequence[str],
    apply: Callable[[Operation], object],
    export: Callable[[Sequence[str]], object] | None = None,
) -> None:
    """The actions for ``ids`` (one or many selected highlights)."""
    if not ids:
        return
    n = len(ids)
    meanings = store.doc.meanings()

    def run(op: Operation | None) -> None:
        if op is not None:
            apply(op)

    colours = menu.addMenu(QCoreApplication.translate("Bulk", "Change &colour"))
    for name in PALETTE:
        colours.addAction(
            color_label(name, meanings),
            partial(lambda c: run(recolor(store, ids, c)), name),
        )

    def tag() -> None:
        tags = ask_tags(
            parent,
            store,
            QCoreApplication.translate("Bulk", "Add tags to {n} highlights").format(n=n),
        )
        if tags:
            run(add_tags(store, ids, tags))

    menu.addAction(QCoreApplication.translate("Bulk", "&Add tags…"), tag)
    present = sorted({t for i in ids if (h := store.doc.highlights.get(i)) for t in h.tags})
    if present:
        untag = menu.addMenu(QCoreApplication.translate("Bulk", "&Remove tag"))
        for t in present:
            untag.addAction(t, partial(lambda t: run(remove_tag(store, ids, t)), t))
    if export is not None:
        menu.addAction(QCoreApplication.translate("Bulk", "&Export these…"), lambda: export(ids))
    menu.addSeparator()

    def remove() -> None:
        if n > 1:
            answer = QMessageBox.question(
                parent,
                QCoreApplication.translate("Bulk", "Delete highlights"),
                QCoreApplication.translate("Bulk", "Delete {n} highlights?").format(n=n),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        run(delete(store, ids))

    menu.addAction(
        QCoreApplication.translate("Bulk", "&Delete")
        if n == 1
        else QCoreApplication.translate("Bulk", "&Delete {n} highlights").format(n=n),
        remove,
    )

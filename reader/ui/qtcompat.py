"""Small bridges over Qt API changes between the PySide6 versions we support."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QSortFilterProxyModel


@contextmanager
def filter_change(proxy: QSortFilterProxyModel) -> Iterator[None]:
    """Wrap a change of a proxy's filter state (Qt 6.10 replaced invalidateFilter)."""
    if hasattr(proxy, "beginFilterChange"):
        proxy.beginFilterChange()
        yield
        proxy.endFilterChange(QSortFilterProxyModel.Direction.Rows)
    else:  # pragma: no cover - Qt < 6.10
        yield
        proxy.invalidateFilter()

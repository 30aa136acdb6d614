"""A search's result as a mask over the library's articles.

At 100,000 articles a common word is in 40,000-90,000 of them. Sets of that
many ids cost tens of milliseconds to build, combine and sort into the
table's order; numpy masks over a fixed order of the articles cost well
under one. ``Universe`` is that order, ``Matches`` one search's mask.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import repeat
from operator import attrgetter
from typing import Any

from .courtesy import STEP, checkpoint, places_politely

_ID = attrgetter("id")


class Universe:
    """The articles a search can find, in a fixed order: those with an index
    number (``number(id)``), by that number, then the others."""

    def __init__(self, ids: Iterable[str], number: Callable[[str], int | None]) -> None:
        import numpy as np

        ids = list(ids)
        nums = [number(aid) for aid in ids]
        numbered = [i for i, n in enumerate(nums) if n is not None]
        keys = np.fromiter((nums[i] for i in numbered), dtype=np.uint64, count=len(numbered))
        by_key = np.argsort(keys, kind="stable")
        self.keys = keys[by_key]  # the index numbers, ascending
        self.ids: list[str] = [ids[numbered[i]] for i in by_key.tolist()]
        self.ids += [aid for aid, n in zip(ids, nums, strict=True) if n is None]
        self.pos: dict[str, int] = places_politely(self.ids)
        self._last: tuple[Sequence[Any], Any] | None = None  # (order, its positions)
        self._inverse: tuple[Any, Any] | None = None  # (positions, each article's place)

    def __len__(self) -> int:
        return len(self.ids)

    def none(self) -> Any:
        import numpy as np

        return np.zeros(len(self.ids), dtype=bool)

    def every(self) -> Any:
        import numpy as np

        return np.ones(len(self.ids), dtype=bool)

    def mask_of(self, ids: Iterable[str]) -> Any:
        """The mask of ``ids`` (those not in the universe left out)."""
        import numpy as np

        n = len(self.ids)
        places = np.fromiter(map(self.pos.get, ids, repeat(n)), dtype=np.intp)
        mask = np.zeros(n + 1, dtype=bool)
        mask[places] = True
        return mask[:n]

    def mask_of_numbers(self, numbers: Sequence[int]) -> Any:
        """The mask of the articles with these index numbers (others left out)."""
        import numpy as np

        mask = self.none()
        if not len(numbers) or not len(self.keys):
            return mask
        wanted = np.fromiter(numbers, dtype=np.uint64, count=len(numbers))
        at = np.searchsorted(self.keys, wanted)
        at[at == len(self.keys)] = 0
        mask[at[self.keys[at] == wanted]] = True
        return mask

    def positions(self, order: Sequence[Any]) -> Any:
        """Each article of ``order`` (anything with an ``id``) as its place in
        the universe (``len(self)`` if not in it); the last order is remembered."""
        import numpy as np

        last = self._last
        if last is not None and last[0] is order:
            return last[1]
        n, get = len(self.ids), self.pos.get
        # (in steps on a worker: one pass over 100,000 held the interpreter
        # lock ~90 ms as the index finished, measured, and the GUI waited)
        got = np.empty(len(order), np.intp)
        for i in range(0, len(order), STEP):
            part = order[i : i + STEP]
            got[i : i + len(part)] = np.fromiter(map(get, map(_ID, part), repeat(n)), np.intp)
            checkpoint()
        self._last = (order, got)
        self._inverse = None
        return got

    def place_in(self, order: Sequence[Any], article_id: str) -> int | None:
        """The place of an article in ``order`` (None: not in it or not here)."""
        import numpy as np

        positions = self.positions(order)
        inverse = self._inverse
        if inverse is None or inverse[0] is not positions:
            places = np.full(len(self.ids) + 1, -1, dtype=np.intp)
            places[positions] = np.arange(len(positions))
            inverse = self._inverse = (positions, places)
        i = self.pos.get(article_id)
        p = -1 if i is None else int(inverse[1][i])
        return None if p < 0 else p


class Matches:
    """The articles one search found (a mask over a ``Universe``). It is a
    collection of ids (``in``, ``len``, iteration) that can also give, fast,
    the places in a sorted list of articles that it holds (``places_in``)."""

    __slots__ = ("universe", "mask", "_count")

    def __init__(self, universe: Universe, mask: Any) -> None:
        self.universe = universe
        self.mask = mask
        self._count: int | None = None

    def __len__(self) -> int:
        if self._count is None:
            self._count = int(self.mask.sum())
        return self._count

    def __contains__(self, article_id: object) -> bool:
        i = self.universe.pos.get(article_id) if isinstance(article_id, str) else None
        return i is not None and bool(self.mask[i])

    def __iter__(self) -> Iterator[str]:
        import numpy as np

        return map(self.universe.ids.__getitem__, np.flatnonzero(self.mask).tolist())

    def ids(self) -> set[str]:
        return set(self)

    def places_in(self, order: Sequence[Any]) -> list[int]:
        """The places, ascending, of the matching articles in ``order``."""
        import numpy as np

        positions = self.universe.positions(order)
        mask = np.append(self.mask, False)  # (the place of articles not in the universe)
        return np.flatnonzero(mask[positions]).tolist()

"""A child process that changes the store in a loop, logging each change once durable.

Used by the kill tests: the parent SIGKILLs it at random moments and checks that
the store holds every change whose call had returned. The sequence of
operations is a pure function of the seed, so the parent can replay it.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from reader.core.anchoring import describe
from reader.core.annotations import (
    AddHighlight,
    DeleteHighlight,
    EditHighlight,
    Highlight,
    Operation,
)
from reader.core.store import Store

TEXT = "新疆维吾尔自治区对口支援工作会议在乌鲁木齐召开，各方代表出席会议并讲话。" * 4


def operations(seed: int, n: int) -> list[tuple[str, str, str]]:
    """(kind, highlight id, payload) for each step: deterministic from the seed."""
    rng = random.Random(seed)
    live: list[str] = []
    ops = []
    for i in range(n):
        r = rng.random()
        if not live or r < 0.5:
            hid = f"{seed:04d}-{i:05d}-0000-0000-000000000000"
            live.append(hid)
            ops.append(("add", hid, str(rng.randrange(0, len(TEXT) - 10))))
        elif r < 0.8:
            ops.append(("edit", rng.choice(live), f"note {i}"))
        else:
            hid = live.pop(rng.randrange(len(live)))
            ops.append(("delete", hid, ""))
    return ops


def expected(seed: int, n: int, done: int) -> dict[str, str]:
    """Highlight id → note after the first ``done`` operations."""
    state: dict[str, str] = {}
    for kind, hid, payload in operations(seed, n)[:done]:
        if kind == "add":
            state[hid] = ""
        elif kind == "edit":
            state[hid] = payload
        else:
            state.pop(hid, None)
    return state


def to_op(kind: str, hid: str, payload: str) -> Operation:
    if kind == "add":
        start = int(payload)
        h = Highlight.new("article", describe(TEXT, start, start + 8))
        h.id = hid
        return AddHighlight(h)
    if kind == "edit":
        return EditHighlight(hid, note=payload)
    return DeleteHighlight(hid)


def main() -> None:
    store_path, log_path, seed, n = (
        Path(sys.argv[1]),
        Path(sys.argv[2]),
        int(sys.argv[3]),
        int(sys.argv[4]),
    )
    store = Store.open(store_path)
    done = len(log_path.read_text().splitlines()) if log_path.exists() else 0
    with log_path.open("a") as log:
        for i, (kind, hid, payload) in enumerate(operations(seed, n)[done:], start=done):
            store.apply(to_op(kind, hid, payload))
            store.save()
            log.write(f"{i}\n")
            log.flush()


if __name__ == "__main__":
    main()

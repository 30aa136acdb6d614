"""A child process that writes to one shared store, logging each change once durable.

``python writer.py STORE LOG MODE NAME ROUNDS``: waits until the file ``STORE.go``
exists (so that several writers start together), then makes ROUNDS changes of
MODE, each on a store it opens afresh (as one command-line call would), and
appends a line to LOG when ``save`` has returned.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from reader.core.annotations import DeleteHighlight, EditHighlight, Operation, TagArticle
from reader.core.store import Store, StoreBusy


def change(mode: str, name: str, i: int) -> tuple[Operation, str]:
    if mode == "tag":  # every writer tags the same article
        tag = f"{name}-{i}"
        return TagArticle("shared", [tag]), tag
    if mode == "note":  # one writer sets the note of highlight H …
        return EditHighlight("h-shared", note=f"{name}-{i}"), f"{name}-{i}"
    if mode == "color":  # … while another recolours it
        color = ("red", "blue", "green")[i % 3]
        return EditHighlight("h-shared", color=color), color
    if mode == "delete":  # delete highlight del-i while others tag the article
        return DeleteHighlight(f"del-{i}"), f"del-{i}"
    raise SystemExit(f"unknown mode {mode}")


def main() -> None:
    store_path, log, mode, name, rounds = sys.argv[1:6]
    go = Path(store_path + ".go")
    while not go.exists():
        time.sleep(0.005)
    for i in range(int(rounds)):
        op, what = change(mode, name, i)
        while True:
            try:
                s = Store.open(store_path)
                s.apply(op)
                s.save()
                break
            except StoreBusy:
                continue
        with open(log, "a", encoding="utf-8") as fh:
            fh.write(what + "\n")


if __name__ == "__main__":
    main()

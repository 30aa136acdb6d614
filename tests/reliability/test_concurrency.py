"""Several processes writing one store at once never lose an acknowledged change.

Each writer logs a change only once ``save`` has returned; afterwards the store
must hold every logged change. `make test` runs a few rounds; `make stress`
(READER_STRESS=1) many.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from reader.core.anchoring import describe
from reader.core.annotations import AddHighlight, Highlight
from reader.core.store import Store

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = 40 if os.environ.get("READER_STRESS") else 6
TEXT = "新疆维吾尔自治区对口支援工作会议在乌鲁木齐召开，各方代表出席会议并讲话。"


def _run(store: Path, tmp: Path, writers: list[tuple[str, str]]) -> dict[str, list[str]]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    procs, logs = [], {}
    for mode, name in writers:
        log = tmp / f"{name}.log"
        logs[name] = log
        cmd = [sys.executable, str(ROOT / "tests/reliability/writer.py")]
        procs.append(
            subprocess.Popen([*cmd, str(store), str(log), mode, name, str(ROUNDS)], env=env)
        )
    Path(str(store) + ".go").touch()
    for p in procs:
        assert p.wait(timeout=300) == 0
    return {n: (log.read_text("utf-8").split() if log.exists() else []) for n, log in logs.items()}


def _highlight(hid: str, start: int = 0) -> Highlight:
    h = Highlight.new("shared", describe(TEXT, start, start + 4))
    h.id = hid
    return h


def test_simultaneous_tagging_of_one_article_loses_no_tag(tmp_path: Path) -> None:
    store = tmp_path / "store.json"
    acked = _run(store, tmp_path, [("tag", "a"), ("tag", "b"), ("tag", "c")])
    final = Store.open(store)
    tags = set(final.doc.articles["shared"].tags)
    wanted = {t for ts in acked.values() for t in ts}
    assert len(wanted) == 3 * ROUNDS
    assert wanted <= tags, f"lost {sorted(wanted - tags)}"
    assert final.messages == []


def test_note_and_recolour_of_one_highlight_race_and_both_land(tmp_path: Path) -> None:
    store = tmp_path / "store.json"
    s = Store.open(store)
    s.apply(AddHighlight(_highlight("h-shared")))
    s.save()
    acked = _run(store, tmp_path, [("note", "n"), ("color", "c")])
    h = Store.open(store).doc.highlights["h-shared"]
    assert h.note == acked["n"][-1]  # the last acknowledged note …
    assert h.color == acked["c"][-1]  # … and the last acknowledged colour


def test_acknowledged_deletes_stay_deleted_while_others_write(tmp_path: Path) -> None:
    store = tmp_path / "store.json"
    s = Store.open(store)
    for i in range(ROUNDS):
        s.apply(AddHighlight(_highlight(f"del-{i}", i % 20)))
    s.save()
    acked = _run(store, tmp_path, [("delete", "d"), ("tag", "t1"), ("tag", "t2")])
    doc = Store.open(store).doc
    assert len(acked["d"]) == ROUNDS
    back = [hid for hid in acked["d"] if hid in doc.highlights]
    assert back == [], f"deleted highlights came back: {back}"
    assert {t for n in ("t1", "t2") for t in acked[n]} <= set(doc.articles["shared"].tags)

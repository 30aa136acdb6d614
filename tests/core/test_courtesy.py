"""Workers step aside while the GUI paints, but never wait forever, and the GUI
thread never waits for itself."""

from __future__ import annotations

import threading
import time

from reader.core import courtesy


def _timed_checkpoint_on_worker() -> float:
    out: list[float] = []

    def work() -> None:
        t = time.perf_counter()
        courtesy.checkpoint()
        out.append(time.perf_counter() - t)

    th = threading.Thread(target=work)
    th.start()
    th.join()
    return out[0]


def test_worker_waits_while_the_gui_paints_and_goes_on_after() -> None:
    courtesy.gui_busy()
    try:
        done = threading.Event()

        def work() -> None:
            courtesy.checkpoint()
            done.set()

        th = threading.Thread(target=work)
        th.start()
        assert not done.wait(0.03)  # held while the GUI is busy
        courtesy.gui_free()
        assert done.wait(1.0)  # and released at once after
        th.join()
    finally:
        courtesy.gui_free()


def test_wait_is_bounded_and_the_main_thread_never_waits() -> None:
    courtesy.gui_busy()
    try:
        waited = _timed_checkpoint_on_worker()
        assert courtesy.MAX_WAIT_S * 0.8 <= waited < courtesy.MAX_WAIT_S * 5
        t = time.perf_counter()
        courtesy.checkpoint()  # this test runs on the main thread
        assert time.perf_counter() - t < courtesy.MAX_WAIT_S / 2
    finally:
        courtesy.gui_free()
    assert _timed_checkpoint_on_worker() < courtesy.MAX_WAIT_S / 2


def _on_worker(fn):  # type: ignore[no-untyped-def]
    out = []
    th = threading.Thread(target=lambda: out.append(fn()))
    th.start()
    th.join()
    return out[0]


def test_sorting_in_steps_gives_what_sorted_gives_stable_either_way() -> None:
    import random

    rng = random.Random(7)
    items = [(rng.randrange(50), i) for i in range(3 * courtesy.STEP + 17)]
    for reverse in (False, True):
        want = sorted(items, key=lambda x: x[0], reverse=reverse)  # (ties: by place)
        got = _on_worker(
            lambda r=reverse: courtesy.sorted_politely(items, lambda x: x[0], reverse=r)
        )
        assert got == want
        assert courtesy.sorted_politely(items, lambda x: x[0], reverse=reverse) == want


def test_places_in_steps_are_each_keys_last_place() -> None:
    keys = [f"k{i % (courtesy.STEP + 3)}" for i in range(2 * courtesy.STEP + 11)]
    want = dict(zip(keys, range(len(keys)), strict=True))
    assert _on_worker(lambda: courtesy.places_politely(keys)) == want
    assert courtesy.places_politely(keys) == want
    assert _on_worker(lambda: courtesy.places_politely([])) == {}


def test_mapping_in_steps_gives_what_map_gives() -> None:
    items = list(range(3 * courtesy.STEP + 17))
    assert _on_worker(lambda: courtesy.mapped_politely(str, items)) == list(map(str, items))
    assert courtesy.mapped_politely(str, items[:5]) == ["0", "1", "2", "3", "4"]  # (GUI thread)


def test_places_of_an_order_in_steps_are_those_of_one_pass() -> None:
    import random
    from dataclasses import dataclass

    from reader.core.matches import Universe

    @dataclass
    class A:
        id: str

    ids = [format(i, "016x") for i in range(2 * courtesy.STEP + 11)]
    universe = Universe(ids, lambda aid: int(aid, 16))
    order = [A(aid) for aid in ids] + [A("not-in-the-library")]
    random.Random(3).shuffle(order)
    got = _on_worker(lambda: universe.positions(order)).tolist()
    assert got == [universe.pos.get(a.id, len(ids)) for a in order]

"""Garbage in reference cycles is collected on the GUI thread while a worker thread allocates, never on the
worker (where deleting Qt objects crashes the app)."""

import gc
import threading

import pytest

from portfolio_builder.ui.main_thread_gc import MainThreadCollector


class _Cycle:
    """Half of a reference cycle that notes the thread its finalizer ran on."""

    def __init__(self, finalized_on: list):
        self.partner = None
        self.finalized_on = finalized_on

    def __del__(self):
        self.finalized_on.append(threading.current_thread())


def _garbage_then_busy_worker(kept: list) -> list:
    """A fresh cycle nobody holds, then a worker thread making (and keeping, in kept) far more objects than
    the collection threshold."""
    finalized_on: list = []
    gc.collect()
    first, second = _Cycle(finalized_on), _Cycle(finalized_on)
    first.partner, second.partner = second, first
    del first, second
    worker = threading.Thread(target=lambda: kept.extend([n] for n in range(200_000)))
    worker.start()
    worker.join()
    return finalized_on


@pytest.mark.parametrize(
    "gc_on_gui_thread", [False], indirect=True
)  # automatic collection, as Python does
def test_without_the_collector_a_worker_thread_collects_the_gui_threads_garbage(gc_on_gui_thread):
    """The hazard itself: the worker's allocations set Python's collector off on the worker."""
    assert gc.isenabled()
    finalized_on = _garbage_then_busy_worker([])
    assert finalized_on and all(t is not threading.main_thread() for t in finalized_on)


def test_with_the_collector_garbage_is_collected_on_the_gui_thread_by_its_timer(qtbot, qapp):
    """As the app runs (run_gui): nothing is collected on the worker; the GUI thread's timer collects it."""
    collector = MainThreadCollector(qapp, interval_ms=20).start()
    try:
        kept: list = []
        finalized_on = _garbage_then_busy_worker(kept)
        assert finalized_on == []  # the worker allocated 200,000 lists and collected nothing
        qtbot.waitUntil(lambda: len(finalized_on) == 2, timeout=5000)
        assert all(t is threading.main_thread() for t in finalized_on)
    finally:
        collector.stop()
    assert gc.isenabled()

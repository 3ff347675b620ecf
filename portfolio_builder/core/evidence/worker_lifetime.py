"""Worker processes end with the process that started them, even when it is killed with kill -9.

A spawned worker otherwise waits for work for ever, holding its caller's pipes open and keeping
multiprocessing's resource tracker alive. Each worker watches its parent's sentinel (a pipe the
parent holds open) on a thread and exits the moment the pipe closes; that works on every OS.
"""

from __future__ import annotations

import multiprocessing
import os
import threading


def end_with_parent() -> None:
    """Pool initializer: start a thread that ends this worker as soon as its parent process is gone."""
    parent = multiprocessing.parent_process()
    if parent is None:  # not a child of multiprocessing (called directly, in-process)
        return
    threading.Thread(
        target=_exit_when_gone, args=(parent,), name="parent-watch", daemon=True
    ).start()


def _exit_when_gone(parent) -> None:
    parent.join()  # returns when the parent's end of the sentinel pipe closes: it exited or was killed
    os._exit(1)  # no clean-up to do: the worker holds no data of its own

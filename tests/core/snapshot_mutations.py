"""Seeded mutations of a portfolio.json dict for the fuzz tests: every place in it, and a value put at one."""

from __future__ import annotations

import pickle

DELETE = object()  # put at a place: the key or item is removed instead


def paths_in(value, prefix=()):
    """Every path into value (dict keys and list indexes), the empty path first."""
    yield prefix
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from paths_in(inner, prefix + (key,))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from paths_in(inner, prefix + (index,))


def put(value, path, new) -> None:
    """Put new (or DELETE) at path, unless an earlier mutation has already replaced what held it."""
    try:
        for key in path[:-1]:
            value = value[key]
        if new is DELETE:
            del value[path[-1]]
        else:
            value[path[-1]] = new
    except (TypeError, KeyError, IndexError):
        pass


def deep_copy(value):
    """A deep copy, made by pickle's C code: copy.deepcopy of a portfolio took most of a fuzz test's time."""
    return pickle.loads(pickle.dumps(value, pickle.HIGHEST_PROTOCOL))

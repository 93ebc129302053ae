"""Pause the cyclic garbage collector while a builder allocates many containers."""

from __future__ import annotations

import gc

from collections.abc import Iterator
from contextlib import contextmanager


__all__ = ["paused_gc"]


@contextmanager
def paused_gc() -> Iterator[None]:
    """
    Keep the cyclic collector off inside the block, and restore it after.

    Building a graph allocates hundreds of thousands of dicts and tuples, none
    of them in reference cycles; each allocation burst would otherwise start
    collections that walk every object of the (large) structure. Reference
    counting still frees everything; only cycle detection waits. The collector
    is turned back on only if it was on, so nesting and callers that turned
    it off themselves are respected.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()

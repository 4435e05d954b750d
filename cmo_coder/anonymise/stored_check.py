"""Whether a value read back from the word-list cache has the shape its build function promises.

Why: a stored list is plain data read with :mod:`marshal`, which checks nothing about what it returns. Its file's
checksum (:mod:`.stored_lists`) already refuses any damaged byte; this is the second guard, for a file that is
whole but not what the code expects (a payload written by other code under a forged checksum, a build function
whose return type changed while a file of its old shape was kept). A set of strings that turned out to be a set of
bytes, or a dict of counts whose counts were strings, would not fail loudly later: every lookup in it would say
"no", and a name that is not found on a name list is a name left in a transcript.

Only the shapes the stored lists use are understood (``frozenset[str]``, ``dict[str, int]``, tuples of those and
the like); an annotation this does not understand checks nothing. Each member is checked in bulk by an operation
that fails on the first wrong type (joining strings, summing numbers), so checking the largest list costs a few
milliseconds instead of the tenth of a second a loop in Python would.
"""

from __future__ import annotations

import typing
from collections.abc import Iterable
from typing import Any

_CONTAINERS: dict[object, type] = {frozenset: frozenset, set: set, list: list, tuple: tuple, dict: dict}


def fits(value: object, annotation: object) -> bool:
    """Whether ``value`` is of the type ``annotation`` names, members and all, as far as it is understood."""
    if annotation is Any or annotation is object:
        return True
    origin = typing.get_origin(annotation)
    if origin is None:
        return _plain(value, annotation)
    args = typing.get_args(annotation)
    kind = _CONTAINERS.get(origin)
    if kind is None:
        return True  # a union, a literal, …: not a shape a stored list has
    if type(value) is not kind:
        return False
    if isinstance(value, dict):
        key, item = args if len(args) == 2 else (Any, Any)
        return _all(value, key) and _all(value.values(), item)
    if isinstance(value, tuple):
        if len(args) == 2 and args[1] is Ellipsis:
            return _all(value, args[0])
        return len(value) == len(args) and all(fits(member, arg) for member, arg in zip(value, args, strict=True))
    return isinstance(value, (frozenset, set, list)) and _all(value, args[0] if args else Any)


def _plain(value: object, annotation: object) -> bool:
    """A value of a plain class: exactly that class (``bool`` is not an ``int`` count, a ``str`` subclass cannot
    come out of marshal)."""
    if not isinstance(annotation, type):
        return True
    if annotation is float:
        return type(value) in (float, int)
    return type(value) is annotation


def _all(members: Iterable[object], annotation: object) -> bool:
    """Whether every member of ``members`` is of the type ``annotation`` names."""
    if annotation is Any or annotation is object:
        return True
    if annotation is str:
        try:
            "".join(members)  # type: ignore[arg-type]  # fails at the first member that is not a str
        except TypeError:
            return False
        return True
    if annotation is int:
        try:
            total = sum(members)  # type: ignore[arg-type]  # fails at the first member that is not a number
        except TypeError:
            return False
        return type(total) is int  # a float or a complex among them makes the total one too
    return all(fits(member, annotation) for member in members)

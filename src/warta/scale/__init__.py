"""Scale-out: a local process pool (``pool``) and the distributed engine (``dask``).

Articles cross process boundaries here, so pickling them must work and be
cheap. Two ``copyreg`` registrations (the table pickle and cloudpickle both
consult) run in every process that imports this package — workers import it
to unpickle their task function:

* ``Article.metadata`` defaults to a ``MappingProxyType`` (read-only by
  design), which pickle refuses: it is rebuilt from a plain dict.
* Slotted frozen dataclasses unpickle through a generated ``__setstate__``
  that looks up ``fields()`` per object, about 20 µs each; a processed
  article holds thousands of them. Rebuilding them by calling the class with
  their field values halves the cost (measured in benchmarks/throughput.py).
"""

from __future__ import annotations

import copyreg
import dataclasses
import operator
from collections.abc import Callable
from types import MappingProxyType
from typing import Any

from .. import model


def _mappingproxy(data: dict[Any, Any]) -> MappingProxyType[Any, Any]:
    # pickled by reference, so it must be importable (the builtin type is not)
    return MappingProxyType(data)


def _reduce_mappingproxy(proxy: MappingProxyType[Any, Any]) -> tuple[Any, tuple[dict[Any, Any]]]:
    return _mappingproxy, (dict(proxy),)


def _field_reducer(cls: type) -> Callable[[Any], tuple[type, tuple[Any, ...]]] | None:
    fields = dataclasses.fields(cls)
    if not all(f.init for f in fields):
        return None  # cls(*values) would not rebuild it
    get = operator.attrgetter(*(f.name for f in fields))
    if len(fields) == 1:
        return lambda obj: (cls, (get(obj),))
    return lambda obj: (cls, get(obj))


def _register() -> None:
    copyreg.pickle(MappingProxyType, _reduce_mappingproxy)
    for value in vars(model).values():
        if (isinstance(value, type) and dataclasses.is_dataclass(value)
                and value.__module__ == model.__name__ and hasattr(value, "__slots__")):
            reducer = _field_reducer(value)
            if reducer is not None:
                copyreg.pickle(value, reducer)


_register()

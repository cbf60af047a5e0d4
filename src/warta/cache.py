"""Helpers for building dictionaries fast: a compiled cache, and GC control.

``gc_paused`` suspends the cyclic garbage collector while a builder makes
many small, acyclic objects (dictionary entries, pattern entries): each
collection walks the whole heap, so a build of ~10⁵ objects otherwise spends
a third of its time in collections that free nothing.

``keep_built`` then moves what was built out of the collector's sight
(``gc.freeze``): dictionaries live as long as the process, and otherwise
every full collection while articles are processed walks them all again.
Reference counting still frees them when they are dropped; only reference
cycles that exist at that moment stay in memory.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import logging
import marshal
import os
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

log = logging.getLogger(__name__)
T = TypeVar("T")


@contextmanager
def gc_paused() -> Iterator[None]:
    """Suspend cyclic GC inside the block (restored on exit, also on error)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def keep_built() -> None:
    """Exempt every object alive now from future cyclic collections."""
    gc.freeze()


# -- compiled dictionaries -----------------------------------------------------
#
# A builder turns data files into plain builtin values (tuples, lists, dicts,
# str, int, bytes, frozensets); ``compiled`` stores them with marshal, which
# reads such values back several times faster than pickle reads objects. The
# key is a hash of every input file's bytes, the code that builds, warta's
# version and the Python version, so an edited pack, a new release or an
# edited builder never meets an old file. Any failure to read or write the
# cache only costs a fresh build: a read-only home, a full disk or a corrupt
# file never stops a run.

#: Environment variable naming the cache folder; empty or "off" disables the cache.
CACHE_ENV = "WARTA_CACHE_DIR"
_FORMAT = b"warta-compiled-1\n"
_HEADER_SIZE = len(_FORMAT) + 8


def _header(size: int) -> bytes:
    """Format line and payload length: a truncated or extended file is not read."""
    return _FORMAT + size.to_bytes(8, "little")


def cache_dir() -> Path | None:
    """Where compiled dictionaries live, or None when caching is off."""
    env = os.environ.get(CACHE_ENV)
    if env is not None:
        return None if env.strip().lower() in {"", "off", "0", "none"} else Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "warta"


def cache_key(name: str, inputs: Iterable[Path | str], extra: str = "") -> str:
    """Hash of ``name``, the bytes of ``inputs`` (missing files count as missing)
    and of the TSV reader, ``extra``, warta's and Python's versions.

    Files enter by name and content, not by where they are: two checkouts or
    installs of the same warta share one cache instead of replacing each
    other's entries on every run."""
    from . import __version__

    h = hashlib.blake2b(digest_size=16)
    for part in (name, __version__, sys.version, str(marshal.version), extra):
        h.update(part.encode() + b"\0")
    for path in (*inputs, *_ALWAYS):
        path = Path(path)
        h.update(path.name.encode() + b"\0" + _file_digest(path) + b"\0")
    return h.hexdigest()


#: Code every compiled table depends on: the TSV reader, and this module.
_ALWAYS = (Path(__file__).with_name("packs") / "__init__.py", Path(__file__))
_digests: dict[tuple[str, int, int, int], bytes] = {}


def _file_digest(path: Path) -> bytes:
    """Hash of a file's bytes, remembered while its size and times stay the same
    (several compiled tables share the big actor files)."""
    try:
        st = path.stat()
    except OSError:
        return b"missing"
    key = (str(path), st.st_size, st.st_mtime_ns, st.st_ctime_ns)
    digest = _digests.get(key)
    if digest is None:
        try:
            digest = hashlib.blake2b(path.read_bytes(), digest_size=16).digest()
        except OSError:
            digest = b"unreadable"
        _digests[key] = digest
    return digest


def compiled(name: str, inputs: Iterable[Path | str], build: Callable[[], T],
             extra: str = "") -> T:
    """``build()``, or the value a previous ``build()`` stored for the same inputs.

    ``build`` must return values marshal can store; ``name`` must be a plain
    file-name part ("actors-en").
    """
    folder = cache_dir()
    if folder is None:
        return build()
    inputs = list(inputs)
    key = cache_key(name, inputs, extra)
    path = folder / f"{name}-{key}.bin"
    try:
        data = path.read_bytes()
    except OSError:
        data = None
    if data is not None:
        payload = memoryview(data)[_HEADER_SIZE:]
        if data[:_HEADER_SIZE] != _header(len(payload)):
            log.warning("ignoring cache file %s: not a whole warta cache file", path)
        else:
            try:
                return marshal.loads(payload)
            except (EOFError, ValueError, TypeError) as exc:
                log.warning("ignoring corrupt cache file %s: %s", path, exc)
    value = build()
    if cache_key(name, inputs, extra) == key:  # not edited while building
        _store(folder, name, path, value)
    return value


def _store(folder: Path, name: str, path: Path, value: object) -> None:
    """Write ``value`` atomically (temporary file, then rename); drop older
    versions of ``name``. Never raises."""
    try:
        payload = marshal.dumps(value)
        payload = _header(len(payload)) + payload
    except ValueError as exc:  # a builder bug: say so, but the run goes on
        log.warning("cannot cache %s: %s", name, exc)
        return
    tmp = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{name}-", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
        os.replace(tmp, path)
        tmp = None
        for old in folder.glob(f"{name}-*.bin"):
            if old != path and len(old.name) == len(path.name):
                old.unlink(missing_ok=True)
    except OSError as exc:
        log.debug("cannot write cache file %s: %s", path, exc)
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)

"""Language packs: one folder per language, one kind of data per file.

This module only locates pack files and reads the common TSV format;
the modules that use a kind of data (actors, events, enrich) parse it.

TSV convention: UTF-8, tab-separated, ``#`` starts a comment line, blank
lines ignored, the first non-comment line is the header.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources
from pathlib import Path

from ..errors import DataFileError

PACKS_ROOT = Path(str(resources.files("warta").joinpath("packs")))
DATA_ROOT = Path(str(resources.files("warta").joinpath("data")))


def languages() -> tuple[str, ...]:
    """Languages that have a pack folder."""
    return tuple(sorted(p.name for p in PACKS_ROOT.iterdir() if p.is_dir() and len(p.name) == 2))


def pack_file(lang: str, name: str) -> Path:
    """Path of data file ``name`` in language pack ``lang`` (may not exist)."""
    return PACKS_ROOT / lang / name


def data_file(name: str) -> Path:
    """Path of a language-independent data file (codebooks, gazetteer)."""
    return DATA_ROOT / name


def read_tsv(path: Path, required: tuple[str, ...] = ()) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield ``(line_number, row)`` for each data row of a TSV file.

    Raises DataFileError naming the file and line for a missing file, a
    missing required column, or a row with too many fields.
    """
    try:
        fh = open(path, encoding="utf-8")  # noqa: SIM115
    except OSError as exc:
        raise DataFileError(str(path), f"cannot open: {exc.strerror}") from exc
    with fh:
        header: list[str] | None = None
        for lineno, raw in enumerate(fh, 1):
            line = raw.rstrip("\n\r")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            fields = line.split("\t")
            if header is None:
                header = [f.strip() for f in fields]
                missing = [c for c in required if c not in header]
                if missing:
                    raise DataFileError(str(path), f"missing column(s) {missing}", lineno)
                continue
            if len(fields) > len(header):
                raise DataFileError(
                    str(path), f"{len(fields)} fields, header has {len(header)}", lineno
                )
            row = dict(zip(header, (f.strip() for f in fields), strict=False))
            for col in header[len(fields):]:
                row[col] = ""
            for col in required:
                if not row.get(col):
                    raise DataFileError(str(path), f"empty required column {col!r}", lineno)
            yield lineno, row

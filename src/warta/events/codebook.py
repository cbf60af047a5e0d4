"""The CAMEO codebook: names, Goldstein values, GDELT quad classes and PLOVER.

Loaded once from ``src/warta/data/cameo_codes.tsv`` and ``plover_cameo.tsv``
(converted from the shared reference tables by
``scripts/build_events_codebook.py``) and validated: every code must be 2–4
digits, its root must exist, and its Goldstein value must lie in [-10, 10].
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from ..errors import DataFileError
from ..packs import data_file, read_tsv

#: GDELT's QuadClass by root (checked on real GDELT rows); ICEWS splits differently.
_QUAD_BY_ROOT = {f"{r:02d}": (1 if r <= 5 else 2 if r <= 9 else 3 if r <= 14 else 4)
                 for r in range(1, 21)}


@dataclass(frozen=True, slots=True)
class CodeInfo:
    code: str
    name: str
    goldstein: float
    root: str
    base: str
    quad_class: int
    plover: str  # "" for CAMEO 01/02, which PLOVER dropped
    plover_mode: str = ""
    description: str = ""


class Codebook:
    """Lookups by CAMEO code. Build with :meth:`load`."""

    def __init__(self, codes: dict[str, CodeInfo], v05: dict[str, str]) -> None:
        self._codes = codes
        self._v05 = v05

    @classmethod
    def load(cls, codes_path: Path | None = None, plover_path: Path | None = None) -> Codebook:
        return _load(codes_path or data_file("cameo_codes.tsv"),
                     plover_path or data_file("plover_cameo.tsv"),
                     data_file("plover_v05_roots.tsv"))

    def __contains__(self, code: object) -> bool:
        return code in self._codes

    def __len__(self) -> int:
        return len(self._codes)

    def __getitem__(self, code: str) -> CodeInfo:
        try:
            return self._codes[code]
        except KeyError:
            raise KeyError(f"unknown CAMEO code {code!r}") from None

    def codes(self) -> tuple[str, ...]:
        return tuple(self._codes)

    def name(self, code: str) -> str:
        return self[code].name

    def goldstein(self, code: str) -> float:
        return self[code].goldstein

    def quad_class(self, code: str) -> int:
        return self[code].quad_class

    def plover(self, code: str) -> str:
        return self[code].plover

    def plover_v05(self, code: str) -> str:
        """PLOVER v0.5 category (the GSR gold's vocabulary: DEMAND, FIGHT, …)."""
        info = self[code]
        return self._v05.get(code) or self._v05.get(info.base, self._v05.get(info.root, ""))


def _root_base(code: str) -> tuple[str, str]:
    return code[:2], code[:3] if len(code) >= 3 else code


@functools.lru_cache(maxsize=4)
def _load(codes_path: Path, plover_path: Path, v05_path: Path) -> Codebook:
    plover: dict[str, tuple[str, str]] = {}
    for _, row in read_tsv(plover_path, ("code", "plover")):
        plover[row["code"]] = (row["plover"], row.get("mode", ""))
    raw: dict[str, tuple[str, float, str]] = {}
    for lineno, row in read_tsv(codes_path, ("code", "name", "goldstein")):
        code = row["code"]
        if not (code.isdigit() and 2 <= len(code) <= 4):
            raise DataFileError(str(codes_path), f"bad CAMEO code {code!r}", lineno)
        if code in raw:
            raise DataFileError(str(codes_path), f"duplicate code {code}", lineno)
        try:
            gold = float(row["goldstein"])
        except ValueError:
            raise DataFileError(str(codes_path), f"bad Goldstein value {row['goldstein']!r}",
                                lineno) from None
        if not -10.0 <= gold <= 10.0 or code[:2] not in _QUAD_BY_ROOT:
            raise DataFileError(str(codes_path), f"code {code} out of range", lineno)
        raw[code] = (row["name"], gold, row.get("description", ""))
    codes = {}
    for code, (name, gold, desc) in raw.items():
        root, base = _root_base(code)
        if root not in raw:
            raise DataFileError(str(codes_path), f"code {code} has no root {root}")
        # a root or base without its own PLOVER row takes its "x0" child's category
        cat, mode = plover.get(code) or plover.get(base) or plover.get(root + "0") or ("", "")
        codes[code] = CodeInfo(code, name, gold, root, base, _QUAD_BY_ROOT[root], cat, mode, desc)
    v05 = {row["root"]: row["category"] for _, row in read_tsv(v05_path, ("root", "category"))}
    return Codebook(codes, v05)

"""Page furniture: the patterns of furniture.tsv compiled into one object."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import DataFileError
from ..packs import read_tsv

FURNITURE_FILE = Path(__file__).with_name("furniture.tsv")
KINDS = ("drop", "section", "story_id", "author", "editor", "url", "agency")
_GROUP = {"section": "section", "story_id": "id", "author": "name", "editor": "name", "url": "url",
          "agency": "tag"}


@dataclass(frozen=True)
class Furniture:
    """Compiled furniture patterns, by kind, in file order."""

    patterns: dict[str, tuple[re.Pattern[str], ...]]
    drop: re.Pattern[str]  # all drop patterns as one alternation: one match per line

    @classmethod
    def load(cls, path: Path = FURNITURE_FILE) -> Furniture:
        found: dict[str, list[re.Pattern[str]]] = {kind: [] for kind in KINDS}
        for lineno, row in read_tsv(path, ("kind", "pattern")):
            kind = row["kind"]
            if kind not in found:
                raise DataFileError(str(path), f"unknown kind {kind!r}", lineno)
            source = row["pattern"]
            if kind == "agency":
                source = rf"\s*{source}\s*$"
            try:
                pattern = re.compile(source, re.I)
            except re.error as exc:
                raise DataFileError(str(path), f"bad pattern: {exc}", lineno) from exc
            if kind in _GROUP and _GROUP[kind] not in pattern.groupindex:
                raise DataFileError(str(path), f"{kind} pattern needs group {_GROUP[kind]!r}",
                                    lineno)
            found[kind].append(pattern)
        drop = "|".join(f"(?:{p.pattern})" for p in found["drop"]) or "(?!)"
        return cls({kind: tuple(p) for kind, p in found.items()}, re.compile(drop, re.I))

    def is_drop(self, line: str) -> bool:
        return self.drop.fullmatch(line) is not None

    def value(self, kind: str, line: str) -> str | None:
        """The value a whole line carries for ``kind`` (story id, author…)."""
        for pattern in self.patterns[kind]:
            m = pattern.fullmatch(line)
            if m:
                return m.group(_GROUP[kind]).strip()
        return None

    def split_agency(self, paragraph: str) -> tuple[str, str | None]:
        """(paragraph without a trailing agency tag, the tag or None)."""
        if not paragraph.endswith(("]", ")")):  # every tag is bracketed
            return paragraph, None
        for pattern in self.patterns["agency"]:
            m = pattern.search(paragraph)
            if m:
                return paragraph[: m.start()].rstrip(), " ".join(m.group("tag").split())
        return paragraph, None


@lru_cache(maxsize=4)
def furniture(path: Path = FURNITURE_FILE) -> Furniture:
    return Furniture.load(path)

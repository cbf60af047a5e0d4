"""Typed errors. Each names the input it is about (file, line/record, url).

The library raises these and logs; only ``cli.py`` turns them into messages
and exit codes.
"""

from __future__ import annotations


class WartaError(Exception):
    """Base of every error warta raises on purpose."""


class InputError(WartaError):
    """An input record or file cannot be read."""

    def __init__(self, source: str, reason: str, line: int | None = None) -> None:
        self.source = source
        self.reason = reason
        self.line = line
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {reason}")


class DataFileError(WartaError):
    """A data file (language pack, user dictionary, settings) is malformed."""

    def __init__(self, path: str, reason: str, line: int | None = None) -> None:
        self.path = path
        self.reason = reason
        self.line = line
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {reason}")


class ConfigError(DataFileError):
    """The settings file is malformed or names an unknown option."""


class PipelineError(WartaError):
    """The pipeline's stages are in an impossible order."""


class StageError(WartaError):
    """A stage failed on one article (the article is quarantined)."""

    def __init__(self, stage: str, url: str, reason: str) -> None:
        self.stage = stage
        self.url = url
        self.reason = reason
        super().__init__(f"{url}: stage {stage!r} failed: {reason}")


class StoreError(WartaError):
    """The store cannot be opened or written."""

"""Settings: package defaults (``defaults.toml``) overlaid by a user TOML file.

A user file overrides only the keys it sets; an unknown section or key is an
error naming the file, so typos don't pass silently.
"""

from __future__ import annotations

import copy
import os
import tomllib
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import ConfigError


def _defaults() -> dict[str, Any]:
    text = resources.files("warta").joinpath("defaults.toml").read_text("utf-8")
    return tomllib.loads(text)


def _merge(base: dict[str, Any], over: Mapping[str, Any], path: str, trail: str = "") -> None:
    for key, value in over.items():
        where = f"{trail}{key}"
        if key not in base:
            raise ConfigError(path, f"unknown setting {where!r}")
        if isinstance(base[key], dict):
            if not isinstance(value, Mapping):
                raise ConfigError(path, f"{where!r} must be a table")
            _merge(base[key], value, path, where + ".")
        else:
            base[key] = value


class Settings:
    """Read-only view of the merged settings: ``settings["events"]["keep_negated"]``."""

    def __init__(self, data: Mapping[str, Any] | None = None) -> None:
        self._data: dict[str, Any] = _defaults()
        if data:
            _merge(self._data, data, "<overrides>")

    @classmethod
    def load(cls, path: str | os.PathLike[str] | None = None) -> Settings:
        """Defaults, then ``path`` (or ``$WARTA_CONFIG``) if given."""
        path = path or os.environ.get("WARTA_CONFIG")
        settings = cls()
        if path:
            p = Path(path)
            try:
                user = tomllib.loads(p.read_text("utf-8"))
            except FileNotFoundError as exc:
                raise ConfigError(str(p), "settings file not found") from exc
            except tomllib.TOMLDecodeError as exc:
                raise ConfigError(str(p), f"invalid TOML: {exc}") from exc
            _merge(settings._data, user, str(p))
        return settings

    def __getitem__(self, section: str) -> Mapping[str, Any]:
        return self._data[section]

    def with_overrides(self, data: Mapping[str, Any]) -> Settings:
        new = Settings.__new__(Settings)
        new._data = copy.deepcopy(self._data)
        _merge(new._data, data, "<overrides>")
        return new

    def as_dict(self) -> dict[str, Any]:
        return copy.deepcopy(self._data)

"""Options shared by every reader (column names, size limit, forced format)."""

from __future__ import annotations

from dataclasses import dataclass

#: Formats the readers understand; ``sniff_format`` returns one of these.
FORMATS = ("text-scrape", "jsonl", "html", "warc", "csv", "tsv", "parquet")


@dataclass(frozen=True)
class ReadOptions:
    """How to read inputs. Column names apply to JSONL, CSV, TSV and Parquet."""

    text_col: str = "text"
    url_col: str = "url"
    title_col: str = "title"
    published_col: str = "published"
    language_col: str = "language"
    max_bytes: int = 20_000_000
    format: str | None = None  # force a format instead of sniffing

"""The DuckDB store: idempotent, batch-transactional writes.

Each batch of articles is written in one transaction, so a run killed at
any moment leaves whole articles or none; article ids are content hashes,
so the next run skips what is already stored and picks up where it stopped.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from .. import __version__
from ..errors import StoreError
from ..model import Article, Rejection
from .rows import ArticleRows, to_tables
from .schema import CHILDREN, TABLES, ddl

log = logging.getLogger(__name__)


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


class Store:
    """A warta database file (``warta.duckdb`` by default)."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = str(path)
        if read_only and self.path != ":memory:" and not Path(self.path).exists():
            raise StoreError(f"{self.path}: no such store (run `warta ingest` first)")
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot open store: {exc}") from exc
        if not read_only:
            for stmt in ddl():
                self.con.execute(stmt)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    # -- runs ---------------------------------------------------------------
    def start_run(self, inputs: Sequence[str]) -> str:
        run_id = uuid.uuid4().hex[:16]
        self.con.execute(
            "INSERT INTO runs (run_id, started, inputs, status, articles, skipped, rejected,"
            " version) VALUES (?, ?, ?, 'running', 0, 0, 0, ?)",
            [run_id, utcnow(), " ".join(inputs)[:2000], __version__],
        )
        return run_id

    def finish_run(self, run_id: str, status: str, articles: int, skipped: int,
                   rejected: int) -> None:
        self.con.execute(
            "UPDATE runs SET finished = ?, status = ?, articles = ?, skipped = ?, rejected = ?"
            " WHERE run_id = ?",
            [utcnow(), status, articles, skipped, rejected, run_id],
        )

    # -- writes -------------------------------------------------------------
    def known_ids(self, ids: Iterable[str]) -> set[str]:
        ids = list(ids)
        if not ids:
            return set()
        rows = self.con.execute(
            "SELECT article_id FROM articles WHERE article_id IN (SELECT UNNEST(?))", [ids]
        ).fetchall()
        return {r[0] for r in rows}

    def write_batch(self, articles: Sequence[Article | ArticleRows],
                    rejections: Sequence[Rejection], run_id: str) -> None:
        """Write a batch in one transaction; articles already stored are left alone.

        An article may come as its rows already built (:class:`ArticleRows`,
        what pool workers send)."""
        ids = [a.id for a in articles]  # a hash of each whole text: computed once
        known = self.known_ids(ids)
        fresh = []
        for aid, a in zip(ids, articles, strict=True):
            if aid not in known:  # also drop repeats inside the batch: the first one wins
                known.add(aid)
                fresh.append(a)
        tables = to_tables(fresh, rejections, run_id, utcnow())
        try:
            self.con.execute("BEGIN TRANSACTION")
            for name, table in tables.items():
                if table.num_rows == 0:
                    continue
                self.con.register("_batch", table)
                verb = "INSERT OR IGNORE" if name in ("articles", "quarantine") else "INSERT"
                self.con.execute(f"{verb} INTO {name} BY NAME SELECT * FROM _batch")
                self.con.unregister("_batch")
            self.con.execute("COMMIT")
        except duckdb.Error as exc:
            self.con.execute("ROLLBACK")
            raise StoreError(f"{self.path}: write failed: {exc}") from exc

    def load_parquet(self, folder: str | Path) -> dict[str, int]:
        """Import Parquet partitions written by a distributed run (see scale/)."""
        folder = Path(folder)
        added: dict[str, int] = {}
        self.con.execute("BEGIN TRANSACTION")
        try:
            for name in ("articles", *CHILDREN, "quarantine"):
                files = sorted((folder / name).rglob("*.parquet"))
                if not files:
                    continue
                before = self.count(name)
                src = f"read_parquet({[str(f) for f in files]!r}, union_by_name=true)"
                if name == "articles":
                    sql = f"INSERT OR IGNORE INTO articles BY NAME SELECT * FROM {src}"
                elif name == "quarantine":
                    sql = f"INSERT OR IGNORE INTO quarantine BY NAME SELECT * FROM {src}"
                else:  # children of articles not stored before; one copy of each row even
                    # when the same article came from two input files of the run
                    sql = (f"INSERT INTO {name} BY NAME SELECT * FROM {src} "
                           f"WHERE article_id NOT IN (SELECT article_id FROM {name}) "
                           "QUALIFY row_number() OVER (PARTITION BY article_id, idx) = 1")
                self.con.execute(sql)
                added[name] = self.count(name) - before
            self.con.execute("COMMIT")
        except duckdb.Error as exc:
            self.con.execute("ROLLBACK")
            raise StoreError(f"{folder}: load failed: {exc}") from exc
        return added

    # -- reads --------------------------------------------------------------
    def count(self, table: str) -> int:
        if table not in TABLES:
            raise StoreError(f"unknown table {table!r}")
        return int(self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    def counts(self) -> dict[str, int]:
        return {name: self.count(name) for name in TABLES}

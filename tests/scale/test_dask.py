"""run_distributed against a LocalCluster the test starts (processes on loopback)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")
duckdb = pytest.importorskip("duckdb")

from warta.scale.dask import UNKNOWN_DATE, auto_shard_bytes, plan, run_distributed  # noqa: E402
from warta.settings import Settings  # noqa: E402
from warta.store.duck import Store  # noqa: E402

HERE = Path(__file__).resolve().parent
STAGES = ("fakestages:FailStage", "fakestages:SplitStage")


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    with pytest.MonkeyPatch.context() as mp:
        mp.syspath_prepend(str(HERE))  # spawned workers inherit sys.path: fake stages import
        with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                      host="127.0.0.1", dashboard_address=None) as lc:
            yield lc.scheduler_address


def _corpus(folder: Path, files: int = 2, per_file: int = 30) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    n = 0
    for f in range(files):
        lines = []
        for _ in range(per_file):
            day = f"2024-04-{1 + n % 3:02d}T08:00:00" if n % 5 else None
            text = f"Story {n} begins. It ends here{' BOOM' if n == 7 else ''}."
            lines.append(json.dumps({"url": f"test://{n}", "text": text, "published": day}))
            n += 1
        lines.append("{not json")
        (folder / f"part{f}.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    return [str(folder)]


def test_articles_land_in_date_partitions_duckdb_reads_in_place(cluster: str,
                                                                tmp_path: Path) -> None:
    out = tmp_path / "out"
    summary = run_distributed(_corpus(tmp_path / "in"), address=cluster, out_dir=str(out),
                              settings=Settings(), stages=STAGES, shard_bytes=1000)
    assert summary.errors == []
    assert summary.shards > 2  # each file was split over several shards
    assert summary.articles == 59 and summary.sentences == 118
    # one broken JSON line per file, one stage failure
    assert summary.rejected == 3
    days = sorted(p.name for p in (out / "articles").iterdir())
    assert days == ["2024-04-01", "2024-04-02", "2024-04-03", UNKNOWN_DATE]
    con = duckdb.connect()
    n, = con.execute(f"SELECT count(*) FROM read_parquet('{out}/articles/*/*.parquet')").fetchone()
    assert n == 59
    one_day, = con.execute(
        f"SELECT count(*) FROM read_parquet('{out}/sentences/2024-04-02/*.parquet')").fetchone()
    assert 0 < one_day < 118


def test_store_load_parquet_imports_the_output(cluster: str, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_distributed(_corpus(tmp_path / "in"), address=cluster, out_dir=str(out),
                    stages=STAGES)
    with Store(tmp_path / "w.duckdb") as store:
        added = store.load_parquet(out)
        assert added["articles"] == 59 and added["sentences"] == 118
        assert added["quarantine"] == 3


def test_a_second_run_skips_finished_shards_and_duplicates_nothing(cluster: str,
                                                                   tmp_path: Path) -> None:
    out = tmp_path / "out"
    inputs = _corpus(tmp_path / "in")
    first = run_distributed(inputs, address=cluster, out_dir=str(out), stages=STAGES,
                            shard_bytes=1000)
    files_before = sorted(p.name for p in out.rglob("*.parquet"))
    again = run_distributed(inputs, address=cluster, out_dir=str(out), stages=STAGES,
                            shard_bytes=1000)
    assert again.shards_skipped == first.shards and again.articles == 0
    assert sorted(p.name for p in out.rglob("*.parquet")) == files_before


def test_an_interrupted_shard_is_redone_without_duplicates(cluster: str, tmp_path: Path) -> None:
    out = tmp_path / "out"
    inputs = _corpus(tmp_path / "in")
    run_distributed(inputs, address=cluster, out_dir=str(out), stages=STAGES)
    # a shard that never finished has no marker: the next run writes it again, same names
    marker = next((out / "_shards").iterdir())
    marker.unlink()
    redo = run_distributed(inputs, address=cluster, out_dir=str(out), stages=STAGES)
    assert redo.shards - redo.shards_skipped == 1
    con = duckdb.connect()
    n, d = con.execute("SELECT count(*), count(DISTINCT article_id) FROM "
                       f"read_parquet('{out}/articles/*/*.parquet')").fetchone()
    assert n == d == 59


def test_a_repeated_article_is_written_once_even_over_many_shards(cluster: str,
                                                                   tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    same = json.dumps({"url": "test://dup", "text": "The same story. Twice."})
    others = [json.dumps({"url": f"test://{i}", "text": f"Story {i}."}) for i in range(40)]
    (folder / "a.jsonl").write_text("\n".join([same, *others, same]) + "\n", "utf-8")
    out = tmp_path / "out"
    summary = run_distributed([str(folder)], address=cluster, out_dir=str(out), stages=STAGES,
                              shard_bytes=200)
    assert summary.shards > 4 and summary.articles == 41
    con = duckdb.connect()
    n, = con.execute("SELECT count(*) FROM read_parquet("
                     f"'{out}/sentences/*/*.parquet') WHERE text = 'The same story.'").fetchone()
    assert n == 1


@pytest.mark.parametrize("size,shard_bytes,expected", [(0, 100, 1), (100, 100, 1),
                                                      (101, 100, 2), (950, 100, 10)])
def test_plan_splits_files_by_size(tmp_path: Path, size: int, shard_bytes: int,
                                   expected: int) -> None:
    f = tmp_path / "a.jsonl"
    f.write_bytes(b"x" * size)
    shards = plan([str(f)], out_dir="o", run_id="r", settings=Settings(), stages=None,
                  options=None, shard_bytes=shard_bytes, batch_size=10)
    assert [(s.index, s.count) for s in shards] == [(i, expected) for i in range(expected)]
    assert len({s.key for s in shards}) == expected


@pytest.mark.parametrize("total,threads,expected", [
    (0, 2, 256_000), (8_000_000, 2, 1_000_000), (8_000_000, 1, 2_000_000),
    (10**10, 2, 64_000_000)])
def test_auto_shard_bytes_aims_at_four_shards_per_thread(tmp_path: Path, total: int,
                                                         threads: int, expected: int) -> None:
    f = tmp_path / "big.jsonl"
    with f.open("wb") as out:
        out.truncate(total)  # sparse: no disk used
    assert auto_shard_bytes([str(f)], threads) == expected

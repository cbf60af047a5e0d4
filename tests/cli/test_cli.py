"""The command line, through the real `warta` entry point."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

WARTA = str(Path(sys.executable).parent / "warta")

GOOD = {"url": "https://example.org/1", "title": "Police arrest protesters in Jakarta",
        "published": "2025-08-25T10:00:00", "language": "en",
        "text": "Indonesian police arrested 20 students in Jakarta on Monday."}


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([WARTA, *args], capture_output=True, text=True, input=stdin,
                          timeout=300)


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "t.duckdb")


@pytest.mark.parametrize("cmd", [[], ["ingest"], ["show"], ["events"], ["export"],
                                 ["export", "events"], ["export", "actors"], ["export", "gkg"],
                                 ["export", "mentions"], ["quarantine"], ["demo"], ["eval"],
                                 ["eval", "ner"], ["eval", "events"], ["watch"], ["load"]])
def test_every_command_has_help(cmd: list[str]) -> None:
    res = run(*cmd, "--help")
    assert res.returncode == 0, res.stderr
    assert "Usage:" in res.stdout


def test_bad_lines_are_quarantined_and_the_rest_is_stored(tmp_path: Path, db: str) -> None:
    src = tmp_path / "in.jsonl"
    other = dict(GOOD, url="https://example.org/2")
    src.write_text(json.dumps(GOOD) + "\n{not json\n" + json.dumps(other) + "\n")
    res = run("ingest", str(src), "--db", db)
    assert res.returncode == 1, res.stderr
    assert "2 article(s) stored" in res.stdout
    q = run("quarantine", "--db", db, "--format", "json")
    (rec,) = [json.loads(line) for line in q.stdout.splitlines()]
    assert rec["source"].endswith("in.jsonl") and rec["line"] == 2


def test_ingesting_twice_changes_nothing(tmp_path: Path, db: str) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps(GOOD) + "\n")
    assert run("ingest", str(src), "--db", db, "-q").returncode == 0
    first = run("export", "events", "--db", db).stdout
    again = run("ingest", str(src), "--db", db)
    assert again.returncode == 0 and "0 article(s) stored, 1 already known" in again.stdout
    assert run("export", "events", "--db", db).stdout == first


def test_stdin_is_read_with_dash(db: str) -> None:
    res = run("ingest", "-", "--db", db, stdin=json.dumps(GOOD) + "\n")
    assert res.returncode == 0, res.stderr
    assert "1 article(s) stored" in res.stdout
    # the summary line ends with the rate, the pipeline's build apart
    assert re.search(r"→ \S+ in \d+\.\d s: [\d,]+ sentences/s, [\d,.]+ articles/s "
                     r"\(pipeline built in \d+\.\d s\)$", res.stdout.strip()), res.stdout


def test_show_unknown_article_is_a_clear_error(tmp_path: Path, db: str) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps(GOOD) + "\n")
    run("ingest", str(src), "--db", db, "-q")
    res = run("show", "https://nowhere.example", "--db", db)
    assert res.returncode == 3 and "no such article" in res.stderr


def test_missing_store_is_a_clear_error(tmp_path: Path) -> None:
    res = run("events", "--db", str(tmp_path / "none.duckdb"))
    assert res.returncode == 3 and "no such store" in res.stderr


def test_bad_settings_file_names_the_file(tmp_path: Path, db: str) -> None:
    cfg = tmp_path / "bad.toml"
    cfg.write_text("[events]\nno_such_key = 1\n")
    res = run("--config", str(cfg), "events", "--db", db)
    assert res.returncode == 4 and "bad.toml" in res.stderr


def test_demo_prints_articles_actors_and_events(db: str) -> None:
    res = run("demo", "--db", db)
    assert res.returncode == 0, res.stderr
    assert "6 article(s) stored" in res.stdout
    assert "actors" in res.stdout and "event(s)" in res.stdout


def test_sample_page_end_to_end(sample_path: Path, db: str) -> None:
    assert run("ingest", str(sample_path), "--db", db, "-q").returncode == 0
    art = json.loads(run("show", str(sample_path), "--db", db, "--format", "json").stdout)
    assert art["title"] == ("China Akan 'Memperkuat Kerja Sama Strategis' dengan Rusia yang "
                            "Bertentangan dengan Unilateralisme Barat")
    assert art["published"].startswith("2024-04-09T23:30")
    assert art["section"] == "China - Rusia" and art["story_id"] == "1127790"
    assert art["language"] == "id" and isinstance(art["metadata"], dict)
    rows = [r.split("\t") for r in run("export", "events", "--format", "gdelt", "--db",
                                       db).stdout.splitlines()]
    assert rows and all(len(r) == 61 for r in rows)
    assert all(r[60] == art["url"] for r in rows) and str(sample_path.name) in art["url"]
    counts = run("events", "--db", db, "--format", "json").stdout
    run("ingest", str(sample_path), "--db", db, "-q")
    assert run("events", "--db", db, "--format", "json").stdout == counts


def test_exports_write_standard_shapes(tmp_path: Path, db: str) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps(GOOD) + "\n")
    assert run("ingest", str(src), "--db", db, "-q").returncode == 0
    gkg = run("export", "gkg", "--db", db).stdout.splitlines()
    assert len(gkg) == 1 and len(gkg[0].split("\t")) == 27
    actors = [json.loads(x) for x in run("export", "actors", "--db", db).stdout.splitlines()]
    assert actors and {"url", "start", "end", "text", "code", "name", "country", "role"} <= set(
        actors[0])
    out = tmp_path / "events.tsv"
    assert run("export", "events", "--db", db, "--header", "-o", str(out)).returncode == 0
    header, *rows = out.read_text().splitlines()
    assert rows, "the arrest should be coded"
    assert header.split("\t")[0] == "GLOBALEVENTID" and len(header.split("\t")) == 61
    mentions = run("export", "mentions", "--db", db).stdout.splitlines()
    assert len(mentions) == len(rows) and all(len(m.split("\t")) == 16 for m in mentions)
    plover = [json.loads(x) for x in run("export", "events", "--format", "plover", "--db",
                                         db).stdout.splitlines()]
    assert len(plover) == len(rows)


def test_load_imports_parquet_from_a_distributed_run(tmp_path: Path, db: str) -> None:
    pytest.importorskip("distributed")
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps(GOOD) + "\n")
    out = tmp_path / "pq"
    res = run("ingest", str(src), "--engine", "dask", "--workers", "1", "--out", str(out))
    assert res.returncode == 0, res.stderr
    assert "1 article(s)" in res.stdout
    first = run("load", str(out), "--db", db)
    assert first.returncode == 0 and "1 articles" in first.stdout
    again = run("load", str(out), "--db", db)
    assert "0 articles" in again.stdout
    assert run("show", GOOD["url"], "--db", db, "--format", "json").returncode == 0


def test_show_text_highlights_evidence_and_lists_knowledge(tmp_path: Path, db: str) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps(GOOD) + "\n")
    run("ingest", str(src), "--db", db, "-q")
    out = run("show", GOOD["url"], "--db", db).stdout
    for section in ("actors", "events", "places", "tone:"):
        assert section in out
    assert "Jakarta" in out and "IDNCOP" in out

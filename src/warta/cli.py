"""warta's command line: thin commands over library functions.

Exit codes (also in docs/cli.md):
  0  success
  1  some input was rejected (quarantined); everything else was stored
  2  usage error (bad option or argument)
  3  store error (cannot open or write the database)
  4  settings or data file error
  5  evaluation below a floor / nothing to evaluate
  130 interrupted (Ctrl-C); what was written is whole, re-run to resume
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from . import __version__
from .errors import DataFileError, StoreError, WartaError
from .settings import Settings

EXIT_REJECTED, EXIT_STORE, EXIT_CONFIG, EXIT_EVAL, EXIT_INTERRUPTED = 1, 3, 4, 5, 130

db_option = click.option(
    "--db", type=click.Path(dir_okay=False), default=None,
    help="DuckDB store file [default: ./warta.duckdb, or store.path in the settings].")


@contextmanager
def _errors() -> Iterator[None]:
    """Turn library errors into one-line messages and documented exit codes."""
    try:
        yield
    except DataFileError as exc:
        click.echo(f"warta: error: {exc}", err=True)
        sys.exit(EXIT_CONFIG)
    except StoreError as exc:
        click.echo(f"warta: error: {exc}", err=True)
        sys.exit(EXIT_STORE)
    except WartaError as exc:
        click.echo(f"warta: error: {exc}", err=True)
        sys.exit(EXIT_STORE)
    except KeyboardInterrupt:
        click.echo("warta: interrupted; whole articles were kept, run again to resume", err=True)
        sys.exit(EXIT_INTERRUPTED)


def _settings(ctx: click.Context) -> Settings:
    return ctx.obj["settings"]


def _db(ctx: click.Context, db: str | None) -> str:
    return db or _settings(ctx)["store"]["path"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="warta")
@click.option("--config", type=click.Path(dir_okay=False), envvar="WARTA_CONFIG",
              help="User settings TOML; overrides only what it sets.")
@click.option("-v", "--verbose", count=True, help="More log output (-vv for debug).")
@click.pass_context
def main(ctx: click.Context, config: str | None, verbose: int) -> None:
    """warta: political event data (GDELT 2.0, CAMEO, PLOVER) from English and
    Indonesian news, fully offline."""
    level = [logging.ERROR, logging.WARNING, logging.INFO, logging.DEBUG][min(verbose, 3)]
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    ctx.ensure_object(dict)
    with _errors():
        ctx.obj["settings"] = Settings.load(config)


# --------------------------------------------------------------------------- ingest
@main.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--workers", type=int, default=None,
              help="Worker processes [default: ingest.workers setting; 0 = all cores].")
@click.option("--format", "fmt", default=None,
              type=click.Choice(["text-scrape", "jsonl", "html", "warc", "csv", "tsv",
                                 "parquet"]),
              help="Force the input format instead of sniffing each file.")
@click.option("--text-col", default="text", show_default=True, help="Table/JSONL text column.")
@click.option("--url-col", default="url", show_default=True, help="Table/JSONL url column.")
@click.option("--title-col", default="title", show_default=True, help="Table title column.")
@click.option("--published-col", default="published", show_default=True,
              help="Table publication-date column.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local",
              show_default=True,
              help="local: this machine, into --db. dask: a Dask cluster, into Parquet (--out).")
@click.option("--address", default=None,
              help="Dask scheduler, e.g. tcp://HOST:8786 [default: start a local cluster].")
@click.option("--out", "out_dir", type=click.Path(file_okay=False), default="warta-parquet",
              show_default=True, help="With --engine dask: Parquet folder (by table and date).")
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[str, ...], db: str | None, workers: int | None,
           fmt: str | None, text_col: str, url_col: str, title_col: str, published_col: str,
           quiet: bool, engine: str, address: str | None, out_dir: str) -> None:
    """Read PATHS (files, folders, globs, or - for stdin), code them, store them.

    Formats are sniffed per file: scraped text pages, JSONL, HTML(.gz), WARC(.gz),
    CSV/TSV/Parquet. Re-ingesting the same input adds nothing; an interrupted run
    resumes where it stopped. Rejected records go to `warta quarantine`; the exit
    code is then 1. With --engine dask the same pipeline runs on a Dask cluster and
    writes Parquet that DuckDB queries in place or `warta load` imports.
    """
    from .ingest import ReadOptions
    from .runner import ingest as run_ingest
    from .store.duck import Store

    settings = _settings(ctx)
    options = ReadOptions(text_col=text_col, url_col=url_col, title_col=title_col,
                          published_col=published_col, format=fmt,
                          max_bytes=int(settings["ingest"]["max_bytes"]))
    n_workers = workers if workers is not None else int(settings["ingest"]["workers"])
    if n_workers == 0:
        from .scale.pool import default_workers

        n_workers = default_workers()
    if engine == "dask":
        _ingest_dask(list(paths), settings, options, address, out_dir, workers, quiet)
        return
    with _errors(), Store(_db(ctx, db)) as store:
        bar = None
        if not quiet:  # rich loads only when something is drawn
            from .cliview import ProgressBar

            bar = ProgressBar()
        try:
            summary = run_ingest(list(paths), store, settings=settings, options=options,
                                 workers=n_workers, progress=bar)
        finally:
            if bar:
                bar.stop()
        if not quiet:
            from .cliview import print_summary

            print_summary(summary, store)
    if summary.rejected:
        sys.exit(EXIT_REJECTED)


def _ingest_dask(paths: list[str], settings: Settings, options: Any, address: str | None,
                 out_dir: str, workers: int | None, quiet: bool) -> None:
    try:
        from .scale.dask import run_distributed
    except ImportError:  # pragma: no cover - depends on the optional extra
        click.echo("warta: error: --engine dask needs the dask extra: pip install 'warta[dask]'",
                   err=True)
        sys.exit(2)
    with _errors():
        summary = run_distributed(paths, address=address, out_dir=out_dir, settings=settings,
                                  options=options, workers=workers or None)
    if not quiet:
        click.echo(f"run {summary.run_id}: {summary.files} file(s) in {summary.shards} shard(s), "
                   f"{summary.articles} article(s), {summary.rejected} rejected, "
                   f"{summary.events} event(s) → {summary.out_dir} ({summary.seconds:.1f} s)")
    for err in summary.errors:
        click.echo(f"warta: shard failed: {err}", err=True)
    if summary.rejected or summary.errors:
        sys.exit(EXIT_REJECTED)


@main.command()
@click.argument("folder", type=click.Path(exists=True, file_okay=False))
@db_option
@click.pass_context
def load(ctx: click.Context, folder: str, db: str | None) -> None:
    """Import the Parquet written by `warta ingest --engine dask` into the store.
    Loading the same folder twice adds nothing."""
    from .store.duck import Store

    with _errors(), Store(_db(ctx, db)) as store:
        added = store.load_parquet(folder)
    click.echo(", ".join(f"{n} {table}" for table, n in added.items()) or "nothing to load")


@main.command()
@click.argument("feeds", nargs=-1, required=True)
@db_option
@click.option("--interval", type=float, default=300.0, show_default=True,
              help="Seconds between two polls of the feeds.")
@click.option("--state", "state_path", type=click.Path(dir_okay=False), default=None,
              help="SQLite file remembering seen items and ETags [default: <db>.feeds.sqlite].")
@click.option("--host-delay", type=float, default=1.0, show_default=True,
              help="Seconds between two requests to one host.")
@click.option("--once", is_flag=True, help="Poll once and stop.")
@click.option("--max-cycles", type=int, default=None, help="Stop after this many polls.")
@click.option("--allow-private", is_flag=True,
              help="Allow private, loopback and link-local addresses (refused by default).")
@click.option("--ignore-robots", is_flag=True, help="Do not obey robots.txt (not recommended).")
@click.pass_context
def watch(ctx: click.Context, feeds: tuple[str, ...], db: str | None, interval: float,
          state_path: str | None, host_delay: float, once: bool, max_cycles: int | None,
          allow_private: bool, ignore_robots: bool) -> None:
    """Poll RSS/Atom FEEDS, fetch new article pages and code them into the store.

    Obeys robots.txt, limits the rate per host, retries with backoff, uses
    conditional GET, and remembers what it has seen across restarts. Stop with
    Ctrl-C: what was stored is whole.
    """
    from .ingest.feeds import StoreSink, WatchOptions
    from .ingest.feeds import watch as run_watch
    from .ingest.http import FetchOptions
    from .process import build_pipeline
    from .store.duck import Store

    path = _db(ctx, db)
    options = WatchOptions(interval=interval, fetch=FetchOptions(
        allow_private=allow_private, host_delay=host_delay, obey_robots=not ignore_robots))
    with _errors(), Store(path) as store:
        run_id = store.start_run(list(feeds))
        sink = StoreSink(store, build_pipeline(_settings(ctx)), run_id)
        status = "interrupted"
        try:
            total = run_watch(list(feeds), sink, state_path=state_path or f"{path}.feeds.sqlite",
                              options=options, max_cycles=1 if once else max_cycles)
            status = "done"
        finally:
            store.finish_run(run_id, status, sink.stored, 0, sink.rejected)
    click.echo(f"{total.feeds} feed poll(s), {total.entries} entries, {sink.stored} stored, "
               f"{sink.rejected} rejected, {total.not_modified} not modified, "
               f"{total.refused} refused, {total.failed} failed")
    for err in total.feed_errors[:20]:
        click.echo(f"warta: feed error: {err}", err=True)
    if sink.rejected:
        sys.exit(EXIT_REJECTED)


# --------------------------------------------------------------------------- show
@main.command()
@click.argument("key")
@db_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@click.pass_context
def show(ctx: click.Context, key: str, db: str | None, fmt: str) -> None:
    """Show one article (by URL, file path or id): metadata, sentences, actors,
    events with their evidence highlighted."""
    from .store.duck import Store
    from .store.query import article_json

    with _errors(), Store(_db(ctx, db), read_only=True) as store:
        art = article_json(store, key)
    if fmt == "json":
        click.echo(json.dumps(art, ensure_ascii=False, indent=2, default=str))
        return
    from .cliview import render_article

    render_article(art)


# --------------------------------------------------------------------------- events
@main.command()
@db_option
@click.option("--code", help="CAMEO code prefix, e.g. 04 or 042.")
@click.option("--actor", help="Actor code prefix on either side, e.g. RUS or CHNGOV.")
@click.option("--country", help="3-letter country code on either side.")
@click.option("--since", help="Event date from (YYYY-MM-DD).")
@click.option("--until", help="Event date until (YYYY-MM-DD, inclusive).")
@click.option("--url", help="Only events of this article.")
@click.option("--include-negated", is_flag=True, help="Also list negated events (if stored).")
@click.option("--limit", type=int, default=None)
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
              show_default=True)
@click.pass_context
def events(ctx: click.Context, db: str | None, fmt: str, **filters: Any) -> None:
    """List coded events, filtered."""
    from .store.duck import Store
    from .store.query import EventFilter
    from .store.query import events as query_events

    with _errors(), Store(_db(ctx, db), read_only=True) as store:
        rows = query_events(store, EventFilter(**filters))
    from .cliview import print_events

    print_events(rows, fmt)


# --------------------------------------------------------------------------- export
@main.group()
def export() -> None:
    """Export events, actors, GKG or mentions in standard formats."""


output_option = click.option("-o", "--output", type=click.Path(dir_okay=False),
                             help="File to write [default: stdout].")


@contextmanager
def _export_to(ctx: click.Context, db: str | None, output: str | None) -> Iterator[Any]:
    """Open the store read-only and the output; yield (store, stream)."""
    from .store.duck import Store

    with _errors(), Store(_db(ctx, db), read_only=True) as store:
        out = open(output, "w", encoding="utf-8", newline="\n") if output else sys.stdout  # noqa: SIM115
        try:
            yield store, out
        finally:
            if output:
                out.close()


@export.command("events")
@db_option
@click.option("--format", "fmt", type=click.Choice(["gdelt", "plover"]), default="gdelt",
              show_default=True)
@output_option
@click.option("--header", is_flag=True, help="Write GDELT's column names as a first row.")
@click.pass_context
def export_events(ctx: click.Context, db: str | None, fmt: str, output: str | None,
                  header: bool) -> None:
    """GDELT 2.0 Events rows (61 tab-separated columns) or PLOVER JSON lines."""
    from .store.exports import write_gdelt_events, write_plover_events

    with _export_to(ctx, db, output) as (store, out):
        if fmt == "gdelt":
            write_gdelt_events(store, out, header=header)
        else:
            write_plover_events(store, out)


@export.command("actors")
@db_option
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl",
              show_default=True)
@output_option
@click.pass_context
def export_actors(ctx: click.Context, db: str | None, fmt: str, output: str | None) -> None:
    """One JSON line per actor mention: url, start, end, text, code, name, country, role."""
    from .store.exports import write_actors

    with _export_to(ctx, db, output) as (store, out):
        write_actors(store, out)


@export.command("gkg")
@db_option
@click.option("--format", "fmt", type=click.Choice(["gdelt"]), default="gdelt", show_default=True)
@output_option
@click.pass_context
def export_gkg(ctx: click.Context, db: str | None, fmt: str, output: str | None) -> None:
    """GDELT GKG 2.1 rows (27 tab-separated columns), one per article."""
    from .store.exports import write_gkg

    with _export_to(ctx, db, output) as (store, out):
        write_gkg(store, out)


@export.command("mentions")
@db_option
@click.option("--format", "fmt", type=click.Choice(["gdelt"]), default="gdelt", show_default=True)
@output_option
@click.pass_context
def export_mentions(ctx: click.Context, db: str | None, fmt: str, output: str | None) -> None:
    """GDELT 2.0 Mentions rows (16 columns): each event's report, sentence and offsets."""
    from .store.exports import write_mentions

    with _export_to(ctx, db, output) as (store, out):
        write_mentions(store, out)


# --------------------------------------------------------------------------- eval
@main.group("eval")
def eval_group() -> None:
    """Measure accuracy against gold data."""


@eval_group.command("ner")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.pass_context
def eval_ner(ctx: click.Context, path: str) -> None:
    """Score actor-mention detection on a CoNLL-style file (token, tag per line):
    precision, recall and F1 per mention kind."""
    from .actors.evaluate import evaluate_ner
    from .actors.stage import ActorStage

    with _errors():
        report = evaluate_ner(path, ActorStage(_settings(ctx)))
    click.echo(report.format())


@eval_group.command("events")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--shared", type=click.Path(exists=True, file_okay=False), default=None,
              help="Folder that text-less gold records' `corpus` paths are relative to "
                   "(e.g. ../shared).")
@click.option("--split", default=None, help="Score only records whose `split` is this "
              "(e.g. dev; keep test held out).")
@click.pass_context
def eval_events(ctx: click.Context, gold: str, shared: str | None, split: str | None) -> None:
    """Score event coding on GOLD: PLOVER gold JSON, or article JSONL with gold_triples.
    Prints precision, recall and F1 at category+source+target and at category only.
    Article records may leave out their text and name a `corpus` file under --shared
    holding it (gold for publishers' articles is kept without their text)."""
    from .events.evaluate import evaluate_events
    from .process import build_pipeline

    with _errors():
        report = evaluate_events(gold, build_pipeline(_settings(ctx)), shared=shared,
                                 split=split)
    click.echo(report.format())


# --------------------------------------------------------------------------- quarantine
@main.command()
@db_option
@click.option("--limit", type=int, default=None)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
@click.pass_context
def quarantine(ctx: click.Context, db: str | None, limit: int | None, fmt: str) -> None:
    """What was rejected, where (file:line) and why."""
    from .store.duck import Store
    from .store.query import quarantine as query_quarantine

    with _errors(), Store(_db(ctx, db), read_only=True) as store:
        rows = query_quarantine(store, limit)
    from .cliview import print_quarantine

    print_quarantine(rows, fmt)


# --------------------------------------------------------------------------- demo
@main.command()
@db_option
@click.pass_context
def demo(ctx: click.Context, db: str | None) -> None:
    """Ingest the bundled demo corpus (English and Indonesian wire copy written for
    warta) and print what was found: articles, actors, events with evidence."""
    from .cliview import print_demo
    from .runner import ingest as run_ingest
    from .store.duck import Store

    corpus = Path(__file__).parent / "demo"
    with _errors(), Store(_db(ctx, db)) as store:
        inputs = [str(corpus / "*.txt"), str(corpus / "*.jsonl")]
        summary = run_ingest(inputs, store, settings=_settings(ctx))
        print_demo(summary, store)


def run() -> None:  # pragma: no cover - console entry point alias
    main(obj={})


if __name__ == "__main__":  # pragma: no cover
    main(obj={})

"""The compiled-dictionary cache: hits, invalidation, corruption, unwritable
folders, and identical pipeline output with and without it."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from warta import cache


@pytest.fixture
def cache_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "cache"
    monkeypatch.setenv(cache.CACHE_ENV, str(root))
    return root


class Builder:
    """A build function that counts its calls."""

    def __init__(self, value: object) -> None:
        self.value, self.calls = value, 0

    def __call__(self) -> object:
        self.calls += 1
        return self.value


VALUE = {"words": [("a", 1, None, 2.5, frozenset({"x"}))], "blob": b"\x00\x01"}


def test_second_call_reads_the_stored_value_without_building(cache_root, tmp_path):
    src = tmp_path / "data.tsv"
    src.write_text("a\tb\n")
    build = Builder(VALUE)
    assert cache.compiled("t", [src], build) == VALUE
    assert cache.compiled("t", [src], build) == VALUE
    assert build.calls == 1
    assert len(list(cache_root.glob("t-*.bin"))) == 1


def test_two_checkouts_of_the_same_files_share_one_entry(cache_root, tmp_path):
    copies = []
    for where in ("one", "two"):
        (tmp_path / where).mkdir()
        copies.append(tmp_path / where / "data.tsv")
        copies[-1].write_text("a\tb\n")
    build = Builder(VALUE)
    assert cache.compiled("t", [copies[0]], build) == VALUE
    assert cache.compiled("t", [copies[1]], build) == VALUE
    assert build.calls == 1
    assert cache.cache_key("t", [copies[0]]) == cache.cache_key("t", [copies[1]])


@pytest.mark.parametrize("change", ["content", "extra", "missing", "version"])
def test_a_changed_input_rebuilds_and_replaces_the_old_file(cache_root, tmp_path, monkeypatch,
                                                           change):
    src = tmp_path / "data.tsv"
    src.write_text("a\tb\n")
    cache.compiled("t", [src], Builder(1))
    extra = ""
    if change == "content":
        src.write_text("a\tc\n")
    elif change == "extra":
        extra = "other settings"
    elif change == "missing":
        src.unlink()
    else:
        monkeypatch.setattr("warta.__version__", "99.0")
    build = Builder(2)
    assert cache.compiled("t", [src], build, extra=extra) == 2
    assert build.calls == 1
    assert len(list(cache_root.glob("t-*.bin"))) == 1  # the stale file is gone


def test_a_same_sized_edit_with_the_same_mtime_is_still_seen(cache_root, tmp_path):
    src = tmp_path / "data.tsv"
    src.write_text("aaaa\n")
    st = src.stat()
    cache.compiled("t", [src], Builder(1))
    src.write_text("bbbb\n")
    os.utime(src, ns=(st.st_atime_ns, st.st_mtime_ns))  # ctime still moves
    assert cache.compiled("t", [src], Builder(2)) == 2


@pytest.mark.parametrize("damage", [b"", b"garbage", cache._FORMAT, "truncate", "extend",
                                    cache._header(2) + b"\xff\x00"])
def test_a_corrupt_file_is_ignored_and_rewritten(cache_root, tmp_path, damage, caplog):
    src = tmp_path / "data.tsv"
    src.write_text("x\n")
    cache.compiled("t", [src], Builder(VALUE))
    (path,) = cache_root.glob("t-*.bin")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2] if damage == "truncate" else
                     data + b"\0" if damage == "extend" else damage)
    build = Builder(VALUE)
    assert cache.compiled("t", [src], build) == VALUE
    assert build.calls == 1
    assert path.read_bytes() == data  # written again, whole
    assert cache.compiled("t", [src], build) == VALUE and build.calls == 1


def test_an_unwritable_cache_folder_only_costs_a_build(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")  # a folder cannot be made below a file, even as root
    monkeypatch.setenv(cache.CACHE_ENV, str(blocker / "cache"))
    build = Builder(VALUE)
    assert cache.compiled("t", [], build) == VALUE
    assert cache.compiled("t", [], build) == VALUE
    assert build.calls == 2


def test_values_marshal_cannot_store_are_built_but_not_cached(cache_root):
    build = Builder(object())
    assert cache.compiled("t", [], build) is build.value
    assert not cache_root.exists() or not list(cache_root.glob("*.bin"))


@pytest.mark.parametrize("off", ["", "off", "0"])
def test_the_cache_can_be_switched_off(tmp_path, monkeypatch, off):
    monkeypatch.setenv(cache.CACHE_ENV, off)
    monkeypatch.chdir(tmp_path)
    build = Builder(1)
    cache.compiled("t", [], build)
    cache.compiled("t", [], build)
    assert build.calls == 2 and cache.cache_dir() is None
    assert list(tmp_path.iterdir()) == []


def test_default_folder_follows_xdg_then_home(tmp_path, monkeypatch):
    monkeypatch.delenv(cache.CACHE_ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.cache_dir() == tmp_path / "xdg" / "warta"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache.cache_dir() == tmp_path / "home" / ".cache" / "warta"


def test_gc_paused_restores_the_collector_also_on_error():
    assert gc.isenabled()
    with pytest.raises(RuntimeError), cache.gc_paused():
        assert not gc.isenabled()
        raise RuntimeError
    assert gc.isenabled()
    gc.disable()
    try:
        with cache.gc_paused():
            pass
        assert not gc.isenabled()  # left as the caller had it
    finally:
        gc.enable()


# -- the whole pipeline with and without compiled dictionaries -----------------

ARTICLES = [
    {"url": "test://en/1", "title": "Ministers meet over border dispute", "language": "en",
     "published": "2024-03-05T08:00:00",
     "text": "Russian President Vladimir Putin met Chinese Foreign Minister Wang Yi in "
             "Moscow on Tuesday.\n\nThe United States condemned the attack on Ukrainian "
             "troops and threatened new sanctions against Russia, officials said.\n\n"
             "Indonesian police arrested two suspects in Jakarta after the protest, "
             "according to a spokesman."},
    {"url": "test://id/1", "title": "Presiden bertemu Perdana Menteri Jepang", "language": "id",
     "published": "2024-05-20T09:00:00",
     "text": "Presiden Joko Widodo bertemu Perdana Menteri Jepang di Istana Merdeka, "
             "Jakarta, Senin (20/5).\n\nMenteri Luar Negeri Retno Marsudi mengecam serangan "
             "Israel terhadap warga Palestina di Gaza.\n\nPolisi menangkap tiga tersangka "
             "di Surabaya, kata juru bicara Polda Jawa Timur."},
]

SCRIPT = """
import json, sys
from warta.ingest import iter_inputs
from warta.process import build_pipeline
pipeline = build_pipeline()
out = []
for article in iter_inputs([sys.argv[1]]):
    article = pipeline(article)
    out.append([repr(article.mentions), repr(article.events), repr(article.places),
                repr(article.tone), repr(article.themes)])
print(json.dumps(out))
"""


def _run(corpus: Path, cache_dir: str) -> list:
    env = {**os.environ, cache.CACHE_ENV: cache_dir}
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(corpus)], env=env, check=True,
                          capture_output=True, text=True, timeout=600)
    return json.loads(done.stdout)


def test_pipeline_output_is_identical_with_a_cold_a_warm_and_no_cache(tmp_path):
    corpus = tmp_path / "invented.jsonl"
    corpus.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    folder = tmp_path / "cache"
    cold = _run(corpus, str(folder))  # builds and writes every compiled table
    files = {p.name: p.stat().st_mtime_ns for p in folder.glob("*.bin")}
    assert {name.split("-")[0] for name in files} >= {"actors", "matcher", "patterns",
                                                      "gazetteer", "words", "tone", "places"}
    warm = _run(corpus, str(folder))  # reads them
    assert {p.name: p.stat().st_mtime_ns for p in folder.glob("*.bin")} == files
    fresh = _run(corpus, "off")
    assert cold == warm == fresh
    assert any("Event(" in events for _, events, *_ in fresh)  # the articles code events
    assert all("Tone(" in tone for *_, tone, _ in fresh)


def test_a_file_edited_while_building_is_not_cached(cache_root, tmp_path):
    src = tmp_path / "data.tsv"
    src.write_text("old\n")

    def build() -> str:
        value = src.read_text()
        src.write_text("newer contents\n")  # another process edits the pack meanwhile
        return value

    assert cache.compiled("t", [src], build) == "old\n"
    assert not list(cache_root.glob("t-*.bin"))

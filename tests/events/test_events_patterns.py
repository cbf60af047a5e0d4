"""Pattern data: loads and validates, covers every CAMEO root in both languages."""

from __future__ import annotations

import pytest

from warta.errors import DataFileError
from warta.events import morph
from warta.events.codebook import Codebook
from warta.events.modality import Lexicon, Shifts
from warta.events.patterns import PatternSet, _parse


@pytest.mark.parametrize("lang", ["id", "en"])
def test_patterns_cover_all_twenty_roots(lang):
    roots = {p.code[:2] for p in PatternSet.load(lang).patterns}
    missing = {f"{r:02d}" for r in range(1, 21)} - roots
    assert not missing


@pytest.mark.parametrize("lang", ["id", "en"])
def test_pattern_ids_are_unique_and_name_language_head_and_code(lang):
    patterns = PatternSet.load(lang).patterns
    ids = [p.id for p in patterns]
    assert len(ids) == len(set(ids))
    for p in patterns[:200]:
        lang_, head, code, n = p.id.split(":")
        assert (lang_, head, code) == (lang, p.head[0], p.code) and int(n) >= 1


@pytest.mark.parametrize("lang", ["id", "en"])
def test_lexicon_loads(lang):
    lex = Lexicon.load(lang)
    assert lex.is_("dan" if lang == "id" else "and", "coord")
    assert any(c.kind == "negation" for c in lex.cues)


@pytest.mark.parametrize(("code", "kind", "shifted"), [
    ("042", "intent", "036"), ("051", "intent", "032"), ("073", "intent", "0333"),
    ("190", "intent", "1384"), ("163", "threat", "1312"), ("046", "reject", "125"),
    ("112", "intent", "112"),  # verbal conflict stays as it is
])
def test_modal_shifts_follow_cameo(code, kind, shifted):
    assert Shifts.load().shift(code, kind) == shifted


@pytest.mark.parametrize(("root", "pos", "word", "passive"), [
    ("kunjung", "verb", "mengunjungi", False),
    ("serang", "verb", "menyerang", False),
    ("serang", "verb", "diserang", True),
    ("pukul", "verb", "memukul", False),
    ("tolak", "verb", "menolak", False),
    ("dukung", "verb", "mendukung", False),
    ("kuat", "verb", "memperkuat", False),
    ("bom", "verb", "mengebom", False),
    ("kerja", "verb", "bekerja", False),
    ("serang", "noun", "serangan", False),
    ("serang", "noun", "penyerangan", False),
    ("tangkap", "noun", "penangkapan", False),
])
def test_indonesian_forms(root, pos, word, passive):
    forms = morph.id_forms(root, pos)
    assert word in forms and forms[word].passive is passive


@pytest.mark.parametrize(("base", "word"), [
    ("attack", "attacked"), ("agree", "agreed"), ("agree", "agreeing"), ("stop", "stopped"),
    ("deny", "denied"), ("deny", "denies"), ("visit", "visiting"), ("seize", "seizing"),
])
def test_english_forms(base, word):
    assert word in morph.en_forms(base, "verb")


@pytest.mark.parametrize(("word", "stripped"), [
    ("kunjungannya", "kunjungan"), ("perusahaan-perusahaan", "perusahaan"),
    ("serang-menyerang", "menyerang"), ("dia", None),
])
def test_indonesian_clitics_and_reduplication(word, stripped):
    assert morph.id_strip(word) == stripped


@pytest.mark.parametrize(("row", "message"), [
    ("kunjung\tverb\t\t999\tobj\t", "unknown CAMEO code"),
    ("kunjung\tadverb\t\t042\tobj\t", "unknown form"),
    ("kunjung\tverb\t\t042\tobj\tloud", "unknown flag"),
])
def test_bad_pattern_rows_name_file_and_line(tmp_path, row, message):
    path = tmp_path / "patterns.tsv"
    path.write_text("head\tform\tafter\tcode\ttarget\tflags\n" + row + "\n")
    with pytest.raises(DataFileError, match=message) as err:
        _parse("id", path, Codebook.load(), __import__("collections").defaultdict(int))
    assert err.value.line == 2

"""Hypothesis properties of segmentation: spans slice back, nest, and repeat."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from warta.language import segment
from warta.language.morph_id import analyse, stem
from warta.language.segment import SegmentStage, tokenize
from warta.model import Article, Token, Zone

PIECES = [
    "Rusia", "memerangi", "perusahaan-perusahaan", "U.S.", "A.S.", "Mr.", "No.", "Rp1,5",
    "$240", "(8/4)", "3.5%", "...", "…", "“", "”", '"', "'", ".", "!", "?", ",", "-", "—",
    "[IT/r]", "İstanbul", "ΣΑΣ", "ﬁ", "Jl.", "JAKARTA,", "(Reuters)", "Moskow.", "ujarnya.",
    " ", " ", " ", "\n", "\n\n", "\t", "9", "e.g.", "Asia-Pasifik", "’s", "x",
]
texts = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)
KINDS = ["title", "caption", "dateline", "lead", "body"]
BLANK_LINE = re.compile(r"\n[ \t]*\n")


@st.composite
def articles(draw: st.DrawFn) -> Article:
    text = draw(texts)
    cuts = sorted(set(draw(st.lists(st.integers(0, len(text)), max_size=4))))
    bounds = [0, *cuts, len(text)]
    zones = tuple(
        Zone(draw(st.sampled_from(KINDS)), a, b, draw(st.sampled_from(["id", "en", None])))
        for a, b in zip(bounds, bounds[1:], strict=False)
        if a < b
    )
    return Article(url="prop", text=text, zones=zones, language=draw(st.sampled_from(["id", "en"])))


STAGE = SegmentStage()


@settings(max_examples=300, deadline=None)
@given(articles())
def test_every_span_slices_back_and_nests(article: Article) -> None:
    text = article.text
    out = STAGE(article)
    previous_end = 0
    for i, sentence in enumerate(out.sentences):
        assert sentence.index == i
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip() and sentence.text
        assert previous_end <= sentence.start
        previous_end = sentence.end
        assert not BLANK_LINE.search(sentence.text)
        assert any(z.start <= sentence.start and sentence.end <= z.end for z in article.zones)
        token_end = sentence.start
        for token in sentence.tokens:
            assert text[token.start : token.end] == token.text
            assert token_end <= token.start and token.end <= sentence.end
            assert len(token.norm) == len(token.text)
            token_end = token.end


@settings(max_examples=200, deadline=None)
@given(articles())
def test_segmentation_is_deterministic_and_idempotent(article: Article) -> None:
    once = STAGE(article)
    assert STAGE(article) == once
    assert STAGE(once).sentences == once.sentences


@settings(max_examples=300, deadline=None)
@given(texts, st.sampled_from(["id", "en"]))
def test_tokens_cover_every_visible_character(text: str, lang: str) -> None:
    tokens = tokenize(text, lang)
    covered = "".join(t.text for t in tokens)
    assert covered == "".join(text.split())
    assert all(text[t.start : t.end] == t.text for t in tokens)


_PIECE = re.compile(r"\S+")


def reference_tokens(seg: segment.Segmenter, text: str, keep_names: bool) -> tuple[Token, ...]:
    """The tokenizer's definition, with none of its shortcuts: every piece between
    spaces through ``_split`` at its place in the text, every Token built by its
    class, every lemma asked for."""
    low = text.lower() if len(text.lower()) == len(text) else segment._norm(text)
    out, opening = [], True
    for piece in _PIECE.finditer(text):
        for s, e, kind in seg._split(text, *piece.span()):
            norm = low[s:e]
            if kind != "word":
                out.append(Token(s, e, text[s:e], norm, norm, kind == "punct"))
                continue
            name = keep_names and not opening and text[s].isupper()
            out.append(Token(s, e, text[s:e], norm, norm if name else seg._lemma(norm)))
            opening = False
    return tuple(out)


@settings(max_examples=400, deadline=None)
@given(texts, st.sampled_from(["id", "en"]), st.booleans())
def test_tokens_are_the_reference_tokens(text: str, lang: str, keep_names: bool) -> None:
    seg = segment.Segmenter(lang)
    expected = reference_tokens(seg, text, keep_names)
    assert seg.tokens(text, 0, len(text), keep_names) == expected
    assert seg.tokens(text, 0, len(text), keep_names) == expected  # memoised pieces too


ROOTS = ["perang", "kunjung", "serang", "pukul", "tembak", "temu", "usaha", "pimpin", "kuat",
         "ajar", "beri", "tangkap", "sampai", "janji", "pilih", "kata", "ambil", "lawan"]
PREFIXES = ["", "me", "mem", "men", "meng", "meny", "di", "ber", "ter", "per", "ke", "pe", "peng"]
SUFFIXES = ["", "kan", "i", "an", "nya", "lah", "kahnya", "annya"]
words = st.one_of(
    st.builds(lambda p, r, s: p + r + s,
              st.sampled_from(PREFIXES), st.sampled_from(ROOTS), st.sampled_from(SUFFIXES)),
    st.text(alphabet="abcdeiklmnoprstuy-", min_size=1, max_size=14),
)


@settings(max_examples=500, deadline=None)
@given(words)
def test_stemming_is_stable_and_lower_case(word: str) -> None:
    root = stem(word)
    assert root == root.lower() and root
    assert stem(root) == root  # a root is its own root
    assert analyse(word).root == root

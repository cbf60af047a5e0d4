"""Quotes and their speakers (issue 6, item 1)."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warta.enrich import quotes as quotes_mod
from warta.enrich.quotes import QuoteStage, quote_groups
from warta.model import Article, Mention, Sentence

NAMES = {
    "Sergei Lavrov": ("RUSGOV", "Sergei Lavrov"), "Lavrov": ("RUSGOV", "Sergei Lavrov"),
    "Wang Yi": ("CHNGOV", "Wang Yi"), "Wang": ("CHNGOV", "Wang Yi"),
    "Putin": ("RUSGOV", "Vladimir Putin"),
}


def split_sentences(text: str, lang: str) -> tuple[Sentence, ...]:
    """A tiny segmenter for tests: lines, then '.', '!' or '?' before a space."""
    out: list[Sentence] = []
    for para, line in enumerate(re.finditer(r"[^\n]+", text)):
        for m in re.finditer(r"\S.*?(?:[.!?][”\"’]?(?=\s)|$)", line.group()):
            start = line.start() + m.start()
            out.append(Sentence(len(out), start, start + len(m.group()), m.group(),
                                language=lang, paragraph=para))
    return tuple(out)


def name_mentions(text: str, sentences: tuple[Sentence, ...]) -> list[Mention]:
    """Person mentions for the names in NAMES, longest first, no overlaps."""
    taken: set[int] = set()
    found = []
    for surface in sorted(NAMES, key=len, reverse=True):
        for m in re.finditer(rf"\b{re.escape(surface)}\b", text):
            if taken & set(range(m.start(), m.end())):
                continue
            taken.update(range(m.start(), m.end()))
            sent = next((s.index for s in sentences if s.start <= m.start() < s.end), -1)
            code, name = NAMES[surface]
            found.append(Mention(m.start(), m.end(), surface, sent, code, name,
                                 country=code[:3], kind="person"))
    return found


def article(text: str, lang: str = "id", extra: tuple[Mention, ...] = ()) -> Article:
    sents = split_sentences(text, lang)
    mentions = sorted([*name_mentions(text, sents), *extra], key=lambda m: m.start)
    return Article(url="test://q", text=text, language=lang, sentences=sents,
                   mentions=tuple(mentions))


@pytest.fixture(scope="module")
def stage() -> QuoteStage:
    return QuoteStage()


@pytest.mark.parametrize(
    "lang, text, quote, verb, speaker",
    [
        ("id", "“Kami siap bekerja sama dengan semua pihak,” kata Lavrov.",
         "Kami siap bekerja sama dengan semua pihak", "kata", "Sergei Lavrov"),
        ("id", '"Kami membahas isu panas internasional dan regional," tegas Wang.',
         "Kami membahas isu panas internasional dan regional", "tegas", "Wang Yi"),
        ("id", "Dalam pertemuan itu, Wang berjanji “China akan mendukung Rusia sepenuhnya,” "
               "media pemerintah melaporkan.",
         "China akan mendukung Rusia sepenuhnya", "berjanji", "Wang Yi"),
        ("id", "Lavrov mengatakan: “Kami tidak akan pernah mundur dari sikap ini.”",
         "Kami tidak akan pernah mundur dari sikap ini.", "mengatakan", "Sergei Lavrov"),
        ("en", '"We are ready to talk to anyone," said Lavrov.',
         "We are ready to talk to anyone", "said", "Sergei Lavrov"),
        ("en", 'Lavrov said: "We will respond to any provocation."',
         "We will respond to any provocation.", "said", "Sergei Lavrov"),
        ("en", '"China will never add fuel to the fire," Wang told reporters.',
         "China will never add fuel to the fire", "told", "Wang Yi"),
    ],
)
def test_direct_quote_with_named_speaker(stage, lang, text, quote, verb, speaker):
    (q,) = stage(article(text, lang)).quotes
    assert (q.text, q.kind, q.verb, q.speaker.name) == (quote, "direct", verb, speaker)
    assert q.speaker.confidence == 1.0


def test_clitic_uses_the_pronoun_mention_the_actors_stage_resolved(stage):
    text = "Wang tiba di Moskow. “Saya pikir rakyat Rusia akan memiliki masa depan,” ujarnya."
    at = text.index("ujarnya")
    pronoun = Mention(at, at + len("ujarnya"), "ujarnya", 1, "CHNGOV", "Wang Yi",
                      kind="pronoun", method="coreference", confidence=0.9)
    (q,) = stage(article(text, extra=(pronoun,))).quotes
    assert q.verb == "ujarnya" and q.speaker == pronoun


@pytest.mark.parametrize(
    "lang, text, verb, speaker",
    [
        # no pronoun mention: the subject of the previous sentence speaks
        ("id", "Lavrov juga berterima kasih kepada Putin. “Hasil pemilu menegaskan "
               "kepercayaan rakyat,” tambahnya.", "tambahnya", "Sergei Lavrov"),
        ("en", 'Wang met Lavrov on Tuesday. "We had a deep and frank exchange," he said.',
         "said", "Wang Yi"),
        # the previous quote's speaker carries over to a following "katanya"
        ("id", '"Kami melakukan komunikasi mendalam tentang isu panas," tegas Wang.\n'
               "“China akan tetap memainkan peran konstruktif di panggung dunia,” katanya.",
         "katanya", "Wang Yi"),
    ],
)
def test_fallback_speaker_has_lower_confidence(stage, lang, text, verb, speaker):
    q = stage(article(text, lang)).quotes[-1]
    assert (q.verb, q.speaker.name) == (verb, speaker)
    assert q.speaker.confidence < 1.0


def test_quote_running_over_paragraphs_keeps_one_speaker(stage):
    text = ("“Kami sudah membahas situasi di kawasan dengan sangat rinci.\n\n"
            "“Kami juga sepakat untuk bertemu lagi tahun depan,” kata Lavrov.")
    quotes = stage(article(text)).quotes
    assert [q.text for q in quotes] == [
        "Kami sudah membahas situasi di kawasan dengan sangat rinci.",
        "Kami juga sepakat untuk bertemu lagi tahun depan",
    ]
    assert {q.speaker.name for q in quotes} == {"Sergei Lavrov"}


@pytest.mark.parametrize(
    "text, quote",
    [
        ("“Dia bilang ‘tidak mungkin’ kepada kami semua,” kata Wang.",
         "Dia bilang ‘tidak mungkin’ kepada kami semua"),
        ("“Mereka menyebutnya “kemitraan tanpa batas” sejak awal,” kata Wang.",
         "Mereka menyebutnya “kemitraan tanpa batas” sejak awal"),
    ],
)
def test_nested_quotes_stay_inside_the_outer_quote(stage, text, quote):
    (q,) = stage(article(text)).quotes
    assert q.text == quote and q.speaker.name == "Wang Yi"


def test_unclosed_quote_stops_at_the_paragraph_end(stage):
    text = ("“Ini kutipan yang tidak pernah ditutup oleh penulisnya, kata Wang\n"
            "Paragraf berikutnya adalah teks biasa tanpa kutipan sama sekali.")
    (q,) = stage(article(text)).quotes
    assert q.end <= text.index("\n")
    assert "Paragraf" not in q.text


def test_scare_quotes_are_not_quotations(stage):
    text = "Rusia dan China mendeklarasikan kemitraan “tanpa batas” pada Februari 2022."
    assert stage(article(text)).quotes == ()


@pytest.mark.parametrize(
    "lang, text, clause, verb, speaker",
    [
        ("id", "Lavrov, pada bagiannya, mengatakan bahwa Rusia dan Tiongkok menegaskan "
               "komitmen bersama.", "Rusia dan Tiongkok menegaskan komitmen bersama",
         "mengatakan", "Sergei Lavrov"),
        ("id", "Lavrov juga berterima kasih kepada Putin dan menekankan bahwa Xi adalah "
               "yang pertama memberi selamat.", "Xi adalah yang pertama memberi selamat",
         "menekankan", "Sergei Lavrov"),
        ("en", "Wang said on Tuesday that China would support Russia.",
         "China would support Russia", "said", "Wang Yi"),
    ],
)
def test_reported_speech_is_an_indirect_quote(stage, lang, text, clause, verb, speaker):
    (q,) = stage(article(text, lang)).quotes
    assert (q.kind, q.text, q.verb, q.speaker.name) == ("indirect", clause, verb, speaker)


def test_speaker_without_any_actor_mention_keeps_the_name(stage):
    text = "“Kami menolak semua tuduhan itu dengan tegas,” kata Zakharova."
    (q,) = stage(Article(url="t", text=text, language="id",
                         sentences=split_sentences(text, "id"))).quotes
    assert q.speaker.text == "Zakharova" and q.speaker.code == ""


def test_stage_contract():
    stage = QuoteStage()
    assert (stage.name, stage.requires, stage.assigns) == (
        "quotes", ("sentences", "mentions"), ("quotes",))


QUOTE_PIECES = st.sampled_from([*"ab ,.\n“”\"‘’«»„", " kata Wang", " ujarnya", " Lavrov said"])
QUOTE_TEXT = st.lists(QUOTE_PIECES, max_size=60).map("".join)


@settings(max_examples=200, deadline=None)
@given(QUOTE_TEXT)
def test_every_quote_span_slices_back_and_stays_in_its_paragraph(text):
    a = article(text)
    for q in QuoteStage()(a).quotes:
        assert a.text[q.start : q.end] == q.text
        if q.kind == "direct":
            assert "\n" not in q.text
    for group in quote_groups(text):
        assert all(s.start < s.end for s in group)


def test_sample_page_quotes(sample_path):
    text = sample_path.read_text("utf-8")
    quotes = QuoteStage()(article(text)).quotes
    attributed = [q for q in quotes if q.speaker and q.speaker.name in ("Wang Yi", "Sergei Lavrov")]
    assert len(attributed) >= 5

    def speaker_of(ending: str) -> str:
        q = next(q for q in quotes if q.text.endswith(ending))
        return q.speaker.name

    assert speaker_of("masa depan cerah") == "Wang Yi"  # “…,” ujarnya.
    assert speaker_of("Palestina-Israel") == "Wang Yi"  # tegas Wang
    assert speaker_of("melawan terorisme") == "Sergei Lavrov"  # kata Lavrov
    assert speaker_of("sedang berlangsung") == "Sergei Lavrov"  # tambahnya
    indirect = [q for q in quotes if q.kind == "indirect" and q.verb == "mengatakan"]
    assert [q.speaker.name for q in indirect] == ["Sergei Lavrov"]


@pytest.mark.parametrize(
    "text",
    [
        'said: "We will win this match easily tomorrow."',  # verb first in its window
        '"We will win this match easily." The coach said nothing more.',
    ],
)
def test_regression_cues_at_window_edges(stage, text):
    (q,) = stage(article(text, "en")).quotes
    assert q.text.startswith("We will win")
    assert q.speaker is None or q.speaker.text != "The"


def test_colon_lets_the_verb_sit_further_back(stage):
    text = 'Lavrov told the state television channel on Sunday: "We never wanted this war."'
    (q,) = stage(article(text, "en")).quotes
    assert (q.verb, q.speaker.name) == ("told", "Sergei Lavrov")


@pytest.mark.parametrize(
    "text, speaker",
    [
        # the subject of the previous sentence beats an older quote's speaker
        ("“Kami siap bekerja sama dengan semua pihak,” kata Lavrov.\n"
         "Wang mengatakan bahwa China mendukung perdamaian.\n"
         "“Kami tidak akan menambah minyak ke dalam api,” ujarnya.", "Wang Yi"),
        # quote paragraphs in a row share their speaker across a plain sentence
        ("“Kami siap bekerja sama dengan semua pihak,” kata Lavrov.\n"
         "Pertemuan berlangsung selama tiga jam.\n"
         "“Kami juga membahas situasi di kawasan,” ujarnya.", "Sergei Lavrov"),
    ],
)
def test_fallback_prefers_the_nearest_evidence(stage, text, speaker):
    assert stage(article(text)).quotes[-1].speaker.name == speaker


def test_name_right_after_the_verb_beats_a_later_mention(stage):
    text = "“Kasus ini harus menjadi perhatian kita semua,” kata Dede Indra kepada Lavrov."
    (q,) = stage(article(text)).quotes
    assert q.speaker.text == "Dede Indra" and q.speaker.code == ""


def test_indirect_with_unresolved_pronoun_uses_the_fallback(stage):
    text = "Wang tiba di Moskow pada Senin.\nDia menyebut bahwa kerja sama kedua negara kuat."
    (q,) = stage(article(text)).quotes
    assert (q.kind, q.speaker.name) == ("indirect", "Wang Yi")
    assert q.speaker.confidence < 1.0


def test_person_in_the_attribution_beats_a_country_before_it(stage):
    text = "“Kami tidak akan pernah mundur dari sikap ini,” kata Menteri Luar Negeri Rusia Lavrov."
    at = text.index("Rusia")
    russia = Mention(at, at + 5, "Rusia", 0, "RUS", "Russia", "RUS", kind="country")
    (q,) = stage(article(text, extra=(russia,))).quotes
    assert q.speaker.name == "Sergei Lavrov"


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("In a statement, the Fed said that inflation pressures were contained.", "Fed"),
        ("The Sunday Times reported that two funds were drawing up a list.", "The Sunday Times"),
    ],
)
def test_indirect_speaker_named_right_before_the_verb(stage, text, speaker):
    (q,) = stage(article(text, "en")).quotes
    assert q.speaker.text == speaker and q.speaker.code == ""


def test_names_keep_their_particles(stage):
    text = '"We see a low risk of that happening," said Bank of Japan chief Toshihiko Fukui.'
    (q,) = stage(article(text, "en")).quotes
    assert q.speaker.text == "Bank of Japan"


# -- the shortcuts find what the plain scans find -----------------------------

def test_case_plain_letters_match_only_their_two_ascii_cases():
    everything = "".join(map(chr, range(sys.maxunicode + 1)))
    for letter in sorted(quotes_mod.CASE_PLAIN):
        found = set(re.compile(letter, re.IGNORECASE).findall(everything))
        assert found == {letter, letter.upper()}
    assert len(set(re.compile("k", re.IGNORECASE).findall(everything))) == 3  # Kelvin sign


def _close_reference(text: str, i: int, end: int) -> int | None:
    """_close as a walk over every character."""
    opener = "“" if text[i] == "”" else text[i]
    closers, depth = quotes_mod.CLOSERS[opener], 0
    for j in range(i + 1, end):
        ch = text[j]
        if ch in closers and depth == 0:
            return j
        if opener != '"' and ch == opener:
            depth += 1
        elif opener != '"' and ch in closers:
            depth -= 1
    return None


@settings(max_examples=300, deadline=None)
@given(st.sampled_from("“„«\"”"), st.lists(st.sampled_from([*"ab “”\"‘’«»„"]), max_size=30))
def test_close_skips_to_the_marks(opener, rest):
    text = opener + "".join(rest)
    for end in range(len(text) + 1):
        assert quotes_mod._close(text, 0, end) == _close_reference(text, 0, end)


COMPLEMENTIZER_TEXT = st.lists(st.sampled_from(
    ["that", "THAT", "That", "thats", "bahwa", "BAHWA", "bahwasanya", "tħat", " ", ".", "İ",
     "ß", "said", "x", "_", "ſ", "K"]), max_size=12).map("".join)


@settings(max_examples=300, deadline=None)
@given(COMPLEMENTIZER_TEXT, st.data())
def test_may_report_is_the_complementizer_search(stage, text, data):
    lex = stage._lex
    assert lex.plain is not None  # the packs' complementizers take the shortcut
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert lex.may_report(text, start, end) == bool(lex.complementizer.search(text, start, end))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 40), st.integers(1, 8)), max_size=5),
       st.integers(0, 50), st.integers(0, 12))
def test_touches_quote_covers_every_quoted_position(spans, lo, width):
    quoted = [(s, s + n) for s, n in spans]
    sp = quotes_mod._Speakers(Article(url="t", text="x" * 60), quoted)
    touches = sp.touches_quote(lo, lo + width)
    assert touches == any(s < lo + width and e > lo for s, e in quoted)
    if not touches:
        assert not any(sp.inside_quote(p) for p in range(lo, lo + width))

"""Build the Indonesian morphology data of the ``id`` pack from nlp-id (MIT, kumparan).

Writes two files into src/warta/packs/id/:

* ``roots.tsv`` — every root of nlp-id's ``lemma_dict.json`` with ``freq``, how
  often the root's word family occurs in nlp-id's tagged news corpus
  (``dataset_postag.txt``). The stemmer only accepts roots from this list,
  which is what stops Sastrawi-style over-stemming (memerangi→rang), and
  breaks ties between allomorph readings (mengunjungi: kunjung ≫ unjung).
* ``stem_exceptions.tsv`` — corpus words whose rule-based analysis still
  disagrees with nlp-id's lemma, mapped to nlp-id's lemma.

Usage: python scripts/build_id_roots.py [path/to/shared/dictionaries/nlp-id]
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACK = ROOT / "src" / "warta" / "packs" / "id"
DEFAULT_SRC = ROOT.parent / "shared" / "dictionaries" / "nlp-id"
HEADER = "# Converted from nlp-id (c) 2025 kumparan.com, MIT licence; see NOTICE\n"


def corpus_words(path: Path) -> tuple[Counter[str], set[str]]:
    """Lower-cased word counts of the tagged corpus (one ``token<TAB>tag`` a line),
    and the words tagged mostly as proper nouns (NNP)."""
    counts: Counter[str] = Counter()
    proper: Counter[str] = Counter()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            word, _, tag = line.strip().partition("\t")
            word = word.lower()
            if word.replace("-", "").isalpha():
                counts[word] += 1
                proper[word] += tag == "NNP"
    return counts, {w for w, n in proper.items() if 2 * n > counts[w]}


def write_roots(lemmas: dict[str, str], counts: Counter[str]) -> dict[str, int]:
    roots = set(lemmas.values())
    freq = {r: counts.get(r, 0) for r in roots}
    for word, n in counts.items():
        root = lemmas.get(word)
        if root is not None:
            freq[root] += n
    with open(PACK / "roots.tsv", "w", encoding="utf-8") as fh:
        fh.write(HEADER + "root\tfreq\n")
        for root in sorted(roots):
            if root.replace("-", "").isalpha():
                fh.write(f"{root}\t{freq[root]}\n")
    return freq


def write_exceptions(
    lemmas: dict[str, str], counts: Counter[str], proper: set[str], freq: dict[str, int]
) -> int:
    """nlp-id's lemma where the rules disagree, except where nlp-id is the likelier
    one to be wrong: names (Semarang is not se+sarang) and a rarer root
    (berikan is beri+kan, not ber+ikan)."""
    sys.path.insert(0, str(ROOT / "src"))
    from warta.language.morph_id import Morphology

    morph = Morphology(exceptions=False)
    rows = []
    for word, _ in counts.most_common():
        want = lemmas.get(word)
        got = morph.stem(word)
        if want is None or got == want or word in proper:
            continue
        if got == word or freq.get(want, 0) >= freq.get(got, 0):
            rows.append((word, want))
    with open(PACK / "stem_exceptions.tsv", "w", encoding="utf-8") as fh:
        fh.write(HEADER + "word\troot\n")
        for word, root in sorted(rows):
            fh.write(f"{word}\t{root}\n")
    return len(rows)


def main(src: Path = DEFAULT_SRC) -> None:
    lemmas: dict[str, str] = json.loads((src / "lemma_dict.json").read_text("utf-8"))
    counts, proper = corpus_words(src / "dataset_postag.txt")
    freq = write_roots(lemmas, counts)
    n = write_exceptions(lemmas, counts, proper, freq)
    print(f"{len(freq)} roots, {n} exceptions")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SRC)

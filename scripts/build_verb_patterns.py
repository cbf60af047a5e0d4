"""Convert the PETRARCH-2 CAMEO verb dictionary (MIT) into warta's English patterns.

Reads  ../shared/dictionaries/petrarch/CAMEO.2.0.txt
Writes src/warta/packs/en/patterns_petrarch.tsv   (head, form, after, code, target, flags)
       src/warta/packs/en/verbs_irregular.tsv      (base, forms)

What is kept: each verb's default code (from its line or its block), and the
patterns of the form ``- * WORDS [code]`` (words after the verb, with
synonym sets expanded, prepositional phrases kept as words), each given to
the verb its comment names (``- * PART [030]  # TAKE`` belongs to *take*
only, not to *capture* or *seize* of the same block; a pattern of a
stoplisted verb is dropped with it; without a recognisable name the
pattern goes to every verb of the block). Patterns with
words before the verb are skipped (the engine anchors on the verb).
``- * WORDS [---]`` patterns, PETRARCH's own phrases that are no event ("seize the
opportunity", "impose taxes", "cut production", "fight corruption"), become
no-event rows (code ``-``) that beat the verb's default code. For ``[a:b]`` code
pairs the first code is used.
A short stoplist drops verbs whose PETRARCH default is too generic to code
news on its own (``face`` -> 040); ``NO_DEFAULT`` keeps a verb's specific
patterns but not its bare default; ``NO_PATTERN`` and ``NO_CODE`` drop single
patterns ("exports to", "pay" + money). Targets: the object and the usual
prepositions for every row, place and origin prepositions (*at*, *from*,
*into*, *over*) only for the roots in ``ROOT_PREPS``.

Usage: python scripts/build_verb_patterns.py [CAMEO.2.0.txt]
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "warta" / "packs" / "en"
DEFAULT_SRC = ROOT.parent / "shared" / "dictionaries" / "petrarch" / "CAMEO.2.0.txt"
TARGET = "obj|to|with|against|on|toward|towards|for"
#: prepositions that name a target only for some roots: elsewhere what follows them is
#: a place, an origin or a topic ("meeting at Geneva", "speaking from Bonn", "release
#: supplies from the US' reserve", "fly to Sydney from London", "a boycott over the
#: tax"). Judged on the events of PETRARCH rows in 785 BBC/Reuters articles outside
#: the gold files: 10 of 11 targets after "at" and about 20 of 25 after "from" were
#: wrong ("for" stays everywhere: "press for Japanese reform", "in retaliation for an
#: Iranian attack" name the target as often as not).
ROOT_PREPS = {
    "at": {"11", "13", "14", "17", "18", "19", "20"},  # "protested at", "fired at"
    "from": {"02", "07", "08", "10", "12", "16", "17"},  # "sought aid from", "withdrew from"
    "into": {"15", "17", "18", "19", "20"},  # "sent troops into"
    "over": {"19", "20"},  # "victory over"
}
MAX_SYNONYMS = 40
#: the code of a phrase that is no event (``packs`` pattern rows, events/patterns.py)
NO_EVENT = "-"
#: verbs whose PETRARCH default code fires on ordinary, non-event uses
STOP = {"face", "brave", "encounter", "confront", "interact", "run into", "say", "tell",
        "do", "make", "take", "get", "go", "come", "have", "be", "see", "look", "find",
        "put", "keep", "hold", "use", "add", "call", "show", "move", "set", "leave",
        "include", "consider", "remain", "receive", "expect", "issue", "reach", "open",
        "close", "end", "begin", "start", "continue", "turn", "back", "mean", "plan", "rule",
        "deal", "report", "quote", "estimate", "state", "note", "point"}
#: verbs whose PETRARCH default code (no words after the verb) fires mostly on
#: non-events in news: their specific patterns are kept ("join forces", "lead a
#: delegation"), their bare default is not. Read from samples of the Reuters-21578
#: and BBC corpora outside the gold files: "lead"/"head"/"control" (060) are
#: leadership and nouns ("led by", "head of", "arms control"); "join" (040) is
#: membership or company ("joined the cabinet", "was joined by"); "hope" (020) is a
#: wish, not an appeal; "suggest" (020) reports an opinion ("data suggest that");
#: the thinking, learning and movement verbs of PETRARCH's 040 block are no meetings
#: ("ponder", "hear", "converge", "embark on", "pull out"); "found", "serve",
#: "benefit", "stock", "exchange", "increase", "expand" (06x) are no cooperation;
#: "match", "compete" (190/110) are sport; "mine" (090) is mining, "arm" (062) mostly
#: the noun ("arms sales"), "clear" (080) is "made clear"; "trade" (060) and
#: "finance" (061) are nouns ("trade deficit", "finance ministers"); "approve" (080)
#: approves bills and offerings, no yielding; "protect" (074) is no peacekeeping
#: ("protect children"); "travel" (040) is a visit only with "to", "discuss" (040) a
#: meeting only with "with" (patterns.tsv): its object is a topic ("discussed
#: Argentina's economy"); "pressure" (170) is the noun ("under pressure"), its verb
#: forms a demand (patterns.tsv); "bill" (170), "study" (090), "vote" (030), "bid"
#: (100) are mostly nouns ("treasury bills", "a government study", "the Commons
#: vote", "takeover bids"); "affect" (050) and "establish whether" (060) are no
#: events. ("give", 060, stays: "will give X a grant".)
NO_DEFAULT = {"lead", "head", "control", "join", "hope", "suggest", "debate",
              "converge", "unite", "embark", "learn", "hear", "find out", "acquaint",
              "innovate", "insert", "introduce", "contemplate", "excogitate", "meditate",
              "mull", "muse", "ponder", "reason", "reconsider", "ruminate", "speculate",
              "weigh", "approach", "go away", "go forth", "leave behind", "pull out",
              "walk out", "found", "serve", "benefit", "stock", "exchange", "increase",
              "match", "compete", "travel", "mine", "arm", "clear", "expand", "trade",
              "finance", "approve", "protect", "discuss", "pressure", "bill", "study",
              "affect", "vote", "bid", "establish"} | {
    # PETRARCH's 060 block also holds verbs of quantity and management: in news
    # their objects are figures, standing or businesses ("boosted profits", "improve
    # his standing", "conducts no trade with", "manage funds"), not cooperation
    # between actors. Read from the BBC business/politics and Reuters samples outside
    # the gold files; "ease" stays ("ease tension with Japan").
    "boost", "beef up", "step up", "amplify", "augment", "compound", "deepen", "enhance",
    "enlarge", "escalate", "exaggerate", "heighten", "intensify", "magnify", "redouble",
    "abate", "ameliorate", "assuage", "better", "improve", "mitigate", "simplify",
    "administer", "command", "conduct", "direct", "govern", "handle", "manage", "oversee",
    "regulate", "steer", "supervise", "supervize", "blend", "coalesce", "conflate", "fuse",
    "tie in", "attach", "bind", "chain", "connect", "link", "relate", "constitute",
    # its 190 block holds verbs of winning and surpassing, mostly markets and sport
    # ("China overtook the US", "break a record", "dominate the market")
    "best", "break", "master", "overcome", "overshadow", "overtake", "surmount",
    "dominate", "ring", "circle",
    # its 100 block: "campaign(ing)" and "need" name aims and wants, no demand on anyone
    "campaign", "crusade", "need", "necessitate",
    # bare defaults that fired mostly on non-events in the BBC politics/business and
    # Reuters samples outside the gold files: "give" (060) is "gave a warning", "given
    # way", "given votes" (its aid and yielding patterns stay); "saw", "figure",
    # "refer" (010) are "figures from", "the session saw", "referred to
    # as"; "involve" (012) is "people involved"; "engage" (190) is "engaging
    # young people"; "levy" (170) levies taxes; "patrol" (150) is police on the beat;
    # "take over" (171) is a company takeover. Their specific patterns stay.
    "give", "saw", "figure", "refer", "involve", "engage", "levy", "patrol",
    "take over"} | {
    # Round 4: bare defaults judged one by one on every PETRARCH event warta coded in
    # 393 BBC politics/business and Reuters articles outside the gold files (344
    # events, 131 right; the bare defaults 104 right of 291), then checked on a
    # second sample of 392 articles. By class:
    # - money and goods moving with no partner act ("paid 44 billion", "pay
    #   attention", "imports grew", "funds", "U.S. aid to", "awarded patents",
    #   "the Paris accord", "sugar tender"): 06x/07x defaults ("provide" stays:
    #   "will provide food aid" has no specific pattern)
    "pay", "pay for", "import", "fund", "aid", "award", "accord", "tender",
    # - verbs that are no statement at all, 010 ("outlined his vision", "address
    #   the problems", "measures", "scores of jets")
    "outline", "assess", "await", "emphasize", "emphasise", "measure", "score", "address",
    # - figurative force, 18x/19x ("grappling with losses", "a blow to", "hurt
    #   growth", "fired aide", "serious conflict on trade", "cane sugar")
    "grapple", "conflict", "blow", "hurt", "blast", "fire", "cane",
    # - opinion, not disapproval, 11x ("arguing that", "policies differ",
    #   "discourage spending")
    "argue", "differ", "discourage",
    # - business and markets, not refusal, 12x ("a decline in prices", "declined
    #   to say", "the negotiating table", "delayed an issue", "stalled", "prevent
    #   the dispute from erupting")
    "decline", "table", "delay", "stall", "prevent",
    # - no concession, 08x ("enabling the latter to merge", "conceded that",
    #   "try to resolve", "some concession to")
    "enable", "concede", "resolve", "concession",
    # - the rest: "intervened to try", "admitted", "revealed figures", "research
    #   officials", "a veiled hint", "risk returning", "it was encouraging",
    #   "valuing the company", "brands", "financial rewards", "look after",
    #   "preparing the tea", "not ready", "pushed through a reform"
    "intervene", "admit", "reveal", "research", "hint", "risk", "encourage", "value",
    "brand", "reward", "look after", "prepare", "ready", "push"}
#: (verb, words after it) patterns dropped: trade-flow wording that wire copy uses for
#: statistics, not deals ("Japanese exports to the EC totalled 30 billion", "British
#: exports to Nigeria were 565 mln stg", "imports from Japan rose"): 9 of the 13 events of
#: "export ... to" in two samples of 785 Reuters/BBC articles outside the gold files
#: were such figures; their verb forms are mostly the plural noun.
NO_PATTERN = {("export", "to"), ("import", "from*")}
#: (verb, code) whose patterns are all dropped: "pay" + money (``- * &CURRENCY [061]``)
#: is debt service, a fine or a price in news ("paid 44 billion dollars to the World
#: Bank", "paying $2m to an agent", "pay for damage claims"), no economic cooperation;
#: "pay tribute" (017), "pay compensation" (0842) and "pay a visit" (042) stay.
NO_CODE = {("pay", "061")}
_CODE = re.compile(r"\[([^\]]*)\]")


def _code(cell: str) -> str | None:
    first, _, second = cell.partition(":")
    for c in (first.strip(), second.strip()):
        if c and c != "---" and c.isdigit():
            return c
    return None


def _read_synsets(lines: list[str]) -> dict[str, list[str]]:
    sets: dict[str, list[str]] = {}
    current = None
    for line in lines:
        if line.startswith("####### VERB PATTERNS"):
            break
        if line.startswith("&"):
            current = line.strip().rstrip("_")
            sets[current] = []
        elif line.startswith("+") and current:
            sets[current].append(line[1:].split("#")[0].strip().rstrip("_").lower()
                                 .replace("_", " "))
    return sets


def _phrases(words: str, synsets: dict[str, list[str]]) -> list[str]:
    """``{&MILITARY COOPERATION}`` -> ["army cooperation*", "troops cooperation*", …]."""
    toks = re.sub(r"[{}()]", " ", words).split()
    alts = [""]
    for tok in toks:
        if tok in ("$", "+", "*", "-"):
            continue
        choices = synsets.get(tok.rstrip("_"), [tok.rstrip("_").lower()]) \
            if tok.startswith("&") else [tok.rstrip("_").lower().replace("_", " ")]
        if tok.startswith("&") and not synsets.get(tok.rstrip("_")):
            return []
        alts = [f"{a} {c}".strip() for a in alts for c in choices[:MAX_SYNONYMS]]
        if len(alts) > MAX_SYNONYMS:
            return []
    out = []
    for a in alts:
        words_ = a.split()
        if words_ and len(words_[-1]) >= 4:
            words_[-1] += "*"  # plurals: PETRARCH matches noun stems
        out.append(" ".join(words_))
    return [a for a in out if a and re.fullmatch(r"[a-z0-9' *-]+", a)]


def _owners(comment: str, verbs: list[str], block_verbs: list[str],
            irregular: dict[str, set[str]]) -> list[str]:
    """The verbs of the block a pattern line belongs to: the one its comment names
    (``# TAKE``, ``# CALLED_OFF``), none when that verb is stoplisted, every verb
    of the block when the comment names none of them."""
    name = comment.strip().split()[0].lower().replace("_", " ") if comment.strip() else ""
    if not name:
        return verbs
    first = name.split()[0]
    named = [v for v in block_verbs if v == name]
    if not named:  # an inflected form: "called off", "threw", "found"
        named = [v for v in block_verbs
                 if v.split()[1:] == name.split()[1:] and (
                     first in irregular.get(v.split()[0], ()) or
                     first.startswith(v.split()[0][:-1] if v.endswith("e") else v.split()[0]))]
    if not named:
        return verbs
    return [v for v in named if v in verbs]


def convert(src: Path) -> tuple[list[tuple[str, str, str, str]], dict[str, set[str]]]:
    lines = src.read_text("utf-8", errors="replace").splitlines()
    synsets = _read_synsets(lines)
    start = next(i for i, line in enumerate(lines) if line.startswith("####### VERB PATTERNS"))
    rows: list[tuple[str, str, str, str]] = []
    irregular: dict[str, set[str]] = defaultdict(set)
    block_code: str | None = None
    verbs: list[str] = []
    block_verbs: list[str] = []  # with the stoplisted ones: comments may name them
    for raw in lines[start + 1:]:
        if raw.startswith("######## TRANSFORMATIONS"):
            break
        line = raw.split("#")[0].rstrip()
        if not line.strip():
            continue
        if line.startswith("---"):
            m = _CODE.search(line)
            block_code, verbs, block_verbs = (_code(m.group(1)) if m else None), [], []
            continue
        if line.startswith("-"):
            m = _CODE.search(line)
            code = _code(m.group(1)) if m else None
            if m and m.group(1).strip() == "---":
                code = NO_EVENT  # PETRARCH's own non-events: "seize the opportunity"
            body = line[1:m.start() if m else None].strip()
            if not code or not body.startswith("*"):
                continue
            owners = _owners(raw.partition("#")[2], verbs, block_verbs, irregular)
            for phrase in _phrases(body[1:], synsets):
                rows += [(v, "verb", phrase, code) for v in owners
                         if (v, phrase) not in NO_PATTERN and (v, code) not in NO_CODE]
            continue
        # a verb line: WORD [code] {IRREGULAR FORMS}
        m = _CODE.search(line)
        word = line.split("[")[0].split("{")[0].strip().lstrip("+").rstrip("_").lower()
        word = word.replace("_", " ")
        if not re.fullmatch(r"[a-z][a-z' -]*", word):
            continue
        block_verbs.append(word)
        if word in STOP:
            continue
        verbs.append(word)
        forms = re.search(r"\{([^}]*)\}", line)
        if forms:
            for f in forms.group(1).split():
                irregular[word.split()[0]].add(f.lstrip("+").split("_")[0].lower())
        code = (_code(m.group(1)) if m else None) or block_code
        if code and word not in NO_DEFAULT:
            rows.append((word, "verb", "", code))
    return rows, irregular


def _valid_codes() -> set[str]:
    path = ROOT / "src" / "warta" / "data" / "cameo_codes.tsv"
    lines = path.read_text("utf-8").splitlines()
    return {ln.split("\t")[0] for ln in lines if ln and not ln.startswith("#")}


def _target(after: str, code: str) -> str:
    """Where a row's target is: the object and the usual prepositions, plus those of
    ``ROOT_PREPS`` for its root and the preposition its own words start with
    ("fire at", "withdraw from")."""
    first = after.split()[0].rstrip("*") if after else ""
    extra = [p for p, roots in ROOT_PREPS.items() if code[:2] in roots or p == first]
    return "|".join([TARGET, *extra])


def main(src: Path) -> None:
    rows, irregular = convert(src)
    valid = _valid_codes()
    # one row per (after, code) with every verb of the block as alternative heads
    grouped: dict[tuple[str, str], list[str]] = defaultdict(list)
    for head, _form, after, code in rows:
        if (code in valid or code == NO_EVENT) and head not in grouped[(after, code)]:
            grouped[(after, code)].append(head)
    with open(OUT / "patterns_petrarch.tsv", "w", encoding="utf-8") as fh:
        fh.write("# English verb patterns converted from the PETRARCH-2 CAMEO verb dictionary\n")
        fh.write("# (CAMEO.2.0.txt, Open Event Data Alliance, MIT licence).\n")
        fh.write("# Generated by scripts/build_verb_patterns.py - do not edit by hand.\n")
        fh.write("head\tform\tafter\tcode\ttarget\tflags\n")
        for (after, code), heads in grouped.items():
            fh.write(f"{'|'.join(heads)}\tverb\t{after}\t{code}\t{_target(after, code)}\t\n")
    with open(OUT / "verbs_irregular.tsv", "w", encoding="utf-8") as fh:
        fh.write("# English irregular verb forms from the PETRARCH-2 CAMEO verb dictionary (MIT)\n")
        fh.write("# Generated by scripts/build_verb_patterns.py - do not edit by hand.\n")
        fh.write("base\tforms\n")
        for base in sorted(irregular):
            fh.write(f"{base}\t{' '.join(sorted(irregular[base]))}\n")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SRC)

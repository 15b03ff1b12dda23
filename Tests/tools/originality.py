"""Shared logic for the originality checks on content/ (see check-originality.py and
make-seed-fingerprint.py). Tests/GriotTests/ContentOriginalityTests.swift mirrors every function
here; change both together.

Two checks:

1. Word runs. Text is normalised: folded (Unicode NFKD with combining marks dropped, so "Côte"
   gives "Cote" and "Kéïta" gives "Keita"), lowercased, and split on every character that is
   not an ASCII letter or digit ("Mali's" gives "mali", "s"; "2,400" gives "2", "400"; quotes,
   dashes and hyphens all separate words). Every run of RUN_LENGTH (8) consecutive words of a
   source is hashed (64-bit FNV-1a over the UTF-8 bytes of the words joined by single spaces).
   A content file fails on any run whose hash is in the fingerprint.

2. Sentence similarity. A site sentence is compared with every sentence of every source. The
   counted words of a sentence (site or source) are its words (same folding and split, on the
   original case) minus proper names and minus figures: names, dates and figures carry over
   from the sources by design, structure may not. A name is any word that starts with a capital
   letter (which also drops abbreviations such as "UN" or "U", "S"), together with the small
   joining words inside a name ("for the" and "of the" in "Committee for the Salvation of the
   People"); a figure is a word that is all digits. Other stop words stay counted: a paraphrase
   that swaps one content word for another keeps its source's function words in the same
   order, and that skeleton is exactly what we want to catch. The measure is the longest common
   subsequence (LCS) of the two sentences' counted words: the site sentence's own words found,
   in order, in one source sentence. It is read two ways, as a share of the site sentence and
   as a Dice coefficient over both sentences; see SHARE_THRESHOLD for the rule and why.
"""

import os
import re
import unicodedata

RUN_LENGTH = 8

# Official names of seven words or more, as the sources print them. Names carry over from the
# sources like dates and figures, so a run that has at most one of its 8 words outside one
# occurrence of these names in a source (the name itself, a part of it, or the name with one
# neighbouring word such as "the") is left out of the fingerprint. A run that reaches further
# past a name into the source's own sentence is still fingerprinted.
NAMES = [
    "United Nations Multidimensional Integrated Stabilization Mission in Mali",
    "UN Multidimensional Integrated Stabilization Mission in Mali",
    "National Committee for the Salvation of the People",
    "Transitional Committee for the Salvation of the People",
    "Movement for Unity and Jihad in West Africa",
    "Permanent Interstate Committee for drought control in the Sahel",
    "Global Fund to Fight AIDS, Malaria and Tuberculosis",
    "National Movement for the Liberation of Azawad",
    "Organization for Economic Cooperation and Development's Development Assistance Committee",
]

# A sentence is flagged when at least MIN_MATCHED_WORDS of its counted words appear in order in
# one source sentence (its longest common subsequence, LCS, with that sentence's counted words)
# and either of two rules holds for that source sentence:
#
#   share: LCS / (the site sentence's counted words)                        >= SHARE_THRESHOLD
#   dice:  2 LCS / (site sentence's + source sentence's counted words)      >= DICE_THRESHOLD,
#          with at least DICE_MIN_MATCHED words in order
#
# Why these numbers. They were chosen by scoring every sentence of the first edition of the
# site (about 1,260 sentences) against the sources and reading the sentences in each band.
#
# - The issue's two examples score share 0.86 ("Mali, together with Burkina Faso and Niger, has
#   turned away from Western donors.": 6 of 7 counted words in order in the CRS sentence) and
#   0.90 ("International observers judged it essentially free and fair despite some
#   irregularities.": 9 of 10 in the MRG sentence). Sentences with share 0.60-0.75 were, read
#   one by one, nearly all the same kind of thing with more words swapped ("A fresh peace
#   agreement followed in 1995, and disarmament started in 1996.", 0.67). Below 0.6 the share
#   alone turns unreliable in both directions: a short sentence of our own meets 6 function
#   words of a long source sentence by chance ("Germany and Mali established diplomatic
#   relations on 23 September 1960, in the month Mali proclaimed itself a republic.", 0.55),
#   while a long paraphrase diluted by an attribution or a second clause falls to 0.40-0.55
#   ("Wikipedia notes that ECOWAS had recently pledged to put an end to unconstitutional
#   seizures of power in member states, and that Mali responded with new policies designed to
#   keep the organisation at a distance and narrow its influence.", 0.40, 14 words in order).
# - The Dice rule separates those two: it also divides by the source sentence's length, so a
#   chance match against a long source sentence scores low, while a paraphrase of a sentence of
#   similar length scores high even when diluted (the ECOWAS sentence: Dice 0.44). In the first
#   edition, all of a random sample of 16 sentences with Dice 0.40-0.45 and 8 or more words in
#   order (out of 49) were close paraphrases, most of them of the "follow the source sentence,
#   swap the verbs" kind; in the band 0.35-0.40 two of 16 were chance matches (a front-matter
#   summary listing names against a long source sentence listing others). So 0.40 sits just
#   above chance, and 8 words in order keeps short sentences, which the share rule covers, out
#   of it.
# - Text written from the sources in our own words scores share 0.2-0.5 and Dice below 0.35
#   against its closest source sentence even when it reports the same fact, because it shares
#   the fact's names and figures (which are not counted) but not the source's order of words.
SHARE_THRESHOLD = 0.6
DICE_THRESHOLD = 0.4
DICE_MIN_MATCHED = 8

# Fewer than six words in order prove nothing: "is a member of the" or "the ... of the ... in"
# matches some long source sentence by chance, and so short a clause carries no borrowed
# structure. Sentences with fewer counted words are not scored at all.
MIN_MATCHED_WORDS = 6

# The share rule also needs CONTENT_MIN_MATCHED words in order that are not STOP_WORDS: six or
# seven function words ("in ... and in the north of") can meet a source sentence by chance in a
# short sentence of our own ("JNIM is active in Burkina Faso and Niger and in the north of Togo
# and Benin.", share 0.75 against an unrelated MRG sentence, but only "north" in common), while
# every paraphrase the share rule caught in the first edition kept at least two content words
# in order ("The Toucouleur leaders enslaved Bobo and forced them into their army.": "leaders",
# "army"). The Dice rule, with eight words in order, needs no such guard.
CONTENT_MIN_MATCHED = 2
STOP_WORDS = set(
    "a about after all also although an and any are as at be because been before being between both"
    " but by can could d did do does each for from had has have he her him his i if in into is it"
    " its may might more most must no nor not of on onto only or other our out over own s shall"
    " she should since so some such than that the their them then there these they this those"
    " though to under until up us was we were what when where which while who whom whose will"
    " with would yet you your".split()
)

# Abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "st", "lieut", "gen", "col", "vs", "cf", "approx"}

def fold(text):
    """Unicode NFKD with the combining marks (category Mn) dropped: "Côte" -> "Cote"."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if unicodedata.category(ch) != "Mn")


def lowercase_words(text):
    """The words of check 1: folded, lowercased, split on anything but ASCII letters and digits."""
    return split_words(fold(text).lower())


def split_words(text):
    words = []
    current = []
    for ch in text:
        if ("a" <= ch <= "z") or ("A" <= ch <= "Z") or ("0" <= ch <= "9"):
            current.append(ch)
        elif current:
            words.append("".join(current))
            current = []
    if current:
        words.append("".join(current))
    return words


def fnv1a64(text):
    h = 0xCBF29CE484222325
    for byte in text.encode("utf-8"):
        h ^= byte
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def run_hashes(words, skip=None):
    """Hash of every RUN_LENGTH-word run; `skip(start)` may leave a run out."""
    hashes = []
    for start in range(0, len(words) - RUN_LENGTH + 1):
        if skip is not None and skip(start):
            continue
        hashes.append(fnv1a64(" ".join(words[start : start + RUN_LENGTH])))
    return hashes


def name_spans(words):
    """(start, end) word spans of every occurrence of a NAMES entry in `words`."""
    spans = []
    for name in NAMES:
        target = lowercase_words(name)
        n = len(target)
        for start in range(0, len(words) - n + 1):
            if words[start : start + n] == target:
                spans.append((start, start + n))
    return spans


def source_fingerprint(texts):
    """The set of run hashes of the sources, names exempted (see NAMES)."""
    hashes = set()
    for text in texts:
        words = lowercase_words(text)
        spans = name_spans(words)

        def exempt(start):
            end = start + RUN_LENGTH
            for (s, e) in spans:
                inside = max(0, min(end, e) - max(start, s))
                if RUN_LENGTH - inside <= 1:
                    return True
            return False

        hashes.update(run_hashes(words, exempt))
    return hashes


# --- sentences ---------------------------------------------------------------------------------

LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
REF = re.compile(r"<ref[^>]*/>|<ref[^>]*>.*?</ref>|Template:\S+", re.S)
SENTENCE_END_TRAIL = "\"')]\u201d\u2019*_"


def site_blocks(text):
    """Blocks of a content file: each front-matter line, each heading, list item and paragraph
    of the body. Links keep only their text."""
    text = text.replace("\r\n", "\n")
    lines = text.split("\n")
    blocks = []
    body_start = 0
    if lines and lines[0].strip() == "---":
        for i in range(1, len(lines)):
            if lines[i].strip() == "---":
                body_start = i + 1
                break
            blocks.append(front_matter_value(lines[i]))
    current = []
    for line in lines[body_start:]:
        stripped = line.strip()
        starts_item = bool(re.match(r"^([-*+]|\d+\.)\s", stripped))
        if not stripped or stripped.startswith("#") or starts_item:
            if current:
                blocks.append(" ".join(current))
                current = []
            if stripped.startswith("#"):
                blocks.append(stripped.lstrip("#").strip())
                continue
            if starts_item:
                current.append(re.sub(r"^([-*+]|\d+\.)\s+", "", stripped))
            continue
        current.append(stripped)
    if current:
        blocks.append(" ".join(current))
    return [LINK.sub(r"\1", b) for b in blocks if b.strip()]


def front_matter_value(line):
    """The text of a YAML line: what follows 'key:' (or '- key:'), unquoted."""
    m = re.match(r"^\s*(-\s+)?[A-Za-z_]+:\s*(.*)$", line)
    value = m.group(2) if m else line.strip()
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1]
    return value


def source_blocks(text):
    """Blocks of a source: its lines, with table cells split at '|' and wiki markup removed."""
    text = REF.sub(" ", text)
    blocks = []
    for line in text.replace("\r\n", "\n").split("\n"):
        for cell in line.split("|"):
            if cell.strip():
                blocks.append(cell.strip())
    return blocks


def sentences(block):
    """Split a block at '.', '!' or '?' that ends a whitespace-separated token (closing quotes
    and brackets allowed after it), unless the token is an abbreviation ("Mr.", "U.S.")."""
    out = []
    current = []
    for token in block.split():
        current.append(token)
        core = token.rstrip(SENTENCE_END_TRAIL)
        if not core or core[-1] not in ".!?":
            continue
        if core[-1] == ".":
            bare = core[:-1].lstrip("(\"'\u201c\u2018")
            if is_initials(bare) or bare.lower() in ABBREVIATIONS:
                continue
        out.append(" ".join(current))
        current = []
    if current:
        out.append(" ".join(current))
    return out


def is_initials(text):
    """"U.S", "M", "e.g": one to three ASCII letters separated by full stops."""
    if not text or len(text) > 5 or len(text) % 2 == 0:
        return False
    for i, ch in enumerate(text):
        if i % 2 == 0 and not (("a" <= ch <= "z") or ("A" <= ch <= "Z")):
            return False
        if i % 2 == 1 and ch != ".":
            return False
    return True


# Small words that join the parts of a name ("National Committee for the Salvation of the
# People", "Burkina Faso and Niger", "Côte d'Ivoire", "Mali's Foreign Minister"): between two
# capitalised words they belong to the name and are not counted either.
NAME_JOINERS = {"of", "the", "for", "and", "in", "on", "to", "de", "la", "du", "des", "pour", "al", "d", "s"}


def is_capitalised(word):
    return "A" <= word[0] <= "Z"


def counted_words(sentence):
    """The words of a sentence that the similarity measure counts, lowercased: no names
    (capitalised words, and NAME_JOINERS lying between two of them), no figures."""
    words = split_words(fold(sentence))
    counted = []
    for i, w in enumerate(words):
        if is_capitalised(w) or w.isdigit():
            continue
        if w in NAME_JOINERS and joins_name(words, i):
            continue
        counted.append(w.lower())
    return counted


def joins_name(words, i):
    """Whether words[i] lies in a run of NAME_JOINERS with a capitalised word on each side."""
    left = i - 1
    while left >= 0 and words[left] in NAME_JOINERS:
        left -= 1
    right = i + 1
    while right < len(words) and words[right] in NAME_JOINERS:
        right += 1
    return left >= 0 and right < len(words) and is_capitalised(words[left]) and is_capitalised(words[right])


def lcs_length(a, b):
    if not a or not b:
        return 0
    previous = [0] * (len(b) + 1)
    for x in a:
        row = [0] * (len(b) + 1)
        for j, y in enumerate(b, 1):
            row[j] = previous[j - 1] + 1 if x == y else max(previous[j], row[j - 1])
        previous = row
    return previous[len(b)]


class SourceSentence:
    """A sentence of a source, with its counted words (the same rule as for site sentences) and
    those of them that are not stop words."""

    def __init__(self, file, text):
        self.file = file
        self.text = text
        self.words = counted_words(text)
        self.content_words = [w for w in self.words if w not in STOP_WORDS]
        self.vocabulary = set(self.words)


def load_source_sentences(seeds_dir):
    out = []
    for name in sorted(os.listdir(seeds_dir)):
        if not name.endswith(".txt"):
            continue
        with open(os.path.join(seeds_dir, name), encoding="utf-8") as f:
            text = f.read()
        for block in source_blocks(text):
            for s in sentences(block):
                src = SourceSentence(name, s)
                if src.words:
                    out.append(src)
    return out


class Match:
    """A site sentence against one source sentence: `length` counted words in order (LCS),
    `share` = length / site words, `dice` = 2 length / (site words + source words)."""

    def __init__(self, length, counted, source):
        self.length = length
        self.share = length / counted
        self.dice = 2 * length / (counted + len(source.words))
        self.source = source


def assess(sentence, source_sentences):
    """(flagged, match) for a site sentence: `match` is the source sentence that flags it (by
    the share rule first, then the Dice rule), or, when nothing does, the one with the most
    counted words in order (first in source order on ties; None when no source sentence shares
    a counted word, or when the sentence has fewer than MIN_MATCHED_WORDS counted words)."""
    counted = counted_words(sentence)
    content = [w for w in counted if w not in STOP_WORDS]
    n = len(counted)
    if n < MIN_MATCHED_WORDS:
        return (False, None)
    best = None  # the most words in order, for the report
    share_hit = None  # the most words in order among source sentences the share rule flags
    dice_hit = None  # the highest Dice among matches of DICE_MIN_MATCHED words or more
    for src in source_sentences:
        # Cheap bound: the LCS is at most the number of counted words found in the sentence.
        bound = sum(1 for w in counted if w in src.vocabulary)
        need_best = bound > (best.length if best is not None else 0)
        need_share = (
            bound >= MIN_MATCHED_WORDS
            and bound / n >= SHARE_THRESHOLD
            and bound > (share_hit.length if share_hit is not None else 0)
        )
        need_dice = bound >= DICE_MIN_MATCHED and (
            dice_hit is None or 2 * bound / (n + len(src.words)) > dice_hit.dice
        )
        if not need_best and not need_share and not need_dice:
            continue
        match = Match(lcs_length(counted, src.words), n, src)
        if match.length > (best.length if best is not None else 0):
            best = match
        if (
            match.length >= MIN_MATCHED_WORDS
            and match.share >= SHARE_THRESHOLD
            and match.length > (share_hit.length if share_hit is not None else 0)
            and lcs_length(content, src.content_words) >= CONTENT_MIN_MATCHED
        ):
            share_hit = match
        if match.length >= DICE_MIN_MATCHED and (dice_hit is None or match.dice > dice_hit.dice):
            dice_hit = match
    if share_hit is not None:
        return (True, share_hit)
    if dice_hit is not None and dice_hit.dice >= DICE_THRESHOLD:
        return (True, dice_hit)
    return (False, best)


def content_files(content_dir):
    out = []
    for root, dirs, files in os.walk(content_dir):
        dirs.sort()
        for name in sorted(files):
            if name.endswith(".md") or name.endswith(".yml"):
                out.append(os.path.join(root, name))
    return out

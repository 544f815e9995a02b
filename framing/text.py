"""The text layer: normalisation, sentences, tokens and lemmas with exact offsets.

What is particular to a language (its lemmatiser, the abbreviations, months and ordinal cues of
its sentence rules) comes from its `framing.languages.Language`: `tokenize(text, language)`
works through that language's `TextLayer` (one per language object, holding the caches of its
token types) and binds the language to the document it makes (`Doc.language`), where the later
stages find it. Without a language the run's default (German) is meant.

Offsets are never lost because the text is never re-flowed: `normalise` maps characters one to
one (spaces, dashes), and everything that would change the length (NFC composition, soft
hyphens, zero-width characters, gendered forms) happens per token, in `Token.norm`. Every
`Token.start/end` therefore slices the article text back to `Token.text`.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache, partial
from itertools import accumulate, compress, count, repeat
from operator import add, attrgetter, is_, itemgetter
from typing import Any, Final, NamedTuple, cast

from framing.languages import Language, default_language

# --- normalisation (length-preserving) -------------------------------------------------------

_SPACES: Final = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t"
_DASHES: Final = {"\u2012": "–", "\u2014": "–", "\u2015": "–", "\u2212": "–", "\u2010": "-", "\u2011": "-"}
_TRANSLATE: Final = {ord(c): " " for c in _SPACES} | {ord(k): v for k, v in _DASHES.items()}
# characters that vanish inside a token's normal form
_INVISIBLE: Final = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))


_EXOTIC_RE: Final = re.compile("[" + _SPACES + "".join(_DASHES) + "]")


def normalise(text: str) -> str:
    """Map exotic spaces and dashes to plain ones without changing the length."""
    if _EXOTIC_RE.search(text) is None:
        return text  # the common case: nothing to map (translate() would copy the text)
    return text.translate(_TRANSLATE)


# --- tokens ----------------------------------------------------------------------------------

_WCH: Final = r"(?:[^\W_]|[\u00ad\u0300-\u036f\u200b-\u200d])"
_NEVER: Final = "(?!)"  # the alternatives of an empty list: matches nothing
_GENDERED_MIN_LENGTH: Final = 7  # shorter tokens are never folded


def _alternatives(items: tuple[str, ...] | list[str]) -> str:
    """A regex group matching any of the strings (as written), or nothing when there are none."""
    return "(?:" + "|".join(map(re.escape, items)) + ")" if items else _NEVER


def _either_case(ending: str) -> str:
    """An ending whose first letter may be written in either case: "innen" → [Ii]nnen."""
    first = ending[:1]
    return f"[{re.escape(first.upper())}{re.escape(first.lower())}]{re.escape(ending[1:])}"


class _TokenRules(NamedTuple):
    """The language's token rules as regexes (built once per TextLayer from its word lists)."""

    token_re: re.Pattern[str]  # one token
    hyphen_cue_at: re.Pattern[str]  # a hyphen kept before a coordinator ("Asyl- und …")
    trailing_hyphen_cue: re.Pattern[str]  # the same, matched from the hyphen
    gender_cue: re.Pattern[str]  # a token that may hold a gendered form (cheap test first)
    gender_suffix: re.Pattern[str]  # the gendered ending a token's normal form drops


def _token_rules(language: Language) -> _TokenRules:
    """The token regexes of a language, from its lists: hyphen_coordinators ("Asyl- und …"),
    gender_marks with gender_plural_endings / gender_singular_endings ("Bürger*innen",
    "BürgerInnen"), and the lower-case letters beyond a-z (the letter before a capital-I ending)."""
    coordinators = _alternatives(language.sequence("hyphen_coordinators"))
    marks = language.sequence("gender_marks")
    plural = language.sequence("gender_plural_endings")
    singular = language.sequence("gender_singular_endings")
    endings = [_either_case(e) for e in plural + singular]
    mark = "[" + "".join(map(re.escape, marks)) + "]" if marks else _NEVER
    lower = "a-z" + "".join(map(re.escape, language.sequence("lower_letters_beyond_ascii")))
    gender = rf"{mark}(?=" + ("|".join(e + r"\b" for e in endings) or _NEVER) + ")"
    # a token is: a number with separators (10.000, 4,8); or words joined by hyphens, apostrophes
    # or gender marks (Kreml-Propaganda, Bürger*innen, geht's), keeping a last hyphen before a
    # coordinator (Asyl- und …: never joined); or any other visible character
    token_re = re.compile(
        rf"""
        \d+(?:[.,]\d+)+
      | {_WCH}+(?:(?:-|['’]|{gender}){_WCH}+)*
        (?:-(?=\s+{coordinators}\b))?
      | \S
        """,
        re.VERBOSE,
    )
    # the cheap test: a plural ending in either case anywhere, or a mark and a lower-case singular ending at the end
    inside = [f for e in plural for f in (e, e[:1].upper() + e[1:])]
    at_end = [m + e for m in marks for e in singular]
    cue = "|".join(filter(None, [_alternatives(inside) if inside else "",
                                 _alternatives(at_end) + r"\Z" if at_end else ""])) or _NEVER
    binnen_i = [e[:1].upper() + e[1:] for e in plural]
    suffix = "|".join([mark + e for e in endings] + ([rf"(?<=[{lower}]){_alternatives(binnen_i)}"] if binnen_i else []))
    return _TokenRules(token_re, re.compile(rf"-(?=\s+{coordinators}\b)"), re.compile(rf"-\s+{coordinators}\b"),
                       re.compile(cue), re.compile(rf"(?:{suffix or _NEVER})$"))


class Token(NamedTuple):
    """One token with its offsets; a named tuple because documents build hundreds of them."""

    start: int
    end: int
    sentence: int
    text: str  # surface, exactly text[start:end]
    norm: str  # NFC, no soft hyphens, gendered forms folded: used for matching
    lemma: str
    is_word: bool


class Sentence(NamedTuple):
    """A sentence span and its token range (a named tuple: documents build dozens of them)."""

    index: int  # type: ignore[assignment]  # (shadows tuple.index, as intended)
    start: int
    end: int
    first_token: int  # index into Doc.tokens
    last_token: int  # exclusive


def token_norm(surface: str, language: Language | None = None) -> str:
    """Normal form of one token in the language (German when None): NFC, invisible characters
    removed, gendered forms folded ("Bürger*innen" → "Bürger"); cached per language."""
    return text_layer(language).token_norm(surface)


def lemmatise(norm: str, language: Language | None = None) -> str:
    """Lemma of a normalised word in the language (German when None), computed once per word
    type. Hyphenated compounds keep their modifiers and lemmatise the head: US-Gegnern → US-Gegner.
    """
    return text_layer(language).lemmatise(norm)


def is_known(word: str, language: Language | None = None) -> bool:
    """Is the word in the dictionary of the language's lemmatiser (German when None)? (The
    lookups of the whole package go through the language object, so only one copy of the
    dictionary is loaded.)"""
    return bool(text_layer(language).is_known(word))


# --- sentences -------------------------------------------------------------------------------

# Candidate boundaries: end punctuation (with closing quotes or brackets) before a space, or
# line breaks. Written to start with one character class, so the regex engine skips ahead to
# the next candidate character instead of trying three alternatives at every position.
_BOUNDARY_RE: Final = re.compile(r"[.!?…\n](?:(?<=\n)(?:[ \t]*\n)?|(?<=[.!?…])[.!?…]*[\"'“”„»«’‘)\]]*(?=\s|$))")
_LAST_WORD_RE: Final = re.compile(r"[\w\u00ad.]+$")


def _is_boundary(text: str, m: re.Match[str], layer: TextLayer) -> bool:
    punct = m.group()
    if punct[0] == "\n":
        return True
    end = m.end()
    nxt = end
    n = len(text)
    while nxt < n and text[nxt] in " \t":
        nxt += 1
    if nxt >= n or text[nxt] == "\n":
        return True
    following = text[nxt]
    # skip opening quotes/brackets to see the first letter of the next sentence
    k = nxt
    while k < n and text[k] in "\"'„“”»«‚‘(–-[":
        k += 1
    first = text[k] if k < n else ""
    if first and first.islower():
        return False  # "z. B. die …", "Mikroelektronik ... optik", "„Hilfe!“, rief er"
    if following in ",;:":
        return False
    core = punct.rstrip("\"'“”„»«’‘)]")
    if core in ("!", "?") or "!" in core or "?" in core:
        return True
    if core.startswith(("...", "…")):
        # an omission mark " ... " inside a sentence, not a trailing ellipsis "Und dann…"
        return not (m.start() > 0 and text[m.start() - 1] == " ")
    if core != ".":
        return True
    # a single dot: look at the word before it
    # the word before the dot: the run of word characters and dots that ends with it (within 40
    # characters); taken from after the last space or line break, so the regex scans a few
    # characters (other whitespace cannot be part of the run either)
    dot = m.start()
    lo = max(0, dot - 40)
    cut = max(text.rfind(" ", lo, dot), text.rfind("\n", lo, dot)) + 1
    wm = _LAST_WORD_RE.search(text, max(lo, cut), dot + 1)
    if not wm:
        return True
    word = wm.group().rstrip(".")
    low = word.lower()
    if low in layer.abbreviations or (len(word) == 1 and word.isalpha()):
        return False  # Dr., Nr., z. B., u. a., initials (John F. Kennedy)
    if "." in word and all(len(p) <= 3 for p in word.split(".") if p):
        return False  # "z.B.", "u.a.", "U.S."
    if word.isdigit() and len(word) <= 3:
        nword = re.match(r"\w+", text[k:k + 20])
        if nword and nword.group().lower() in layer.months:
            return False  # 12. September
        prev = re.search(r"(\w+)\W+\d+$", text[max(0, m.start() - 40) : m.start()])
        if prev and prev.group(1).lower() in layer.ordinal_cues:
            return False  # am 4. Tag, der 2. Weltkrieg
    return True


def split_sentences(text: str, language: Language | None = None) -> list[tuple[int, int]]:
    """Sentence spans (start, end) over the text, trimmed of surrounding whitespace.

    Line breaks end sentences (headlines and captions stand alone); dots after the language's
    abbreviations (German when None), initials, ordinals and omission marks do not.
    """
    return _split(normalise(text), text_layer(language))


def _plain_end_re(abbreviations: frozenset[str], language: Language) -> re.Pattern[str]:
    """The common sentence end decided at once: a dot after more lower-case letters than the
    longest abbreviation has (at least seven), one space, a capital (the letters: a-z / A-Z and
    the language's lower/upper_letters_beyond_ascii). _is_boundary says the same, at more cost."""
    longest = max((len(a) for a in abbreviations), default=0)
    lower = "a-z" + "".join(map(re.escape, language.sequence("lower_letters_beyond_ascii")))
    upper = "A-Z" + "".join(map(re.escape, language.sequence("upper_letters_beyond_ascii")))
    return re.compile(rf"(?<=[{lower}]{{{max(7, longest + 1)}}})\. [{upper}]")


def _split(norm: str, layer: TextLayer) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    plain_end = layer.plain_end.match
    for m in _BOUNDARY_RE.finditer(norm):
        a, b = m.span()
        if norm[a] == "\n":  # line breaks always end a sentence
            end = a
        elif plain_end(norm, a) or _is_boundary(norm, m, layer):
            end = b
        else:
            continue
        _add_span(norm, start, end, spans)
        start = b
    _add_span(norm, start, len(norm), spans)
    return spans


def _add_span(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


# --- the document ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TokenType:
    """What every occurrence of one surface form shares, computed once per corpus."""

    text: str
    norm: str
    lemma: str
    is_word: bool
    low: str  # norm.lower()
    lemma_low: str  # lemma.lower()
    tail: tuple[str, str, str, bool]  # (text, norm, lemma, is_word): the type's part of a Token
    length: int  # len(text): a token's end is its start + length


class Generations:
    """A bounded cache that keeps what is used: two generations of at most `size` entries each.

    Hot paths look keys up in the young generation, a plain dict (`map(cache.young.get, keys)`:
    C speed); a miss goes to `get`, which looks in the old generation and moves what it finds
    back into the young one. When the young generation is full it becomes the old one and the
    entries nobody asked for since are dropped. Frequent keys (the common words of a language)
    therefore stay cached for the whole run, while memory holds at most 2·size entries however
    many new words an archive brings (a cache that is cleared when full would start cold again).
    """

    __slots__ = ("old", "size", "young")

    def __init__(self, size: int) -> None:
        self.size = size
        self.young: dict[Any, Any] = {}
        self.old: dict[Any, Any] = {}

    def get(self, key: Any) -> Any:
        value = self.young.get(key)
        if value is None:
            value = self.old.get(key)
            if value is not None:
                self.put(key, value)
        return value

    def put(self, key: Any, value: Any) -> None:
        if len(self.young) >= self.size:
            self.old = self.young
            self.young = {}
        self.young[key] = value

    def clear(self) -> None:
        self.young = {}
        self.old = {}

    def __len__(self) -> int:
        return len(self.young) + len(self.old)


# Entries per generation of the token-type and chunk caches: a few hundred bytes each, so
# ≈ 60 MB at most for both caches together; the 60,000 most used surface forms cover nearly
# every token of ordinary news text. A smaller generation bounds memory sooner but costs CPU
# as soon as the types in use outnumber it: 1,028 real articles (10kGNAD) hold ≈ 58,000 types,
# and with 40,000 an export of them cycled to 10,000 rows took ≈ 20 % more CPU.
CACHE_GENERATION: Final = 60_000
_generation = CACHE_GENERATION  # (limit_caches)


class _Chunk(NamedTuple):
    """The tokens of one whitespace-free chunk of text, as columns relative to its start."""

    starts: tuple[int, ...]  # the tokens tile the chunk: each ends where the next starts
    types: tuple[TokenType, ...]
    words: int


def _make_chunk(found: list[tuple[int, int, TokenType]]) -> _Chunk | TokenType:
    if len(found) == 1 and found[0][0] == 0:
        return found[0][2]
    return _Chunk(tuple(a for a, _, _ in found), tuple(t for _, _, t in found), sum(t.is_word for _, _, t in found))


class TextLayer:
    """The text layer of one language: its sentence rules and lemmatiser, and the caches of its
    token types and chunks (a type's lemma depends on the language). One per language object
    (`text_layer`), made when the language is first used.

    types   surface form -> TokenType
    chunks  whitespace-free chunk -> its tokens: the TokenType itself for a chunk of one token
            (most chunks are one word: the cache entry then costs a dict slot, and the chunk
            string is the type's own text), else a _Chunk. Cheap entries, and there are more
            chunks than types ("Kreml", "Kreml,", "„Kreml"): twice as many are kept.
    """

    __slots__ = ("_lemmatize", "abbreviations", "chunks", "is_known", "language", "lemmatise", "months",
                 "ordinal_cues", "plain_end", "rules", "token_norm", "types")

    def __init__(self, language: Language, generation: int = CACHE_GENERATION) -> None:
        self.language = language
        self.abbreviations = language.words("abbreviations")  # dots after them rarely end a sentence
        self.months = language.words("months")  # "12. September": no sentence end
        self.ordinal_cues = language.words("ordinal_cues")  # "am 4. Tag": no sentence end
        self.plain_end = _plain_end_re(self.abbreviations, language)
        self.rules = _token_rules(language)  # token regexes: hyphen coordinators, gendered forms
        self.token_norm: Callable[[str], str] = lru_cache(maxsize=65_536)(self._norm)
        self.is_known = language.is_known
        self._lemmatize = language.lemmatize
        self.lemmatise: Callable[[str], str] = lru_cache(maxsize=65_536)(self._lemma)
        self.types = Generations(generation)
        self.chunks = Generations(2 * generation)

    def _norm(self, surface: str) -> str:
        """Normal form of one token (cached per surface form by `token_norm`): NFC, invisible
        characters removed, gendered forms folded."""
        s = surface
        if not s.isascii():
            s = unicodedata.normalize("NFC", s.translate(_INVISIBLE))
        if len(s) >= _GENDERED_MIN_LENGTH and self.rules.gender_cue.search(s):
            s = self.rules.gender_suffix.sub("", s)
        return s

    def _lemma(self, norm: str) -> str:
        """Lemma of a normalised word (cached per word type by `lemmatise`).

        Hyphenated compounds keep their modifiers and lemmatise the head: US-Gegnern → US-Gegner.
        """
        if not norm or not norm[0].isalpha():
            return norm
        if "-" in norm:
            head_start = norm.rfind("-") + 1
            head = norm[head_start:]
            if not head:
                return norm
            lemma = self.lemmatise(head[0].upper() + head[1:] if head[:1].islower() else head)
            if head[:1].islower():
                lemma = lemma[:1].lower() + lemma[1:]
            return norm[:head_start] + lemma
        return self._lemmatize(norm)

    def token_type(self, surface: str) -> TokenType:
        """The shared analysis of a surface form (normal form, lemma, lower-cased forms)."""
        tt: TokenType | None = self.types.get(surface)
        if tt is None:
            n = self.token_norm(surface)
            is_word = n[:1].isalnum()
            lemma = self.lemmatise(n) if is_word else n
            # equal strings are kept once (most words are their own lower case, many their own lemma)
            low = n.lower()
            low = n if low == n else low
            lemma_low = lemma.lower()
            lemma_low = low if lemma_low == low else lemma if lemma_low == lemma else lemma_low
            tt = TokenType(surface, n, lemma, is_word, low, lemma_low, (surface, n, lemma, is_word), len(surface))
            self.types.put(surface, tt)
        return tt

    def chunk_tokens(self, chunk: str) -> _Chunk | TokenType:
        """Tokens of one whitespace-free chunk of the article text, cached per chunk.

        The regex runs over the normalised chunk (dashes mapped), the types are those of the
        surfaces as written."""
        got: _Chunk | TokenType | None = self.chunks.get(chunk)
        if got is None:
            token_type = self.token_type
            got = _make_chunk([(m.start(), m.end(), token_type(chunk[m.start() : m.end()]))
                               for m in self.rules.token_re.finditer(normalise(chunk))])
            self.chunks.put(chunk, got)
        return got

    def resize(self, size: int) -> None:
        """Set the generation size of the caches and empty them."""
        self.types.size, self.chunks.size = size, 2 * size
        self.types.clear()
        self.chunks.clear()


_LAYERS: Final[dict[Language, TextLayer]] = {}


def text_layer(language: Language | None = None) -> TextLayer:
    """The text layer of a language (German when None), made on first use."""
    lang = default_language() if language is None else language
    layer = _LAYERS.get(lang)
    if layer is None:
        layer = _LAYERS[lang] = TextLayer(lang, _generation)
    return layer


def token_type(surface: str, language: Language | None = None) -> TokenType:
    """The shared analysis of a surface form in the language (German when None); loops take
    `text_layer(language).token_type` once instead."""
    return text_layer(language).token_type(surface)


def limit_caches(size: int = CACHE_GENERATION) -> None:
    """Set the generation size of the text layers' caches (and empty them); output never
    depends on it, only speed and memory do."""
    global _generation
    _generation = size
    for layer in _LAYERS.values():
        layer.resize(size)


def fill_missing(values: list[Any], compute: Callable[[int], Any]) -> None:
    """Replace every None in a list of cache lookups by compute(index), in place.

    Per-document passes look their token types up in C (`list(map(cache.get, keys))`); the few
    keys seen for the first time are then filled in here without a Python loop over the rest.
    Cached values are mostly truthy (tuples, non-empty strings), and `all` tests truthiness
    without comparisons: the common case of nothing missing costs one C-level pass. Otherwise
    the missing ones are found by identity in C (`is None`: no `==`, which for a dataclass
    would be a Python call per value)."""
    if all(values):
        return
    for k in list(compress(range(len(values)), map(is_, values, repeat(None)))):
        values[k] = compute(k)


_TAIL: Final = attrgetter("tail")
_NEW_TOKEN: Final = partial(tuple.__new__, Token)
_NEW_SENTENCE: Final = partial(tuple.__new__, Sentence)
_SECOND: Final = itemgetter(1)


class Doc:
    """A text split into sentences and tokens, with quotation spans added by `framing.quotes`.

    Tokens are stored column-wise (`starts`, `types`, `sent`; `ends` on demand): matching, the
    quotation finder and the stance read those lists directly (sliced per sentence), and
    `Token` objects are only built for the sentences (or the whole text) that ask for them.
    That keeps the text layer cheap enough for archives of millions of articles (see
    bench/run.py).
    """

    __slots__ = ("_ends", "_sent_tokens", "_tokens", "language", "memo", "sent", "sentence_starts", "sentences",
                 "starts", "text", "types", "words")

    def __init__(self, text: str, sentences: tuple[Sentence, ...], starts: list[int],
                 types: list[TokenType], sent: list[int], words: int, language: Language) -> None:
        self.text = text
        self.language = language  # the language of the text: later stages take their word lists from it
        self.sentences = sentences
        self.starts = starts
        self._ends: list[int] | None = None
        self.types = types
        self.sent = sent
        self.words = words
        self._tokens: tuple[Token, ...] | None = None
        self._sent_tokens: dict[int, tuple[Token, ...]] = {}
        self.sentence_starts = [x.start for x in sentences]
        # results later stages derive from the document (framing.compare keeps the actor
        # mentions here), kept and released with it
        self.memo: dict[str, Any] = {}

    @property
    def ends(self) -> list[int]:
        """Token end offsets: a token's text is text[start:end]. Computed on first use (the
        quotation finder and the matcher take a token's end as start + type length, so the
        text layer and the hits need no column of ends)."""
        if self._ends is None:
            self._ends = list(map(add, self.starts, map(_LENGTH, self.types)))
        return self._ends

    def end(self, i: int) -> int:
        """End offset of token i."""
        return self.starts[i] + self.types[i].length

    def _build(self, first: int, last: int) -> tuple[Token, ...]:
        heads = zip(self.starts[first:last], self.ends[first:last], self.sent[first:last], strict=True)
        tails = map(_TAIL, self.types[first:last])
        return tuple(map(_NEW_TOKEN, map(add, heads, tails)))  # all in C: no per-token Python frame

    def release_tokens(self) -> None:
        """Drop the Token objects built so far (they are rebuilt on demand): a batch of analysed
        documents then holds only the token columns, which keeps memory and garbage collection
        cheap when thousands of documents are scored."""
        self._tokens = None
        self._sent_tokens = {}

    @property
    def tokens(self) -> tuple[Token, ...]:
        if self._tokens is None:
            self._tokens = self._build(0, len(self.types))
        return self._tokens

    def sentence_at(self, offset: int) -> int:
        """Index of the sentence containing (or nearest before) a character offset."""
        return max(0, bisect_right(self.sentence_starts, offset) - 1)

    def token_index(self, offset: int) -> int:
        """Index of the first token starting at or after a character offset."""
        return bisect_left(self.starts, offset)

    def sentence_tokens(self, index: int) -> tuple[Token, ...]:
        s = self.sentences[index]
        if self._tokens is not None:
            return self._tokens[s.first_token : s.last_token]
        got = self._sent_tokens.get(index)
        if got is None:
            got = self._sent_tokens[index] = self._build(s.first_token, s.last_token)
        return got


_WS_SPLIT: Final = re.compile(r"(\s+)")
_LENGTH: Final = attrgetter("length")


def tokenize(text: str, language: Language | None = None) -> Doc:
    """Split a text in the language (German when None) into sentences and tokens with lemmas;
    offsets index `text` itself.

    Every whitespace-separated chunk lies inside one sentence, and its tokens depend on the
    chunk alone, so tokens are looked up per chunk (`_CHUNKS`) and the columns are put
    together chunk by chunk (a plain loop: measured, it costs what C-level maps and chains
    cost, and most chunks are one token). Only a chunk that ends in a hyphen before
    "und"/"oder"… ("Asyl- und …") looks past its end and is tokenized in place.
    """
    layer = text_layer(language)
    norm = normalise(text)
    spans = _split(norm, layer)
    chunks, cstarts = _chunks(text)
    looked_up = list(map(layer.chunks.young.get, chunks))
    chunk_tokens = layer.chunk_tokens
    fill_missing(looked_up, lambda k: chunk_tokens(chunks[k]))  # chunks seen for the first time
    got = cast(list[_Chunk | TokenType], looked_up)
    sstarts = [a for a, _ in spans]
    if "-" in norm:
        trailing_hyphen_cue = layer.rules.trailing_hyphen_cue.match
        for m in layer.rules.hyphen_cue_at.finditer(norm):
            h = m.start()
            si = bisect_right(sstarts, h) - 1
            s_end = spans[si][1]
            if trailing_hyphen_cue(norm, h, s_end):
                k = bisect_right(cstarts, h) - 1
                got[k] = _hyphen_chunk(text, norm, cstarts[k], h + 1, s_end, layer)
    starts: list[int] = []
    types: list[TokenType] = []
    words = 0
    for chunk, p in zip(got, cstarts, strict=True):
        if isinstance(chunk, TokenType):  # a chunk of one token
            starts.append(p)
            types.append(chunk)
            words += chunk.is_word
        else:
            for a in chunk.starts:
                starts.append(p + a)
            types.extend(chunk.types)
            words += chunk.words
    bounds = [bisect_left(starts, a) for a, _ in spans]
    bounds.append(len(starts))
    sent: list[int] = []
    for si in range(len(spans)):
        sent.extend(repeat(si, bounds[si + 1] - bounds[si]))
    sentences = tuple(map(_NEW_SENTENCE, zip(count(), sstarts, map(_SECOND, spans), bounds, bounds[1:])))
    return Doc(text, sentences, starts, types, sent, words, layer.language)


def _chunks(text: str) -> tuple[list[str], list[int]]:
    """The whitespace-separated chunks of a text and their offsets.

    The common case (only spaces and line breaks): split on single spaces, and the running sum
    of the pieces' lengths (+1 for each space) gives every piece's offset; empty pieces (double
    spaces) are dropped. Otherwise re.split keeps the whitespace runs and their lengths."""
    flat = text.replace("\n", " ")
    if flat.isprintable():  # no tabs, no-break or other spaces (nor soft hyphens: those take the general path)
        chunks: list[str] = []
        offsets: list[int] = []
        pos = 0
        for piece in flat.split(" "):
            if piece:  # (double spaces leave empty pieces)
                chunks.append(piece)
                offsets.append(pos)
            pos += len(piece) + 1
        return chunks, offsets
    parts = _WS_SPLIT.split(text)
    offsets_ = list(accumulate(map(len, parts), initial=0))
    chunks = parts[0::2]
    cstarts = offsets_[0:-1:2]
    if chunks and not chunks[-1]:
        chunks.pop()
        cstarts.pop()
    if chunks and not chunks[0]:
        del chunks[0], cstarts[0]
    return chunks, cstarts


def _hyphen_chunk(text: str, norm: str, p: int, pos: int, s_end: int, layer: TextLayer) -> _Chunk | TokenType:
    """A chunk ending in a hyphen that keeps it because a conjunction follows ("Asyl- und")."""
    found = []
    for m in layer.rules.token_re.finditer(norm, p, s_end):
        if m.start() >= pos:
            break
        found.append((m.start() - p, m.end() - p, layer.token_type(text[m.start() : m.end()])))
    return _make_chunk(found)

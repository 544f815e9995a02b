"""The typed records the public API (`framing.api`) returns: frozen, plain data.

Records hold numbers, text, tuples and dicts, never the token layer of an article and never
strings formatted for display (a term and its count are a `Term`, not "angeblich (1)").
`as_dict()` turns any of them into JSON-ready dicts and lists. The article itself is
`framing.articles.Article` (already a frozen record); offsets in a `HitRecord` refer to its
`text`.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, is_dataclass
from typing import Any

_FIELDS: dict[type, tuple[str, ...] | None] = {}


def _public_fields(cls: type) -> tuple[str, ...] | None:
    """The names of a dataclass's public fields (looked up once per class), None for any
    other class."""
    if cls not in _FIELDS:
        _FIELDS[cls] = tuple(f.name for f in fields(cls) if not f.name.startswith("_")) if is_dataclass(cls) else None
    return _FIELDS[cls]


def as_dict(record: Any) -> Any:
    """A record (or tuple/list/dict of records) as JSON-ready dicts and lists."""
    names = _public_fields(type(record))
    if names is not None:
        return {name: as_dict(getattr(record, name)) for name in names}
    if isinstance(record, tuple | list):
        return [as_dict(x) for x in record]
    if isinstance(record, dict):
        return {k: as_dict(v) for k, v in record.items()}
    return record


class _Record:
    __slots__ = ()

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = as_dict(self)
        return out


@dataclass(frozen=True, slots=True)
class Term(_Record):
    """A word as listed for people (lexicon term, or the words as written for a scare quote or
    a pattern entry) and how often it occurs."""

    term: str
    count: int


@dataclass(frozen=True, slots=True)
class HitRecord(_Record):
    """One loaded word found in an article; start/end are offsets into `Article.text`."""

    term: str  # the text as written
    lemma: str
    category: str
    leaning: str
    voice: str  # outlet, scare-quote (own voice); quote, reported (quoted)
    speaker: str
    sentence: int
    start: int
    end: int
    entry: str  # lexicon entry id
    lexicon_term: str
    weight: float
    part: str  # headline, lead, body, subheading, caption
    match: str  # how it matched: exact, compound, phrase, split, pattern, scare-quote
    contested: bool
    neutral: tuple[str, ...]
    explanation: str
    aimed_at: str | None = None  # the actor (or note) an aimed word is aimed at
    direction: str | None = None  # its direction on the axis, when aimed

    @property
    def own_voice(self) -> bool:
        return self.voice in ("outlet", "scare-quote")


@dataclass(frozen=True, slots=True)
class EvidenceRecord(_Record):
    """A sentence that carries the stance: its index, text and signed share of the stance."""

    sentence: int
    text: str
    contribution: float
    p_critical: float
    p_aligned: float
    terms: tuple[str, ...]
    classifier_words: tuple[str, ...] = ()  # the sentence's words that push the classifier most towards its pull


@dataclass(frozen=True, slots=True)
class StanceRecord(_Record):
    """An article's stance on an axis (-1 … +1; None with insufficient evidence)."""

    axis: str
    score: float | None
    label: str  # critical, neutral, aligned or "insufficient evidence"
    confidence: float
    classifier: float
    lexicon: float
    sourcing: float
    evidence: tuple[EvidenceRecord, ...]
    model_version: str


@dataclass(frozen=True, slots=True)
class ScoreRecord(_Record):
    """The scores of one article, without its token layer."""

    id: str
    outlet: str | None
    outlet_inferred: bool
    date: str | None
    title: str | None
    url: str | None
    source: str
    reprint_of: str | None
    words: int
    loaded_per_1000: float  # own-voice hits per 1,000 words
    intensity: float  # weighted by entry weight and article part
    own_hits: int
    quoted_hits: int
    by_category: dict[str, int]  # own-voice hits per lexicon category
    by_leaning: dict[str, int]
    quoted_by_category: dict[str, int]
    top_terms: tuple[Term, ...]  # own voice, most frequent first
    quoted_terms: tuple[Term, ...]
    lexicon_version: str
    stance: StanceRecord | None
    hits: tuple[HitRecord, ...]

    @property
    def own(self) -> tuple[HitRecord, ...]:
        return tuple(h for h in self.hits if h.own_voice)

    @property
    def quoted(self) -> tuple[HitRecord, ...]:
        return tuple(h for h in self.hits if not h.own_voice)


@dataclass(frozen=True, slots=True)
class EventRecord(_Record):
    """A group of articles about one event."""

    id: str
    label: str
    first: str  # first date as written ("" when undated)
    last: str
    dates: str  # the range as one value ("2024-06", "undated")
    explicit: bool  # given by an `event` column of the input
    terms: tuple[str, ...]  # key terms
    outlets: tuple[str, ...]
    articles: tuple[str, ...]  # article ids


@dataclass(frozen=True, slots=True)
class Mark(_Record):
    """An own-voice loaded word in a headline: offsets into the headline text."""

    start: int
    end: int
    term: str


@dataclass(frozen=True, slots=True)
class Headline(_Record):
    id: str
    text: str
    marks: tuple[Mark, ...]


@dataclass(frozen=True, slots=True)
class Distinctive(_Record):
    """A word one column uses more than the others (log-odds with informative prior)."""

    term: str
    z: float
    delta: float
    significant: bool  # z beyond the 95 % normal quantile


@dataclass(frozen=True, slots=True)
class ReprintRecord(_Record):
    """A text carried twice: `copy` is the same text as `original` (framing.reprints)."""

    original: str
    copy: str
    overlap: float  # share of the shorter text's word 5-grams found in the other


@dataclass(frozen=True, slots=True)
class ComparisonColumn(_Record):
    """One side of a comparison: an outlet (its articles in the event pooled) or one article."""

    name: str
    articles: int
    dates: tuple[str, ...]
    ids: tuple[str, ...]
    headlines: tuple[Headline, ...]
    stance: float | None
    stance_label: str | None
    stance_confidence: float | None
    words: int
    loaded_per_1000: float
    own_terms: tuple[Term, ...]  # overt loaded wording in the outlet's voice (what loaded_per_1000 counts)
    quoted_terms: tuple[Term, ...]
    conventional_terms: tuple[Term, ...]  # conventional newsroom and technical terms in its voice: shown, not counted
    naming: dict[str, tuple[Term, ...]]  # actor -> how the column names it
    name_only: dict[str, int]  # actor -> mentions by bare name
    aimed: dict[str, tuple[Term, ...]]  # actor -> own-voice loaded words aimed at it
    quoted_sources: dict[str, tuple[Term, ...]]  # camp -> speakers quoted
    attribution_verbs: tuple[Term, ...]
    distinctive: tuple[Distinctive, ...]
    reprints: tuple[ReprintRecord, ...]
    reprint_of: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class EventComparison(_Record):
    event: EventRecord
    columns: tuple[ComparisonColumn, ...]


@dataclass(frozen=True, slots=True)
class Comparison(_Record):
    """How outlets cover the same events, side by side: one entry per event."""

    by: str
    events: tuple[EventComparison, ...]


@dataclass(frozen=True, slots=True)
class Explanation(_Record):
    """A reader's view of one article's scores: stance with its sentences, every own-voice
    loaded word with why it is loaded and a neutral wording, and the quoted ones."""

    id: str
    outlet: str | None
    date: str | None
    title: str | None
    words: int
    loaded_per_1000: float
    stance: StanceRecord | None
    own: tuple[HitRecord, ...]
    quoted: tuple[HitRecord, ...]

"""Events: which articles report the same happening.

Each article is reduced to compact features while it streams past (`Features`: a few hundred
term ids and counts, no token layers): the nouns and names it uses (headline nouns twice), the
actors it names (counted ACTOR_WEIGHT times: who acts identifies an event), the numbers it
gives (`#…`) and the dates it names (`%YYYY-MM`, `%YYYY-MM-DD`). Verbs and adjectives are left
out: they carry each outlet's framing, which is meant to differ. The terms are weighted TF-IDF
(sublinear term frequency, smoothed idf over the whole input, unit length), so words every
article uses count little and the rare words an event is told with count much.

Grouping is centroid-linkage agglomerative clustering under a time bound:

- two groups merge only when the cosine of their centroids (summed vectors) is at least LINK,
  the most similar pair first: an article joins what the event is about as a whole, not its
  nearest member, so a chain of pairwise links cannot bridge two stories;
- every event's dated articles lie within `window_days` of each other, counting each article's
  reported span (its date, partial dates as the days they can mean, reaching back to an earlier
  day or month the text names: a follow-up report names the day of the explosion), so an event
  has a bounded span: by Helly's theorem on the line there is a core day no member's span is
  more than half the window from;
- undated articles are assigned afterwards, each on its own, to the dated event whose centroid
  is most similar (at least LINK), else grouped among themselves the same way: they never
  bridge two events;
- an explicit `event` value in the input wins.

Candidate pairs come from sparse products of the TF-IDF rows within sliding time blocks
(articles sorted by date), each article keeping its NEIGHBOURS most similar partners: no
comparison of every pair. Ties break on (id, source); vocabulary and rows are put in a canonical
order first, so events, their order, ids and labels do not depend on the input order.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import heapq
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from operator import attrgetter
from typing import Any

import numpy as np
from scipy import sparse

from framing.actors import ActorList, Mention, default_actors, doc_mentions
from framing.articles import Article
from framing.languages import Language, default_language
from framing.text import Doc, TextLayer, text_layer

WINDOW_DAYS = 14  # news about one event clusters within about two weeks
# Cosine of the TF-IDF centroids two groups need to merge. Articles on unrelated stories share
# a few common nouns and score below 0.05; short reports of one happening share its actors,
# places, numbers and specific nouns and score 0.1–0.5 pairwise, and a group's centroid
# averages their noise away, so a member scores higher against it. 0.15 keeps a neighbouring
# topic of the same weeks (another summit, an election, a phone call with the same actors)
# apart from the event.
LINK = 0.15
ACTOR_WEIGHT = 1.0  # an actor mention counts once more beside its name (the name is a noun too)
NEIGHBOURS = 20  # candidate partners kept per article (best first): bounds memory on huge events
FLOOR = 0.5  # pairs below LINK × FLOOR are not candidates: too far to reach LINK by merging
LOOKBACK_DAYS = 3 * 365  # how far back a named date can place a follow-up report
CHUNK = 512  # rows per sparse product
PRODUCT_CELLS = 1 << 19  # rows × window columns of one sparse product (bounds its memory)
PAIR_BLOCK = 1 << 16  # candidate pairs turned into Python numbers at a time
UNKNOWN_OUTLET = "unknown outlet"

ISO_DATE = "Y-MM-DD"  # dates in digits read in every language (ISO 8601), after the language's own
_DATE_PARTS = {"D": r"(?P<d{k}>\d{{1,2}})", "DD": r"(?P<d{k}>\d\d)", "M": r"(?P<m{k}>\d{{1,2}})",
               "MM": r"(?P<m{k}>\d\d)", "Y": r"(?P<y{k}>(?:19|20)\d\d)"}
_DATE_PART_CHARS = {"D": 1, "DD": 2, "M": 1, "MM": 2, "Y": 4}  # the fewest characters of each part
_NUMBER = re.compile(r"\d[\d.,]*\d|\d")


# --- the language's words --------------------------------------------------------------------


class _EventWords:
    """What events need of a language (framing.languages): its stop words (words that say
    nothing about an event), its month names with the cues that make a month without a year a
    date, and the text layer whose lemmas the event terms are; with the cache of what each
    surface form counts as (`_form`). One per language object (`event_words`)."""

    def __init__(self, lang: Language) -> None:
        self.stop = lang.words("stopwords")
        self.genitive_endings: tuple[str, ...] = lang.sequence("genitive_name_endings")  # "Putins"
        months = {m: i for i, m in enumerate(lang.sequence("month_names"), 1)}
        months |= lang.table("month_variants")
        self.months: dict[str, int] = months
        self.month_forms = frozenset(m.capitalize() for m in months)
        names = "|".join(m.capitalize() for m in months) or "(?!)"
        self.month_year = re.compile(r"\b(" + names + r")\s+((?:19|20)\d\d)\b")
        # a month named without a year after a cue that makes it a date ("im September", "am 26.
        # September", "Ende September"): the latest such month up to the publication
        # (HeidelTime-style resolution against the document date)
        cues = "|".join(map(re.escape, lang.sequence("month_cues"))) or "(?!)"
        # "am 26. und 27. September": the words that join two days of a month
        joiners = "|".join(map(re.escape, lang.sequence("day_joiners"))) or "(?!)"
        # a day before a month's name: "26. September"
        mark = "(?:" + ("|".join(map(re.escape, lang.sequence("day_marks"))) or "(?!)") + ")"
        self.month_alone = re.compile(r"\b(?:(" + cues + r")\s+|(\d{1,2})" + mark + r"\s*(?:(?:" + joiners
                                      + r")\s+\d{1,2}" + mark + r"\s*)?)(" + names + r")\b(?!\s+(?:19|20)\d\d)")
        self.day_before = re.compile(r"\b(\d{1,2})" + mark + r"\s*$")
        # dates in digits: the language's formats, then ISO; each alternative a group f<k> around
        # its groups d<k>, m<k>, y<k>, so a match names its format (`lastgroup`)
        formats = (*lang.sequence("numeric_date_formats"), ISO_DATE)
        parts = [re.findall(r"DD|MM|[DMY]|.", f, re.S) for f in formats]
        for f, ps in zip(formats, parts, strict=True):
            if sorted(x[0] for x in ps if x in _DATE_PARTS) != ["D", "M", "Y"]:
                raise ValueError(f"{lang.code}: the date format {f!r} needs D (or DD), M (or MM) and Y once each")
        self.date_digits = re.compile("|".join(
            rf"(?P<f{k}>\b" + "".join(_DATE_PARTS[x].format(k=k) if x in _DATE_PARTS else re.escape(x) for x in ps)
            + r"\b)" for k, ps in enumerate(parts)))
        # a text has no date in digits unless one of its tokens is at least this long (the text
        # layer keeps "26.09.2022" and "2022-09-26" one token; a format it splits, such as
        # "9/26/2022", is found in texts that have such a token for another reason only)
        self.shortest_date = min(sum(_DATE_PART_CHARS.get(x, len(x)) for x in ps) for ps in parts)
        self.layer: TextLayer = text_layer(lang)
        self.forms: dict[str, tuple[str | None, str | None, str, tuple[str, ...]]] = {}  # _form (bounded)


@cache
def event_words(lang: Language) -> _EventWords:
    return _EventWords(lang)


def stopwords(language: Language | None = None) -> frozenset[str]:
    """Words of the language (German when None) that say nothing about an event."""
    return event_words(default_language() if language is None else language).stop


# --- dates -----------------------------------------------------------------------------------


def date_range(value: str | None) -> tuple[date, date] | None:
    """First and last day a full or partial ISO date (YYYY, YYYY-MM, YYYY-MM-DD) can mean."""
    if not value:
        return None
    try:
        parts = [int(p) for p in value.split("-")]
        if len(parts) == 1:
            return date(parts[0], 1, 1), date(parts[0], 12, 31)
        if len(parts) == 2:
            last = calendar.monthrange(parts[0], parts[1])[1]
            return date(parts[0], parts[1], 1), date(parts[0], parts[1], last)
        d = date(parts[0], parts[1], parts[2])
        return d, d
    except (ValueError, IndexError):
        return None


def gap_days(a: tuple[date, date] | None, b: tuple[date, date] | None) -> int:
    """Days between two date ranges (0 when they overlap or one is unknown)."""
    if a is None or b is None:
        return 0
    if a[1] < b[0]:
        return (b[0] - a[1]).days
    if b[1] < a[0]:
        return (a[0] - b[1]).days
    return 0




def dates_named(text: str, published: str | None = None, forms: Iterable[str] | None = None,
                language: Language | None = None) -> list[str]:
    """Dates a text names: "26. September 2022", "September 2022", "26.09.2022", "2022-09-26",
    as `YYYY-MM` plus `YYYY-MM-DD` when the day is given; with the `published` date also a month
    named without its year after a date cue ("im September", "am 26. September"), taken as the
    latest such month up to the publication. `forms`, the text's distinct tokens (type_counts),
    spare scanning a text that has no month name or no token like a date in digits. Month
    names and cues are the language's (German when None)."""
    ew = event_words(default_language() if language is None else language)
    out: list[str] = []
    months = digits = True
    if forms is not None:
        months = not ew.month_forms.isdisjoint(forms)
        shortest = ew.shortest_date
        digits = any(len(f) >= shortest and f[:1].isdigit() for f in forms)
    pub = date_range(published) if months else None
    if pub is not None:
        for m in ew.month_alone.finditer(text):
            month = ew.months[m.group(3).lower()]
            year = pub[1].year if month <= pub[1].month else pub[1].year - 1
            out.append(f"{year}-{month:02d}")
            if m.group(2) and 1 <= int(m.group(2)) <= calendar.monthrange(year, month)[1]:
                out.append(f"{year}-{month:02d}-{int(m.group(2)):02d}")
    for m in ew.month_year.finditer(text) if months else ():
        month = ew.months[m.group(1).lower()]
        out.append(f"{m.group(2)}-{month:02d}")
        day = ew.day_before.search(text, max(0, m.start() - 6), m.start())
        if day and 1 <= int(day.group(1)) <= 31:
            out.append(f"{m.group(2)}-{month:02d}-{int(day.group(1)):02d}")
    for m in ew.date_digits.finditer(text) if digits else ():
        k = m.lastgroup[1:]  # type: ignore[index]  # f<k>: every match is one format's group
        y, mo, d = m.group(f"y{k}"), m.group(f"m{k}"), m.group(f"d{k}")
        if 1 <= int(mo) <= 12 and 1 <= int(d) <= 31:
            out += [f"{y}-{int(mo):02d}", f"{y}-{int(mo):02d}-{int(d):02d}"]
    return out


# --- features --------------------------------------------------------------------------------


def mentions(doc: Doc, actors: ActorList) -> tuple[Mention, ...]:
    """Actor mentions of a document, found once (framing.actors.doc_mentions)."""
    return doc_mentions(doc, actors)


_TEXT = attrgetter("text")


def type_counts(doc: Doc) -> Counter[str]:
    """Occurrences of each surface form of a document (remembered while the document lives:
    do not change it)."""
    got: Counter[str] | None = doc.memo.get("type_counts")
    if got is None:
        got = doc.memo["type_counts"] = Counter(map(_TEXT, doc.types))
    return got


def _form(text: str, ew: _EventWords) -> tuple[str | None, str | None, str, tuple[str, ...]]:
    """What a surface form counts as: (its lemma as a word of the distinctive-word counts, its
    lemma as a noun or name of the event terms, the lemma as written, the nouns and names a
    hyphenated compound is made of); None or () where it does not."""
    token_type, stop = ew.layer.token_type, ew.stop
    tt = token_type(text)
    word = tt.lemma_low if tt.is_word and len(tt.low) >= 3 and tt.low not in stop and tt.lemma_low not in stop \
        and not tt.low.isdigit() else None
    noun = tt.lemma_low if tt.is_word and text[:1].isupper() and tt.lemma[:1].isupper() and len(tt.low) >= 4 \
        and tt.low not in stop and tt.lemma_low not in stop else None
    parts: tuple[str, ...] = ()
    if noun is not None and "-" in text:  # "Nord-Stream-Pipeline", "BRICS-Gipfel": the parts name the event too
        got = []
        for p in text.split("-"):
            if len(p) >= 3 and p[:1].isupper():
                pt = token_type(p)
                if pt.is_word and pt.low not in stop and pt.lemma_low not in stop and pt.lemma_low != noun:
                    got.append(pt.lemma_low)
        parts = tuple(got)
    return word, noun, tt.lemma, parts


def content_terms(doc: Doc, actors: ActorList, headline_end: int = 0, named: list[str] | None = None,
                  lemmas: Counter[str] | None = None) -> tuple[Counter[str], dict[str, str]]:
    """Counts of what identifies an event in a document: nouns and names (capitalised lemmas
    written capitalised inside a sentence; verbs and adjectives carry the outlet's framing, not
    the event, and differ by design between outlets), `@actor` ids, `#numbers` and `%dates`.
    Nouns of the headline (text before `headline_end`) count twice: headlines name the event.
    Also how each lemma is shown; with `lemmas`, the lemmas of all words (three letters or
    more, no function words, no numbers) are counted into it in the same pass."""
    c: Counter[str] = Counter()
    shown: dict[str, str] = {}
    types = doc.types
    raw = type_counts(doc)  # counted at C speed; each distinct form judged once below
    by_text = Counter(raw)
    for s in doc.sentences:  # sentence-initial words are capitalised whatever they are
        if s.first_token < s.last_token:
            by_text[types[s.first_token].text] -= 1
    if headline_end:
        by_text.update(map(_TEXT, types[: bisect.bisect_left(doc.starts, headline_end)]))
    ew = event_words(doc.language)
    forms = ew.forms
    if len(forms) > 500_000:
        forms.clear()
    for text, n in by_text.items():
        got = forms.get(text)
        if got is None:
            got = forms[text] = _form(text, ew)
        word, noun, written, parts = got
        if lemmas is not None and word is not None:
            lemmas[word] += raw[text]
        if n > 0 and noun is not None:
            c[noun] += n
            if noun not in shown or written < shown[noun]:
                shown[noun] = written
            for p in parts:
                c[p] += n
    for end in ew.genitive_endings:
        for t in [t for t in c if len(t) >= 5 and t.endswith(end) and t[: -len(end)] in c]:
            c[t[: -len(end)]] += c.pop(t)  # a name's genitive (Nawalnys, Putins) beside the name: one term
    for m in mentions(doc, actors):
        c[f"@{m.actor.id}"] += 1
    text = doc.text
    for n in _NUMBER.findall(text):
        if len(n) >= 2:
            c[f"#{n}"] += 1
    for d in dates_named(text, language=doc.language) if named is None else named:
        c[f"%{d}"] += 1
    return c, shown


def reported_span(published: str | None, text: str, named: list[str] | None = None,
                  language: Language | None = None) -> tuple[date, date] | None:
    """The days an article can be about: its publication date (as a range), reaching back to
    the earliest day or month it names within LOOKBACK_DAYS before (a follow-up report on an
    explosion names the day of the explosion). None when undated. Dates named in the text are
    read in the language (German when None)."""
    r = date_range(published)
    if r is None:
        return None
    earliest = r[0]
    for d in dates_named(text, published, language=language) if named is None else named:
        n = date_range(d)
        if n is not None and n[0] < earliest and (r[0] - n[0]).days <= LOOKBACK_DAYS:
            earliest = n[0]
    return earliest, r[1]


class Vocabulary:
    """Term ↔ id, shared by all articles of a run; ids follow first sight (the matrix is put in
    term order before any arithmetic, so results do not depend on it)."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.terms: list[str] = []
        self.shown: dict[str, str] = {}

    def encode(self, counts: Counter[str], shown: dict[str, str] | None = None) -> tuple[np.ndarray, np.ndarray]:
        ids = self.ids
        got = list(map(ids.get, counts))
        if None in got:
            for k, t in enumerate(counts):
                if got[k] is None:
                    got[k] = ids[t] = len(self.terms)
                    self.terms.append(t)
        out = np.array(got, dtype=np.int32)
        for t, s in (shown or {}).items():
            old = self.shown.get(t)
            if old is None or s < old:
                self.shown[t] = s
        return out, np.fromiter(counts.values(), dtype=np.float32, count=len(counts))


@dataclass(frozen=True, slots=True, eq=False)
class Features:
    """What event grouping needs of one article (a few kB)."""

    id: str
    source: str
    outlet: str
    date: str | None
    event: str | None  # an explicit event value of the input
    span: tuple[dt.date, dt.date] | None  # reported_span
    term_ids: np.ndarray  # int32 ids into the run's Vocabulary
    term_counts: np.ndarray  # float32

    @property
    def key(self) -> tuple[str, str]:
        return (self.id, self.source)


def features_of(score: Any, vocab: Vocabulary, actors: ActorList | None = None,
                lemmas: Counter[str] | None = None) -> Features:
    """The features of a scored article (framing.scoring.ArticleScore); with `lemmas`, also
    its lemma counts (see content_terms)."""
    return article_features(score.analysed.article, score.analysed.doc, vocab, actors, lemmas)


def article_features(a: Article, doc: Doc, vocab: Vocabulary, actors: ActorList | None = None,
                     lemmas: Counter[str] | None = None) -> Features:
    """The features of an article from its text layer alone (framing.text.tokenize): grouping
    needs no quotation spans, loaded words or stance."""
    actors = actors or default_actors()
    head = next((p for p in a.parts if p.kind == "headline"), None)
    named = dates_named(a.text, a.date, type_counts(doc), doc.language)
    counts, shown = content_terms(doc, actors, head.end if head is not None else 0, named, lemmas)
    ids, values = vocab.encode(counts, shown)
    return Features(a.id, a.source, a.outlet or UNKNOWN_OUTLET, a.date, a.event, reported_span(a.date, a.text, named),
                    ids, values)


def tfidf(feats: Sequence[Features], vocab: Vocabulary) -> tuple[sparse.csr_matrix, np.ndarray, list[str]]:
    """Unit-length TF-IDF rows (sublinear tf, smoothed idf; actors ×ACTOR_WEIGHT), columns in
    term order; also the idf and the terms of the columns."""
    order = sorted(range(len(vocab.terms)), key=vocab.terms.__getitem__)
    remap = np.empty(len(order), dtype=np.int32)
    remap[order] = np.arange(len(order), dtype=np.int32)
    terms = [vocab.terms[i] for i in order]
    indptr = np.zeros(len(feats) + 1, dtype=np.int64)
    indptr[1:] = np.cumsum([len(f.term_ids) for f in feats])
    if feats and indptr[-1]:
        indices = remap[np.concatenate([f.term_ids for f in feats])]
        data = np.concatenate([f.term_counts for f in feats]).astype(np.float64)
    else:
        indices, data = np.zeros(0, dtype=np.int32), np.zeros(0)
    m = sparse.csr_matrix((data, indices, indptr), shape=(len(feats), len(terms)))
    m.sort_indices()
    np.log(m.data, out=m.data)  # in place throughout: no copy of the matrix at archive scale
    m.data += 1.0
    df = np.bincount(m.indices, minlength=len(terms))
    idf = np.log((1 + len(feats)) / (1 + df)) + 1.0
    weight = idf * np.array([ACTOR_WEIGHT if t.startswith("@") else 1.0 for t in terms])
    m.data *= weight[m.indices]
    lengths = np.diff(m.indptr)
    norms = np.zeros(len(feats))
    full = lengths > 0
    if full.any():
        norms[full] = np.sqrt(np.add.reduceat(m.data * m.data, m.indptr[:-1][full]))
    norms[norms == 0] = 1.0
    m.data /= np.repeat(norms, lengths)
    return m, idf, terms


# --- clustering ------------------------------------------------------------------------------


def _best_per_row(i: np.ndarray, s: np.ndarray, k: int) -> np.ndarray:
    """Indices of the k largest `s` of each row `i`, by one sort on a combined key (rows apart
    by more than any cosine)."""
    if not len(i):
        return np.zeros(0, dtype=np.int64)
    key = i.astype(np.float64) * 4.0 + (2.0 - s)
    o = np.argsort(key, kind="stable")  # equal cosines keep the product's order: fixed for fixed input
    si = i[o]
    starts = np.r_[0, np.flatnonzero(np.diff(si)) + 1]
    rank = np.arange(len(si)) - np.repeat(starts, np.diff(np.r_[starts, len(si)]))
    return np.sort(o[rank < k])


def _candidate_pairs(x: sparse.csr_matrix, first: np.ndarray, last: np.ndarray, window: int | None,
                     link: float, rows: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pairs (i < j) of rows sorted by `first` day whose dates are at most `window` days apart
    (None: any) and whose cosine is at least `link`, each row keeping its NEIGHBOURS best:
    sparse products of blocks of CHUNK rows with the rows that start within reach. With `rows`,
    row k is `x[rows[k]]` (gathered a window at a time: the matrix is never copied whole);
    pairs are positions k.

    Each row reaches the rows starting at most `window` days after its last day. Most rows
    report one day and reach a few weeks of rows; a follow-up report that names an earlier
    month reaches from that month to its publication, months of rows. A block is multiplied
    with the rows its short reaches cover, and only its few far-reaching rows go on against
    the rows beyond (a product of those rows with the few, not of every row of the block with
    months of rows: that made the search grow with the square of the archive). Ties between
    equal cosines break on the partner's position (the canonical order of the rows)."""
    n = x.shape[0] if rows is None else len(rows)
    if window is None:
        reach = np.full(n, n, dtype=np.int64)
    else:
        reach = np.searchsorted(first, last + window, side="right").astype(np.int64)
    got_rows, cols, sims = [], [], []

    def gather(lo: int, hi: int) -> sparse.csr_matrix:
        return x[lo:hi] if rows is None else x[rows[lo:hi]]

    for a in range(0, n, CHUNK):
        b = min(n, a + CHUNK)
        r = reach[a:b]
        span = last[a:b] - first[a:b]
        short = span <= (window or 0)
        # the block's own rows and the rows its short reaches cover, for every row of the block
        near_hi = max(b, int(r[short].max()) if short.any() and window is not None else int(r.max()))
        near = gather(a, near_hi)
        near_t = near.T.tocsr()  # what the product converts the transpose to: done once per block
        # the block's rows a few at a time (the product never holds more than about
        # PRODUCT_CELLS cells before the filter)
        step = max(1, PRODUCT_CELLS // max(1, near_hi - a))
        parts = []
        for c in range(a, b, step):
            d = min(b, c + step)
            prod = (near[c - a : d - a] @ near_t).tocoo()
            i, j, s = prod.row + c, prod.col + a, prod.data
            keep = (j > i) & (s >= link) & (j < reach[i])
            parts.append((i[keep], j[keep], s[keep]))
        # the far-reaching rows against the rows beyond: the rows beyond times those few rows
        far = np.flatnonzero(r > near_hi) + a
        if len(far):
            far_x = gather(far[0], far[-1] + 1)[far - far[0]]
            far_t = far_x.T.tocsr()
            far_hi = int(reach[far].max())
            step = max(1, PRODUCT_CELLS // max(1, len(far)))
            for c in range(near_hi, far_hi, step):
                d = min(far_hi, c + step)
                prod = (gather(c, d) @ far_t).tocoo()
                i, j, s = far[prod.col], prod.row + c, prod.data
                keep = (s >= link) & (j < reach[i])
                parts.append((i[keep], j[keep], s[keep]))
        i, j, s = (np.concatenate(p) for p in zip(*parts, strict=True))
        o = np.lexsort((j, i))  # rows in order, each row's partners in order
        i, j, s = i[o], j[o], s[o]
        if len(i) > NEIGHBOURS * (b - a):  # best partners of each row of the block only
            top = _best_per_row(i - a, s, 2 * NEIGHBOURS)
            i, j, s = i[top], j[top], s[top]
        got_rows.append(i)
        cols.append(j)
        sims.append(s)
    if not got_rows:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0)
    i, j, s = np.concatenate(got_rows), np.concatenate(cols), np.concatenate(sims)
    # keep an edge when it is among the NEIGHBOURS best of either end
    both_i, both_j, both_s = np.r_[i, j], np.r_[j, i], np.r_[s, s]
    good = _best_per_row(both_i, both_s, NEIGHBOURS)
    bi, bj = both_i[good], both_j[good]
    lo, hi_ = np.minimum(bi, bj), np.maximum(bi, bj)
    # each pair's cosine is the product's (one value per pair: a pair comes from the block of its
    # first row only), so no rows are gathered again
    pairs, at = np.unique(lo.astype(np.int64) * n + hi_, return_index=True)
    return pairs // n, pairs % n, both_s[good][at]


def _average_linkage(x: sparse.csr_matrix, first: np.ndarray, last: np.ndarray, window: int | None,
                     link: float, rows: np.ndarray | None = None) -> list[list[int]]:
    """Groups of rows: centroid-linkage agglomeration over the candidate pairs, merging the most
    similar pair first while their centroids' cosine is at least `link` and the merged group's
    dates stay within `window` days of each other. Rows must be sorted by `first` (then key).
    With `rows`, row k is `x[rows[k]]` (no copy of the matrix) and groups hold positions k.
    Values are re-computed when a pair comes out of the queue: a pair whose groups have grown
    since it was queued goes back with its current value. The candidate pairs stay numpy arrays,
    taken in the order (-cosine, i, j); only re-queued pairs go to a (small) heap of tuples."""
    n = x.shape[0] if rows is None else len(rows)
    at = None if rows is None else rows.tolist()
    parent = list(range(n))
    lo = first.astype(np.int64).tolist()  # largest first day and smallest last day of each group
    hi = last.astype(np.int64).tolist()
    sums: dict[int, tuple[np.ndarray, np.ndarray]] = {}  # summed vector of each merged group (sorted ids, weights)
    norm2 = [1.0] * n  # squared length of each group's summed vector (rows have unit length)
    indices, data, indptr = x.indices, x.data, x.indptr

    def vec(c: int) -> tuple[np.ndarray, np.ndarray]:
        v = sums.get(c)
        if v is None:  # a single row: views into the matrix, no copy
            r = c if at is None else at[c]
            s, e = indptr[r], indptr[r + 1]
            v = (indices[s:e], data[s:e])
        return v

    def find(c: int) -> int:
        while parent[c] != c:
            parent[c] = parent[parent[c]]
            c = parent[c]
        return c

    def dot_of(va: tuple[np.ndarray, np.ndarray], vb: tuple[np.ndarray, np.ndarray]) -> float:
        (ia, wa), (ib, wb) = (va, vb) if len(va[0]) <= len(vb[0]) else (vb, va)
        if not len(ia) or not len(ib):
            return 0.0
        pos = np.searchsorted(ib, ia)
        pos[pos == len(ib)] = 0
        hit = ib[pos] == ia
        return float(wa[hit] @ wb[pos[hit]])

    def average(a: int, b: int) -> tuple[float, float]:
        dot = dot_of(vec(a), vec(b))
        return dot / math.sqrt(norm2[a] * norm2[b]), dot

    floor = link * FLOOR
    pi, pj, ps = _candidate_pairs(x, first, last, window, floor, rows)
    requeued: list[tuple[float, int, int]] = []

    def step(key: float, a: int, b: int) -> None:
        a, b = find(a), find(b)
        if a == b:
            return
        a, b = min(a, b), max(a, b)
        if window is not None and max(lo[a], lo[b]) - min(hi[a], hi[b]) > window:
            return  # the span only grows by merging: this pair never fits again
        now, dot = average(a, b)
        if now < link:
            if now < -key - 1e-12 and now >= floor:  # dropped since queued: queue it again
                heapq.heappush(requeued, (-now, a, b))
            return
        if now < -key - 1e-12:  # a group grew since and the pair is no longer the best: queue again
            heapq.heappush(requeued, (-now, a, b))
            return
        (ia, wa), (ib, wb) = vec(a), vec(b)
        ids, inverse = np.unique(np.concatenate([ia, ib]), return_inverse=True)
        sums.pop(b, None)
        sums[a] = (ids, np.bincount(inverse, weights=np.concatenate([wa, wb]), minlength=len(ids)))
        parent[b] = a
        norm2[a] = norm2[a] + norm2[b] + 2 * dot
        lo[a], hi[a] = max(lo[a], lo[b]), min(hi[a], hi[b])

    # the queue's order: most similar first, ties by (i, j); re-queued pairs merge in from the heap
    neg = -ps
    order = np.lexsort((pj, pi, neg))
    for start in range(0, len(order), PAIR_BLOCK):
        sel = order[start : start + PAIR_BLOCK]
        for item in zip(neg[sel].tolist(), pi[sel].tolist(), pj[sel].tolist(), strict=True):
            while requeued and requeued[0] < item:
                step(*heapq.heappop(requeued))
            step(*item)
    while requeued:
        step(*heapq.heappop(requeued))
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(find(i), []).append(i)
    return list(groups.values())


def cluster(feats: Sequence[Features], vocab: Vocabulary, window_days: int = WINDOW_DAYS,
            link: float = LINK, x: sparse.csr_matrix | None = None) -> list[list[int]]:
    """Groups of indices into `feats` (see the module docstring); explicit events first grouped
    by their value. Each group's indices ascend; groups come in no particular order. `x`: the
    features' tfidf rows when already computed."""
    if x is None:
        x, _, _ = tfidf(feats, vocab)
    explicit: dict[str, list[int]] = {}
    dated: list[tuple[int, int, int]] = []
    undated: list[int] = []
    for i, f in enumerate(feats):
        if f.event:
            explicit.setdefault(f.event, []).append(i)
            continue
        r = f.span
        if r is None:
            undated.append(i)
        else:
            dated.append((r[0].toordinal(), r[1].toordinal(), i))
    dated.sort(key=lambda t: (t[0], feats[t[2]].key))
    idx = np.array([i for _, _, i in dated], dtype=np.int64)
    first = np.array([f for f, _, _ in dated], dtype=np.int64)
    last = np.array([la for _, la, _ in dated], dtype=np.int64)
    groups = [[int(idx[k]) for k in g] for g in _average_linkage(x, first, last, window_days, link, idx)] \
        if len(idx) else []
    rest = sorted(undated, key=lambda i: feats[i].key)
    if rest and groups:
        # each undated article on its own against the dated events (never against each other)
        member = sparse.lil_matrix((len(groups), x.shape[0]))
        for g, members in enumerate(groups):
            member[g, members] = 1.0
        centroids = sparse.csr_matrix(member.tocsr() @ x)
        lengths = np.sqrt(np.asarray(centroids.multiply(centroids).sum(axis=1)).ravel())
        centroids = sparse.csr_matrix(sparse.diags(1.0 / np.where(lengths > 0, lengths, 1.0)) @ centroids)
        sim = (x[rest] @ centroids.T).toarray()
        best = sim.argmax(axis=1)  # the first of equal bests: groups are in a canonical order
        left = []
        for k, i in enumerate(rest):
            if sim[k, best[k]] >= link:
                groups[best[k]].append(i)
            else:
                left.append(i)
        rest = left
    if rest:
        none = np.zeros(len(rest), dtype=np.int64)
        groups += [[rest[k] for k in g]
                   for g in _average_linkage(x, none, none, None, link, np.array(rest, dtype=np.int64))]
    groups += list(explicit.values())
    return [sorted(g) for g in groups]


# --- events ----------------------------------------------------------------------------------


@dataclass
class Event:
    id: str
    label: str
    first: str  # date range as written ("2024-06", "2024-06-18 – 2024-06-20", "undated")
    last: str
    scores: list[Any]  # the members as given (ArticleScore or a compact per-article record)
    explicit: bool = False
    terms: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)

    @property
    def dates(self) -> str:
        if not self.first:
            return "undated"
        return self.first if self.first == self.last else f"{self.first} – {self.last}"

    @property
    def name(self) -> str:
        """The label with the date span and the outlets: what a reader needs to know which
        event is meant."""
        outlets = ", ".join(self.outlets[:4]) + (f" +{len(self.outlets) - 4}" if len(self.outlets) > 4 else "")
        return f"{self.label} · {self.dates} · {outlets}"


def _label_terms(members: list[int], x: sparse.csr_matrix, idf: np.ndarray, terms: list[str], vocab: Vocabulary,
                 names: dict[str, str], aliases: set[str], n: int = 4) -> list[str]:
    """The event's distinctive terms: the share of its articles using a term times the term's
    idf (common in the event, rare in the input: "Prigoschin" before "Russland"), actors and
    nouns only (the way people name events); ties by summed TF-IDF weight, then the term."""
    ptr = x.indptr  # the members' row slices, without sparse fancy indexing (one event of thousands)
    if len(members) == 1:
        indices, data = x.indices[ptr[members[0]] : ptr[members[0] + 1]], x.data[ptr[members[0]] : ptr[members[0] + 1]]
    else:
        indices = np.concatenate([x.indices[ptr[m] : ptr[m + 1]] for m in members])
        data = np.concatenate([x.data[ptr[m] : ptr[m + 1]] for m in members])
    cols, inverse = np.unique(indices, return_inverse=True)
    total = np.bincount(inverse, weights=data, minlength=len(cols))
    spread = np.bincount(inverse, minlength=len(cols))
    score = np.round(spread / len(members) * idf[cols], 9)
    out: list[str] = []
    for k in np.lexsort((cols, -np.round(total, 9), -score)).tolist():  # columns are in term order
        t = terms[cols[k]]
        if t.startswith("@"):
            out.append(names.get(t, t[1:]))
        elif t[:1] not in "#%" and t not in aliases and vocab.shown.get(t, "")[:1].isupper():
            out.append(vocab.shown[t])
        if len(out) == n:
            break
    return out


def events_of(items: Sequence[Any], feats: Sequence[Features], vocab: Vocabulary, window_days: int = WINDOW_DAYS,
              link: float = LINK, actors: ActorList | None = None) -> list[Event]:
    """Events of items (any per-article objects) with their features, in date order, ids E1…"""
    actors = actors or default_actors()
    order = sorted(range(len(feats)), key=lambda i: feats[i].key)
    feats = [feats[i] for i in order]
    items = [items[i] for i in order]
    x, idf, terms = tfidf(feats, vocab)
    groups = cluster(feats, vocab, window_days, link, x)
    names = {f"@{a.id}": a.name for a in actors.actors}
    aliases = {w.lower() for a in actors.actors for w in (*a.aliases, *a.epithets)}
    events = []
    for g in groups:
        fs = [feats[i] for i in g]
        dates = sorted(d for f in fs if (d := f.date))
        explicit = next((f.event for f in fs if f.event), None)
        words = _label_terms(g, x, idf, terms, vocab, names, aliases)
        label = explicit or ", ".join(words) or "(no content words)"
        events.append(Event("", label, dates[0] if dates else "", dates[-1] if dates else "", [items[i] for i in g],
                            bool(explicit), words, sorted({f.outlet for f in fs}), [f.id for f in fs]))
    events.sort(key=lambda e: (e.first or "9999", e.ids[0]))
    for k, e in enumerate(events, 1):
        e.id = f"E{k}"
    return events


def reading_order(events: Sequence[Event]) -> list[Event]:
    """Events several outlets cover first (what a comparison is for), each group by date."""
    return sorted(events, key=lambda e: len(e.outlets) < 2)


def group_events(scores: Iterable[Any], window_days: int = WINDOW_DAYS, link: float = LINK,
                 actors: ActorList | None = None) -> list[Event]:
    """Events of scored articles (framing.scoring.ArticleScore); see the module docstring."""
    actors = actors or default_actors()
    vocab = Vocabulary()
    items = list(scores)
    feats = [features_of(s, vocab, actors) for s in items]
    return events_of(items, feats, vocab, window_days, link, actors)


# --- evaluation ------------------------------------------------------------------------------


@dataclass
class GroupingReport:
    """How predicted events match true events (scikit-learn's clustering measures)."""

    articles: int  # articles both read and in the gold file
    ari: float
    homogeneity: float
    completeness: float
    v_measure: float
    # true events spread over several predicted events: {"true_event", "articles", "into": [{"event",
    # "articles"}, …]}, and predicted events holding several true events: {"event", "articles",
    # "holds": [{"true_event", "articles"}, …]}; most articles first
    split: list[dict[str, Any]]
    merged: list[dict[str, Any]]
    not_in_gold: list[str]  # ids read but not in the gold file
    not_read: list[str]  # gold ids not among the articles read

    def rows(self) -> list[dict[str, Any]]:
        """The four measures as rows (measure, value)."""
        return [{"measure": k, "value": getattr(self, k)} for k in ("ari", "homogeneity", "completeness", "v_measure")]


def load_event_gold(path: str) -> dict[str, str]:
    """A gold CSV with columns `id` and `event` (more columns are ignored). An empty event is an
    article of its own (a distractor)."""
    import csv

    from framing.errors import InputError

    try:
        with open(path, newline="", encoding="utf-8-sig") as f:
            reader = csv.DictReader(f)
            fields = reader.fieldnames or []
            if "id" not in fields or "event" not in fields:
                raise InputError(f"{path}:1: the gold file needs the columns 'id' and 'event' (found: "
                                 f"{', '.join(fields) or 'none'})")
            gold: dict[str, str] = {}
            for n, row in enumerate(reader, start=2):
                i = (row.get("id") or "").strip()
                if not i:
                    raise InputError(f"{path}:{n}: empty id")
                if i in gold:
                    raise InputError(f"{path}:{n}: id '{i}' given twice")
                gold[i] = (row.get("event") or "").strip() or f"(alone) {i}"
    except OSError as e:
        raise InputError(f"{path}: cannot read ({e.strerror}); check the path") from None
    except (UnicodeDecodeError, csv.Error) as e:
        raise InputError(f"{path}: not a UTF-8 CSV ({e})") from None
    if not gold:
        raise InputError(f"{path}: no rows")
    return gold


def evaluate_grouping(events: Sequence[Event], gold: dict[str, str]) -> GroupingReport:
    """ARI, homogeneity, completeness and V-measure of the events against the gold events, and
    which true events were split or merged (with the article counts)."""
    from sklearn.metrics import adjusted_rand_score, homogeneity_completeness_v_measure

    pred = {i: e.id for e in events for i in e.ids}
    ids = sorted(i for i in pred if i in gold)
    truth, got = [gold[i] for i in ids], [pred[i] for i in ids]
    if ids:
        h, c, v = homogeneity_completeness_v_measure(truth, got)
        ari = adjusted_rand_score(truth, got)
    else:
        h = c = v = ari = 0.0
    by_true: dict[str, Counter[str]] = {}
    by_pred: dict[str, Counter[str]] = {}
    for t, p in zip(truth, got, strict=True):
        by_true.setdefault(t, Counter())[p] += 1
        by_pred.setdefault(p, Counter())[t] += 1

    def listing(c: Counter[str], key: str) -> list[dict[str, Any]]:
        """The events of a confusion with their article counts, most articles first."""
        return [{key: k, "articles": v} for k, v in sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))]

    split = [{"true_event": t, "articles": sum(c.values()), "into": listing(c, "event")}
             for t, c in sorted(by_true.items()) if len(c) > 1]
    merged = [{"event": p, "articles": sum(c.values()), "holds": listing(c, "true_event")}
              for p, c in sorted(by_pred.items(), key=lambda kv: int(kv[0][1:]) if kv[0][1:].isdigit() else 0)
              if len(c) > 1]
    return GroupingReport(len(ids), float(ari), float(h), float(c), float(v), split, merged,
                          sorted(i for i in pred if i not in gold), sorted(i for i in gold if i not in pred))

"""Side-by-side comparisons of how outlets cover an event (events: framing.events).

Per event and outlet (or article): headlines with own-voice loaded words marked, stance,
loaded words, how each actor is named, whom the outlet quotes, distinctive words (log-odds
ratio with an informative Dirichlet prior, Monroe, Colaresi & Quinn 2008, "Fightin' Words",
Political Analysis 16(4)), reprints (near-identical texts: framing.reprints). A text an outlet
carries twice (a mirror, the same wire story under two headlines) counts once in its column.
"""

from __future__ import annotations

import functools
import gc
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from framing.actors import ActorList, actor_named, default_actors, descriptor
from framing.articles import Article
from framing.events import (  # noqa: F401  (re-exported: events used to live here)
    UNKNOWN_OUTLET,
    WINDOW_DAYS,
    Event,
    Features,
    Vocabulary,
    article_features,
    date_range,
    event_words,
    features_of,
    group_events,
    type_counts,
)
from framing.events import mentions as _mentions
from framing.languages import Language, default_language
from framing.outlets import media_named
from framing.records import (
    ComparisonColumn,
    Distinctive,
    EventComparison,
    EventRecord,
    Headline,
    Mark,
    ReprintRecord,
    Term,
)
from framing.reprints import Reprint, find_reprints, minhash, originals, reprint_groups, word_hashes
from framing.scoring import OWN_VOICES, ArticleScore, shown_term
from framing.stance import stance_label
from framing.text import tokenize

PRIOR_STRENGTH = 100.0  # α0 of the Dirichlet prior: pseudo-counts spread by background frequency
Z_MIN = 1.96  # z above the 95% normal quantile: marked "*" as distinctive beyond chance
Z_SHOWN = 1.0  # words with smaller z are not shown at all
TOP = 5
ACTOR_ROWS = 4  # the most-mentioned actors of an event get a "named as" row
FREEZE_EVERY = 2048  # articles between moving the gathered records out of the garbage collector's sight


# --- reprints --------------------------------------------------------------------------------


def outlet_of(s: ArticleScore) -> str:
    return s.analysed.article.outlet or UNKNOWN_OUTLET


# --- distinctive words -----------------------------------------------------------------------


class Background(Counter[str]):
    """Lemma counts of a whole input, their sum `n` computed once (not once per event); with
    `by_id`, the same counts as an array indexed by the ids of the Vocabulary `vocab`."""

    n: int
    by_id: np.ndarray | None = None
    vocab: Vocabulary | None = None


def _log_odds_of(yt: float, yr: float, bg: float, n_t: float, n_r: float, n_b: float,
                 prior_strength: float) -> tuple[float, float] | None:
    """(delta, z) of one word (see log_odds), None when the word has no prior or its odds are
    undefined."""
    a = prior_strength * bg / n_b
    if a <= 0:
        return None
    other_t, other_r = n_t + prior_strength - yt - a, n_r + prior_strength - yr - a
    if other_t <= 0 or other_r <= 0:
        return None  # the word is the whole vocabulary: its odds are undefined
    delta = math.log((yt + a) / other_t) - math.log((yr + a) / other_r)
    var = 1 / (yt + a) + 1 / (yr + a)
    return delta, delta / math.sqrt(var)


def log_odds(target: Counter[str], rest: Counter[str], background: Counter[str],
             prior_strength: float = PRIOR_STRENGTH, n_rest: float | None = None) -> list[tuple[str, float, float]]:
    """Log-odds ratio with an informative Dirichlet prior (Monroe et al. 2008, eq. 16–22):
    (word, delta, z) for every word of the target, z = delta / sqrt(var), the prior spread by
    the word's share of the background corpus. `n_rest`: the size of the rest when `rest` holds
    only the target's words."""
    n_t = sum(target.values())
    n_r = sum(rest.values()) if n_rest is None else n_rest
    n_b = background.n if isinstance(background, Background) else sum(background.values()) or 1
    out = []
    for w in target:
        got = _log_odds_of(target[w], rest[w], background[w], n_t, n_r, n_b, prior_strength)
        if got is not None:
            out.append((w, *got))
    out.sort(key=lambda t: (-t[2], t[0]))
    return out


def top_log_odds(ids: np.ndarray, terms: Sequence[str], yt: np.ndarray, yr: np.ndarray, bg: np.ndarray, n_t: int,
                 n_r: int, n_b: int, z_min: float = Z_SHOWN, n: int = TOP,
                 prior_strength: float = PRIOR_STRENGTH) -> list[tuple[str, float, float]]:
    """The `n` words of `log_odds` with z ≥ `z_min`, from arrays of counts (target, rest,
    background; one entry per word `terms[ids[k]]`). All words are weighed at once with numpy;
    the few that come near `z_min` are weighed again one by one as `log_odds` weighs them, so
    the figures are those of `log_odds` to the last bit."""
    with np.errstate(divide="ignore", invalid="ignore"):
        a = prior_strength * bg / n_b
        other_t = n_t + prior_strength - yt - a
        other_r = n_r + prior_strength - yr - a
        delta = np.log((yt + a) / other_t) - np.log((yr + a) / other_r)
        z = delta / np.sqrt(1 / (yt + a) + 1 / (yr + a))
    near = np.flatnonzero((a > 0) & (other_t > 0) & (other_r > 0) & (z >= z_min - 1e-6))
    out = []
    for k in near.tolist():
        got = _log_odds_of(int(yt[k]), int(yr[k]), int(bg[k]), n_t, n_r, n_b, prior_strength)
        if got is not None and got[1] >= z_min:
            out.append((terms[ids[k]], *got))
    out.sort(key=lambda t: (-t[2], t[0]))
    return out[:n]


def lemma_counts(s: ArticleScore) -> Counter[str]:
    """Lemmas of an article's words (no function words, none under three letters, no numbers)."""
    out: Counter[str] = Counter()
    doc = s.analysed.doc
    ew = event_words(doc.language)
    token_type, stop = ew.layer.token_type, ew.stop
    for text, n in type_counts(doc).items():
        tt = token_type(text)
        if tt.is_word and len(tt.low) >= 3 and tt.low not in stop and tt.lemma_low not in stop \
                and not tt.low.isdigit():
            out[tt.lemma_low] += n
    return out


# --- the comparison --------------------------------------------------------------------------


@dataclass
class Column:
    """One side of the comparison: an outlet (all its articles in the event) or one article."""

    name: str
    digests: list[Digest]  # each text once: copies of a text the column holds are left out
    cells: dict[str, Any] = field(default_factory=dict)
    copies: list[str] = field(default_factory=list)  # ids of the copies left out


def headline(s: ArticleScore) -> Headline | None:
    """The article's headline with its own-voice loaded words as marks (offsets into the
    headline text); None without a headline."""
    a = s.analysed.article
    head = next((p for p in a.parts if p.kind == "headline"), None)
    if head is None or head.start == head.end:
        return None
    marks, pos = [], head.start
    for h in sorted((h for h in s.own if head.start <= h.start < head.end),
                    key=lambda h: h.start):
        if h.start < pos:
            continue
        marks.append(Mark(h.start - head.start, h.end - head.start, a.text[h.start : h.end]))
        pos = h.end
    return Headline(a.id, a.text[head.start : head.end], tuple(marks))


def _counts(counter: Counter[str], n: int = TOP) -> list[dict[str, Any]]:
    """The n most frequent as data ({"term", "count"}), most frequent first; the renderer
    formats them."""
    return [{"term": k, "count": v} for k, v in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0].lower()))[:n]]


@dataclass(slots=True, eq=False)
class Digest:
    """What the comparison needs of one article, computed while it streams past (no token
    layers kept): a few hundred bytes to a few kB."""

    id: str
    source: str
    outlet: str
    date: str | None
    reprint_of: str | None
    headline: Headline | None  # with its own-voice loaded words as marks
    words: int
    stance: tuple[float, float, str] | None  # score, confidence, label
    own: tuple[str, ...]  # overt own-voice loaded terms as shown (ArticleScore.own)
    quoted: tuple[str, ...]  # overt quoted loaded terms (ArticleScore.quoted)
    conventional: tuple[str, ...]  # own-voice conventional and technical terms (ArticleScore.own_conventional)
    mentions: Counter[str]  # actor id → mentions
    naming: dict[str, Counter[str]]  # actor id → descriptors ("" = the name only)
    aimed: dict[str, Counter[str]]  # actor id → own-voice loaded terms aimed at it
    quotes: tuple[tuple[str, str, str], ...]  # (side, speaker, cue) of direct and reported speech
    lemma_ids: np.ndarray  # lemma counts (distinctive words), ids into a shared Vocabulary
    lemma_counts: np.ndarray


def digest(s: ArticleScore, actors: ActorList, lemmas: Vocabulary, counts: Counter[str] | None = None) -> Digest:
    """The compact record of a scored article (see Digest); `counts`: its lemma_counts when
    already counted."""
    a = s.analysed.article
    doc = s.analysed.doc
    ms = _mentions(doc, actors)
    taken = {k for m in ms for k in range(m.first, m.last)}
    naming: dict[str, Counter[str]] = defaultdict(Counter)
    for m in ms:
        naming[m.actor.id][descriptor(doc, m, taken)] += 1
    aimed: dict[str, Counter[str]] = defaultdict(Counter)
    for i, h in enumerate(s.hits):
        t = s.targets.get(i)
        if t is not None and t.actor is not None and h.voice in OWN_VOICES and h.entry.register == "overt":
            aimed[t.actor.id][shown_term(h)] += 1
    language = doc.language
    quotes = tuple((*_speaker_side(q.speaker, actors, language), q.cue.lower() if q.cue else "")
                   for q in s.analysed.quotes if q.kind in ("direct", "reported"))
    st = s.stance
    stance = (float(st.score), float(st.confidence), st.label) if st is not None and st.score is not None else None
    ids, values = lemmas.encode(lemma_counts(s) if counts is None else counts)
    return Digest(a.id, a.source, outlet_of(s), a.date, a.reprint_of, headline(s), s.words, stance,
                  tuple(shown_term(h) for h in s.own), tuple(shown_term(h) for h in s.quoted),
                  tuple(shown_term(h) for h in s.own_conventional),
                  Counter(m.actor.id for m in ms), dict(naming), dict(aimed), quotes, ids, values)


class ReprintIndex:
    """Reprints by article id, built once for a run: each event looks up only its own."""

    def __init__(self, reprints: Sequence[Reprint]) -> None:
        self.all = list(reprints)
        self.copy_of = originals(reprints)
        self.by_id: dict[str, list[Reprint]] = defaultdict(list)
        for r in reprints:
            self.by_id[r.a].append(r)
            self.by_id[r.b].append(r)

    def about(self, ids: Iterable[str]) -> list[Reprint]:
        """The reprints any of these articles is part of, in a fixed order."""
        got = {r for i in ids for r in self.by_id.get(i, ())}
        return sorted(got, key=lambda r: (r.a, r.b))


def _fill(col: Column, key_actors: list[str], reprints: ReprintIndex) -> None:
    ds = col.digests
    c = col.cells
    c["dates"] = sorted({d.date or "undated" for d in ds})
    c["headlines"] = [d.headline.as_dict() for d in ds if d.headline is not None]
    stances = [d.stance for d in ds if d.stance is not None]
    if stances:
        mean = sum(st[0] for st in stances) / len(stances)
        conf = sum(st[1] for st in stances) / len(stances)
        labels = Counter(st[2] for st in stances)
        c["stance"] = round(float(mean), 3)
        c["stance_label"] = labels.most_common(1)[0][0] if len(labels) == 1 else stance_label(mean)
        c["stance_confidence"] = round(float(conf), 3)
    words = sum(d.words for d in ds)
    own = [t for d in ds for t in d.own]
    c["words"] = words
    c["loaded_per_1000"] = round(1000 * len(own) / words, 2) if words else 0.0
    c["own_terms"] = _counts(Counter(own))
    c["quoted_terms"] = _counts(Counter(t for d in ds for t in d.quoted))
    c["conventional_terms"] = _counts(Counter(t for d in ds for t in d.conventional))
    # how each actor is named, and the loaded words aimed at it
    naming: dict[str, Counter[str]] = {a: Counter() for a in key_actors}
    aimed: dict[str, Counter[str]] = {a: Counter() for a in key_actors}
    for d in ds:
        for a in key_actors:
            naming[a].update(d.naming.get(a, {}))
            aimed[a].update(d.aimed.get(a, {}))
    c["naming"] = {a: _counts(Counter({k: v for k, v in cnt.items() if k}), 4) for a, cnt in naming.items()}
    c["name_only"] = {a: cnt[""] for a, cnt in naming.items() if cnt[""]}  # mentions by the name alone
    c["aimed"] = {a: _counts(cnt, 4) for a, cnt in aimed.items()}
    # whom it quotes, by side, and with which verbs
    by_camp: dict[str, Counter[str]] = defaultdict(Counter)
    cues: Counter[str] = Counter()
    for d in ds:
        for camp, who, cue in d.quotes:
            by_camp[camp][who] += 1
            if cue:
                cues[cue] += 1
    c["quoted_sources"] = {camp: _counts(cnt, 4) for camp, cnt in sorted(by_camp.items())}
    c["attribution_verbs"] = _counts(cues, 6)
    ids = {d.id for d in ds} | set(col.copies)
    c["ids"] = sorted(ids)
    c["articles"] = len(ids)
    c["reprints"] = [{"copy": r.b, "original": r.a, "overlap": round(r.overlap, 3)} for r in reprints.about(ids)]
    c["reprint_of"] = sorted({r for d in ds if (r := d.reprint_of)})


@functools.cache
def _anonymous(language: Language) -> tuple[str, ...]:
    """Parts of words that make a speaker anonymous ("ungenannte Beamte"), of the language."""
    return language.sequence("anonymous_speaker_parts")


_SIDES: dict[tuple[int, Language | None, str], tuple[str, str]] = {}


def _speaker_side(speaker: str, actors: ActorList, language: Language | None = None) -> tuple[str, str]:
    """(side, name) of a speaker in the language (German when None): the camp of the actor it
    names, 'anonymous' or 'other' (remembered per speaker: speakers repeat across a corpus)."""
    key = (id(actors), language, speaker)
    got = _SIDES.get(key)
    if got is None:
        if len(_SIDES) > 100_000:
            _SIDES.clear()
        got = _SIDES[key] = _side_of(speaker, actors, language)
    return got


def _side_of(speaker: str, actors: ActorList, language: Language | None = None) -> tuple[str, str]:
    if not speaker:
        return "unattributed", "–"
    actor = actor_named(speaker, actors, language)
    if actor is not None:
        return actor.camp, actor.name
    low = speaker.lower()
    if any(w in low for w in _anonymous(language or default_language())):
        return "anonymous", speaker
    outlet = media_named(speaker)
    if outlet is not None:
        return "media", outlet
    return "other", speaker


def _sums(ds: Sequence[Digest]) -> tuple[np.ndarray, np.ndarray]:
    """The summed lemma counts of digests as arrays: lemma ids (ascending) and their counts."""
    if not ds:
        return np.zeros(0, dtype=np.int32), np.zeros(0)
    ids, inverse = np.unique(np.concatenate([d.lemma_ids for d in ds]), return_inverse=True)
    return ids, np.bincount(inverse, weights=np.concatenate([d.lemma_counts for d in ds]), minlength=len(ids))


def _counter(ds: Sequence[Digest], lemmas: Vocabulary) -> Counter[str]:
    """The summed lemma counts of digests by lemma."""
    ids, sums = _sums(ds)
    terms = lemmas.terms
    return Counter({terms[i]: int(v) for i, v in zip(ids.tolist(), sums.tolist(), strict=True)})


def _distinctive(cols: Sequence[Column], lemmas: Vocabulary, background: Counter[str] | None) -> None:
    """Each column's distinctive words against the other columns of the event together (total
    minus the column), the prior from `background` (default: the event): lemma counts as
    arrays, words looked up only for the few shown."""
    sums = [_sums(col.digests) for col in cols]
    total_ids, inverse = np.unique(np.concatenate([ids for ids, _ in sums]), return_inverse=True)
    total = np.bincount(inverse, weights=np.concatenate([v for _, v in sums]), minlength=len(total_ids))
    n_total = int(total.sum())
    terms = lemmas.terms
    if background is None:
        bg_total, n_b = total, n_total or 1
    elif isinstance(background, Background) and background.by_id is not None and background.vocab is lemmas:
        bg_total, n_b = background.by_id[total_ids], background.n
    else:
        bg_total = np.array([background[terms[i]] for i in total_ids.tolist()], dtype=np.float64)
        n_b = background.n if isinstance(background, Background) else sum(background.values()) or 1
    for col, (ids, own) in zip(cols, sums, strict=True):
        at = np.searchsorted(total_ids, ids)
        n_own = int(own.sum())
        top = top_log_odds(ids, terms, own, total[at] - own, bg_total[at], n_own, n_total - n_own, n_b)
        col.cells["distinctive"] = [{"term": w, "z": round(z, 2), "delta": round(d, 3), "significant": z >= Z_MIN}
                                    for w, d, z in top]


def compare_event(event: Event, by: str = "outlet", actors: ActorList | None = None,
                  reprints: Sequence[Reprint] | ReprintIndex | None = None, background: Counter[str] | None = None,
                  lemmas: Vocabulary | None = None) -> list[Column]:
    """The columns of one event; its members are Digests (with `lemmas`, their vocabulary) or
    scored articles (digested here). `background` (lemma counts of the whole input) sets the
    prior of the distinctive-word statistic (default: the event itself)."""
    actors = actors or default_actors()
    if lemmas is None:
        lemmas = Vocabulary()
        members = [m if isinstance(m, Digest) else digest(m, actors, lemmas) for m in event.scores]
    else:
        members = list(event.scores)
    if reprints is None:
        reprints = find_reprints(event.scores) if not isinstance(event.scores[0], Digest) else []
    index = reprints if isinstance(reprints, ReprintIndex) else ReprintIndex(reprints)
    if by == "article":
        cols = [Column(f"{d.outlet}: {d.id}", [d]) for d in sorted(members, key=lambda d: (d.outlet, d.id))]
    else:
        by_outlet: dict[str, list[Digest]] = defaultdict(list)
        for d in members:
            by_outlet[d.outlet].append(d)
        cols = [Column(o, sorted(v, key=lambda d: d.id)) for o, v in sorted(by_outlet.items())]
    copy_of = index.copy_of
    for col in cols:
        held = {d.id for d in col.digests}
        col.copies = sorted(d.id for d in col.digests if copy_of.get(d.id) in held)
        col.digests = [d for d in col.digests if d.id not in col.copies]
    mentions: Counter[str] = Counter()
    for d in members:
        mentions.update(d.mentions)
    kind = {a.id: a.kind for a in actors.actors}
    # people first (how a person is named is the sharpest choice), then states and alliances
    key_actors = [a for a, _ in sorted(mentions.items(),
                                       key=lambda kv: (kind.get(kv[0]) != "person", -kv[1], kv[0]))[:ACTOR_ROWS]]
    for col in cols:
        _fill(col, key_actors, index)
    # distinctive words: each column against the other columns of the event, prior from the event
    if len(cols) < 2:
        for col in cols:
            col.cells["distinctive"] = []
    else:
        _distinctive(cols, lemmas, background)
    names = {a.id: a.name for a in actors.actors}
    for col in cols:
        for key in ("naming", "name_only", "aimed"):
            col.cells[key] = {names.get(a, a): v for a, v in col.cells[key].items()}
    return cols


def event_record(e: Event) -> EventRecord:
    """The record of an event (members: scored articles or digests)."""
    return EventRecord(id=e.id, label=e.label, first=e.first, last=e.last, dates=e.dates, explicit=e.explicit,
                       terms=tuple(e.terms), outlets=tuple(e.outlets), articles=tuple(e.ids))


def _terms(cells: Iterable[dict[str, Any]]) -> tuple[Term, ...]:
    return tuple(Term(str(x["term"]), int(x["count"])) for x in cells)


def column_record(col: Column) -> ComparisonColumn:
    """The record of a column: its cells as typed data."""
    c = col.cells
    return ComparisonColumn(
        name=col.name, articles=c["articles"], dates=tuple(c["dates"]), ids=tuple(c["ids"]),
        headlines=tuple(Headline(h["id"], h["text"], tuple(Mark(**m) for m in h["marks"])) for h in c["headlines"]),
        stance=c.get("stance"), stance_label=c.get("stance_label"), stance_confidence=c.get("stance_confidence"),
        words=c["words"], loaded_per_1000=c["loaded_per_1000"], own_terms=_terms(c["own_terms"]),
        quoted_terms=_terms(c["quoted_terms"]), conventional_terms=_terms(c["conventional_terms"]),
        naming={a: _terms(v) for a, v in c["naming"].items()},
        name_only=dict(c["name_only"]), aimed={a: _terms(v) for a, v in c["aimed"].items()},
        quoted_sources={k: _terms(v) for k, v in c["quoted_sources"].items()},
        attribution_verbs=_terms(c["attribution_verbs"]),
        distinctive=tuple(Distinctive(d["term"], d["z"], d["delta"], d["significant"]) for d in c["distinctive"]),
        reprints=tuple(ReprintRecord(r["original"], r["copy"], r["overlap"]) for r in c["reprints"]),
        reprint_of=tuple(c["reprint_of"]))


def event_comparison(e: Event, cols: Sequence[Column]) -> EventComparison:
    """One event's comparison as a record (what the renderer and the API hand out)."""
    return EventComparison(event_record(e), tuple(column_record(c) for c in cols))


@dataclass
class Collected:
    """Compact records of a whole input, gathered while the scores stream past."""

    features: list[Features] = field(default_factory=list)
    digests: list[Digest] = field(default_factory=list)  # empty when only events are wanted
    vocab: Vocabulary = field(default_factory=Vocabulary)  # event terms
    lemmas: Vocabulary = field(default_factory=Vocabulary)  # lemmas of the distinctive words
    keys: list[tuple[str, str, str]] = field(default_factory=list)  # (date, id, source) for reprints
    signatures: list[np.ndarray] = field(default_factory=list)
    sizes: list[int] = field(default_factory=list)

    def reprints(self) -> list[Reprint]:
        return reprint_groups(self.keys, self.signatures, self.sizes)

    def background(self, reprints: Sequence[Reprint]) -> Background:
        """Lemma counts of the input, each text once (copies left out)."""
        copies = {r.b for r in reprints}
        total = np.zeros(len(self.lemmas.terms))
        for d in self.digests:
            if d.id not in copies:
                np.add.at(total, d.lemma_ids, d.lemma_counts)
        terms = self.lemmas.terms
        out = Background({terms[i]: int(total[i]) for i in np.flatnonzero(total).tolist()})
        out.n = sum(out.values()) or 1
        out.by_id, out.vocab = total, self.lemmas
        return out


def _freeze(n: int) -> None:
    if n % FREEZE_EVERY == 0:
        # the records gathered so far live until the end: out of the collector's sight, so
        # its collections do not scan them again and again (they grow with the input)
        gc.collect()
        gc.freeze()


def collect(scores: Iterable[ArticleScore], actors: ActorList | None = None) -> Collected:
    """Event features, MinHash signatures and comparison digests of scored articles, each
    score dropped once read: memory grows by a few kB per article."""
    actors = actors or default_actors()
    c = Collected()
    for n, s in enumerate(scores, 1):
        _freeze(n)
        a = s.analysed.article
        counts: Counter[str] = Counter()
        c.features.append(features_of(s, c.vocab, actors, counts))
        sig, size = minhash(word_hashes(s.analysed.doc))
        c.keys.append((a.date or "9999", a.id, a.source))
        c.signatures.append(sig)
        c.sizes.append(size)
        c.digests.append(digest(s, actors, c.lemmas, counts))
    return c


def collect_features(articles: Iterable[Article], actors: ActorList | None = None,
                     language: Language | None = None) -> Collected:
    """Event features only (what `framing events` needs): each article is tokenised and
    reduced to its features; no quotation spans, loaded words, stance or reprints, which the
    grouping does not use."""
    actors = actors or default_actors()
    c = Collected()
    for n, a in enumerate(articles, 1):
        _freeze(n)
        c.features.append(article_features(a, tokenize(a.text, language), c.vocab, actors))
    return c

"""The public API: `import framing`, then read, score, group into events, compare, explain.

    import framing

    for rec in framing.score(framing.read("seeds/")):
        print(rec.id, rec.loaded_per_1000, [t.term for t in rec.top_terms])

    framing.score_frame(df)  # a pandas DataFrame in (column `text`), one row per article out

Every function takes a `framing.Settings` (None: the defaults) and returns typed records from
`framing.records`. Articles stream: `read` and `score` are iterators, so an archive of any size
goes through in bounded memory. The lexicon, stance model and actor list a `Settings` names are
loaded once and kept for later calls with equal settings.

pandas is optional (`pip install "framing[pandas]"`): it is imported only by `score_frame`, and a
DataFrame passed to `read` is recognised without importing pandas.
"""

from __future__ import annotations

import os
import sys
import warnings
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from framing.actors import ActorList, default_actors, parse_actors
from framing.articles import _HEADER_RE, Article, Meta, build_article  # the .txt header rule itself
from framing.classroom import article_view, report_events
from framing.compare import (
    ReprintIndex,
    collect,
    collect_features,
    compare_event,
    event_comparison,
    event_record,
    group_events,
)
from framing.errors import FramingError, InputError, LexiconError
from framing.events import Event, GroupingReport, evaluate_grouping, events_of, load_event_gold, reading_order
from framing.languages import get_language
from framing.lexicon import Lexicon, default_lexicon, load_lexicon, shipped_axes
from framing.matching import Matcher
from framing.readers import Admitted, Problem, ReadOptions, admit, read_articles, run_language
from framing.records import (
    Comparison,
    EventComparison,
    EventRecord,
    EvidenceRecord,
    Explanation,
    HitRecord,
    ScoreRecord,
    StanceRecord,
    Term,
)
from framing.scoring import ArticleScore
from framing.scoring_batches import score_articles
from framing.settings import Settings, SettingsError, resolve
from framing.stance import StanceModel, default_model, load_model, on_axis
from framing.targets import direction
from framing.textlayer import analyse

if TYPE_CHECKING:
    import pandas

__all__ = [
    "FRAME_COLUMNS",
    "ReadWarning",
    "compare",
    "events",
    "explain",
    "frame_columns",
    "lexicon_for",
    "read",
    "score",
    "score_frame",
]

Source = Any  # a path, a list of paths/dicts/Articles, a dict, a pandas DataFrame (see `read`)

# score_frame: these columns first, then one column per lexicon category (own-voice counts)
FRAME_COLUMNS = ("id", "outlet", "date", "title", "words", "stance", "stance_label", "stance_confidence",
                 "loaded_count", "loaded_per_1000", "intensity", "quoted_loaded_count")


class ReadWarning(UserWarning):
    """An input (file, row, record) that was skipped or changed while reading; the message
    names it and says what to do."""


class LexiconNote(UserWarning):
    """A note about the lexicon (e.g. an entry of an extra list that replaces a shipped one)."""


class ModelNote(UserWarning):
    """A note about the stance model (e.g. retrained in memory for the installed scikit-learn)."""


# --- reading ---------------------------------------------------------------------------------


def _is_dataframe(x: object) -> bool:
    pd = sys.modules.get("pandas")  # a DataFrame exists only if pandas was imported: never import it here
    return pd is not None and isinstance(x, pd.DataFrame)


def _missing(v: object) -> bool:
    if v is None:
        return True
    try:
        return bool(v != v)  # NaN, pandas NaT
    except (TypeError, ValueError):
        return True  # pandas NA: its truth value is undefined


def _cell(v: object) -> str | None:
    """A record's value as text (None when missing); dates as ISO dates."""
    if _missing(v):
        return None
    if isinstance(v, datetime):
        return v.date().isoformat() if (v.hour, v.minute, v.second, v.microsecond) == (0, 0, 0, 0) else v.isoformat()
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, float) and v.is_integer():
        return str(int(v))  # an id column pandas read as floats
    text = str(v).strip()
    return text or None


def article_from_record(rec: Mapping[str, object], where: str, fallback_id: str,
                        opts: ReadOptions) -> Article | Problem:
    """An article from one record (dict, DataFrame row), read as the same text in a .txt file
    would be: a title is scored as the headline, exactly as the first line of a .txt file is."""
    raw = _cell(rec.get(opts.text_column))
    if raw is None:
        return Problem(where, f"no text in '{opts.text_column}'; record skipped "
                       "(name the text column with Settings(text_column=…))")
    meta = Meta(id=_cell(rec.get(opts.id_column)), outlet=_cell(rec.get(opts.outlet_column)),
                date=_cell(rec.get(opts.date_column)), title=_cell(rec.get(opts.title_column)),
                url=_cell(rec.get(opts.url_column)), event=_cell(rec.get(opts.event_column)))
    # read like a .txt file: a title first (a title the text repeats is kept once); without one, a
    # header line ("date 2024-06 Title") or a short first line before a blank line is the headline
    # (a text of one line is no headline unless it has the header or a title is given)
    if meta.title:
        return build_article(f"{meta.title}\n\n{raw}", id=meta.id or fallback_id, source=where, meta=meta,
                             language=run_language(opts))
    header = sum(1 for line in raw.splitlines() if line.strip()) > 1 or _HEADER_RE.match(raw) is not None
    return build_article(raw, id=meta.id or fallback_id, source=where, meta=meta, parse_header=header,
                         language=run_language(opts))


def _frame_records(df: Any, opts: ReadOptions) -> Iterator[tuple[Article | Problem, bool]]:
    columns = [str(c) for c in df.columns]
    for idx, values in zip(df.index, df.itertuples(index=False, name=None), strict=True):
        yield article_from_record(dict(zip(columns, values, strict=True)), f"DataFrame row {idx}", str(idx),
                                  opts), False


def _items(source: Source, opts: ReadOptions) -> Iterator[tuple[Article | Problem, bool]]:
    """Articles and problems from any source `read` takes, in order, each with whether its
    language was checked already (articles read from paths); a source of the wrong type, or a
    DataFrame without the text column, raises InputError at once."""
    if _is_dataframe(source):
        columns = [str(c) for c in source.columns]
        if opts.text_column not in columns:
            raise InputError(f"the DataFrame has no '{opts.text_column}' column (found: {', '.join(columns[:8])}); "
                             "name the text column with Settings(text_column=…)")
        return _frame_records(source, opts)
    if isinstance(source, str | os.PathLike | Mapping | Article):
        source = [source]
    elif not isinstance(source, Iterable):
        raise InputError(f"cannot read a {type(source).__name__}: give paths, dicts with a "
                         f"'{opts.text_column}' key, Articles or a pandas DataFrame")
    return _list_items(source, opts)


def _list_items(source: Iterable[Any], opts: ReadOptions) -> Iterator[tuple[Article | Problem, bool]]:
    for n, item in enumerate(source, start=1):
        if isinstance(item, Article):
            yield item, False
        elif isinstance(item, Mapping):
            yield article_from_record(item, f"record {n}", f"record-{n}", opts), False
        elif isinstance(item, str | os.PathLike):
            result = read_articles([os.fspath(item)], opts)  # admitted there: language checked
            yield from ((p, True) for p in result.problems)
            yield from ((a, True) for a in result.articles)
        else:
            kind = type(item).__name__
            yield Problem(f"item {n}", f"a {kind} is neither a path, a dict nor an Article; skipped"), False


def read(source: Source, settings: Settings | None = None) -> Iterator[Article]:
    """The articles of `source`, as an iterator (a stream: nothing is read before it is asked for).

    source: a path (a .txt, .csv, .jsonl/.json or .html file, or a folder, as on the command
    line), a list of paths, a dict or list of dicts with a `text` key and optional `id`,
    `outlet`, `date`, `title`, `url`, `event`, a pandas DataFrame with such columns, or Articles.
    The column names are `settings`' (`text_column`, …). A title is scored as the headline.
    Inputs that cannot be read are skipped with a `ReadWarning` naming file and line or row;
    if nothing at all could be read, `InputError`. Ids are made unique ("a", "a-2").
    """
    if isinstance(source, Admitted):  # the command line's stream: admitted once, as it was read
        return iter(source)
    opts = resolve(settings).read_options()
    lang = get_language(opts.language)
    items = _items(source, opts)  # raises at once for a source of the wrong type

    def stream() -> Iterator[Article]:
        seen: dict[str, str] = {}
        problems = 0
        for item, checked in items:
            if isinstance(item, Problem):
                problems += 1
                warnings.warn(str(item), ReadWarning, stacklevel=3)
                continue
            # ids made unique (across all paths), text in another language marked (framing.readers)
            for x in admit(item, seen, lang, checked=checked):
                if isinstance(x, Problem):
                    warnings.warn(str(x), ReadWarning, stacklevel=3)
                else:
                    yield x
        if problems and not seen:
            raise InputError(f"no article could be read ({problems} input{'s' if problems > 1 else ''} skipped; "
                             "see the warnings)")

    return stream()


# --- what a Settings loads (once per distinct Settings) ----------------------------------------


@lru_cache(maxsize=8)
def _lexicon(s: Settings) -> Lexicon:
    language = get_language(s.language)  # the run's language, resolved once: the lexicon carries it on
    if s.lexicon_dir or s.extra_lexicons or s.packs:
        lex = load_lexicon(s.lexicon_dir, s.extra_lexicons, extra_packs=s.packs, language=language)
        for note in lex.notes:
            warnings.warn(note, LexiconNote, stacklevel=4)
    else:
        lex = default_lexicon(language)
    if s.axis is not None and s.axis != lex.axis:
        if s.axis not in shipped_axes():
            raise SettingsError(f"lexicons/axes.toml: no axis '{s.axis}'; defined: {', '.join(shipped_axes())}")
        lex = on_axis(lex, s.axis)  # scored on another shipped axis
    return lex


@lru_cache(maxsize=8)
def _matcher(s: Settings) -> Matcher:
    return Matcher(_lexicon(s))


@lru_cache(maxsize=8)
def _model(s: Settings) -> StanceModel | None:
    if not s.stance:
        return None
    matcher = _matcher(s)
    model = load_model(s.model, matcher) if s.model else default_model(matcher)
    for note in model.notes:
        warnings.warn(note, ModelNote, stacklevel=4)
    return model


@lru_cache(maxsize=8)
def _actors(s: Settings) -> ActorList:
    if s.actors is None:
        return default_actors()
    try:
        text = Path(s.actors).read_text(encoding="utf-8-sig")
    except OSError as e:
        raise LexiconError(f"{s.actors}: cannot read ({e.strerror or e}); check the path") from None
    return parse_actors(text, s.actors)


def prepare(settings: Settings | None = None) -> None:
    """Load now what the settings name (lexicon, stance model unless stance=False, actors), so
    a broken lexicon or model fails before any input is read; later calls reuse them."""
    s = resolve(settings)
    _matcher(s)
    _actors(s)
    if s.stance:
        _model(s)


def lexicon_for(settings: Settings | None = None) -> Lexicon:
    """The lexicon the settings name (shipped, a folder, plus extra lists)."""
    return _lexicon(resolve(settings))


# --- scoring ---------------------------------------------------------------------------------


def _terms(pairs: Iterable[tuple[str, int]]) -> tuple[Term, ...]:
    return tuple(Term(t, c) for t, c in pairs)


def _hit_records(sc: ArticleScore) -> tuple[HitRecord, ...]:
    out = []
    for i, h in enumerate(sc.hits):
        e = h.entry
        t = sc.targets.get(i)
        aimed = None if t is None else (t.actor.name if t.actor is not None else t.note)
        out.append(HitRecord(
            term=h.surface, lemma=h.lemma, category=e.category, leaning=e.leaning, voice=h.voice, speaker=h.speaker,
            sentence=h.sentence, start=h.start, end=h.end, entry=e.id, lexicon_term=e.term, weight=e.weight,
            part=h.part, match=h.how, contested=e.contested, neutral=tuple(e.neutral), explanation=e.explanation,
            aimed_at=aimed, direction=None if t is None else direction(t.sign, sc.poles)))
    return tuple(out)


def _stance_record(sc: ArticleScore) -> StanceRecord | None:
    """The stance with the rounding every output shows (3 decimals, as Stance.record)."""
    st = sc.stance
    if st is None:
        return None
    evidence = tuple(EvidenceRecord(e.sentence, e.text, round(e.contribution, 3), round(e.p_critical, 3),
                                    round(e.p_aligned, 3), tuple(e.terms), tuple(e.classifier_words))
                     for e in st.evidence)
    return StanceRecord(axis=st.axis, score=None if st.score is None else round(st.score, 3), label=st.label,
                        confidence=round(st.confidence, 3), classifier=round(st.classifier, 3),
                        lexicon=round(st.lexicon, 3), sourcing=round(st.sourcing, 3), evidence=evidence,
                        model_version=sc.model_version)


def score_record(sc: ArticleScore) -> ScoreRecord:
    """The record of an internal score: the same figures as `framing score --format json`,
    without the token layer and with terms as `Term`s."""
    a = sc.analysed.article
    own, quoted = sc.own, sc.quoted
    return ScoreRecord(
        id=a.id, outlet=a.outlet, outlet_inferred=a.outlet_inferred, date=a.date, title=a.title, url=a.url,
        source=a.source, reprint_of=a.reprint_of, words=sc.words, loaded_per_1000=sc.loaded_per_1000,
        intensity=sc.intensity, own_hits=len(own), quoted_hits=len(quoted),
        by_category=dict(sorted(Counter(h.entry.category for h in own).items())),
        by_leaning=dict(sorted(Counter(h.entry.leaning for h in own).items())),
        quoted_by_category=dict(sorted(Counter(h.entry.category for h in quoted).items())),
        top_terms=_terms(sc.top_terms(own)), quoted_terms=_terms(sc.top_terms(quoted)),
        lexicon_version=sc.lexicon_version, stance=_stance_record(sc), hits=_hit_records(sc))


def _scores(source: Source, s: Settings, with_stance: bool) -> Iterator[ArticleScore]:
    matcher = _matcher(s)  # loaded now: a bad lexicon or model fails at the call, not at the first article
    model = _model(s) if with_stance else None
    return score_articles(read(source, s), matcher, model)


def score(articles: Source, settings: Settings | None = None) -> Iterator[ScoreRecord]:
    """Score articles (an iterator of Articles, or anything `read` takes): an iterator of
    `ScoreRecord`s in input order, streaming (the stance model runs on batches of articles)."""
    s = resolve(settings)
    return (score_record(sc) for sc in _scores(articles, s, with_stance=s.stance))


def frame_columns(settings: Settings | None = None) -> tuple[str, ...]:
    """The columns of `score_frame`: FRAME_COLUMNS, then the lexicon's categories."""
    return (*FRAME_COLUMNS, *lexicon_for(settings).categories)


def frame_row(rec: ScoreRecord, categories: Iterable[str]) -> dict[str, object]:
    st = rec.stance
    return {"id": rec.id, "outlet": rec.outlet, "date": rec.date, "title": rec.title, "words": rec.words,
            "stance": None if st is None else st.score, "stance_label": None if st is None else st.label,
            "stance_confidence": None if st is None else st.confidence, "loaded_count": rec.own_hits,
            "loaded_per_1000": rec.loaded_per_1000, "intensity": rec.intensity,
            "quoted_loaded_count": rec.quoted_hits, **{c: rec.by_category.get(c, 0) for c in categories}}


def _pandas() -> Any:
    try:
        import pandas as pd
    except ImportError:
        raise ImportError('framing.score_frame needs pandas: pip install "framing[pandas]"') from None
    return pd


def score_frame(source: Source, settings: Settings | None = None) -> pandas.DataFrame:
    """Score a DataFrame (column `text`, optional `id, outlet, date, title, url`; or anything
    `read` takes) into a DataFrame with one row per article and the columns `frame_columns()`:
    id, outlet, date, title, words, stance, stance_label, stance_confidence, loaded_count (own
    voice), loaded_per_1000, intensity, quoted_loaded_count, then own-voice hits per lexicon
    category. Stance columns are empty with Settings(stance=False)."""
    pd = _pandas()
    s = resolve(settings)
    cols = frame_columns(s)
    cats = cols[len(FRAME_COLUMNS):]
    return pd.DataFrame([frame_row(r, cats) for r in score(source, s)], columns=list(cols))


# --- events and comparison -------------------------------------------------------------------


def _event_groups(source: Source, s: Settings) -> list[Event]:
    actors = _actors(s)
    matcher = _matcher(s)  # loaded all the same: a broken lexicon option fails here as for every command
    got = collect_features(read(source, s), actors=actors, language=matcher.language)
    return events_of(got.features, got.features, got.vocab, window_days=s.window_days, actors=actors)


def events(source: Source, settings: Settings | None = None) -> tuple[EventRecord, ...]:
    """Group articles into events (same dates within `window_days`, similar words and actors;
    an `event` column wins), as `framing events` does; from compact per-article features."""
    return tuple(event_record(e) for e in _event_groups(source, resolve(settings)))


def evaluate_events(source: Source, gold: str | os.PathLike[str], settings: Settings | None = None) -> GroupingReport:
    """The events of `source` against true events (CSV `gold` with columns id, event): adjusted
    Rand index, homogeneity, completeness, V-measure, true events split and merged."""
    return evaluate_grouping(_event_groups(source, resolve(settings)), load_event_gold(os.fspath(gold)))


def comparison(source: Source, settings: Settings | None = None, event: str | None = None
               ) -> Iterator[EventComparison]:
    """The comparison of each event (or only `event`), in reading order (events several
    outlets cover first), from compact per-article records: memory grows by a few kB per
    article, not by its token layer."""
    s = resolve(settings)
    actors = _actors(s)
    matcher = _matcher(s)
    model = _model(s) if s.stance else None
    got = collect(score_articles(read(source, s), matcher, model), actors=actors)
    evs = events_of(got.digests, got.features, got.vocab, window_days=s.window_days, actors=actors)
    if event is not None:
        evs = [e for e in evs if e.id == event]
        if not evs:
            ids = ", ".join(e.id for e in events_of(got.digests, got.features, got.vocab,
                                                    window_days=s.window_days, actors=actors))
            raise FramingError(f"no event '{event}'; the events are {ids} (see `framing events`)")
    reprints = got.reprints()
    background = got.background(reprints)  # a text carried by many sites counts once
    index = ReprintIndex(reprints)
    for e in reading_order(evs):
        yield event_comparison(e, compare_event(e, by=s.by, actors=actors, reprints=index, background=background,
                                                lemmas=got.lemmas))


def compare(source: Source, settings: Settings | None = None, event: str | None = None) -> Comparison:
    """How outlets (or, with Settings(by="article"), articles) cover the same events, side by
    side, for every event or only `event` (an id from `events`). Data only: render it with
    `framing.render.compare` or `as_dict()`."""
    s = resolve(settings)
    return Comparison(s.by, tuple(comparison(source, s, event)))


# --- the command line's records (JSON-ready dicts, as `framing … --format json` prints them) ---


def article_records(source: Source, settings: Settings | None = None) -> Iterator[dict[str, Any]]:
    """What `framing articles` lists of each article: metadata, counts, parts, removed lines
    and the text every offset (parts, quotations, hits) points into."""
    language = get_language(resolve(settings).language)
    for a in read(source, settings):
        an = analyse(a, language)
        yield {
            "id": a.id, "outlet": a.outlet, "outlet_inferred": a.outlet_inferred, "outlet_evidence": a.outlet_evidence,
            "date": a.date, "title": a.title, "words": an.doc.words, "sentences": len(an.doc.sentences),
            "quotes": sum(1 for q in an.quotes if q.kind in ("direct", "scare")), "removed": len(a.removed),
            "reprint_of": a.reprint_of, "author": a.author, "url": a.url, "source": a.source,
            "parts": [{"kind": p.kind, "start": p.start, "end": p.end} for p in a.parts],
            "text": a.text,
            "removed_lines": [{"line": r.line, "rule": r.rule, "text": r.text} for r in a.removed],
        }


def removed_lines(source: Source, settings: Settings | None = None) -> Iterator[dict[str, Any]]:
    """The boilerplate lines taken out of each article (id, line, rule, text)."""
    for a in read(source, settings):
        yield from ({"id": a.id, "line": r.line, "rule": r.rule, "text": r.text} for r in a.removed)


def quotations(source: Source, settings: Settings | None = None, kinds: Iterable[str] | None = None
               ) -> Iterator[dict[str, Any]]:
    """Every quotation span (direct, reported, scare, title; only `kinds` when given) with its
    speaker and cue; start and end are offsets into the article text, `text` is that slice."""
    wanted = set(kinds or ())
    language = get_language(resolve(settings).language)
    for a in read(source, settings):
        for q in analyse(a, language).quotes:
            if not wanted or q.kind in wanted:
                yield {"id": a.id, "kind": q.kind, "speaker": q.speaker, "cue": q.cue,
                       "start": q.start, "end": q.end, "sentence": q.sentence, "text": q.text}


def score_records(source: Source, settings: Settings | None = None) -> Iterator[dict[str, Any]]:
    """The full score record of each article as `framing score --format json` prints it: every
    hit with voice, target and offsets, the stance with its evidence and signals."""
    s = resolve(settings)
    return (sc.record() for sc in _scores(source, s, with_stance=s.stance))


def views(source: Source, settings: Settings | None = None) -> Iterator[dict[str, Any]]:
    """The classroom view of each article (framing.classroom.article_view): the text, its
    marked segments, every flag with sentence, reason, neutral wording and target, the stance
    with evidence, whom it quotes; what `framing explain` renders."""
    s = resolve(settings)
    return (article_view(sc) for sc in _scores(source, s, with_stance=s.stance))


def report(source: Source, settings: Settings | None = None, lang: str = "en") -> list[dict[str, Any]]:
    """The events of a class report (framing.classroom.report_events), multi-outlet events
    first; keeps the full scores (a class report shows every article's text)."""
    s = resolve(settings)
    scores = list(_scores(source, s, with_stance=s.stance))
    return report_events(scores, group_events(scores, window_days=s.window_days, actors=_actors(s)), lang)


# --- explanation -----------------------------------------------------------------------------


def explain(item: Article | ScoreRecord, settings: Settings | None = None) -> Explanation:
    """A reader's view of one article (scored with `settings`) or of a score record: the stance
    with the sentences that carry it, the own-voice loaded words (why loaded, aimed at whom,
    neutral wording) and those of quoted speakers."""
    if isinstance(item, Article):
        item = next(score([item], settings))
    if not isinstance(item, ScoreRecord):
        raise InputError(f"explain takes an Article or a ScoreRecord, not a {type(item).__name__}")
    return Explanation(id=item.id, outlet=item.outlet, date=item.date, title=item.title, words=item.words,
                       loaded_per_1000=item.loaded_per_1000, stance=item.stance, own=item.own, quoted=item.quoted)


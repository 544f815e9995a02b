"""Archive-scale export: every article's scores as one table row, streamed, on one core or many.

`framing export PATHS... -o FILE` reads the inputs row by row, scores them in chunks (in this
process, in a pool of worker processes, or on a Dask cluster) and writes the rows in input order
while the input is still being read; memory holds a few chunks, not the corpus.

Schema (schema_version 1), one row per article, columns in this order:

    id, outlet, date, title, url         the article as read (empty when unknown)
    words, sentences                     counts of the text layer
    stance                               -1 critical … +1 aligned on the axis (empty without
                                         a model or when evidence is insufficient)
    stance_label, stance_axis            critical / neutral / aligned / insufficient evidence;
                                         the lexicon's axis
    stance_confidence                    0 … 1
    loaded_count                         loaded words in the outlet's own voice (incl. scare quotes)
    loaded_per_1000                      loaded_count per 1,000 words
    quoted_loaded_count                  loaded words inside quotations and reported speech
    cat_<category>                       own-voice loaded words per lexicon category, one column
                                         per category of the lexicon's manifest ("-" becomes "_")
    event, event_label                   only with --events: the event id (E1, E2, …) and its label
    lexicon_version, model_version,      what produced the row (model_version empty without a model)
    framing_version, schema_version

`--hits FILE` writes one row per loaded word found (own voice and quoted):

    article_id, term, lemma, category, leaning, register, voice, speaker, target, sentence, start, end

    term is the text as written, start/end its character offsets in the scored text, sentence
    its sentence index; voice is outlet, scare-quote, quote or reported; speaker who is quoted;
    target the actor an aimed word is aimed at; register is empty while the lexicon has none.

A new column is added only with a new schema_version; columns are never renamed or reordered
within one version. Numbers are written as numbers (CSV: `12.5`; `--excel`: `12,5`), text cells
that a spreadsheet would run as a formula get a leading apostrophe (framing.output.csv_safe).
"""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import json
import os
import signal
import stat
import sys
import tempfile
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, Any

from framing import __version__
from framing.articles import Article
from framing.errors import FramingError, InputError
from framing.languages import DEFAULT as DEFAULT_LANGUAGE
from framing.readers import Problem, ReadOptions, ReadResult, iter_articles
from framing.render.rows import csv_header, csv_row, json_line

SCHEMA_VERSION = "1"
FORMATS = ("csv", "jsonl", "parquet")
ENGINES = ("local", "dask")
CHUNK = 64  # articles per task: the stance classifier runs once per chunk
MAX_CHARS = 2_000_000  # an article longer than this (≈ 300,000 words) is skipped with an error
# content lemmas kept per article for --events; None keeps all, which groups exactly as
# `framing events` (on the dev set a cap of 48 changed the grouping: ARI 0.66 against it)
EXIT_ERRORS = 3  # the export finished, but some records could not be exported
EXIT_INTERRUPTED = 130

HEAD_COLUMNS = ("id", "outlet", "date", "title", "url", "words", "sentences", "stance", "stance_label",
                "stance_axis", "stance_confidence", "loaded_count", "loaded_per_1000", "quoted_loaded_count")
EVENT_COLUMNS = ("event", "event_label")
TAIL_COLUMNS = ("lexicon_version", "model_version", "framing_version", "schema_version")
HIT_COLUMNS = ("article_id", "term", "lemma", "category", "leaning", "register", "voice", "speaker", "target",
               "sentence", "start", "end")
ERROR_COLUMNS = ("file", "row", "reason")
INT_COLUMNS = frozenset({"words", "sentences", "loaded_count", "quoted_loaded_count", "sentence", "start", "end"})
FLOAT_COLUMNS = frozenset({"stance", "stance_confidence", "loaded_per_1000"})


class ExportInterrupted(FramingError):
    """Ctrl-C: what was completely written is kept for --resume."""


def category_column(category: str) -> str:
    return "cat_" + category.replace("-", "_")


def article_columns(categories: Iterable[str], events: bool = False) -> list[str]:
    """The article table's columns (see the module docstring)."""
    return [*HEAD_COLUMNS, *(category_column(c) for c in categories), *(EVENT_COLUMNS if events else ()),
            *TAIL_COLUMNS]


# --- scoring (the same function on every engine) ---------------------------------------------


@dataclass(frozen=True)
class ScoringConfig:
    """What a worker needs to load once: lexicon, model, and whether to keep event features;
    `language`: the code of the texts' language (Settings.language), whose lexicon and model it is;
    `packs` and `axis` as in Settings."""

    lexicon_dir: str | None = None
    extra_lexicons: tuple[str, ...] = ()
    model_path: str | None = None
    stance: bool = True
    events: bool = False
    nested_hits: bool = False
    language: str = DEFAULT_LANGUAGE
    packs: tuple[str, ...] = ()
    axis: str | None = None


@dataclass(slots=True)
class Scored:
    """One article's output: its row, its hit rows, its event features; or the problem."""

    source: str
    row: dict[str, Any] | None = None
    hits: list[dict[str, Any]] = field(default_factory=list)
    features: dict[str, Any] | None = None
    problem: Problem | None = None


class Scorer:
    """Lexicon, matcher and model, loaded once per process (`scorer_for`)."""

    def __init__(self, cfg: ScoringConfig, notes: Callable[[str], None] | None = None) -> None:
        from framing.languages import get_language
        from framing.lexicon import default_lexicon, load_lexicon, shipped_axes
        from framing.matching import Matcher
        from framing.stance import default_model, load_model, on_axis

        self.cfg = cfg
        language = get_language(cfg.language)
        if cfg.lexicon_dir is None and not cfg.extra_lexicons and not cfg.packs:
            self.lexicon = default_lexicon(language)
        else:
            self.lexicon = load_lexicon(cfg.lexicon_dir, cfg.extra_lexicons, extra_packs=cfg.packs, language=language)
        if cfg.axis is not None and cfg.axis != self.lexicon.axis:  # as framing.api does
            if cfg.axis not in shipped_axes():
                raise InputError(f"lexicons/axes.toml: no axis '{cfg.axis}'; defined: {', '.join(shipped_axes())}")
            self.lexicon = on_axis(self.lexicon, cfg.axis)
        self.matcher = Matcher(self.lexicon)
        self.model = None
        if cfg.stance:
            self.model = load_model(cfg.model_path, self.matcher) if cfg.model_path else default_model(self.matcher)
            for note in self.model.notes if notes else ():
                notes(note)  # type: ignore[misc]
        self.categories = tuple(self.lexicon.categories)
        self.actors = None
        if cfg.events:
            from framing.actors import default_actors

            self.actors = default_actors()

    def score(self, articles: Sequence[Article]) -> list[Scored]:
        """Scores of a chunk in input order; an article that fails is a problem, the rest go on.

        The cyclic garbage collector stays paused until the chunk's documents are turned into
        rows and released (framing.scoring_batches pauses it only while a batch is scored): a
        collection right after that pause scanned all of the chunk's token columns, ≈ 0.1 ms
        per article for nothing (reference counting frees them)."""
        from framing.scoring_batches import gc_paused

        with gc_paused():
            return self._score(articles)

    def _score(self, articles: Sequence[Article]) -> list[Scored]:
        from framing.scoring_batches import score_articles

        try:
            scores = list(score_articles(articles, self.matcher, self.model, batch=max(1, len(articles))))
        except Exception:  # find the article that fails; score the others one by one
            if len(articles) == 1:
                raise
            out = []
            for a in articles:
                try:
                    out += self._score([a])
                except Exception as e:  # a bug shown on one record, not the end of the run
                    out.append(Scored(a.source, problem=Problem(a.source, f"could not be scored "
                                                                f"({type(e).__name__}: {e}); row skipped")))
            return out
        return [self._scored(s) for s in scores]

    def _scored(self, s: Any) -> Scored:
        a = s.analysed.article
        own = s.own
        st = s.stance
        by_cat = Counter(h.entry.category for h in own)
        row: dict[str, Any] = {
            "id": a.id, "outlet": a.outlet, "date": a.date, "title": a.title, "url": a.url,
            "words": s.words, "sentences": len(s.analysed.doc.sentences),
            "stance": None if st is None or st.score is None else round(st.score, 3),
            "stance_label": st.label if st else None, "stance_axis": st.axis if st else None,
            "stance_confidence": round(st.confidence, 3) if st else None,
            "loaded_count": len(own), "loaded_per_1000": round(s.loaded_per_1000, 3),
            "quoted_loaded_count": len(s.quoted),
        }
        for c in self.categories:
            row[category_column(c)] = by_cat.get(c, 0)
        row |= {"lexicon_version": s.lexicon_version, "model_version": s.model_version or None,
                "framing_version": __version__, "schema_version": SCHEMA_VERSION}
        hits = []
        for i, h in enumerate(s.hits):
            e = h.entry
            t = s.targets.get(i)
            target = "" if t is None else (t.actor.name if t.actor is not None else t.note)
            hits.append({"article_id": a.id, "term": h.surface, "lemma": h.lemma, "category": e.category,
                         "leaning": e.leaning, "register": getattr(e, "register", "") or "", "voice": h.voice,
                         "speaker": h.speaker or "", "target": target, "sentence": h.sentence,
                         "start": h.start, "end": h.end})
        features = event_features(s, self.actors) if self.actors is not None else None
        return Scored(a.source, row, hits, features)


def _lexicon_only(cfg: ScoringConfig) -> ScoringConfig:
    """What loads the lexicon of `cfg` (its categories) and nothing else."""
    return ScoringConfig(cfg.lexicon_dir, cfg.extra_lexicons, stance=False, language=cfg.language, packs=cfg.packs,
                         axis=cfg.axis)


_SCORERS: dict[ScoringConfig, Scorer] = {}


def scorer_for(cfg: ScoringConfig) -> Scorer:
    """This process's scorer for `cfg`, loaded on first use (a pool or Dask worker loads once)."""
    if cfg not in _SCORERS:
        _SCORERS[cfg] = Scorer(cfg)
        gc.freeze()  # lexicon, lemma tables and model live all run: out of the collector's sight
    return _SCORERS[cfg]


def score_chunk(cfg: ScoringConfig, articles: Sequence[Article]) -> list[Scored]:
    """The scoring function every engine runs (local, pool worker, Dask, Spark)."""
    return scorer_for(cfg).score(articles)


def _init_worker(cfg: ScoringConfig) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is handled once, by the parent
    scorer_for(cfg)


# --- events: a second pass over compact per-article features ---------------------------------


def event_features(s: Any, actors: Any) -> dict[str, Any]:
    """What event grouping (framing.events) needs of an article, as a small JSON-ready dict:
    metadata, the days it can be about, and the terms that identify its event with their counts
    and how each is shown (framing.events.content_terms)."""
    from framing.events import UNKNOWN_OUTLET, content_terms, dates_named, reported_span, type_counts

    a = s.analysed.article
    head = next((p for p in a.parts if p.kind == "headline"), None)
    named = dates_named(a.text, a.date, type_counts(s.analysed.doc), s.analysed.doc.language)
    counts, shown = content_terms(s.analysed.doc, actors, head.end if head is not None else 0, named)
    span = reported_span(a.date, a.text, named)
    return {"id": a.id, "source": a.source, "event": a.event, "date": a.date, "outlet": a.outlet or UNKNOWN_OUTLET,
            "span": [span[0].isoformat(), span[1].isoformat()] if span is not None else None,
            "terms": [[k, n, shown.get(k, "")] for k, n in sorted(counts.items())]}


def group_features(features: Iterable[dict[str, Any]], window_days: int) -> dict[str, tuple[str, str]]:
    """Event id and label per article id (ids are unique once read), from the compact features
    of `event_features`: the one place export calls the event grouping (framing.events)."""
    import datetime as dt

    from framing.events import Features, Vocabulary, events_of

    vocab = Vocabulary()
    feats = []
    for f in features:
        counts = Counter({k: n for k, n, _ in f["terms"]})
        ids, values = vocab.encode(counts, {k: v for k, _, v in f["terms"] if v})
        span = (dt.date.fromisoformat(f["span"][0]), dt.date.fromisoformat(f["span"][1])) if f["span"] else None
        feats.append(Features(f["id"], f["source"], f["outlet"], f["date"], f["event"], span, ids, values))
    out = {}
    for ev in events_of(feats, feats, vocab, window_days=window_days):
        for m in ev.scores:
            out[m.id] = (ev.id, ev.label)
    return out


# --- writing -----------------------------------------------------------------------------------


class _Sink:
    """One output file, written to `.NAME.part` beside it and renamed when complete.

    kind "csv"/"jsonl" writes the final format; kind "spool" writes JSON lines that `finish`
    converts (parquet, or rows that wait for their event). A target that is not a regular file
    (/dev/stdout, /dev/full, a pipe) is written directly."""

    def __init__(self, target: str, kind: str, columns: Sequence[str], excel: bool, resume_at: int | None) -> None:
        self.target = Path(target)
        self.kind = kind
        self.columns = list(columns)
        self.excel = excel
        self.delim = ";" if excel else ","
        self.rows = 0
        folder = self.target.parent
        try:
            mode = self.target.stat().st_mode
        except OSError:
            mode = 0
        self.direct = bool(mode) and not stat.S_ISREG(mode)
        if not self.direct and not folder.is_dir():
            raise InputError(f"{self.target}: the folder {folder} does not exist; create it or choose another path")
        self.part = self.target if self.direct else folder / f".{self.target.name}.part"
        try:
            if resume_at is not None and not self.direct:
                self.f: IO[bytes] = open(self.part, "r+b")  # noqa: SIM115 (closed in finish/close)
                self.f.truncate(resume_at)
                self.f.seek(resume_at)
                return
            self.f = open(self.part, "wb")  # noqa: SIM115
        except OSError as e:
            raise InputError(f"{self.target}: cannot write in {folder} ({e.strerror}); choose another path") from e
        if kind == "csv":
            self.f.write((b"\xef\xbb\xbf" if excel else b"") + csv_header(self.columns, self.delim).encode())

    def write(self, row: dict[str, Any]) -> None:
        self.rows += 1
        if self.kind == "csv":
            line = csv_row(row, self.columns, self.delim, self.excel)  # the row as text: framing.render.rows
        else:
            line = json_line(row, self.columns if self.kind == "jsonl" else None)
        self.f.write(line.encode("utf-8", errors="surrogatepass"))

    def sync(self) -> int:
        """Flush to disk; the size of what is completely written."""
        self.f.flush()
        if not self.direct:
            os.fsync(self.f.fileno())
        return self.f.tell() if not self.direct else 0

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self.f.close()

    def discard(self) -> None:
        self.close()
        if not self.direct:
            with contextlib.suppress(OSError):
                os.unlink(self.part)

    def prepare(self, fmt: str, transform: Callable[[dict[str, Any]], dict[str, Any]] | None = None) -> None:
        """Close the part; a spool is converted into `.NAME.final` (the part stays until commit,
        so an interruption here loses nothing: --resume converts again)."""
        self.sync()
        self.f.close()
        self.ready = self.part
        if self.direct or self.kind != "spool":
            return
        tmp = self.target.parent / f".{self.target.name}.final"
        try:
            with open(self.part, encoding="utf-8") as src:
                rows = (json.loads(line) for line in src)
                if transform is not None:
                    rows = (transform(r) for r in rows)
                if fmt == "parquet":
                    _write_parquet(tmp, self.columns, rows)
                else:
                    out = _Sink(str(tmp), fmt, self.columns, self.excel, None)
                    for r in rows:
                        out.write(r)
                    out.prepare(fmt)
                    out.commit()
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        self.ready = tmp

    def commit(self) -> None:
        """Rename what `prepare` made over the target (and drop the spool)."""
        if self.direct:
            return
        os.replace(self.ready, self.target)
        if self.ready != self.part:
            os.unlink(self.part)


def _arrow_type(col: str) -> Any:
    import pyarrow as pa

    if col in INT_COLUMNS or col.startswith("cat_"):
        return pa.int64()
    if col in FLOAT_COLUMNS:
        return pa.float64()
    return pa.string()


def _write_parquet(path: Path, columns: Sequence[str], rows: Iterable[dict[str, Any]], batch: int = 8192) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(c, _arrow_type(c)) for c in columns],
                       metadata={"framing_schema_version": SCHEMA_VERSION})
    with pq.ParquetWriter(str(path), schema) as w:
        buf: list[dict[str, Any]] = []
        for r in rows:
            buf.append(r)
            if len(buf) >= batch:
                w.write_table(pa.Table.from_pylist(buf, schema=schema))
                buf = []
        if buf:
            w.write_table(pa.Table.from_pylist(buf, schema=schema))


def need_module(module: str, extra: str) -> None:
    """Raise a clear error when an optional dependency is missing."""
    import importlib.util

    if importlib.util.find_spec(module) is None:
        raise InputError(f"this needs {module}, which is not installed: pip install 'framing[{extra}]'")


# --- engines -----------------------------------------------------------------------------------


_FORK = sys.platform == "linux"  # fork is safe and fast there; elsewhere workers load on their own


class _InProcess:
    workers = 1

    def __init__(self, cfg: ScoringConfig) -> None:
        self.cfg = cfg

    def submit(self, chunk: list[Article]) -> Any:
        return score_chunk(self.cfg, chunk)

    @staticmethod
    def result(handle: Any) -> list[Scored]:
        return handle  # type: ignore[no-any-return]

    def close(self, cancel: bool = False) -> None:
        pass


class _Pool:
    """`--jobs N` on one machine: this process scores too, next to N-1 worker processes.

    The workers are forked after the lexicon and model are loaded, so they share this process's
    copy; this process keeps them busy (up to two chunks queued each) and scores the next chunk
    itself when they are, so N jobs are N processes: one fewer copy of the caches and the
    working memory than N workers and an idle parent. Results are written in input order."""

    def __init__(self, cfg: ScoringConfig, jobs: int) -> None:
        import multiprocessing

        self.cfg = cfg
        self.workers = jobs
        self.queued = 2 * (jobs - 1)  # chunks the workers may have waiting
        method = "fork" if _FORK else "spawn"
        self.ex = ProcessPoolExecutor(jobs - 1, mp_context=multiprocessing.get_context(method),
                                      initializer=_init_worker, initargs=(cfg,))
        self.futures: deque[Future[list[Scored]]] = deque()

    def submit(self, chunk: list[Article]) -> Future[list[Scored]] | list[Scored]:
        while self.futures and self.futures[0].done():
            self.futures.popleft()
        if len(self.futures) < self.queued:
            fut = self.ex.submit(score_chunk, self.cfg, chunk)
            self.futures.append(fut)
            return fut
        return score_chunk(self.cfg, chunk)  # the workers are busy: score it here

    @staticmethod
    def result(handle: Future[list[Scored]] | list[Scored]) -> list[Scored]:
        return handle if isinstance(handle, list) else handle.result()

    def close(self, cancel: bool = False) -> None:
        self.ex.shutdown(wait=not cancel, cancel_futures=cancel)


class _Dask:
    def __init__(self, cfg: ScoringConfig, jobs: int, scheduler: str | None) -> None:
        need_module("distributed", "dask")
        from distributed import Client, LocalCluster

        self.cfg = cfg
        self.cluster = None
        if scheduler:
            self.client = Client(scheduler)
        else:  # a local cluster: for trying it out; the value of Dask is a cluster, not a laptop
            self.cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                                        dashboard_address=None, silence_logs=50)
            self.client = Client(self.cluster)
        self.workers = max(1, len(self.client.scheduler_info().get("workers", {})) or jobs)

    def submit(self, chunk: list[Article]) -> Any:
        return self.client.submit(score_chunk, self.cfg, chunk, pure=False)

    @staticmethod
    def result(handle: Any) -> list[Scored]:
        return handle.result()  # type: ignore[no-any-return]

    def close(self, cancel: bool = False) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


# --- the export --------------------------------------------------------------------------------


@dataclass
class ExportOptions:
    output: str
    fmt: str = "csv"
    hits: str | None = None
    errors: str | None = None  # default: OUTPUT.errors.csv
    events: bool = False
    window: int = 14
    excel: bool = False
    nested_hits: bool = False  # jsonl only: each article row carries its hits
    jobs: int | None = None  # default: the machine's cores
    engine: str = "local"
    scheduler: str | None = None
    resume: bool = False
    max_chars: int = MAX_CHARS
    chunk: int = CHUNK
    progress: bool = False


@dataclass
class ExportReport:
    output: str
    articles: int = 0
    hits: int = 0
    errors: int = 0
    errors_path: str | None = None
    resumed_from: int = 0
    files: int = 0
    seconds: float = 0.0

    def summary(self) -> str:
        s = (f"exported {self.articles} article{'s' * (self.articles != 1)} to {self.output} "
             f"in {self.seconds:.1f} s")
        if self.resumed_from:
            s += f" (resumed after {self.resumed_from} input records)"
        if self.errors:
            s += f"; {self.errors} record{'s' * (self.errors != 1)} not exported, see {self.errors_path}"
        return s


def _jobs(n: int | None) -> int:
    if n:
        return n
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _split_source(source: str) -> tuple[str, str]:
    head, sep, tail = source.rpartition(":")
    if sep and (tail.isdigit() or tail.startswith("record ")):
        return head, tail.removeprefix("record ")
    return source, ""


def _regular_target(path: str) -> bool:
    """False for a device or pipe (/dev/stdout, /dev/full): written directly, not atomically."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return True


def _state_path(output: str) -> Path:
    p = Path(output)
    return p.parent / f".{p.name}.state.json"


def _chunks(items: Iterator[Article | Problem], size: int) -> Iterator[list[Article | Problem]]:
    chunk: list[Article | Problem] = []
    n = 0
    for item in items:
        chunk.append(item)
        if isinstance(item, Article):
            n += 1
            if n >= size:
                yield chunk
                chunk, n = [], 0
    if chunk:
        yield chunk


def _ready(handle: Any) -> bool:
    """Is a chunk's result there (nothing to score, scored in this process, or a done future)?"""
    return handle is None or isinstance(handle, list) or (isinstance(handle, Future) and handle.done())


def export(paths: Sequence[str], read: ReadOptions, cfg: ScoringConfig, opts: ExportOptions,
           stdin: bytes | None = None, note: Callable[[str], None] = lambda s: None) -> ExportReport:
    """Score every article of `paths` and write the tables `opts` asks for (module docstring).

    Returns the report; raises InputError for unusable options or outputs, ExportInterrupted on
    Ctrl-C (what was completely written is kept for `resume`)."""
    started = time.perf_counter()
    if opts.fmt not in FORMATS:
        raise InputError(f"unknown format '{opts.fmt}'; use one of {', '.join(FORMATS)}")
    if opts.fmt == "parquet":
        need_module("pyarrow", "parquet")
    if opts.engine == "dask":
        need_module("distributed", "dask")
    if opts.nested_hits and opts.fmt != "jsonl":
        raise InputError("nested hits need --format jsonl; use --hits FILE for a hits table")
    cfg = dataclasses.replace(cfg, events=opts.events, nested_hits=opts.nested_hits)
    jobs = _jobs(opts.jobs)
    local = opts.engine == "local" and jobs == 1
    # the parent needs the lexicon's categories; it loads everything when it scores itself or
    # forks the workers (they then share its lexicon, lemma tables and model, loaded once)
    full = local or (opts.engine == "local" and _FORK)
    head = scorer_for(cfg) if full else Scorer(_lexicon_only(cfg))
    if full and cfg.stance and head.model is not None:
        for n in head.model.notes:
            note(f"Note: {n}")
    columns = article_columns(head.categories, opts.events)
    if opts.nested_hits:
        columns.append("hits")
    errors_path = opts.errors or (f"{opts.output}.errors.csv" if _regular_target(opts.output)
                                  else "framing-export.errors.csv")
    regular = _regular_target(opts.output)
    if opts.resume and not regular:
        raise InputError(f"{opts.output} is not a file: an export written there cannot be resumed")
    # a device or pipe (/dev/stdout) is written directly; the run's own files then go to /tmp
    scratch = Path(opts.output) if regular else Path(tempfile.gettempdir()) / f"framing-export-{os.getpid()}"
    state_path = _state_path(str(scratch))
    fingerprint = {"paths": list(paths), "read": asdict(read), "cfg": asdict(cfg), "fmt": opts.fmt,
                   "hits": opts.hits, "errors": errors_path, "excel": opts.excel, "columns": columns,
                   "max_chars": opts.max_chars}
    fingerprint = json.loads(json.dumps(fingerprint))  # as the state file holds it (tuples are lists)
    state: dict[str, Any] = {}
    if opts.resume:
        try:
            state = json.loads(state_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            raise InputError(f"{opts.output}: nothing to resume (no interrupted export of this file found); "
                             "run without --resume") from None
        if state.get("fingerprint") != fingerprint:
            raise InputError(f"{opts.output}: the interrupted export was started with other inputs or options; "
                             "run it with the same ones, or without --resume to start again") from None
    sizes = state.get("sizes", {})
    main_kind = "spool" if opts.fmt == "parquet" or opts.events else opts.fmt
    sinks: dict[str, _Sink] = {}
    try:
        sinks["main"] = _Sink(opts.output, main_kind, columns, opts.excel, sizes.get("main"))
        if opts.hits:
            sinks["hits"] = _Sink(opts.hits, "spool" if opts.fmt == "parquet" else opts.fmt, HIT_COLUMNS,
                                  opts.excel, sizes.get("hits"))
        sinks["errors"] = _Sink(errors_path, "csv", ERROR_COLUMNS, opts.excel, sizes.get("errors"))
    except BaseException:
        for s in sinks.values():
            s.close() if opts.resume else s.discard()
        raise
    report = ExportReport(opts.output, errors_path=errors_path)
    report.resumed_from = skip = int(state.get("items", 0))
    report.articles = int(state.get("articles", 0))
    report.hits = int(state.get("hits", 0))
    report.errors = int(state.get("errors", 0))
    features_path = scratch.parent / f".{scratch.name}.features.part"
    feats: IO[str] | None = None
    if opts.events:
        feats = open(features_path, "r+" if opts.resume else "w", encoding="utf-8")  # noqa: SIM115
        if opts.resume:
            feats.truncate(int(state.get("features", 0)))
            feats.seek(int(state.get("features", 0)))
    stats = ReadResult()
    items = iter_articles(paths, read, stdin, stats, stream_tables=True, max_chars=opts.max_chars)
    done = skip

    def checkpoint() -> None:
        sz = {k: s.sync() for k, s in sinks.items()}
        st = {"fingerprint": fingerprint, "items": done, "articles": report.articles, "hits": report.hits,
              "errors": report.errors, "sizes": sz}
        if feats is not None:
            feats.flush()
            os.fsync(feats.fileno())
            st["features"] = feats.tell()
        tmp = state_path.with_suffix(".tmp")
        tmp.write_text(json.dumps(st), encoding="utf-8")
        os.replace(tmp, state_path)

    def error(p: Problem) -> None:
        if not p.skipped:  # a note about a record that was read and exported (framing.readers.Problem)
            return
        file, row = _split_source(p.source)
        sinks["errors"].write({"file": file, "row": row, "reason": p.message})
        report.errors += 1

    def write(chunk: list[Article | Problem], scored: list[Scored]) -> None:
        nonlocal done
        it = iter(scored)
        for item in chunk:
            if isinstance(item, Problem):
                error(item)
                continue
            sc = next(it)
            if sc.problem is not None:
                error(sc.problem)
                continue
            assert sc.row is not None
            if opts.nested_hits:
                sc.row["hits"] = [{k: v for k, v in h.items() if k != "article_id"} for h in sc.hits]
            sinks["main"].write(sc.row)
            report.articles += 1
            if "hits" in sinks:
                for h in sc.hits:
                    sinks["hits"].write(h)
                report.hits += len(sc.hits)
            if feats is not None and sc.features is not None:
                feats.write(json.dumps(sc.features, ensure_ascii=False) + "\n")
        done += len(chunk)
        checkpoint()

    engine: Any = None
    bar: Any = None
    pending: deque[tuple[list[Article | Problem], Any]] = deque()

    def drain() -> None:
        c, h = pending.popleft()
        write(c, [] if h is None else engine.result(h))
        if bar is not None:
            bar.update(sum(isinstance(x, Article) for x in c))

    try:
        if opts.progress:
            from tqdm import tqdm

            bar = tqdm(desc="articles", unit=" art", file=sys.stderr, initial=report.articles, dynamic_ncols=True)
        if local:
            engine = _InProcess(cfg)
        elif opts.engine == "dask":
            engine = _Dask(cfg, jobs, opts.scheduler)
        else:
            engine = _Pool(cfg, jobs)
        for _ in range(skip):
            if next(items, None) is None:
                break
        limit = 1 if local else 2 * engine.workers + 1
        for chunk in _chunks(items, opts.chunk):
            arts = [x for x in chunk if isinstance(x, Article)]
            pending.append((chunk, engine.submit(arts) if arts else None))
            while pending and _ready(pending[0][1]):  # write what is done (a chunk scored here)
                drain()
            while len(pending) >= limit:
                drain()
        while pending:
            drain()
        if report.articles == 0 and report.errors == 0 and skip == 0:
            checkpoint()
    except KeyboardInterrupt:
        if engine is not None:
            engine.close(cancel=True)
            engine = None
        for s in sinks.values():
            s.close()
        raise ExportInterrupted(
            f"interrupted; {report.articles} articles are completely written and kept: run the same command "
            "with --resume to continue") from None
    except OSError as e:
        for s in sinks.values():
            s.close() if regular else s.discard()  # a device cannot be resumed: nothing to keep
        where = getattr(e, "filename", None) or opts.output
        keep = "" if sinks["main"].direct else "; what was completely written is kept: free space and add --resume"
        raise InputError(f"cannot write {where} ({e.strerror or e}){keep}") from None
    finally:
        if bar is not None:
            bar.close()
        if engine is not None:
            engine.close()
    report.files = stats.files
    try:
        transform = None
        if opts.events:
            assert feats is not None
            feats.close()
            with open(features_path, encoding="utf-8") as fh:
                groups = group_features((json.loads(line) for line in fh), opts.window)

            def transform(row: dict[str, Any]) -> dict[str, Any]:
                row["event"], row["event_label"] = groups.get(row["id"], ("", ""))
                return row

        sinks["main"].prepare(opts.fmt, transform)
        if "hits" in sinks:
            sinks["hits"].prepare(opts.fmt)
        if report.errors:
            sinks["errors"].prepare("csv")
        else:
            sinks["errors"].discard()
            del sinks["errors"]
        for s in sinks.values():
            s.commit()
    except KeyboardInterrupt:
        raise ExportInterrupted(f"interrupted while writing the final files; all {report.articles} articles are "
                                "kept: run the same command with --resume to finish") from None
    except OSError as e:
        raise InputError(f"cannot write {getattr(e, 'filename', None) or opts.output} ({e.strerror or e}); "
                         "what was completely written is kept: free space and add --resume") from None
    with contextlib.suppress(OSError):
        state_path.unlink()
    with contextlib.suppress(OSError):
        features_path.unlink()
    report.seconds = time.perf_counter() - started
    return report


# --- Spark (README recipe) ---------------------------------------------------------------------


def spark_schema(cfg: ScoringConfig) -> str:
    """The article table as a Spark DDL schema string, for `mapInPandas`."""
    def kind(c: str) -> str:
        if c in INT_COLUMNS or c.startswith("cat_"):
            return "bigint"
        return "double" if c in FLOAT_COLUMNS else "string"

    cols = article_columns(scorer_for(_lexicon_only(cfg)).categories)
    return ", ".join(f"`{c}` {kind(c)}" for c in cols)


def spark_score(frames: Iterable[Any], cfg: ScoringConfig, read: ReadOptions | None = None) -> Iterator[Any]:
    """For Spark's `mapInPandas`: pandas frames of input rows (a text column, optional id,
    outlet, date, title, url) in, frames of article rows out, scored by `score_chunk`. Rows
    that cannot be read or scored are left out (count them against the input)."""
    import pandas as pd

    from framing.readers import _record_article

    read = read or ReadOptions()
    cols = article_columns(scorer_for(_lexicon_only(cfg)).categories)
    for frame in frames:
        arts = []
        for n, rec in enumerate(frame.to_dict("records")):
            rec = {k: v for k, v in rec.items() if isinstance(v, str)}
            item = _record_article(rec, f"spark:{n}", f"row-{n}", read, None)
            if isinstance(item, Article):
                arts.append(item)
        rows = [s.row for s in score_chunk(cfg, arts) if s.row is not None] if arts else []
        yield pd.DataFrame(rows, columns=cols)

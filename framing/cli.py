"""The `framing` command line: thin commands over the library.

Each command parses its options, calls the library, and hands records to `framing.render`.
Problems with single inputs are warnings on stderr; `FramingError` becomes one `Error:` line
and exit code 1; nothing else is caught, so real bugs still show.
"""

from __future__ import annotations

import functools
import gc
import shutil
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from framing import __version__
from framing.analysis import analyse
from framing.compare import WINDOW_DAYS, Event, compare_event, find_reprints, group_events, lemma_counts
from framing.compare_view import render_csv, render_html, render_json, render_table
from framing.errors import FramingError, LexiconError, ModelError
from framing.evaluation import evaluate_hits, load_gold
from framing.ingest import ReadOptions, ReadResult, read_articles
from framing.lexicon import Entry, Lexicon, default_lexicon, load_lexicon
from framing.matching import Matcher
from framing.pipeline import score_articles
from framing.render import FORMATS, render
from framing.stance import (
    LABELS,
    CVReport,
    StanceModel,
    cross_validate,
    default_model,
    load_model,
    read_labelled,
    save_model,
    shipped_data,
    train,
)


def _fail(message: str) -> None:
    click.echo(f"Error: {message}", err=True)
    sys.exit(1)


def handle_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except FramingError as e:
            _fail(str(e))
        except BrokenPipeError:  # `framing … | head`
            sys.stderr.close()
            sys.exit(0)

    return wrapper


_READ_DEFAULTS = ReadOptions()  # an instance: on a slots dataclass the class attributes are descriptors


def input_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """PATHS plus the options naming columns of CSV/JSONL inputs."""
    opts = [
        click.argument("paths", nargs=-1, required=True),
        click.option("--text-column", default=_READ_DEFAULTS.text_column, show_default=True,
                     help="Column (CSV) or key (JSONL) holding the article text."),
        click.option("--id-column", default=_READ_DEFAULTS.id_column, show_default=True,
                     help="Column holding the article id."),
        click.option("--outlet-column", default=_READ_DEFAULTS.outlet_column, show_default=True,
                     help="Column holding the outlet name."),
        click.option("--date-column", default=_READ_DEFAULTS.date_column, show_default=True,
                     help="Column holding the date."),
        click.option("--title-column", default=_READ_DEFAULTS.title_column, show_default=True,
                     help="Column holding the title."),
        click.option("--url-column", default=_READ_DEFAULTS.url_column, show_default=True,
                     help="Column holding the URL."),
        click.option("--quiet", "-q", is_flag=True, help="Do not print warnings and the summary."),
    ]
    for o in reversed(opts):
        func = o(func)
    return func


def format_option(choices: tuple[str, ...] = FORMATS) -> Callable[..., Any]:
    return click.option("--format", "fmt", type=click.Choice(choices), default="table",
                        show_default=True, help="Output format.")


def load(paths: tuple[str, ...], kw: dict[str, Any]) -> ReadResult:
    """Read the inputs, report problems and the summary on stderr; exit 1 if nothing was read."""
    opts = ReadOptions(
        text_column=kw.pop("text_column"), id_column=kw.pop("id_column"),
        outlet_column=kw.pop("outlet_column"), date_column=kw.pop("date_column"),
        title_column=kw.pop("title_column"), url_column=kw.pop("url_column"),
    )
    quiet = kw.pop("quiet")
    stdin = sys.stdin.buffer.read() if "-" in paths else None
    result = read_articles(paths, opts, stdin=stdin)
    if not quiet:
        for p in result.problems:
            click.echo(f"Warning: {p}", err=True)
    if not result.articles:
        _fail(f"no article could be read ({result.summary()}); see the warnings above")
    if not quiet:
        click.echo(f"framing: {result.summary()}", err=True)
    return result


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="framing")
def main() -> None:
    """Show how news outlets frame the same events: loaded wording, voice, quotes.

    PATHS are .txt files, folders (read recursively; a manifest.csv beside the files adds
    metadata), CSV/JSONL tables with a text column, saved HTML pages, or - for stdin.
    """


@main.command()
@input_options
@format_option()
@click.option("--removed", "show_removed", is_flag=True,
              help="List the boilerplate lines removed from each article instead.")
@handle_errors
def articles(paths: tuple[str, ...], fmt: str, show_removed: bool, **kw: Any) -> None:
    """List the articles read: id, outlet, date, title, words, sentences, quotes, removed lines.

    An outlet marked with * was inferred from the text or URL (see outlet_evidence in JSON).
    """
    result = load(paths, kw)
    if show_removed:
        recs = [{"id": a.id, "line": r.line, "rule": r.rule, "text": r.text}
                for a in result.articles for r in a.removed]
        click.echo(render(recs, ["id", "line", "rule", "text"], fmt), nl=False)
        return
    recs = []
    for a in result.articles:
        an = analyse(a)
        recs.append({
            "id": a.id,
            "outlet": a.outlet,
            "outlet_inferred": a.outlet_inferred,
            "outlet_evidence": a.outlet_evidence,
            "date": a.date,
            "title": a.title,
            "words": an.doc.words,
            "sentences": len(an.doc.sentences),
            "quotes": sum(1 for q in an.quotes if q.kind in ("direct", "scare")),
            "removed": len(a.removed),
            "reprint_of": a.reprint_of,
            "author": a.author,
            "url": a.url,
            "source": a.source,
            "parts": [{"kind": p.kind, "start": p.start, "end": p.end} for p in a.parts],
            "removed_lines": [{"line": r.line, "rule": r.rule, "text": r.text} for r in a.removed],
        })
    if fmt in ("table", "markdown"):
        for r in recs:
            if r["outlet"] and r["outlet_inferred"]:
                r["outlet"] = f"{r['outlet']}*"
    cols = ["id", "outlet", "date", "title", "words", "sentences", "quotes", "removed"]
    if fmt == "csv":
        cols += ["outlet_inferred", "outlet_evidence", "reprint_of", "author", "url", "source"]
    click.echo(render(recs, cols, fmt), nl=False)


@main.command()
@input_options
@format_option()
@click.option("--kind", "kinds", multiple=True, type=click.Choice(["direct", "reported", "scare", "title"]),
              help="Only these kinds (repeatable).")
@handle_errors
def quotes(paths: tuple[str, ...], fmt: str, kinds: tuple[str, ...], **kw: Any) -> None:
    """List every quotation span: direct quotes with their speaker, reported speech, scare quotes.

    start and end are character offsets into the article text as read (headline first, then the
    body without boilerplate); text is exactly that slice.
    """
    result = load(paths, kw)
    recs = []
    for a in result.articles:
        for q in analyse(a).quotes:
            if kinds and q.kind not in kinds:
                continue
            recs.append({"id": a.id, "kind": q.kind, "speaker": q.speaker, "cue": q.cue,
                         "start": q.start, "end": q.end, "sentence": q.sentence, "text": q.text})
    cols = ["id", "kind", "speaker", "cue", "start", "end", "text"]
    click.echo(render(recs, cols, fmt), nl=False)


def lexicon_options(func: Callable[..., Any]) -> Callable[..., Any]:
    func = click.option("--lexicon-dir", type=click.Path(), default=None,
                        help="Use this lexicon folder (manifest.toml + CSV) instead of the shipped one.")(func)
    func = click.option("--lexicon", "extra_lexicons", multiple=True, type=click.Path(),
                        help="Add a CSV of your own entries on top (repeatable), e.g. a class list.")(func)
    return func


def get_lexicon(kw: dict[str, Any]) -> Lexicon:
    lexicon_dir = kw.pop("lexicon_dir", None)
    extra = tuple(kw.pop("extra_lexicons", ()) or ())
    if lexicon_dir is None and not extra:
        return default_lexicon()
    return load_lexicon(lexicon_dir, extra)


def model_option(func: Callable[..., Any]) -> Callable[..., Any]:
    func = click.option("--no-stance", is_flag=True, help="Skip the stance model (loaded wording only).")(func)
    return click.option("--model", "model_path", type=click.Path(), default=None,
                        help="Stance model written by `framing train` (default: the shipped model).")(func)


def get_model(kw: dict[str, Any], matcher: Matcher) -> StanceModel | None:
    """The stance model the options ask for; notes about it go to stderr."""
    path = kw.pop("model_path", None)
    if kw.pop("no_stance", False):
        return None
    model = load_model(path, matcher) if path else default_model(matcher)
    for note in model.notes:
        click.echo(f"Note: {note}", err=True)
    settle()
    return model


def settle() -> None:
    """Lexicon, lemma dictionary and model are loaded and live for the whole run: move them out
    of the garbage collector's sight (gc.freeze), so its full collections do not scan them again
    and again while thousands of articles stream through (see bench/run.py)."""
    gc.freeze()


@main.command()
@input_options
@lexicon_options
@model_option
@format_option()
@handle_errors
def score(paths: tuple[str, ...], fmt: str, **kw: Any) -> None:
    """Score each article: stance on the axis, and own-voice loaded words per 1,000 words.

    Own voice = the outlet's words and its scare quotes; words in quotations and reported
    speech are listed separately as quoted. JSON/JSONL records carry every hit with its voice,
    the stance with its confidence and up to three evidence sentences.
    """
    lexicon = get_lexicon(kw)
    matcher = Matcher(lexicon)
    model = get_model(kw, matcher)
    result = load(paths, kw)
    recs = [s.record() for s in score_articles(result.articles, matcher, model)]
    for r in recs:
        if "stance" in r:
            r["stance_shown"] = f"{r['stance']:+.2f} {r['stance_label']} ({r['stance_confidence']:.2f})"
    stance_cols = ["stance_shown"] if model is not None else []
    cols = ["outlet", "date", "title", "words", *stance_cols, "loaded_per_1000", "top_terms", "quoted_terms"]
    if fmt == "csv":
        stance_csv = ["stance", "stance_label", "stance_axis", "stance_confidence"] if model is not None else []
        cols = ["id", "outlet", "date", "title", "words", *stance_csv, "loaded_per_1000", "intensity", "top_terms",
                "quoted_terms", "own_hits", "quoted_hits", "lexicon_version"]
    headers = {"loaded_per_1000": "loaded/1000", "top_terms": "top own-voice terms",
               "quoted_terms": "quoted terms", "stance_shown": "stance (confidence)"}
    click.echo(render(recs, cols, fmt, headers=headers, max_cell=40), nl=False)


def _events_from(paths: tuple[str, ...], kw: dict[str, Any], window: int,
                 with_stance: bool) -> tuple[list[Event], list[Any]]:
    lexicon = get_lexicon(kw)
    matcher = Matcher(lexicon)
    model = get_model(kw, matcher) if with_stance else None
    settle()
    result = load(paths, kw)
    scores = list(score_articles(result.articles, matcher, model))
    return group_events(scores, window_days=window), scores


def window_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--window", default=WINDOW_DAYS, show_default=True, type=click.IntRange(0, 3650),
                        help="Most days between two articles of one event (partial dates count as ranges).")(func)


@main.command()
@input_options
@lexicon_options
@window_option
@format_option(("table", "markdown", "csv", "json"))
@handle_errors
def events(paths: tuple[str, ...], window: int, fmt: str, **kw: Any) -> None:
    """List the events the articles are grouped into (same dates, similar words and actors;
    an `event` column in the input wins), with their key terms, dates and articles."""
    kw.pop("model_path", None)
    evs, _ = _events_from(paths, kw, window, with_stance=False)
    recs = [{"event": e.id, "label": e.label, "dates": e.dates, "outlets": e.outlets,
             "articles": [s.analysed.article.id for s in e.scores], "n": len(e.scores)} for e in evs]
    click.echo(render(recs, ["event", "label", "dates", "n", "outlets", "articles"], fmt, max_cell=60), nl=False)


@main.command()
@input_options
@lexicon_options
@model_option
@window_option
@click.option("--by", type=click.Choice(["outlet", "article"]), default="outlet", show_default=True,
              help="One column per outlet (its articles in the event pooled) or per article.")
@click.option("--event", "event_id", default=None, help="Only this event (ids from `framing events`).")
@click.option("--width", type=click.IntRange(40, 1000), default=None,
              help="Table width in characters (default: the terminal's, else 120).")
@format_option(("table", "markdown", "csv", "json", "html"))
@handle_errors
def compare(paths: tuple[str, ...], window: int, by: str, event_id: str | None, width: int | None, fmt: str,
            **kw: Any) -> None:
    """Compare how outlets cover the same events, side by side: headlines with loaded words
    marked, stance, loaded words in their own voice and quoted, how each actor is named, whom
    they quote, distinctive words (log-odds, z-scores) and reprints."""
    evs, scores = _events_from(paths, kw, window, with_stance=True)
    if event_id:
        chosen = [e for e in evs if e.id == event_id]
        if not chosen:
            ids = ", ".join(e.id for e in evs)
            raise FramingError(f"no event '{event_id}'; the events are {ids} (see `framing events`)")
        evs = chosen
    background = sum((lemma_counts(s) for s in scores), Counter())
    reprints = find_reprints(scores)
    items = [(e, compare_event(e, by=by, reprints=reprints, background=background)) for e in evs]
    if fmt == "json":
        click.echo(render_json(items), nl=False)
    elif fmt == "csv":
        click.echo(render_csv(items), nl=False)
    elif fmt == "html":
        click.echo(render_html(items), nl=False)
    else:
        w = width or shutil.get_terminal_size((120, 24)).columns
        click.echo("\n".join(render_table(e, cols, w, markdown=fmt == "markdown") for e, cols in items), nl=False)


@main.command()
@input_options
@lexicon_options
@model_option
@click.option("--width", type=click.IntRange(40, 1000), default=None,
              help="Line width (default: the terminal's, else 100).")
@handle_errors
def explain(paths: tuple[str, ...], width: int | None, **kw: Any) -> None:
    """Explain each article's scores for a reader: the stance with the sentences that carry it,
    every loaded word in the outlet's own voice with why it is loaded, whom it is aimed at and
    a neutral wording, and the loaded words that belong to quoted speakers."""
    lexicon = get_lexicon(kw)
    matcher = Matcher(lexicon)
    model = get_model(kw, matcher)
    result = load(paths, kw)
    w = width or min(100, shutil.get_terminal_size((100, 24)).columns)
    for n, sc in enumerate(score_articles(result.articles, matcher, model)):
        rec = sc.record()
        if n:
            click.echo("")
        click.echo(explain_text(rec, w), nl=False)


def explain_text(rec: dict[str, Any], width: int) -> str:
    """The reader's view of one score record (framing.scoring.ArticleScore.record)."""
    import textwrap

    def wrap(text: str, indent: str = "  ", first: str | None = None) -> str:
        return textwrap.fill(" ".join(text.split()), width, initial_indent=first if first is not None else indent,
                             subsequent_indent=indent) + "\n"

    title = rec.get("title") or "(no title)"
    out = wrap(f"{rec['id']} · {rec.get('outlet') or 'unknown outlet'} · {rec.get('date') or 'undated'} · {title}",
               "", "")
    if "stance" in rec:
        sig = rec["stance_signals"]
        out += wrap(f"Stance ({rec['stance_axis']}): {rec['stance']:+.2f} {rec['stance_label']}, confidence "
                    f"{rec['stance_confidence']:.2f} (classifier {sig['classifier']:+.2f}, loaded words "
                    f"{sig['lexicon']:+.2f}, sources {sig['sourcing']:+.2f})", "", "")
        for i, ev in enumerate(rec["evidence"], 1):
            terms = f" [{', '.join(ev['terms'])}]" if ev["terms"] else ""
            out += wrap(f"{i}. ({ev['contribution']:+.2f}) {ev['text']}{terms}", "     ", "  ")
    own = [h for h in rec["hits"] if h["voice"] in ("outlet", "scare-quote")]
    quoted = [h for h in rec["hits"] if h["voice"] in ("quote", "reported")]
    out += wrap(f"Loaded words in the outlet's own voice: {len(own)} ({rec['loaded_per_1000']:.1f} per 1,000 "
                f"words)", "", "")
    for h in own:
        aimed = f" → {h['aimed_at']} ({h['direction']})" if "aimed_at" in h else ""
        out += wrap(f"„{h['term']}“ ({h['category']}, {h['leaning']}{', contested' if h['contested'] else ''}, "
                    f"sentence {h['sentence'] + 1}, {h['part']}){aimed}", "    ", "  ")
        out += wrap(f"why: {h['explanation']}", "         ", "    ")
        if h["neutral"]:
            out += wrap(f"neutral: {'; '.join(h['neutral'])}", "         ", "    ")
    if quoted:
        out += wrap(f"Loaded words of quoted speakers (not the outlet's voice): {len(quoted)}", "", "")
        for h in quoted:
            who = h["speaker"] or "unnamed speaker"
            out += wrap(f"„{h['term']}“ ({h['category']}; {h['voice']}, {who}, sentence {h['sentence'] + 1})",
                        "    ", "  ")
    return out


@main.group()
def lexicon() -> None:
    """Browse and check the loaded-wording lexicon."""


@lexicon.command("list")
@lexicon_options
@format_option()
@click.option("--category", help="Only this category.")
@handle_errors
def lexicon_list(fmt: str, category: str | None, **kw: Any) -> None:
    """List lexicon entries (term, category, leaning, weight, neutral wording)."""
    lex = get_lexicon(kw)
    if category and category not in lex.categories:
        raise LexiconError(f"unknown category '{category}'; choose from {', '.join(lex.categories)}")
    recs = [{"id": e.id, "term": e.term, "match": e.match, "category": e.category,
             "leaning": e.leaning, "weight": e.weight, "contested": e.contested,
             "neutral": "; ".join(e.neutral), "explanation": e.explanation,
             "target_note": e.target_note, "source": e.source, "lexicon_version": lex.version}
            for e in lex.entries if not category or e.category == category]
    cols = ["term", "category", "leaning", "weight", "neutral"]
    if fmt == "csv":
        cols = ["id", "term", "match", "category", "leaning", "weight", "contested", "neutral", "explanation"]
    click.echo(render(recs, cols, fmt, max_cell=45), nl=False)


@lexicon.command("show")
@click.argument("term")
@lexicon_options
@handle_errors
def lexicon_show(term: str, **kw: Any) -> None:
    """Show the entry for TERM (any inflected form): why it is loaded, a neutral wording, examples."""
    lex = get_lexicon(kw)
    found = lex.find(term)
    if not found:
        raise LexiconError(f"'{term}' is not in the lexicon ({lex.version}); see 'framing lexicon list'")
    for e in found:
        click.echo(f"{e.term}  [{e.id}]")
        click.echo(f"  category:    {e.category} ({lex.categories.get(e.category, '')})")
        click.echo(f"  leaning:     {e.leaning} (axis {lex.axis}){'  – contested' if e.contested else ''}")
        if e.target_note:
            click.echo(f"  target:      {e.target_note}")
        click.echo(f"  weight:      {e.weight:g}")
        click.echo(f"  matches:     {e.match}")
        click.echo(f"  why loaded:  {e.explanation}")
        click.echo(f"  neutral:     {'; '.join(e.neutral)}")
        click.echo(f"  source:      {e.source} ({e.origin})")
        examples = seed_examples(e)
        if examples:
            click.echo("  examples:")
            for ex in examples:
                click.echo(f"    – {ex}")


@lexicon.command("check")
@click.argument("directory", required=False, type=click.Path())
@click.option("--lexicon", "extra_lexicons", multiple=True, type=click.Path(),
              help="Also check this CSV of your own entries (repeatable).")
@handle_errors
def lexicon_check(directory: str | None, extra_lexicons: tuple[str, ...]) -> None:
    """Validate a lexicon folder (default: the shipped one); errors name FILE:LINE."""
    lex = load_lexicon(directory, extra_lexicons)
    click.echo(f"ok: {lex.version}: {len(lex.entries)} entries in {len(lex.categories)} categories")


@main.group()
def evaluate() -> None:
    """Measure the lexicon and the stance model against hand-annotated data."""


@evaluate.command("lexicon")
@click.option("--gold", "gold_path", required=True, type=click.Path(),
              help="Gold JSONL (see docs/annotation-guidelines.md), e.g. eval/gold-seeds.jsonl.")
@lexicon_options
@format_option()
@handle_errors
def evaluate_lexicon(gold_path: str, fmt: str, **kw: Any) -> None:
    """Precision, recall and F1 of the loaded-word hits against gold spans: overall, by
    category and by voice."""
    lex = get_lexicon(kw)
    report = evaluate_hits(load_gold(gold_path), Matcher(lex))
    recs = report.rows()
    click.echo(f"gold: {gold_path} ({report.documents} documents, {report.gold_total} gold spans); "
               f"lexicon: {lex.version}")
    click.echo(render(recs, ["scope", "group", "gold", "predicted", "tp", "precision", "recall", "f1"], fmt),
               nl=False)


def labelled_options(func: Callable[..., Any]) -> Callable[..., Any]:
    func = click.option("--label-column", default="label", show_default=True,
                        help=f"Column holding the label ({', '.join(LABELS)}).")(func)
    func = click.option("--text-column", default="text", show_default=True,
                        help="Column holding the sentence or article text.")(func)
    return click.option("--folds", default=5, show_default=True, type=click.IntRange(2, 20),
                        help="Folds of the stratified cross-validation.")(func)


def _examples(data: str | None, text_column: str, label_column: str) -> tuple[list[Any], str]:
    if data:
        return read_labelled(data, text_column, label_column), data
    d = shipped_data()
    return list(d.team), f"team-written sentences, {d.version}"


def _print_cv(report: CVReport, what: str, fmt: str) -> None:
    click.echo(f"data: {what}: {report.n} examples; stratified {report.folds}-fold cross-validation")
    recs = []
    for system, sc in report.scores.items():
        per = sc["per_class"]
        rec: dict[str, object] = {"system": system, "macro_f1": sc["macro_f1"], "accuracy": sc["accuracy"]}
        for lab in LABELS:
            rec[f"{lab}_p"] = per[lab]["precision"]  # type: ignore[index]
            rec[f"{lab}_r"] = per[lab]["recall"]  # type: ignore[index]
        recs.append(rec)
    cols = ["system", "macro_f1", "accuracy", *[f"{lab}_{m}" for lab in LABELS for m in ("p", "r")]]
    headers = {f"{lab}_{m}": f"{lab} {'P' if m == 'p' else 'R'}" for lab in LABELS for m in ("p", "r")}
    headers |= {"macro_f1": "macro-F1"}
    click.echo(render(recs, cols, fmt, headers=headers), nl=False)
    if fmt in ("table", "markdown"):
        conf = report.scores["classifier"]["confusion"]
        rows = [{"gold": g, **{f"→ {q}": conf[g][q] for q in LABELS}} for g in LABELS]  # type: ignore[index]
        click.echo("\nclassifier confusion matrix (rows: gold, columns: predicted)")
        click.echo(render(rows, ["gold", *[f"→ {q}" for q in LABELS]], fmt), nl=False)


@evaluate.command("stance")
@click.argument("data", required=False, type=click.Path())
@labelled_options
@lexicon_options
@format_option(("table", "markdown", "csv", "json"))
@handle_errors
def evaluate_stance(data: str | None, text_column: str, label_column: str, folds: int, fmt: str,
                    **kw: Any) -> None:
    """Cross-validate the stance classifier on DATA (default: the shipped team-written
    sentences): macro-F1, per-class precision/recall and the confusion matrix, beside a
    lexicon-only and a majority baseline."""
    matcher = Matcher(get_lexicon(kw))
    examples, what = _examples(data, text_column, label_column)
    _print_cv(cross_validate(examples, matcher, folds), what, fmt)


@main.command("train")
@click.argument("data", required=False, type=click.Path())
@click.option("-o", "--output", required=True, type=click.Path(), help="Where to write the model (.skops).")
@labelled_options
@lexicon_options
@handle_errors
def train_command(data: str | None, output: str, text_column: str, label_column: str, folds: int,
                  **kw: Any) -> None:
    """Train a stance model on DATA.csv (sentences or whole articles with labels), print its
    cross-validated report and save it; use it with `framing score --model MODEL`. Without
    DATA, trains the default model from the shipped sentences and seed annotations."""
    matcher = Matcher(get_lexicon(kw))
    if data:
        examples = read_labelled(data, text_column, label_column)
        version, what = f"{Path(data).name} ({len(examples)} rows)", data
    else:
        d = shipped_data()
        examples, version, what = [*d.team, *d.seeds], d.version, f"shipped data, {d.version}"
    try:
        _print_cv(cross_validate(examples, matcher, folds), what, "table")
    except ModelError as e:
        click.echo(f"Note: no cross-validated report: {e}", err=True)
    model = train(examples, matcher, data_version=version, origin=Path(output).name)
    save_model(model, output)
    click.echo(f"model written to {output} (labels {', '.join(model.labels)}; lexicon {model.lexicon_version}; "
               f"scikit-learn {model.sklearn_version})")


def seed_examples(entry: Entry, limit: int = 3) -> list[str]:
    """Sentences from the bundled seeds where an entry matches (when the seeds are present)."""
    seeds = Path(__file__).resolve().parent.parent / "seeds"  # only in a source checkout
    if not seeds.is_dir():
        return []
    matcher = Matcher(Lexicon("one", "", "", ("", ""), {}, (entry,)))
    out = []
    for a in read_articles([str(seeds)]).articles:
        an = analyse(a)
        for h in matcher.find_hits(an):
            if h.entry.id == entry.id:
                s = an.doc.sentences[h.sentence]
                out.append(f"{a.id[:3]}: {' '.join(a.text[s.start:s.end].split())[:160]} ({h.voice})")
                if len(out) >= limit:
                    return out
    return out


@main.command("export")
@input_options
@lexicon_options
@model_option
@click.option("-o", "--output", required=True, type=click.Path(), help="The article table to write.")
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl", "parquet"]), default="csv", show_default=True,
              help="Output format (parquet needs `pip install 'framing[parquet]'`).")
@click.option("--hits", type=click.Path(), help="Also write one row per loaded word found to this file.")
@click.option("--nested-hits", is_flag=True, help="JSONL: each article record carries its hits.")
@click.option("--errors", type=click.Path(), help="Where bad records go (default: OUTPUT.errors.csv).")
@click.option("--events", is_flag=True, help="Add event and event_label (a second pass over compact features).")
@window_option
@click.option("--excel", is_flag=True, help="CSV for German Excel: UTF-8 with BOM, semicolons, decimal comma.")
@click.option("--jobs", "-j", type=click.IntRange(1, 512), default=None, help="Worker processes (default: cores).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="dask: score on a Dask cluster (`pip install 'framing[dask]'`).")
@click.option("--scheduler", default=None, help="Dask scheduler address (default: a local cluster).")
@click.option("--resume", is_flag=True, help="Continue an interrupted export from what was completely written.")
@click.option("--max-chars", type=click.IntRange(1000), default=2_000_000, show_default=True,
              help="Skip (as an error) articles longer than this.")
@handle_errors
def export_command(paths: tuple[str, ...], output: str, fmt: str, hits: str | None, nested_hits: bool,
                   errors: str | None, events: bool, window: int, excel: bool, jobs: int | None, engine: str,
                   scheduler: str | None, resume: bool, max_chars: int, **kw: Any) -> None:
    """Score whole archives into one table: one row per article (and per hit with --hits),
    streamed in input order, on all cores; see the schema in the README. Exit code 3: the
    export finished but some records went to the errors file; 130: interrupted (use --resume)."""
    from framing.export import EXIT_ERRORS, EXIT_INTERRUPTED, ExportInterrupted, ExportOptions, ScoringConfig, export

    read = ReadOptions(text_column=kw["text_column"], id_column=kw["id_column"], outlet_column=kw["outlet_column"],
                       date_column=kw["date_column"], title_column=kw["title_column"], url_column=kw["url_column"])
    cfg = ScoringConfig(kw["lexicon_dir"], tuple(kw["extra_lexicons"]), kw["model_path"], not kw["no_stance"])
    opts = ExportOptions(output, fmt, hits, errors, events, window, excel, nested_hits, jobs, engine, scheduler,
                         resume, max_chars, progress=sys.stderr.isatty() and not kw["quiet"])
    stdin = sys.stdin.buffer.read() if "-" in paths else None
    try:
        report = export(paths, read, cfg, opts, stdin, note=lambda s: click.echo(s, err=True))
    except ExportInterrupted as e:
        click.echo(f"Error: {e}", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except KeyboardInterrupt:
        click.echo("Error: interrupted before any record was written", err=True)
        sys.exit(EXIT_INTERRUPTED)
    if not kw["quiet"]:
        click.echo(f"framing: {report.summary()}", err=True)
    if report.errors:
        sys.exit(EXIT_ERRORS)

"""The `framing` command line: thin commands over the library.

Each command parses its options, calls the library, and hands records to `framing.render`.
Problems with single inputs are warnings on stderr; `FramingError` becomes one `Error:` line
and exit code 1; nothing else is caught, so real bugs still show.
"""

from __future__ import annotations

import contextlib
import functools
import shutil
import sys
import warnings
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import click

from framing import __version__, api
from framing.articles import Article
from framing.classroom import LANGS, article_view, default_lang
from framing.errors import FramingError, LexiconError, ModelError
from framing.evaluation import agreement, evaluate_hits, load_gold
from framing.exercise import check_markings, read_markings
from framing.languages import Language, get_language
from framing.languages import available as available_languages
from framing.lexicon import Lexicon, load_lexicon
from framing.lexicon_tools import check_neutral, seed_examples, suggest
from framing.matching import Matcher
from framing.output import atomic_output
from framing.quote_eval import evaluate_quote_spans, evaluate_voice
from framing.readers import Admitted, Problem, ReadResult, iter_articles, read_articles
from framing.render import (
    FORMATS,
    iter_scores,
    render,
    render_articles,
    render_candidates,
    render_cv,
    render_entries,
    render_entry,
    render_event_evaluation,
    render_events,
    render_quotes,
    render_removed,
    render_stance_evaluation,
)
from framing.render.compare import FORMATS as COMPARE_FORMATS
from framing.render.compare import render_comparison_chunks
from framing.render.explain import use_colour
from framing.render.pages import render_check, render_explain, render_report, render_worksheet
from framing.scoring_batches import score_articles
from framing.settings import DEFAULTS, Settings  # every option default comes from framing.settings
from framing.stance import (
    LABELS,
    cross_validate,
    read_labelled,
    save_model,
    shipped_data,
    train,
)


def _fail(message: str) -> None:
    click.echo(f"Error: {message}", err=True)
    sys.exit(1)


def _heading(text: str, fmt: str) -> None:
    """A report's heading line: above the table for a reader; on stderr for csv/json/jsonl, so
    that stdout holds only data a program can parse."""
    click.echo(text, err=fmt not in ("table", "markdown"))


def _note(message: Warning | str, category: type[Warning], *_: Any, **__: Any) -> None:
    """The library's notes (lexicon, model) and read warnings as one line on stderr each."""
    kind = "Warning" if issubclass(category, api.ReadWarning) else "Note"
    click.echo(f"{kind}: {message}", err=True)


def handle_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("always", UserWarning)
                warnings.showwarning = _note
                return func(*args, **kwargs)
        except FramingError as e:
            _fail(str(e))
        except BrokenPipeError:  # `framing … | head`
            sys.stderr.close()
            sys.exit(0)

    return wrapper


def language_option(func: Callable[..., Any]) -> Callable[..., Any]:
    """--language: the language of the texts (Settings.language; an unknown one is an error that
    names the available ones). --lang, where a command has it, is the interface's language. Both
    input_options and lexicon_options add it; a command with both has it once."""
    if any(p.name == "language" for p in getattr(func, "__click_params__", ())):
        return func
    return click.option("--language", default=DEFAULTS.language, show_default=True,
                        help="Language of the texts and the lexicon (framing.languages: "
                             f"{', '.join(available_languages())}).")(func)


def input_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """PATHS, the language of the texts, and the options naming columns of CSV/JSONL inputs."""
    opts: list[Callable[[Callable[..., Any]], Callable[..., Any]]] = [
        click.argument("paths", nargs=-1, required=True),
        language_option,
        click.option("--text-column", default=DEFAULTS.text_column, show_default=True,
                     help="Column (CSV) or key (JSONL) holding the article text."),
        click.option("--id-column", default=DEFAULTS.id_column, show_default=True,
                     help="Column holding the article id."),
        click.option("--outlet-column", default=DEFAULTS.outlet_column, show_default=True,
                     help="Column holding the outlet name."),
        click.option("--date-column", default=DEFAULTS.date_column, show_default=True,
                     help="Column holding the date."),
        click.option("--title-column", default=DEFAULTS.title_column, show_default=True,
                     help="Column holding the title."),
        click.option("--url-column", default=DEFAULTS.url_column, show_default=True,
                     help="Column holding the URL."),
        click.option("--input-format", type=click.Choice(["csv", "tsv", "jsonl", "html", "txt"]), default=None,
                     help="Read every input in this format (default: from the file name, else sniffed; stdin too)."),
        click.option("--quiet", "-q", is_flag=True, help="Do not print warnings and the summary."),
    ]
    for o in reversed(opts):
        func = o(func)
    return func


def format_option(choices: tuple[str, ...] | None = FORMATS) -> Callable[..., Any]:
    """--format (choices None: the command has one format), and -o/--output FILE: what the
    command prints goes to FILE instead, written atomically (a temporary file renamed at the
    end), so an interrupted or failed run leaves no half file."""
    fmt = click.option("--format", "fmt", type=click.Choice(choices or ()), default=DEFAULTS.format,
                       show_default=True, help="Output format.") if choices else (lambda f: f)
    out = click.option("-o", "--output", "output_path", type=click.Path(dir_okay=False), default=None,
                       help="Write the output to this file (atomically) instead of stdout.")

    def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(func)
        def wrapper(*args: Any, output_path: str | None = None, **kwargs: Any) -> Any:
            if output_path is None:
                return func(*args, **kwargs)
            try:
                # what the command prints goes straight into the temporary file as it comes
                # (streamed output stays streamed), renamed when the command has succeeded
                with atomic_output(output_path) as f, contextlib.redirect_stdout(f):
                    return func(*args, **kwargs)
            except FramingError as e:
                _fail(str(e))

        return fmt(out(wrapper))

    return decorate


# a command line option -> the Settings field it sets
_SETTING = {"text_column": "text_column", "id_column": "id_column", "outlet_column": "outlet_column",
            "date_column": "date_column", "title_column": "title_column", "url_column": "url_column",
            "input_format": "input_format", "lexicon_dir": "lexicon_dir", "extra_lexicons": "extra_lexicons",
            "extra_packs": "packs", "axis": "axis", "model_path": "model", "window": "window_days", "by": "by",
            "language": "language"}


def make_settings(kw: dict[str, Any], **more: Any) -> Settings:
    """The one Settings of a run, from the command's options (taken out of `kw`)."""
    given = {field: kw.pop(opt) for opt, field in _SETTING.items() if opt in kw}
    if "no_stance" in kw:
        given["stance"] = not kw.pop("no_stance")
    return Settings(**given, **more)


def read_input(paths: tuple[str, ...], s: Settings, quiet: bool) -> list[Article]:
    """Load the lexicon and model `s` names (their errors first), then read the inputs, report
    problems and the summary on stderr; exit 1 if nothing was read."""
    api.prepare(s)
    return load(paths, {"quiet": quiet}, s).articles


STREAM_BYTES = 32 << 20  # tables this big are read row by row by events and compare


def stream_input(paths: tuple[str, ...], s: Settings, quiet: bool) -> Admitted:
    """The articles of the inputs one by one, so that only compact records of them stay (score,
    events, compare): tables of STREAM_BYTES or more are read row by row (as `framing export`
    reads them), smaller ones whole (with every repair of `read_articles`). Lexicon and model
    load first (their errors first); problems go to stderr as they come, the summary at the end;
    exit 1 if nothing was read. Each article is admitted once, as it is read (the api does not
    check it again)."""
    return Admitted(_stream_input(paths, s, quiet))


def _stream_input(paths: tuple[str, ...], s: Settings, quiet: bool) -> Iterator[Article]:
    api.prepare(s)
    stdin = sys.stdin.buffer.read() if "-" in paths else None
    stats = ReadResult()
    n = 0
    for item in iter_articles(paths, s.read_options(), stdin, stats, stream_tables=True,
                              stream_min_bytes=STREAM_BYTES):
        if isinstance(item, Problem):
            stats.problems.append(item)
            if not quiet:
                click.echo(f"Warning: {item}", err=True)
            continue
        n += 1
        yield item
    if not n:
        _fail(f"no article could be read ({stats.summary(n)}); see the warnings above")
    if not quiet:
        click.echo(f"framing: {stats.summary(n)}", err=True)


def load(paths: tuple[str, ...], kw: dict[str, Any], s: Settings | None = None) -> ReadResult:
    """Read the inputs, report problems and the summary on stderr; exit 1 if nothing was read."""
    opts = (s or make_settings(kw)).read_options()
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
    s = make_settings(kw)
    arts = read_input(paths, s, kw["quiet"])
    if show_removed:
        click.echo(render_removed(list(api.removed_lines(arts, s)), fmt), nl=False)
    else:
        click.echo(render_articles(list(api.article_records(arts, s)), fmt), nl=False)


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
    s = make_settings(kw)
    click.echo(render_quotes(list(api.quotations(read_input(paths, s, kw["quiet"]), s, kinds)), fmt), nl=False)


def lexicon_options(func: Callable[..., Any]) -> Callable[..., Any]:
    func = language_option(func)
    func = click.option("--lexicon-dir", type=click.Path(), default=DEFAULTS.lexicon_dir,
                        help="Use this lexicon folder (manifest.toml + CSV) instead of the shipped one.")(func)
    func = click.option("--lexicon", "extra_lexicons", multiple=True, type=click.Path(),
                        help="Add a CSV of your own entries on top (repeatable), e.g. a class list.")(func)
    func = click.option("--pack", "extra_packs", multiple=True,
                        help="Also switch on this topic pack of the lexicon (repeatable).")(func)
    return click.option("--axis", default=None, help="Stance axis from lexicons/axes.toml (e.g. government; "
                        "default: the lexicon's).")(func)


def get_lexicon(kw: dict[str, Any]) -> Lexicon:
    """The lexicon the options name (notes about it go to stderr)."""
    return api.lexicon_for(make_settings(kw))


def model_option(func: Callable[..., Any]) -> Callable[..., Any]:
    func = click.option("--no-stance", is_flag=True, help="Skip the stance model (loaded wording only).")(func)
    return click.option("--model", "model_path", type=click.Path(), default=DEFAULTS.model,
                        help="Stance model written by `framing train` (default: the shipped model).")(func)


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
    s = make_settings(kw)
    echo_chunks(iter_scores(api.score_records(stream_input(paths, s, kw["quiet"]), s), fmt, stance=s.stance))


ECHO_BYTES = 1 << 16  # output gathered before one write: a record at a time would cost a flush each


def echo_chunks(chunks: Iterable[str]) -> None:
    """Print pieces of output as they come, a few of them per write."""
    buf: list[str] = []
    size = 0
    for c in chunks:
        buf.append(c)
        size += len(c)
        if size >= ECHO_BYTES:
            click.echo("".join(buf), nl=False)
            buf, size = [], 0
    if buf:
        click.echo("".join(buf), nl=False)


def window_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--window", default=DEFAULTS.window_days, show_default=True, type=click.IntRange(0, 3650),
                        help="Most days between two articles of one event (partial dates count as ranges).")(func)


@main.command()
@input_options
@lexicon_options
@window_option
@format_option()
@handle_errors
def events(paths: tuple[str, ...], fmt: str, **kw: Any) -> None:
    """List the events the articles are grouped into (same dates, similar words and actors;
    an `event` column in the input wins), with their key terms, dates and articles."""
    s = make_settings(kw, stance=False)
    evs = api.events(stream_input(paths, s, kw["quiet"]), s)
    click.echo(render_events(evs, fmt), nl=False)


@main.command()
@input_options
@lexicon_options
@model_option
@window_option
@click.option("--by", type=click.Choice(["outlet", "article"]), default=DEFAULTS.by, show_default=True,
              help="One column per outlet (its articles in the event pooled) or per article.")
@click.option("--event", "event_id", default=None, help="Only this event (ids from `framing events`).")
@click.option("--width", type=click.IntRange(40, 1000), default=None,
              help="Table width in characters (default: the terminal's, else 120).")
@format_option(COMPARE_FORMATS)
@handle_errors
def compare(paths: tuple[str, ...], event_id: str | None, width: int | None, fmt: str, **kw: Any) -> None:
    """Compare how outlets cover the same events, side by side: headlines with loaded words
    marked, stance, loaded words in their own voice and quoted, how each actor is named, whom
    they quote, distinctive words (log-odds, z-scores) and reprints."""
    s = make_settings(kw)
    items = api.comparison(stream_input(paths, s, kw["quiet"]), s, event=event_id)
    w = width or shutil.get_terminal_size((120, 24)).columns
    for chunk in render_comparison_chunks(items, fmt, w, s.language):  # JSON one event at a time
        click.echo(chunk, nl=False)


def lang_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--lang", type=click.Choice(LANGS), default=None,
                        help="Interface language (default: de for a German locale, else en).")(func)


def output_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
                        help="Write to this file (atomically) instead of stdout.")(func)


def emit(text: str, output: str | None, colour: bool = False) -> None:
    if output:
        with atomic_output(output) as f:
            f.write(text)
    else:
        click.echo(text, nl=False, color=True if colour else None)


@main.command()
@input_options
@lexicon_options
@model_option
@click.option("--width", type=click.IntRange(40, 1000), default=None,
              help="Line width (default: the terminal's, else 100).")
@click.option("--format", "fmt", type=click.Choice(["text", "html", "markdown", "json"]), default="text",
              show_default=True, help="Output format (text: colour on a terminal unless NO_COLOR).")
@lang_option
@output_option
@handle_errors
def explain(paths: tuple[str, ...], width: int | None, fmt: str, lang: str | None, output: str | None,
            **kw: Any) -> None:
    """Show each article with its loaded words marked (by voice: the outlet's own, scare quotes,
    quotations with their speaker, reported speech), then every loaded word with its sentence,
    why it is loaded, a neutral wording and whom it is aimed at; the stance with the sentences
    that carry it; whom the article quotes. Sentences are numbered from 1."""
    s = make_settings(kw)
    views = list(api.views(read_input(paths, s, kw["quiet"]), s))
    w = width or min(100, shutil.get_terminal_size((100, 24)).columns)
    colour = fmt == "text" and use_colour(output is None and sys.stdout.isatty())
    emit(render_explain(views, fmt, lang or default_lang(), w, colour=colour), output, colour)


@main.command()
@input_options
@lexicon_options
@model_option
@window_option
@lang_option
@output_option
@handle_errors
def report(paths: tuple[str, ...], lang: str | None, output: str | None, **kw: Any) -> None:
    """One self-contained HTML page for a class: per event the headlines side by side, a stance
    scale, how each outlet names the actors and whom it quotes, discussion questions, and each
    article's text with its loaded words marked and explained (hover, tap, print)."""
    s = make_settings(kw)
    lang = lang or default_lang()
    emit(render_report(api.report(read_input(paths, s, kw["quiet"]), s, lang), lang, stance_on=s.stance), output)


class _SheetByDefault(click.Group):
    """`framing exercise ARTICLE` means `framing exercise sheet ARTICLE`."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("-h", "--help"):
            args = ["sheet", *args]
        return super().parse_args(ctx, args)


@main.group(cls=_SheetByDefault)
def exercise() -> None:
    """Worksheets for a class (`framing exercise ARTICLE -o sheet.html`) and the students'
    markings compared with the tool and with each other (`framing exercise check`)."""


@exercise.command("sheet")
@input_options
@lang_option
@output_option
@handle_errors
def exercise_sheet(paths: tuple[str, ...], lang: str | None, output: str | None, **kw: Any) -> None:
    """A worksheet: the article text unmarked, instructions, a table to fill in."""
    s = make_settings(kw, stance=False)
    emit(render_worksheet(list(api.views(read_input(paths, s, kw["quiet"]), s)), lang or default_lang()), output)


@exercise.command("check")
@click.argument("markings", type=click.Path(dir_okay=False))
@click.option("--article", "article_path", required=True, type=click.Path(),
              help="The article the worksheet was made from (one article).")
@lexicon_options
@lang_option
@output_option
@click.option("--format", "fmt", type=click.Choice(["text", "html", "json"]), default="text", show_default=True)
@handle_errors
def exercise_check(markings: str, article_path: str, lang: str | None, output: str | None, fmt: str,
                   quiet: bool = False, **kw: Any) -> None:
    """Compare the students' MARKINGS (CSV: term or start,end; reason; optional student) with
    the tool and with each other: Krippendorff's alpha, Cohen's kappa, words the students
    found and the tool missed (candidates for a class word list) and the reverse."""
    s = make_settings(kw, stance=False)
    matcher = Matcher(api.lexicon_for(s))
    result = read_articles([article_path], s.read_options())
    for p in result.problems:
        click.echo(f"Warning: {p}", err=True)
    if len(result.articles) != 1:
        found = ", ".join(a.id for a in result.articles) or "none"
        raise FramingError(f"{article_path}: --article must name one article (found: {found})")
    lang = lang or default_lang()
    view = article_view(next(iter(score_articles(result.articles, matcher, None))))
    checked = check_markings(view, read_markings(markings, view["text"], lang))
    for skipped in checked["skipped"]:
        click.echo(f"Warning: skipped {skipped}", err=True)
    emit(render_check(checked, fmt, lang), output)


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
    click.echo(render_entries(lex, [e for e in lex.entries if not category or e.category == category], fmt),
               nl=False)


@lexicon.command("show")
@click.argument("term")
@lexicon_options
@format_option(None)
@handle_errors
def lexicon_show(term: str, **kw: Any) -> None:
    """Show the entry for TERM (any inflected form): why it is loaded, a neutral wording, examples."""
    lex = get_lexicon(kw)
    found = lex.find(term)
    if not found:
        raise LexiconError(f"'{term}' is not in the lexicon ({lex.version}); see 'framing lexicon list'")
    click.echo("".join(render_entry(lex, e, seed_examples(e)) for e in found), nl=False)


@lexicon.command("check")
@click.argument("directory", required=False, type=click.Path())
@click.option("--lexicon", "extra_lexicons", multiple=True, type=click.Path(),
              help="Also check this CSV of your own entries (repeatable).")
@handle_errors
def lexicon_check(directory: str | None, extra_lexicons: tuple[str, ...]) -> None:
    """Validate a lexicon folder (default: the shipped one, all its packs); errors name FILE:LINE.
    Fails when an entry's neutral wording is itself flagged by the lexicon."""
    lex = load_lexicon(directory, extra_lexicons)
    lex = load_lexicon(directory, extra_lexicons, packs=lex.packs)
    for note in lex.notes:
        click.echo(f"Note: {note}", err=True)
    problems = check_neutral(lex)
    if problems:
        raise LexiconError("\n".join(problems) + f"\n{len(problems)} neutral wordings are flagged themselves")
    click.echo(f"ok: {lex.version}: {len(lex.entries)} entries in {len(lex.categories)} categories")


@lexicon.command("suggest")
@click.argument("corpus", nargs=-1, required=True)
@click.option("--reference", "reference", multiple=True, required=True,
              help="Articles to compare against (file or folder, repeatable), e.g. other outlets.")
@click.option("--top", type=click.IntRange(1), default=100, show_default=True, help="Most single words.")
@click.option("--phrases", type=click.IntRange(0), default=30, show_default=True, help="Most word pairs.")
@click.option("--min-count", type=click.IntRange(1), default=3, show_default=True,
              help="Least occurrences in CORPUS' own voice.")
@lexicon_options
@format_option(None)
@handle_errors
def lexicon_suggest(corpus: tuple[str, ...], reference: tuple[str, ...], top: int, phrases: int, min_count: int,
                    **kw: Any) -> None:
    """Candidate words and phrases over-represented in CORPUS' own voice against --reference
    (log-odds, informative prior; collocations), as lexicon CSV rows whose judgement fields are
    left empty for a person to fill."""
    s = make_settings(kw)
    lex = api.lexicon_for(s)
    sides = [read_articles(list(corpus), s.read_options()), read_articles(list(reference), s.read_options())]
    for what, res in zip(("CORPUS", "--reference"), sides, strict=True):
        if not res.articles:
            raise LexiconError(f"{what}: no article could be read ({res.summary()})")
    cands = suggest(sides[0].articles, sides[1].articles, lex, top=top, min_count=min_count, phrases=phrases)
    click.echo(render_candidates(cands), nl=False)


@main.group()
def evaluate() -> None:
    """Measure the lexicon and the stance model against hand-annotated data."""


@evaluate.command("lexicon")
@click.option("--gold", "gold_path", required=True, type=click.Path(),
              help="Gold JSONL (see docs/annotation-guidelines.md), e.g. eval/gold-seeds.jsonl.")
@click.option("--agree-with", "agree_with", default=None,
              help="A second annotation of the same documents (JSONL like --gold), or 'tool': print "
                   "Krippendorff's alpha and Cohen's kappa between the two, word by word.")
@lexicon_options
@format_option()
@handle_errors
def evaluate_lexicon(gold_path: str, agree_with: str | None, fmt: str, **kw: Any) -> None:
    """Precision, recall and F1 of the loaded-word hits against gold spans: overall, by
    category and by voice; with --agree-with, the agreement of two annotations."""
    lex = get_lexicon(kw)
    gold = load_gold(gold_path, lex.lang)
    if agree_with is not None:
        second = None if agree_with == "tool" else load_gold(agree_with, lex.lang)
        rows = [a.row() for a in agreement(gold, second, Matcher(lex), second_name=agree_with)]
        _heading(f"agreement: {gold_path} vs {agree_with} ({len(gold)} documents); lexicon: {lex.version}", fmt)
        click.echo(render(rows, ["labels", "items", "krippendorff_alpha", "cohen_kappa"], fmt), nl=False)
        return
    report = evaluate_hits(gold, Matcher(lex))
    recs = report.rows()
    _heading(f"gold: {gold_path} ({report.documents} documents, {report.gold_total} gold spans); "
             f"lexicon: {lex.version}", fmt)
    click.echo(render(recs, ["scope", "group", "gold", "predicted", "tp", "precision", "recall", "f1"], fmt),
               nl=False)


@evaluate.command("events")
@input_options
@lexicon_options
@window_option
@click.option("--gold", "gold_path", required=True, type=click.Path(),
              help="CSV with columns id and event (an empty event: an article of its own).")
@format_option(("table", "markdown", "csv", "json"))
@handle_errors
def evaluate_events(paths: tuple[str, ...], gold_path: str, fmt: str, **kw: Any) -> None:
    """Compare the events of PATHS with true events: adjusted Rand index, homogeneity,
    completeness, V-measure, and which true events were split or merged."""
    s = make_settings(kw)
    report = api.evaluate_events(read_input(paths, s, kw["quiet"]), gold_path, s)
    click.echo(render_event_evaluation(report, fmt), nl=False)


def labelled_options(func: Callable[..., Any]) -> Callable[..., Any]:
    func = click.option("--label-column", default=DEFAULTS.label_column, show_default=True,
                        help=f"Column holding the label ({', '.join(LABELS)}).")(func)
    func = click.option("--text-column", default=DEFAULTS.text_column, show_default=True,
                        help="Column holding the sentence or article text.")(func)
    return click.option("--folds", default=DEFAULTS.folds, show_default=True, type=click.IntRange(2, 20),
                        help="Folds of the stratified cross-validation.")(func)


def _examples(data: str | None, text_column: str, label_column: str, matcher: Matcher) -> tuple[list[Any], str]:
    if data:
        return read_labelled(data, text_column, label_column), data
    d = shipped_data(matcher.language.lexicon_folder)
    return list(d.team), f"team-written sentences, {d.version}"


@evaluate.command("stance")
@click.argument("data", required=False, type=click.Path())
@labelled_options
@lexicon_options
@format_option(("table", "markdown", "csv", "json"))
@click.option("--articles", type=click.Path(), help="Folder of ID.txt articles: article stance against --gold.")
@click.option("--gold", "gold_path", type=click.Path(), help="CSV of article labels: id, stance (-2 … +2).")
@click.option("--manifest", type=click.Path(), help="CSV with id, event, outlet_group, outlet (groups, LOEO folds).")
@click.option("--fit-weights", type=click.Path(), help="Re-choose the signal weights by leave-one-event-out CV "
              "and write them to this TOML (e.g. lexicons/stance-weights.toml).")
@handle_errors
def evaluate_stance(data: str | None, text_column: str, label_column: str, folds: int, fmt: str,
                    articles: str | None, gold_path: str | None, manifest: str | None, fit_weights: str | None,
                    **kw: Any) -> None:
    """Cross-validate the stance classifier on DATA (default: the shipped team-written
    sentences): macro-F1, per-class precision/recall and the confusion matrix, beside a
    lexicon-only and a majority baseline. With --articles and --gold: article stance against
    labelled articles (Spearman rho, mean per outlet group, the articles furthest from their
    label; with --manifest also leave-one-event-out figures)."""
    if articles or gold_path:
        from framing.stance_fit import evaluate_articles
        ev = evaluate_articles(articles, gold_path, manifest, fit_weights, Matcher(get_lexicon(kw)))
        click.echo(render_stance_evaluation(ev), nl=False)
        return
    matcher = Matcher(get_lexicon(kw))
    examples, what = _examples(data, text_column, label_column, matcher)
    click.echo(render_cv(cross_validate(examples, matcher, folds), what, fmt), nl=False)


def _text_language(code: str) -> Language:
    """The language a --language names, for the commands that take no Settings (an unknown
    code is the SettingsError of `Settings`)."""
    return get_language(Settings(language=code).language)


@evaluate.command("quotes")
@click.option("--gold", "gold_path", required=True, type=click.Path(),
              help="Span gold JSONL (id, type, start, end, speaker); texts in texts/ID.txt beside it.")
@click.option("--texts", type=click.Path(), default=None, help="Folder of ID.txt (default: texts/ beside --gold).")
@language_option
@format_option()
@handle_errors
def evaluate_quotes(gold_path: str, texts: str | None, language: str, fmt: str) -> None:
    """Span and character P/R/F1 of direct and reported speech, and speaker accuracy."""
    report = evaluate_quote_spans(gold_path, texts, _text_language(language))
    _heading(f"gold: {gold_path} ({report.documents} documents)", fmt)
    click.echo(render(report.rows(), list(report.rows()[0]), fmt), nl=False)


@evaluate.command("voice")
@click.argument("set_dir", type=click.Path())
@click.option("--texts", required=True, type=click.Path(), help="Folder of the set's texts, named ID.txt.")
@language_option
@format_option()
@handle_errors
def evaluate_voice_command(set_dir: str, texts: str, language: str, fmt: str) -> None:
    """Quoted gold terms given a quote/reported voice, own-voice terms given to a speaker, and
    quoted speakers found, on an annotated set (manifest.csv, gold.csv, speakers.csv)."""
    report = evaluate_voice(set_dir, texts, _text_language(language))
    _heading(f"set: {set_dir} ({report.articles} articles)", fmt)
    click.echo(render(report.rows(), ["measure", "count", "share"], fmt), nl=False)


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
        d = shipped_data(matcher.language.lexicon_folder)
        examples, version, what = [*d.team, *d.seeds], d.version, f"shipped data, {d.version}"
    try:
        click.echo(render_cv(cross_validate(examples, matcher, folds), what, "table"), nl=False)
    except ModelError as e:
        click.echo(f"Note: no cross-validated report: {e}", err=True)
    model = train(examples, matcher, data_version=version, origin=Path(output).name)
    save_model(model, output)
    click.echo(f"model written to {output} (labels {', '.join(model.labels)}; lexicon {model.lexicon_version}; "
               f"scikit-learn {model.sklearn_version})")


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

    s = make_settings(kw)
    cfg = ScoringConfig(s.lexicon_dir, s.extra_lexicons, s.model, s.stance, language=s.language, packs=s.packs,
                        axis=s.axis)
    opts = ExportOptions(output, fmt, hits, errors, events, window, excel, nested_hits, jobs, engine, scheduler,
                         resume, max_chars, progress=sys.stderr.isatty() and not kw["quiet"])
    stdin = sys.stdin.buffer.read() if "-" in paths else None
    try:
        report = export(paths, s.read_options(), cfg, opts, stdin, note=lambda n: click.echo(n, err=True))
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

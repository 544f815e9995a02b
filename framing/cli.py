"""The `framing` command line: thin commands over the library.

Each command parses its options, calls the library, and hands records to `framing.render`.
Problems with single inputs are warnings on stderr; `FramingError` becomes one `Error:` line
and exit code 1; nothing else is caught, so real bugs still show.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Any

import click

from framing import __version__
from framing.analysis import analyse
from framing.errors import FramingError
from framing.ingest import ReadOptions, ReadResult, read_articles
from framing.render import FORMATS, render


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


def input_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """PATHS plus the options naming columns of CSV/JSONL inputs."""
    opts = [
        click.argument("paths", nargs=-1, required=True),
        click.option("--text-column", default=ReadOptions.text_column, show_default=True,
                     help="Column (CSV) or key (JSONL) holding the article text."),
        click.option("--id-column", default=ReadOptions.id_column, show_default=True,
                     help="Column holding the article id."),
        click.option("--outlet-column", default=ReadOptions.outlet_column, show_default=True,
                     help="Column holding the outlet name."),
        click.option("--date-column", default=ReadOptions.date_column, show_default=True,
                     help="Column holding the date."),
        click.option("--title-column", default=ReadOptions.title_column, show_default=True,
                     help="Column holding the title."),
        click.option("--url-column", default=ReadOptions.url_column, show_default=True,
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

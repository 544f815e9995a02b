"""HTML (and the other formats) of the classroom views: `framing explain`, `framing report`,
`framing exercise`.

Pages are rendered with Jinja2 templates from `framing/templates/` with autoescape on: every
piece of article text, title, outlet or student answer is escaped, and each page carries a
Content-Security-Policy that allows no script, no external font or style and no request at all,
so a page is one self-contained offline file. Hover, tap (keyboard focus) and print show the
explanations without any script: CSS `:hover`/`:focus` for the tooltips, numbered notes under
each text for print.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from typing import Any

from framing import __version__
from framing.classroom import Labels, labels
from framing.render.explain import check_text, explain_json_record, explain_markdown, explain_text


@cache
def _env() -> Any:
    import jinja2

    return jinja2.Environment(
        loader=jinja2.PackageLoader("framing", "templates"),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html", "j2"), default_for_string=True),
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True, undefined=jinja2.StrictUndefined,
    )


def render_page(template: str, L: Labels, **data: Any) -> str:
    data.setdefault("axis", "")
    return str(_env().get_template(template).render(L=L, version=__version__, **data))


def used_categories(views: Sequence[dict[str, Any]]) -> list[str]:
    """The categories the pages show, in the label table's order (unknown ones last)."""
    seen = {f["category"] for v in views for f in v["flags"]}
    order = list(labels("en").categories)
    return sorted(seen, key=lambda c: (order.index(c) if c in order else len(order), c))


def _lexicon_of(views: Sequence[dict[str, Any]]) -> str:
    return next((str(v["lexicon_version"]) for v in views if v.get("lexicon_version")), "")


def _axis_of(views: Sequence[dict[str, Any]]) -> str:
    return next((v["stance"]["axis"] for v in views if v.get("stance") and v["stance"].get("axis")), "")


def render_explain(views: Sequence[dict[str, Any]], fmt: str, lang: str, width: int = 100,
                   colour: bool = False) -> str:
    """`framing explain` in one of text, markdown, json, html."""
    L = labels(lang)
    if fmt == "json":
        return json.dumps([explain_json_record(v) for v in views], ensure_ascii=False, indent=2) + "\n"
    if fmt == "markdown":
        return "\n".join(explain_markdown(v, L) for v in views)
    if fmt == "html":
        return render_page("explain.html.j2", L, views=list(views), categories=used_categories(views),
                           lexicon=_lexicon_of(views), axis=_axis_of(views))
    return "\n".join(explain_text(v, L, width, colour) for v in views)


def render_report(events: Sequence[dict[str, Any]], lang: str, skipped: Sequence[str] = (),
                  stance_on: bool = True) -> str:
    """`framing report`: events (from framing.classroom.event_view), multi-outlet events first."""
    L = labels(lang)
    views = [v for e in events for c in e["columns"] for v in c["articles"]]
    skipped = [*skipped, *(L["truncated"].format(shown=v["shown_words"], total=v["words"]) + f" ({v['id']})"
                           for v in views if v["shown_chars"] < len(v["text"]))]
    return render_page("report.html.j2", L, events=list(events), categories=used_categories(views),
                       lexicon=_lexicon_of(views), axis=_axis_of(views), skipped=skipped, stance_on=stance_on)


def render_worksheet(views: Sequence[dict[str, Any]], lang: str) -> str:
    """`framing exercise`: the text unmarked, the instructions and a table to fill in."""
    return render_page("worksheet.html.j2", labels(lang), views=list(views), lexicon=_lexicon_of(views))


def render_check(result: dict[str, Any], fmt: str, lang: str) -> str:
    """`framing exercise check` as text, json or html."""
    L = labels(lang)
    if fmt == "json":
        return json.dumps(result, ensure_ascii=False, indent=2) + "\n"
    if fmt == "html":
        return render_page("check.html.j2", L, result=result, lexicon="")
    return check_text(result, L)

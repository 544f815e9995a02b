"""Views of a comparison: wrapped terminal tables, markdown, HTML, CSV (long form) and JSON.

The computing stage (`framing.compare`, through `framing.api.comparison`) hands over
`EventComparison` records; this module only turns them into text, so every format carries the
same content.
"""

from __future__ import annotations

import html
import textwrap
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from tabulate import tabulate

from framing.languages import DEFAULT as DEFAULT_LANGUAGE
from framing.output import csv_line, csv_safe, printable
from framing.records import EventComparison
from framing.render import iter_json_array

LABEL_WIDTH = 18
MIN_COLUMN = 14


def _list(v: Any) -> str:
    return ", ".join(_item(x) for x in v) if v else "–"


def _item(x: Any) -> str:
    """One structured cell item of framing.compare as people read it."""
    if isinstance(x, dict):
        if "count" in x:
            return f"{x['term']} ({x['count']})"
        if "z" in x:
            return f"{x['term']} ({x['z']:.1f}{'*' if x['significant'] else ''})"
        if "overlap" in x:
            return f"{x['copy']} same text as {x['original']} ({x['overlap']:.0%})"
    return str(x)


def _headline(h: dict[str, Any]) -> str:
    """A headline with its loaded words in [brackets]."""
    text, out, pos = h["text"], [], 0
    for m in h["marks"]:
        out.append(text[pos : m["start"]] + f"[{text[m['start'] : m['end']]}]")
        pos = m["end"]
    return "".join(out) + text[pos:]


def aspect_rows(cols: Sequence[dict[str, Any]]) -> list[tuple[str, list[str]]]:
    """(aspect, one text per column) in the order a reader scans them; `cols`: the columns
    of an EventComparison as dicts."""
    rows: list[tuple[str, list[str]]] = []

    def add(name: str, f: Any) -> None:
        rows.append((name, [f(c) for c in cols]))

    add("articles", lambda c: f"{c['articles']} ({', '.join(c['dates'])})")
    add("headlines ([loaded])", lambda c: "\n".join(_headline(h) for h in c["headlines"]) or "–")
    add("stance (own-voice framing; not selection, omission)",
        lambda c: (f"{c['stance']:+.2f} {c['stance_label']} (confidence {c['stance_confidence']:.2f})"
                   if c["stance"] is not None else "–"))
    add("loaded per 1,000 words (own voice; not sourcing, selection, omission)",
        lambda c: f"{c['loaded_per_1000']:.1f}")
    add("loaded words, own voice", lambda c: _list(c["own_terms"]))
    add("loaded words, quoted", lambda c: _list(c["quoted_terms"]))
    if any(c["conventional_terms"] for c in cols):
        add("conventional or technical terms, own voice (shown, not counted)", lambda c: _list(c["conventional_terms"]))
    actors = list(cols[0]["naming"]) if cols else []
    for a in actors:
        rows.append((f"{a} named as", [_list([*c["naming"].get(a, []),
                                              *([f"name only ({n})"] if (n := c["name_only"].get(a)) else [])])
                                       for c in cols]))
        aimed = [c["aimed"].get(a, []) for c in cols]
        if any(aimed):
            rows.append((f"loaded words aimed at {a}", [_list(x) for x in aimed]))
    add("quotes (by side)", lambda c: "\n".join(f"{camp}: {_list(v)}" for camp, v in c["quoted_sources"].items())
        or "–")
    add("attribution verbs", lambda c: _list(c["attribution_verbs"]))
    add("distinctive words (z)", lambda c: _list(c["distinctive"]) if len(cols) > 1 else "only one column")
    add("reprints", lambda c: _list([*(f"reprint of {r}" for r in c["reprint_of"]), *c["reprints"]]))
    return rows


def event_heading(e: dict[str, Any]) -> str:
    outlets = e["outlets"]
    shown = ", ".join(outlets[:4]) + (f" and {len(outlets) - 4} more" if len(outlets) > 4 else "")
    n = len(e["articles"])
    return f"{e['id']}: {e['label']} · {e['dates']} · {n} article(s), {len(outlets)} outlet(s): {shown}"


def render_table(item: EventComparison, width: int, markdown: bool = False) -> str:
    """The comparison as text: a grid that fits `width` (columns that do not fit side by side
    follow in further grids, each with the aspect labels), or one markdown table."""
    e = item.event.as_dict()
    cols = [c.as_dict() for c in item.columns]
    rows = [(name, [printable(x) for x in cells]) for name, cells in aspect_rows(cols)]
    note = ""
    if len({c["name"] for c in cols}) < 2:
        note = textwrap.fill("Only one column in this event: nothing to set side by side, the figures stand alone.",
                             width) + "\n"
    if markdown:
        body = [[name, *(html.escape(x, quote=False).replace("|", "\\|").replace("\n", "<br>") for x in cells)]
                for name, cells in rows]
        table = tabulate(body, headers=["", *(c["name"] for c in cols)], tablefmt="github", disable_numparse=True)
        return f"## {event_heading(e)}\n{note}\n{table}\n"
    # a grid line is: label + 4 + (column + 3) per column (borders and padding)
    per_grid = max(1, (width - LABEL_WIDTH - 4) // (MIN_COLUMN + 3))
    n = len(cols)
    grids = []
    for g in range(0, max(n, 1), per_grid):
        group = range(g, min(n, g + per_grid))
        colw = max(MIN_COLUMN, (width - LABEL_WIDTH - 4 - 3 * len(group)) // max(1, len(group)))
        heads = ["", *(textwrap.fill(cols[k]["name"], colw) for k in group)]
        body = [[textwrap.fill(name, LABEL_WIDTH),
                 *("\n".join(textwrap.fill(line, colw) or " " for line in cells[k].split("\n")) for k in group)]
                for name, cells in rows]
        grid = tabulate(body, headers=heads, tablefmt="grid", disable_numparse=True)
        if n > per_grid:
            grid = f"columns {g + 1}–{group[-1] + 1} of {n}\n{grid}"
        grids.append(grid)
    return f"{textwrap.fill(event_heading(e), width)}\n{note}\n" + "\n\n".join(grids) + "\n"


def render_html(items: Sequence[EventComparison], language: str = DEFAULT_LANGUAGE) -> str:
    """The comparison as one HTML page; `language`: the code of the articles' language."""
    out = ["<!DOCTYPE html>", f'<html lang="{html.escape(language)}"><head><meta charset="utf-8">'
           "<title>framing compare</title>",
           "<style>body{font-family:sans-serif}table{border-collapse:collapse;margin-bottom:2em}"
           "td,th{border:1px solid #999;padding:4px 8px;vertical-align:top;text-align:left}"
           "th{background:#eee}mark{background:#fd8}</style></head><body>"]
    for item in items:
        e, cols = item.event.as_dict(), [c.as_dict() for c in item.columns]
        out.append(f"<h2>{html.escape(event_heading(e))}</h2>")
        out.append("<table><tr><th></th>" + "".join(f"<th>{html.escape(c['name'])}</th>" for c in cols) + "</tr>")
        for name, cells in aspect_rows(cols):
            tds = []
            for x in cells:
                cell = html.escape(x).replace("\n", "<br>")
                if name.startswith("headlines"):
                    cell = cell.replace("[", "<mark>").replace("]", "</mark>")
                tds.append(f"<td>{cell}</td>")
            out.append(f"<tr><th>{html.escape(name)}</th>{''.join(tds)}</tr>")
        out.append("</table>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def render_csv(items: Sequence[EventComparison]) -> str:
    out = [csv_line(["event", "event_label", "dates", "column", "aspect", "value"])]
    for item in items:
        e, cols = item.event, [c.as_dict() for c in item.columns]
        for name, cells in aspect_rows(cols):
            for c, x in zip(cols, cells, strict=True):
                cells_out = (e.id, e.label, e.dates, c["name"], name, x.replace("\n", " | "))
                out.append(csv_line(csv_safe(v) for v in cells_out))
    return "".join(out)


# the keys of a column in JSON, in the order a reader scans them (a stance only when computed)
_JSON_KEYS = ("name", "dates", "headlines", "stance", "stance_label", "stance_confidence", "words", "loaded_per_1000",
              "own_terms", "quoted_terms", "conventional_terms", "naming", "name_only", "aimed", "quoted_sources",
              "attribution_verbs", "ids", "articles", "reprints", "reprint_of", "distinctive")


def comparison_record(item: EventComparison) -> dict[str, Any]:
    e = item.event
    cols = [c.as_dict() for c in item.columns]
    return {"event": e.id, "label": e.label, "key_terms": list(e.terms), "dates": e.dates,
            "explicit_event": e.explicit, "articles": list(e.articles), "outlets": list(e.outlets),
            "columns": [{k: c[k] for k in _JSON_KEYS if c[k] is not None or not k.startswith("stance")}
                        for c in cols]}


def comparison_records(items: Iterable[EventComparison]) -> list[dict[str, Any]]:
    return [comparison_record(item) for item in items]


def iter_json(items: Iterable[EventComparison]) -> Iterator[str]:
    """`render_json` one event at a time (the same bytes): an archive's comparison is never held
    whole in memory."""
    yield from iter_json_array(comparison_record(item) for item in items)


def render_json(items: Iterable[EventComparison]) -> str:
    return "".join(iter_json(items))


FORMATS = ("table", "markdown", "csv", "json", "html")


def render_comparison(items: Sequence[EventComparison], fmt: str, width: int = 120,
                      language: str = DEFAULT_LANGUAGE) -> str:
    """`framing compare` in one of FORMATS (`width`: of the terminal table; `language`: the code
    of the articles' language, for the HTML page)."""
    if fmt == "json":
        return render_json(items)
    if fmt == "csv":
        return render_csv(items)
    if fmt == "html":
        return render_html(items, language)
    return "\n".join(render_table(item, width, markdown=fmt == "markdown") for item in items)


def render_comparison_chunks(items: Iterable[EventComparison], fmt: str, width: int = 120,
                             language: str = DEFAULT_LANGUAGE) -> Iterator[str]:
    """`render_comparison` in pieces whose concatenation is the same text: JSON one event at a
    time (an archive's comparison is never held whole), the other formats at once."""
    if fmt == "json":
        yield from iter_json(items)
    else:
        yield render_comparison(list(items), fmt, width, language)

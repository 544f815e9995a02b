"""The one place that knows output formats: table, markdown, csv, json, jsonl.

Commands hand over plain records (lists of dicts with JSON-ready values) and the columns to
show; rounding and cell shortening happen here, never in the computing stages.
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from typing import Any

from tabulate import tabulate

from framing.output import csv_line, csv_safe, printable

FORMATS = ("table", "markdown", "csv", "json", "jsonl")
DECIMALS = 2
# widest cell in a terminal table before it is shortened with "…"
MAX_CELL = 60


def _counted(value: Any) -> str | None:
    """A {"term", "count"} record as people read it ("angeblich (1)"), else None."""
    if isinstance(value, dict) and value.keys() == {"term", "count"}:
        return f"{value['term']} ({value['count']})"
    return None


def _cell(value: Any, width: int | None) -> str:
    if value is None:
        return ""
    if (shown := _counted(value)) is not None:
        value = shown
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.{DECIMALS}f}"
    if isinstance(value, (list, tuple)):
        value = ", ".join(_cell(v, None) for v in value)
    text = printable(" ".join(str(value).split()))
    if width and len(text) > width:
        return text[: width - 1] + "…"
    return text


def _json_ready(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, dict):
        return {k: _json_ready(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json_ready(v) for v in value]
    return value


def render(records: Sequence[dict[str, Any]], columns: Sequence[str], fmt: str,
           *, headers: dict[str, str] | None = None, max_cell: int = MAX_CELL) -> str:
    """Render records. Table formats show `columns`; csv shows `columns`; json/jsonl all keys."""
    if fmt == "json":
        return json.dumps([_json_ready(r) for r in records], ensure_ascii=False, indent=2) + "\n"
    if fmt == "jsonl":
        return "".join(json.dumps(_json_ready(r), ensure_ascii=False) + "\n" for r in records)
    if fmt == "csv":
        # cells quoted when they hold a separator, quote, CR or LF, and neutralised where a
        # spreadsheet would run them as a formula (framing.output)
        lines = [csv_line(csv_safe(c) for c in columns)]
        lines.extend(csv_line(_csv_cell(r.get(c)) for c in columns) for r in records)
        return "".join(lines)
    heads = [(headers or {}).get(c, c) for c in columns]
    rows = [[_cell(r.get(c), max_cell if fmt == "table" else None) for c in columns] for r in records]
    tablefmt = "github" if fmt == "markdown" else "simple"
    if fmt == "markdown":  # raw HTML from the input would be rendered by a Markdown viewer
        rows = [[html.escape(c, quote=False).replace("|", "\\|") for c in row] for row in rows]
    return tabulate(rows, headers=heads, tablefmt=tablefmt, disable_numparse=True) + "\n"


def _csv_cell(value: Any) -> str:
    return csv_safe(_csv_text(value))


def _csv_text(value: Any) -> str:
    if (shown := _counted(value)) is not None:
        return shown
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:.4f}"
    if isinstance(value, (list, tuple)):
        return "; ".join(_csv_text(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)

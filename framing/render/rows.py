"""Rows as text for streamed files: one CSV record or one JSON line per row.

`framing export` writes archives row by row (framing.export keeps the files, the atomic
renaming and the resumption); how a row becomes text is decided here, like every other output
format of the package (framing.render).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from framing.output import csv_line, csv_safe


def export_cell(v: Any, excel: bool) -> str:
    """One value as a CSV cell of an export: numbers as Python writes them (all digits; a decimal
    comma for Excel), booleans as true/false, text spreadsheet-safe (framing.output.csv_safe)."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return repr(v).replace(".", ",") if excel else repr(v)
    return csv_safe(str(v))


def csv_header(columns: Sequence[str], delimiter: str) -> str:
    """The header line of an export CSV."""
    return csv_line(columns, delimiter)


def csv_row(row: dict[str, Any], columns: Sequence[str], delimiter: str, excel: bool) -> str:
    """One row of an export CSV: the values of `columns`, in order."""
    return csv_line([export_cell(row.get(c), excel) for c in columns], delimiter)


def json_line(row: dict[str, Any], columns: Sequence[str] | None = None) -> str:
    """One row as a JSON line: only `columns` (in order) when given, else the whole row."""
    return json.dumps({c: row.get(c) for c in columns} if columns is not None else row, ensure_ascii=False) + "\n"

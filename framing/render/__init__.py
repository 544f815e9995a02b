"""The one place that knows output formats: table, markdown, csv, json, jsonl (and html,
text where a command has them).

Commands hand over plain records (lists of dicts with JSON-ready values, or the typed records
of framing.records) and this package picks the columns, headers, rounding and cell shortening;
the computing stages never format. A new format for the record commands is one more branch in
`render` and one more name in FORMATS (every command's --format takes its choices from there).
The comparison (`framing.render.compare`), the classroom pages (`framing.render.pages`) and the
terminal and markdown texts of `explain` (`framing.render.explain`) live beside it.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable, Iterator, Sequence
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
    return "".join(iter_render(records, columns, fmt, headers=headers, max_cell=max_cell))


def iter_render(records: Iterable[dict[str, Any]], columns: Sequence[str], fmt: str,
                *, headers: dict[str, str] | None = None, max_cell: int = MAX_CELL) -> Iterator[str]:
    """`render` in pieces whose concatenation is the same text, taking the records as they
    come: csv, json and jsonl one record at a time (memory holds one record, not the output);
    a table or markdown table needs every row for its column widths, so it keeps the rows'
    shown cells (not the records) and comes out whole at the end."""
    if fmt == "json":
        # json.dumps(list, indent=2) itself: "[", each record indented by two spaces, "]"
        first = True
        for r in records:
            text = json.dumps(_json_ready(r), ensure_ascii=False, indent=2)
            yield ("[\n" if first else ",\n") + "\n".join("  " + line for line in text.split("\n"))
            first = False
        yield "[]\n" if first else "\n]\n"
        return
    if fmt == "jsonl":
        yield from (json.dumps(_json_ready(r), ensure_ascii=False) + "\n" for r in records)
        return
    if fmt == "csv":
        # cells quoted when they hold a separator, quote, CR or LF, and neutralised where a
        # spreadsheet would run them as a formula (framing.output)
        yield csv_line(csv_safe(c) for c in columns)
        yield from (csv_line(_csv_cell(r.get(c)) for c in columns) for r in records)
        return
    heads = [(headers or {}).get(c, c) for c in columns]
    rows = [[_cell(r.get(c), max_cell if fmt == "table" else None) for c in columns] for r in records]
    tablefmt = "github" if fmt == "markdown" else "simple"
    if fmt == "markdown":  # raw HTML from the input would be rendered by a Markdown viewer
        rows = [[html.escape(c, quote=False).replace("|", "\\|") for c in row] for row in rows]
    yield tabulate(rows, headers=heads, tablefmt=tablefmt, disable_numparse=True) + "\n"


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


def render_events(events: Sequence[Any], fmt: str) -> str:
    """`framing events`: EventRecords (framing.records) in any of FORMATS."""
    recs = [{"event": e.id, "label": e.label, "dates": e.dates, "outlets": list(e.outlets),
             "articles": list(e.articles), "n": len(e.articles)} for e in events]
    return render(recs, ["event", "label", "dates", "n", "outlets", "articles"], fmt, max_cell=60)


def render_articles(recs: Sequence[dict[str, Any]], fmt: str) -> str:
    """`framing articles`: an outlet inferred from the text or URL is marked * in tables."""
    if fmt in ("table", "markdown"):
        recs = [{**r, "outlet": f"{r['outlet']}*"} if r["outlet"] and r["outlet_inferred"] else r for r in recs]
    cols = ["id", "outlet", "date", "title", "words", "sentences", "quotes", "removed"]
    if fmt == "csv":
        cols += ["outlet_inferred", "outlet_evidence", "reprint_of", "author", "url", "source"]
    return render(recs, cols, fmt)


def render_removed(recs: Sequence[dict[str, Any]], fmt: str) -> str:
    """`framing articles --removed`: the boilerplate lines taken out."""
    return render(recs, ["id", "line", "rule", "text"], fmt)


def render_quotes(recs: Sequence[dict[str, Any]], fmt: str) -> str:
    """`framing quotes`: one row per quotation span."""
    return render(recs, ["id", "kind", "speaker", "cue", "start", "end", "text"], fmt)


SCORE_HEADERS = {"loaded_per_1000": "loaded/1000", "top_terms": "top own-voice terms",
                 "quoted_terms": "quoted terms", "stance_shown": "stance (confidence)"}


def render_scores(recs: Sequence[dict[str, Any]], fmt: str, stance: bool) -> str:
    """`framing score`: one row per article (`stance`: the run computed stances); tables end
    with what the stance and the loaded-word figure measure."""
    return "".join(iter_scores(recs, fmt, stance))


def iter_scores(recs: Iterable[dict[str, Any]], fmt: str, stance: bool) -> Iterator[str]:
    """`render_scores` in pieces, the records taken as they come (see `iter_render`): csv,
    json and jsonl stream; a table keeps only its rows' shown cells until the end."""
    from framing.stance import LOADED_MEASURES, MEASURES, stance_shown

    first: list[dict[str, Any]] = []

    def shown(rs: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        for r in rs:
            if not first:
                first.append(r)
            yield {**r, "stance_shown": stance_shown(r)} if "stance" in r else r

    cols = ["outlet", "date", "title", "words", *(["stance_shown"] if stance else []), "loaded_per_1000",
            "top_terms", "quoted_terms"]
    if fmt == "csv":
        stance_csv = ["stance", "stance_label", "stance_axis", "stance_confidence", "stance_reason"] if stance else []
        cols = ["id", "outlet", "date", "title", "words", *stance_csv, "loaded_per_1000", "intensity", "top_terms",
                "quoted_terms", "own_hits", "quoted_hits", "lexicon_version"]
    yield from iter_render(shown(recs), cols, fmt, headers=SCORE_HEADERS, max_cell=40)
    if fmt in ("table", "markdown") and first:
        yield f"\nstance: {first[0].get('stance_measures', MEASURES)}.\nloaded/1000: {LOADED_MEASURES}.\n"


def render_entries(lex: Any, entries: Sequence[Any], fmt: str) -> str:
    """`framing lexicon list`: lexicon entries (framing.lexicon.Entry) of `lex`."""
    recs = [{"id": e.id, "term": e.term, "match": e.match, "category": e.category,
             "leaning": e.leaning, "weight": e.weight, "contested": e.contested,
             "neutral": "; ".join(e.neutral), "explanation": e.explanation,
             "target_note": e.target_note, "source": e.source, "register": e.register, "pack": e.pack,
             "example": e.example, "lexicon_version": lex.version} for e in entries]
    cols = ["term", "category", "leaning", "weight", "neutral"]
    if fmt == "csv":
        cols = ["id", "term", "match", "category", "leaning", "weight", "contested", "neutral", "explanation"]
    return render(recs, cols, fmt, max_cell=45)


def render_entry(lex: Any, e: Any, examples: Sequence[dict[str, str]] = ()) -> str:
    """`framing lexicon show`: one entry, why it is loaded, a neutral wording, `examples`
    (framing.lexicon_tools.seed_examples)."""
    out = [f"{e.term}  [{e.id}]",
           f"  category:    {e.category} ({lex.categories.get(e.category, '')})",
           f"  leaning:     {e.leaning} (axis {lex.axis}){'  – contested' if e.contested else ''}"]
    if e.target_note:
        out.append(f"  target:      {e.target_note}")
    out += [f"  weight:      {e.weight:g}", f"  matches:     {e.match}", f"  why loaded:  {e.explanation}",
            f"  neutral:     {'; '.join(e.neutral)}",
            f"  register:    {e.register}{f' (pack {e.pack})' if e.pack else ''}"]
    if e.example:
        out.append(f"  example:     {e.example}")
    out.append(f"  source:      {e.source} ({e.origin})")
    if examples:
        out.append("  examples:")
        out += [f"    – {x['id'][:3]}: {' '.join(x['sentence'].split())[:160]} ({x['voice']})" for x in examples]
    return "".join(printable(line) + "\n" for line in out)


def render_event_evaluation(r: Any, fmt: str) -> str:
    """`framing evaluate events`: the measures, then the true events split and merged."""
    if fmt == "json":
        import dataclasses

        return json.dumps(dataclasses.asdict(r), ensure_ascii=False, indent=2) + "\n"
    out = [f"{r.articles} articles in the gold file ({len(r.not_in_gold)} read but not in it, "
           f"{len(r.not_read)} in it but not read)\n", render(r.rows(), ["measure", "value"], fmt)]
    for title, rows, cols in (("true events split", r.split, ["true_event", "articles", "into"]),
                              ("events merging true events", r.merged, ["event", "articles", "holds"])):
        out.append(f"\n{title}: {len(rows)}\n")
        if rows:
            out.append(render(rows, cols, fmt, max_cell=80))
    return "".join(out)


def render_cv(report: Any, what: str, fmt: str) -> str:
    """A cross-validated stance report (framing.stance.CVReport) of `what` data: per system
    macro-F1, accuracy, per-class precision and recall; tables add the confusion matrix."""
    from framing.stance import LABELS

    out = [f"data: {what}: {report.n} examples; stratified {report.folds}-fold cross-validation\n"]
    recs = []
    for system, sc in report.scores.items():
        per = sc["per_class"]
        rec: dict[str, object] = {"system": system, "macro_f1": sc["macro_f1"], "accuracy": sc["accuracy"]}
        for lab in LABELS:
            rec[f"{lab}_p"] = per[lab]["precision"]
            rec[f"{lab}_r"] = per[lab]["recall"]
        recs.append(rec)
    cols = ["system", "macro_f1", "accuracy", *[f"{lab}_{m}" for lab in LABELS for m in ("p", "r")]]
    headers = {f"{lab}_{m}": f"{lab} {'P' if m == 'p' else 'R'}" for lab in LABELS for m in ("p", "r")}
    headers |= {"macro_f1": "macro-F1"}
    out.append(render(recs, cols, fmt, headers=headers))
    if fmt in ("table", "markdown"):
        conf = report.scores["classifier"]["confusion"]
        rows = [{"gold": g, **{f"→ {q}": conf[g][q] for q in LABELS}} for g in LABELS]
        out.append("\nclassifier confusion matrix (rows: gold, columns: predicted)\n")
        out.append(render(rows, ["gold", *[f"→ {q}" for q in LABELS]], fmt))
    return "".join(out)

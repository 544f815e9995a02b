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


# records of a name and its count, by their keys: (the name's key, the count's key)
_NAMED_COUNTS = ({"term": "count"}, {"event": "articles"}, {"true_event": "articles"})


def _counted(value: Any) -> str | None:
    """A counted record as people read it, else None: {"term", "count"} as "angeblich (1)",
    {"event"/"true_event", "articles"} as "E12 (11)", {"found", "total"} as "3/5"."""
    if not isinstance(value, dict) or len(value) != 2:
        return None
    if value.keys() == {"found", "total"}:
        return f"{value['found']}/{value['total']}"
    for named in _NAMED_COUNTS:
        ((name, count),) = named.items()
        if value.keys() == {name, count}:
            return f"{value[name]} ({value[count]})"
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


def iter_json_array(objs: Iterable[Any]) -> Iterator[str]:
    """A JSON array of `objs` in pieces, the same text as json.dumps(list(objs), indent=2) with
    its non-ASCII letters kept: "[", each object indented by two spaces, "]"."""
    first = True
    for obj in objs:
        text = json.dumps(obj, ensure_ascii=False, indent=2)
        yield ("[\n" if first else ",\n") + "\n".join("  " + line for line in text.split("\n"))
        first = False
    yield "[]\n" if first else "\n]\n"


def iter_render(records: Iterable[dict[str, Any]], columns: Sequence[str], fmt: str,
                *, headers: dict[str, str] | None = None, max_cell: int = MAX_CELL) -> Iterator[str]:
    """`render` in pieces whose concatenation is the same text, taking the records as they
    come: csv, json and jsonl one record at a time (memory holds one record, not the output);
    a table or markdown table needs every row for its column widths, so it keeps the rows'
    shown cells (not the records) and comes out whole at the end."""
    if fmt == "json":
        yield from iter_json_array(_json_ready(r) for r in records)
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


def stance_shown(rec: dict[str, Any]) -> str:
    """A score record's stance in one cell: "+0.31 aligned (0.62)", or the label alone when
    there is no number ("off-axis")."""
    if rec.get("stance") is None:
        return str(rec.get("stance_label", ""))
    return f"{rec['stance']:+.2f} {rec['stance_label']} ({rec['stance_confidence']:.2f})"


def render_scores(recs: Sequence[dict[str, Any]], fmt: str, stance: bool) -> str:
    """`framing score`: one row per article (`stance`: the run computed stances); tables end
    with what the stance and the loaded-word figure measure."""
    return "".join(iter_scores(recs, fmt, stance))


def iter_scores(recs: Iterable[dict[str, Any]], fmt: str, stance: bool) -> Iterator[str]:
    """`render_scores` in pieces, the records taken as they come (see `iter_render`): csv,
    json and jsonl stream; a table keeps only its rows' shown cells until the end."""
    from framing.stance import LOADED_MEASURES, MEASURES

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


def render_candidates(cands: Sequence[Any]) -> str:
    """`framing lexicon suggest`: the candidates (framing.lexicon_tools.Candidate) as a lexicon
    CSV (header = the lexicon's columns): the fields a person must judge (category, leaning,
    weight, neutral, explanation, example) are left empty."""
    import csv
    import io

    from framing.lexicon import ALL_COLUMNS, _slug

    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(ALL_COLUMNS), lineterminator="\n")
    w.writeheader()
    for c in cands:
        cols = dict.fromkeys(ALL_COLUMNS, "")
        cols.update(id=f"cand-{_slug(c.term)}", term=c.term, match=c.match,
                    source=f"suggest: z {c.z:.2f}; {c.count}x in {c.articles} articles (own voice), "
                           f"{c.ref_count}x in the reference")
        w.writerow(cols)
    return buf.getvalue()


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
           f"{len(r.not_read)} in it but not read)\n",
           # three decimals, as the dev set's scorer prints them (the table's default is two)
           render([{**row, "value": f"{row['value']:.3f}"} for row in r.rows()], ["measure", "value"], fmt)]
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


def render_stance_evaluation(ev: Any) -> str:
    """`framing evaluate stance --articles … --gold …` (a framing.stance_fit.ArticleEvaluation)
    as text: rho, the means per outlet group, the articles furthest from their label."""
    rep, fit = ev.report, ev.fit
    what = "nested leave-one-event-out predictions" if fit is not None else "the weights in use"
    out = [f"labelled articles: {rep.n}"]
    out.append(f"Spearman rho, weights in use (in-sample if they were fitted on these labels): {rep.rho:.3f}")
    if fit is not None:
        out.append(f"Spearman rho, leave-one-event-out (nested; {fit.events} events): {fit.loeo_rho:.3f}")
        out.append(f"  within each held-out event: {fit.spread()}")
        out.append(f"  signal set and ridge strength the inner CV chose without each held-out event: {fit.chosen()}")
        out.append(f"refitted weights (signal set and alpha {fit.alpha:g} chosen by LOEO CV on all events; in-sample "
                   f"rho {fit.in_sample_rho:.3f}): "
                   + ", ".join(f"{k} {v:g}" for k, v in fit.weights.items() if k in fit.fitted)
                   + " (the other signals are not fitted: weight 0)")
    out.append(f"mean per outlet group ({what}, on the label scale -2 … +2):")
    out += [f"  {g:<20} {2 * m:+.2f}  (n={n})" for g, (m, n) in rep.group_means.items()]
    ru = {o: v for o, v in rep.outlet_means.items() if v[1] == "ru-state"}
    if ru:
        out.append("Russian-state outlets:")
        out += [f"  {o:<30} {2 * m:+.2f}  (n={n})" for o, (m, _, n) in ru.items()]
    if rep.ru_above_mainstream is not None:
        yes = "yes" if rep.ru_above_mainstream else "no"
        out.append(f"every Russian-state outlet above every mainstream group: {yes}")
    out.append("furthest from their label (id, label, predicted on -2 … +2, outlet):")
    out += [f"  {i:<6} {g:+.0f}  {p:+.2f}  {o}" for i, g, p, o in rep.furthest]
    if rep.off_axis_labelled:
        out.append(f"labelled but judged off-axis (counted as 0): {', '.join(rep.off_axis_labelled)}")
    off, n = rep.off_axis_unlabelled
    if n:
        out.append(f"unlabelled articles judged off-axis: {off} of {n}")
    if ev.written:
        out.append(f"weights written to {ev.written}")
    return "\n".join(out) + "\n"

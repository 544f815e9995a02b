import os

import pytest

from framing.errors import InputError
from framing.output import atomic_output, csv_safe


@pytest.mark.parametrize("cell, want", [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
    ("+Putin", "'+Putin"),
    ("-Putin sagte", "'-Putin sagte"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\tTab", "'\tTab"),
    ("\rCR", "'\rCR"),
    ("-0.25", "-0.25"),
    ("+3", "+3"),
    ("12,5%", "12,5%"),
    ("Autokrat", "Autokrat"),
    ("", ""),
])
def test_csv_safe_neutralises_formulas_but_not_numbers(cell, want):
    assert csv_safe(cell) == want


def test_atomic_output_writes_only_when_complete(tmp_path):
    target = tmp_path / "out.csv"
    target.write_text("old complete file\n", encoding="utf-8")
    with pytest.raises(KeyboardInterrupt), atomic_output(target) as f:
        f.write("half")
        raise KeyboardInterrupt
    assert target.read_text(encoding="utf-8") == "old complete file\n"
    assert os.listdir(tmp_path) == ["out.csv"]  # no temporary file left behind
    with atomic_output(target) as f:
        f.write("new\n")
    assert target.read_text(encoding="utf-8") == "new\n"


def test_atomic_output_names_a_missing_folder(tmp_path):
    with pytest.raises(InputError, match="does not exist"), atomic_output(tmp_path / "nope" / "out.csv"):
        pass


def test_csv_from_render_survives_python_csv_and_spreadsheets():
    import csv
    import io

    from framing.render import render

    out = render([{"a": "=1+1", "b": "x\ry", "c": -0.5, "d": 'sagte "nein", dann'}], ["a", "b", "c", "d"], "csv")
    rows = list(csv.reader(io.StringIO(out, newline="")))
    assert rows == [["a", "b", "c", "d"], ["'=1+1", "x\ry", "-0.5000", 'sagte "nein", dann']]


def test_only_the_render_package_formats():
    """Tables, pages, wrapped text and JSON text are made in framing/render/ only (framing/export.py
    writes its own streamed archive files); the CLI hands data to the renderer."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "framing"
    formatting = re.compile(r"\b(?:import tabulate|from tabulate|import jinja2|import textwrap|json\.dumps)\b")
    found = sorted(str(p.relative_to(root)) for p in root.rglob("*.py")
                   if formatting.search(p.read_text(encoding="utf-8")))
    assert [f for f in found if not f.startswith("render/")] == ["export.py"]


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "table", "markdown"])
def test_streamed_rendering_is_the_whole_rendering(fmt):
    """`framing score` streams its records through iter_render: the pieces, taken from a
    generator (each record seen once), make the same text as rendering the list at once."""
    import json

    from framing.render import iter_render, render

    recs = [{"id": "a", "title": "Ein „Titel“, mit Komma", "n": 1.23456, "terms": [{"term": "x", "count": 2}],
             "nested": {"k": [], "m": {}}},
            {"id": "b", "title": "=HYPERLINK()\nzwei Zeilen", "n": None, "terms": [], "nested": {}}]
    for rs in (recs, recs[:1], []):
        whole = render(rs, ["id", "title", "n", "terms"], fmt)
        pieces = list(iter_render(iter(rs), ["id", "title", "n", "terms"], fmt))
        assert "".join(pieces) == whole
        if fmt in ("csv", "jsonl", "json"):
            assert len(pieces) >= len(rs)  # one piece per record (json and csv add their frame)
        if fmt == "json":
            assert whole == json.dumps(json.loads(whole), ensure_ascii=False, indent=2) + "\n"


def test_score_streams_to_stdout_and_to_a_file_alike(tmp_path):
    from click.testing import CliRunner

    from framing.cli import main

    data = tmp_path / "in.csv"
    data.write_text("id,text\n" + "".join(f"a{i},\"Die Regierung beschloss am Montag das Gesetz Nummer {i}. "
                                          f"Kritiker sprachen von einem Skandal.\"\n" for i in range(5)),
                    encoding="utf-8")
    for fmt in ("csv", "jsonl", "json", "table"):
        out = tmp_path / f"out.{fmt}"
        r1 = CliRunner().invoke(main, ["score", str(data), "--format", fmt, "--no-stance", "-q"])
        r2 = CliRunner().invoke(main, ["score", str(data), "--format", fmt, "--no-stance", "-q", "-o", str(out)])
        assert r1.exit_code == 0 and r2.exit_code == 0, (r1.output, r2.output)
        assert out.read_text(encoding="utf-8") == r1.output
        if fmt != "table":  # (a table shows no ids)
            assert r1.output.index("a0") < r1.output.index("a2") < r1.output.index("a4")  # input order

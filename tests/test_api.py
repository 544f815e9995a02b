"""The public API (`import framing`): reading, scoring, score_frame, events, compare, explain,
Settings as the single source of defaults, and the package's import graph."""

from __future__ import annotations

import ast
import csv
import dataclasses
import io
import json
import re
import subprocess
import sys
import warnings

import click
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

import framing
from framing.cli import main
from framing.records import ScoreRecord, Term
from framing.settings import DEFAULTS, Settings, SettingsError

from .conftest import ROOT, SEEDS

# README.md, section "Python API": this block verbatim (test_readme_example checks it there too)
EXAMPLE = '''\
from pathlib import Path

import pandas as pd

import framing

# any DataFrame with a `text` column (optional: id, outlet, date, title, url) will do;
# here the five seed articles of this repository, outlet and date from their manifest
manifest = pd.read_csv("seeds/manifest.csv")
seeds = pd.DataFrame({
    "id": manifest["file"].str.removesuffix(".txt"),
    "outlet": manifest["outlet"],
    "date": manifest["date"],
    "text": [Path("seeds", f).read_text(encoding="utf-8") for f in manifest["file"]],
})

scores = framing.score_frame(seeds)  # one row per article, stable columns
columns = ["id", "outlet", "stance", "loaded_per_1000", "loaded_count", "pejorative-label"]
print(scores[columns].to_string(index=False))
'''

# README.md, section "Python API": the second block, verbatim
EXAMPLE_RECORDS = '''\
import framing

settings = framing.Settings(stance=False)  # every choice in one frozen object; None: the defaults
for rec in framing.score(framing.read("seeds/"), settings):  # a stream: one ScoreRecord per article
    print(rec.id, round(rec.loaded_per_1000, 1), [(t.term, t.count) for t in rec.top_terms[:3]])

comparison = framing.compare("seeds/")  # data only; comparison.as_dict() is ready for json.dumps
for event in comparison.events:
    print(event.event.id, [(col.name, col.stance, col.loaded_per_1000) for col in event.columns])

[article] = framing.read("seeds/000_5a3915b3181bdd4f.txt")
why = framing.explain(article)  # the stance's sentences, every own-voice loaded word and why
print(why.own[0].term, "→", why.own[0].neutral, why.own[0].explanation)
'''

# "angeblich (1)", "Putin (2)": a count formatted into a string
COUNT_STRING = re.compile(r".\s\(\d+\)$")


def cli(*args: str) -> str:
    r = CliRunner().invoke(main, list(args))
    assert r.exit_code == 0, r.output
    return r.stdout


@pytest.fixture(scope="module")
def seed_scores() -> list[ScoreRecord]:
    return list(framing.score(framing.read(str(SEEDS))))


# --- the README example ----------------------------------------------------------------------


def test_readme_example_matches_the_command_line(monkeypatch, capsys):
    pytest.importorskip("pandas", reason="pandas is an optional extra: pip install 'framing[pandas]'")
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {}
    exec(compile(EXAMPLE, "README example", "exec"), namespace)
    printed = capsys.readouterr().out
    df = namespace["scores"]
    ids = sorted(p.stem for p in SEEDS.glob("*.txt"))
    assert list(df["id"]) == ids  # one row per article, in input order
    assert list(df.columns) == list(framing.frame_columns())
    assert all(i in printed for i in ids)

    table = list(csv.DictReader(io.StringIO(cli("score", str(SEEDS), "--format", "csv"))))
    by_cat = {r["id"]: r["by_category"] for r in json.loads(cli("score", str(SEEDS), "--format", "json"))}
    assert [r["id"] for r in table] == ids
    lex = framing.lexicon_for()
    for row, cli_row in zip(df.to_dict("records"), table, strict=True):
        assert row["outlet"] == cli_row["outlet"]
        assert row["words"] == int(cli_row["words"])
        assert row["stance_label"] == cli_row["stance_label"]
        for col, cli_col in (("stance", "stance"), ("stance_confidence", "stance_confidence"),
                             ("loaded_per_1000", "loaded_per_1000"), ("intensity", "intensity")):
            assert row[col] == pytest.approx(float(cli_row[cli_col]), abs=5e-5), (row["id"], col)
        assert row["loaded_count"] == int(cli_row["own_hits"])
        assert row["quoted_loaded_count"] == int(cli_row["quoted_hits"])
        counts = {c: row[c] for c in lex.categories if row[c]}
        assert counts == by_cat[row["id"]]
        assert sum(row[c] for c in lex.categories) == row["loaded_count"]
    assert df["loaded_count"].sum() > 20  # the seeds do hold loaded wording: the comparison is not vacuous


def test_readme_records_example(monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    exec(compile(EXAMPLE_RECORDS, "README example 2", "exec"), {})
    lines = capsys.readouterr().out.splitlines()
    ids = sorted(p.stem for p in SEEDS.glob("*.txt"))
    assert [ln.split()[0] for ln in lines[:5]] == ids
    assert "('behaupten', 2)" in lines[1]  # seed 001 says "behaupten" twice in its own voice
    assert any("'Ippen Media'" in ln and "'RT DE'" in ln for ln in lines[5:-1])  # one event, two outlets
    assert lines[-1].startswith("Eiltempo → ")  # seed 000's first own-voice hit („überrascht“ is Washington's word)


def test_readme_section_holds_the_tested_examples():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    if "## Python API" not in readme:
        pytest.skip("README has no 'Python API' section yet (draft in the api branch's notes)")
    section = readme.split("## Python API", 1)[1]
    blocks = re.findall(r"```python\n(.*?)```", section, re.S)
    assert blocks[:2] == [EXAMPLE, EXAMPLE_RECORDS]


# --- reading ---------------------------------------------------------------------------------


def test_read_paths_dicts_and_articles():
    arts = list(framing.read(str(SEEDS)))
    assert len(arts) == 5 and all(isinstance(a, framing.Article) for a in arts)
    again = list(framing.read(arts[:2]))
    assert [a.id for a in again] == [a.id for a in arts[:2]]
    recs = list(framing.read([{"text": "Die Regierung sagte am Montag, sie prüfe den Plan."},
                              {"id": "b", "outlet": "Blatt", "date": "2024-06-01", "text": "Ein zweiter Text."}]))
    assert [r.id for r in recs] == ["record-1", "b"]
    assert (recs[1].outlet, recs[1].date) == ("Blatt", "2024-06-01")


def test_a_title_is_scored_as_the_headline():
    body = "Die Regierung hat am Montag neue Zahlen vorgelegt. Die Opposition kritisierte sie."
    title = "Regime verbreitet angebliche Zahlen"
    [a] = framing.read([{"id": "x", "title": title, "text": body}])
    head = [p for p in a.parts if p.kind == "headline"]
    assert a.title == title and len(head) == 1 and a.text[head[0].start : head[0].end] == title
    [rec] = framing.score([a], Settings(stance=False))
    in_head = [h for h in rec.hits if h.part == "headline"]
    assert {h.term for h in in_head} >= {"Regime", "angebliche"}
    # the same text in a .txt file gives the same headline hits
    [from_txt] = framing.score([{"id": "x", "text": f"{title}\n\n{body}"}], Settings(stance=False))
    assert [(h.term, h.part) for h in from_txt.hits] == [(h.term, h.part) for h in rec.hits]


def test_read_warns_with_the_record_and_fails_when_nothing_is_read():
    with pytest.warns(framing.ReadWarning, match="record 2"):
        arts = list(framing.read([{"text": "Ein Text."}, {"text": "  "}]))
    assert len(arts) == 1
    with pytest.raises(framing.InputError, match="no article"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        list(framing.read([{"title": "ohne Text"}]))
    with pytest.raises(framing.InputError, match="cannot read"):
        framing.read(42)


def test_duplicate_ids_are_made_unique():
    with pytest.warns(framing.ReadWarning, match="duplicate id 'a'"):
        arts = list(framing.read([{"id": "a", "text": "Eins."}, {"id": "a", "text": "Zwei."}]))
    assert [a.id for a in arts] == ["a", "a-2"]


def test_dataframe_rows_missing_values_and_dates():
    pd = pytest.importorskip("pandas", reason="pandas is an optional extra")
    df = pd.DataFrame({"text": ["Ein Text über Moskau.", "Noch ein Text."], "outlet": ["Blatt", None],
                       "date": [pd.Timestamp("2024-06-19"), pd.NaT], "id": [7, 8]})
    a, b = framing.read(df)
    assert (a.id, a.outlet, a.date) == ("7", "Blatt", "2024-06-19")
    assert (b.id, b.outlet, b.date) == ("8", None, None)
    with pytest.raises(framing.InputError, match="no 'text' column"):
        framing.read(df.rename(columns={"text": "body"}))
    assert [x.id for x in framing.read(df.rename(columns={"text": "body"}), Settings(text_column="body"))] == ["7", "8"]


def test_the_core_does_not_import_pandas():
    code = ("import sys, framing; recs = list(framing.score([{'text': 'Das Regime schwieg am Montag.'}], "
            "framing.Settings(stance=False))); assert recs[0].own_hits == 1, recs; "
            "assert 'pandas' not in sys.modules, 'pandas imported'")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr


def test_score_frame_without_pandas_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now raises ImportError
    with pytest.raises(ImportError, match=re.escape('pip install "framing[pandas]"')):
        framing.score_frame([{"text": "Ein Text."}])


# --- scoring ---------------------------------------------------------------------------------


def test_score_records_equal_the_cli_json(seed_scores):
    cli_recs = json.loads(cli("score", str(SEEDS), "--format", "json"))
    assert len(seed_scores) == len(cli_recs) == 5
    for rec, c in zip(seed_scores, cli_recs, strict=True):
        assert rec.id == c["id"] and rec.words == c["words"]
        assert round(rec.loaded_per_1000, 4) == c["loaded_per_1000"]
        assert (rec.own_hits, rec.quoted_hits, rec.by_category) == (c["own_hits"], c["quoted_hits"], c["by_category"])
        assert rec.stance is not None and rec.stance.score == c["stance"] and rec.stance.label == c["stance_label"]
        assert [{"term": t.term, "count": t.count} for t in rec.top_terms] == c["top_terms"]  # the CLI JSON is data too
        assert len(rec.hits) == len(c["hits"])
        for h, ch in zip(rec.hits, c["hits"], strict=True):
            d = h.as_dict()
            for key in ("term", "lemma", "category", "voice", "speaker", "start", "end", "part", "entry"):
                assert d[key] == ch[key]
            assert d["aimed_at"] == ch.get("aimed_at") and d["direction"] == ch.get("direction")


def test_score_record_is_plain_data_without_token_layer(seed_scores):
    rec = seed_scores[0]
    assert dataclasses.is_dataclass(rec) and not hasattr(rec, "__dict__")  # frozen, slots
    with pytest.raises(dataclasses.FrozenInstanceError):
        rec.words = 0  # type: ignore[misc]
    assert all(isinstance(t, Term) for t in rec.top_terms)
    d = rec.as_dict()
    json.dumps(d)  # numbers, text, lists and dicts only
    assert "analysed" not in d and "doc" not in d
    strings = [v for h in d["hits"] for v in h.values() if isinstance(v, str)]
    strings += [t["term"] for t in d["top_terms"] + d["quoted_terms"]]
    assert strings and not [s for s in strings if COUNT_STRING.search(s)]
    assert d["top_terms"][0] == {"term": d["top_terms"][0]["term"], "count": d["top_terms"][0]["count"]}


def test_score_streams():
    seen = []

    def articles():
        for i in range(3):
            seen.append(i)
            yield {"id": str(i), "text": f"Das Regime drohte am Tag {i} mit Vergeltung."}

    it = framing.score(articles(), Settings(stance=False))
    assert seen == []  # nothing read before a record is asked for
    first = next(it)
    assert first.id == "0" and seen == [0]
    assert [r.id for r in it] == ["1", "2"]


def test_stance_off_leaves_the_stance_columns_empty():
    pd = pytest.importorskip("pandas", reason="pandas is an optional extra")
    df = framing.score_frame(pd.DataFrame({"text": ["Das Regime schwieg am Montag."]}), Settings(stance=False))
    assert list(df.columns) == list(framing.frame_columns())
    assert df.loc[0, "loaded_count"] == 1 and pd.isna(df.loc[0, "stance"])


# --- events, compare, explain -----------------------------------------------------------------


def test_events_equal_the_cli():
    evs = framing.events(str(SEEDS))
    cli_evs = json.loads(cli("events", str(SEEDS), "--format", "json"))
    assert [(e.id, e.label, e.dates, list(e.outlets), list(e.articles)) for e in evs] == \
        [(c["event"], c["label"], c["dates"], c["outlets"], c["articles"]) for c in cli_evs]


def test_compare_is_data_with_the_cli_figures():
    comp = framing.compare(str(SEEDS))
    cli_comp = json.loads(cli("compare", str(SEEDS), "--format", "json"))
    assert [e.event.id for e in comp.events] == [c["event"] for c in cli_comp]
    for ev, c in zip(comp.events, cli_comp, strict=True):
        for col, ccol in zip(ev.columns, c["columns"], strict=True):
            assert col.name == ccol["name"] and list(col.ids) == ccol["ids"]
            assert col.loaded_per_1000 == ccol["loaded_per_1000"] and col.stance == ccol.get("stance")
            assert [{"term": t.term, "count": t.count} for t in col.own_terms] == ccol["own_terms"]
            assert [{"term": t.term, "count": t.count} for t in col.attribution_verbs] == ccol["attribution_verbs"]
            assert [(d.term, d.significant) for d in col.distinctive] == \
                [(d["term"], d["significant"]) for d in ccol["distinctive"]]
            assert [h.as_dict() for h in col.headlines] == ccol["headlines"]  # text and marks, not "[…]"
            assert all(h.text[m.start : m.end] == m.term for h in col.headlines for m in h.marks)
    strings: list[str] = []

    def walk(x: object) -> None:
        if isinstance(x, str):
            strings.append(x)
        elif isinstance(x, dict):
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)

    walk(comp.as_dict())
    assert strings and not [s for s in strings if COUNT_STRING.search(s) or "≈" in s]
    strings.clear()
    walk(cli_comp)  # the command line's JSON is data too: no count formatted into a string
    assert strings and not [s for s in strings if COUNT_STRING.search(s)]


def test_compare_by_article_and_unknown_event():
    comp = framing.compare(str(SEEDS), Settings(by="article", stance=False))
    assert all(len(col.ids) == 1 for e in comp.events for col in e.columns)
    with pytest.raises(framing.FramingError, match="no event 'nope'"):
        framing.compare(str(SEEDS), Settings(stance=False), event="nope")


def test_explain_article_and_record(seed_scores):
    ex = framing.explain(seed_scores[2])
    assert ex.id == seed_scores[2].id and ex.stance is not None and ex.stance.evidence
    assert len(ex.own) == seed_scores[2].own_hits and len(ex.quoted) == seed_scores[2].quoted_hits
    assert all(h.explanation and h.voice in ("outlet", "scare-quote") for h in ex.own)
    [a] = [a for a in framing.read(str(SEEDS)) if a.id == ex.id]
    assert framing.explain(a) == ex


# --- settings --------------------------------------------------------------------------------


def test_settings_are_frozen_hashable_and_checked():
    s = Settings()
    assert s == DEFAULTS and hash(s) == hash(Settings())
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.window_days = 3  # type: ignore[misc]
    assert s.with_(stance=False).stance is False and s.stance is True
    assert Settings(extra_lexicons=["a.csv"]).extra_lexicons == ("a.csv",)  # type: ignore[arg-type]
    for bad in ({"language": "xx"}, {"window_days": -1}, {"by": "day"}, {"folds": 1}):
        with pytest.raises(SettingsError):
            Settings(**bad)  # type: ignore[arg-type]
    with pytest.raises(SettingsError, match="axis"):
        list(framing.score([{"text": "Ein Text."}], Settings(axis="no-such-axis")))


def _options(cmd: click.Command, prefix: str = "") -> dict[str, click.Parameter]:
    out = {}
    if isinstance(cmd, click.Group):
        for name, sub in cmd.commands.items():
            out |= _options(sub, f"{prefix}{name} ")
    for p in cmd.params:
        out[f"{prefix}{p.name}"] = p
    return out


def test_cli_defaults_come_from_settings():
    opts = _options(main)
    names = {"text_column", "id_column", "outlet_column", "date_column", "title_column", "url_column",
             "window", "by", "fmt", "label_column", "folds", "lexicon_dir", "model_path"}
    field = {"window": "window_days", "fmt": "format", "model_path": "model"}
    checked = 0
    for key, p in opts.items():
        name = key.rsplit(" ", 1)[-1]
        if name not in names or not isinstance(p, click.Option):
            continue
        expected = getattr(DEFAULTS, field.get(name, name))
        if name == "fmt" and isinstance(p.type, click.Choice) and expected not in p.type.choices:
            continue  # a command with formats of its own (explain, report: text/html/markdown/json)
        assert p.default == expected, key
        if expected is not None:
            assert p.show_default, f"{key}: default not shown in --help"
        checked += 1
    assert checked > 40
    from framing.compare import WINDOW_DAYS
    from framing.readers import ReadOptions

    assert DEFAULTS.window_days == WINDOW_DAYS  # the library's own default until it reads Settings
    assert DEFAULTS.read_options() == ReadOptions()


def test_new_api_has_no_hidden_default_objects():
    import inspect

    from framing import api, records, settings

    for mod in (api, records, settings):
        for name, f in inspect.getmembers(mod, inspect.isfunction):
            if f.__module__ != mod.__name__:
                continue
            for p in inspect.signature(f).parameters.values():
                assert p.default is inspect.Parameter.empty or p.default is None or \
                    isinstance(p.default, int | str | bool), f"{mod.__name__}.{name}({p.name}=…)"


# --- structure -------------------------------------------------------------------------------


def _module_imports(path) -> set[str]:
    """framing modules a module imports when it is loaded or type-checked: every import that
    is not inside a function (imports in functions are deliberate late imports)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out: set[str] = set()

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                continue
            if isinstance(child, ast.Import):
                out.update(a.name for a in child.names if a.name.startswith("framing"))
            elif isinstance(child, ast.ImportFrom) and child.module and child.level == 0:
                if child.module == "framing":
                    for a in child.names:
                        sub = ROOT / "framing" / a.name
                        out.add(f"framing.{a.name}" if sub.with_suffix(".py").is_file() or sub.is_dir() else "framing")
                elif child.module.startswith("framing."):
                    out.add(child.module)
            visit(child)

    visit(tree)
    return out


def test_no_import_cycle():
    graph = {}
    for path in sorted((ROOT / "framing").rglob("*.py")):  # the subpackages too (render, languages)
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        graph[name] = _module_imports(path) - {name}
    assert "framing.render.compare" in graph and "framing.languages.de" in graph
    assert graph["framing.stance"] and "framing.scoring" not in graph["framing.stance"]
    state: dict[str, int] = {}
    stack: list[str] = []

    def dfs(m: str) -> None:
        state[m] = 1
        stack.append(m)
        for n in sorted(graph.get(m, ())):
            if state.get(n) == 1:
                cycle = [*stack[stack.index(n) :], n]
                pytest.fail("import cycle: " + " -> ".join(cycle))
            if n not in state:
                dfs(n)
        stack.pop()
        state[m] = 2

    for m in sorted(graph):
        if m not in state:
            dfs(m)


def test_import_walk_counts_type_checking_imports_not_late_ones(tmp_path):
    a = tmp_path / "a.py"
    a.write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from framing.b import X\n"
                 "def f():\n    from framing.c import Y\n", encoding="utf-8")
    assert _module_imports(a) == {"framing.b"}



def test_a_record_reads_like_the_same_txt_file(tmp_path):
    texts = {"hdr": " date 2024-06 Ein Bericht über den Gipfel in Moskau, der angeblich scheiterte.",
             "two": "Kurzer Titel über das Regime\n\nDer Text danach nennt das Regime erneut, sagte er.",
             "one": "Das Regime schwieg am Montag."}
    for name, text in texts.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    files = {a.id: a for a in framing.read(str(tmp_path))}
    recs = {a.id: a for a in framing.read([{"id": k, "text": v} for k, v in texts.items()])}
    for k in ("hdr", "two"):
        assert (recs[k].text, recs[k].parts, recs[k].title, recs[k].date) == \
            (files[k].text, files[k].parts, files[k].title, files[k].date), k
    assert recs["hdr"].date == "2024-06" and recs["two"].title == "Kurzer Titel über das Regime"
    # one line without the header: body text, as a CSV cell is read (a .txt file takes it for a title)
    assert recs["one"].title is None and [p.kind for p in recs["one"].parts] != ["headline"]


def test_an_actors_file_is_checked_and_used(tmp_path):
    bad = tmp_path / "actors.csv"
    bad.write_text("id,name,kind,camp,aliases,epithets,note\nx,X,person,nowhere,X,,\n", encoding="utf-8")
    with pytest.raises(framing.LexiconError, match=r"actors\.csv:2: unknown camp"):
        framing.events(str(SEEDS), Settings(actors=str(bad)))
    shipped = (ROOT / "lexicons" / "actors.csv").read_text(encoding="utf-8")
    mine = tmp_path / "mine.csv"
    mine.write_text(shipped.split("\n", 1)[0] + "\n" + "zz,Zeitgeist,group,other,Allianzen,,\n", encoding="utf-8")
    comp = framing.compare(str(SEEDS), Settings(actors=str(mine), stance=False))
    named = {a for e in comp.events for col in e.columns for a in col.naming}
    assert named == {"Zeitgeist"}  # only the actor of the given list ("Allianzen" in seed 000)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from([*"abcÄöß „“\"'.,:\n-–", "Regime ", "angeblich ", "Diktator ", "sagte ", "\n\n",
                                  " date 2024-06 "]), max_size=80).map("".join))
def test_any_text_as_a_record_reads_and_scores(text):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            arts = list(framing.read([{"id": "t", "text": text}]))
        except framing.InputError:
            assert not text.strip()  # only an empty text is unreadable
            return
    [a] = arts
    [rec] = framing.score(arts, Settings(stance=False))
    assert rec.words >= 0 and rec.own_hits + rec.quoted_hits == len(rec.hits)
    for h in rec.hits:
        assert a.text[h.start : h.end] == h.term  # offsets refer to Article.text
    json.dumps(rec.as_dict())

"""framing export: schema, streaming, identical output on any engine, resume, bad input."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from framing import export as ex
from framing.cli import main
from framing.export import HIT_COLUMNS, ExportOptions, ScoringConfig, article_columns, export
from framing.lexicon import default_lexicon
from framing.readers import ReadOptions, read_articles, stream_table

TEXTS = [
    "Regierung beschließt Reform\n\nDie sogenannte Reform der Regierung sorgt für Streit. "
    "Die Opposition nennt das Vorhaben „eine Lüge“, sagte ihr Sprecher am Dienstag.",
    "Hochwasser im Süden\n\nNach tagelangem Regen stehen mehrere Dörfer unter Wasser. Die Feuerwehr "
    "pumpt Keller leer; die Behörden rechnen mit weiteren Niederschlägen.",
    "Streit um Gerüchte\n\nDie Gerüchte über einen Rücktritt des Ministers halten sich. Er selbst "
    "sprach von „Lügen“ und kündigte an, im Amt zu bleiben.",
]


def write_csv(path: Path, rows: list[dict[str, str]], cols: tuple[str, ...] = ("id", "outlet", "date", "title",
                                                                                "text")) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(cols)
        for r in rows:
            w.writerow([r.get(c, "") for c in cols])
    return path


def corpus(tmp_path: Path, n: int = 9, name: str = "in.csv") -> Path:
    rows = [{"id": f"a{i}", "outlet": ["Blatt A", "Blatt B"][i % 2], "date": f"2024-03-0{1 + i % 3}",
             "title": "", "text": TEXTS[i % 3] + f" Meldung {i}."} for i in range(n)]
    return write_csv(tmp_path / name, rows)


def run(*args: str) -> object:
    return CliRunner().invoke(main, list(args))


def read_table(path: Path, delimiter: str = ",") -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f, delimiter=delimiter))


def test_csv_schema_rows_and_hits(tmp_path):
    src = corpus(tmp_path, 3)
    out, hits = tmp_path / "out.csv", tmp_path / "hits.csv"
    r = run("export", str(src), "-o", str(out), "--hits", str(hits), "-j", "1")
    assert r.exit_code == 0, r.output
    rows = read_table(out)
    cols = article_columns(default_lexicon().categories)
    assert list(rows[0]) == cols
    assert [r["id"] for r in rows] == ["a0", "a1", "a2"]
    assert all(r["schema_version"] == "1" and r["lexicon_version"] and r["model_version"] for r in rows)
    hit_rows = read_table(hits)
    assert list(hit_rows[0]) == list(HIT_COLUMNS)
    for row in rows:
        own = [h for h in hit_rows if h["article_id"] == row["id"] and h["voice"] in ("outlet", "scare-quote")]
        quoted = [h for h in hit_rows if h["article_id"] == row["id"] and h["voice"] in ("quote", "reported")]
        assert int(row["loaded_count"]) == len(own)
        assert int(row["quoted_loaded_count"]) == len(quoted)
        cats = sum(int(row[c]) for c in cols if c.startswith("cat_"))
        assert cats == len(own)
        assert float(row["loaded_per_1000"]) == pytest.approx(1000 * len(own) / int(row["words"]), abs=1e-3)
    a0 = [h for h in hit_rows if h["article_id"] == "a0"]
    assert any(h["lemma"].lower() == "sogenannt" and h["voice"] == "outlet" for h in a0)
    text = src.read_text(encoding="utf-8")
    for h in hit_rows:  # start/end are offsets into the scored text: the term is what is written there
        assert h["term"] in text
    assert "Warning" not in r.output and "\r" not in r.output


def test_spreadsheet_safe_cells_numbers_stay_numbers(tmp_path):
    src = write_csv(tmp_path / "in.csv", [{"id": "x1", "outlet": "=HYPERLINK(\"http://e.vil\")",
                                          "title": "-Putin kommt", "text": TEXTS[0]}])
    out = tmp_path / "out.csv"
    assert run("export", str(src), "-o", str(out), "-j", "1").exit_code == 0
    row = read_table(out)[0]
    assert row["outlet"].startswith("'=") and row["title"] == "'-Putin kommt"
    raw = out.read_text(encoding="utf-8").splitlines()[1]
    assert ",'-Putin kommt," in raw
    stance = row["stance"]
    assert stance == "" or float(stance) == float(stance.lstrip("'"))  # a negative number is not neutralised


def test_excel_bom_semicolons_decimal_comma(tmp_path):
    src = corpus(tmp_path, 3)
    out = tmp_path / "out.csv"
    assert run("export", str(src), "-o", str(out), "--excel", "-j", "1").exit_code == 0
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = read_table(out, ";")
    assert rows[0]["id"] == "a0"
    per = [r["loaded_per_1000"] for r in rows]
    assert any("," in p for p in per) and not any("." in p for p in per)
    assert all(float(p.replace(",", ".")) >= 0 for p in per)


def test_jsonl_nested_hits_and_parquet(tmp_path):
    src = corpus(tmp_path, 3)
    out = tmp_path / "out.jsonl"
    assert run("export", str(src), "-o", str(out), "--format", "jsonl", "--nested-hits", "-j", "1").exit_code == 0
    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in recs] == ["a0", "a1", "a2"]
    assert isinstance(recs[0]["words"], int) and isinstance(recs[0]["loaded_per_1000"], float)
    own = [h for h in recs[0]["hits"] if h["voice"] in ("outlet", "scare-quote")]
    assert len(own) == recs[0]["loaded_count"]
    pq = pytest.importorskip("pyarrow.parquet")
    pout = tmp_path / "out.parquet"
    hits = tmp_path / "hits.parquet"
    r = run("export", str(src), "-o", str(pout), "--format", "parquet", "--hits", str(hits), "-j", "1")
    assert r.exit_code == 0, r.output
    table = pq.read_table(pout).to_pylist()
    assert [t["id"] for t in table] == ["a0", "a1", "a2"]
    assert [t["loaded_count"] for t in table] == [r["loaded_count"] for r in recs]
    assert pq.read_table(hits).num_rows == sum(len(r["hits"]) for r in recs)
    assert not list(tmp_path.glob(".*"))  # no part or state files left


def test_parquet_missing_is_a_clear_error(tmp_path, monkeypatch):
    src = corpus(tmp_path, 1)
    real = ex.need_module

    def missing(module: str, extra: str) -> None:
        real("framing_no_such_module_" + module, extra)

    monkeypatch.setattr(ex, "need_module", missing)
    r = run("export", str(src), "-o", str(tmp_path / "o.parquet"), "--format", "parquet")
    assert r.exit_code == 1 and "framing[parquet]" in r.output and "Traceback" not in r.output


def lib_export(src: Path, out: Path, **kw: object) -> ex.ExportReport:
    opts = ExportOptions(str(out), **kw)  # type: ignore[arg-type]
    return export([str(src)], ReadOptions(), ScoringConfig(), opts)


def test_jobs_give_identical_bytes_in_input_order(tmp_path):
    src = corpus(tmp_path, 11)
    one, two = tmp_path / "one.csv", tmp_path / "two.csv"
    lib_export(src, one, hits=str(tmp_path / "h1.csv"), jobs=1, chunk=2)
    lib_export(src, two, hits=str(tmp_path / "h2.csv"), jobs=2, chunk=2)
    assert one.read_bytes() == two.read_bytes()
    assert (tmp_path / "h1.csv").read_bytes() == (tmp_path / "h2.csv").read_bytes()
    assert [r["id"] for r in read_table(two)] == [f"a{i}" for i in range(11)]


def test_dask_local_cluster_writes_the_same_bytes(tmp_path):
    pytest.importorskip("distributed")
    src = corpus(tmp_path, 5)
    lib_export(src, tmp_path / "one.csv", jobs=1, chunk=2)
    lib_export(src, tmp_path / "dask.csv", jobs=2, chunk=2, engine="dask")
    assert (tmp_path / "one.csv").read_bytes() == (tmp_path / "dask.csv").read_bytes()


def test_spark_map_in_pandas_recipe(tmp_path):
    pytest.importorskip("pyspark")
    from pyspark.sql import SparkSession

    from framing.export import spark_score

    src = corpus(tmp_path, 4)
    lib_export(src, tmp_path / "one.csv", jobs=1)
    spark = SparkSession.builder.master("local[2]").getOrCreate()
    try:
        df = spark.read.csv(str(src), header=True)
        cfg = ScoringConfig()
        rows = df.mapInPandas(lambda frames: spark_score(frames, cfg), schema=ex.spark_schema(cfg)).collect()
    finally:
        spark.stop()
    ours = read_table(tmp_path / "one.csv")
    assert sorted(r["id"] for r in rows) == [r["id"] for r in ours]
    assert {r["id"]: r["loaded_count"] for r in rows} == {r["id"]: int(r["loaded_count"]) for r in ours}


def test_bad_rows_go_to_the_errors_file_and_the_run_goes_on(tmp_path):
    src = tmp_path / "mixed.csv"
    one, two = (t.replace("\n\n", " ") for t in TEXTS[:2])
    src.write_text('id,text\ng1,"' + one + '"\nb1,\nb2,"x","y"\ng2,"' + two + '"\n', encoding="utf-8")
    out = tmp_path / "out.csv"
    r = run("export", str(src), "-o", str(out), "-j", "1")
    assert r.exit_code == ex.EXIT_ERRORS
    assert "Traceback" not in r.output and "2 records not exported" in r.output
    assert [row["id"] for row in read_table(out)] == ["g1", "g2"]
    errs = read_table(Path(f"{out}.errors.csv"))
    assert [(e["file"], e["row"]) for e in errs] == [(str(src), "3"), (str(src), "4")]
    assert "empty 'text'" in errs[0]["reason"] and "3 fields" in errs[1]["reason"]


def test_missing_text_column(tmp_path):
    src = write_csv(tmp_path / "in.csv", [{"id": "1", "body": TEXTS[0]}], ("id", "body"))
    out = tmp_path / "out.csv"
    r = run("export", str(src), "-o", str(out), "--errors", str(tmp_path / "err.csv"))
    assert r.exit_code == ex.EXIT_ERRORS and "Traceback" not in r.output
    assert "no 'text' column" in read_table(tmp_path / "err.csv")[0]["reason"]
    assert read_table(out) == []


def test_a_50_mb_article_is_skipped_with_a_reason(tmp_path):
    src = tmp_path / "big.csv"
    with src.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "text"])
        w.writerow(["g1", TEXTS[0]])
        w.writerow(["huge", ("Wort " * 10_000_000)[:50_000_000]])
        w.writerow(["g2", TEXTS[1]])
    out = tmp_path / "out.csv"
    r = run("export", str(src), "-o", str(out), "-j", "1")
    assert r.exit_code == ex.EXIT_ERRORS and "Traceback" not in r.output
    assert [row["id"] for row in read_table(out)] == ["g1", "g2"]
    err = read_table(Path(f"{out}.errors.csv"))[0]
    assert err["row"] == "5" and "50,000,000 characters" in err["reason"] and "--max-chars" in err["reason"]


@pytest.mark.parametrize("where", ["missing/out.csv", "/proc/framing-out.csv"])
def test_unwritable_output_folder(tmp_path, where):
    src = corpus(tmp_path, 1)
    target = where if where.startswith("/") else str(tmp_path / where)
    r = run("export", str(src), "-o", target)
    assert r.exit_code == 1 and "Traceback" not in r.output
    assert target in r.output and ("does not exist" in r.output or "cannot write" in r.output)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
def test_full_disk(tmp_path, monkeypatch):
    src = corpus(tmp_path, 3)
    monkeypatch.chdir(tmp_path)
    r = run("export", str(src), "-o", "/dev/full", "-j", "1")
    assert r.exit_code == 1 and "Traceback" not in r.output
    assert "No space left on device" in r.output
    assert not list(tmp_path.glob(".*"))


def test_interrupted_export_resumes_to_the_same_bytes(tmp_path, monkeypatch):
    src = corpus(tmp_path, 9)
    full = tmp_path / "full.csv"
    lib_export(src, full, hits=str(tmp_path / "fh.csv"), jobs=1, chunk=2)
    out, hits = tmp_path / "out.csv", tmp_path / "oh.csv"
    real = ex.score_chunk
    calls = []

    def flaky(cfg, arts):
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real(cfg, arts)

    monkeypatch.setattr(ex, "score_chunk", flaky)
    with pytest.raises(ex.ExportInterrupted, match="--resume"):
        lib_export(src, out, hits=str(hits), jobs=1, chunk=2)
    assert not out.exists() and not hits.exists()  # nothing half-written under the real name
    part = tmp_path / ".out.csv.part"
    assert len(part.read_text(encoding="utf-8").splitlines()) == 1 + 4  # header + two complete chunks
    monkeypatch.setattr(ex, "score_chunk", real)
    with pytest.raises(ex.InputError, match="other inputs or options"):
        lib_export(src, out, jobs=1, chunk=2, resume=True)  # without --hits: not the same export
    rep = lib_export(src, out, hits=str(hits), jobs=1, chunk=2, resume=True)
    assert rep.resumed_from == 4 and rep.articles == 9
    assert out.read_bytes() == full.read_bytes()
    assert hits.read_bytes() == (tmp_path / "fh.csv").read_bytes()
    assert not list(tmp_path.glob(".*"))
    with pytest.raises(ex.InputError, match="nothing to resume"):
        lib_export(src, out, jobs=1, resume=True)


def test_sigint_mid_run_keeps_complete_records_and_streams(tmp_path):
    src = corpus(tmp_path, 400)
    out = tmp_path / "out.csv"
    cmd = [sys.executable, "-m", "framing", "export", str(src), "-o", str(out), "-j", "2", "--no-stance"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    part = tmp_path / ".out.csv.part"
    state = tmp_path / ".out.csv.state.json"
    deadline = time.time() + 120
    while time.time() < deadline and proc.poll() is None and not state.exists():
        time.sleep(0.05)
    assert proc.poll() is None, proc.communicate()  # the first records are written while reading goes on
    first = json.loads(state.read_text())["articles"]
    assert 0 < first < 400
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == ex.EXIT_INTERRUPTED, err
    assert "Traceback" not in err and "--resume" in err
    assert not out.exists() and part.exists()
    done = subprocess.run([*cmd, "--resume"], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    ids = [r["id"] for r in read_table(out)]
    assert ids == [f"a{i}" for i in range(400)]


def test_events_second_pass(tmp_path):
    rows = [{"id": f"e{i}", "outlet": "A", "date": "2024-05-01", "text": TEXTS[i % 2] + f" Nummer {i}."}
            for i in range(4)]
    src = write_csv(tmp_path / "ev.csv", rows, ("id", "outlet", "date", "text"))
    out = tmp_path / "out.csv"
    r = run("export", str(src), "-o", str(out), "--events", "-j", "1")
    assert r.exit_code == 0, r.output
    got = {row["id"]: row["event"] for row in read_table(out)}
    assert got["e0"] == got["e2"] and got["e1"] == got["e3"] and got["e0"] != got["e1"]
    assert list(read_table(out)[0]).index("event") < list(read_table(out)[0]).index("lexicon_version")
    from framing.compare import group_events
    from framing.lexicon import default_lexicon as dl
    from framing.matching import Matcher
    from framing.scoring_batches import score_articles

    scores = list(score_articles(read_articles([str(src)]).articles, Matcher(dl())))
    direct = {s.analysed.article.id: e.id for e in group_events(scores) for s in e.scores}
    assert direct == got


def test_no_progress_bar_when_stderr_is_not_a_terminal(tmp_path):
    src = corpus(tmp_path, 2)
    proc = subprocess.run([sys.executable, "-m", "framing", "export", str(src), "-o", str(tmp_path / "o.csv"),
                           "-j", "1", "--no-stance"], capture_output=True, text=True, timeout=300)  # no model: faster
    assert proc.returncode == 0 and proc.stderr.strip().startswith("framing: exported 2 articles")
    assert "\r" not in proc.stderr


def test_stream_table_reads_what_read_csv_reads(tmp_path):
    src = tmp_path / "t.csv"
    src.write_text('id,text\n1,"Erste Zeile\r\nzweite ""Zeile"""\n\n2,\n3,Dritter Text hier.\n', encoding="cp1252")
    whole = read_articles([str(src)])
    streamed = list(stream_table(src, ReadOptions()))
    arts = [x for x in streamed if not hasattr(x, "message")]
    assert [(a.id, a.text, a.source) for a in arts] == [(a.id, a.text, a.source) for a in whole.articles]
    assert [str(p) for p in streamed if hasattr(p, "message")] == [str(p) for p in whole.problems]


def test_stream_jsonl_rows(tmp_path):
    src = tmp_path / "t.jsonl"
    src.write_text(json.dumps({"id": "j1", "text": TEXTS[0]}) + "\n{bad\n" + json.dumps([1]) + "\n",
                   encoding="utf-8")
    items = list(stream_table(src, ReadOptions()))
    assert items[0].id == "j1" and str(items[1]).startswith(f"{src}:2: not valid JSON")
    assert "not a JSON object" in str(items[2])


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_first_records_are_written_while_the_input_is_still_open(tmp_path):
    fifo = tmp_path / "in.csv"
    os.mkfifo(fifo)
    out = tmp_path / "out.csv"
    cmd = [sys.executable, "-m", "framing", "export", str(fifo), "-o", str(out), "-j", "1", "--no-stance"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    part = tmp_path / ".out.csv.part"
    rows = [f'a{i},"{TEXTS[i % 3]} Meldung {i}. {"Weitere Sätze folgen hier. " * 20}"\n' for i in range(300)]
    with fifo.open("w", encoding="utf-8") as f:
        f.write("id,text\n" + "".join(rows[:200]))  # more than the reader's first 64 KiB
        f.flush()
        deadline = time.time() + 300
        written = 0
        while time.time() < deadline and written < 64:
            time.sleep(0.1)
            written = len(part.read_text(encoding="utf-8").splitlines()) - 1 if part.exists() else 0
        assert written >= 64, proc.poll()  # a chunk is out, the input is not even complete
        f.write("".join(rows[200:]))
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    assert [r["id"] for r in read_table(out)] == [f"a{i}" for i in range(300)]


def test_bounded_caches_keep_the_output(tmp_path):
    from framing import text

    src = corpus(tmp_path, 6)
    lib_export(src, tmp_path / "a.csv", jobs=1, chunk=2)
    try:
        text.limit_caches(10)  # generations of 10 entries: nearly every lookup misses
        lib_export(src, tmp_path / "b.csv", jobs=1, chunk=2)
        layer = text.text_layer()
        assert len(layer.types) <= 20 and len(layer.chunks) <= 40
    finally:
        text.limit_caches()
    assert (tmp_path / "a.csv").read_bytes() == (tmp_path / "b.csv").read_bytes()


def test_stdin_and_jsonl_input(tmp_path):
    data = "".join(json.dumps({"id": f"s{i}", "text": TEXTS[i]}) + "\n" for i in range(3))
    out = tmp_path / "out.jsonl"
    r = CliRunner().invoke(main, ["export", "-", "-o", str(out), "--format", "jsonl", "-j", "1"], input=data)
    assert r.exit_code == 0, r.output
    assert [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()] == ["s0", "s1", "s2"]


def test_interrupted_while_writing_the_final_file(tmp_path, monkeypatch):
    src = corpus(tmp_path, 4)
    lib_export(src, tmp_path / "full.csv", jobs=1, events=True)
    real = ex.group_features

    def stop(*a, **k):
        raise KeyboardInterrupt

    monkeypatch.setattr(ex, "group_features", stop)
    out = tmp_path / "out.csv"
    with pytest.raises(ex.ExportInterrupted, match="--resume"):
        lib_export(src, out, jobs=1, events=True)
    assert not out.exists()
    monkeypatch.setattr(ex, "group_features", real)
    rep = lib_export(src, out, jobs=1, events=True, resume=True)
    assert rep.articles == 4 and out.read_bytes() == (tmp_path / "full.csv").read_bytes()
    assert not list(tmp_path.glob(".*"))


def test_hits_in_a_missing_folder_leaves_nothing(tmp_path):
    src = corpus(tmp_path, 1)
    r = run("export", str(src), "-o", str(tmp_path / "out.csv"), "--hits", str(tmp_path / "no" / "h.csv"))
    assert r.exit_code == 1 and "does not exist" in r.output and "Traceback" not in r.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv"]


def test_export_takes_the_axis_and_input_format_of_the_settings(tmp_path):
    """--axis, --input-format and --language reach the export as they reach `framing score`."""
    src = tmp_path / "in.data"  # a CSV whose name does not say so
    write_csv(src, [{"id": "g1", "text": TEXTS[0]}], ("id", "text"))
    out = tmp_path / "out.csv"
    r = run("export", str(src), "-o", str(out), "-j", "1", "--input-format", "csv", "--axis", "government")
    assert r.exit_code == 0, r.output
    [row] = read_table(out)
    assert row["id"] == "g1" and row["stance_axis"] == "government"
    scored = CliRunner().invoke(main, ["score", str(src), "--input-format", "csv", "--axis", "government",
                                       "--format", "json", "-q"])
    [rec] = json.loads(scored.stdout)
    assert rec["stance_axis"] == "government" and float(row["stance"]) == pytest.approx(rec["stance"], abs=5e-4)
    bad = run("export", str(src), "-o", str(tmp_path / "bad.csv"), "-j", "1", "--axis", "nope")
    assert bad.exit_code == 1 and "no axis 'nope'" in bad.stderr and not (tmp_path / "bad.csv").exists()

import csv
import dataclasses
import json
import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

from framing import __version__, cli, languages
from framing.cli import main
from framing.languages import get_language
from framing.settings import Settings

from .conftest import SEEDS


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input)


def test_version():
    r = run("--version")
    assert r.exit_code == 0 and __version__ in r.output


def test_python_dash_m():
    r = subprocess.run([sys.executable, "-m", "framing", "--version"], capture_output=True, text=True)
    assert r.returncode == 0 and __version__ in r.stdout


def test_articles_json_on_seeds():
    r = run("articles", str(SEEDS), "--format", "json")
    assert r.exit_code == 0, r.stderr
    recs = json.loads(r.stdout)
    assert len(recs) == 5
    for rec in recs:
        assert {"id", "outlet", "date", "title", "words", "sentences"} <= rec.keys()
    by = {rec["id"][:3]: rec for rec in recs}
    assert by["002"]["outlet"] == "Ippen Media" and by["002"]["outlet_inferred"] is True
    assert by["000"]["outlet_inferred"] is False
    assert by["003"]["title"] is None
    assert "read 5 articles from 5 files; skipped 0" in r.stderr


def test_articles_table_marks_inferred_outlets():
    r = run("articles", str(SEEDS))
    assert r.exit_code == 0
    assert "RT DE*" in r.stdout and "Ippen Media*" in r.stdout
    assert r.stdout.splitlines()[0].split()[:4] == ["id", "outlet", "date", "title"]


def test_articles_removed_lists_boilerplate():
    r = run("articles", str(SEEDS / "002_fb5708521e04c5c4.txt"), "--removed", "--format", "csv")
    assert r.exit_code == 0
    assert "breadcrumb,1. Startseite" in r.stdout and "author-code,(sischr)" in r.stdout


def test_quotes_csv_offsets_slice_text():
    from framing.readers import read_articles

    art = read_articles([str(SEEDS / "000_5a3915b3181bdd4f.txt")]).articles[0]
    r = run("quotes", str(SEEDS / "000_5a3915b3181bdd4f.txt"), "--format", "jsonl", "--kind", "scare")
    recs = [json.loads(line) for line in r.stdout.splitlines()]
    assert recs and all(q["kind"] == "scare" and q["speaker"] == "" for q in recs)
    # "Washington zeigt sich "überrascht"": a reporting frame, so the words are Washington's
    r = run("quotes", str(SEEDS / "000_5a3915b3181bdd4f.txt"), "--format", "jsonl", "--kind", "direct")
    recs = [json.loads(line) for line in r.stdout.splitlines()]
    assert {"Washington"} == {q["speaker"] for q in recs if q["text"] == "überrascht"}
    for q in recs:
        assert art.text[q["start"] : q["end"]] == q["text"]


def test_stdin_input():
    r = run("articles", "-", "--format", "csv", input="Ein Titel für den Test\n\nPutin sprach lange.")
    assert r.exit_code == 0 and "Ein Titel für den Test" in r.stdout


def test_nothing_readable_is_an_error(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    r = run("articles", str(tmp_path / "empty.txt"))
    assert r.exit_code == 1
    assert "Warning:" in r.stderr and "empty file" in r.stderr
    assert r.stderr.strip().splitlines()[-1].startswith("Error: no article could be read")
    assert "Traceback" not in r.output


def test_missing_path_with_good_one_is_not_an_error(tmp_path):
    r = run("articles", str(SEEDS / "000_5a3915b3181bdd4f.txt"), str(tmp_path / "nope.txt"))
    assert r.exit_code == 0
    assert "nope.txt: no such file or folder" in r.stderr
    assert "skipped 1" in r.stderr


def test_usage_error_exit_code():
    r = run("articles", str(SEEDS), "--format", "xml")
    assert r.exit_code == 2


def test_score_jsonl_contract_and_version():
    r = run("score", str(SEEDS), "--format", "jsonl")
    assert r.exit_code == 0, r.stderr
    recs = [json.loads(line) for line in r.stdout.splitlines()]
    assert len(recs) == 5
    for rec in recs:
        assert {"id", "outlet", "date", "title", "words", "loaded_per_1000", "hits"} <= rec.keys()
        assert rec["lexicon_version"].startswith("de-loaded ")
    by = {rec["id"][:3]: rec for rec in recs}
    assert any(h["lemma"] == "Autokrat" and h["voice"] == "outlet" for h in by["002"]["hits"])


def test_score_table_is_readable():
    r = run("score", str(SEEDS))
    assert r.exit_code == 0
    assert "loaded/1000" in r.stdout and "Diktator (3)" in r.stdout


def test_broken_user_lexicon_is_one_line_error(tmp_path):
    p = tmp_path / "klasse.csv"
    p.write_text("id,term,match,category,leaning,weight,neutral,explanation\nk1,Wort,lemma,hype,none,1,n,W.\n")
    r = run("score", str(SEEDS), "--lexicon", str(p))
    assert r.exit_code == 1
    assert r.stderr.startswith(f"Error: {p}:2: unknown category 'hype'; allowed: ")
    assert len(r.stderr.strip().splitlines()) == 1
    assert "Traceback" not in r.output


def test_lexicon_commands():
    r = run("lexicon", "list", "--category", "fear-alarm", "--format", "csv")
    assert r.exit_code == 0 and "Angstmodus" in r.stdout
    r = run("lexicon", "show", "Diktatoren")
    assert r.exit_code == 0 and "why loaded:" in r.stdout and "neutral:" in r.stdout
    assert "002:" in r.stdout  # an example from the seeds
    r = run("lexicon", "show", "Fahrrad")
    assert r.exit_code == 1 and r.stderr.startswith("Error: 'Fahrrad' is not in the lexicon")
    r = run("lexicon", "check")
    assert r.exit_code == 0 and r.stdout.startswith("ok: de-loaded")


def test_evaluate_lexicon_on_gold():
    gold = SEEDS.parent / "eval" / "gold-seeds.jsonl"
    r = run("evaluate", "lexicon", "--gold", str(gold), "--format", "json")
    assert r.exit_code == 0, r.stderr
    rows = json.loads(r.stdout)  # the heading line is on stderr
    overall = next(x for x in rows if x["scope"] == "overall")
    assert overall["gold"] == 50 and 0 < overall["f1"] <= 1
    assert {x["group"] for x in rows if x["scope"] == "voice"} == {"outlet", "scare-quote", "quote", "reported"}


def test_explain_says_why_and_offers_neutral_wording():
    r = run("explain", str(SEEDS / "002_fb5708521e04c5c4.txt"), "-q", "--width", "90", "--lang", "en")
    assert r.exit_code == 0, r.output
    out = r.output
    assert "Stance (kremlin):" in out and "critical" in out
    # the text with its words marked (brackets: not a terminal), then each flag explained
    assert "russische [Autokrat][4 own voice: derogatory label] Wladimir Putin" in " ".join(out.split())
    assert "„Autokrat“ — own voice; derogatory label; sentence 4" in out
    assert "aimed at: Wladimir Putin (critical)" in out
    assert "why loaded: Ordnet die Person als Alleinherrscher ein" in out and "neutral wording: Präsident" in out
    assert "Loaded words of quoted speakers" in out
    assert max(len(line) for line in out.splitlines()) <= 90


def test_articles_json_carries_the_text_the_offsets_point_into():
    arts = json.loads(run("articles", str(SEEDS), "--format", "jsonl").stdout.replace("}\n{", "},{").join("[]"))
    quotes = json.loads(run("quotes", str(SEEDS), "--format", "json").stdout)
    text = {a["id"]: a["text"] for a in arts}
    assert quotes and all(text[q["id"]][q["start"]:q["end"]] == q["text"] for q in quotes)
    for a in arts:
        assert all(0 <= p["start"] <= p["end"] <= len(a["text"]) for p in a["parts"])


def test_lexicon_show_and_suggest_write_to_a_file(tmp_path):
    shown = run("lexicon", "show", "angeblich")
    out = tmp_path / "entry.txt"
    r = run("lexicon", "show", "angeblich", "-o", str(out))
    assert r.exit_code == 0 and r.stdout == "" and out.read_text(encoding="utf-8") == shown.stdout
    assert "why loaded" in shown.stdout
    csv_out = tmp_path / "cands.csv"
    r = run("lexicon", "suggest", str(SEEDS / "000_5a3915b3181bdd4f.txt"), "--reference", str(SEEDS),
            "--min-count", "1", "-o", str(csv_out))
    assert r.exit_code == 0, r.stderr
    assert r.stdout == "" and csv_out.read_text(encoding="utf-8").startswith("id,term,")


# --- the language of the texts: every command that reads texts or the lexicon takes --language ---

def _commands(group=main, prefix=()):
    for name, cmd in sorted(group.commands.items()):
        if isinstance(cmd, click.Group):
            yield from _commands(cmd, (*prefix, name))
        else:
            yield " ".join((*prefix, name)), cmd


def test_every_command_reading_texts_or_the_lexicon_takes_language_once():
    taking = set()
    for name, cmd in _commands():
        params = [p.name for p in cmd.params]
        assert params.count("language") <= 1, name
        if "paths" in params or "lexicon_dir" in params:
            assert "language" in params, name
        if "language" in params:
            taking.add(name)
            default = next(p.default for p in cmd.params if p.name == "language")
            assert default == Settings().language, name  # the default is Settings'
    assert {"score", "compare", "events", "articles", "export", "train", "evaluate stance"} <= taking


@pytest.mark.parametrize("args", [("score", str(SEEDS)), ("export", str(SEEDS), "-o", "OUT"), ("train", "-o", "OUT"),
                                  ("evaluate", "stance"), ("lexicon", "list"), ("evaluate", "quotes", "--gold", "g")])
def test_an_unknown_language_is_one_error_line(args, tmp_path):
    out = tmp_path / "out"
    r = run(*(str(out) if a == "OUT" else a for a in args), "--language", "xx")
    assert r.exit_code == 1, r.output
    assert r.stderr == "Error: language 'xx' is not supported; choose from de\n"
    assert not out.exists()


# a split idiom whose verb simplemma lemmatises with ss ("goss" -> "giessen"): found only where
# the language folds ß and ss
IDIOM = "Mit dieser Rede goss der Minister am Montag Öl ins Feuer."


@pytest.fixture
def no_folds(monkeypatch):
    """German without letter folding, registered for this test only."""
    de = get_language("de")
    lang = dataclasses.replace(de, code="de-x-nofold", name="German (no folds)", lexicon="de",
                               lists={**de.lists, "letter_folds": ()})
    monkeypatch.setitem(languages._REGISTERED, lang.code, lang)
    return lang.code


def test_export_reads_and_scores_in_the_language(tmp_path, no_folds):
    src = tmp_path / "a.txt"
    src.write_text(IDIOM, encoding="utf-8")
    counts = {}
    for code in ("de", no_folds):
        out = tmp_path / f"{code}.csv"
        r = run("export", str(src), "-o", str(out), "--no-stance", "--jobs", "1", "--quiet", "--language", code)
        assert r.exit_code == 0, r.output
        [row] = list(csv.DictReader(out.open(encoding="utf-8")))
        counts[code] = row["loaded_count"]
    assert counts == {"de": "1", no_folds: "0"}


LABELLED = [("Die Regierung hat mit der Reform einen klugen und mutigen Schritt getan.", "aligned"),
            ("Der Kanzler verdient Lob für seine besonnene Führung in der Krise.", "aligned"),
            ("Die Regierung lässt die Bürger mit den steigenden Preisen allein.", "critical"),
            ("Das Kabinett hat mit dem Haushalt erneut Vertrauen verspielt.", "critical"),
            ("Der Bundestag berät am Donnerstag über den Haushalt des kommenden Jahres.", "neutral"),
            ("Die Ministerin reist in der nächsten Woche zu Gesprächen nach Paris.", "neutral"),
            ("Die Opposition lobt den Plan der Regierung als überfällig und richtig.", "aligned"),
            ("Mit ihrem Zögern hat die Regierung die Lage nur verschlimmert.", "critical"),
            ("Das Gesetz soll im kommenden Frühjahr in Kraft treten.", "neutral"),
            ("Mit der neuen Förderung setzt das Ministerium ein gutes Zeichen.", "aligned"),
            ("Die Koalition hat ihre Versprechen wieder einmal gebrochen.", "critical"),
            ("Der Ausschuss tagt am Mittwoch zum dritten Mal in diesem Monat.", "neutral")]


@pytest.mark.parametrize("command", [("train", "-o", "OUT"), ("evaluate", "stance", "--format", "json")])
def test_train_and_evaluate_stance_run_in_the_language(tmp_path, monkeypatch, no_folds, command):
    data = tmp_path / "labelled.csv"
    with data.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([("text", "label"), *LABELLED])
    seen = []
    real = cli.cross_validate

    def cross_validate(examples, matcher, folds=5):
        seen.append(matcher.language.code)
        return real(examples, matcher, folds)

    monkeypatch.setattr(cli, "cross_validate", cross_validate)
    args = [str(tmp_path / "model.skops") if a == "OUT" else a for a in command]
    r = run(*args, str(data), "--folds", "2", "--language", no_folds)
    assert r.exit_code == 0, r.output
    assert seen == [no_folds]

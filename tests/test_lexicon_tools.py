"""`framing lexicon suggest` (candidates from a corpus) and agreement of two annotations."""

import csv
import io
import json

from click.testing import CliRunner

from framing.articles import build_article
from framing.cli import main
from framing.evaluation import agreement, load_gold
from framing.lexicon import ALL_COLUMNS, default_lexicon
from framing.lexicon_tools import suggest
from framing.matching import Matcher

# team-written sentences: the corpus' own voice keeps calling a plan "Schröpfplan" and speaks of
# "eiserne Faust"; the reference uses plain words; a quotation must not count
CORPUS = [
    "Die Regierung plant den nächsten Schröpfplan bei den Sparern. Mit eiserner Faust setzt sie ihn durch.",
    "Der Schröpfplan trifft Rentner und Familien. Die Koalition regiert mit eiserner Faust.",
    "Wieder ein Schröpfplan: die Abgabe steigt. Die eiserne Faust der Koalition bleibt.",
    "Kritiker sagen: „Das ist ein Hinterhaltplan.“ Der Schröpfplan geht weiter, mit eiserner Faust.",
]
REFERENCE = [
    "Die Regierung plant eine neue Abgabe für Sparer. Die Koalition setzt sie durch.",
    "Die Abgabe trifft Rentner und Familien. Die Koalition regiert mit knapper Mehrheit.",
    "Die Abgabe steigt im Januar. Die Koalition bleibt bei ihrem Kurs.",
    "Kritiker sagen, der Plan sei falsch. Die Abgabe kommt trotzdem.",
]


def arts(texts):
    return [build_article(t, id=str(i), source=f"t{i}", parse_header=False) for i, t in enumerate(texts * 3)]


def test_suggest_finds_over_represented_own_voice_words_and_phrases():
    cands = suggest(arts(CORPUS), arts(REFERENCE), default_lexicon(), min_count=3, min_articles=2)
    terms = {c.term: c for c in cands}
    assert "schröpfplan" in terms and terms["schröpfplan"].match == "lemma" and terms["schröpfplan"].count == 12
    assert "eisern faust" in terms and terms["eisern faust"].match == "phrase"
    assert "hinterhaltplan" not in terms  # only inside a quotation
    assert "koalition" not in terms and "abgabe" not in terms  # as frequent in the reference


def test_suggest_cli_writes_lexicon_rows_with_judgement_left_empty(tmp_path):
    (tmp_path / "c").mkdir()
    (tmp_path / "r").mkdir()
    for i, t in enumerate(CORPUS * 3):
        (tmp_path / "c" / f"{i}.txt").write_text(t, encoding="utf-8")
    for i, t in enumerate(REFERENCE * 3):
        (tmp_path / "r" / f"{i}.txt").write_text(t, encoding="utf-8")
    r = CliRunner().invoke(main, ["lexicon", "suggest", str(tmp_path / "c"), "--reference", str(tmp_path / "r")])
    assert r.exit_code == 0, r.output
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert list(rows[0]) == list(ALL_COLUMNS)
    row = next(x for x in rows if x["term"] == "schröpfplan")
    assert row["id"] == "cand-schroepfplan" and "z " in row["source"]
    assert all(row[c] == "" for c in ("category", "leaning", "weight", "neutral", "explanation", "example"))
    again = CliRunner().invoke(main, ["lexicon", "suggest", str(tmp_path / "c"), "--reference", str(tmp_path / "r")])
    assert again.stdout == r.stdout  # deterministic
    bad = CliRunner().invoke(main, ["lexicon", "suggest", str(tmp_path / "c"), "--reference", str(tmp_path / "nix")])
    assert bad.exit_code == 1 and "--reference: no article could be read" in bad.stderr


def _gold(path, spans_by_text):
    with open(path, "w", encoding="utf-8") as f:
        for i, (text, spans) in enumerate(spans_by_text):
            f.write(json.dumps({"id": f"d{i}", "text": text, "spans": [
                {"surface": s, "category": c, "voice": "outlet"} for s, c in spans]}, ensure_ascii=False) + "\n")


TEXTS = ["Der Autokrat hetzt gegen die Presse und schürt Panik im Land.",
         "Das Debakel der Regierung war absehbar, sagen viele Beobachter heute."]


def test_agreement_of_two_files(tmp_path):
    a, b, c = tmp_path / "a.jsonl", tmp_path / "b.jsonl", tmp_path / "c.jsonl"
    _gold(a, [(TEXTS[0], [("Autokrat", "pejorative-label"), ("Panik", "fear-alarm")]),
              (TEXTS[1], [("Debakel", "hyperbole")])])
    _gold(b, [(TEXTS[0], [("Autokrat", "pejorative-label"), ("Panik", "fear-alarm")]),
              (TEXTS[1], [("Debakel", "hyperbole")])])
    _gold(c, [(TEXTS[0], [("Autokrat", "hyperbole"), ("hetzt", "attribution-verb")]), (TEXTS[1], [])])
    same = agreement(load_gold(a), load_gold(b))
    assert [(x.labels, x.alpha, x.kappa) for x in same] == [("loaded", 1.0, 1.0), ("category", 1.0, 1.0)]
    differ = agreement(load_gold(a), load_gold(c))
    assert differ[0].items == 21 and differ[0].kappa is not None and 0 < differ[0].kappa < 1
    assert differ[1].kappa is not None and differ[1].kappa < differ[0].kappa  # categories disagree too


def test_agreement_cli_with_the_tool(tmp_path):
    a = tmp_path / "a.jsonl"
    _gold(a, [(TEXTS[0], [("Autokrat", "pejorative-label"), ("Panik", "fear-alarm")]),
              (TEXTS[1], [("Debakel", "hyperbole")])])
    r = CliRunner().invoke(main, ["evaluate", "lexicon", "--gold", str(a), "--agree-with", "tool", "--format", "json"])
    assert r.exit_code == 0, r.output
    rows = json.loads(r.stdout)  # the heading line is on stderr
    assert [x["labels"] for x in rows] == ["loaded", "category"] and all(x["items"] == 21 for x in rows)
    tool = agreement(load_gold(a), None, Matcher(default_lexicon()))
    assert tool[0].alpha is not None and tool[0].alpha > 0.5
    missing = tmp_path / "m.jsonl"
    _gold(missing, [(TEXTS[0], [])])
    r = CliRunner().invoke(main, ["evaluate", "lexicon", "--gold", str(a), "--agree-with", str(missing)])
    assert r.exit_code == 1 and "no annotation for document(s) d1" in r.stderr

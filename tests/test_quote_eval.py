"""`framing evaluate quotes` and `framing evaluate voice` on small sets written by the team."""

import json

from click.testing import CliRunner

from framing.cli import main
from framing.quote_eval import evaluate_quote_spans, evaluate_voice, same_speaker

TEXT = ("Der Minister sagte am Montag, die Lage sei ernst. „Wir handeln sofort“, sagte Peskow. "
        "Die „Experten“ schwiegen.")


def _span_set(tmp_path, records):
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "a1.txt").write_text(TEXT, encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    return gold


def _at(sub):
    s = TEXT.index(sub)
    return s, s + len(sub)


def test_quote_spans_scored_like_the_corpus_scorer(tmp_path):
    d = _at("„Wir handeln sofort“")  # marks are trimmed before comparing
    r = _at("die Lage sei ernst")
    gold = _span_set(tmp_path, [
        {"id": "a1", "type": "direct", "start": d[0], "end": d[1], "speaker": "Dmitri Peskow"},
        {"id": "a1", "type": "indirect", "start": r[0], "end": r[1], "speaker": "Lawrow"},
        {"id": "a1", "type": "reported", "start": 0, "end": 10},  # not scored
    ])
    rep = evaluate_quote_spans(gold)
    direct, reported = rep.scores["direct"], rep.scores["reported"]
    assert (direct.gold, direct.predicted, direct.matched) == (1, 1, 1)
    assert direct.char() == (1.0, 1.0, 1.0)
    assert direct.speakers_right == 1  # "Peskow" ~ "Dmitri Peskow"
    assert (reported.gold, reported.matched) == (1, 1)
    assert reported.speakers_gold == 1 and reported.speakers_right == 0  # "Minister" is not "Lawrow"


def test_quote_spans_cli_and_bad_gold(tmp_path):
    gold = _span_set(tmp_path, [{"id": "a1", "type": "direct", "start": 5, "end": 2}])
    r = CliRunner().invoke(main, ["evaluate", "quotes", "--gold", str(gold)])
    assert r.exit_code == 1 and "gold.jsonl:1" in r.output and "Traceback" not in r.output
    gold.write_text('{"id": "a1", "type": "direct", "start": 0, "end": 3}\nnot json\n', encoding="utf-8")
    r = CliRunner().invoke(main, ["evaluate", "quotes", "--gold", str(gold)])
    assert r.exit_code == 1 and "gold.jsonl:2" in r.output
    gold.write_text('{"id": "zz", "type": "direct", "start": 0, "end": 3}\n', encoding="utf-8")
    r = CliRunner().invoke(main, ["evaluate", "quotes", "--gold", str(gold)])
    assert r.exit_code == 1 and "zz.txt" in r.output
    gold.write_text('{"id": "a1", "type": "direct", "start": 54, "end": 69}\n', encoding="utf-8")
    r = CliRunner().invoke(main, ["evaluate", "quotes", "--gold", str(gold), "--format", "csv"])
    assert r.exit_code == 0 and r.stdout.splitlines()[0].startswith("kind,gold,predicted")
    r = CliRunner().invoke(main, ["evaluate", "quotes", "--gold", str(gold), "--format", "json"])
    assert r.exit_code == 0 and json.loads(r.stdout)[0]["kind"] == "direct" and r.stderr.startswith("gold: ")
    r = CliRunner().invoke(main, ["evaluate", "quotes", "--gold", str(gold)])
    assert r.stdout.startswith("gold: ")  # above the table for a reader


def test_same_speaker():
    assert same_speaker("Kremlsprecher Dmitri Peskow", "Peskow")
    assert same_speaker("Putin", "Putins Sprecher")
    assert same_speaker("Kremlsprecher", "Sprecher")
    assert not same_speaker("Scholz", "Lindner")
    assert not same_speaker("Scholz", "")
    # diacritics, a typo or a transliteration in a long name: a reader takes them as the same
    assert same_speaker("Edgars Rinkēvičs", "Präsident Rinkevics")
    assert same_speaker("Joachim Rukwied", "Präsident des Verbands, Ruckwied")
    assert same_speaker("Mychajlo Podoljak", "Berater Mykhailo Podolyak")
    assert same_speaker("russisches Außenministerium", "russische Aussenministerium")  # Swiss ss
    assert same_speaker("EU", "aus den Reihen der EU") and not same_speaker("EU", "UN")
    assert not same_speaker("Karl Lindemann", "Heinz Lindemayer")
    assert not same_speaker("Bernd Maier", "Meier")  # short names must agree letter for letter
    # an adjective alone names no one
    assert not same_speaker("belarussische Staatsmedien", "Vertraute des belarussischen Präsidenten")
    assert same_speaker("russisches Verteidigungsministerium", "das russische Verteidigungsministerium")
    # a pronoun in the gold (REDEWIEDERGABE names the mention) is right only as the same pronoun
    assert same_speaker("Er", "er") and same_speaker("Sie", "sie")
    assert not same_speaker("Er", "Müller") and not same_speaker("ich", "")


def test_voice_on_an_annotated_set(tmp_path):
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "1.txt").write_text(
        "Der Kanzler nannte die Pläne „Staatspropaganda“. Das Regime wankt.\n\n"
        "Die Opposition sprach von „Kriegshetzern“.", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("id,outlet\n1,Testblatt\n", encoding="utf-8")
    (tmp_path / "gold.csv").write_text(
        "id,term,lemma,category,leaning,in_quote\n1,„Staatspropaganda“,Staatspropaganda,moralizing,x,yes\n"
        "1,Regime,Regime,pejorative-label,x,no\n1,„Kriegshetzern“,Kriegshetzer,moralizing,x,yes\n",
        encoding="utf-8")
    (tmp_path / "speakers.csv").write_text(
        "id,speaker,kind,count\n1,Kanzler,direct,1\n1,Opposition,direct,1\n1,Papst,direct,1\n", encoding="utf-8")
    rep = evaluate_voice(tmp_path, texts)
    assert rep.quoted_terms == 2 and rep.own_terms == 1
    assert rep.quoted_attributed == rep.quoted_found == 2
    assert rep.own_given == 0 and rep.own_found == 1
    assert (rep.speakers, rep.speakers_found) == (3, 2) and rep.missed == ["1: Papst"]
    r = CliRunner().invoke(main, ["evaluate", "voice", str(tmp_path), "--texts", str(texts), "--format", "csv"])
    assert r.exit_code == 0 and "quoted speakers found,2/3" in r.output
    r = CliRunner().invoke(main, ["evaluate", "voice", str(tmp_path), "--texts", str(texts), "--format", "json"])
    rows = json.loads(r.stdout)  # the heading line goes to stderr: stdout is JSON a program can read
    assert r.stderr.startswith("set: ")
    assert rows[-1]["measure"] == "quoted speakers found" and rows[-1]["count"] == {"found": 2, "total": 3}
    r = CliRunner().invoke(main, ["evaluate", "voice", str(tmp_path), "--texts", str(texts)])
    assert "2/3" in r.output and "found" not in r.output.split("quoted speakers found", 1)[1]
    r = CliRunner().invoke(main, ["evaluate", "voice", str(tmp_path), "--texts", str(tmp_path / "none")])
    assert r.exit_code == 1 and "Error" in r.output and "Traceback" not in r.output


def test_an_unknown_gold_speaker_is_found_by_a_quotation_without_speaker(tmp_path):
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "1.txt").write_text("Der Regen hielt an.\n\n„Das Ende naht, und niemand hält es auf“",
                                 encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("id,outlet\n1,Testblatt\n", encoding="utf-8")
    (tmp_path / "gold.csv").write_text("id,term,lemma,category,leaning,in_quote\n", encoding="utf-8")
    (tmp_path / "speakers.csv").write_text(
        "id,speaker,kind,count\n1,unbekannt (Zitat abgeschnitten),direct,1\n1,Papst,direct,1\n", encoding="utf-8")
    rep = evaluate_voice(tmp_path, texts)
    assert (rep.speakers, rep.speakers_found) == (2, 1) and rep.missed == ["1: Papst"]

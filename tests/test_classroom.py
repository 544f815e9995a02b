"""The classroom views: explain with marked text, the report, the exercise mode (sentences
written by the team for these tests)."""

import json
import re
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.articles import build_article
from framing.classroom import article_view, default_lang, labels
from framing.cli import main
from framing.lexicon import default_lexicon
from framing.matching import Matcher
from framing.render.explain import use_colour
from framing.render.pages import render_explain
from framing.scoring import score_article
from framing.textlayer import analyse

from .conftest import SEEDS

XSS_TITLE = '<script>document.title="pwned"</script>"><img src=x onerror="document.title=\'pwned\'">'

ARTICLES = [
    {"id": "a1", "outlet": "Blatt A", "date": "2024-06-10", "event": "gipfel",
     "title": "Autokrat Putin empfängt Gäste in Moskau",
     "text": "Der russische Autokrat Wladimir Putin empfing am Montag Gäste aus Asien. Der „Schaugipfel“ "
             "dauerte zwei Tage. Der Kreml erklärte, das Treffen sei ein Erfolg gewesen. Putin sagte: „Der "
             "Westen führt einen Vernichtungskrieg gegen uns.“ Das Regime in Moskau sucht verzweifelt neue "
             "Partner."},
    {"id": "b1", "outlet": "Blatt B", "date": "2024-06-10", "event": "gipfel",
     "title": "Präsident Putin empfängt Gäste in Moskau",
     "text": "Der russische Präsident Wladimir Putin empfing am Montag Gäste aus Asien. Das Treffen verlief nach "
             "Angaben des Kremls freundlich. Die Gäste lobten die Gastfreundschaft."},
    {"id": "c1", "outlet": "Blatt C", "date": "2024-06-11", "event": "wetter",
     "title": "Mildes Wetter in Hamburg ‏مرحبا‏ 🌧️",
     "text": "Das Wetter in Hamburg bleibt mild. Am Wochenende regnet es ein wenig."},
    {"id": "x1", "outlet": "Blatt <b>X</b>", "date": "2024-07-01", "event": "angriff",
     "title": XSS_TITLE,
     "text": f"Der Autokrat sprach. {XSS_TITLE} Das Regime schweigt. <script>alert(1)</script>"},
]


def run(*args, input=None, env=None):
    return CliRunner().invoke(main, list(args), input=input, env=env)


@pytest.fixture
def arts(tmp_path):
    p = tmp_path / "arts.jsonl"
    p.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in ARTICLES) + "\n", encoding="utf-8")
    return p


def one(tmp_path, i):
    p = tmp_path / f"{ARTICLES[i]['id']}.jsonl"
    p.write_text(json.dumps(ARTICLES[i], ensure_ascii=False) + "\n", encoding="utf-8")
    return p


# --- labels and environment -------------------------------------------------------------------


def test_label_tables_have_the_same_keys():
    raw = (Path(__file__).parent.parent / "framing" / "templates" / "labels.toml").read_bytes()
    table = tomllib.loads(raw.decode())
    assert set(table["de"]) == set(table["en"])
    assert set(table["de"]["categories"]) == set(table["en"]["categories"])
    assert labels("de")["stance"] == "Haltung" and labels("en")["stance"] == "Stance"
    assert labels("de").voice("scare-quote") == "Distanz-Anführungszeichen"


def test_default_language_from_the_locale():
    assert default_lang({"LANG": "de_DE.UTF-8"}) == "de"
    assert default_lang({"LC_ALL": "en_US.UTF-8", "LANG": "de_DE.UTF-8"}) == "en"
    assert default_lang({"LC_ALL": "", "LANG": "de_AT.UTF-8"}) == "de"
    assert default_lang({}) == "en"


def test_colour_respects_no_color_and_force_color():
    assert use_colour(True, {}) is True
    assert use_colour(True, {"NO_COLOR": "1"}) is False
    assert use_colour(False, {}) is False
    assert use_colour(False, {"FORCE_COLOR": "1"}) is True
    assert use_colour(False, {"FORCE_COLOR": "0"}) is False


# --- explain ----------------------------------------------------------------------------------


def test_explain_marks_words_by_voice_in_the_text(tmp_path):
    r = run("explain", str(one(tmp_path, 0)), "-q", "--lang", "en", "--width", "100")
    assert r.exit_code == 0, r.output
    flat = " ".join(r.stdout.split())
    assert "in Moskau [Autokrat][1 own voice: derogatory label] Putin empfängt" in flat  # the title is the headline
    assert "Der russische [Autokrat][2 own voice: derogatory label] Wladimir Putin" in flat
    assert "„[Schaugipfel][3 scare quotes: doubt and distance]“" in flat
    assert "[Vernichtungskrieg][4 quotation Putin:" in flat
    # each flag with its full sentence, why, neutral wording, target
    assert "sentence: Der russische Autokrat Wladimir Putin empfing am Montag Gäste aus Asien." in flat
    assert "aimed at: Wladimir Putin (critical)" in flat
    assert "It does not measure whether the article is true" in flat
    assert "Whom the article quotes:" in r.stdout and "Putin: quoted 1×" in flat
    assert "\x1b[" not in r.stdout


def test_explain_colour_on_request_and_german(tmp_path):
    r = run("explain", str(one(tmp_path, 0)), "-q", "--lang", "de", env={"FORCE_COLOR": "1", "NO_COLOR": ""})
    assert r.exit_code == 0, r.output
    assert "\x1b[1;30;43mAutokrat\x1b[0m¹" in r.stdout
    assert "Redaktion" in r.stdout and "warum wertend:" in r.stdout and "Haltung" in r.stdout


def test_explain_json_carries_the_text_the_offsets_point_into(tmp_path):
    r = run("explain", str(one(tmp_path, 0)), "-q", "--format", "json")
    assert r.exit_code == 0, r.output
    [rec] = json.loads(r.stdout)
    text = rec["text"]
    assert rec["flags"]
    for f in rec["flags"]:
        assert text[f["start"] : f["end"]] == f["term"]
        assert f["sentence_no"] == f["sentence"] + 1
        assert text[f["start"] : f["end"]] in f["sentence_text"]
    assert "".join(s["text"] for s in rec["segments"]) == text
    assert [s["flags"] for s in rec["segments"] if s["flags"]] == [[1], [2], [3], [4], [5]]


def test_explain_markdown_and_html(tmp_path):
    md = run("explain", str(one(tmp_path, 0)), "-q", "--format", "markdown", "--lang", "en")
    assert md.exit_code == 0, md.output
    assert "**Autokrat**<sup>[1 own voice: derogatory label]</sup>" in md.stdout
    out = tmp_path / "a.html"
    h = run("explain", str(one(tmp_path, 0)), "-q", "--format", "html", "--lang", "de", "-o", str(out))
    assert h.exit_code == 0, h.output and h.stdout == ""
    page = out.read_text(encoding="utf-8")
    assert '<span class="hit v-outlet c-pejorative-label" tabindex="0" data-flag="1">Autokrat<sup>1</sup>' in page
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert "<script" not in page and "http://" not in page and "https://" not in page


def test_explain_article_without_loaded_words(tmp_path):
    r = run("explain", str(one(tmp_path, 1)), "-q", "--lang", "en", "--no-stance")
    assert r.exit_code == 0, r.output
    assert "No loaded word from the word list was found" in r.stdout
    assert "the stance was not computed (--no-stance)" in r.stdout


# --- report -----------------------------------------------------------------------------------


def test_report_escapes_everything_and_orders_events(arts, tmp_path):
    out = tmp_path / "r.html"
    r = run("report", str(arts), "-q", "--lang", "de", "-o", str(out))
    assert r.exit_code == 0, r.output
    page = out.read_text(encoding="utf-8")
    assert "<script" not in page and "<img" not in page and "<b>X</b>" not in page
    assert "&lt;script&gt;" in page and "Blatt &lt;b&gt;X&lt;/b&gt;" in page
    # the event with two outlets comes first; one-outlet events say so
    first = page.index('id="gipfel"') if 'id="gipfel"' in page else None
    heads = re.findall(r'<section class="event" id="([^"]+)">', page)
    assert len(heads) == 3
    ev1 = page.split('<section class="event"')[1]
    assert "Blatt A" in ev1 and "Blatt B" in ev1 and first is None
    assert page.count("Nur ein Medium berichtet über dieses Ereignis") == 2
    # headlines side by side, the stance scale, the legend, the RTL/emoji title intact
    assert '<div class="cols headlines">' in ev1 and 'class="scale"' in ev1
    assert 'id="legend"' in page and "Distanz-Anführungszeichen" in page
    assert "مرحبا" in page and "🌧️" in page


def test_report_discussion_prompts_from_naming(arts, tmp_path):
    out = tmp_path / "r.html"
    assert run("report", str(arts), "-q", "--lang", "en", "-o", str(out)).exit_code == 0
    page = out.read_text(encoding="utf-8")
    prompts = re.findall(r'<ol class="prompts">(.*?)</ol>', page, re.S)[0]
    assert "Blatt A calls Wladimir Putin “Autokrat”, Blatt B “Präsident”" in prompts
    out2 = tmp_path / "r2.html"
    assert run("report", str(arts), "-q", "--lang", "en", "-o", str(out2)).exit_code == 0
    assert out2.read_bytes() == out.read_bytes()  # deterministic


def test_report_long_article_is_cut_and_says_so(tmp_path):
    sentence = "Der Autokrat sprach lange über das Wetter in der Stadt und die Felder. "
    rec = {"id": "long", "outlet": "Blatt L", "date": "2024-01-01", "title": "Lang",
           "text": sentence * 8400}  # ~100,000 words
    p = tmp_path / "long.jsonl"
    p.write_text(json.dumps(rec, ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "r.html"
    r = run("report", str(p), "-q", "--lang", "en", "--no-stance", "-o", str(out))
    assert r.exit_code == 0, r.output
    page = out.read_text(encoding="utf-8")
    assert "Shown: the first 20000 of 109201 words" in page  # the title, then 13 words a sentence
    assert page.count('class="hit v-outlet') == -(-20000 // 13)  # one Autokrat in each shown sentence


# --- exercise ---------------------------------------------------------------------------------


def test_worksheet_shows_the_text_unmarked(tmp_path):
    out = tmp_path / "sheet.html"
    r = run("exercise", str(one(tmp_path, 0)), "-q", "--lang", "de", "-o", str(out))
    assert r.exit_code == 0, r.output
    page = out.read_text(encoding="utf-8")
    assert "Der russische Autokrat Wladimir Putin" in page and 'class="hit' not in page
    assert "Arbeitsblatt" in page and "student,term,reason" in page


def test_exercise_check_agreement_and_differences(tmp_path):
    art = one(tmp_path, 0)
    csv = tmp_path / "answers.csv"
    csv.write_text(
        "student,term,reason\n"
        "Anna,Autokrat,macht Putin schlecht\n"
        "Anna,Schaugipfel,Anführungszeichen\n"
        "Anna,Vernichtungskrieg,Kriegswort\n"
        "Anna,Regime,abwertend\n"
        "Ben,Autokrat,Etikett\n"
        "Ben,verzweifelt,übertrieben\n"
        "Ben,Quatschwort,gibt es nicht\n", encoding="utf-8")
    r = run("exercise", "check", str(csv), "--article", str(art), "--format", "json", "--lang", "en")
    assert r.exit_code == 0, r.output
    res = json.loads(r.stdout)
    ag = res["agreement"]
    assert ag["kappa_tool"]["Anna"] == 1.0  # Anna marked exactly the tool's four words
    assert ag["kappa_tool"]["Ben"] < 1.0 and ag["alpha"] is not None and ag["alpha"] < 1.0
    assert [c["term"] for c in res["candidates"]] == ["verzweifelt"]
    assert res["candidates"][0]["reasons"] == ["übertrieben"]
    assert {t["term"] for t in res["both"]} == {"Autokrat", "Schaugipfel", "Vernichtungskrieg", "Regime"}
    assert res["tool_only"] == []
    assert res["skipped"] == ["answers.csv:8: „Quatschwort“ (Ben) is not in the article text"]
    assert "skipped answers.csv:8" in r.stderr
    de = run("exercise", "check", str(csv), "--article", str(art), "--lang", "de")
    assert "answers.csv:8: „Quatschwort“ (Ben) steht nicht im Artikeltext" in de.stdout
    assert "Krippendorffs Alpha" in de.stdout and "Kandidaten für die Klassen-Wortliste" in de.stdout


def test_exercise_check_offsets_and_bad_rows(tmp_path):
    art = one(tmp_path, 0)
    text = ARTICLES[0]["title"] + "\n\n" + ARTICLES[0]["text"]  # the title is the headline
    s = text.index("verzweifelt")
    csv = tmp_path / "o.csv"
    csv.write_text(f"start;end;reason\n{s};{s + 11};zu stark\nzehn;12;\n5;99999;\n9;3;\n", encoding="utf-8")
    r = run("exercise", "check", str(csv), "--article", str(art), "--lang", "en")
    assert r.exit_code == 0, r.output
    assert "„verzweifelt“ — marked by class; reasons: zu stark" in r.stdout
    assert "o.csv:3: neither a term nor whole-number offsets" in r.stdout
    assert "o.csv:4: offsets 5–99999 lie outside the text" in r.stdout
    assert "o.csv:5: offsets 9–3" in r.stdout
    assert "Found by the tool, not by any student" in r.stdout and "„Autokrat“" in r.stdout


def test_exercise_check_bad_file_is_a_clear_error(tmp_path):
    art = one(tmp_path, 0)
    csv = tmp_path / "bad.csv"
    csv.write_text("name,why\nAnna,x\n", encoding="utf-8")
    r = run("exercise", "check", str(csv), "--article", str(art))
    assert r.exit_code == 1 and "bad.csv:1: the header needs a 'term' column" in r.stderr
    r = run("exercise", "check", str(csv), "--article", str(SEEDS))
    assert r.exit_code == 1 and "--article must name one article" in r.stderr


def test_class_wordlist_template_has_two_columns_with_known_categories():
    root = Path(__file__).parent.parent
    lines = (root / "docs" / "class-wordlist-template.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "term,category"
    cats = set(labels("en").categories)
    for line in lines[1:]:
        term, cat = line.split(",")
        assert term and cat in cats


# --- free text --------------------------------------------------------------------------------

_PIECES = st.sampled_from(["Autokrat", "Regime", "„Schaugipfel“", "sagte:", "<b>", "&amp;", "\"><img src=x>",
                           "مرحبا", "🌧️", "\n\n", ". ", ", ", "Putin", "der", "Präsident", "„", "“", " "])


@settings(max_examples=40, deadline=None)
@given(raw=st.lists(st.one_of(_PIECES, st.text(max_size=8)), max_size=30).map(" ".join))
def test_views_cover_the_text_and_escape_it(matcher, raw):  # one matcher (module fixture) for every example
    a = build_article(raw, id="x", source="x")
    view = article_view(score_article(analyse(a), matcher))
    assert "".join(p for p, _ in view["segments"]) == view["text"][: view["shown_chars"]]
    for f in view["flags"]:
        assert view["text"][f["start"] : f["end"]] == f["term"]
    page = render_explain([view], "html", "en")
    body = page.split("<body>", 1)[1]
    assert "<img" not in body and "<script" not in body
    if "<b>" in view["text"]:
        assert "&lt;b&gt;" in body
    assert render_explain([view], "text", "de").count("\n") >= 1


class _Stub:
    """A score whose record carries keys other stages may add: a null stance with a reason, a
    `register` on hits, an unknown category."""

    def __init__(self, sc, extra_hit, **extra):
        self.analysed = sc.analysed
        self._rec = {**sc.record(), **extra}
        self._rec["hits"] = [{**h, **extra_hit} for h in self._rec["hits"]]

    def record(self):
        return self._rec


def test_view_reads_records_defensively(tmp_path):
    a = build_article(ARTICLES[0]["text"], id="a1", source="x")
    sc = score_article(analyse(a), Matcher(default_lexicon()))
    stub = _Stub(sc, {"register": "umgangssprachlich", "category": "new-kind"}, stance=None,
                 stance_label="insufficient evidence", stance_axis="kremlin", stance_reason="text too short")
    view = article_view(stub)
    assert view["stance"]["score"] is None and view["stance"]["reason"] == "text too short"
    assert all(f["register"] == "umgangssprachlich" for f in view["flags"])
    text = render_explain([view], "text", "en")
    assert "No stance figure: text too short" in text and "register: umgangssprachlich" in text
    assert "new-kind" in text  # an unknown category is shown by its name
    page = render_explain([view], "html", "de")
    assert "Keine Haltungszahl: text too short" in page and "new-kind" in page

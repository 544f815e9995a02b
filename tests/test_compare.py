"""Events and side-by-side comparisons: on the seeds, on small written inputs, and bad input."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date

import pytest
from click.testing import CliRunner

from framing.articles import Article
from framing.cli import main
from framing.compare import compare_event, date_range, find_reprints, group_events, log_odds
from framing.lexicon import default_lexicon
from framing.matching import Matcher
from framing.scoring_batches import score_articles

from .conftest import SEEDS


@pytest.fixture(scope="module")
def seed_scores(seed_articles):
    return list(score_articles(seed_articles.values(), Matcher(default_lexicon()), None))


def run(*args):
    return CliRunner().invoke(main, list(args))


def test_seed_events_group_the_june_2024_visit(seed_scores):
    events = group_events(seed_scores)
    groups = [sorted(s.analysed.article.id[:3] for s in e.scores) for e in events]
    assert ["000", "002", "004"] in groups
    assert ["001"] in groups and ["003"] in groups
    again = group_events(list(reversed(seed_scores)))
    assert [(e.id, e.label, [s.analysed.article.id for s in e.scores]) for e in events] == \
        [(e.id, e.label, [s.analysed.article.id for s in e.scores]) for e in again]


def test_explicit_event_wins_and_partial_dates_are_ranges(seed_scores):
    assert date_range("2024-06") == (date(2024, 6, 1), date(2024, 6, 30))
    assert date_range("2024") == (date(2024, 1, 1), date(2024, 12, 31))
    assert date_range("2024-13") is None and date_range(None) is None
    from dataclasses import replace

    tagged = [replace(s, analysed=replace(s.analysed, article=replace(s.analysed.article, event="gipfel")))
              if s.analysed.article.id[:3] in ("001", "002") else s for s in seed_scores]
    events = group_events(tagged)
    gipfel = next(e for e in events if e.label == "gipfel")
    assert sorted(s.analysed.article.id[:3] for s in gipfel.scores) == ["001", "002"]
    assert gipfel.explicit


def test_log_odds_ranks_the_words_one_side_uses():
    a = Counter({"autokrat": 5, "präsident": 1, "treffen": 3})
    b = Counter({"präsident": 6, "treffen": 3})
    ranked = log_odds(a, b, a + b, prior_strength=10)
    assert ranked[0][0] == "autokrat" and ranked[0][2] > 1.96
    z = {w: zz for w, _, zz in ranked}
    assert z["präsident"] < 0


def test_reprints_are_found_across_outlets(seed_articles):
    original = seed_articles["000"]
    copy = Article(id="copy-of-000", text=original.text, source="test", outlet="Spiegelseite", date="2024-06")
    scores = list(score_articles([original, copy, seed_articles["002"]], Matcher(default_lexicon()), None))
    reprints = find_reprints(scores)
    assert len(reprints) == 1 and reprints[0].overlap > 0.95
    assert {reprints[0].a, reprints[0].b} == {original.id, "copy-of-000"}


def test_compare_columns_name_putin_differently(seed_scores):
    event = next(e for e in group_events(seed_scores) if len(e.scores) == 3)
    cols = {c.name: c for c in compare_event(event)}
    assert set(cols) == {"RT DE", "Ippen Media"}
    ippen = " ".join(t["term"] for t in cols["Ippen Media"].cells["naming"]["Wladimir Putin"])
    rt = " ".join(t["term"] for t in cols["RT DE"].cells["naming"]["Wladimir Putin"])
    assert "Autokrat" in ippen and "Autokrat" not in rt and "russische Präsident" in rt
    assert any("Angstmodus" in t["term"] for t in cols["RT DE"].cells["own_terms"])
    assert any("Diktator" in t["term"] for t in cols["Ippen Media"].cells["own_terms"])
    # data, not display strings: every count is a number beside its term
    assert all(isinstance(t["count"], int) for t in cols["RT DE"].cells["own_terms"])
    assert cols["RT DE"].cells["distinctive"] and cols["Ippen Media"].cells["distinctive"]



def test_conventional_and_technical_terms_are_shown_apart_not_counted(seed_scores):
    """A term of art (Sanktionsregime, register technical) is listed in its own row and left
    out of the own-voice loaded words and their rate, as in `framing score` (issue 14)."""
    event = next(e for e in group_events(seed_scores) if len(e.scores) == 3)
    rt = next(c for c in compare_event(event) if c.name == "RT DE").cells
    assert [t["term"] for t in rt["conventional_terms"]] == ["Sanktionsregime"]
    assert not any(t["term"] == "Sanktionsregime" for t in rt["own_terms"])
    members = [s for s in event.scores if s.analysed.article.outlet == "RT DE"]
    words = sum(s.words for s in members)
    assert rt["loaded_per_1000"] == round(1000 * sum(len(s.own) for s in members) / words, 2)
    assert sum(t["count"] for t in rt["own_terms"]) <= sum(len(s.own) for s in members)
    r = run("compare", str(SEEDS), "--format", "json", "-q", "--no-stance")
    col = next(c for e in json.loads(r.output) for c in e["columns"] if c["name"] == "RT DE" and c["articles"] == 2)
    assert col["conventional_terms"] == [{"term": "Sanktionsregime", "count": 2}]
    r = run("compare", str(SEEDS), "--format", "markdown", "-q", "--no-stance")
    row = next(line for line in r.output.splitlines() if "conventional or technical terms" in line)
    assert "Sanktionsregime (2)" in row

def test_cli_compare_on_the_seeds_fits_the_width_and_marks_headlines():
    r = run("compare", str(SEEDS), "--width", "80", "-q", "--no-stance")
    assert r.exit_code == 0, r.output
    assert "RT DE" in r.output and "Ippen Media" in r.output
    assert "[Alarmstimmung]" in r.output  # 001's headline, loaded word marked
    assert max(len(line) for line in r.output.splitlines()) <= 80
    r = run("compare", str(SEEDS), "--format", "json", "-q")
    data = json.loads(r.output)
    e3 = next(e for e in data if len(e["articles"]) == 3)
    assert {c["name"] for c in e3["columns"]} == {"RT DE", "Ippen Media"}
    assert all("stance" in c for c in e3["columns"])
    e1 = next(e for e in data if e["articles"][0].startswith("003"))
    assert e1["columns"][0]["name"] == "RT DE" and e1["columns"][0]["reprint_of"] == ["RT DE"]


def test_cli_compare_formats_and_bad_input(tmp_path):
    odd = tmp_path / "odd.csv"
    odd.write_text("id,outlet,text\n"
                   "a1,<Ost & West>,\"Der Kremlchef empfing den Machthaber Kim in Moskau. Die USA sind alarmiert.\"\n",
                   encoding="utf-8")
    r = run("compare", str(odd), "--format", "html", "-q", "--no-stance")
    assert r.exit_code == 0, r.output
    assert "&lt;Ost &amp; West&gt;" in r.output and "<Ost & West>" not in r.output
    r = run("compare", str(odd), "-q", "--no-stance")
    assert r.exit_code == 0 and "Only one column" in r.output and "undated" in r.output
    r = run("compare", str(odd), "--format", "csv", "-q", "--no-stance")
    assert r.output.splitlines()[0] == "event,event_label,dates,column,aspect,value"
    r = run("compare", str(SEEDS), "--event", "E9", "-q", "--no-stance")
    assert r.exit_code == 1 and "no event 'E9'" in r.output and "Traceback" not in r.output
    r = run("events", str(SEEDS), "--format", "json", "-q")
    assert r.exit_code == 0 and len(json.loads(r.output)) == 3


def test_speakers_are_grouped_by_side():
    from framing.actors import default_actors
    from framing.compare import _speaker_side

    actors = default_actors()
    assert _speaker_side("Kreml-Sprecher Dmitri Peskow", actors) == ("russia", "Dmitri Peskow")
    assert _speaker_side("der Nationale Sicherheitsberater Jake Sullivan", actors) == ("west", "Jake Sullivan")
    assert _speaker_side("WSJ-Bericht", actors) == ("media", "Wall Street Journal")
    assert _speaker_side("ungenannte Pentagon-Beamte", actors)[0] == "anonymous"
    assert _speaker_side("", actors) == ("unattributed", "–")


def test_table_splits_columns_that_do_not_fit_the_width():
    from framing.articles import Article
    from framing.compare import compare_event, event_comparison, group_events
    from framing.lexicon import default_lexicon
    from framing.matching import Matcher
    from framing.render.compare import render_table
    from framing.scoring_batches import score_articles

    outlets = ["RT DE", "Ippen Media", "<Ost & West>", None]
    arts = [Article(id=f"a{i}", text="Der Autokrat Putin sprach.", source="p", date="2024-06-18", outlet=o)
            for i, o in enumerate(outlets)]
    (event,) = group_events(list(score_articles(arts, Matcher(default_lexicon()), None)))
    table = render_table(event_comparison(event, compare_event(event)), 80)
    assert max(len(line) for line in table.splitlines()) <= 80
    assert "columns 1–3 of 4" in table and "columns 4–4 of 4" in table
    heading, grids = table.split("\n\n", 1)
    for name in ("RT DE", "Ippen Media", "<Ost & West>", "unknown outlet"):  # every column once, named above
        assert grids.count(name) == 1 and name.replace(" ", "") in heading.replace("\n", "").replace(" ", "")

"""Event grouping (framing.events): bounded spans, no chaining, undated articles, input order."""

from __future__ import annotations

import json
import random
from itertools import combinations

import numpy as np
from scipy import sparse

from framing.articles import Article
from framing.events import (
    NEIGHBOURS,
    Vocabulary,
    _candidate_pairs,
    dates_named,
    features_of,
    group_events,
    reported_span,
)
from framing.lexicon import default_lexicon
from framing.matching import Matcher
from framing.scoring_batches import score_articles

STORIES = {
    "gipfel": "Der Gipfel der Nato in Vilnius beriet über die Ukraine. Stoltenberg und Selenskyj sprachen über "
              "den Beitritt, die Allianz versprach Munition und Panzer für die Front bei Bachmut.",
    "bauern": "Tausende Landwirte protestierten mit Traktoren in Berlin gegen die Kürzung beim Agrardiesel. "
              "Bauernpräsident Rukwied forderte die Rücknahme der Subventionskürzung vor dem Brandenburger Tor.",
    "streik": "Die Lokführergewerkschaft GDL legte den Bahnverkehr lahm. Weselsky verlangte die Viertagewoche, "
              "die Deutsche Bahn sprach von einem Streik auf dem Rücken der Fahrgäste in Frankfurt.",
    "wahl": "Bei der Landtagswahl in Thüringen wurde die AfD stärkste Kraft. Höcke jubelte in Erfurt, die CDU "
            "mit Voigt lag knapp dahinter, das Bündnis Sahra Wagenknecht zog in den Landtag ein.",
}
VARIANTS = ["Am Abend hieß es: ", "Berichten zufolge: ", "Aktuell: ", "Nach Angaben von Beobachtern: ",
            "Wie gemeldet wird: ", "Eilmeldung: "]


def _articles(story: str, day: str, n: int, prefix: str) -> list[Article]:
    return [Article(id=f"{prefix}{k}", text=VARIANTS[k % len(VARIANTS)] + STORIES[story], source="test",
                    outlet=f"Outlet {k}", date=day) for k in range(n)]


def _groups(arts: list[Article]) -> list[list[str]]:
    scores = list(score_articles(arts, Matcher(default_lexicon()), None))
    return sorted(sorted(s.analysed.article.id for s in e.scores) for e in group_events(scores))


def test_stories_of_the_same_weeks_stay_apart_and_input_order_does_not_matter():
    arts = (_articles("gipfel", "2023-07-11", 4, "g") + _articles("bauern", "2023-07-12", 4, "b")
            + _articles("streik", "2023-07-13", 3, "s"))
    want = [["b0", "b1", "b2", "b3"], ["g0", "g1", "g2", "g3"], ["s0", "s1", "s2"]]
    assert _groups(arts) == want
    rng = random.Random(7)
    scores = list(score_articles(arts, Matcher(default_lexicon()), None))
    first = [(e.id, e.label, [s.analysed.article.id for s in e.scores]) for e in group_events(scores)]
    for _ in range(3):
        rng.shuffle(scores)
        assert [(e.id, e.label, [s.analysed.article.id for s in e.scores]) for e in group_events(scores)] == first


def test_a_story_retold_every_week_does_not_chain_into_one_event():
    # the same story every 10 days for four months: each pair of neighbours is within the window,
    # single links would join them all; a bounded span cannot
    arts = [Article(id=f"w{k:02d}", text=STORIES["wahl"], source="test", outlet=f"O{k}",
                    date=f"2024-{1 + (10 * k) // 30:02d}-{1 + (10 * k) % 30:02d}") for k in range(12)]
    groups = _groups(arts)
    assert len(groups) > 3 and all(len(g) <= 3 for g in groups)
    scores = list(score_articles(arts, Matcher(default_lexicon()), None))
    for e in group_events(scores, window_days=14):
        days = sorted(s.analysed.article.date for s in e.scores)
        from datetime import date
        assert (date.fromisoformat(days[-1]) - date.fromisoformat(days[0])).days <= 14


def test_undated_articles_join_the_event_they_fit_and_never_bridge():
    arts = _articles("bauern", "2024-01-08", 3, "b") + _articles("bauern", "2024-06-20", 3, "c")
    arts += [Article(id="u1", text=STORIES["bauern"], source="test", outlet="X"),
             Article(id="u2", text=STORIES["streik"], source="test", outlet="Y"),
             Article(id="u3", text="Eilmeldung: " + STORIES["streik"], source="test", outlet="Z")]
    groups = _groups(arts)
    assert ["b0", "b1", "b2", "u1"] in groups or ["c0", "c1", "c2", "u1"] in groups
    assert ["b0", "b1", "b2"] in groups or ["c0", "c1", "c2"] in groups  # the other half stays apart
    assert ["u2", "u3"] in groups  # undated among themselves


def test_explicit_event_column_wins_over_content():
    arts = _articles("gipfel", "2023-07-11", 2, "g") + _articles("streik", "2023-07-11", 2, "s")
    arts = [Article(id=a.id, text=a.text, source="t", outlet=a.outlet, date=a.date, event="alles") for a in arts]
    assert _groups(arts) == [["g0", "g1", "s0", "s1"]]


def test_dates_named_and_follow_up_reports():
    assert dates_named("am 26. September 2022 und im Jänner 2023, am 3.10.2022") == \
        ["2022-09", "2022-09-26", "2023-01", "2022-10", "2022-10-03"]
    span = reported_span("2023-06-01", "Die Explosionen im September 2022 sind nicht aufgeklärt.")
    assert span is not None and span[0].isoformat() == "2022-09-01" and span[1].isoformat() == "2023-06-01"
    assert reported_span(None, "September 2022") is None
    assert reported_span("2023-06-01", "Seit 1990 und im Mai 1999") == reported_span("2023-06-01", "")


def test_month_without_year_is_the_latest_before_publication():
    # a report of February 2023 on "the night of 26 September" means September 2022
    assert dates_named("Die Leitungen wurden am 26. September gesprengt.", "2023-02-08") == ["2022-09", "2022-09-26"]
    assert dates_named("Schon im Mai hatte er gewarnt.", "2023-06") == ["2023-05"]
    assert dates_named("Bis Ende Juni soll es fertig sein.", "2023-06-10") == ["2023-06"]
    # a month with its year is read once; a name (August Bebel) or no publication date: nothing
    assert dates_named("im September 2022", "2023-02-08") == ["2022-09"]
    assert dates_named("August Bebel sprach.", "2023-02-08") == []
    assert dates_named("am 26. September", None) == []
    span = reported_span("2023-02-08", "Die Leitungen wurden am 26. September gesprengt.")
    assert span is not None and span[0].isoformat() == "2022-09-01"


def test_candidate_pairs_find_every_close_pair_in_the_window():
    rng = np.random.default_rng(3)
    n = 300
    dense = rng.random((n, 40)) * (rng.random((n, 40)) < 0.15)
    dense[np.arange(n), rng.integers(0, 40, n)] += 1.0
    dense /= np.linalg.norm(dense, axis=1, keepdims=True)
    first = np.sort(rng.integers(0, 200, n))
    last = first + rng.integers(0, 3, n)
    x = sparse.csr_matrix(dense)
    sims = dense @ dense.T
    for window in (0, 5, 30):
        i, j, s = _candidate_pairs(x, first, last, window, 0.6)
        got = set(zip(i.tolist(), j.tolist(), strict=True))
        brute = {(a, b) for a, b in combinations(range(n), 2)
                 if sims[a, b] >= 0.6 and max(first[b] - last[a], first[a] - last[b]) <= window}
        assert got <= brute
        # every article keeps its NEIGHBOURS best partners
        for a in range(n):
            mine = sorted((sims[a, b] for b in range(n) if (min(a, b), max(a, b)) in brute), reverse=True)
            kept = sum(1 for p in got if a in p)
            assert kept >= min(len(mine), NEIGHBOURS)
        np.testing.assert_allclose(s, sims[i, j])



def test_pairs_and_groups_same_with_small_products_and_gathered_rows(monkeypatch):
    import importlib

    ev = importlib.import_module("framing.events")  # the module (framing.events is also a function's name)
    rng = np.random.default_rng(5)
    n = 700
    dense = rng.random((n, 30)) * (rng.random((n, 30)) < 0.2)
    dense[np.arange(n), rng.integers(0, 30, n)] += 1.0
    dense /= np.linalg.norm(dense, axis=1, keepdims=True)
    first = np.sort(rng.integers(0, 60, n))
    last = first + rng.integers(0, 3, n)
    x = sparse.csr_matrix(dense)
    rows = rng.permutation(n)
    shuffled = sparse.csr_matrix(dense[np.argsort(rows)])  # shuffled[rows[k]] is row k of x
    whole = ev._candidate_pairs(x, first, last, 7, 0.3)
    groups = ev._average_linkage(x, first, last, 7, 0.6)
    assert len(whole[0]) > 1000 and any(len(g) > 1 for g in groups)
    monkeypatch.setattr(ev, "PRODUCT_CELLS", 1000)  # a few rows per product
    for got in (ev._candidate_pairs(x, first, last, 7, 0.3), ev._candidate_pairs(shuffled, first, last, 7, 0.3, rows)):
        for a, b in zip(got, whole, strict=True):
            assert np.array_equal(a, b)
    assert ev._average_linkage(shuffled, first, last, 7, 0.6, rows) == groups

def test_vocabulary_and_features_are_compact(seed_articles):
    vocab = Vocabulary()
    scores = list(score_articles(seed_articles.values(), Matcher(default_lexicon()), None))
    feats = [features_of(s, vocab) for s in scores]
    assert all(f.term_ids.dtype == np.int32 and len(f.term_ids) == len(f.term_counts) for f in feats)
    assert any(t.startswith("@") for t in vocab.terms)


WIRE = ("MOSKAU/KIEW (dpa) - Russland hat das Abkommen zum Export von Getreide über das Schwarze Meer nicht "
        "verlängert. Kremlsprecher Peskow sagte am Montag, die Vereinbarung sei ausgelaufen. Die Vereinten "
        "Nationen und die Türkei hatten das Abkommen im Sommer vermittelt, Millionen Tonnen Weizen und Mais "
        "verließen seither die Häfen bei Odessa. Präsident Selenskyj forderte, die Ausfuhren fortzusetzen.")


def test_fifty_sites_carrying_one_wire_story_are_one_text_with_one_original():
    from framing.reprints import find_reprints

    arts = [Article(id=f"site{k:02d}", text=f"Meldung {k}: " + WIRE, source="t", outlet=f"Site {k}",
                    date="2023-07-17") for k in range(50)]
    arts.append(Article(id="other", text=STORIES["streik"], source="t", outlet="Site X", date="2023-07-17"))
    scores = list(score_articles(arts, Matcher(default_lexicon()), None))
    reps = find_reprints(scores)
    assert len(reps) == 49 and {r.a for r in reps} == {"site00"} and min(r.overlap for r in reps) > 0.8
    assert "other" not in {r.b for r in reps}
    (wire,) = [e for e in group_events(scores) if len(e.scores) > 1]
    assert len(wire.scores) == 50 and len(wire.outlets) == 50


def test_a_copy_within_one_outlet_counts_once_in_its_column():
    from framing.compare import compare_event
    from framing.reprints import find_reprints

    arts = [Article(id="a1", text=WIRE, source="t", outlet="Blatt", date="2023-07-17"),
            Article(id="a2", text="Nachtrag: " + WIRE, source="t", outlet="Blatt", date="2023-07-17"),
            Article(id="b1", text="Getreide: " + WIRE + " Der Weizenpreis stieg.", source="t", outlet="Kurier",
                    date="2023-07-18")]
    scores = list(score_articles(arts, Matcher(default_lexicon()), None))
    (event,) = group_events(scores)
    cols = {c.name: c for c in compare_event(event, reprints=find_reprints(scores))}
    assert cols["Blatt"].copies == ["a2"] and [d.id for d in cols["Blatt"].digests] == ["a1"]
    assert cols["Blatt"].cells["articles"] == 2
    assert any(r["original"] == "a1" for r in cols["Kurier"].cells["reprints"])


def test_cli_evaluate_events_prints_the_measures_and_the_confusions(tmp_path):
    import csv
    import json

    from click.testing import CliRunner

    from framing.cli import main

    rows = [(a.id, a.outlet, a.date, a.text) for a in
            _articles("gipfel", "2023-07-11", 3, "g") + _articles("bauern", "2023-07-12", 3, "b")]
    data = tmp_path / "articles.csv"
    with open(data, "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows([("id", "outlet", "date", "text"), *rows])
    gold = tmp_path / "gold.csv"
    gold.write_text("id,event\ng0,nato\ng1,nato\ng2,nato\nb0,bauern\nb1,bauern\nb2,other\nzz,nato\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["evaluate", "events", str(data), "--gold", str(gold), "-q"])
    assert r.exit_code == 0, r.output
    assert "6 articles in the gold file (0 read but not in it, 1 in it but not read)" in r.output
    assert "events merging true events: 1" in r.output and "bauern (2), other (1)" in r.output
    assert "true events split: 0" in r.output
    r = CliRunner().invoke(main, ["evaluate", "events", str(data), "--gold", str(gold), "-q", "--format", "json"])
    got = json.loads(r.output)
    assert 0 < got["ari"] < 1 and got["homogeneity"] < 1 and got["completeness"] == 1.0
    assert got["not_read"] == ["zz"]
    bad = tmp_path / "bad.csv"
    bad.write_text("id,label\n1,x\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["evaluate", "events", str(data), "--gold", str(bad), "-q"])
    assert r.exit_code == 1 and "bad.csv:1: the gold file needs the columns 'id' and 'event'" in r.output
    assert "Traceback" not in r.output


def test_compare_shows_events_several_outlets_cover_first(tmp_path):
    import csv

    from click.testing import CliRunner

    from framing.cli import main

    rows = [(a.id, a.outlet, a.date, a.text) for a in
            [*_articles("streik", "2023-01-05", 1, "s"), *_articles("gipfel", "2023-07-11", 3, "g")]]
    data = tmp_path / "articles.csv"
    with open(data, "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows([("id", "outlet", "date", "text"), *rows])
    r = CliRunner().invoke(main, ["compare", str(data), "-q", "--no-stance", "--width", "100"])
    assert r.exit_code == 0, r.output
    assert r.output.index("E2: ") < r.output.index("E1: ")  # E1 (January, one outlet) comes last
    assert "3 outlet(s): Outlet 0, Outlet 1, Outlet 2" in r.output.replace("\n", " ")


# --- bad input of issue 12 -------------------------------------------------------------------


def test_all_undated_articles_are_grouped_by_content_alone():
    arts = [Article(id=a.id, text=a.text, source="t", outlet=a.outlet) for a in
            _articles("gipfel", "", 3, "g") + _articles("bauern", "", 3, "b")]
    assert _groups(arts) == [["b0", "b1", "b2"], ["g0", "g1", "g2"]]
    scores = list(score_articles(arts, Matcher(default_lexicon()), None))
    assert all(e.dates == "undated" for e in group_events(scores))


def test_all_on_one_day_and_one_article_and_future_dates():
    arts = (_articles("gipfel", "2024-03-01", 3, "g") + _articles("wahl", "2024-03-01", 3, "w")
            + _articles("streik", "2024-03-01", 2, "s"))
    assert _groups(arts) == [["g0", "g1", "g2"], ["s0", "s1"], ["w0", "w1", "w2"]]
    assert _groups(_articles("wahl", "2024-03-01", 1, "w")) == [["w0"]]
    future = _articles("wahl", "2031-09-01", 2, "f") + _articles("wahl", "2031-12-24", 2, "h")
    scores = list(score_articles(future, Matcher(default_lexicon()), None))
    events = group_events(scores)
    assert [e.ids for e in events] == [["f0", "f1"], ["h0", "h1"]]  # months apart: two events
    assert events[0].dates == "2031-09-01" and "Outlet 0" in events[0].name


def _synthetic(n: int, day: str, words: list[str], seed: int) -> tuple[list, Vocabulary]:
    """n features of articles telling one story: each uses most of `words` plus a word of its own."""
    from framing.events import Features

    rng = random.Random(seed)
    vocab = Vocabulary()
    feats = []
    for i in range(n):
        from collections import Counter

        c = Counter({w: 1 + rng.randrange(3) for w in words if rng.random() < 0.8})
        c[f"eigen{i}"] = 1
        ids, values = vocab.encode(c)
        from framing.events import date_range

        feats.append(Features(f"x{i:05d}", "t", f"O{i % 50}", day, None, date_range(day), ids, values))
    return feats, vocab


def test_one_event_of_five_thousand_articles_is_one_event_in_seconds():
    import time

    from framing.events import cluster

    words = ["gipfel", "nato", "vilnius", "@stoltenberg", "munition", "beitritt", "allianz", "panzer", "front",
             "#2023", "%2023-07", "ukraine"]
    feats, vocab = _synthetic(5000, "2023-07-11", words, 1)
    t = time.perf_counter()
    groups = cluster(feats, vocab)
    took = time.perf_counter() - t
    assert len(groups) == 1 and len(groups[0]) == 5000
    assert took < 120, took  # candidate pairs stay bounded (NEIGHBOURS per article); a loaded machine


def test_big_tables_stream_row_by_row_with_the_same_events(tmp_path, monkeypatch):
    """events and compare read a big table row by row (only compact records stay): the events
    are those of reading it whole, and a table with no readable row still fails clearly."""
    import csv

    from click.testing import CliRunner

    import framing.cli as cli

    rows = [(a.id, a.outlet, a.date, a.text) for a in
            [*_articles("streik", "2023-01-05", 2, "s"), *_articles("gipfel", "2023-07-11", 3, "g")]]
    data = tmp_path / "articles.csv"
    with open(data, "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows([("id", "outlet", "date", "text"), *rows])
    whole = CliRunner().invoke(cli.main, ["events", str(data), "--format", "json"])
    monkeypatch.setattr(cli, "STREAM_BYTES", 0)
    read: list[str] = []
    real = cli.iter_articles

    def spy(*args, **kw):
        read.append(f"{kw.get('stream_tables')}:{kw.get('stream_min_bytes')}")
        return real(*args, **kw)

    monkeypatch.setattr(cli, "iter_articles", spy)
    streamed = CliRunner().invoke(cli.main, ["events", str(data), "--format", "json"])
    assert read == ["True:0"]
    assert streamed.exit_code == whole.exit_code == 0 and streamed.stdout == whole.stdout
    assert "read 5 articles from 1 file; skipped 0" in streamed.stderr
    empty = tmp_path / "empty.csv"
    empty.write_text("id,text\n1,\n", encoding="utf-8")
    r = CliRunner().invoke(cli.main, ["compare", str(empty), "--no-stance"])
    assert r.exit_code == 1 and "no article could be read" in r.stderr and "Traceback" not in r.output


def test_compound_parts_and_a_names_genitive_count_as_the_name():
    from framing.actors import default_actors
    from framing.events import content_terms
    from framing.text import tokenize

    c, _ = content_terms(tokenize("Lecks in der Ostsee. Die Nord-Stream-Pipeline ist zerstört. Der Betreiber von "
                                  "Nord Stream prüft. Man bestätigt Nawalnys Tod. Die Familie von Nawaly trauert, "
                                  "Nawalny starb."), default_actors())
    assert c["stream"] == 2 and c["pipeline"] == 1 and c["nord-stream-pipeline"] == 1  # the compound and its parts
    assert c["nawalny"] == 2 and "nawalnys" not in c  # genitive beside the name: one term
    assert c["nawaly"] == 1  # a different spelling stays apart


def test_compare_json_streams_one_event_at_a_time_with_the_same_bytes():
    import json

    from framing import api
    from framing.render.compare import comparison_records, iter_json, render_comparison_chunks, render_json

    from .conftest import SEEDS

    items = list(api.comparison(str(SEEDS)))
    assert len(items) == 3
    whole = json.dumps(comparison_records(items), ensure_ascii=False, indent=2) + "\n"
    chunks = list(iter_json(iter(items)))
    assert len(chunks) == 4 and "".join(chunks) == whole == render_json(items)
    assert "".join(render_comparison_chunks(iter(items), "json")) == whole
    assert render_json([]) == json.dumps([], indent=2) + "\n"


def test_candidate_pairs_match_every_pair_compared(monkeypatch):
    """The per-row reach of the candidate search (far-reaching rows against the rows beyond
    their block) finds exactly the pairs a comparison of every pair finds: time-compatible,
    cosine at least the floor (with enough NEIGHBOURS that none is cut)."""
    import importlib

    ev = importlib.import_module("framing.events")  # (framing.events the attribute is the API function)
    rng = np.random.default_rng(7)
    n, window, floor = 300, 14, 0.2
    x = sparse.random(n, 40, density=0.15, random_state=11, format="csr")
    x = sparse.csr_matrix(sparse.diags(1 / np.maximum(1e-9, np.sqrt(x.multiply(x).sum(1).A.ravel()))) @ x)
    last = np.sort(rng.integers(0, 400, n))
    span = np.where(rng.random(n) < 0.3, rng.integers(15, 300, n), rng.integers(0, 3, n))  # some reach far back
    first = last - span
    order = np.argsort(first, kind="stable")
    x, first, last = x[order], first[order], last[order]
    monkeypatch.setattr(ev, "CHUNK", 16)
    monkeypatch.setattr(ev, "NEIGHBOURS", n)
    pi, pj, ps = ev._candidate_pairs(x, first, last, window, floor)
    dense = (x @ x.T).toarray()
    want = {(i, j) for i in range(n) for j in range(i + 1, n)
            if dense[i, j] >= floor and max(first[j] - last[i], first[i] - last[j]) <= window}
    got = set(zip(pi.tolist(), pj.tolist(), strict=True))
    assert got == want and len(want) > 50
    assert np.allclose(ps, dense[pi, pj])
    far = [(i, j) for i, j in want if j // 16 > i // 16 + 1]  # pairs beyond the next block: the far reach
    assert far


def test_the_grouping_report_carries_counts_and_the_renderer_formats_them():
    """`evaluate events`: the split and merged events are lists of {event, articles} records in
    JSON; only the renderer writes them as "E1 (2), E2 (1)"."""
    from types import SimpleNamespace

    from framing.events import evaluate_grouping
    from framing.render import render_event_evaluation

    events = [SimpleNamespace(id="E1", ids=["1", "2", "4"]), SimpleNamespace(id="E2", ids=["3"])]
    rep = evaluate_grouping(events, {"1": "a", "2": "a", "3": "a", "4": "b"})  # type: ignore[arg-type]
    assert rep.split == [{"true_event": "a", "articles": 3,
                          "into": [{"event": "E1", "articles": 2}, {"event": "E2", "articles": 1}]}]
    assert rep.merged == [{"event": "E1", "articles": 3,
                           "holds": [{"true_event": "a", "articles": 2}, {"true_event": "b", "articles": 1}]}]
    table = render_event_evaluation(rep, "table")
    assert "E1 (2), E2 (1)" in table and "a (2), b (1)" in table
    assert json.loads(render_event_evaluation(rep, "json"))["split"][0]["into"][1] == {"event": "E2", "articles": 1}

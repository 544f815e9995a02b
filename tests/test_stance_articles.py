"""Article-level stance: off-axis articles, conventional wording, signal shares and what the
figures measure, the weights file, the article evaluation, a second axis, and bad input.
Every article here is written by the team for the test."""

from __future__ import annotations

import json
import pickle
import tomllib

import pytest
from click.testing import CliRunner

from framing.articles import Article
from framing.cli import main
from framing.errors import ModelError
from framing.lexicon import default_lexicon
from framing.stance import (
    SIGNALS,
    article_stances,
    axis_topic,
    load_model,
    on_axis,
    parse_combination,
    save_model,
    sentence_signal,
    sentence_views,
    shipped_combination,
    topic_check,
    train,
)
from framing.stance_fit import Row, fit_weights, labelled_rows, read_gold
from framing.textlayer import analyse

SPORT = ("Leverkusen feiert die Meisterschaft\n\nDie Werkself gewann am Sonntag 5:0 gegen Bremen. "
         "Der Trainer lobte seine Mannschaft für eine herausragende Saison. Tausende Fans feierten in der Stadt.")
CRITICAL = ("Der Kremlherrscher lässt Kritiker verfolgen\n\nDas Regime in Moskau lässt Oppositionelle in "
            "Straflagern verschwinden. Putins Propaganda verschweigt die Toten. Der Diktator im Kreml fürchtet "
            "nichts mehr als freie Wahlen.")
ALIGNED = ("Der Westen ist isoliert\n\nDie Nato rückt immer näher an Russlands Grenzen heran. Washington "
           "verlängert den Konflikt mit neuen Waffenlieferungen. Die Sanktionshysterie in Brüssel schadet vor "
           "allem Europa selbst. Die westlichen Medien verschweigen, was Moskau wirklich will.")
CONVENTIONAL = ("Lage in der Ukraine\n\nDer russische Angriffskrieg gegen die Ukraine dauert an. Seit der Invasion "
                "im Februar 2022 hat Russland Teile des Landes besetzt. Der Machthaber in Moskau empfing am "
                "Dienstag den Außenminister. Die Gespräche dauerten nach Angaben des Kremls zwei Stunden.")


def _stances(matcher, model, *texts):
    items = []
    for i, t in enumerate(texts):
        an = analyse(Article(id=f"a{i}", text=t, source="test"))
        items.append((an, matcher.find_hits(an)))
    return article_stances(items, model)


def test_off_axis_articles_get_a_reason_not_a_number(matcher, model):
    sport, crit = _stances(matcher, model, SPORT, CRITICAL)
    assert sport.label == "off-axis" and sport.score is None
    rec = sport.record()
    assert rec["stance"] is None and rec["stance_reason"].startswith("not about this axis")
    assert crit.label != "off-axis" and crit.score is not None and crit.score < 0


def test_topic_check_counts_camp_actors_and_axis_vocabulary():
    topic = axis_topic("kremlin")
    on = topic_check(analyse(Article(id="x", text=CRITICAL, source="t")), topic)
    off = topic_check(analyse(Article(id="y", text=SPORT, source="t")), topic)
    assert on.on_axis and on.mentions >= 3 and on.sentences >= 2
    assert not off.on_axis and off.mentions == 0


def test_conventional_wording_is_no_stance_evidence(matcher, model):
    bare = CONVENTIONAL
    for word in ("Angriffskrieg ", "Invasion ", "Machthaber ", "besetzt"):
        bare = bare.replace(word, "")
    conv, without, crit = _stances(matcher, model, CONVENTIONAL, bare, CRITICAL)
    assert conv.signals["labels"] == 0.0  # Angriffskrieg, Invasion, Machthaber: flagged, but no direction
    assert crit.signals["labels"] < 0
    assert conv.score == pytest.approx(without.score)  # the same article without them scores the same


def test_conventional_words_are_masked_for_the_classifier(matcher):
    an = analyse(Article(id="c", text="Der Angriffskrieg geht weiter.", source="t"))
    lemmas = sentence_views(an, matcher.find_hits(an), matcher.lexicon.camps,
                            conventional=axis_topic("kremlin").conventional)[0].lemmas
    assert "angriffskrieg" not in lemmas and "weiter" in lemmas


def test_record_says_what_it_measures_and_the_signal_shares(matcher, model):
    (st,) = _stances(matcher, model, ALIGNED)
    rec = st.record()
    assert "not what it selects or leaves out" in rec["stance_measures"]
    assert "not sourcing, selection or omission" in rec["loaded_measures"]
    assert set(rec["stance_signals"]) == set(SIGNALS)
    assert sum(abs(v) for v in rec["stance_shares"].values()) == pytest.approx(1.0, abs=0.01)
    an = analyse(Article(id="a0", text=ALIGNED, source="test"))
    sentences = {an.doc.text[s.start : s.end] for s in an.doc.sentences}
    assert rec["evidence"] and all(e["text"] in sentences for e in rec["evidence"])  # whole sentences


def test_explain_shows_measures_shares_and_off_axis_reasons(tmp_path):
    (tmp_path / "a.txt").write_text(ALIGNED, encoding="utf-8")
    (tmp_path / "b.txt").write_text(SPORT, encoding="utf-8")
    r = CliRunner().invoke(main, ["explain", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "-q", "--lang", "en"])
    assert r.exit_code == 0, r.output
    flat = " ".join(r.output.split())
    assert "What it measures:" in flat and "Share of each signal:" in flat
    assert "No stance figure: not about this axis" in flat
    r = CliRunner().invoke(main, ["score", str(tmp_path / "b.txt"), "-q"])
    assert r.exit_code == 0 and "off-axis" in r.output and "not what it selects" in " ".join(r.output.split())


def test_one_sentence_and_all_quoted_articles(matcher, model):
    one, quoted = _stances(matcher, model, "Der Kreml in Moskau kündigte am Dienstag neue Manöver an.",
                           "„Der Kreml lügt. Moskau führt einen Vernichtungskrieg gegen die Ukraine.“")
    assert one.label in ("insufficient evidence", "neutral") and one.score is not None
    assert quoted.label == "insufficient evidence" and "own voice" in quoted.reason
    assert quoted.signals["labels"] == 0.0


def test_weights_file_is_checked():
    c = parse_combination('[kremlin]\nneutral_band = 0.2\n[kremlin.weights]\nclassifier = 0.5\n', "w.toml",
                          "kremlin")
    assert c.weights == {"classifier": 0.5} and c.neutral_band == 0.2
    with pytest.raises(ModelError, match=r"w.toml: \[kremlin.weights\] unknown signal 'mood'"):
        parse_combination('[kremlin.weights]\nmood = 1\n', "w.toml", "kremlin")
    with pytest.raises(ModelError, match="must be a number"):
        parse_combination('[kremlin.weights]\nclassifier = "a lot"\n', "w.toml", "kremlin")
    assert "unfitted" in parse_combination("", "w.toml", "other").note


def _labelled_folder(tmp_path):
    texts = {"1": CRITICAL, "2": ALIGNED, "3": CONVENTIONAL, "4": SPORT,
             "5": CRITICAL.replace("Oppositionelle", "Journalisten"), "6": ALIGNED.replace("Brüssel", "Berlin"),
             "7": CONVENTIONAL.replace("Dienstag", "Mittwoch"), "8": ALIGNED.replace("Washington", "Die USA"),
             "9": CRITICAL.replace("freie Wahlen", "die eigene Bevölkerung")}
    d = tmp_path / "arts"
    d.mkdir()
    for i, t in texts.items():
        (d / f"{i}.txt").write_text(t, encoding="utf-8")
    gold = tmp_path / "gold.csv"
    gold.write_text("id,stance_toward_kremlin\n1,-2\n2,2\n3,0\n5,-1\n6,1\n7,0\n8,2\n9,-2\n", encoding="utf-8")
    man = tmp_path / "manifest.csv"
    man.write_text("id,outlet,outlet_group,event\n1,A,quality,e1\n2,R,ru-state,e1\n3,B,agency,e1\n4,B,agency,e4\n"
                   "5,A,quality,e2\n6,R,ru-state,e2\n7,B,agency,e3\n8,R,ru-state,e3\n9,A,quality,e3\n",
                   encoding="utf-8")
    return d, gold, man


def test_evaluate_articles_prints_rho_group_means_and_the_furthest(tmp_path):
    d, gold, man = _labelled_folder(tmp_path)
    out = tmp_path / "weights.toml"
    r = CliRunner().invoke(main, ["evaluate", "stance", "--articles", str(d), "--gold", str(gold),
                                  "--manifest", str(man), "--fit-weights", str(out)])
    assert r.exit_code == 0, r.output
    for needle in ("Spearman rho", "leave-one-event-out", "ru-state", "furthest from their label",
                   "unlabelled articles judged off-axis: 1 of 1"):
        assert needle in r.output
    data = tomllib.loads(out.read_text(encoding="utf-8"))
    assert set(data["kremlin"]["weights"]) == set(SIGNALS) and all(v >= 0 for v in data["kremlin"]["weights"].values())
    assert parse_combination(out.read_text(encoding="utf-8"), str(out), "kremlin").weights
    r = CliRunner().invoke(main, ["evaluate", "stance", "--articles", str(d), "--gold", str(gold)])
    assert r.exit_code == 0 and "Spearman rho" in r.output and "leave-one-event-out" not in r.output


def test_loeo_never_tests_on_a_trained_event(tmp_path, matcher, model):
    d, gold, man = _labelled_folder(tmp_path)
    rows = labelled_rows(d, read_gold(gold), man, matcher, model)
    fit = fit_weights(rows)
    assert fit.events == 3 and fit.n == 8 and set(fit.loeo) == {"1", "2", "3", "5", "6", "7", "8", "9"}


def test_bad_gold_files_name_file_and_row(tmp_path):
    d, _, _ = _labelled_folder(tmp_path)
    bad = tmp_path / "bad.csv"
    bad.write_text("id,stance\n1,-2\n2,very\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["evaluate", "stance", "--articles", str(d), "--gold", str(bad)])
    assert r.exit_code == 1 and "bad.csv:3: stance 'very'" in r.output and "Traceback" not in r.output
    missing = tmp_path / "missing.csv"
    missing.write_text("id,stance\n77,1\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["evaluate", "stance", "--articles", str(d), "--gold", str(missing)])
    assert r.exit_code == 1 and "77" in r.output


def test_a_second_axis_is_data(tmp_path):
    text = ("Die Regierung verspielt das Vertrauen\n\nDie Koalition lähmt sich seit Monaten mit Streit. Der Kanzler "
            "regiert am Land vorbei. Das Kabinett hat den Haushalt mit Buchungstricks geschönt.")
    (tmp_path / "g.txt").write_text(text, encoding="utf-8")
    r = CliRunner().invoke(main, ["score", str(tmp_path / "g.txt"), "--axis", "government", "--format", "json", "-q"])
    assert r.exit_code == 0, r.output
    rec = json.loads(r.stdout)[0]
    assert rec["stance_axis"] == "government" and rec["stance_label"] != "off-axis"
    assert rec["stance"] < 0  # critical of the government
    r = CliRunner().invoke(main, ["score", str(tmp_path / "g.txt"), "--format", "json", "-q"])
    assert json.loads(r.stdout)[0]["stance_label"] == "off-axis"  # not about the Kremlin
    lex = on_axis(default_lexicon(), "government")
    assert lex.axis == "government" and not any(e.leaning in ("critical", "aligned") for e in lex.entries)
    r = CliRunner().invoke(main, ["score", str(tmp_path / "g.txt"), "--axis", "weather", "-q"])
    assert r.exit_code == 1 and "no axis 'weather'" in r.output


def test_a_model_for_another_scikit_learn_version_is_refused_or_retrained(tmp_path, matcher):
    from framing.stance import parse_labelled

    from .test_stance import SMALL

    m = train(parse_labelled(SMALL, "small.csv"), matcher)
    m.sklearn_version = "0.1"
    path = tmp_path / "old.skops"
    save_model(m, path)
    with pytest.raises(ModelError, match=r"trained with scikit-learn 0\.1"):
        load_model(path, matcher)
    assert "scikit-learn 0.1" in load_model(path, matcher, strict=False).notes[0]


class _Trap:
    def __reduce__(self):  # what unpickling would run
        return (open, ("PWNED", "w"))


def test_a_pickle_given_as_a_model_is_refused_and_never_loaded(tmp_path, matcher, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "model.pkl"
    path.write_bytes(pickle.dumps(_Trap()))
    with pytest.raises(ModelError, match="not a framing model"):
        load_model(path, matcher)
    (tmp_path / "a.txt").write_text(CRITICAL, encoding="utf-8")
    r = CliRunner().invoke(main, ["score", str(tmp_path / "a.txt"), "--model", str(path), "-q"])
    assert r.exit_code == 1 and "not a framing model" in r.output
    assert not (tmp_path / "PWNED").exists()


def test_a_match_report_naming_russian_players_is_off_axis_but_krim_is_not_kriminal():
    topic = axis_topic("kremlin")
    match = ("Zenit siegt im Halbfinale\n\nDer russische Meister gewann das Halbfinale gegen Moskau mit 2:1. Der "
             "Trainer lobte die Mannschaft, die in dieser Saison erst zwei Spiele verlor. Im Turnier wartet nun "
             "der Titelverteidiger aus der Liga.")
    check = topic_check(analyse(Article(id="m", text=match, source="t")), topic)
    assert not check.on_axis and "another subject" in check.reason
    crime = "Die Kriminalität steigt. Kriminalisten warnen vor Kriminellen."
    assert topic_check(analyse(Article(id="k", text=crime, source="t")), topic).mentions == 0
    krim = "Die Krim wurde 2014 annektiert. Auf der Krim leben zwei Millionen Menschen."
    assert topic_check(analyse(Article(id="c", text=krim, source="t")), topic).mentions == 2


def test_doubt_aimed_at_the_claimant_counts_against_its_side_in_both_directions(matcher, model):
    """A doubt word whose actor is the one making the claim ("das westliche Narrativ", "Moskaus
    Narrativ", "Washington sprach von einer angeblichen …") counts against that actor's side; one
    whose actor is only what the claim is about ("eine angebliche Beteiligung der USA") counts for
    no side."""
    tail = " Der Kreml empfing am Dienstag Gäste aus vielen Ländern."
    west, moscow, by_west, about_usa = _stances(
        matcher, model,
        "Gipfel in Moskau\n\nDas westliche Narrativ hält der Wirklichkeit nicht stand." + tail,
        "Gipfel in Moskau\n\nMoskaus Narrativ hält der Wirklichkeit nicht stand." + tail,
        "Gipfel in Moskau\n\nWashington sprach von einer angeblichen Beteiligung Russlands." + tail,
        "Gipfel in Moskau\n\nEs gab Berichte über eine angebliche Beteiligung der USA." + tail)
    assert west.signals["doubt"] > 0 and by_west.signals["doubt"] > 0
    assert moscow.signals["doubt"] < 0
    assert moscow.signals["doubt"] == pytest.approx(-west.signals["doubt"])
    assert about_usa.signals["doubt"] == 0.0


def test_fitting_sees_the_signals_as_shipped_conventional_wording_left_out(tmp_path, matcher, model):
    d, gold, man = _labelled_folder(tmp_path)
    rows = {r.id: r for r in labelled_rows(d, read_gold(gold), man, matcher, model)}
    assert rows["3"].signals["labels"] == 0.0  # Angriffskrieg, Invasion, besetzt: no direction, as when scored
    assert rows["1"].signals["labels"] < 0
    weights = shipped_combination("kremlin").weights
    assert rows["3"].score == pytest.approx(max(-1.0, min(1.0, sum(weights.get(k, 0.0) * v
                                                                   for k, v in rows["3"].signals.items()))))
    fit = fit_weights(list(rows.values()))
    assert set(fit.per_event) == {"e1", "e2", "e3"} and all(n >= 2 for _, n in fit.per_event.values())
    assert "range" in fit.spread()


def test_a_sentence_counts_for_a_pole_only_above_chance():
    assert sentence_signal([0.33, 0.34, 0.33]) == 0.0  # leans nowhere more than chance
    assert sentence_signal([0.30, 0.45, 0.25]) == 0.0  # a plain report's small critical lean moves nothing
    assert sentence_signal([0.05, 0.15, 0.80]) == pytest.approx(0.80 - 1 / 3)
    assert sentence_signal([0.80, 0.15, 0.05]) == pytest.approx(-(0.80 - 1 / 3))
    assert sentence_signal([0.45, 0.0, 0.55]) == pytest.approx(0.55 - 0.45)
    # so ten plain sentences leaning a little critical do not outweigh one that takes a side
    plain, sided = [0.30, 0.50, 0.20], [0.05, 0.15, 0.80]
    assert sum(map(sentence_signal, [plain] * 10 + [sided])) > 0
    assert sum(p[2] - p[0] for p in [plain] * 10 + [sided]) < 0


def _row(i, gold, event, signals):
    return Row(i, gold, event, "quality", "o", signals, 0.0, "", "")


def test_the_signal_set_is_chosen_without_the_held_out_event():
    rows = []
    noise = [0.9, -0.7, 0.2, -0.4, 0.8, -0.1, 0.5, -0.9, 0.3, -0.6, 0.7, -0.2]
    for k in range(12):
        gold = (-2, -1, 0, 1)[k % 4]
        rows.append(_row(str(k), gold, "abc"[k // 4], {"classifier": gold / 4, "labels": gold / 8 + 0.01 * k,
                                                     "doubt": 0.0, "balance": noise[k]}))
    fit = fit_weights(rows, families=[("classifier", "labels"), ("classifier", "labels", "balance")])
    assert set(fit.choices) == {"a", "b", "c"}
    assert all(f in (("classifier", "labels"), ("classifier", "labels", "balance")) for f, _ in fit.choices.values())
    assert fit.loeo_rho > 0.9  # the signals carry the labels, the noise does not spoil the ranking
    assert set(fit.weights) >= {"classifier", "labels", "doubt", "balance"}
    assert fit.weights["doubt"] == 0.0  # not in any offered set: weight 0
    assert all(k in fit.fitted or v == 0.0 for k, v in fit.weights.items())
    assert "a: classifier+labels" in fit.chosen()
    one = fit_weights(rows, signals=("classifier",))
    assert set(one.fitted) == {"classifier"} and all(f == ("classifier",) for f, _ in one.choices.values())


def test_reported_speech_of_the_writer_is_own_voice(matcher):
    import dataclasses

    from framing.quotes import Quote

    text = "Ich spreche hier von den Titanen der Weltpolitik. Der Minister sprach von einem Erfolg."
    an = analyse(Article(id="w", text=text, source="test"))
    a, b = text.index("den Titanen"), text.index(" der Weltpolitik") + len(" der Weltpolitik")
    c, d = text.index("einem Erfolg"), text.index("Erfolg") + len("Erfolg")
    quotes = (Quote("reported", a, b, text[a:b], "Ich", "spreche", 0),
              Quote("reported", c, d, text[c:d], "Der Minister", "sprach", 1))
    views = sentence_views(dataclasses.replace(an, quotes=quotes), [], matcher.lexicon.camps)
    assert views[0].own_words == views[0].words and "titan" in views[0].lemmas  # the writer: not masked
    assert views[1].own_words < views[1].words and "⟨zitat⟩" in views[1].lemmas  # the minister: masked

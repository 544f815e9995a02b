"""Stance: shipped data, the article scorer on the seeds and on team-written sentences,
training and model files, and what bad input gets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sklearn
from click.testing import CliRunner

from framing.articles import Article
from framing.cli import main
from framing.errors import InputError, ModelError
from framing.lexicon import read_axis
from framing.resources import lexicon_root
from framing.scoring_batches import score_articles
from framing.stance import (
    LABELS,
    article_stances,
    cross_validate,
    load_model,
    parse_labelled,
    save_model,
    sentence_views,
    shipped_data,
    train,
)
from framing.textlayer import analyse

from .conftest import SEEDS

SMALL = """text,label
Der Kremlherrscher führt einen brutalen Angriffskrieg gegen das Nachbarland.,critical
Das Regime in Moskau lässt Kritiker in Straflagern verschwinden.,critical
Russische Raketen zerstörten erneut ein Wohnhaus in Charkiw.,critical
Die Nato treibt Russland mit ihrer Osterweiterung in die Enge.,aligned
Washington verlängert den Konflikt mit immer neuen Waffenlieferungen.,aligned
Die Sanktionen des Westens schaden vor allem Europa selbst.,aligned
Die Außenminister trafen sich am Dienstag in Genf.,neutral
Das Treffen dauerte nach Angaben beider Seiten zwei Stunden.,neutral
Die Delegationen vereinbarten ein weiteres Gespräch im Herbst.,neutral
"""


def _article(text: str, i: int = 0) -> Article:
    return Article(id=f"t{i}", text=text, source="test")


def test_shipped_data_is_big_enough_and_annotates_every_seed_sentence(seed_analysed):
    data = shipped_data()
    assert len(data.team) >= 600
    assert {e.label for e in data.team} == set(LABELS)
    assert all(e.source == "team" for e in data.team)
    assert len({e.id for e in data.team + data.seeds}) == len(data.team) + len(data.seeds)
    topics = {e.topic for e in data.team}
    assert {"sanctions", "nato", "ukraine-war", "north-korea", "china", "iran", "us-policy"} <= topics
    cases = {e.case for e in data.team}
    assert {"quote-only", "neutral-report", "scare-quote", "irony", "no-lexicon"} <= cases
    n_sentences = sum(len(an.doc.sentences) for an in seed_analysed.values())
    assert len(data.seeds) == n_sentences
    seed_texts = {e.text for e in data.seeds}
    for an in seed_analysed.values():
        for s in an.doc.sentences:
            assert an.doc.text[s.start : s.end] in seed_texts


def test_every_rt_de_seed_scores_above_the_ippen_article(seed_articles, matcher, model):
    scores = {s.analysed.article.id[:3]: s for s in score_articles(seed_articles.values(), matcher, model)}
    ippen = scores["002"].stance
    assert ippen is not None and ippen.label == "critical"
    for key in ("000", "001", "003", "004"):
        st = scores[key].stance
        assert st is not None and st.score is not None and ippen.score is not None
        assert st.score > ippen.score, key
    # evidence points at the sentences that carry the stance
    top = [e.text for e in ippen.evidence]
    assert any("Autokrat" in t or "Diktator" in t for t in top)


def test_quoted_loaded_words_are_not_the_outlets_stance(matcher):
    quoted = _article("„Putin ist ein Diktator und ein Kriegsverbrecher“, sagte die Abgeordnete im Bundestag.")
    own = _article("Der Diktator im Kreml führt seinen Krieg gegen die Ukraine weiter.")
    camps = read_axis("kremlin").camps
    an_q, an_o = analyse(quoted), analyse(own)
    vq = sentence_views(an_q, matcher.find_hits(an_q), camps)
    vo = sentence_views(an_o, matcher.find_hits(an_o), camps)
    assert vq[0].lexicon[:3] == (0.0, 0.0, 0.0) and "diktator" not in vq[0].lemmas
    assert vo[0].lexicon[2] < 0  # own-voice "Diktator" aimed at the Kremlin: critical


def test_target_dependent_words_follow_the_actor_they_aim_at(matcher):
    camps = read_axis("kremlin").camps
    signs = {}
    for name, text in {"putin": "Der Autokrat Putin empfing die Delegation im Kreml.",
                       "selenskyj": "Der Autokrat Selenskyj empfing die Delegation in Kiew."}.items():
        an = analyse(_article(text))
        signs[name] = sentence_views(an, matcher.find_hits(an), camps)[0].lexicon[2]
    assert signs["putin"] < 0 < signs["selenskyj"]


def test_thin_evidence_is_not_a_confident_number(matcher, model):
    an = analyse(_article("Die Delegationen Russlands und der Ukraine trafen sich am Dienstag in Genf."))
    st = article_stances([(an, matcher.find_hits(an))], model)[0]
    assert st.label == "insufficient evidence" and st.confidence < 0.3


def test_team_written_articles_get_the_expected_direction(matcher, model):
    critical = ("Der Kremlherrscher lässt seine Armee Wohnviertel in Charkiw bombardieren. Das Regime in Moskau "
                "verschleiert die eigenen Verluste. Die Propaganda des Kremls feiert jeden Geländegewinn.")
    aligned = ("Die Nato rückt immer näher an Russlands Grenzen heran. Washington verlängert den Konflikt mit "
               "neuen Waffenlieferungen. Die Sanktionshysterie in Brüssel schadet vor allem Europa selbst.")
    items = []
    for i, text in enumerate((critical, aligned)):
        an = analyse(_article(text, i))
        items.append((an, matcher.find_hits(an)))
    c, a = article_stances(items, model)
    assert c.label == "critical" and a.label == "aligned"
    assert c.score is not None and a.score is not None and c.score < 0 < a.score


def test_scores_are_deterministic(seed_articles, matcher, model):
    one = [json.dumps(s.record(), sort_keys=True) for s in score_articles(seed_articles.values(), matcher, model)]
    two = [json.dumps(s.record(), sort_keys=True) for s in score_articles(seed_articles.values(), matcher, model)]
    assert one == two


def test_classifier_beats_both_baselines_in_cross_validation(matcher):
    report = cross_validate(shipped_data().team, matcher, folds=5)
    clf = report.scores["classifier"]["macro_f1"]
    assert clf > report.scores["lexicon-only"]["macro_f1"] + 0.1  # type: ignore[operator]
    assert clf > report.scores["majority"]["macro_f1"] + 0.3  # type: ignore[operator]


def test_shipped_model_matches_the_shipped_data(matcher):
    path = Path(str(lexicon_root() / "models" / "stance-de.skops"))
    loaded = load_model(path, matcher, strict=False)
    assert loaded.data_version == shipped_data().version, "retrain: framing train -o lexicons/models/stance-de.skops"
    assert loaded.lexicon_version == matcher.lexicon.version
    if loaded.sklearn_version == sklearn.__version__:
        fresh = train([*shipped_data().team, *shipped_data().seeds], matcher)
        an = analyse(_article("Die Nato rückt an Russlands Grenzen heran. Der Kreml droht mit Raketen."))
        hits = matcher.find_hits(an)
        a = article_stances([(an, hits)], loaded)[0]
        b = article_stances([(an, hits)], fresh)[0]
        assert a.score == pytest.approx(b.score)


def test_save_and_load_round_trip(tmp_path, matcher):
    model = train(parse_labelled(SMALL, "small.csv"), matcher)
    path = tmp_path / "m.skops"
    save_model(model, path)
    back = load_model(path, matcher)
    assert back.labels == LABELS and back.lexicon_version == matcher.lexicon.version


@pytest.mark.parametrize(("text", "message"), [
    ("satz,label\nEin Satz.,neutral\n", "small.csv:1: no column 'text'"),
    ("text,label\nEin Satz.,neutral\nNoch einer.,pro-kreml\n", "small.csv:3: unknown label 'pro-kreml'"),
    ("text,label\nEin Satz.,neutral\n,critical\n", "small.csv:3: empty text"),
    ("text,label\nEin Satz.,neutral\nNoch einer.,neutral\n", "only one label"),
])
def test_bad_training_data_gets_a_clear_error(text, message):
    with pytest.raises(InputError, match=message.replace("(", r"\(")):
        parse_labelled(text, "small.csv")


def test_files_that_are_not_framing_models_are_refused(tmp_path, matcher):
    text_file = tmp_path / "notes.skops"
    text_file.write_text("not a model", encoding="utf-8")
    with pytest.raises(ModelError, match="not a framing model"):
        load_model(text_file, matcher)
    import skops.io as sio
    from sklearn.preprocessing import StandardScaler

    foreign = tmp_path / "scaler.skops"
    sio.dump({"framing_model": "stance", "classifier": StandardScaler()}, str(foreign))
    with pytest.raises(ModelError, match="not a framing"):
        load_model(foreign, matcher)
    plain = tmp_path / "dict.skops"
    sio.dump({"hello": "world"}, str(plain))
    with pytest.raises(ModelError, match="not a framing stance model"):
        load_model(plain, matcher)
    with pytest.raises(ModelError, match="no such model file"):
        load_model(tmp_path / "missing.skops", matcher)


def test_cli_train_score_and_evaluate(tmp_path):
    data = tmp_path / "mine.csv"
    data.write_text(SMALL, encoding="utf-8")
    out = tmp_path / "mine.skops"
    runner = CliRunner()
    r = runner.invoke(main, ["train", str(data), "-o", str(out), "--folds", "3"])
    assert r.exit_code == 0, r.output
    assert "macro-F1" in r.output and out.is_file()
    r = runner.invoke(main, ["score", str(SEEDS), "--model", str(out), "--format", "jsonl", "-q"])
    assert r.exit_code == 0, r.output
    rec = json.loads(r.output.splitlines()[0])
    for key in ("stance", "stance_label", "stance_axis", "stance_confidence", "evidence", "hits", "loaded_per_1000"):
        assert key in rec
    assert rec["stance_axis"] == "kremlin"
    r = runner.invoke(main, ["evaluate", "stance", str(data), "--folds", "3"])
    assert r.exit_code == 0 and "lexicon-only" in r.output and "majority" in r.output


def test_cli_bad_training_data_and_model(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("text,label\nEin Satz.,neutral\nNoch einer.,unsure\n", encoding="utf-8")
    runner = CliRunner()
    r = runner.invoke(main, ["train", str(bad), "-o", str(tmp_path / "x.skops")])
    assert r.exit_code == 1 and "Error:" in r.output and "bad.csv:3: unknown label" in r.output
    assert "Traceback" not in r.output
    junk = tmp_path / "junk.skops"
    junk.write_bytes(b"\x00\x01junk")
    r = runner.invoke(main, ["score", str(SEEDS), "--model", str(junk), "-q"])
    assert r.exit_code == 1 and "not a framing model" in r.output


def test_users_define_their_own_axis_as_data(tmp_path):
    """A lexicon folder with its own axes.toml: scores and trained models use that axis; the
    shipped kremlin model is refused with a clear message."""
    folder = tmp_path / "klima"
    folder.mkdir()
    (folder / "axes.toml").write_text(
        '[klima]\ndescription = "Klimapolitik"\nnegative = "bremsend"\npositive = "treibend"\n'
        '[klima.camps]\nwest = 0.5\nrussia = -0.5\n', encoding="utf-8")
    (folder / "manifest.toml").write_text(
        'name = "klima"\nversion = "0.1"\nlanguage = "de"\naxis = "klima"\nfile = "loaded.csv"\n'
        'weight_min = 0.5\nweight_max = 3\n[categories]\nhyperbole = "Übertreibung"\n', encoding="utf-8")
    (folder / "loaded.csv").write_text(
        "id,term,match,category,leaning,weight,neutral,explanation\n"
        "k-wahn,Klimawahn,lemma,hyperbole,bremsend,2,Klimapolitik,Erklärt eine Politik für irre.\n"
        "k-kollaps,Klimakollaps,lemma,hyperbole,treibend,2,Erwärmung,Steigert eine Prognose zum Zusammenbruch.\n",
        encoding="utf-8")
    data = tmp_path / "klima.csv"
    data.write_text("text,label\n"
                    "Der Klimawahn ruiniert die Industrie.,critical\nDie Ökosteuer ist reiner Wahnsinn.,critical\n"
                    "Die Klimaauflagen zerstören Arbeitsplätze.,critical\n"
                    "Der Klimakollaps steht unmittelbar bevor.,aligned\nOhne Wende droht die Katastrophe.,aligned\n"
                    "Die Erde wird unbewohnbar.,aligned\n"
                    "Der Bundestag beriet das Gesetz.,neutral\nDie Abstimmung ist am Freitag.,neutral\n"
                    "Der Ausschuss tagte zwei Stunden.,neutral\n", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Klimawahn im Bundestag\n\nDer Klimawahn ruiniert die Industrie, sagen Kritiker nicht.\n",
                       encoding="utf-8")
    runner = CliRunner()
    r = runner.invoke(main, ["score", str(article), "--lexicon-dir", str(folder), "-q"])
    assert r.exit_code == 1 and "shipped stance data and model are for the axis 'kremlin'" in r.output
    r = runner.invoke(main, ["score", str(article), "--lexicon-dir", str(folder), "--no-stance", "--format", "json",
                             "-q"])
    assert r.exit_code == 0, r.output
    assert {h["leaning"] for h in json.loads(r.output)[0]["hits"]} == {"bremsend"}
    model = tmp_path / "klima.skops"
    r = runner.invoke(main, ["train", str(data), "--lexicon-dir", str(folder), "--folds", "3", "-o", str(model)])
    assert r.exit_code == 0, r.output
    r = runner.invoke(main, ["score", str(article), "--lexicon-dir", str(folder), "--model", str(model),
                             "--format", "json", "-q"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.output)[0]["stance_axis"] == "klima"
    r = runner.invoke(main, ["score", str(article), "--model", str(model), "-q"])  # kremlin lexicon, klima model
    assert r.exit_code == 1 and "axis 'klima'" in r.output


def test_pipeline_leaves_the_garbage_collector_as_it_found_it(seed_articles, matcher, model):
    import gc

    assert gc.isenabled()
    list(score_articles(seed_articles.values(), matcher, model, batch=2))
    assert gc.isenabled()
    gc.disable()
    try:
        list(score_articles(seed_articles.values(), matcher, model, batch=2))
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_shipped_model_is_named_without_the_install_path(model):
    from framing.resources import lexicon_root
    from framing.scoring_batches import model_version

    version = model_version(model)
    assert version.startswith("shipped model (models/stance-de.skops)")
    assert str(lexicon_root()) not in version  # the same output on every machine

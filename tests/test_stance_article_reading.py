"""The classifier's reading of a whole article at once (signal `classifier_article`), how it is
traced back to the sentences that carry it, and the media actors on the Kremlin axis. Every
article here is written by the team for the test."""

from __future__ import annotations

import numpy as np
import pytest

from framing.articles import Article
from framing.stance import (
    N_FEATURES,
    article_signals,
    article_stances,
    featurise,
    featurise_articles,
    pole_margin,
    sentence_margins,
    sentence_views,
)
from framing.targets import speaker_actor
from framing.textlayer import analyse

ALIGNED = ("Der Westen ist isoliert\n\nDie Nato rückt immer näher an Russlands Grenzen heran. Washington "
           "verlängert den Konflikt mit neuen Waffenlieferungen. Die Sanktionshysterie in Brüssel schadet vor "
           "allem Europa selbst. Die westlichen Medien verschweigen, was Moskau wirklich will.")
CRITICAL = ("Der Kremlherrscher lässt Kritiker verfolgen\n\nDas Regime in Moskau lässt Oppositionelle in "
            "Straflagern verschwinden. Putins Propaganda verschweigt die Toten. Der Diktator im Kreml fürchtet "
            "nichts mehr als freie Wahlen.")
TAIL = " Der Kreml empfing am Dienstag Gäste aus vielen Ländern."


def _views(matcher, text):
    an = analyse(Article(id="a", text=text, source="test"))
    hits = matcher.find_hits(an)
    return an, hits, [v for v in sentence_views(an, hits, matcher.lexicon.camps) if v.own_words >= 3]


def test_one_sentence_read_at_once_is_that_sentence_row(matcher):
    _, _, views = _views(matcher, "Die Sanktionshysterie in Brüssel schadet vor allem Europa selbst.")
    assert len(views) == 1
    one = featurise(views)
    pooled = featurise_articles([views]).x
    assert (abs(one - pooled)).max() < 1e-12


def test_an_article_row_sums_its_sentences_without_bigrams_across_them(matcher):
    _, _, views = _views(matcher, ALIGNED)
    pf = featurise_articles([views])
    counts = np.asarray(pf.counts.sum(axis=0)).ravel()
    expected = counts / np.sqrt((counts * counts).sum())
    assert np.allclose(pf.x[0, :N_FEATURES].toarray().ravel(), expected)
    assert pf.norms[0] == pytest.approx(np.sqrt((counts * counts).sum()))
    # two articles in one call give the same rows as each alone
    _, _, other = _views(matcher, CRITICAL)
    both = featurise_articles([views, other])
    assert abs(both.x[0] - pf.x[0]).max() < 1e-12
    assert abs(both.x[1] - featurise_articles([other]).x[0]).max() < 1e-12


def test_sentence_margins_add_up_to_the_article_margin(matcher, model):
    _, _, a = _views(matcher, ALIGNED)
    _, _, c = _views(matcher, CRITICAL)
    pf = featurise_articles([a, c])
    margin = pole_margin(model)
    assert margin is not None and margin.shape == (pf.x.shape[1],)
    parts = sentence_margins(pf, [len(a), len(c)], margin)
    whole = pf.x @ margin
    assert sum(parts[: len(a)]) == pytest.approx(whole[0])
    assert sum(parts[len(a):]) == pytest.approx(whole[1])
    assert whole[0] > 0 > whole[1]  # the aligned article's words push towards aligned, the critical one's away


def test_classifier_article_takes_the_side_of_the_article_in_both_directions(matcher, model):
    items = []
    for text in (ALIGNED, CRITICAL):
        an = analyse(Article(id="a", text=text, source="test"))
        items.append((an, matcher.find_hits(an)))
    aligned, critical = article_stances(items, model)
    assert aligned.signals["classifier_article"] > 0 > critical.signals["classifier_article"]


def test_the_article_reading_is_carried_by_the_sentences_pushing_its_way(matcher, model):
    an, hits, views = _views(matcher, ALIGNED + TAIL)
    pf = featurise_articles([views])
    probs = model.proba(featurise(views)).tolist()
    margins = sentence_margins(pf, [len(views)], pole_margin(model))
    from framing.stance import ArticleReading, sentence_signal

    reading = ArticleReading(sentence_signal(model.proba(pf.x)[0].tolist()), margins)
    assert reading.signal > 0
    sig = article_signals(an, hits, views, probs, matcher.lexicon.camps, None, None,
                          weights={"classifier_article": 1.0}, article=reading)
    assert sig.values["classifier_article"] == reading.signal
    assert sum(sig.sentence) == pytest.approx(reading.signal)  # all of it, and only it, is shown
    assert all(x >= 0 for x in sig.sentence)  # only sentences pushing towards aligned carry it
    carried = [i for i, x in enumerate(sig.sentence) if x > 0]
    assert carried and all(margins[i] > 0 for i in carried)
    # without the reading (or with weight 0 on it) nothing is attributed to it
    none = article_signals(an, hits, views, probs, matcher.lexicon.camps, None, None,
                           weights={"classifier_article": 1.0})
    assert none.values["classifier_article"] == 0.0 and not any(none.sentence)


def test_an_article_without_own_sentences_reads_as_no_side(matcher, model):
    an = analyse(Article(id="q", text="„Der Westen hat verloren“, sagte Lawrow.", source="test"))
    st = article_stances([(an, matcher.find_hits(an))], model)[0]
    assert st.signals.get("classifier_article", 0.0) == 0.0


def test_media_are_actors_of_their_side_both_ways(matcher, model):
    """Judging the claim of a Western outlet ("Die Tagesschau behauptete") is doubt against the
    West; the same verb for a Russian state outlet ("RT behauptete") is doubt against Moscow."""
    assert speaker_actor("Der Spiegel").camp == "west"
    assert speaker_actor("RT DE").camp == "russia"
    items = []
    for who, claim in (("Die Tagesschau", "Moskau sei international isoliert"),
                       ("RT", "der Westen sei international isoliert")):
        an = analyse(Article(id="m", text=f"Gipfel in Moskau\n\n{who} behauptete, {claim}.{TAIL}", source="test"))
        items.append((an, matcher.find_hits(an)))
    western, russian = article_stances(items, model)
    assert western.signals["doubt"] > 0 > russian.signals["doubt"]
    assert western.signals["doubt"] == pytest.approx(-russian.signals["doubt"])


def _endorsed(matcher, model, *sentences):
    items = []
    for s in sentences:
        an = analyse(Article(id="e", text=f"Gipfel in Moskau\n\n{s}{TAIL}", source="test"))
        items.append((an, matcher.find_hits(an)))
    return article_stances(items, model)


def test_endorsing_a_source_counts_for_its_side_in_both_directions(matcher, model):
    """The outlet adopting a source's claim in its own words ("zu Recht", "treffend", an
    authority epithet) is the opposite of doubting it: for the source's side, whichever it is."""
    russian, western, plain = _endorsed(
        matcher, model,
        "Lawrow stellte zu Recht fest, der Westen sei international isoliert.",
        "Biden stellte zu Recht fest, Moskau sei international isoliert.",
        "Biden stellte fest, Moskau sei international isoliert.")
    assert russian.signals["doubt"] > 0 > western.signals["doubt"]
    assert russian.signals["doubt"] == pytest.approx(-western.signals["doubt"])
    assert plain.signals["doubt"] == 0.0
    assert any("zu Recht" in e.terms for e in western.evidence)  # the words behind it are shown, as written


def test_endorsing_words_inside_a_quotation_or_for_two_sides_count_for_no_side(matcher, model):
    quoted, two_sides = _endorsed(
        matcher, model,
        "„Der Westen ist zu Recht isoliert“, sagte Lawrow.",
        "Lawrow sagte zu Recht, der Westen sei isoliert, und Biden sagte, Moskau sei isoliert.")
    assert quoted.signals["doubt"] == 0.0
    assert two_sides.signals["doubt"] == 0.0


def test_an_authority_epithet_endorses_the_speaker(matcher, model):
    (st,) = _endorsed(matcher, model, "Der renommierte Kreml-Sprecher Peskow erklärte, der Westen sei isoliert.")
    assert st.signals["doubt"] > 0


def test_german_has_the_endorsing_word_lists():
    from framing.languages import get_language

    de = get_language("de")
    assert {"enthüllen", "entlarven"} <= de.words("endorsing_verbs")
    assert "zu recht" in de.sequence("endorsing_phrases") and "renommiert" in de.sequence("authority_prefixes")


def test_a_model_of_two_labels_reads_the_article_at_once_too(matcher):
    from framing.stance import Example, train

    texts = [("Der Diktator im Kreml lässt Kritiker verfolgen.", "critical"),
             ("Das Regime in Moskau lässt Gegner einsperren.", "critical"),
             ("Putins Propaganda verschweigt die Toten.", "critical"),
             ("Der Minister reiste am Montag nach Paris.", "neutral"),
             ("Die Sitzung dauerte zwei Stunden.", "neutral"),
             ("Das Treffen fand in Genf statt.", "neutral")]
    model = train([Example(str(i), t, lab, "test") for i, (t, lab) in enumerate(texts)], matcher)
    assert model.labels == ("critical", "neutral")
    margin = pole_margin(model)
    assert margin is not None and margin.shape[0] == N_FEATURES + 5
    text = "Der Diktator im Kreml lässt Kritiker verfolgen. Das Treffen fand in Genf statt. Putins Propaganda wirkt."
    an = analyse(Article(id="b", text=text, source="test"))
    st = article_stances([(an, matcher.find_hits(an))], model)[0]
    assert st.signals["classifier_article"] < 0


def test_evidence_names_the_words_that_push_the_classifier_its_way(matcher, model):
    from framing.stance import MASK, pushing_words

    _, _, views = _views(matcher, "„Das ist alles erfunden“, sagte Lawrow. Die Sanktionshysterie in Brüssel "
                                  "schadet vor allem Europa selbst.")
    margin = pole_margin(model)
    table = {v.index: v for v in views}
    for v in table.values():
        towards = pushing_words(v, margin, 1.0)
        away = pushing_words(v, margin, -1.0)
        assert MASK not in towards and MASK not in away
        assert not set(towards) & set(away)  # a word pushes one way or the other
        assert set(towards) <= set(v.lemmas) and len(towards) <= 3
    assert pushing_words(views[0], None, 1.0) == () and pushing_words(views[0], margin, 0.0) == ()
    an = analyse(Article(id="a", text=ALIGNED, source="test"))
    st = article_stances([(an, matcher.find_hits(an))], model)[0]
    rec = st.record()["evidence"]
    assert rec and all(isinstance(e["classifier_words"], list) for e in rec)
    assert any(e["classifier_words"] for e in rec)

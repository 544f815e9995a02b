"""The team's fourth block of entries (ids de-w4-…): ordinary senses stay unflagged, and the
character judgements of political actors need a political actor in the sentence (the manifest's
`politics` context). That every entry is found by its own example is tested with the other blocks
in test_lexicon_words.py."""

import pytest

from framing.articles import build_article
from framing.lexicon import default_lexicon
from framing.matching import Matcher
from framing.textlayer import analyse


@pytest.fixture(scope="module")
def matcher():
    return Matcher(default_lexicon())


def own_ids(matcher, text):
    hits = matcher.find_hits(analyse(build_article(text, id="x", source="x", parse_header=False)))
    return {h.entry.id for h in hits if h.voice not in ("quote", "reported")}


@pytest.mark.parametrize("text", [
    # literal threats, threatened penalties and "droht … zu" are no judging attribution
    "Die Gewerkschaft drohte mit Streiks.",
    "Die Stadt drohte mit Abriss, weil der Rohbau unvollendet blieb.",
    "Den Verdächtigen, die alle Vorwürfe zurückweisen, drohen Haftstrafen.",
    "Da das Unternehmen kein Lager hat, drohte ein Betriebsstillstand.",
    "Sonst wird mit der Veröffentlichung der Fotos gedroht, schreiben die Erpresser.",
])
def test_literal_drohen_is_not_flagged(matcher, text):
    assert "de-drohen" not in own_ids(matcher, text)


def test_drohen_as_judging_attribution_stays():
    ids = own_ids(Matcher(default_lexicon()), "Sullivan drohte Nordkorea mit Konsequenzen.")
    assert "de-drohen" in ids


@pytest.mark.parametrize("text", [
    "Die Forscher haben die Proben untersucht und versucht, das Alter zu bestimmen.",  # -sucht is no noun
    "Die Fans zittern um den Klassenerhalt der Mannschaft, sagt der Trainer nach dem Spiel.",
    "Die Polizei fahndet nach den Komplizen des Bankräubers.",
    "Die Grünen zeigten sich am Sonntag entsetzt über das Urteil.",  # a reported reaction
    "Der Baum ist im Sturm umgefallen.",
    "Die Wand ist blass gestrichen.",  # no political actor in the sentence
    "Der Trainer blieb stur bei seiner Aufstellung, das Spiel ging verloren.",
    "Der Hund ist verängstigt und versteckt sich.",
    "Der Sänger klebt die Plakate an die Wand.",
    "Die Tollwut breitet sich unter Füchsen aus.",
])
def test_ordinary_senses_stay_unflagged(matcher, text):
    assert not {i for i in own_ids(matcher, text) if i.startswith("de-w4-")}


@pytest.mark.parametrize(("text", "entry"), [
    ("Die Regierung bleibt stur.", "de-w4-stur"),
    ("Die FDP ist beim Tempolimit wieder umgefallen.", "de-w4-umfallen"),
    ("Bezeichnenderweise schweigt das Ministerium zu den Zahlen.", "de-w4-kommentaradverb"),
    ("Nach dem Skandal ist der Minister politisch erledigt.", "de-w4-politisch-tot"),
    ("Die Ausgabenwut der Regierung kennt keine Grenzen.", "de-w4-regelungswut"),
    ("Ein Heer von Migranten steht an der Grenze.", "de-w4-heer-von"),
])
def test_loaded_uses_are_flagged(matcher, text, entry):
    assert entry in own_ids(matcher, text)

"""The team's fifth block (ids de-w5-…) and the word forms the matcher derives for every entry:
participles of separable verbs with -ge- and zu-infinitives, -heit/-keit nouns of adjectives,
comparatives and superlatives. Ordinary senses of the new words stay unflagged. That every entry
is found by its own example is tested with the other blocks in test_lexicon_words.py."""

import pytest

from framing.articles import build_article
from framing.lexicon import default_lexicon
from framing.matching import Matcher
from framing.textlayer import analyse


@pytest.fixture(scope="module")
def matcher():
    return Matcher(default_lexicon())


def own(matcher, text):
    hits = matcher.find_hits(analyse(build_article(text, id="x", source="x", parse_header=False)))
    return {(h.surface, h.entry.id) for h in hits if h.voice not in ("quote", "reported")}


@pytest.mark.parametrize(("text", "expected"), [
    # a participle the lemmatiser does not know: "ge" after the particle, an adjective ending
    ("Die Regierung hat die Zahlen aufgebauscht.", ("aufgebauscht", "de-w4-aufbauschen")),
    ("Der in der Gunst abgestürzte Minister tritt zurück.", ("abgestürzte", "de-abstuerzen")),
    ("Die durchgepeitschte Reform der Regierung.", ("durchgepeitschte", "de-w4-durchpeitschen")),
    # a noun made of an adjective entry
    ("Die Sturheit der Regierung nervt.", ("Sturheit", "de-w4-stur")),
    # comparative and superlative
    ("Der skrupelloseste Minister des Kabinetts.", ("skrupelloseste", "de-skrupellos")),
    ("Die Partei plant eine noch unmenschlichere Politik.", ("unmenschlichere", "de-unmenschlich")),
])
def test_derived_forms_reach_their_entries(matcher, text, expected):
    assert expected in own(matcher, text)


@pytest.mark.parametrize("text", [
    "Die bessere Lösung kam vom Ministerium.",  # a comparative of no entry
    "Die Mehrheit der Abgeordneten stimmte zu.",  # -heit of no entry
    "Die Gewerkschaft hat den Vertrag gekündigt.",
    "Die Mitarbeiter gehen mit der ihnen eingeräumten Flexibilität gut um.",  # no speech act
    "Die mehrfach angedrohte Klage wurde nicht eingereicht.",
    "Die Durchsichtigkeit des Wassers hat sich verändert.",  # a property, no judgement of an actor
    "Ermittelt wurde wegen Untreue und Bestechlichkeit.",  # an offence
])
def test_derived_forms_of_other_words_stay_unflagged(matcher, text):
    assert own(matcher, text) == set()


@pytest.mark.parametrize("text", [
    "Das Seil ist gerissen, der Kletterer stürzte ab.",
    "Im Zoo leben zwei Hyänen und ein Schakal.",
    "Der Trainer ist der Platzhirsch im Klub, sagt der Spieler nach dem Spiel.",
    "Der Hund wurde von der Polizei zum Spürhund abgerichtet.",
    "Die befruchtete Eizelle nistet sich in der Gebärmutter ein.",
    "Die Kühe verendeten auf der Weide.",
    "Der Zerfall radioaktiver Isotope liefert die Energie.",
    "Das Laientheater des Vereins zeigt eine Komödie auf der Bühne.",
    "Der Kasperl des Puppentheaters begeistert die Kinder.",
    "Die Chinesische Kommunistische Partei wählt ein neues Politbüro.",
    "Die Blumen im Garten brauchen die Gießkanne.",
    "Der Wind peitscht die Wellen auf.",
    "Henkel-Chef Kasper Rorsted verlässt den Konzern.",
    "Hauptpreistreiber blieben die Restaurants, die Inflation lag bei 1,2 Prozent.",
    "Die Helfer reden auf die Flüchtlinge ein, sich zu gedulden.",
])
def test_ordinary_senses_of_w5_words_stay_unflagged(matcher, text):
    assert not {i for _, i in own(matcher, text) if i.startswith("de-w5-")}


@pytest.mark.parametrize(("text", "entry"), [
    ("Der gerissene Kanzler spielt die Partner gegeneinander aus.", "de-w5-gerissen"),
    ("Die Trollarmee des Kreml flutet die Kommentarspalten.", "de-w5-trollarmee"),
    ("Die Trump-Versteher in der Partei schweigen.", "de-w5-versteher"),
    ("Die Gurkentruppe im Kanzleramt blamiert sich.", "de-w5-gurkentruppe"),
    ("Der Minister ist stramm rechts.", "de-w5-stramm"),
    ("Die Schakale der Opposition warten auf den Sturz.", "de-w5-schakal"),
])
def test_loaded_uses_are_flagged(matcher, text, entry):
    assert entry in {i for _, i in own(matcher, text)}


@pytest.mark.parametrize(("text", "flagged"), [
    # the formal declaration of war is literal; a "since the Second World War" comparison is not history
    ("Im Zweiten Weltkrieg folgte die Kriegserklärung an Polen.", False),
    ("Der Anschlag gilt als schwerster seit dem Zweiten Weltkrieg, wenn nicht als Kriegserklärung.", True),
    ("Die Steuerpläne sind eine Kriegserklärung an den Mittelstand.", True),
])
def test_kriegserklaerung_sense(matcher, text, flagged):
    assert ("de-kriegserklaerung" in {i for _, i in own(matcher, text)}) is flagged


@pytest.mark.parametrize(("text", "flagged"), [
    # the politics context also holds for compounds naming a political actor
    ("Der Finanzminister bleibt stur.", True),
    ("Die Koalition im Verteidigungsministerium bleibt stur.", True),
    ("Der Vereinspräsident blieb stur, sagt der Trainer.", False),
    ("Der Trainer blieb stur.", False),
])
def test_politics_context_holds_for_compound_actors(matcher, text, flagged):
    assert ("de-w4-stur" in {i for _, i in own(matcher, text)}) is flagged

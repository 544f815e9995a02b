"""The team's single-word block (ids de-w3-…): every entry is found by its own example, a name
is not split into loaded parts, and ordinary senses of words with a loaded use stay unflagged."""

import pytest

from framing.articles import build_article
from framing.lexicon import default_lexicon, load_lexicon
from framing.matching import Matcher
from framing.textlayer import analyse


@pytest.fixture(scope="module")
def matcher():
    return Matcher(default_lexicon())


def own(matcher, text):
    hits = matcher.find_hits(analyse(build_article(text, id="x", source="x", parse_header=False)))
    return [(h.surface, h.entry.id) for h in hits if h.voice not in ("quote", "reported")]


@pytest.mark.parametrize(("prefix", "at_least"), [("de-w3-", 200), ("de-w4-", 100), ("de-w5-", 120)])
def test_every_entry_of_a_block_is_found_by_its_own_example(prefix, at_least):
    lex = load_lexicon()
    lex = load_lexicon(packs=lex.packs)
    m = Matcher(lex)
    block = [e for e in lex.entries if e.id.startswith(prefix)]
    missed = [e.id for e in block if e.id not in {h.entry.id for h in m.find_hits(
        analyse(build_article(e.example, id="x", source="x", parse_header=False)))}]
    assert len(block) >= at_least and missed == []
    assert all(e.explanation and e.neutral and e.example for e in block)


@pytest.mark.parametrize(("text", "expected"), [
    # a surname made of German words is a name, not a "Knecht"
    ("Die Linken-Politikerin Sahra Wagenknecht sprach. Wagenknechts Partei legt zu.", []),
    ("Der Präsident ist nur ein Knecht Washingtons.", [("Knecht", "de-knecht")]),
    # a genitive before a compound does not make it a name
    ("Die Sender sprechen über die Reise. Putins Kriegspropagandisten jubeln.",
     [("Kriegspropagandisten", "de-propagandist")]),
    ("Die Ampelknechte stimmen zu. Auch Lars Klingbeil ist dafür.", [("Ampelknechte", "de-knecht")]),
])
def test_names_are_not_split_into_loaded_parts(matcher, text, expected):
    assert own(matcher, text) == expected


@pytest.mark.parametrize("text", [
    "Der Mann saß wegen Raub und Erpressung im Gefängnis.",
    "Bei dem Raubüberfall auf die Tankstelle erbeuteten die Täter 2000 Euro.",
    "Aus der Leitung tritt unkontrolliert Gas aus.",
    "Der Reporter deckte das Massaker von My Lai auf.",
    "Es gibt neue Spekulationen über die Täter.",
    "Die Kärntner präsentierten sich nach vorne allerdings zu zahnlos, sagte der Trainer nach dem Spiel.",
    "Ein junger Mann wird von Polizisten überwältigt.",
    "Der Verkäufer legte die Würstchen auf den Grill.",
    "Die Demonstranten verbrannten Müll, die Feuerwehr fand Brandbeschleuniger.",
])
def test_ordinary_senses_stay_unflagged(matcher, text):
    assert own(matcher, text) == []


@pytest.mark.parametrize(("text", "entry"), [
    ("Die Drohung mit dem Veto ist politische Erpressung.", "de-erpressung"),
    ("Das ist alles nur Spekulation.", "de-spekulation"),
    ("Die Reform verhunzt das Gesetz.", "de-w3-verhunzen"),
    ("Die Partei ist ein Operettenstaat im Kleinen: ein Tohuwabohu.", "de-w3-tohuwabohu"),
    ("Die Abschlusserklärung ist eine Leerformel.", "de-w3-leerformel"),
    ("Die Schuldenbremse wird mit Buchungstricks umgangen.", "de-w3-buchungstrick"),
])
def test_loaded_uses_are_flagged(matcher, text, entry):
    assert entry in {e for _, e in own(matcher, text)}


@pytest.mark.parametrize(("text", "flagged"), [
    ("Nach dem Putschversuch der Generäle rollten Panzer durch die Hauptstadt.", False),
    ("Die Junta in Niger hat nach dem Putsch die Verfassung ausgesetzt.", False),
    ("Nach dem Putsch in Kiew 2014 floh der Präsident nach Russland.", True),
    ("Die Rede von der Zeitenwende-Rede des Kanzlers ist längst ein Gemeinplatz.", False),
])
def test_putsch_and_named_speeches(matcher, text, flagged):
    ids = {e for _, e in own(matcher, text)}
    assert ("de-putsch" in ids or "de-zeitenwende" in ids) == flagged


@pytest.mark.parametrize(("text", "entry", "flagged"), [
    ("Der Klub behauptete mit dem Sieg den fünften Tabellenplatz.", "de-behaupten", False),
    ("Finnland behauptete sich mit 3:1 gegen Frankreich.", "de-behaupten", False),
    ("Die Regierung behauptet, alles sei geklärt.", "de-behaupten", True),
    ("Er will die Statistiken Lügen strafen.", "de-luege", False),
    ("Für eine komplette Erdumrundung braucht die Station 90 Minuten.", "de-komplett", False),
    ("Die Koalition ist komplett gescheitert.", "de-komplett", True),
    ("Die Forscher wollen das Plasma mit Mikrowellen aufheizen.", "de-aufheizen", False),
    ("Der jüngste Weckruf an den Landeroboter auf dem Kometen verhallte.", "de-weckruf", False),
    ("Der Radfahrer gewann das Rennen in neuer Rekordzeit.", "de-rekord-kompositum", False),
])
def test_ordinary_senses_of_older_entries(matcher, text, entry, flagged):
    assert (entry in {e for _, e in own(matcher, text)}) == flagged


@pytest.mark.parametrize(("text", "entry"), [
    ("Der Kreml-Herrscher empfing seine Gäste.", "de-kremlherrscher"),
    ("Die Troll-Fabriken arbeiten rund um die Uhr.", "de-trollfabrik"),
])
def test_hyphenated_spelling_of_a_compound_entry(matcher, text, entry):
    assert entry in {e for _, e in own(matcher, text)}


def test_hyphenated_ordinary_words_stay_unflagged(matcher):
    assert own(matcher, "Das Ski-Rennen in Kitzbühel beginnt um zehn Uhr.") == []


@pytest.mark.parametrize(("text", "entry", "flagged"), [
    ("Nach dem gescheiterten Putschversuch wurden Tausende Beamte entlassen.", "de-putsch", False),
    ("Die Söldner einer Privatarmee rückten auf die Hauptstadt vor.", "de-privatarmee", False),
    ("Er gründete die Privatarmee Wagner.", "de-privatarmee", False),
    ("Der Oligarch hält sich eine Privatarmee.", "de-privatarmee", True),
])
def test_descriptive_coup_and_mercenary_terms(matcher, text, entry, flagged):
    assert (entry in {e for _, e in own(matcher, text)}) == flagged


@pytest.mark.parametrize(("text", "flagged"), [
    ("Das Massaker in der Stadt löste Entsetzen aus.", True),
    ("Das Massaker von Srebrenica jährt sich.", False),
])
def test_named_massacre_is_a_name(matcher, text, flagged):
    assert ("de-massaker" in {e for _, e in own(matcher, text)}) == flagged

"""Multi-word loaded wording: split idioms with separable verbs and wide gaps, constructions,
scare quotes that are names or quotations (sentences written by the team)."""

import pytest

from framing.articles import build_article
from framing.lexicon import default_lexicon
from framing.matching import Matcher
from framing.textlayer import analyse


@pytest.fixture(scope="module")
def matcher():
    return Matcher(default_lexicon())


def found(matcher, text):
    an = analyse(build_article(text, id="t", source="t", parse_header=False))
    return {(h.entry.id, h.surface, h.voice) for h in matcher.find_hits(an)}


def ids(matcher, text):
    return {i for i, _, _ in found(matcher, text)}


@pytest.mark.parametrize(("text", "entry", "surface"), [
    # a separable verb of an idiom stands split, its particle closing the clause
    ("Der Minister sägt mit dem Gesetz den Ast ab, auf dem er sitzt.", "de-ast-absaegen",
     "sägt mit dem Gesetz den Ast ab"),
    ("Mit dieser Politik geht das Land den Bach runter.", "de-bach-runtergehen", "geht das Land den Bach runter"),
    ("Die Partei gibt am Ende klein bei.", "de-klein-beigeben", "gibt am Ende klein bei"),
    # three words may stand further apart than two (a relative clause)
    ("Der Haufen schmutziger Wäsche, die der Kanzler am Mittwochabend vor aller Augen wusch, war hoch.",
     "de-schmutzig-waesche-waschen", "schmutziger Wäsche, die der Kanzler am Mittwochabend vor aller Augen wusch"),
])
def test_split_idioms_with_separable_verbs_and_gaps(matcher, text, entry, surface):
    assert (entry, surface, "outlet") in found(matcher, text)


@pytest.mark.parametrize("text", [
    "Er sägt das Brett ab, der Ast bleibt am Baum.",  # particle of another verb's clause, not of "sägt … Ast"
    "Der Bach fließt, und wir gehen nach Hause.",  # no particle "runter"
    "Er gibt das Buch klein gedruckt heraus.",  # "bei" missing
])
def test_split_idioms_need_every_word(matcher, text):
    assert not ids(matcher, text) & {"de-ast-absaegen", "de-bach-runtergehen", "de-klein-beigeben"}


def _scare(matcher, text):
    an = analyse(build_article(text, id="t", source="t", parse_header=False))
    return [h.surface for h in matcher.find_hits(an) if h.voice == "scare-quote"]


def test_a_name_quoted_again_is_no_scare_quote(matcher):
    text = ("Er saß im Straflager „Eisfuchs“ in Sibirien. Die Haftbedingungen im „Eisfuchs“ sind hart. "
            "Die „Reformer“ zögern.")
    assert _scare(matcher, text) == ["Reformer"]


def test_a_quoted_line_of_its_own_is_no_scare_quote(matcher):
    text = "Die Zeitungen titelten am Morgen.\n\n„Kanzler im Abseits“\n\nDie „Reform“ kam spät."
    assert _scare(matcher, text) == ["Reform"]


def test_a_charge_in_legal_wording_is_no_scare_quote(matcher):
    assert _scare(matcher, "Die Staatsanwaltschaft ermittelt wegen „Volksverhetzung“ gegen den Mann.") == []
    assert _scare(matcher, "Nach dem Urteil wegen der „Reform“ stimmten viele dagegen.") == ["Reform"]


@pytest.mark.parametrize(("text", "flagged"), [
    ("Die Ampel geht als unbeliebteste Bundesregierung aller Zeiten in die Geschichte ein.", True),
    ("Die Sprengung ist der schwerste Angriff auf die Infrastruktur nach dem Zweiten Weltkrieg.", True),
    ("Es war der größte Skandal des Jahrhunderts.", True),
    ("Er ist der erste Kanzler nach dem Zweiten Weltkrieg, der so handelt.", False),
    ("Es ist der älteste Baum der Geschichte der Stadt.", False),
    ("Die Mannschaft spielte nach dem Seitenwechsel am stärksten.", False),
])
def test_superlatives_against_an_age(matcher, text, flagged):
    assert ("superlativ-seit" in ids(matcher, text)) is flagged


def test_every_multiword_entry_finds_its_own_example(matcher):
    """Each team-written idiom (ids de-mw-…) is found in the example sentence written for it."""
    entries = [e for e in matcher.lexicon.entries if e.id.startswith("de-mw-")]
    assert len(entries) >= 250
    missing = [e.id for e in entries if e.id not in ids(matcher, e.example)]
    assert missing == []


@pytest.mark.parametrize(("text", "entry", "flagged"), [
    ("Die eigene Fraktion fällt dem Minister in den Rücken.", "de-mw-in-den-ruecken-fallen", True),
    ("Der Staat nimmt die Autofahrer aus wie eine Weihnachtsgans.", "de-mw-wie-eine-weihnachtsgans-ausnehmen", True),
    ("Die Bahn hält, weil ein Fahrgast die Notbremse zieht.", "de-mw-die-notbremse-ziehen", False),
    ("Die Stellung geriet unter Beschuss der Artillerie.", "de-mw-unter-beschuss-geraten", False),
    ("Die Ministerin geriet wegen der Affäre unter Beschuss.", "de-mw-unter-beschuss-geraten", True),
    ("Das Objekt rutscht auf der schiefen Ebene, wie das Experiment der Physiker zeigt.", "de-mw-schiefe-ebene", False),
    ("Die Quoten gehen durch die Decke.", "de-mw-an-die-decke-gehen", False),
    ("Der Kanzler ging an die Decke.", "de-mw-an-die-decke-gehen", True),
    ("Keine Blöße gab sich das Gerät bei den Tests.", "de-mw-sich-eine-bloesse-geben", False),
])
def test_idioms_and_their_ordinary_senses(matcher, text, entry, flagged):
    assert (entry in ids(matcher, text)) is flagged


def test_a_compound_whose_first_part_is_two_words(matcher):
    assert "de-despot" in ids(matcher, "Die Sorge des belarussischen Langzeitdespoten wuchs.")
    assert ids(matcher, "Der Regimentskommandeur sprach.") == set()


def test_a_quote_sourced_only_by_man_is_a_scare_quote(matcher):
    text = 'Putins Macht ist erschüttert, glaubt man, das "System Putin" ist dem Untergang nah.'
    assert ("scare-quote", "System Putin", "scare-quote") in found(matcher, text)
    assert _scare(matcher, '„Das System wankt“, sagte der Minister.') == []


@pytest.mark.parametrize(("text", "entry", "flagged"), [
    ("„Die Regierung ist am Ende“, wusste der Oppositionsführer schon am Morgen.", "de-mw-wissen-nach-zitat", True),
    ("Sie wusste nicht, was sie sagen sollte.", "de-mw-wissen-nach-zitat", False),
    ("Die Boulevardzeitung will wissen, dass der Minister zurücktritt.", "de-mw-wollen-wissen-dass", True),
    ("Er will wissen, ob der Minister zurücktritt.", "de-mw-wollen-wissen-dass", False),
    ("Die Symbolkraft dieses Treffens könnte kaum größer sein.", "kaum-komparativ", True),
    ("Größer könnte der Kontrast kaum sein.", "kaum-komparativ", True),
    ("Er kann kaum noch laufen.", "kaum-komparativ", False),
    ("Die Preise sind kaum höher als im Vorjahr.", "kaum-komparativ", False),
])
def test_reporting_and_emphasis_constructions(matcher, text, entry, flagged):
    assert (entry in ids(matcher, text)) is flagged


def test_a_coalitions_nickname_in_quotes_is_a_name(matcher):
    assert _scare(matcher, "Am Ende schaltet der Kanzler die «Ampel» ab. Die «Reformer» schweigen.") == ["Reformer"]

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

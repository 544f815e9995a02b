"""Whom aimed words judge: speakers of attribution verbs, nearby actors, doubted words."""

from __future__ import annotations

import pytest

from framing.analysis import analyse
from framing.articles import Article
from framing.lexicon import default_lexicon
from framing.matching import Matcher
from framing.scoring import score_article


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(default_lexicon())


def aimed(matcher: Matcher, text: str) -> dict[str, tuple[str, str]]:
    rec = score_article(analyse(Article(id="t", text=text, source="test")), matcher).record()
    return {h["term"]: (h["aimed_at"], h["direction"]) for h in rec["hits"] if "aimed_at" in h}  # type: ignore[union-attr]


def test_labels_follow_the_actor_next_to_them(matcher):
    assert aimed(matcher, "Der Autokrat Putin empfing die Gäste.")["Autokrat"] == ("Wladimir Putin", "critical")
    assert aimed(matcher, "Der Autokrat Selenskyj empfing die Gäste.")["Autokrat"] == ("Wolodymyr Selenskyj",
                                                                                       "aligned")
    # an actor far away in the sentence is not the target: the entry's own leaning stands
    far = aimed(matcher, "Die beiden Diktatoren trafen sich nach langen Vorbereitungen wieder einmal mit den "
                         "Gesandten aus den USA.")
    assert "Diktatoren" not in far


def test_attribution_verbs_judge_their_speaker(matcher):
    got = aimed(matcher, "Ein Beamter des Weißen Hauses drohte, Nordkorea werde einen Preis zahlen.")
    assert got["drohte"] == ("USA", "aligned")
    got = aimed(matcher, "Der Kremlsprecher Peskow behauptete, die Sanktionen seien wirkungslos.")
    assert got["behauptete"] == ("Dmitri Peskow", "critical")


def test_doubt_words_point_against_the_word_they_doubt(matcher):
    got = aimed(matcher, "Der Westen warnt vor einer angeblichen Invasion.")
    assert got["angeblichen"] == ("doubts „Invasion“", "aligned")
    assert got["Invasion"] == ("doubted by „angeblichen“", "none")

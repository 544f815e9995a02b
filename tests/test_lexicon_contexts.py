"""Shared word-sense contexts (`@name`, `topic:@name`), the "wollen + perfect infinitive"
construction, split idioms with free order and inflection, and short quotations that are names
or someone's words rather than scare quotes. Sentences written by the team."""

import pytest

from framing.articles import build_article
from framing.errors import LexiconError
from framing.lexicon import default_lexicon, load_lexicon
from framing.matching import Matcher
from framing.textlayer import analyse

HEADER = "id,term,match,category,leaning,weight,neutral,explanation,requires,excludes\n"
MANIFEST = ('name = "mini"\nversion = "0.1"\naxis = "kremlin"\nfile = "l.csv"\nweight_min = 0.5\nweight_max = 3\n'
            '[categories]\nhyperbole = "Übertreibung"\nglorifying-label = "Verklärung"\n'
            '[contexts]\nbuehne = "Theater;Bühne;Premiere;Regie;Schauspieler"\n')


def write(folder, rows):
    (folder / "manifest.toml").write_text(MANIFEST, encoding="utf-8")
    (folder / "l.csv").write_text(HEADER + rows, encoding="utf-8")
    return load_lexicon(folder)


def terms(matcher, text):
    an = analyse(build_article(text, id="t", source="t", parse_header=False))
    return [(h.surface, h.entry.id, h.voice) for h in matcher.find_hits(an)]


def test_a_named_context_stands_for_its_words_in_the_sentence(tmp_path):
    m = Matcher(write(tmp_path, "x-drama,Drama,compound-head,hyperbole,none,1,Streit,Dramatisiert.,,@buehne\n"))
    assert terms(m, "Das Drama hatte gestern im Theater Premiere.") == []
    assert [t[1] for t in terms(m, "Das Drama um die Rente geht weiter.")] == ["x-drama"]


def test_a_topic_context_looks_at_the_whole_article(tmp_path):
    m = Matcher(write(tmp_path, "x-held,Held,compound,glorifying-label,none,1,Soldat,Verklärt.,,topic:@buehne\n"))
    review = ("Die Premiere im Theater war ausverkauft. Die Regie setzt auf wenige Requisiten. "
              "Der Held zweifelt bis zum Schluss. Die Schauspieler bekamen langen Applaus.")
    assert terms(m, review) == []
    news = "Die Armee feiert den Piloten als Helden. Er habe den Angriff abgewehrt."
    assert [t[1] for t in terms(m, news)] == ["x-held"]


def test_an_unknown_context_is_named(tmp_path):
    with pytest.raises(LexiconError, match="unknown context '@kino'"):
        write(tmp_path, "x-drama,Drama,compound-head,hyperbole,none,1,Streit,Dramatisiert.,,@kino\n")


@pytest.fixture(scope="module")
def matcher():
    return Matcher(default_lexicon())


def test_wollen_with_a_perfect_infinitive_is_doubt_in_the_outlets_voice(matcher):
    got = terms(matcher, "Der Minister will von dem Vertrag nichts gewusst haben.")
    assert got == [("will von dem Vertrag nichts gewusst haben", "wollen-perfekt", "outlet")]
    got = terms(matcher, "Er bestreitet die Tat, die er am Montag begangen haben will.")
    assert got == [("begangen haben will", "wollen-perfekt", "outlet")]
    # wanting something, or a deadline, is no claim
    assert terms(matcher, "Sie will ein neues Haus haben.") == []
    assert terms(matcher, "Der Trainer will die Frage bis Freitag geklärt haben.") == []
    assert terms(matcher, "Die Firma will im Herbst expandieren.") == []


def test_split_idioms_allow_other_order_inflection_and_other_prepositions(matcher):
    for text in ("Die Regierung goss mit dem Gesetz noch Öl ins Feuer.",
                 "Wer jetzt Öl in das Feuer gießt, riskiert viel."):
        assert [t[1] for t in terms(matcher, text)] == ["de-oel-ins-feuer-giessen"]
    assert [t[1] for t in terms(matcher, "Die Opposition schindet seit Wochen Zeit.")] == ["de-zeit-schinden"]


def test_names_and_citations_in_quotation_marks_are_no_scare_quotes(matcher):
    for text in ("Die Söldnergruppe „Wagner“ zog am Abend ab.",
                 "Die Ermittler prüfen die Segeljacht „Seestern“ im Hafen.",
                 "Das stand zuerst in der „New York Times“ am Montag.",
                 "Die „Concord“-Firmen bekamen Aufträge.",
                 "Über dem Artikel stand „Wir schaffen das“ in großen Buchstaben.",
                 "Daraufhin seien „unverzüglich“ Ärzte gekommen."):
        assert not [t for t in terms(matcher, text) if t[2] == "scare-quote"], text
    # the outlet's own distancing stays a scare quote
    assert [t[1] for t in terms(matcher, "Die „Experten“ im Studio waren sich einig.")] == ["scare-quote"]
    assert [t[2] for t in terms(matcher, "Nach dem „Triumph“ zogen die Demonstranten ab.")] == ["scare-quote"]


def test_a_superlative_against_history_is_hyperbole_a_statistic_is_not(matcher):
    assert [t[1] for t in terms(matcher, "Es ist die schlimmste Krise seit Jahrzehnten.")] == ["superlativ-seit"]
    assert [t[1] for t in terms(matcher, "Die schwerste Niederlage der Geschichte traf die Partei.")] \
        == ["superlativ-seit"]
    assert terms(matcher, "Die Inflation ist die höchste seit 1992.") == []
    assert terms(matcher, "Er ist der sechste Spieler in der Geschichte des Vereins mit 100 Toren.") == []


def test_a_quoted_letter_distances_nothing(matcher):
    assert terms(matcher, "Er war der letzte große Sänger des Rock 'n' Roll.") == []

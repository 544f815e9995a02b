import pytest

from framing.articles import build_article
from framing.lexicon import default_lexicon
from framing.matching import Matcher
from framing.scoring import score_article
from framing.textlayer import analyse


@pytest.fixture(scope="module")
def matcher():
    return Matcher(default_lexicon())


def hits(matcher, text):
    an = analyse(build_article(text, id="t", source="t", parse_header=False))
    return matcher.find_hits(an)


# (sentence, expected (lexicon term, voice) pairs) – written by the team
CASES = [
    ("Die Autokraten trafen sich.", {("Autokrat", "outlet")}),
    ("Zwei Diktatoren unter sich.", {("Diktator", "outlet")}),
    ("Der Regimentskommandeur sprach.", set()),
    ("Die Kreml-Propaganda wirkt.", {("Kreml-Propaganda", "outlet")}),
    ("Die Kremlpropaganda wirkt.", {("Kremlpropaganda", "outlet")}),
    ("Das Terrorregime wankt.", {("Terrorregime", "outlet")}),
    ("Das Mullah-Regime wankt.", {("Mullah-Regime", "outlet")}),
    ("Sie schüren seit Monaten Panik.", {("Panik schüren", "outlet")}),
    ("Die militärische Sonderoperation begann.", {("militärische Sonderoperation", "outlet")}),
    ("Washington alarmierte die Partner.", {("alarmieren", "outlet")}),
    ("„Das ist imperialistische Politik“, sagte Putin.", {("imperialistisch", "quote")}),
    ("Der Minister sagte, die Lage sei alarmierend.", {("alarmierend", "reported")}),
    ("Moskaus \"Partner\" zögern.", {("„…“ (Anführungszeichen ohne Sprecher)", "scare-quote")}),
    ("Die Spionagesatelliten starten bald.", set()),
    ("Der Luftalarm endete.", set()),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_matching_cases(matcher, text, expected):
    found = {(h.entry.term, h.voice) for h in hits(matcher, text)}
    assert found == expected


def test_hit_record_has_contract_keys(matcher):
    rec = hits(matcher, "Der Autokrat sprach.")[0].record()
    assert {"term", "lemma", "category", "leaning", "voice", "speaker", "sentence", "start", "end"} <= rec.keys()
    assert rec["term"] == "Autokrat" and rec["lemma"] == "Autokrat" and rec["leaning"] == "critical"


def test_offsets_slice_surface(matcher, seed_analysed):
    for an in seed_analysed.values():
        for h in matcher.find_hits(an):
            assert an.article.text[h.start : h.end] == h.surface


def test_seed_must_shows(matcher, seed_analysed):
    def voices(seed, needle):
        return {h.voice for h in matcher.find_hits(seed_analysed[seed])
                if needle in (h.surface + " " + h.lemma).lower()}

    assert "outlet" in voices("002", "autokrat")
    assert "outlet" in voices("002", "diktator")
    assert "outlet" in voices("004", "angstmodus")
    assert voices("004", "hegemonial") & {"quote", "reported"}
    assert "scare-quote" in voices("000", "gegner")
    assert "outlet" in voices("001", "droh")
    assert "outlet" in voices("003", "panik")
    assert "outlet" in voices("003", "angeblich")


def test_score_per_1000(matcher):
    an = analyse(build_article("Der Autokrat und der Diktator trafen sich heute in der Stadt.",
                               id="t", source="t", parse_header=False))
    sc = score_article(an, matcher)
    assert sc.words == 11
    assert sc.loaded_per_1000 == pytest.approx(2000 / 11)
    assert sc.record()["by_category"] == {"pejorative-label": 2}


def test_impersonal_drohen_is_no_attribution_verb():
    from framing.articles import Article

    m = Matcher(default_lexicon())

    def cats(text: str) -> list[str]:
        return [h.entry.category for h in m.find_hits(analyse(Article(id="t", text=text, source="t")))]

    assert "attribution-verb" not in cats("In der Region droht es zu eskalieren. Es droht ein Winter ohne Strom.")
    assert "attribution-verb" in cats("Sullivan drohte Nordkorea mit Konsequenzen.")


def test_doubt_in_a_paraphrase_is_the_outlets_but_in_a_quote_the_speakers(matcher):
    from framing.articles import Article
    from framing.textlayer import analyse

    def voices(text):
        an = analyse(Article(id="t", text=text, source="test"))
        return {h.surface: h.voice for h in matcher.find_hits(an)}

    assert voices("Laut dem Minister prüfen die Ermittler ein angebliches Reisebüro.")["angebliches"] == "outlet"
    assert voices("„Das ist eine angebliche Invasion“, sagte der Minister.")["angebliche"] == "quote"


def test_anchored_patterns_are_recognised():
    from framing.matching import _anchored

    assert _anchored("^schein(wahl|debatte)$") and _anchored(r"\Afoo") and _anchored("^(?:a|b)")
    assert _anchored("^(?:x)|^y")  # every alternative anchored
    assert not _anchored("^a|b") and not _anchored("a^") and not _anchored("(?m)^a") and not _anchored("(^a)")
    assert not _anchored("(")  # not a regular expression: searched as before


def test_an_unanchored_pattern_is_still_searched_inside_words():
    import dataclasses

    lex = default_lexicon()
    pattern = next(e for e in lex.entries if e.match == "pattern")
    inside = dataclasses.replace(pattern, id="test-inside", term="xylofant", requires=(), excludes=())  # no ^
    m = Matcher(dataclasses.replace(lex, entries=(*lex.entries, inside)))
    assert not m._all_anchored
    assert "test-inside" in {h.entry.id for h in hits(m, "Die Riesenxylofanten kamen zurück.")}
    assert Matcher(lex)._all_anchored  # the shipped patterns: tried with match

"""New lexicon columns: register, word senses (requires/excludes), topic packs, a teacher's
short list, every problem of a broken list at once, large lists."""

import time

import pytest

from framing.articles import build_article
from framing.errors import LexiconError
from framing.lexicon import load_lexicon
from framing.lexicon_tools import check_neutral
from framing.matching import Matcher
from framing.scoring import score_article
from framing.textlayer import analyse

HEADER = "id,term,match,category,leaning,weight,neutral,explanation,register,requires,excludes,example,pack\n"
MANIFEST = ('name = "mini"\nversion = "0.1"\naxis = "kremlin"\nfile = "l.csv"\nweight_min = 0.5\nweight_max = 3\n'
            '[categories]\nhyperbole = "Übertreibung"\nwar-terminology = "Krieg"\npejorative-label = "Etikett"\n'
            '[packs.migration]\nfile = "packs/migration.csv"\nenabled = true\ndescription = "Migration"\n'
            '[packs.health]\nfile = "packs/health.csv"\nenabled = false\ndescription = "Gesundheit"\n')
ROWS = (
    "m-invasion,Invasion,compound,war-terminology,none,1.5,Angriff,Kriegswort.,conventional,,"
    "Nacktschnecke*;Quallen;re:\\bInsekt,Die Invasion begann.,\n"
    "m-sanktionsregime,Sanktionsregime,compound,pejorative-label,none,1,Sanktionen,Fachwort.,technical,,,,\n"
    "m-historisch,historisch,lemma,hyperbole,none,1,bedeutend,Übertreibt.,,,Innenstadt;Altstadt;re:\\bhistorische[nr]? "
    "(Gebäude|Kern),Ein historischer Sieg.,\n"
    "m-satellit,Satellit,lemma,pejorative-label,none,2,Verbündeter,Etikett für Staaten.,,Staat;Regime;Moskau,,,\n"
    "m-flut,Flüchtlingsflut,compound,pejorative-label,none,2,Zuzug von Geflüchteten,Entmenschlicht.,,,,,"
    "migration\n"
)


@pytest.fixture()
def folder(tmp_path):
    (tmp_path / "manifest.toml").write_text(MANIFEST, encoding="utf-8")
    (tmp_path / "l.csv").write_text(HEADER + ROWS, encoding="utf-8")
    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "migration.csv").write_text(
        HEADER + "mig-welle,Migrationswelle,compound,pejorative-label,none,2,Zuwanderung,Entmenschlicht.,,,,,\n",
        encoding="utf-8")
    (tmp_path / "packs" / "health.csv").write_text(
        HEADER + "h-impf,Impfzwang,compound,pejorative-label,none,2,Impfpflicht,Wertet ab.,,,,,\n", encoding="utf-8")
    return tmp_path


def found(lex, text):
    an = analyse(build_article(text, id="t", source="t", parse_header=False))
    return score_article(an, Matcher(lex))


def terms(score):
    return sorted(h.entry.term for h in score.hits)


def test_word_senses_keep_the_ordinary_sense_out(folder):
    lex = load_lexicon(folder)
    assert terms(found(lex, "Eine Invasion von Nacktschnecken plagt die Gärten.")) == []
    assert terms(found(lex, "Die Invasion der Ukraine begann im Februar.")) == ["Invasion"]
    assert terms(found(lex, "Wir besuchten die historische Innenstadt.")) == []
    assert terms(found(lex, "Es war ein historischer Sieg der Regierung.")) == ["historisch"]
    assert terms(found(lex, "Der Satellit sendet Wetterdaten.")) == []
    assert terms(found(lex, "Belarus ist ein Satellit Moskaus.")) == ["Satellit"]


def test_register_is_shown_apart_and_not_counted(folder):
    s = found(load_lexicon(folder), "Die Invasion und das Sanktionsregime prägen das Jahr.")
    assert terms(s) == ["Invasion", "Sanktionsregime"]
    assert s.own == () and s.loaded_per_1000 == 0.0 and len(s.own_conventional) == 2
    rec = s.record()
    assert rec["own_hits"] == 0 and rec["conventional_hits"] == 2
    assert sorted(h["register"] for h in rec["hits"]) == ["conventional", "technical"]


def test_packs_switched_on_by_the_manifest(folder):
    lex = load_lexicon(folder)
    assert lex.packs_on == ("migration",) and "[migration]" in lex.version
    ids = {e.id for e in lex.entries}
    assert {"mig-welle", "m-flut"} <= ids and "h-impf" not in ids
    assert "h-impf" in {e.id for e in load_lexicon(folder, extra_packs=("health",)).entries}
    core = load_lexicon(folder, packs=())
    assert not {"mig-welle", "m-flut"} & {e.id for e in core.entries}
    with pytest.raises(LexiconError, match="no pack 'sport'"):
        load_lexicon(folder, extra_packs=("sport",))


def test_teacher_two_column_list_gets_defaults_and_a_note(tmp_path):
    p = tmp_path / "klasse.csv"
    p.write_text("term,category\nSchandurteil,pejorative-label\nvöllig absurd,hyperbole\nAbzocke,pejorative-label\n",
                 encoding="utf-8")
    lex = load_lexicon(extra=(p,))
    mine = [e for e in lex.entries if e.origin.startswith(str(p))]
    assert [(e.id, e.match, e.leaning, e.weight) for e in mine] == [
        ("user-schandurteil", "compound", "target", 1.0), ("user-voellig-absurd", "phrase", "target", 1.0),
        ("user-abzocke", "compound", "target", 1.0)]
    assert all(e.explanation for e in mine)
    assert any("filled with defaults" in n and str(p) in n for n in lex.notes)
    assert "Schandurteil" in terms(found(lex, "Ein Schandurteil, sagen wir."))


def test_broken_list_names_every_problem_at_once(tmp_path):
    p = tmp_path / "kaputt.csv"
    p.write_text(HEADER.replace(",pack\n", "\n") +
                 "a1,Wort,fuzzy,hype,none,9,n,Weil.,loud,,re:(,\n"
                 "a2,,lemma,hyperbole,none,1,n,,,,,\n"
                 "a3,Gut,lemma,hyperbole,none,1\n", encoding="utf-8")
    with pytest.raises(LexiconError) as exc:
        load_lexicon(extra=(p,))
    msg = str(exc.value)
    for bit in (f"{p}:2: unknown match 'fuzzy'", f"{p}:2: unknown category 'hype'", f"{p}:2: weight 9 out of range",
                f"{p}:2: unknown register 'loud'", f"{p}:2: excludes: bad pattern", f"{p}:3: empty term",
                f"{p}:3: empty explanation", f"{p}:4: 6 fields where the header has 12"):
        assert bit in msg, bit
    assert msg.endswith("fix them all and run again")


def test_missing_columns_all_reported(tmp_path):
    p = tmp_path / "x.csv"
    p.write_text("id,weight,colour\n", encoding="utf-8")
    with pytest.raises(LexiconError) as exc:
        load_lexicon(extra=(p,))
    msg = str(exc.value)
    assert "unknown column 'colour'" in msg and "missing column 'term'" in msg and "missing column 'category'" in msg


def test_hundred_thousand_entries_load_in_seconds(tmp_path):
    p = tmp_path / "gross.csv"
    rows = [f"g{i},Wortbildung{i}x,compound,hyperbole,none,1,neutral,Weil.\n" for i in range(100_000)]
    p.write_text("id,term,match,category,leaning,weight,neutral,explanation\n" + "".join(rows), encoding="utf-8")
    t = time.process_time()  # CPU time: the machine may be shared
    lex = load_lexicon(extra=(p,))
    m = Matcher(lex)
    took = time.process_time() - t
    assert len(lex.entries) >= 100_000 and took < 10, took
    an = analyse(build_article("Die Wortbildung77x ist neu.", id="t", source="t", parse_header=False))
    assert [h.entry.id for h in m.find_hits(an)] == ["g77"]


def test_check_neutral_flags_a_loaded_neutral_wording(folder):
    (folder / "l.csv").write_text(HEADER + ROWS + "m-sonder,Sonderoperation,compound,war-terminology,none,2,"
                                  "Invasion; Angriff,Euphemismus.,,,,,\n", encoding="utf-8")
    problems = check_neutral(load_lexicon(folder))
    assert len(problems) == 1 and "m-sonder" in problems[0] and "'Invasion'" in problems[0]
    assert problems[0].startswith(f"{folder}/l.csv:7: ")


@pytest.mark.parametrize(("text", "expected"), [
    ("Am Jahrestag der Wiedervereinigung feierte Berlin.", []),
    ("Moskau feiert die Wiedervereinigung mit der Krim.", ["Wiedervereinigung"]),
    ("Der Satellit sendet Wetterdaten.", []),
    ("Wir gingen durch die historische Innenstadt.", []),
    ("Das ist ein historischer Tag für die Partei.", ["historisch"]),
    ("Eine Invasion von Nacktschnecken bedroht die Gärten.", []),
    ("Die Mannschaft mauerte nach der Führung.", []),
    ("Die Firma räumte dem Kunden ein Rückgaberecht und eine Frist ein.", []),
    ("Rapid gewann in Hütteldorf.", []),
    ("Die Besatzung der Raumstation kehrt zurück.", []),
    ("Die Besatzung der ukrainischen Gebiete dauert an.", ["Besatzung"]),
])
def test_shipped_lexicon_keeps_ordinary_senses_out(text, expected):
    from framing.lexicon import default_lexicon
    s = found(default_lexicon(), text)
    assert terms(s) == expected


def test_shipped_lexicon_registers_and_check():
    from framing.lexicon import default_lexicon
    lex = default_lexicon()
    reg = {e.id: e.register for e in lex.entries}
    assert reg["de-sanktionsregime"] == "technical"
    assert reg["de-angriffskrieg"] == reg["de-machthaber"] == reg["de-invasion"] == "conventional"
    assert check_neutral(lex) == []


@pytest.mark.parametrize(("text", "word"), [
    ("Der Heizungshammer trifft die Mieter.", "Heizungshammer"),
    ("Er schlug mit dem Vorschlaghammer zu.", ""),
    ("Die Olympischen Spiele in Lillehammer waren schön.", ""),
    ("Das Ampel-Chaos geht weiter.", "Ampel-Chaos"),
    ("Das Verkehrschaos legte die Stadt lahm.", ""),
    ("Der Regulierungswahn nimmt kein Ende.", "Regulierungswahn"),
    ("Sofort kam die Nazikeule.", "Nazikeule"),
    ("Es gab Hähnchenkeule mit Reis.", ""),
    ("Die Ökospinner sind wieder unterwegs.", "Ökospinner"),
    ("Der Ökostrom wird billiger.", ""),
    ("Die Politclowns streiten.", "Politclowns"),
    ("Der erzkonservative Bischof sprach.", "erzkonservative"),
    ("Der Plan ist brandgefährlich.", "brandgefährlich"),
    ("Der Patient kam in den Schockraum.", ""),
    ("Die Flüchtlingswelle überfordert die Gemeinden.", "Flüchtlingswelle"),
    ("Das Gigaset-Telefon klingelt.", ""),
])
def test_productive_patterns(text, word):
    from framing.lexicon import default_lexicon
    s = found(default_lexicon(), text)
    assert [h.surface for h in s.own] == ([word] if word else [])


def test_reporting_verb_and_doubt_marker_in_reported_speech_are_the_outlets():
    from framing.lexicon import default_lexicon
    s = found(default_lexicon(), "Die Ministerin fabuliert, die Regierung habe angeblich alles richtig gemacht.")
    voices = {h.entry.term: h.voice for h in s.hits}
    assert voices.get("fabulieren") == "outlet" and voices.get("angeblich") == "outlet"
    s = found(default_lexicon(), "Der Minister sagte, die Lage sei alarmierend.")
    assert {h.entry.term: h.voice for h in s.hits}.get("alarmierend") == "reported"


@pytest.mark.parametrize(("text", "expected"), [
    ("Er verharmlost die Lage.", ["verharmlost"]),
    ("Die Putinisten jubeln.", ["Putinisten"]),
    ("Die drakonische Strafe trifft alle.", ["drakonische"]),
    ("Mehr will er noch nicht verraten.", []),  # a verb is no noun: verraten is no Verrat
    ("Zudem war es oben etwas windig.", []),
    ("Er hat den Journalisten Rede und Antwort gestanden.", []),
])
def test_unknown_inflected_forms_and_ordinary_senses(text, expected):
    from framing.lexicon import default_lexicon
    assert [h.surface for h in found(default_lexicon(), text).own] == expected


def test_every_example_sentence_is_flagged():
    """Each team-written example sentence finds a hit (its own entry, or a more specific one
    that takes the same words): an entry whose example it cannot find is broken."""
    from framing.lexicon import load_lexicon
    lex = load_lexicon()
    lex = load_lexicon(packs=lex.packs)
    m = Matcher(lex)
    missed = [e.id for e in lex.entries if e.example and not m.find_hits(
        analyse(build_article(e.example, id="x", source="x", parse_header=False)))]
    assert sum(1 for e in lex.entries if e.example) >= 1500 and missed == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Der Minister räumte Fehler ein, die er gemacht hatte.", ["räumte Fehler ein"]),
    ("Die Behörde spielt die Gefahr herunter.", ["spielt die Gefahr herunter"]),
    ("Die Partei gaukelt den Wählern Sicherheit vor.", ["gaukelt den Wählern Sicherheit vor"]),
    ("Die so genannte Regierung sitzt im Exil.", ["so genannte"]),
    ("Er stellt das unter Beweis.", []),
])
def test_separable_verbs_and_phrase_forms(text, expected):
    from framing.lexicon import default_lexicon
    assert [h.surface for h in found(default_lexicon(), text).own] == expected

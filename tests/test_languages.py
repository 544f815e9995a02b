"""Language as data: German is a `Language` object; a second language plugs in without edits
to the pipeline modules (a toy language, test-only)."""

from __future__ import annotations

import ast
import dataclasses
import warnings
from pathlib import Path

import pytest

import framing
from framing import api, languages
from framing.articles import build_article
from framing.languages import UNDETERMINED, Language, get_language
from framing.outlets import OutletSignal, infer_outlet
from framing.settings import Settings, SettingsError

GERMAN_TEXT = ("Der Kanzler hat am Montag in Berlin gesagt, dass die Regierung die Hilfe für die Ukraine "
               "weiter ausbauen wird. Die Opposition kritisierte das als zu wenig und forderte mehr.")
# a made-up language: its function words are "zo ka mi lu ve"
TOY_TEXT = " ".join(["Zo ka mi grimbold lu ve zo ka."] * 4)


@pytest.fixture
def toy(monkeypatch: pytest.MonkeyPatch) -> Language:
    lang = Language(code="xx", name="Toyish", lemmatize=str.lower, is_known=lambda w: False,
                    function_words=frozenset("zo ka mi lu ve".split()), min_share=0.3,
                    lists={"speech_verbs": frozenset({"blorpen"})}, lexicon="de")
    monkeypatch.setitem(languages._REGISTERED, "xx", lang)
    return lang


def test_german_is_a_language_object_holding_the_word_lists():
    de = get_language("de")
    assert de.code == "de" and "de" in languages.shipped()
    assert de.lemmatize("Kriegen") == "Krieg" and de.is_known("Regierung")
    for name in ("speech_verbs", "abbreviations", "months", "stopwords", "prepositions", "articles",
                 "letter_folds", "umlauts", "day_marks", "numeric_date_formats", "writer_speakers",
                 "phrase_loading_words", "speaker_function_words", "own_list_wording", "built_in_rules",
                 "hyphen_coordinators", "gender_marks", "gender_plural_endings", "gender_singular_endings",
                 "lower_letters_beyond_ascii", "upper_letters_beyond_ascii"):
        assert de.words(name), name
    assert "sagen" in de.words("speech_verbs") and "usw" in de.words("abbreviations")
    assert de.looks_like(GERMAN_TEXT)[0] and not de.looks_like("The chancellor said on Monday that the "
                                                                 "government would expand its aid to Ukraine "
                                                                 "and the opposition called it too little.")[0]


def test_an_unknown_language_is_refused():
    with pytest.raises(SettingsError, match="language 'xx' is not supported"):
        Settings(language="xx")


def test_a_second_language_plugs_in_without_editing_the_pipeline(toy: Language, tmp_path):
    words = tmp_path / "toy.csv"
    words.write_text("term,category\ngrimbold,hyperbole\n", encoding="utf-8")
    s = Settings(language="xx", stance=False, extra_lexicons=(str(words),))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        arts = list(framing.read([{"id": "t", "text": TOY_TEXT}, {"id": "g", "text": GERMAN_TEXT}], s))
    assert [(a.id, a.language) for a in arts] == [("t", "xx"), ("g", UNDETERMINED)]
    assert any("does not look like Toyish" in str(w.message) for w in caught)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the lexicon's note on its missing columns, the German text again
        recs = {r.id: r for r in framing.score(arts, s)}
    assert recs["t"].own_hits == 4 and [t.term for t in recs["t"].top_terms] == ["grimbold"]
    assert recs["g"].own_hits == 0  # the German text is read, not scored, in a Toyish run
    # the same texts in a German run: the other way round
    de = Settings(stance=False, extra_lexicons=(str(words),))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert [a.language for a in framing.read([{"text": TOY_TEXT}, {"text": GERMAN_TEXT}], de)] == \
            [UNDETERMINED, "de"]


# --- the stages take their word lists from the run's language (Settings.language) -------------

THREADED_TEXT = ("Die Lage ist ernst. Der Minister betonte, die Hilfe werde fortgesetzt. Das sei Panikmache, "
                 "betonte Kpt. Müller am Montag.")


def _derived(monkeypatch: pytest.MonkeyPatch, code: str, **changed: frozenset[str]) -> Language:
    """German with some word lists changed, registered under `code` for this test only."""
    de = get_language("de")
    lang = dataclasses.replace(de, code=code, name=f"German ({code})", lists={**de.lists, **changed}, lexicon="de")
    monkeypatch.setitem(languages._REGISTERED, code, lang)
    return lang


def test_a_speech_verb_the_language_lacks_frames_no_quotation(monkeypatch: pytest.MonkeyPatch):
    de = get_language("de")
    _derived(monkeypatch, "de-x-nobetonen", speech_verbs=de.words("speech_verbs") - {"betonen"})
    german = list(api.quotations([{"text": THREADED_TEXT}], Settings(stance=False)))
    assert next((q["speaker"], q["cue"]) for q in german) == ("Minister", "betonte")
    assert {q["cue"] for q in german} == {"betonte"}
    other = list(api.quotations([{"text": THREADED_TEXT}], Settings(language="de-x-nobetonen", stance=False)))
    assert other and all(q["kind"] == "reported" for q in other)  # still reported speech (Konjunktiv) …
    assert {q["cue"] for q in other} == {""}  # … but "betonte" cues nothing
    assert other[0]["speaker"] == ""  # and "Der Minister betonte, …" names no speaker
    # (a fronted Konjunktiv clause takes the subject after any verb that follows it: "Das sei
    # Panikmache, betonte Kpt." keeps "Kpt", with no cue)


def test_an_abbreviation_the_language_adds_ends_no_sentence(monkeypatch: pytest.MonkeyPatch):
    de = get_language("de")
    _derived(monkeypatch, "de-x-kpt", abbreviations=de.words("abbreviations") | {"kpt"})
    german = next(api.article_records([{"text": THREADED_TEXT}], Settings(stance=False)))
    other = next(api.article_records([{"text": THREADED_TEXT}], Settings(language="de-x-kpt", stance=False)))
    assert (german["sentences"], other["sentences"]) == (4, 3)  # "Kpt." ends a sentence in German only


def _hits(text: str, language: str) -> list[tuple[str, str]]:
    [rec] = framing.score([{"text": text}], Settings(language=language, stance=False))
    return [(h.term, h.entry) for h in rec.hits]


@pytest.mark.parametrize(("lists", "text", "german"), [
    # ß written as ss: simplemma lemmatises "goss" as "giessen", the entry says "gießen"
    ({"letter_folds": ()}, "Er goss damit Öl ins Feuer.", [("goss damit Öl ins Feuer", "de-oel-ins-feuer-giessen")]),
    # the stem of a separable verb: "sägt … ab" is "absägen"
    ({"separable_stem_endings": ()}, "Sie sägt den Ast ab, auf dem sie sitzt.",
     [("sägt den Ast ab", "de-ast-absaegen")]),
    # a comparative is its lemma umlauted: "stärker" of "stark"
    ({"umlauts": ()}, "Die Spannungen könnten kaum stärker sein.", [("kaum stärker sein", "kaum-komparativ")]),
    # the genitive of a name: "Wagenknechts" is Sahra Wagenknecht's, no "Knecht"
    ({"genitive_name_endings": ()}, "Gestern sprach Sahra Wagenknecht in Berlin. Wagenknechts Partei wuchs.", []),
])
def test_the_matcher_reads_letters_and_endings_from_the_language(monkeypatch: pytest.MonkeyPatch,
                                                                 lists: dict[str, tuple[str, ...]], text: str,
                                                                 german: list[tuple[str, str]]):
    code = "de-x-no-" + "-".join(lists).replace("_", "")  # one code per language: runs cache by settings
    _derived(monkeypatch, code, **lists)  # type: ignore[arg-type]
    assert _hits(text, "de") == german
    assert _hits(text, code) != german


def test_the_matchers_morphology_is_the_languages():
    from framing.matching import _morphology

    m = _morphology(get_language("de"))
    assert m.fold("Großmaul") == "grossmaul".capitalize()
    assert (m.umlauted("fallen"), m.umlauted("sagen"), m.umlauted("Fallen")) == ("fällen", "sägen", "Fallen")
    assert m.separable("absägen") == ("ab", "sägen") and m.separable("runtergehen") == ("runter", "gehen")
    assert m.separable("abgabe") == ("", "")
    assert m.adjective_final_letters == frozenset("emnrs")  # "dem Dritten": the phrase "Dritter Weltkrieg"
    # the built-in rules read in the language's wording; a language without it shows their ids
    assert m.claimed.term == "wollen + Infinitiv Perfekt (will … gesehen haben)" and m.claimed.weight == 1.5
    assert m.scare_quote.neutral == ("das Wort ohne Anführungszeichen", "die Quelle des Wortes nennen")
    de = get_language("de")
    bare = _morphology(dataclasses.replace(de, lists={**de.lists, "built_in_rules": {}}))
    assert (bare.claimed.term, bare.claimed.explanation, bare.claimed.weight) == ("wollen-perfekt", "", 1.5)


def test_dates_in_text_are_read_in_the_languages_formats(monkeypatch: pytest.MonkeyPatch):
    from framing.events import dates_named

    text = "Am 26. September 2022 (9/26/2022 oder 26.09.2022) und am 2022-09-27."
    german = ["2022-09", "2022-09-26", "2022-09", "2022-09-26", "2022-09", "2022-09-27"]
    assert dates_named(text, language=get_language("de")) == german
    # day after month in digits, no mark after a day: "26." is no day, 26.09.2022 no date, 9/26/2022 one
    other = _derived(monkeypatch, "de-x-dates", numeric_date_formats=("M/D/Y",), day_marks=())  # type: ignore[arg-type]
    assert dates_named(text, language=other) == ["2022-09", "2022-09", "2022-09-26", "2022-09", "2022-09-27"]
    bad = _derived(monkeypatch, "de-x-bad", numeric_date_formats=("D.M.",))  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="needs D"):
        dates_named(text, language=bad)


def test_speakers_are_compared_in_the_language(monkeypatch: pytest.MonkeyPatch):
    from framing.quote_eval import same_speaker

    # German: "Der" names no one, "Müller" keeps its umlaut
    assert not same_speaker("Der Minister", "Der Sprecher") and not same_speaker("Müller", "Muller")
    bare = _derived(monkeypatch, "de-x-bare", speaker_function_words=frozenset(), umlauts=())  # type: ignore[arg-type]
    assert same_speaker("Der Minister", "Der Sprecher", bare) and same_speaker("Müller", "Muller", bare)


def test_the_tokenizer_reads_the_languages_coordinators_and_gender_forms(monkeypatch: pytest.MonkeyPatch):
    """The hyphen kept before a coordinator ("Asyl- sowie …") and the gendered forms kept together
    and folded ("Bürger*innen", "LehrerInnen") come from the language's lists, not from the code."""
    from framing.text import token_norm, tokenize

    de = get_language("de")
    text = "Die Asyl- sowie Migrationspolitik betrifft Bürger*innen und LehrerInnen."

    def surfaces(lang: Language) -> list[str]:
        return [t.text for t in tokenize(text, lang).tokens]

    german = surfaces(de)
    assert german[1:4] == ["Asyl-", "sowie", "Migrationspolitik"] and "Bürger*innen" in german
    assert token_norm("Bürger*innen") == "Bürger" and token_norm("LehrerInnen", de) == "Lehrer"
    no_sowie = _derived(monkeypatch, "de-x-nosowie",
                        hyphen_coordinators=tuple(c for c in de.sequence("hyphen_coordinators") if c != "sowie"))  # type: ignore[arg-type]
    assert surfaces(no_sowie)[1:5] == ["Asyl", "-", "sowie", "Migrationspolitik"]
    no_marks = _derived(monkeypatch, "de-x-nomarks", gender_marks=())  # type: ignore[arg-type]
    assert surfaces(no_marks)[5:8] == ["Bürger", "*", "innen"]
    no_plural = _derived(monkeypatch, "de-x-noplural", gender_plural_endings=())  # type: ignore[arg-type]
    assert token_norm("LehrerInnen", no_plural) == "LehrerInnen" and token_norm("Lehrer*in", no_plural) == "Lehrer"
    assert token_norm("Bürger*innen", no_plural) == "Bürger*innen"


def test_every_list_a_stage_asks_for_is_in_german():
    """A misspelt list name would silently be empty: every name the stages ask for exists."""
    from framing.actors import _lists
    from framing.articles import _boilerplate
    from framing.compare import _anonymous
    from framing.events import event_words
    from framing.matching import _morphology
    from framing.outlets import _cues
    from framing.quote_eval import _speaker_rules
    from framing.quotes import _words
    from framing.stance import _writer_speakers
    from framing.targets import _rules
    from framing.text import TextLayer

    class Strict(dict):  # type: ignore[type-arg]
        def get(self, key, default=None):  # type: ignore[no-untyped-def]
            assert key in self, f"German has no list '{key}'"
            return super().get(key)

    de = get_language("de")
    strict = dataclasses.replace(de, lists=Strict(de.lists))
    for make in (TextLayer, _words, _rules, _lists, _morphology, event_words, _anonymous, _writer_speakers,
                 _speaker_rules, _boilerplate, _cues):
        make(strict)


SCRAPED = ("Ein Titel über den Gipfel\n\nVon Anna Muster und Ben Beispiel\nLesen Sie auch: Ein anderer Text\n"
           "Der Gipfel begann am Montag in der Hauptstadt mit einer langen Rede. (abc)\nQuelle: RT DE\n")


def test_boilerplate_and_outlet_cues_are_the_languages():
    """Bylines, furniture lines, source lines and agency codes are read with the language's lists."""
    de = get_language("de")
    german = build_article(SCRAPED, id="t", source="t", language=de)
    assert [r.rule for r in german.removed] == ["byline", "also-interesting", "author-code", "source-line"]
    assert (german.author, german.outlet, german.outlet_evidence) == (
        "Anna Muster und Ben Beispiel", "RT DE", 'source line "Quelle: RT DE"')
    bare = dataclasses.replace(de, lists={**de.lists, "byline_openers": (), "boilerplate_lines": (),
                                          "source_line_labels": ("Herkunft",)})
    other = build_article(SCRAPED, id="t", source="t", language=bare)
    assert [r.rule for r in other.removed] == ["author-code"]
    assert other.author is None and other.outlet is None
    assert "Lesen Sie auch" in other.text and "Von Anna Muster" in other.text
    reprint = "Ein Bericht über den Gipfel.\nDies berichtet das Magazin \"RT DE\" am Montag."
    assert infer_outlet(reprint, None, None, [], de) == OutletSignal(
        "RT DE", 'reprint formula "Dies berichtet das Magazin "RT DE""', True)
    assert infer_outlet(reprint, None, None, [], dataclasses.replace(de, lists={**de.lists, "reprint_media": ()})) \
        is None
    body = "Der Gipfel begann am Montag in der Hauptstadt mit einer langen Rede über vieles."
    footer = build_article(f"{body}\nMehr zum Thema – Ein anderer Gipfel\n", id="t", source="t", language=de)
    assert (footer.outlet, footer.outlet_evidence) == ("RT DE", 'house style: footer "Mehr zum Thema – …" (RT DE)')
    ippen = build_article(f"KommentareDrucken\n{body} (abc)\n", id="t", source="t", language=de)
    assert (ippen.outlet, ippen.outlet_evidence) == (
        "Ippen Media", 'house style: "KommentareDrucken" and author code "(abc)" (Ippen Media)')
    assert build_article(f"KommentareDrucken\n{body}\n", id="t", source="t", language=de).outlet is None
    styleless = dataclasses.replace(de, lists={**de.lists, "house_styles": ()})
    assert build_article(f"{body}\nMehr zum Thema – x\n", id="t", source="t", language=styleless).outlet is None


def test_no_module_outside_the_language_package_imports_a_language_module():
    """The stages get a language object (from Settings.language); none imports German itself."""
    root = Path(framing.__file__).parent
    shipped = set(languages.shipped())
    found = []
    for path in sorted(root.rglob("*.py")):
        if path.parent.name == "languages":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                names = {a.name for a in node.names}
                if node.module.startswith("framing.languages.") or (
                        node.module == "framing.languages" and names & shipped):
                    found.append(f"{path.relative_to(root)}: from {node.module} import {', '.join(sorted(names))}")
            elif isinstance(node, ast.Import):
                found += [f"{path.relative_to(root)}: import {a.name}" for a in node.names
                          if a.name.startswith("framing.languages.")]
    assert found == []


def _code_strings(path: Path) -> list[tuple[int, str]]:
    """String constants of a module's code: no docstrings, no list names asked of a language."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr) \
                and isinstance(body[0].value, ast.Constant) and isinstance(body[0].value.value, str):
            skip.add(id(body[0].value))  # a docstring
        if isinstance(node, ast.Call) and (
                (isinstance(node.func, ast.Name) and node.func.id == "w")
                or (isinstance(node.func, ast.Attribute) and node.func.attr in ("words", "sequence", "table"))):
            skip.update(id(a) for a in node.args)  # a list's name: w("speech_verbs")
    return [(n.lineno, n.value) for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in skip]


def test_the_quotation_finder_holds_no_german_words():
    """Every German word, ending and pattern fragment the quotation finder tests is a list of the
    language (framing/languages/de.py): its code holds none."""
    de = get_language("de")
    german: set[str] = set()
    for name, value in de.lists.items():
        if name in ("built_in_rules", "own_list_wording"):
            continue  # wording shown to the user (keyed by rule ids such as "scare-quote"), not words tested
        items = value.items() if isinstance(value, dict) else value
        for item in items:
            for x in (item if isinstance(item, tuple) else (item,)):
                if isinstance(x, str):
                    german |= {m.lower() for m in languages.WORD_RE.findall(x)}
    german -= {"e", "t", "s"}  # (single letters of regex classes: \s, \t, …)
    # not words: an attribute name, the code letters of "dass"/"ob" (`_code`), a slot name
    allowed = {"text", "[,DO]", "[DO]", "_max_end"}
    found = [(line, s) for line, s in _code_strings(Path(framing.__file__).parent / "quotes.py")
             if s not in allowed and (any(m.lower() in german for m in languages.WORD_RE.findall(s) if len(m) > 1)
                                      or any(c in s for c in "äöüÄÖÜß"))]
    assert found == []


def test_the_quotation_rules_read_their_forms_from_the_language(monkeypatch: pytest.MonkeyPatch):
    """Konjunktiv endings, the charge of "warf … vor" and capital letters come from the lists:
    without the Konjunktiv rule "plane" reports nothing."""
    from framing.quotes import _words

    de = get_language("de")
    w = _words(de)
    assert ("en", "e", 0) in w.konj1_rules and w.charge_particles["werfen"] == "vor"
    assert w.turn_re.search("Frage: Warum?\nÖzdemir: Weil …") is not None
    assert "Ö" in w.upper and w.name_after_role_re.match(" Özlem Türeci")
    text = "Der Minister sagte, die Hilfe plane man neu. China warf der Regierung Heuchelei vor."
    german = {(q["kind"], q["text"]) for q in api.quotations([{"text": text}], Settings(stance=False))}
    assert ("reported", "der Regierung Heuchelei") in german
    _derived(monkeypatch, "de-x-nokonj", konj1_from_infinitive=())  # type: ignore[arg-type]
    other = {(q["kind"], q["text"]) for q in api.quotations([{"text": text}],
                                                             Settings(language="de-x-nokonj", stance=False))}
    assert ("reported", "die Hilfe plane man neu") in german and ("reported", "die Hilfe plane man neu") not in other


def test_a_language_module_defines_each_list_once():
    """A second `NAME = …` in de.py silently replaces the first (this happened twice when work on
    two modules met: the matcher's and the quotation finder's infinitive endings)."""
    folder = Path(framing.__file__).parent / "languages"
    for module in sorted(folder.glob("*.py")):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        names = [t.id for node in tree.body if isinstance(node, (ast.Assign, ast.AnnAssign))
                 for t in (node.targets if isinstance(node, ast.Assign) else [node.target])
                 if isinstance(t, ast.Name)]
        assert [n for n in set(names) if names.count(n) > 1] == [], module.name


BOILERPLATE_TEXT = "Der Minister reiste nach Prag.\nArtikel teilen\nDort traf er die Regierungschefin."


@pytest.mark.parametrize("suffix", [".txt", ".csv", ".jsonl"])
def test_files_are_read_with_the_boilerplate_rules_of_the_run_language(monkeypatch: pytest.MonkeyPatch,
                                                                        tmp_path, suffix: str):
    import json

    from framing.readers import ReadOptions, read_articles

    de = get_language("de")
    lines = tuple(r for r in de.sequence("boilerplate_lines") if r[0] != "print-share")
    _derived(monkeypatch, "de-x-keepshare", boilerplate_lines=lines)  # type: ignore[arg-type]
    path = tmp_path / f"a{suffix}"
    if suffix == ".txt":
        path.write_text(BOILERPLATE_TEXT, encoding="utf-8")
    elif suffix == ".csv":
        path.write_text('id,text\na,"' + BOILERPLATE_TEXT + '"\n', encoding="utf-8")
    else:
        path.write_text(json.dumps({"id": "a", "text": BOILERPLATE_TEXT}, ensure_ascii=False) + "\n",
                        encoding="utf-8")

    def body(language: str) -> str:
        [a] = read_articles([str(path)], ReadOptions(language=language)).articles
        return a.text

    assert "Artikel teilen" not in body("de")  # a share button's line, removed in German …
    assert "Artikel teilen" in body("de-x-keepshare")  # … kept by a language without that rule
    assert "Artikel teilen" in next(api.article_records([{"text": BOILERPLATE_TEXT}],
                                                        Settings(language="de-x-keepshare", stance=False)))["text"]

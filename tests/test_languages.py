"""Language as data: German is a `Language` object; a second language plugs in without edits
to the pipeline modules (a toy language, test-only)."""

from __future__ import annotations

import warnings

import pytest

import framing
from framing import languages
from framing.languages import UNDETERMINED, Language, get_language
from framing.settings import Settings, SettingsError

GERMAN_TEXT = ("Der Kanzler hat am Montag in Berlin gesagt, dass die Regierung die Hilfe für die Ukraine "
               "weiter ausbauen wird. Die Opposition kritisierte das als zu wenig und forderte mehr.")
# a made-up language: its function words are "zo ka mi lu ve"
TOY_TEXT = " ".join(["Zo ka mi grimbold lu ve zo ka."] * 4)


@pytest.fixture
def toy(monkeypatch: pytest.MonkeyPatch) -> Language:
    lang = Language(code="xx", name="Toyish", lemmatize=str.lower, is_known=lambda w: False,
                    function_words=frozenset("zo ka mi lu ve".split()), min_share=0.3,
                    lists={"speech_verbs": frozenset({"blorpen"})})
    monkeypatch.setitem(languages._REGISTERED, "xx", lang)
    return lang


def test_german_is_a_language_object_holding_the_word_lists():
    de = get_language("de")
    assert de.code == "de" and "de" in languages.shipped()
    assert de.lemmatize("Kriegen") == "Krieg" and de.is_known("Regierung")
    for name in ("speech_verbs", "abbreviations", "months", "stopwords", "prepositions", "articles"):
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

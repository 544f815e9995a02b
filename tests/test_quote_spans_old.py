"""Span classes of the older convention of speech representation (unquoted direct speech,
dialogue transcripts, reported thought, zu-infinitives) and negatives from ordinary news
narration that must stay in the outlet's voice. All sentences are written by the team."""

from framing.quotes import find_quotes
from framing.text import tokenize


def spans(text: str, kind: str) -> list[str]:
    return [q.text for q in find_quotes(tokenize(text)) if q.kind == kind]


def test_speech_after_colon_ends_when_narration_resumes() -> None:
    text = ("Die Wache lief zum Tor und rief: Alle Mann heraus! Auf diesen Ruf eilten viele Soldaten "
            "aus der Kaserne.")
    assert spans(text, "direct") == ["Alle Mann heraus!"]


def test_speech_after_colon_goes_on_while_it_speaks() -> None:
    text = ("Der Bürgermeister sagte: Wir danken allen Helfern. Ich hoffe, Sie kommen im Herbst wieder. "
            "Dann ging er nach Hause.")
    assert spans(text, "direct") == ["Wir danken allen Helfern. Ich hoffe, Sie kommen im Herbst wieder."]


def test_speech_set_off_below_the_colon_is_the_whole_paragraph() -> None:
    text = ("Die Ministerin sagte in einem Video:\n\nEs kursieren Aufrufe zum Umsturz. Gruppen formieren "
            "sich offen. Das ist eine Gefahr.\n\nDie Polizei ermittelt.")
    assert spans(text, "direct") == ["Es kursieren Aufrufe zum Umsturz. Gruppen formieren sich offen. "
                                     "Das ist eine Gefahr."]


def test_speech_noun_with_indefinite_article_frames_no_speech() -> None:
    text = "Die Koalition steckt in der Krise und braucht eine Antwort: Wie geht es weiter nach der Wahl?"
    assert spans(text, "direct") == []


def test_written_text_after_colon_runs_to_the_paragraph_end() -> None:
    text = ("Die „Landeszeitung“ schreibt: Der Markt war gut besucht. Die Händler verkauften viel Obst. "
            "Am Abend regnete es.\n\nNeuer Absatz.")
    assert spans(text, "direct") == [
        "Der Markt war gut besucht. Die Händler verkauften viel Obst. Am Abend regnete es."]


def test_first_person_after_colon_is_direct_not_reported() -> None:
    text = "Der Anwalt sagt sodann zu dem Mann: Ich habe Ihnen erklärt, dass Sie schweigen dürfen."
    assert spans(text, "direct") == ["Ich habe Ihnen erklärt, dass Sie schweigen dürfen."]


def test_dialogue_transcript_turns_are_direct_speech() -> None:
    text = ("Vors.: Wo waren Sie am Abend des Brandes? — Angekl.: Ich war zu Hause bei meiner Frau.\n\n"
            "Vors.: Können Sie das beweisen?\n\n"
            "Zeuge: Ja, ich habe ihn dort gesehen.")
    got = spans(text, "direct")
    assert "Wo waren Sie am Abend des Brandes?" in got
    assert "Ich war zu Hause bei meiner Frau." in got
    assert "Ja, ich habe ihn dort gesehen." in got


def test_labels_of_a_news_page_are_no_dialogue() -> None:
    text = ("Foto: Agentur Müller\n\nQuelle: eigene Recherche der Redaktion\n\n"
            "Lesen Sie auch: Wie der Hafen wächst und wer daran verdient")
    assert spans(text, "direct") == []


def test_paper_names_in_quotes_are_titles_not_speech() -> None:
    text = "Der „Neue Kurier“ glaubt nicht an eine Krise, und die „Abendpost“ meldet dasselbe."
    assert spans(text, "direct") == []
    assert set(spans(text, "title")) == {"Neue Kurier", "Abendpost"}


def test_partial_quotation_after_speech_verb_stays_the_speakers() -> None:
    text = "Der Minister sprach von einem „Heißen Herbst“ und warnte vor Streiks."
    assert spans(text, "direct") == ["Heißen Herbst"]


def test_thought_verb_frames_its_dass_clause() -> None:
    text = "Der Rat hat nicht vergessen, dass die Brücke seit Jahren baufällig ist."
    assert spans(text, "reported") == ["dass die Brücke seit Jahren baufällig ist"]


def test_zu_infinitive_after_speech_verb_is_reported() -> None:
    text = "Der Händler behauptete, die Ware rechtzeitig geliefert zu haben."
    assert spans(text, "reported") == ["die Ware rechtzeitig geliefert zu haben"]


def test_zu_infinitive_without_comma_is_reported() -> None:
    text = "Man hofft schon im August die erste Probe vornehmen zu können."
    assert spans(text, "reported") == ["schon im August die erste Probe vornehmen zu können"]


def test_content_noun_in_old_spelling_frames_its_clause() -> None:
    text = "Wir sind durchdrungen von der Ueberzeugung, daß die Stadt wachsen wird."
    assert spans(text, "reported") == ["daß die Stadt wachsen wird"]


def test_reported_speech_inside_a_quotation() -> None:
    text = "„Ich habe dem Wirt gesagt, dass er den Saal früher öffnen soll“, erzählte die Köchin."
    assert "dass er den Saal früher öffnen soll" in spans(text, "reported")


def test_purpose_and_precept_konjunktiv_is_no_report() -> None:
    assert spans("Man legt ein Brett unter, damit der Schuh länger halte.", "reported") == []
    assert spans("Bei Frost breche man die Pilze sofort ab.", "reported") == []


def test_interview_turns_inside_one_paragraph() -> None:
    text = ("Sie stellen in vielen Museen aus. Gab es Probleme? Keller: Ich bin vorsichtig mit dem Wort. "
            "ZEITUNG: Also keine? Keller: Doch, ich habe das erlebt. ZEITUNG: Wann war das?")
    got = spans(text, "direct")
    assert "Ich bin vorsichtig mit dem Wort." in got
    assert "Doch, ich habe das erlebt." in got
    assert not any("Museen" in g for g in got)


def test_apostrophe_after_a_space_opens_no_quotation() -> None:
    text = "Zur Zeit Napoleon 's machte er Reisen durch das Land, und der Ruhm wuchs stetig."
    assert [q for q in find_quotes(tokenize(text)) if q.kind != "reported"] == []


def test_closing_mark_without_opening_ends_a_quotation() -> None:
    text = "Der Brief lautet weiter.\n\nIch kam spät nach Hause und fand die Tür offen.“\n\nSo weit der Brief."
    assert spans(text, "direct") == ["Ich kam spät nach Hause und fand die Tür offen."]


def test_quotation_over_paragraphs_is_split_by_paragraph() -> None:
    text = "Er sagte: „Wir bleiben hier.\n\nWir gehen nicht weg.“ Dann schwieg er."
    got = [q for q in find_quotes(tokenize(text)) if q.kind == "direct"]
    assert [q.text for q in got] == ["Wir bleiben hier.", "Wir gehen nicht weg."]
    assert len({q.speaker for q in got}) == 1


def test_inquit_with_any_verb_names_the_speaker() -> None:
    got = [q for q in find_quotes(tokenize("„Ja, das Haus ist schön“, nickte Briesack.")) if q.kind == "direct"]
    assert [(q.text, q.speaker) for q in got] == [("Ja, das Haus ist schön", "Briesack")]


def test_speech_verb_in_old_spelling() -> None:
    text = "Die Zeitung theilt folgende Erzählung mit:\n\nAm Morgen standen zwei Knechte auf der Tenne."
    assert spans(text, "direct") == ["Am Morgen standen zwei Knechte auf der Tenne."]


def test_work_titles_in_quotes_are_no_speech() -> None:
    text = "Der Verein spielte, wie der Leiter sagte, die Oper „Die lustigen Weiber von Windsor“ im Saal."
    assert spans(text, "direct") == []


# ordinary news narration: must stay in the outlet's voice
NEWS_NARRATION = [
    "Die Stadt plant, den Hafen bis 2030 zu erweitern, um mehr Container umzuschlagen.",
    "Am Montag fanden sich rund 300 Menschen vor dem Rathaus ein: Sie forderten bessere Busse.",
    "Die Bilanz: Drei Verletzte, zwei zerstörte Autos und ein gesperrter Tunnel.",
    "Der Verein hat im Sommer einen neuen Platz gebaut, der nun allen offensteht.",
    "Wer das Museum besuchen will, sollte früh kommen, denn die Schlange ist lang.",
]


def test_news_narration_stays_own_voice() -> None:
    for text in NEWS_NARRATION:
        got = [q for q in find_quotes(tokenize(text)) if q.kind in ("direct", "reported")]
        assert got == [], (text, got)


def test_narration_after_speech_in_a_one_paragraph_article_stays_own_voice() -> None:
    # wire copy without paragraphs: the words after the colon end with their sentence
    text = ("Es war schade, sagte der Trainer: Ein Punkt hätte uns gut getan. Dem Gegner gelang dagegen "
            "ein klarer Sieg. Die Fans feierten bis in die Nacht.")
    got = [q.text for q in find_quotes(tokenize(text)) if q.kind in ("direct", "reported")]
    assert any(g.startswith("Ein Punkt hätte uns gut getan") for g in got)
    assert not any("Gegner" in g or "Fans" in g for g in got)

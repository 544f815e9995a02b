import pytest

from framing.text import lemmatise, normalise, split_sentences, token_norm, tokenize

# (text, expected sentences) – written by the team for the German traps the splitter must handle
SENTENCE_CASES = [
    ("Putin reiste ab. Kim blieb.", ["Putin reiste ab.", "Kim blieb."]),
    ("Das gilt z. B. für Iran. Danach kam China.", ["Das gilt z. B. für Iran.", "Danach kam China."]),
    ("Das gilt z.B. für Iran. Danach kam China.", ["Das gilt z.B. für Iran.", "Danach kam China."]),
    ("Er sprach mit Dr. Müller. Sie schwieg.", ["Er sprach mit Dr. Müller.", "Sie schwieg."]),
    ("Prof. Dr. Schmidt widersprach.", ["Prof. Dr. Schmidt widersprach."]),
    ("Putin reist am 12. September nach Wladiwostok.", ["Putin reist am 12. September nach Wladiwostok."]),
    ("Die Erklärung vom 4. Februar war klar. Danach folgte nichts.",
     ["Die Erklärung vom 4. Februar war klar.", "Danach folgte nichts."]),
    ("Das Treffen fand am 5. Mai statt.", ["Das Treffen fand am 5. Mai statt."]),
    ("Resolution Nr. 5 wurde angenommen. Russland stimmte dagegen.",
     ["Resolution Nr. 5 wurde angenommen.", "Russland stimmte dagegen."]),
    ("Genannt wurden u. a. Iran und China. Das überrascht.",
     ["Genannt wurden u. a. Iran und China.", "Das überrascht."]),
    ("Die Waffen (in der Ukraine, Anm. d. Red.) kamen an. Dann nicht mehr.",
     ["Die Waffen (in der Ukraine, Anm. d. Red.) kamen an.", "Dann nicht mehr."]),
    ("John F. Kennedy sprach in Berlin.", ["John F. Kennedy sprach in Berlin."]),
    ("Es war der 2. Weltkrieg. Viele starben.", ["Es war der 2. Weltkrieg.", "Viele starben."]),
    ("Die Zahl stieg auf 2019. Danach sank sie.", ["Die Zahl stieg auf 2019.", "Danach sank sie."]),
    ("Wer zahlt? Die USA.", ["Wer zahlt?", "Die USA."]),
    ("Das ist unerhört! Moskau protestiert.", ["Das ist unerhört!", "Moskau protestiert."]),
    ('"Wir haben nichts zu sagen." Peskow ging.', ['"Wir haben nichts zu sagen."', "Peskow ging."]),
    ("„Wir erwarten viel.“ Shin nickte.", ["„Wir erwarten viel.“", "Shin nickte."]),
    ("„Hilfe!“, rief er laut.", ["„Hilfe!“, rief er laut."]),
    ("Werkzeugmaschinen, Mikroelektronik ... Optik für Panzer.",
     ["Werkzeugmaschinen, Mikroelektronik ... Optik für Panzer."]),
    ("USA in Alarmstimmung\n\nDie Medien berichten.", ["USA in Alarmstimmung", "Die Medien berichten."]),
    ("Zwei Diktatoren unter sich\nPutin begrüßt Kim.", ["Zwei Diktatoren unter sich", "Putin begrüßt Kim."]),
    ("Er erklärte:\n\n\"Wir beobachten.\"", ["Er erklärte:", '"Wir beobachten."']),
    ("Der Preis liegt bei 4,8 Mio. Euro. Das ist viel.", ["Der Preis liegt bei 4,8 Mio. Euro.", "Das ist viel."]),
    ("Es kamen ca. 10.000 Container. Mehr nicht.", ["Es kamen ca. 10.000 Container.", "Mehr nicht."]),
    ("Das ist die sog. Sonderoperation. Sie dauert an.",
     ["Das ist die sog. Sonderoperation.", "Sie dauert an."]),
    ("Vgl. Abs. 3 des Vertrags. Mehr steht dort nicht.",
     ["Vgl. Abs. 3 des Vertrags.", "Mehr steht dort nicht."]),
    ("Die Lage bzw. die Stimmung kippte. Moskau reagierte.",
     ["Die Lage bzw. die Stimmung kippte.", "Moskau reagierte."]),
    ("Er wartete… Dann ging er.", ["Er wartete…", "Dann ging er."]),
    ("Im 19. Jh. war das anders. Heute nicht.", ["Im 19. Jh. war das anders.", "Heute nicht."]),
    ("Sie kam um 9 Uhr. Er kam später.", ["Sie kam um 9 Uhr.", "Er kam später."]),
    ("", []),
    ("   \n\n  ", []),
]


@pytest.mark.parametrize(("text", "expected"), SENTENCE_CASES)
def test_sentences(text, expected):
    assert [text[a:b] for a, b in split_sentences(text)] == expected


def test_at_least_thirty_sentence_cases():
    assert len(SENTENCE_CASES) >= 30


@pytest.mark.parametrize(
    ("surface", "lemma"),
    [("Autokraten", "Autokrat"), ("Diktatoren", "Diktator"), ("behauptete", "behaupten"),
     ("alarmierte", "alarmieren"), ("Gegnern", "Gegner"), ("US-Gegnern", "US-Gegner"),
     ("drohte", "drohen"), ("angebliche", "angeblich")],
)
def test_lemmas(surface, lemma):
    assert lemmatise(token_norm(surface)) == lemma


@pytest.mark.parametrize(
    ("surface", "norm"),
    [("Autokra\u00adten", "Autokraten"), ("Bürger*innen", "Bürger"), ("Bürger:innen", "Bürger"),
     ("BürgerInnen", "Bürger"), ("Gegnern", "Gegnern"), ("Mu\u0308ller", "Müller")],
)
def test_token_norm(surface, norm):
    assert token_norm(surface) == norm


def test_normalise_keeps_length():
    text = "a\u00a0b\u2014c\u202fd\u2011e"
    assert len(normalise(text)) == len(text)
    assert normalise(text) == "a b–c d-e"


def test_tokens_slice_back_and_keep_hyphen_compounds():
    text = "Die Kreml-Propaganda und die Asyl- und Migrationspolitik der US-Gegner."
    doc = tokenize(text)
    surfaces = [t.text for t in doc.tokens]
    assert "Kreml-Propaganda" in surfaces
    assert "Asyl-" in surfaces and "Migrationspolitik" in surfaces
    assert "US-Gegner" in surfaces
    for t in doc.tokens:
        assert text[t.start : t.end] == t.text


def test_soft_hyphen_token_matches_by_norm():
    text = "Der Auto\u00adkrat sprach."
    doc = tokenize(text)
    tok = doc.tokens[1]
    assert tok.text == "Auto\u00adkrat" and tok.norm == "Autokrat" and tok.lemma == "Autokrat"


def test_seed_sentence_counts(seed_analysed):
    # 003's lead has four sentences; "Anm. d. Red." in 002 does not split
    doc = seed_analysed["003"].doc
    first = [doc.text[s.start : s.end] for s in doc.sentences[:4]]
    assert first[2] == "Peking habe Verständnis für die Sorgen Russlands, so der Kreml."
    d2 = seed_analysed["002"].doc
    assert not any(d2.text[s.start : s.end].startswith("d. Red.") for s in d2.sentences)


def test_plain_sentence_ends_need_no_abbreviation_check():
    from framing.text import _split, text_layer

    # the fast path takes dots after seven lower-case letters: no German abbreviation is as long
    layer = text_layer()
    assert max(map(len, layer.abbreviations)) < 7 and layer.plain_end.pattern.startswith("(?<=[a-zäöüß]{7})")
    text = "Die Regierung widersprach. Moskau schwieg. Er kam ca. Dienstag an."
    assert layer.plain_end.match(text, text.index(".")) is not None
    assert [text[a:b] for a, b in _split(text, layer)] == [
        "Die Regierung widersprach.", "Moskau schwieg.", "Er kam ca. Dienstag an."]


def test_fill_missing_computes_only_the_holes():
    from framing.text import fill_missing

    asked = []
    values = [1, None, 3, None, None]

    def compute(k):
        asked.append(k)
        return k * 10

    fill_missing(values, compute)
    assert values == [1, 10, 3, 30, 40]
    assert asked == [1, 3, 4]
    full = [1, 2]
    fill_missing(full, compute)
    assert full == [1, 2] and asked == [1, 3, 4]
    # falsy cached values (an id 0, an empty string) are values, not holes
    falsy = [0, "", None, 0]
    fill_missing(falsy, compute)
    assert falsy == [0, "", 20, 0] and asked == [1, 3, 4, 2]
    zeros = [0, 0]
    fill_missing(zeros, compute)
    assert zeros == [0, 0] and asked == [1, 3, 4, 2]


def test_sentence_columns_and_sentence_at():
    text = "Putin sprach lange. Kirby sagte, die USA seien alarmiert."
    doc = tokenize(text)
    s = doc.sentences[1]
    types = doc.types[s.first_token : s.last_token]
    assert [t.text for t in types] == ["Kirby", "sagte", ",", "die", "USA", "seien", "alarmiert", "."]
    assert [text[a:b] for a, b in zip(doc.starts[s.first_token : s.last_token], doc.ends[s.first_token : s.last_token],
                                      strict=True)] == [t.text for t in types]
    assert doc.sentence_at(s.start) == 1 and doc.sentence_at(0) == 0 and doc.sentence_at(len(text)) == 1

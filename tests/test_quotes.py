import pytest

from framing.quotes import find_quotes, pair_quotes, voice_at
from framing.text import tokenize

# (text, kind, quoted text (or reported span start), speaker) – sentences written by the team.
# The expected quote must be among those found; speaker "" means "no speaker named".
QUOTE_CASES = [
    ("„Wir erwarten viel“, sagte Peskow am Montag.", "direct", "Wir erwarten viel", "Peskow"),
    ("„Das ist gut“, so Shin.", "direct", "Das ist gut", "Shin"),
    ("Shin warnte und sagte: „Wir erwarten Lieferungen.“", "direct", "Wir erwarten Lieferungen.", "Shin"),
    ('"Wir haben nichts zu sagen", erklärte der Sprecher des Kremls.', "direct",
     "Wir haben nichts zu sagen", "Sprecher des Kremls"),
    ("Kirby fügte hinzu:\n\n\"Das ist alarmierend.\"", "direct", "Das ist alarmierend.", "Kirby"),
    ("Uschakow hob hervor:\n\n\"Er kennt das Problem.\"", "direct", "Er kennt das Problem.", "Uschakow"),
    ("Die Lage sei „völlig gescheitert“, sagte der russische Außenminister Sergei Lawrow im Februar.",
     "direct", "völlig gescheitert", "russische Außenminister Sergei Lawrow"),
    ("Putin bezeichnete das Abkommen als \"neues Grundlagendokument für unsere Beziehungen\".",
     "direct", "neues Grundlagendokument für unsere Beziehungen", "Putin"),
    ("Moskaus Partner und andere \"Gegnern\" der USA wurden nicht vorhergesehen.", "scare", "Gegnern", ""),
    ('Washington zeigt sich "überrascht".', "direct", "überrascht", "Washington"),
    ("Die sogenannte »Friedensmission« begann im Frühjahr.", "scare", "Friedensmission", ""),
    ("Die «Spezialoperation» dauert an.", "scare", "Spezialoperation", ""),
    ("Nach dem „Triumph“ zogen die Demonstranten ab.", "scare", "Triumph", ""),
    ("Die Zahl der werdenden „Weltstadt“ ist gestiegen, so ist es eben.", "scare", "Weltstadt", ""),
    ("Das Haus ward „Zur weißen Lilie“ genannt.", "title", "Zur weißen Lilie", ""),
    ("(Telegramm der „Mähr. Tagbl.“)", "title", "Mähr. Tagbl.", ""),
    ("Das Magazin \"RT DE\" berichtete darüber.", "title", "RT DE", ""),
    ("Dmitri Peskow sprach lange. „Es ist unser Nachbar“, zitiert ihn der Guardian.", "direct",
     "Es ist unser Nachbar", "Dmitri Peskow"),
    ("„Es ist unser Nachbar“, sagte Peskow. „Das Potenzial ist groß.“", "direct",
     "Das Potenzial ist groß.", "Peskow"),
    # a short quote nested in a direct quote stays in the speaker's voice
    ("„Wir glauben an ‚gute‘ Beziehungen“, sagte Peskow.", "direct", "gute", "Peskow"),
    ("Putin sagte: „Die Zusammenarbeit wird wachsen. Wir sind bereit. Niemand hält uns auf.“",
     "direct", "Die Zusammenarbeit wird wachsen. Wir sind bereit. Niemand hält uns auf.", "Putin"),
    ("Er sagte „Wir sind bereit und das Treffen beginnt bald\n\nDanach kam nichts.", "direct",
     "Wir sind bereit und das Treffen beginnt bald", ""),
    ("“Wir sind jederzeit dazu bereit”, sagte Biden.", "direct", "Wir sind jederzeit dazu bereit", "Biden"),
    ("Ein Beamter drohte, Nordkorea werde „einen Preis“ zahlen.", "direct", "einen Preis",
     "Beamter"),
    ("Laut dem Verteidigungsminister Shin soll Nordkorea Container geschickt haben.", "reported",
     "soll Nordkorea Container geschickt haben", "Verteidigungsminister Shin"),
    ("Dem Pressesprecher zufolge ist die Lage ernst.", "reported", "ist die Lage ernst", "Pressesprecher"),
    ("Nach Angaben des Ministeriums wurden die Truppen abgezogen.", "reported",
     "wurden die Truppen abgezogen", "Ministeriums"),
    ("Jake Sullivan sagte am Dienstag, die Verhandlungen seien weit fortgeschritten.", "reported",
     "die Verhandlungen seien weit fortgeschritten", "Jake Sullivan"),
    ("Der Kreml bestreitet, dass er Angriffspläne hat.", "reported", "dass er Angriffspläne hat", "Kreml"),
    ("Die Lieferungen seien gestoppt worden, sagte ein Sprecher.", "reported",
     "Die Lieferungen seien gestoppt worden", "Sprecher"),
    ("Das Treffen sei alarmierend, wie Reuters berichtet.", "reported", "Das Treffen sei alarmierend",
     "Reuters"),
    ("Putin sagte, Russland plane eine neue Ordnung. Sie sei gerecht.", "reported", "Sie sei gerecht",
     "Putin"),
    ("Peking habe Verständnis für die Sorgen, so der Kreml.", "reported",
     "Peking habe Verständnis für die Sorgen", "Kreml"),
    ("Berichten zufolge haben beide Seiten Briefe ausgetauscht.", "reported",
     "haben beide Seiten Briefe ausgetauscht", "Berichten"),
    ("Die Generalin erklärte: \"Wir haben 'keine' Wahl.\"", "direct", "Wir haben 'keine' Wahl.", "Generalin"),
    ("Er sagte, es gehe um „Sicherheit“.", "direct", "Sicherheit", ""),
    # the speaker's own label and charge are reported speech, not the outlet's words
    ("Pjöngjang bezeichnete die Übungen als Vorbereitung auf einen Präventivschlag.", "reported",
     "Vorbereitung auf einen Präventivschlag", "Pjöngjang"),
    ("Peking warf der US-Regierung Heuchelei vor, weil sie den Konflikt anheize.", "reported",
     "der US-Regierung Heuchelei vor, weil sie den Konflikt anheize", "Peking"),
    ("Der Minister warf Moskau Erpressung vor.", "reported", "Moskau Erpressung", "Minister"),
    ("Kiew wirft Moskau vor, gezielt Kraftwerke anzugreifen.", "reported",
     "Moskau vor, gezielt Kraftwerke anzugreifen", "Kiew"),
    ("Wie der Economist anführt, könnte man von einer historischen Wende sprechen.", "reported",
     "könnte man von einer historischen Wende sprechen", "Economist"),
    # partial quotations in a reporting frame are the source's words, not scare quotes
    ("Beide Ministerinnen zeigten sich „äußerst beunruhigt“.", "direct", "äußerst beunruhigt", "Ministerinnen"),
    ("Der Sprecher nannte die Pläne „gefährlich“.", "direct", "gefährlich", "Sprecher"),
    ("Die Regierung in Rom spricht von einer „Befreiung“.", "direct", "Befreiung", "Regierung"),
    ("Der Vorwurf der Opposition lautet „Wortbruch“.", "direct", "Wortbruch", "Opposition"),
    ("Grzegorz: „Beschämend“\n\nDie Lage blieb ruhig.", "direct", "Beschämend", "Grzegorz"),
    ("Die Lage sei ernst, der Plan „unverantwortlich“, erklärte Grzegorz.", "direct", "unverantwortlich",
     "Grzegorz"),
    ("Die Partei wirft dem Minister einen „groben Wortbruch“ vor.", "direct", "groben Wortbruch", "Partei"),
    # clause-level voice: the outlet's naming of the speaker and its verb stay outside
    ("Gestern kündigte der Autokrat die Räumung der Dörfer an.", "reported", "die Räumung der Dörfer",
     "Autokrat"),
    ("Peking hat Washington Doppelmoral vorgeworfen.", "reported", "Washington Doppelmoral", "Peking"),
    ("Die Erklärungen seien haltlos, wird Sprecherin Maria Grzegorz von der Agentur zitiert.", "reported",
     "Die Erklärungen seien haltlos", "Maria Grzegorz"),
    ("Der Minister verurteilt den Angriff und kündigt harte Strafen an.", "reported", "harte Strafen",
     "Minister"),
    ("Ehemalige Häftlinge berichten von brutalen Wärtern.", "reported", "brutalen Wärtern", "Häftlinge"),
    ("Das ist lange her. Vor Jahren hatte Biden angedeutet, falls es so komme, zeige das die Schwäche.",
     "reported", "falls es so komme, zeige das die Schwäche", ""),
    ("„Beschämend“ – Grzegorz zu den Protesten\n\nDie Lage blieb ruhig.", "direct", "Beschämend", "Grzegorz"),
    ("Die Bahn rechnet ab Montag mit „massiven Ausfällen“.", "direct", "massiven Ausfällen", "Bahn"),
    ("Vor allem die Partei wirft dem Minister Wortbruch vor.", "reported", "dem Minister Wortbruch", "Partei"),
    # Konjunktiv II of a strong verb continues reported speech right after it
    ("Der Zeuge sagte, er wisse nichts. Die Nachbarn lögen aus Angst.", "reported",
     "Die Nachbarn lögen aus Angst", "Zeuge"),
    ("Der Wirt erklärte, es gäbe keine Zimmer mehr.", "reported", "es gäbe keine Zimmer mehr", "Wirt"),
    # perfect of "warnen vor": the prepositional object before the participle
    ("Die Ministerin hatte vor einer Spaltung der Partei gewarnt.", "reported", "einer Spaltung der Partei",
     "Ministerin"),
    # a speaker after an inverted verb with a medium after it
    ("Die Händler wollten den Markt verlassen, sagte Berger im Radio.", "direct",
     "Die Händler wollten den Markt verlassen", "Berger"),
    # a name in apposition to the subject; "nennen" without "als"
    ("Die Vorsitzende des Vereins, Brandtner, erklärte, der Umzug sei beschlossen.", "reported",
     "der Umzug sei beschlossen", "Brandtner"),
    ("Und Irina Kowalewa, die Beraterin des Ministers, nannte die Messe den wichtigsten Termin des Jahres.",
     "reported", "die Messe den wichtigsten Termin des Jahres", "Kowalewa"),
    # a fronted adverb: the subject follows the verb ("sich" skipped)
    ("Ähnlich äußerte sich Generalsekretär Brandtner. Er sprach von einem Wortbruch.", "reported",
     "einem Wortbruch", "Brandtner"),
    # "deutlich machen" in the perfect
    ("Die Ministerin hatte deutlich gemacht, dass sie das Gesetz nicht unterschreiben werde.", "reported",
     "dass sie das Gesetz nicht unterschreiben werde", "Ministerin"),
    # a role refers back to the named subject of the sentence before
    ("Gesundheitsminister Karl Brandtner lobte die Reform. „Das ist ein guter Tag“, sagte der Politiker.",
     "direct", "Das ist ein guter Tag", "Politiker Brandtner"),
    # a source noun after "nach", also as the end of a compound; "demzufolge"
    ("Nach Recherchen des Senders soll der Vertrag schon im Mai unterschrieben worden sein.", "reported",
     "soll der Vertrag schon im Mai unterschrieben worden sein", "Senders"),
    ("Am Tor hatten sich nach Polizeiangaben rund 1200 Menschen versammelt.", "reported",
     "rund 1200 Menschen versammelt", "Polizeiangaben"),
    ("Die Zeitung Morgenblatt berichtet über den Fall. Demzufolge soll die Schule im Herbst schließen.", "reported",
     "soll die Schule im Herbst schließen", "Morgenblatt"),
    # a speech verb in Konjunktiv inside the content is no frame of its own
    ("Müller sagte, er glaube, dass die Lage ernst sei.", "reported", "er glaube, dass die Lage ernst sei",
     "Müller"),
    # a quoted newspaper name as the source is a name, not a quotation
    ("Dem „Abendblatt“ zufolge ist die Brücke gesperrt.", "title", "Abendblatt", ""),
]


@pytest.mark.parametrize(("text", "kind", "quoted", "speaker"), QUOTE_CASES)
def test_quote_cases(text, kind, quoted, speaker):
    qs = find_quotes(tokenize(text))
    for q in qs:
        assert text[q.start : q.end] == q.text
    match = [q for q in qs if q.kind == kind and q.text == quoted]
    assert match, [(q.kind, q.text, q.speaker) for q in qs]
    if speaker:
        assert speaker in match[0].speaker
    elif kind in ("scare", "title"):
        assert match[0].speaker == ""


def test_at_least_thirty_quote_cases():
    assert len(QUOTE_CASES) >= 30


def test_pairs_nested_and_apostrophes():
    text = "„Er sagte ‚nein‘ und geht's weiter“, so sie."
    pairs = pair_quotes(text)
    assert (0, text.index("“")) in pairs
    assert (text.index("‚"), text.index("‘")) in pairs
    assert len(pairs) == 2


def test_voice_prefers_innermost_span():
    text = "Putin sagte, der Westen sei „imperialistisch“ geworden."
    qs = find_quotes(tokenize(text))
    i = text.index("imperialistisch")
    voice, speaker = voice_at(qs, i, i + len("imperialistisch"))
    assert voice == "quote" and speaker == "Putin"
    j = text.index("Westen")
    assert voice_at(qs, j, j + 6)[0] == "reported"
    k = text.index("sagte")
    assert voice_at(qs, k, k + 5)[0] == "outlet"


def test_seed_000_gegnern_is_scare_quote(seed_analysed):
    qs = seed_analysed["000"].quotes
    assert any(q.kind == "scare" and q.text == "Gegnern" for q in qs)


def test_seed_003_wrapper_is_dissolved(seed_analysed):
    """003 quotes RT DE's whole report; the real quotations are the ones inside it."""
    qs = seed_analysed["003"].quotes
    assert not any(q.kind == "direct" and len(q.text) > 1500 for q in qs)
    kirby = [q for q in qs if q.kind == "direct" and q.text.startswith("Ihre gemeinsame Erklärung")]
    assert kirby and "Kirby" in kirby[0].speaker
    panic = seed_analysed["003"].doc.text.index("schüren")
    assert voice_at(qs, panic, panic + 7)[0] == "outlet"


_LONG_PARAGRAPH = ("Wir haben in diesem Jahr viel erreicht und die Stadt ist gewachsen. Die Schulen sind saniert, "
                   "die Straßen erneuert, und die Bürger haben mitgeredet, wo es um ihre Viertel ging. ")


def test_a_long_quotation_that_quotes_names_only_is_one_speakers_words():
    """A quotation over several paragraphs that quotes only names and phrases is the speaker's
    long quotation, not a wrapped report (a wrapper holds quoted statements of its own)."""
    body = "\n\n".join([_LONG_PARAGRAPH * 2 + "Das „Rathaus am Markt“ bleibt offen.",
                         _LONG_PARAGRAPH * 2 + "Der Verein „Neue Mitte“ hilft dabei.",
                         _LONG_PARAGRAPH + "Wir danken allen."])
    text = f"Die Bürgermeisterin sagte bei der Eröffnung:\n\n„{body}“\n\nDanach spielte die Kapelle."
    qs = find_quotes(tokenize(text))
    direct = [q for q in qs if q.kind == "direct" and len(q.text) > 150]
    assert len(direct) == 3 and all(q.speaker == "Bürgermeisterin" for q in direct)
    # with two quoted statements inside, the same quotation is taken for a wrapped report
    wrapped = text.replace("Das „Rathaus am Markt“ bleibt offen.", "„Das Rathaus bleibt offen.“").replace(
        "Der Verein „Neue Mitte“ hilft dabei.", "„Der Verein hilft dabei.“")
    assert not any(q.kind == "direct" and len(q.text) > 150 for q in find_quotes(tokenize(wrapped)))


def test_seed_004_putin_quote(seed_analysed):
    qs = seed_analysed["004"].quotes
    q = next(q for q in qs if "imperialistische Hegemonialpolitik" in q.text and q.kind == "direct")
    assert q.speaker == "Putin"


def test_seed_002_peskow_continuation(seed_analysed):
    qs = seed_analysed["002"].quotes
    q = next(q for q in qs if q.text.startswith("Das Potenzial"))
    assert "Peskow" in q.speaker


def test_token_codes_mark_punctuation_function_words_and_cues():
    from framing.quotes import _FLAGGED, _MAY_CUE, _code_of, _words
    from framing.text import tokenize

    doc = tokenize("Dass er sagte, dass wie und als vor: „Nein“ – ob Ob")
    codes = "".join(_code_of(t, _words(doc.language)) for t in doc.types)
    assert codes[:2] == "dw"  # "Dass" in another capitalisation, a plain word
    assert (ord(codes[2]) - _FLAGGED) & _MAY_CUE  # "sagte" may be a speech cue
    assert codes[3:] == ",DWUAV:„w“–Oo"  # dashes stand for themselves: they bound clauses


def test_lettered_function_words_and_punctuation_carry_no_flags():
    """Their codes are letters or the marks themselves, so any flags would be lost: there are none."""
    from framing.languages import default_language
    from framing.quotes import _CODE_PUNCT, _code_of, _flags, _type_flags, _words
    from framing.text import token_type

    lists = _words(default_language())
    # the letters the sentence scans search for come from the language (German: dass, ob, wie, und, als, vor)
    assert set(lists.word_codes.values()) | set(lists.low_codes.values()) == set("DOdoWUAV")
    assert _code_of(token_type("dass"), lists) == "D" and _code_of(token_type("Dass"), lists) == "d"
    words = [*lists.word_codes, *lists.low_codes, *(w.capitalize() for w in lists.low_codes), *_CODE_PUNCT]
    assert [w for w in words if _type_flags(token_type(w), lists)] == []
    assert [w for w in words if _flags(_code_of(token_type(w), lists))] == []  # „ “ lie above the flag codes


# Unquoted direct speech (the older convention): clear frames only (sentences by the team).
UNQUOTED_CASES = [
    ("Die Ministerin sagte am Abend: Wir werden die Hilfe verdoppeln.", "Wir werden die Hilfe verdoppeln.",
     "Ministerin"),
    ("Der Verband teilte mit:\n\nAlle Züge fahren wieder nach Plan.", "Alle Züge fahren wieder nach Plan.",
     "Verband"),
    ("Die Brücke bleibt geschlossen, sagte der Bürgermeister.", "Die Brücke bleibt geschlossen",
     "Bürgermeister"),
    ("Der Markt, erklärte er, ist auf Talfahrt eingestellt.", "ist auf Talfahrt eingestellt", ""),
    ("Die Behörde veröffentlicht folgenden Bericht: In der Stadt sind drei Fälle bekannt.",
     "In der Stadt sind drei Fälle bekannt.", "Behörde"),
    ("Sie kamen zurück. Nur keine Angst! flüsterte der Bootsmann.", "Nur keine Angst!", "Bootsmann"),
    ("Anna sagte: Das reicht. Ben sagte: Wir gehen heim. Dann sagte sie: Ich bleibe hier.", "Wir gehen heim.",
     "Ben"),
]


@pytest.mark.parametrize(("text", "quoted", "speaker"), UNQUOTED_CASES)
def test_unquoted_direct_speech_in_a_clear_frame(text, quoted, speaker):
    qs = find_quotes(tokenize(text))
    match = [q for q in qs if q.kind == "direct" and q.text == quoted]
    assert match, [(q.kind, q.text, q.speaker) for q in qs]
    assert speaker in match[0].speaker


@pytest.mark.parametrize("text", [
    "Die Lage ist folgende: Die Truppen ziehen ab.",  # no speech verb: the outlet announces its words
    "Im Urlaub erfuhr er von der Schließung: Die Firma zieht nach Polen.",  # learning, not saying
    "Wir nennen drei Gründe: Die Preise steigen, die Löhne nicht.",  # the outlet itself
    "Die lang ersehnte Einigung der Länder: Am Abend unterschreiben alle.",  # a participle, no verb
    "Um den Streit zu beenden, versprach der Bürgermeister eine neue Regel.",  # fronted clause, no speech
    "Es könnte sich um einen Unfall handeln, hieß es aus der Polizei.",  # a paraphrase, not verbatim
    "Berlin: Die Polizei hat drei Männer festgenommen.",  # a dateline, no first or second person
])
def test_no_unquoted_speech_without_a_clear_frame(text):
    qs = find_quotes(tokenize(text))
    assert not [q for q in qs if q.kind == "direct"], [(q.kind, q.text, q.speaker) for q in qs]


def test_reflexive_frame_before_a_colon_quotes_only_its_own_words():
    text = "Die Stadt zeigt sich „überrascht“: Der Verein baut im Eiltempo neue Hallen."
    qs = find_quotes(tokenize(text))
    assert [q.text for q in qs if q.kind == "direct"] == ["überrascht"]


@pytest.mark.parametrize("text", [
    "Linz, 3. Mai.\n\ndate\n\nDie Messe begann am Morgen.",  # a one-word line is no reported speech
    "Ich erinnere mich an den Sommer. Ich habe damals viel gelesen.",  # "ich habe" is indicative
    "Immer neue Gebühren. Das heißt den Leuten das Geld aus der Tasche ziehen.",  # "that means"
])
def test_no_reported_speech_from_look_alike_forms(text):
    qs = find_quotes(tokenize(text))
    assert not [q for q in qs if q.kind == "reported"], [(q.kind, q.text) for q in qs]


def test_pointing_adverb_leaves_the_content_after_the_verb():
    qs = find_quotes(tokenize("Die Rätin wies besonders darauf hin, wie oft Kurse ausfallen."))
    assert not [q for q in qs if q.text == "besonders darauf"], [(q.kind, q.text) for q in qs]


def test_two_statements_in_one_sentence_keep_their_own_speakers():
    """An unsplit sentence ("… auf der Plattform X. Minister …") or two coordinated statements."""
    for text, want in [
        ("Der Streik sei unverantwortlich, erklärte Senator Brandt auf der Plattform X. Minister Özkan sagte "
         "im Radio, zwar habe er Geduld mit den Fahrern.",
         [("Der Streik sei unverantwortlich", "Brandt"), ("zwar habe er Geduld mit den Fahrern", "Özkan")]),
        ("Die Lage sei ernst, sagte die Ministerin, und der Verband erklärte, man werde helfen.",
         [("Die Lage sei ernst", "Ministerin"), ("man werde helfen", "Verband")]),
    ]:
        got = [(q.text, q.speaker) for q in find_quotes(tokenize(text)) if q.kind == "reported"]
        assert len(got) == len(want), got
        for (gt, gs), (wt, ws) in zip(got, want, strict=True):
            assert gt == wt and ws in gs, got


def test_a_plural_verb_keeps_sie_and_a_plural_role_from_the_last_named_person():
    """"indem sie behaupten" speaks for several people: neither "sie" nor "Die Kolumnisten" is
    the one person named in the sentence before."""
    doc = tokenize("Putin sprach lange. Die Kolumnisten wollen ablenken, indem sie behaupten, alles sei gut.")
    (q,) = [q for q in find_quotes(doc) if q.kind == "reported"]
    assert q.text == "alles sei gut"
    assert "Putin" not in q.speaker
    doc = tokenize("Putin sprach lange. Danach sagte der Kremlchef, alles sei gut.")
    (q,) = [q for q in find_quotes(doc) if q.kind == "reported"]
    assert q.speaker == "Kremlchef Putin"


# Speakers by class (issue 13; sentences written by the team): (text, start of the quoted or
# reported text, a part of the expected speaker).
SPEAKER_CASES = [
    # fronted object: the phrase after the verb is the speaker
    ("Den Vorschlag der Opposition nannte der Fraktionschef „völlig unseriös“.", "völlig unseriös", "Fraktionschef"),
    ("Die Sperrung der Brücke bezeichnete der Landrat als „überfällig“.", "überfällig", "Landrat"),
    # speaker in the sentence before
    ("Bürgermeisterin Anna Weigl hob die Schäden hervor. „Wir bauen die Schule wieder auf.“",
     "Wir bauen die Schule wieder auf.", "Anna Weigl"),
    ("Die Trainerin Karla Bendix reagierte gefasst. „Wir haben verdient verloren", "Wir haben verdient verloren",
     "Karla Bendix"),
    # a role noun refers to the person the text gave that role
    ("Bundesfinanzminister Theo Wendlinger legte den Haushalt vor. Die Opposition protestierte. Es gab "
     "Zwischenrufe. „Wir sparen nicht an der Bildung“, sagte der Minister.", "Wir sparen nicht an der Bildung",
     "Theo Wendlinger"),
    # pronouns: the person named as subject before; an object pronoun is no speaker
    ("Die Ärztin Mira Solberg trat vor die Presse. Dort sagte sie: „Die Lage ist stabil.“",
     "Die Lage ist stabil.", "Mira Solberg"),
    ("„Haltet durch bis zum Abend“, rief ihnen Landwirtin Greta Olsen zu.", "Haltet durch bis zum Abend",
     "Greta Olsen"),
    # laut X, nach X Angaben
    ("Laut einer Mitteilung von Radio Kestrel ist die Brücke gesperrt.", "ist die Brücke gesperrt", "Radio Kestrel"),
    ("Nach norwegischen Angaben wurden zwei Schiffe beschädigt.", "wurden zwei Schiffe beschädigt",
     "norwegischen Angaben"),
    # X zufolge: the dative phrase only
    ("Doch sehe die Behörde dem Gutachten zufolge keine Gefahr.", "Doch sehe die Behörde", "Gutachten"),
    # so X, also with its own verb
    ("Bis Freitag, so habe die Ministerin angekündigt, bleibe die Grenze offen.", "bleibe die Grenze offen",
     "Ministerin"),
    # a colon after a speaker label or a clause naming the speaker
    ("Lena Hartwig, Sprecherin des Vereins:\n»Wir sind enttäuscht.«", "Wir sind enttäuscht.", "Lena Hartwig"),
    ("Einen Zusammenhang will das LKA nicht erkannt haben: „Die Spuren führen ins Leere.“",
     "Die Spuren führen ins Leere.", "LKA"),
    # institutions: the agent of a passive, "aus X hieß es", an acronym with its name
    ("Die Entscheidung wurde vom Umweltministerium als „voreilig“ kritisiert.", "voreilig", "Umweltministerium"),
    ("Aus dem Rathaus hiess es, die Straße bleibe gesperrt.", "die Straße bleibe gesperrt", "Rathaus"),
    ("Das Technische Hilfswerk (THW) rückte aus. Das THW erklärte, die Deiche seien sicher.",
     "die Deiche seien sicher", "Hilfswerk (THW)"),
    # relative and verb-final clauses
    ("Der Bericht stammt von Reporterin Lisa Graf, die schreibt, die Firma habe Daten verkauft.",
     "die Firma habe Daten verkauft", "Lisa Graf"),
    ("Die Kritik wächst, obwohl selbst das Finanzamt die Praxis als „rechtswidrig“ bezeichnet.", "rechtswidrig",
     "Finanzamt"),
    ("Seitdem der Mieterbund zu einem „Mietenstopp“ aufgerufen hat, wächst der Druck.", "Mietenstopp",
     "Mieterbund"),
    # a parenthesis by dashes, an apposition with a prepositional phrase, a date
    ("Minister Ralf Ott hat die Reform – ohne Details zu nennen – als „notwendig“ bezeichnet.", "notwendig",
     "Ralf Ott"),
    ("Und Eva Sommer, Beraterin für Energiefragen, nannte den Plan einen „großen Fehler“.", "großen Fehler",
     "Eva Sommer"),
    ("Der Chef des Verbands, Jan Kolbe, sagte noch am 22. Mai: „Wir bleiben hier.“", "Wir bleiben hier.", "Jan Kolbe"),
    # any verb after a quotation and its comma; an infinitive takes the main clause's subject
    ("„Das war knapp“, wusste der Kapitän sofort.", "Das war knapp", "Kapitän"),
    ("Der Trainer trat vor die Kameras, um zu erklären, warum er gehe: „Ich bin müde.“", "Ich bin müde.",
     "Trainer"),
    # reported speech going on after a quotation; "demnach" after a named source
    ("„Wir öffnen die Grenze“, sagte Ministerin Vera Lutz. Es seien 40 Busse bereit.", "Es seien 40 Busse bereit",
     "Vera Lutz"),
    ("Der Sicherheitsberater Paul Reiter legte nach. Demnach habe das Militär Drohnen gekauft.",
     "habe das Militär Drohnen gekauft", "Paul Reiter"),
    # a quoted name in the speaker's phrase; an adverb opening the clause is no speaker
    ('Die "Kurier"-Redaktion meldet, die Wahl werde verschoben.', "die Wahl werde verschoben", "Kurier"),
    ("Dagegen beschreibt die Gewerkschaft den Streik als „Notwehr“.", "Notwehr", "Gewerkschaft"),
    # a quotation over two paragraphs; a block quotation after its speaker's paragraph
    ("„Wir haben gewonnen“, sagte Trainerin Ute Brandt.\n\n„Das ist ein großer Tag für den ganzen Verein.“",
     "Das ist ein großer Tag für den ganzen Verein.", "Ute Brandt"),
    ("Die Zeitung meint, die Lage sei ernst.\n\n„In der Stadt fehlen Wohnungen. Die Mieten steigen weiter.“",
     "In der Stadt fehlen Wohnungen. Die Mieten steigen weiter.", "Zeitung"),
]


@pytest.mark.parametrize(("text", "quoted", "speaker"), SPEAKER_CASES)
def test_speaker_cases(text, quoted, speaker):
    qs = find_quotes(tokenize(text))
    got = [q for q in qs if q.kind in ("direct", "reported") and (q.text.startswith(quoted) or quoted in q.text)]
    assert got, [(q.kind, q.text) for q in qs]
    assert any(speaker in q.speaker for q in got), [(q.kind, q.speaker, q.text) for q in got]


def test_no_speaker_from_adverbs_dates_or_objects():
    """An adverb, a date or an object pronoun is never the speaker; a pronoun subject of the
    first person stays as written."""
    for text, wrong in [("Natürlich sagte er, die Lage sei ernst.", "Natürlich"),
                        ("Zuvörderst bedauerte er, dass die Sitzung ausfiel.", "Zuvörderst"),
                        ("Der Chef, Jan Ott, sagte am 3. Mai: „Wir kommen wieder.“", "Mai"),
                        ("„Wir bleiben hier“, rief ihnen der Landwirt zu.", "ihnen")]:
        spk = [q.speaker for q in find_quotes(tokenize(text)) if q.kind in ("direct", "reported")]
        assert spk and not any(s == wrong or s.startswith(wrong) for s in spk), (text, spk)
    spk = [q.speaker for q in find_quotes(tokenize("Ich sage, dass wir bleiben.")) if q.kind == "reported"]
    assert spk == ["ich"]


def test_a_role_noun_takes_no_name_the_text_did_not_give_that_role():
    """"die Premierministerin" after a speaker named without that role stays unnamed."""
    text = ("„Es ist vorbei“, sagte Dmitri Peskow. Die Ministerin Liv Berg schrieb eine SMS. "
            "„Es ist getan“, soll die spätere Premierministerin geschrieben haben.")
    got = {q.text: q.speaker for q in find_quotes(tokenize(text)) if q.kind == "direct"}
    assert "Peskow" not in got["Es ist getan"]


def test_a_report_goes_on_over_a_colon_only_in_konjunktiv():
    """After a reporting clause that ends at a colon, a segment in Konjunktiv I is still the
    report (its scare quotes are the speaker's words); an indicative segment is the outlet's."""
    text = "Die Ministerin erklärte am Montag, sie messe mit gleichem Maß: Gewalt und Drohungen seien „unerträglich“."
    got = find_quotes(tokenize(text))
    rep = [q for q in got if q.kind == "reported"]
    assert [q.text for q in rep] == ["sie messe mit gleichem Maß: Gewalt und Drohungen seien „unerträglich“"]
    assert [(q.kind, q.speaker) for q in got if q.text == "unerträglich"] == [("direct", "Ministerin")]
    text = "Die Ministerin erklärte am Montag, sie komme später: Das Wetter ist an diesem Tag „herrlich“."
    got = find_quotes(tokenize(text))
    assert [q.text for q in got if q.kind == "reported"] == ["sie komme später"]
    assert [q.kind for q in got if q.text == "herrlich"] == ["scare"]


def _reported_texts(text: str) -> list[tuple[str, str]]:
    return [(q.text, q.cue) for q in find_quotes(tokenize(text)) if q.kind == "reported"]


def test_a_dass_clause_holds_its_embedded_and_coordinated_clauses():
    """The main clause resumes only after a clause closed by its verb: "nachdem …" inside a
    dass-clause that has no verb yet, and a conjunct closing with a verb, belong to it."""
    clause = "daß jetzt, nachdem die Sache besprochen worden ist, die Sorge geringer ist"
    assert (clause, "sagte") in _reported_texts(f"Der Minister sagte, {clause}.")
    assert ("dass das Kind nicht nur gesund war, sondern auch sofort schrie", "versicherte") in \
        _reported_texts("Die Zeugin versicherte, dass das Kind nicht nur gesund war, sondern auch sofort schrie.")
    # a coordinated main clause still ends it
    assert _reported_texts("Die Ministerin sagte, dass die Hilfe komme, und kündigte weitere Gespräche an.") == \
        [("dass die Hilfe komme", "sagte")]


def test_reported_speech_inside_reported_speech_has_its_own_span():
    got = _reported_texts("Der Anwalt erklärte, er glaube kaum, daß man den Jungen in die Schule aufnehmen werde.")
    assert ("er glaube kaum, daß man den Jungen in die Schule aufnehmen werde", "erklärte") in got
    assert ("daß man den Jungen in die Schule aufnehmen werde", "glaube") in got
    # not a clause of another kind inside it
    assert len(_reported_texts("Der Anwalt erklärte, der Junge werde, wie erwartet, aufgenommen.")) == 1


def test_a_content_noun_frames_its_clause_also_after_the_verbs_particle():
    """"stellte die These auf, X hätten …": the noun's clause (Konjunktiv or dass) is reported,
    its speaker the subject of the verb whose object the noun is; a dass-clause after a noun
    ends where the main clause resumes."""
    got = [(q.text, q.cue, q.speaker) for q in find_quotes(tokenize(
        "Der Reporter Hersh, ein Journalist, stellte die These auf, Taucher hätten die Sprengsätze angebracht."))
        if q.kind == "reported"]
    assert got == [("Taucher hätten die Sprengsätze angebracht", "These", "Reporter Hersh, ein Journalist")]
    assert _reported_texts("Die Regierung vertrat die Ansicht, es sei zu spät.") == [("es sei zu spät", "Ansicht")]
    assert _reported_texts("Die Nachricht, dass er kommt, freute alle.") == [("dass er kommt", "Nachricht")]
    assert _reported_texts("Die Regierung stellte die Zelte auf, die Helfer bauten sie ab.") == []


def test_an_abbreviated_paper_name_in_quotation_marks_is_the_speaker():
    for text, name in (("Die „Saarztg.“ schreibt über die Lage: „Es ist noch immer das alte Lied.“", "„Saarztg.“"),
                       ("Das ist so. Der „St.=Anz.“ bemerkt dagegen: „Soweit uns bekannt, ist es gut.“", "„St.=Anz.“"),
                       ("Jm Jahre 1813 hörte der Herzog, daß ein Händler ein Gewehr erfunden habe.", "Herzog")):
        assert [q.speaker for q in find_quotes(tokenize(text)) if q.kind in ("direct", "reported")] == [name], text


def test_more_speech_acts_and_older_spellings_frame_their_clauses():
    assert _reported_texts("Wir machen darauf aufmerksam, daß die Frist morgen endet.") == \
        [("daß die Frist morgen endet", "machen")]
    assert _reported_texts("Man darf die Hoffnung hegen, daß die Brücke bald fertig wird.") == \
        [("daß die Brücke bald fertig wird", "Hoffnung")]
    assert ("daß er ein Mann des Fortschritts sei", "wußten") in \
        _reported_texts("Die Räte wußten, daß er ein Mann des Fortschritts sei.")


def test_an_inverted_speech_verb_still_governs_its_whole_sentence():
    got = [(q.kind, q.text, q.cue, q.speaker) for q in find_quotes(tokenize(
        "In den USA glaubt man auch, dass China Russland helfe, sagten Quellen der Zeitung."))]
    assert ("reported", "In den USA glaubt man auch, dass China Russland helfe", "sagten",
            "Quellen der Zeitung") in got
    assert ("reported", "dass China Russland helfe", "glaubt", "man") in got  # the belief inside it


def test_the_object_of_a_separable_speech_verb_runs_past_a_list():
    got = [(q.text, q.cue, q.speaker) for q in find_quotes(tokenize(
        "Verbandspräsident Rukwied fordert die Koalition aus SPD, Grünen und FDP zur Rücknahme der Pläne auf."))]
    assert got == [("die Koalition aus SPD, Grünen und FDP zur Rücknahme der Pläne", "fordert",
                    "Verbandspräsident Rukwied")]


def _spoken(text: str) -> list[tuple[str, str, str, str]]:
    return [(q.kind, q.text, q.cue, q.speaker) for q in find_quotes(tokenize(text)) if q.kind in ("direct", "reported")]


def test_speech_acts_without_quoted_words_name_their_speaker():
    # "bekannte sich" is the verb bekennen (the dictionary reads "bekannte" as an adjective)
    assert _spoken("Die Gewerkschaft bekannte sich am Freitag zur Verantwortung für den Streik.") == \
        [("reported", "Verantwortung für den Streik", "bekannte", "Gewerkschaft")]
    assert _spoken("Die bekannte Sängerin trat am Abend in Leipzig auf.") == []
    # an investigation names the authority's charge, also when it is quoted
    assert _spoken("Die Staatsanwaltschaft Köln ermittelt wegen Untreue.") == \
        [("reported", "Untreue", "ermittelt", "Staatsanwaltschaft Köln")]
    assert ("direct", "schwerer Körperverletzung", "ermittelt", "Polizei") in \
        _spoken("Seit Tagen ermittelt die Polizei wegen „schwerer Körperverletzung“ gegen zwei Männer.")
    assert _spoken("Die Polizei ermittelt noch.") == []


def test_an_assumption_needs_a_subject_that_can_assume():
    assert _spoken("Die Feuerwehr geht von einem technischen Defekt aus.") == \
        [("reported", "einem technischen Defekt", "geht", "Feuerwehr")]
    assert _spoken("Die größte Gefahr geht von dem alten Damm aus.") == []
    assert _spoken("Das Licht geht um zehn Uhr aus.") == []


def test_coordinated_names_speak_together():
    assert _spoken("Unter anderem die UNO und die OSZE warnen vor einer Hungersnot.") == \
        [("reported", "einer Hungersnot", "warnen", "UNO und die OSZE")]


def test_hearsay_with_a_cited_source_names_the_cited_source():
    got = _spoken("Der Hafen sei geschlossen worden, heißt es in den Meldungen unter Berufung auf Hafenkreise.")
    assert [s for *_, s in got] == ["Hafenkreise"]


def test_a_dative_phrase_is_not_the_speaker_and_a_relative_pp_is_not_content():
    got = _spoken("Minister Max Kurz kam nach Kiel. Den Bauern versprach er, die Steuer zu senken.")
    assert [(t, s) for _, t, _, s in got] == [("die Steuer zu senken", "Max Kurz")]
    got = _spoken("Der Minister, der zwar an den Plänen festhielt, den Bauern aber zugleich versprach, "
                  "die Steuer zu senken, kam spät.")
    assert [s for *_, s in got if "Bauern" in s] == []
    # "über die" opens a relative clause: what was reported is its antecedent, not "die der Blog …"
    assert _spoken("Das zeigen Interviews, die der Reporter Max Kurz geführt hat und über die der Blog "
                   "Wahrheitsfunk berichtet.") == []


def test_a_speech_verb_inside_a_dass_clause_leaves_the_frame_to_the_outer_verb():
    got = _spoken("Die Wirtin teilt mit, dass der Pächter nichts zahlen will und sich nur bereit erklärt hat, "
                  "Holz zu liefern.")
    assert got[0] == ("reported",
                      "dass der Pächter nichts zahlen will und sich nur bereit erklärt hat, Holz zu liefern",
                      "teilt", "Wirtin")
    # an inverted verb after a comma still governs what comes before it
    got = _spoken("Zur Frage sei eine Formel gefunden worden, die von allen akzeptiert werde, sagte der Vermittler.")
    assert got == [("reported", "Zur Frage sei eine Formel gefunden worden, die von allen akzeptiert werde", "sagte",
                    "Vermittler")]


def test_a_verb_that_opens_a_question_or_an_exhortation_frames_its_clause():
    assert _spoken("Hoffen wir, dass die Brücke hält.") == [("reported", "dass die Brücke hält", "Hoffen", "wir")]
    assert _spoken("Kanzler Max Kurz zögert. Glaubt er wirklich, dass die Gäste kommen?") == \
        [("reported", "dass die Gäste kommen", "Glaubt", "Max Kurz")]
    # a capitalised noun is no verb: "Der Glaube, dass …" stays a content noun, "Sagen und Märchen" nothing
    assert _spoken("Sagen und Märchen erzählen, dass der Wald alt ist.")[0][2] == "erzählen"


def test_words_written_on_a_carrier_belong_to_the_carrier():
    assert ("direct", "Kein Bier für Nazis", "steht", "Schild der Initiative") in \
        _spoken("»Kein Bier für Nazis« steht auf einem Schild der Initiative am Eingang.")
    assert ("direct", "Freiheit jetzt", "stand", "Transparenten der Demonstranten") in \
        _spoken("„Freiheit jetzt“ stand auf den Transparenten der Demonstranten.")
    # no carrier, no source: "auf dem Spiel", "in der Halle"
    assert _spoken("„Freiheit“ steht auf dem Spiel.") == []
    assert _spoken("Der „Titan“ steht in der Halle.") == []


def test_a_quoted_name_before_a_speech_verb_is_its_subject_when_none_follows():
    got = [(q.kind, q.text, q.speaker) for q in find_quotes(tokenize(
        "Die Lage ist unklar. „Kurier“ behauptet schwere Kämpfe am Fluss."))]
    assert got == [("title", "Kurier", ""), ("reported", "schwere Kämpfe am Fluss", "„Kurier“")]
    got = [(q.kind, q.text, q.speaker)
           for q in find_quotes(tokenize("„Abendpost“ berichtet, dass die Fähre ausfällt."))]
    assert got == [("title", "Abendpost", ""), ("reported", "dass die Fähre ausfällt", "„Abendpost“")]
    # a subject after the verb: the quotation is the words
    for text in ("„Nein“ sagte er.", "„Verrat“ rief die Menge.", "„Hilfe“ rief laut ein Mann."):
        assert find_quotes(tokenize(text))[0].kind == "direct", text


def test_a_claim_verb_reports_its_object_not_its_subject():
    assert _spoken("Das Ministerium dementierte jede Beteiligung an dem Anschlag.") == \
        [("reported", "jede Beteiligung an dem Anschlag", "dementierte", "Ministerium")]
    assert _spoken("Das bestätigte der Sprecher am Montag.") == []


def test_a_report_goes_on_past_a_semicolon_only_in_konjunktiv():
    assert _spoken("Die Malerin sagte, sie habe nur wenig Geld erhalten; sie sei aber zufrieden.") == \
        [("reported", "sie habe nur wenig Geld erhalten; sie sei aber zufrieden", "sagte", "Malerin")]
    assert _spoken("Der Minister sagte, er sei zufrieden; die Opposition protestierte.") == \
        [("reported", "er sei zufrieden", "sagte", "Minister")]


# multi-word predicates of saying and thinking frame only the clause after them (sentences
# written by the team): (text, reported span, speaker, the idiom words that stay the outlet's)
IDIOM_CASES = [
    ("Der Minister stellte in Abrede, dass er von den Zahlungen gewusst habe.",
     "dass er von den Zahlungen gewusst habe", "Minister", "in Abrede"),
    ("Die Sprecherin machte keinen Hehl daraus, dass sie den Plan für falsch hält.",
     "dass sie den Plan für falsch hält", "Sprecherin", "keinen Hehl"),
    ("Die Bischöfe brachten am Sonntag zum Ausdruck, dass der Krieg sofort enden müsse.",
     "dass der Krieg sofort enden müsse", "Bischöfe", "zum Ausdruck"),
    # a separable verb whose particle closes the clause
    ("Der Bürgermeister drückte sein Bedauern darüber aus, dass das Fest ausfällt.",
     "dass das Fest ausfällt", "Bürgermeister", "Bedauern"),
    ("Die Gewerkschaft vertritt die Auffassung, dass die Löhne steigen müssen.",
     "dass die Löhne steigen müssen", "Gewerkschaft", "Auffassung"),
    ("Der Verband ließ keinen Zweifel daran, ob er gegen das Gesetz klagt.",
     "ob er gegen das Gesetz klagt", "Verband", "Zweifel"),
    ("Der Stadtrat nahm zur Kenntnis, wie viel Geld der Umbau kostet.",
     "wie viel Geld der Umbau kostet", "Stadtrat", "Kenntnis"),
    ("Die Kanzlerin war sich darüber im Klaren, dass die Mehrheit knapp ist.",
     "dass die Mehrheit knapp ist", "Kanzlerin", "Klaren"),
    # a zu-infinitive, a Konjunktiv clause
    ("Die Firma stellte in Aussicht, die Preise im Herbst senken zu können.",
     "die Preise im Herbst senken zu können", "Firma", "Aussicht"),
    ("Die Trainerin gab zu verstehen, sie werde den Verein im Sommer verlassen.",
     "sie werde den Verein im Sommer verlassen", "Trainerin", "verstehen"),
    # verb-final in a subordinate clause, perfect, passive
    ("Weil der Landrat in Abrede gestellt hatte, dass er die Akten kannte, trat er zurück.",
     "dass er die Akten kannte", "Landrat", "Abrede"),
    ("Die Ärztin hat es für möglich gehalten, dass das Virus sich weiter verbreitet.",
     "dass das Virus sich weiter verbreitet", "Ärztin", "möglich"),
    ("Auf der Sitzung wurde zum Ausdruck gebracht, dass die Reform scheitern werde.",
     "dass die Reform scheitern werde", "", "Ausdruck"),
    ("Die Kommission ist zu dem Schluss gekommen, dass die Regeln verletzt wurden.",
     "dass die Regeln verletzt wurden", "Kommission", "Schluss"),
]


@pytest.mark.parametrize(("text", "span", "speaker", "idiom"), IDIOM_CASES)
def test_a_speech_idiom_frames_only_the_clause_after_it(text, span, speaker, idiom):
    qs = [q for q in find_quotes(tokenize(text)) if q.kind == "reported"]
    match = [q for q in qs if q.text == span]
    assert match, [(q.text, q.speaker) for q in qs]
    if speaker:
        assert speaker in match[0].speaker
    at = text.index(idiom)
    # the idiom and the matrix clause stay in the outlet's voice
    assert not any(q.start <= at < q.end for q in qs), [(q.text, q.speaker) for q in qs]
    assert match[0].cue == idiom.split()[-1]


@pytest.mark.parametrize("text", [
    # the idiom without a content clause: its object is no one's words
    "Der Minister stellte seine Beteiligung an dem Geschäft entschieden in Abrede.",
    "Die Sängerin machte keinen Hehl aus ihrer Freude.",
    # an ordinary clause after the idiom's comma
    "Die Gewerkschaft ließ keinen Zweifel daran, und die Verhandlungen begannen am Abend.",
    "Die Partei vertrat die Auffassung, die der Vorstand beschlossen hatte.",
    "Der Konzern stellte neue Stellen in Aussicht, um die Belegschaft zu beruhigen.",
    "Der Ausschuss nahm den Bericht zur Kenntnis, während draußen Bauern protestierten.",
    # the fixed words without the idiom's verb
    "Im Klaren Wasser des Sees schwimmen Fische, dass es eine Freude ist.",
])
def test_no_reported_speech_from_an_idiom_without_its_content(text):
    assert not [q.text for q in find_quotes(tokenize(text)) if q.kind == "reported"]


def test_a_separable_speech_verb_written_as_one_word_frames_the_clause_after_it():
    got = [(q.text, q.speaker) for q in find_quotes(tokenize(
        "Der Sprecher hatte schon im Mai darauf hingewiesen, dass die Mittel knapp sind.")) if q.kind == "reported"]
    assert got == [("dass die Mittel knapp sind", "Sprecher")]
    # no content after it: nothing reported ("…, sondern alles auf X hinweist" is no speech)
    for text in ("Die Lage war ernst, sondern alles auf einen Anschlag hinweist.",
                 "Die Gutachter haben darauf hingewiesen."):
        assert not [q for q in find_quotes(tokenize(text)) if q.kind == "reported"], text


def test_two_coordinated_statements_of_one_speaker_are_both_reported():
    text = ("Die Ministerin gab zu verstehen, dass sie bleiben wolle, und äußerte die Sorge, dass der Haushalt "
            "nicht reiche.")
    got = [(q.text, q.speaker) for q in find_quotes(tokenize(text)) if q.kind == "reported"]
    assert got == [("dass sie bleiben wolle", "Ministerin"), ("dass der Haushalt nicht reiche", "Ministerin")]


def test_an_inserted_passive_source_clause_leaves_the_main_clause_reported():
    got = [q.text for q in find_quotes(tokenize("Der Bürgermeister soll, wie versichert wird, im Mai zurücktreten."))
           if q.kind == "reported"]
    assert got == ["im Mai zurücktreten"]

"""German: the language object (`GERMAN`) and its word lists, written by the team as plain data.

Whom a word is aimed at (`framing.targets`): case cues of articles, prepositions whose object
is never the agent, prepositions that name the agent of a passive, clause boundaries and
coordinators, adjectives of nationality that name a state ("russische Raketen" → Russland).
Then the lists of the other stages, each under the stage that uses it: quotations and reported
speech (speech verbs, speech nouns, case and clause cues), sentences (abbreviations, months),
events (stop words, month names), actor descriptors, words and compounds (linking elements,
verb particles, stem rules), and the function words that tell German text from other text.
The stages' logic stays language-neutral where it can; what is German is here.
"""

from __future__ import annotations

import functools
from typing import Final

import simplemma

from framing.languages import Language, register

# cases an article (or article-like determiner) can mark
ARTICLE_CASES: Final[dict[str, frozenset[str]]] = {
    "der": frozenset({"nom", "gen", "dat"}), "die": frozenset({"nom", "acc"}), "das": frozenset({"nom", "acc"}),
    "den": frozenset({"acc", "dat"}), "dem": frozenset({"dat"}), "des": frozenset({"gen"}),
    "ein": frozenset({"nom", "acc"}), "eine": frozenset({"nom", "acc"}), "einen": frozenset({"acc"}),
    "einem": frozenset({"dat"}), "einer": frozenset({"gen", "dat"}), "eines": frozenset({"gen"}),
}
# articles after a noun that open its genitive attribute ("die Provokationen des Regimes")
GENITIVE_ARTICLES: Final = frozenset({"des", "der", "eines", "einer"})
# prepositions: their object is what an act is aimed at or where it happens, never its agent
PREPOSITIONS: Final = frozenset(
    """
    gegen gegenüber für auf an am in im ins bei beim mit nach vor über unter zwischen aus zu zum
    zur um wegen trotz seit bis hinter neben entlang innerhalb außerhalb ohne
    """.split()
)
# prepositions naming the agent of a passive ("von Russland terrorisiert", "durch Moskau")
AGENT_PREPOSITIONS: Final = frozenset({"von", "vom", "durch", "seitens"})
# prepositions after a label that place it with an actor ("das Regime in Moskau")
PLACE_PREPOSITIONS: Final = frozenset({"in", "im", "aus"})
# personal pronouns of a singular speaker ("Zugleich behauptete er, …"), and the ending of a
# plural verb, after which "sie" stands for several people ("indem sie behaupten")
SINGULAR_PRONOUNS: Final = frozenset({"er", "sie"})
PLURAL_VERB_ENDINGS: Final = ("en",)
# the word before a predicative noun or the object of a labelling verb ("gilt als Marionette",
# "bezeichnete ihn als Diktator")
PREDICATIVE_WORDS: Final = frozenset({"als"})
# tokens that end a clause for the search of a subject
CLAUSE_BOUNDARIES: Final = frozenset(",;:–—()")
COORDINATORS: Final = frozenset({"und", "sowie", "oder", "aber"})
# words that open a subordinate or relative clause
SUBORDINATORS: Final = frozenset("dass ob weil wenn als wie nachdem obwohl während da sodass damit".split())
# adjectives of nationality (stem, lower case) -> the actor they name, by its canonical name
DEMONYMS: Final[dict[str, str]] = {
    "russisch": "Russland", "ukrainisch": "Ukraine", "nordkoreanisch": "Nordkorea",
    "südkoreanisch": "Südkorea", "chinesisch": "China", "amerikanisch": "USA", "us-amerikanisch": "USA",
    "westlich": "der Westen", "iranisch": "Iran", "belarussisch": "Belarus", "weißrussisch": "Belarus",
    "deutsch": "Deutschland",
}
# adjectives of allegiance (stem, lower case) -> the actor whose side they name: "prorussische
# Propagandisten" are on Moscow's side, a label for them is aimed at that camp; "X-treu",
# "X-nah" with a known actor X work the same way ("Lukaschenko-treue", "kremlnahe")
ALLEGIANCE: Final[dict[str, str]] = {
    "prorussisch": "Russland", "pro-russisch": "Russland", "russlandfreundlich": "Russland",
    "kremlnah": "Kreml", "kremltreu": "Kreml", "kremlfreundlich": "Kreml", "moskautreu": "Russland",
    "moskaunah": "Russland", "putintreu": "Wladimir Putin", "putinnah": "Wladimir Putin",
    "putinfreundlich": "Wladimir Putin", "prowestlich": "der Westen", "pro-westlich": "der Westen",
    "proukrainisch": "Ukraine", "pro-ukrainisch": "Ukraine", "proamerikanisch": "USA",
    "pro-amerikanisch": "USA", "prochinesisch": "China", "pro-chinesisch": "China",
}
ALLEGIANCE_SUFFIXES: Final = ("-treu", "-nah", "-freundlich")
# inflection endings of attributive adjectives
ADJECTIVE_ENDINGS: Final = ("", "e", "en", "er", "es", "em")
# weak adjective endings after an article ("des russischen Präsidenten"), the articles that are
# only genitive ("des", "eines"), and the genitive ending of a name ("Prigoschins"; not "Boss")
WEAK_ADJECTIVE_ENDINGS: Final = ("e", "en")
GENITIVE_ONLY_ARTICLES: Final = frozenset({"des", "eines"})
GENITIVE_NAME_ENDINGS: Final = ("s",)
NOT_GENITIVE_ENDINGS: Final = ("ss",)
# actor descriptors: endings of derived adjectives that are adjectives even when the lemmatiser
# keeps the form ("nordkoreanischen"), lemma endings of verbs (a participle is no title
# adjective), and the article before a title's genitive attribute ("Sprecher des
# US-Außenministeriums Vedant Patel"); the adjective and genitive endings are those above
DERIVED_ADJECTIVE_ENDINGS: Final = ("ische", "ischen", "ischer", "ischem")
VERB_LEMMA_ENDINGS: Final = ("n",)
TITLE_GENITIVE_ARTICLES: Final = frozenset({"des"})
# boundaries the nearest-actor fallback does not cross ("Angriff auf die Ukraine – der Machthaber")
HARD_BOUNDARIES: Final = frozenset(";:–—")
# nouns of dependence: their genitive names the master, the label is aimed at the dependant
# ("Lukaschenko als Vasall Putins")
DEPENDENCE_NOUNS: Final = frozenset(
    "vasall vasallen marionette marionetten handlanger statthalter lakai lakaien gefolgsmann "
    "günstling komplize komplizen schoßhund pudel erfüllungsgehilfe erfüllungsgehilfen".split()
)
# categories whose "in X" names the scene (the victims' country), not whom the word judges:
# "die Kriegsverbrechen in der Ukraine"; for labels and judgments "in X" places the actor
# ("das Regime in Moskau", "die Hysterie in der Ukraine")
PLACE_IS_SCENE: Final = frozenset({"war-terminology"})
# victims are not targets: an actor in a patient role is not whom a word condemning what was done
# to it is aimed at ("Nawalny wurde brutal ermordet", "ist auf menschenverachtende Weise
# verendet", "die Hetze gegen Russland", "der grausame Tod Selenskyjs"); the agent is taken when
# one is named (von/durch, see AGENT_PREPOSITIONS), else no target at all.
# forms of "werden" that make a clause passive with a participle at the clause's end (or right
# before a final auxiliary): "worden" always; any form with a weak participle in WEAK_PARTICIPLE_ENDINGS
# ("wird terrorisiert", "wurde verhaftet"); the past forms also with a strong one in
# STRONG_PARTICIPLE_ENDINGS ("wurde erschossen"; after "wird" that is an infinitive: "wird töten")
PASSIVE_PERFECT_AUXILIARIES: Final = frozenset({"worden"})
PASSIVE_PAST_AUXILIARIES: Final = frozenset("wurde wurden wurdest wurdet".split())
PASSIVE_PRESENT_AUXILIARIES: Final = frozenset("wird werden wirst werde werdet".split())
WEAK_PARTICIPLE_ENDINGS: Final = ("t",)
STRONG_PARTICIPLE_ENDINGS: Final = ("en",)
# verbs of dying and suffering whose subject undergoes what happens (lemmas, and the forms the
# lemmatiser keeps as they are)
SUFFERING_VERBS: Final = frozenset(
    """
    sterben versterben verenden verendet verendete verendeten umkommen leiden erleiden erdulden
    verhungern verdursten erfrieren ersticken verbluten ertrinken verrecken verreckt erliegen
    verunglücken zugrunde
    """.split()
)
# verbs that make the subject the causer of what follows ("ließ ihn sterben"): no patient then
CAUSATIVE_VERBS: Final = frozenset({"lassen"})
# nouns of harm suffered: their genitive or possessor is the victim ("der Tod Nawalnys",
# "Selenskyjs Ermordung"; "die Opfer Russlands" may name the victims' country or their killer: no
# target then, the cautious reading), and noun endings that mean the same ("Meuchelmord")
VICTIM_NOUNS: Final = frozenset(
    """
    tod todes opfer leiden leid sterben ermordung tötung hinrichtung vergiftung verhaftung
    festnahme inhaftierung entführung verschleppung folterung misshandlung verurteilung
    haft leiche leichnam beerdigung beisetzung
    """.split()
)
VICTIM_NOUN_ENDINGS: Final = ("mord", "ermordung", "tötung")
# prepositions after a noun whose object is what the act is done to ("die Hetze gegen Russland",
# "der Angriff auf die Ukraine", "das Massaker an …"): never the nearest actor
VICTIM_PREPOSITIONS: Final = frozenset({"gegen", "an", "auf", "wider", "gegenüber"})

# --- speech representation (used by `framing.quotes`) ---------------------------------------
# Unquoted direct speech, the older convention still found in wire copy and letters: "Er sagte:
# Wir bleiben." / "Die Lage ist ernst, sagte der Minister." Only clear frames count.

# verbs that introduce a text or statement after a colon besides the speech verbs ("Das Amtsblatt
# veröffentlicht folgenden Bericht:", "Der Aufruf lautet:", "Wir entnehmen dem Blatt folgende Notiz:")
COLON_TEXT_VERBS: Final = frozenset(
    "veröffentlichen lauten entnehmen verlesen vorlesen telegrafieren telegraphieren drucken abdrucken".split()
)
# verbs that introduce a written text after a colon, which runs to the end of its paragraph
# ("Die „Times“ schreibt:", "Aus Berlin wird gemeldet:"); spoken words after a colon end with the
# first sentence that no longer speaks (see framing.quotes._after_colon)
WRITTEN_TEXT_VERBS: Final = frozenset(
    "schreiben berichten melden mitteilen telegrafieren telegraphieren kabeln verlautbaren".split()
)
# endings of the words of a paper's or agency's name, also abbreviated: a short quotation holding
# one after an article names the paper ("der „Neuen Zeitung“", "die „Basl. Nachr.“", "des „Mähr. Tagbl.“")
PRESS_NAME_PARTS: Final = (
    "zeitung", "ztg", "blatt", "blätter", "bl", "tagbl", "journal", "nachrichten", "nachr", "post", "presse",
    "courier", "kurier", "bote", "boten", "anzeiger", "revue", "rundschau", "correspondenz", "korrespondenz",
    "gazette", "chronik", "tribüne", "tribune", "herold", "merkur", "echo", "spiegel", "kreuzzeitung", "telegraph",
)
# small words inside a capitalised name ("Journal de St. Petersburg", "Zeitung für Landwirthschaft")
NAME_JOINERS: Final = frozenset("von de di da del della du la le of the für und am an auf aus im in zu zur zum".split())
# nouns of works, houses, societies and firms: a quotation right after one is a title or name,
# not someone's words ("die Oper „…“", "des Vereines „…“", "betitelt „…“"); lower-cased, today's
# spelling, also the genitive without its -s
WORK_NOUNS: Final = frozenset(
    """
    oper arie singspiel operette lustspiel schauspiel trauerspiel drama posse komödie tragödie
    roman novelle erzählung gedicht gedichte lied lieder marsch walzer ouvertüre symphonie sinfonie
    skizze titel betitelt aufsatz artikel schrift schriften werk werke buch broschüre vortrag
    vortrages festschrift verein vereine vereines vereins gesellschaft hotel gasthaus gasthof
    firma motto überschrift rubrik ausstellung bild gemälde radierung aquarell film stück
    """.split()
)
# words before a colon at the start of a line that label no speaker ("Foto: dpa", "Quelle: …",
# "Lesen Sie auch: …"), lower-cased, a final period dropped
NOT_SPEAKER_LABELS: Final = frozenset(
    """
    foto fotos bild bilder quelle quellen grafik video audio karte text redaktion update anmerkung
    hinweis achtung lesen sie auch mehr dazu zum thema siehe tipp info infos termin termine ort zeit
    datum preis eintritt kontakt telefon tel fax mail e-mail web internet anzeige korrektur nachtrag
    disclaimer transparenzhinweis hintergrund fazit tags stichworte schlagworte bildquelle
    """.split()
) | frozenset(["lesen sie auch", "mehr zum thema", "mehr dazu", "zum thema", "lesen sie", "siehe auch"])
# words that announce the text after a colon ("folgende Erklärung:", "wie folgt:")
ANNOUNCING_WORDS: Final = frozenset(
    "folgend folgende folgendes folgenden folgender folgendem folgendermaßen folgt".split()
)
# nouns that introduce the words after a colon when they stand right before it or after "mit"
# ("mit der Bemerkung:", "mit den Worten:", "Seine Antwort:")
COLON_SPEECH_NOUNS: Final = frozenset(
    """
    worte worten bemerkung bemerkungen antwort erklärung aussage äußerung frage ausruf aufruf
    botschaft mitteilung parole losung begründung zusatz devise appell warnung mahnung
    schwur treuschwur ruf rufe zuruf zurufe schlachtruf wahlspruch motto gegenfrage gebet
    """.split()
)
# pronouns of the first and second person: a name label before a colon ("Scholz: Wir …")
# introduces unquoted words only when they speak in the first or second person
FIRST_SECOND_PERSON: Final = frozenset(
    """
    ich jch mich mir mein meine meinen meinem meiner wir uns unser unsere unseren unserem unserer
    du dich dir dein deine euch euer eure
    """.split()
)
# separable speech verbs of the older narrative style, beyond those of `framing.quotes`
# ("setzte ein anderer hinzu", "fiel er ein"): lemma of the finite part -> particles
MORE_SEPARABLE_SPEECH: Final[dict[str, frozenset[str]]] = {
    "setzen": frozenset({"hinzu"}), "fallen": frozenset({"ein"}), "geben": frozenset({"zurück", "an"}),
    "rufen": frozenset({"zu", "aus"}), "fahren": frozenset({"fort"}),
    # "machte deutlich, dass …", "hatte klar gemacht", "machte darauf aufmerksam, daß …"
    "machen": frozenset({"deutlich", "klar", "aufmerksam"}),
    "zeigen": frozenset({"an"}),  # "zeigte an, dass …" (announced)
}
# verbs of knowing and learning: "erfuhr sie vom Tod ihres Mannes:" is followed by the outlet's words
COLON_NOT_SPEECH: Final = frozenset("erfahren wissen verstehen begreifen rechnen lernen".split())
# modal Konjunktiv II forms: "Es könnte sich um X handeln, heißt es" is a paraphrase, not verbatim
MODAL_KONJ2: Final = frozenset(
    "könnte könnten müsste müssten müßte müßten sollte sollten dürfte dürften möchte möchten".split()
)
# verbs of the manner of speaking, beyond the speech verbs of `framing.quotes` ("flüsterte der Bootsmann"),
# and verbs of denying and proposing whose dass-clause or zu-infinitive is the reported content
MANNER_SPEECH_VERBS: Final = frozenset(
    "flüstern murmeln schreien brüllen seufzen stammeln zischen leugnen verneinen vorschlagen beantragen".split()
)
# adverbs and adjectives that open a sentence before the verb, so the subject follows it
# ("Ähnlich äußerte sich der Generalsekretär", "Deutlich wurde die Ministerin")
FRONTED_ADVERBS: Final = frozenset(
    """
    ähnlich ebenso genauso gleichlautend anders deutlich scharf heftig kritisch zurückhaltend
    vorsichtig besorgt erleichtert empört optimistisch skeptisch wörtlich ausdrücklich öffentlich
    zuvor danach daraufhin anschließend später bereits schon zudem außerdem ferner weiter dazu
    darüber hierzu gegenüber erst jüngst kürzlich zuletzt gestern heute morgen derweil unterdessen
    inzwischen mittlerweile schließlich letztlich zunächst erneut wiederum jedoch allerdings indes
    """.split()
)
# nouns that name a source after "nach" (also as the end of a compound): "nach Angaben der Polizei",
# "nach Polizeiangaben", "nach Recherchen von WDR und NDR", "nach Ansicht von Experten"
SOURCE_NOUN_ENDINGS: Final = (
    "angaben", "recherchen", "informationen", "erkenntnissen", "berichten", "schätzungen", "darstellung",
    "auffassung", "einschätzung", "ansicht", "aussagen", "einschätzungen",
    "mitteilung", "mittheilung", "mitteilungen", "meldung", "meldungen", "befund", "befunde", "meinung",
)
# adverbs that mark the rest of the sentence as the report of the source just named
REPORT_ADVERBS: Final = frozenset(["demnach", "demzufolge"])
# pronominal adverbs that point to a clause or quotation after the verb ("wies darauf hin, wie …")
POINTING_ADVERBS: Final = frozenset("darauf darüber davon dazu damit dafür daran darin hierzu hierauf".split())
# words that can stand in "…, so X …" between the source and the clause end
SO_SOURCE_WORDS: Final = frozenset(["zufolge", "gegenüber", "weiter", "abschließend"])
# focus particles before a subject ("Auch der Minister sagte …")
FOCUS_PARTICLES: Final = frozenset(["auch", "nur", "sogar", "selbst", "gerade", "ausgerechnet", "besonders"])
# definite articles that open a role referring back to a named person ("sagte der SPD-Politiker")
DEFINITE_ARTICLES: Final = frozenset(["der", "die", "dem", "den"])
# verbs whose objects are the speaker's charge or label
CHARGE_VERBS: Final = frozenset(["vorwerfen", "unterstellen", "vorhalten", "nachsagen", "bezeichnen", "nennen",
                                 "beschuldigen", "bezichtigen", "attestieren"])
# speech verbs whose prepositional object is the reported content ("warnte vor einem Krieg")
PP_CONTENT: Final = {
    "sprechen": ("von",), "reden": ("von",), "berichten": ("von", "über"), "erzählen": ("von",),
    "warnen": ("vor",), "schwärmen": ("von",), "klagen": ("über",), "spotten": ("über",),
    "aufrufen": ("zu", "zum", "zur"), "auffordern": ("zu", "zum", "zur"),
    "bekennen": ("zu", "zum", "zur"),  # "bekannte sich zur Führungsrolle"
    # an investigation names the authority's charge: "Die Staatsanwaltschaft ermittelt wegen Betrugs"
    "ermitteln": ("wegen",),
}
# verbs of assuming with a particle: lemma of the finite part -> (particle, prepositions of the
# assumed content); they frame only a subject that names a speaker ("Die Ermittler gehen von
# Brandstiftung aus"), not a thing ("Die Gefahr geht von dem Damm aus" is no one's belief)
PARTICLE_PP_CONTENT: Final = {"gehen": ("aus", "von")}
# multi-word predicates of saying and thinking: (verb lemma, fixed words in their usual order).
# A separable verb is written "particle+verb" (V2: "drückte sein Bedauern darüber aus"); "a|b"
# lists the inflected or alternative forms of one fixed word. Such an idiom frames only the
# dass-/ob-/w-clause, zu-infinitive or Konjunktiv clause after its comma, with the matrix
# subject as speaker; the idiom's own object stays in the outlet's voice ("stellte seine
# Beteiligung in Abrede" reports nothing). Written by the team, not taken from any corpus.
# what one comes to ("kam zu dem Schluss, dass …")
_CONCLUSION_NOUNS: Final = "schluss|schluß|ergebnis|überzeugung|einsicht|erkenntnis|auffassung"
SPEECH_IDIOMS: Final = (
    ("stellen", "in abrede"), ("stellen", "in aussicht"), ("stellen", "in frage"),
    ("stellen", "zur debatte|diskussion"), ("stellen", "in den raum"), ("stellen", "in rechnung"),
    ("stellen", "auf den standpunkt"), ("stehen", "auf dem standpunkt"),
    ("machen", "kein|keinen hehl"), ("machen", "kein|keinen geheimnis"), ("machen", "geltend"),
    ("machen", "gedanken"), ("machen", "sorgen"), ("machen", "hoffnung|hoffnungen"),
    ("machen", "zur bedingung"),
    ("geben", "zu verstehen|bedenken|erkennen|protokoll"), ("geben", "zur antwort"),
    ("geben", "auskunft"), ("geben", "bescheid"), ("geben", "ausdruck"), ("verleihen", "ausdruck"),
    ("bringen", "zum ausdruck"), ("bringen", "zur sprache"), ("bringen", "in erfahrung"),
    ("bringen", "ins gespräch"),
    ("aus+drücken", "bedauern|hoffnung|sorge|sorgen|zuversicht|erwartung|überzeugung|besorgnis|freude|"
     "genugtuung|zweifel|verwunderung|erstaunen|unmut|befürchtung"),
    ("äußern", "zweifel|bedenken|kritik|verständnis|unverständnis|besorgnis|sorge|sorgen"),
    ("an+melden", "zweifel|bedenken"), ("hegen", "zweifel|bedenken"), ("tragen", "bedenken"),
    ("üben", "kritik"),
    ("vertreten", "meinung|ansicht|auffassung|standpunkt|position|überzeugung|these"),
    ("ein+nehmen", "standpunkt|position|haltung"),
    ("teilen", "meinung|ansicht|auffassung|einschätzung|sorge|befürchtung"),
    ("sein", "der|dieser meinung|ansicht|auffassung|überzeugung"), ("sein", "im klaren"),
    ("sein", "sich bewusst|bewußt|sicher|einig"), ("sein", "überzeugt"),
    ("lassen", "keinen zweifel"), ("lassen", "durchblicken|verlauten|anklingen"), ("lassen", "wissen"),
    ("haben", "keinen|kein zweifel"), ("haben", "den eindruck"),
    ("nehmen", "zur kenntnis"), ("nehmen", "anstoß"),
    ("legen", "wert"),
    ("ziehen", "in zweifel"), ("ziehen", "in betracht|erwägung"), ("ziehen", "den schluss|schluß"),
    ("kommen", f"zu dem|der {_CONCLUSION_NOUNS}"), ("kommen", f"zum|zur {_CONCLUSION_NOUNS}"),
    ("gelangen", f"zu dem|der {_CONCLUSION_NOUNS}"), ("gelangen", f"zum|zur {_CONCLUSION_NOUNS}"),
    ("gewinnen", "den eindruck"), ("gewinnen", "die überzeugung"),
    ("führen", "ins feld"), ("führen", "vor augen"),
    ("setzen", "in kenntnis"), ("setzen", "ins bild"), ("geben", "sein|ihr|das wort"), ("legen", "ans herz"),
    ("lassen", "ausrichten"), ("treffen", "die feststellung"),
    ("erheben", "vorwurf|vorwürfe|einwand|einwände|einspruch|protest"),
    ("halten", "für möglich|wahrscheinlich|unwahrscheinlich|ausgeschlossen|denkbar|richtig|falsch|"
     "notwendig|nötig|geboten|erwiesen|sicher|unvermeidlich|angebracht|sinnvoll|wichtig|unerlässlich"),
    ("erachten", "für|als möglich|wahrscheinlich|notwendig|nötig|geboten|richtig|sinnvoll|unerlässlich"),
)
# separable speech verbs written as one word (participle, zu-infinitive, verb-final: "hatte darauf
# hingewiesen, dass …", "gab an, dass" is `SEPARABLE`): they frame only a content clause after them
# ("…, sondern alles auf einen Anschlag hinweist" reports nothing)
JOINED_SPEECH_VERBS: Final = frozenset(
    "hinweisen bekanntgeben klarmachen deutlichmachen entgegenhalten vorbringen angeben voraussagen".split()
)
# verbs of claiming, confirming and denying whose accusative object is what was claimed ("Die
# Zeitung behauptet erste Zusammenstöße", "Das Ministerium dementierte jede Beteiligung")
OBJECT_CONTENT_VERBS: Final = frozenset("behaupten dementieren bestreiten bestätigen".split())
# past forms of reflexive speech verbs that the dictionary reads as adjectives: before "sich"
# they are the verb ("Die Partei bekannte sich zur Verantwortung"; not "die bekannte Autorin")
REFLEXIVE_VERB_FORMS: Final = {"bekannte": "bekennen", "bekannten": "bekennen"}
# the outlet speaking of itself: "wir" before a colon is no one else's speech
OUTLET_PRONOUNS: Final = frozenset(["wir", "uns"])
# "ich" (and Jch, the old print form): a Konjunktiv-like form next to it is the indicative
FIRST_PERSON_SINGULAR: Final = frozenset(["ich", "jch"])

# --- targets (used by `framing.targets`) ---------------------------------------------------
# verbs that put a label on their object with "als": "Putin hat Prigoschin als Verräter
# bezeichnet" aims "Verräter" at Prigoschin, not at the speaker
LABELLING_VERBS: Final = frozenset(
    """
    bezeichnen beschimpfen abstempeln brandmarken darstellen verunglimpfen diffamieren titulieren
    schmähen verhöhnen verunglimpfen bezichtigen denunzieren hinstellen
    """.split()
)
# categories whose words name an act or instrument of force (war terminology): whom they judge
# follows only from grammar (who wields it), never from the nearest actor
NO_NEAREST: Final = frozenset({"war-terminology"})


# --- quotations and reported speech (framing.quotes) ------------------------------------------

SPEECH_VERBS: Final = frozenset(
    """
    sagen erklären mitteilen betonen behaupten warnen drohen fordern schreiben berichten melden
    äußern hinzufügen hervorheben ankündigen versprechen bezeichnen nennen loben kritisieren
    zitieren antworten unterstreichen bekräftigen einräumen zugeben bestreiten dementieren
    verkünden bestätigen heißen pochen mahnen appellieren klagen beklagen beschuldigen vorwerfen erwähnen
    unterstellen prahlen ergänzen fragen rufen kommentieren andeuten signalisieren erläutern
    darlegen beteuern versichern zurückweisen argumentieren festhalten klarstellen verlangen
    twittern posten verweisen anmerken ausführen bemerken feststellen kontern monieren schimpfen
    spotten wettern verlauten beschreiben anführen urteilen bilanzieren insistieren jubeln
    prophezeien vorhersagen einwenden entgegnen erwidern protestieren verurteilen anprangern
    bekunden bekennen beharren beschwören zusichern zusagen eingestehen unterrichten informieren
    sprechen reden darstellen titeln nachsagen vorhalten ausrufen bedauern begrüßen erzählen
    bitten befehlen raten empfehlen anweisen ersuchen auffordern aufrufen suggerieren formulieren
    resümieren fabulieren schwadronieren tönen raunen orakeln verraten
    gestehen konstatieren einwerfen bezeugen besagen verfügen anordnen
    """.split()
) | MANNER_SPEECH_VERBS
# verbs of belief that introduce reported content but do not attribute a direct quote
COGNITION_VERBS: Final = frozenset([
    "glauben", "meinen", "vermuten", "befürchten", "fürchten", "annehmen", "hoffen", "wissen", "begreifen",
    "bezweifeln", "zweifeln", "überzeugen", "erfahren", "verstehen", "denken", "wünschen", "erwarten", "rechnen",
])
# verbs of knowing, perceiving, remembering, deciding, and investigating: their dass-, ob- or zu-clause is
# someone's thought (reported thought); they frame a sentence only when such a clause follows
# ("man vergißt, daß …", "der Verein hat beschlossen, … zu gründen")
THOUGHT_VERBS: Final = frozenset(
    """
    vergessen erinnern bedenken erkennen einsehen finden sehen hören vernehmen beschließen wundern
    ahnen merken beobachten lesen träumen entscheiden beabsichtigen gedenken weigern vorhaben
    planen vorgeben geloben schwören wetten
    ermitteln
    """.split()
)
# verbs whose zu-infinitive, with or without a comma, is what was said, thought or intended
# ("Er behauptete, dasselbe zu können", "Man hofft, den Rest bald zu verkaufen")
ZU_CONTENT_VERBS: Final = frozenset(
    """
    behaupten versprechen drohen hoffen glauben meinen beschließen leugnen bestreiten vorgeben
    wetten schwören geloben beteuern versichern ankündigen zusagen zusichern fürchten befürchten
    wünschen vorschlagen beabsichtigen gedenken weigern ablehnen verlangen erklären
    """.split()
)
# words opening a clause whose Konjunktiv marks purpose, comparison, place or concession, not
# someone's report ("damit er länger halte", "als ob sie herkämen", "wohin er wolle")
KONJ_NOT_REPORT_OPENERS: Final = frozenset(
    """
    als damit ohne wohin woher wo welche welcher welches welchen welchem obgleich obwohl sodass
    gleichsam
    """.split()
)
# older spellings of small words (before 1901) -> today's, tried in order when the dictionary
# does not know a word: "theilt" → "teilt", "erwiederte" → "erwiderte", "giebt" → "gibt"
OLD_SPELLINGS: Final = (("th", "t"), ("erwied", "erwid"), ("giebt", "gibt"), ("seyn", "sein"), ("ß", "ss"))
# question words that open an indirect question after a verb of saying or knowing ("fragte,
# warum …", "weiß nicht, wann …"; not was/welche/wo/wie, which open relative or comparing clauses too)
WH_WORDS: Final = frozenset(
    """
    wer wen wem warum weshalb weswegen wieso wann woher wohin inwiefern inwieweit
    """.split()
)
# words after a question word that make it a comparison, not an indirect question ("wie schon
# gesagt", "wie immer")
WH_NOT_CLAUSE: Final = frozenset("schon bereits immer gesagt erwähnt bekannt gewohnt üblich folgt gemeldet".split())
# "um/ohne/statt … zu": a purpose or manner, not reported content
PURPOSE_ZU: Final = frozenset(["um", "ohne", "statt", "anstatt", "anstelle"])
# infinitives that may follow the zu-infinitive of reported content ("senken zu können")
MODAL_INFINITIVES: Final = frozenset(["können", "müssen", "sollen", "dürfen", "wollen", "haben", "sein", "werden"])
# words after a comma where the main clause goes on past a dass/ob/zu clause ("…, damit …")
MATRIX_CLAUSE_OPENERS: Final = frozenset("damit während wobei sodass weshalb worauf wodurch nachdem".split())
# conjunctions after a comma that may coordinate a main clause ("…, und kündigte Hilfe an")
MAIN_COORDINATORS: Final = frozenset(["und", "aber", "sondern", "doch", "allein", "denn", "jedoch"])
# articles (also fused with a preposition) before a quoted name of a paper, club or work
NAME_ARTICLES: Final = frozenset("der die das des dem den im vom zum zur beim ins".split())
# relative pronouns: "…, sagte der Alte, den ich gefragt, …"
RELATIVE_PRONOUNS: Final = frozenset(
    "der die das den dem deren dessen denen welcher welche welches welchen welchem".split()
)
# pronouns of formal or plural address, as written (also the old "Jhr"): a sign of speech
FORMAL_ADDRESS: Final = frozenset(["Sie", "Ihr", "Jhr", "Ihnen", "Jhnen", "Euch"])
# indefinite articles: "eine Antwort: Wie …?" names no one's words
INDEFINITE_ARTICLES: Final = frozenset("ein eine einen einem einer eines".split())
# lemmas of auxiliary and modal verbs: their Konjunktiv before "man" is no precept
AUXILIARY_LEMMAS: Final = frozenset(
    ["sein", "haben", "werden", "können", "müssen", "sollen", "wollen", "dürfen", "mögen"]
)
# old spellings of umlauts at the start of a word (Ueberzeugung, Aeußerung), for look-ups
OLD_UMLAUTS: Final = {"ue": "ü", "ae": "ä", "oe": "ö"}
# verbs of request: their zu-infinitive clause is the reported request ("forderte ihn auf, zu gehen")
REQUEST_VERBS: Final = frozenset(
    "auffordern fordern bitten verlangen drängen befehlen raten empfehlen mahnen appellieren anweisen "
    "ersuchen beschwören warnen".split()
)
# separable verbs: lemma of the finite part -> particles that complete it
SEPARABLE: Final = {
    "fügen": {"hinzu"}, "heben": {"hervor"}, "kündigen": {"an"}, "teilen": {"mit"},
    "weisen": {"zurück", "hin"}, "werfen": {"vor"}, "räumen": {"ein"}, "geben": {"bekannt", "zu"},
    "deuten": {"an"}, "stellen": {"klar", "fest"}, "halten": {"fest", "entgegen"},
    "merken": {"an"}, "führen": {"aus", "an"}, "bringen": {"vor"}, "sichern": {"zu"},
    "sagen": {"zu", "voraus"}, "fordern": {"auf"}, "rufen": {"auf"}, "stehen": {"ein"}, "gestehen": {"ein"},
    "wenden": {"ein"}, "ordnen": {"an"},
}
for _lemma, _parts in MORE_SEPARABLE_SPEECH.items():
    SEPARABLE[_lemma] = SEPARABLE.get(_lemma, set()) | _parts
REPORT_MARKERS: Final = {"laut", "zufolge", *REPORT_ADVERBS}
# nouns whose "…, dass …" clause is someone's statement, belief or request ("die Nachricht,
# dass …"); unlike SPEECH_NOUNS they do not make the other quotations of a sentence someone's
CONTENT_NOUNS: Final = frozenset(
    """
    nachricht meldung hoffnung behauptung gerücht ansicht meinung überzeugung befürchtung
    aufforderung wunsch versicherung annahme vermutung erklärung forderung warnung vorwurf
    zusicherung versprechen eindruck gewissheit erkenntnis mitteilung bemerkung gedanke gedanken
    glaube glauben ahnung verdacht vermerk folgerung einfall bitte vorschlag anerbieten zusage
    beschluss beschluß entschluss entschluß absicht gefühl bewusstsein bewußtsein hinweis klage
    beschwerde antwort frage zweifel grundsatz auffassung standpunkt versprechung drohung these
    erwartung bemerken schluss schluß
    """.split()
)
# verbs that frame someone's words only with "sich": "Die Minister zeigten sich „besorgt“"
REFLEXIVE_CUES: Final = frozenset(["zeigen", "geben", "äußern"])
# nouns that frame the words next to them as someone's: "mit den Worten", "der Vorwurf",
# "„Lügner“-Rufe" (lower-cased forms as written)
SPEECH_NOUNS: Final = frozenset(
    """
    worte worten wortlaut zitat zitate aussage aussagen äußerung äußerungen erklärung rufe rufen
    vorwurf vorwürfe vorwurfs formulierung wortwahl parole parolen slogan slogans schlagzeile
    bezeichnung appell warnung warnungen forderung forderungen kritik vorwürfen stellungnahme
    """.split()
)
# verbs whose "als …" complement is the speaker's own label for something
LABEL_VERBS: Final = frozenset(["bezeichnen", "einstufen", "kritisieren", "verurteilen", "darstellen", "werten"])
SPEECH_OR_COGNITION: Final = SPEECH_VERBS | COGNITION_VERBS
QUOTE_PREPOSITIONS: Final = frozenset(
    """
    am im in vor gegenüber bei beim auf laut nach während mit zu zum zur unter seit über für
    gegen um aus an vom von angesichts trotz wegen hinsichtlich bezüglich diesbezüglich
    jm jn
    """.split()
)  # (jm, jn: im, in in older print, where capital I is set as J: "Jm Jahre 1813 hörte X, daß …")
NP_STOP: Final = QUOTE_PREPOSITIONS | frozenset(
    """
    und oder aber doch dass ob weil wenn als wie jedoch auch zudem bereits nun dabei damals dann
    heute gestern morgen ebenfalls außerdem erneut wiederholt zuletzt später kürzlich derzeit
    jetzt noch schon sich es nicht offenbar demnach zufolge bislang bisher daher deshalb
    allerdings zunächst weiter weiterhin so dazu dort hier zuvor sogar ausdrücklich mehrfach
    montag dienstag mittwoch donnerstag freitag samstag sonntag anfang ende mitte
    """.split()
)
SKIP_AFTER_VERB: Final = frozenset(
    """
    jedoch auch zudem dabei nun bereits diesbezüglich damals ebenfalls außerdem erneut
    wiederholt zuletzt später kürzlich derzeit jetzt noch schon sogar ausdrücklich mehrfach
    offenbar dann daher deshalb allerdings zunächst weiter weiterhin zumindest immerhin
    übereinstimmend gleichzeitig indes unterdessen
    """.split()
)
DETERMINERS: Final = frozenset(
    """
    der die das den dem des ein eine einen einem einer eines sein seine seinen seinem seiner ihr
    ihre ihren ihrem ihrer dessen deren mehrere einige viele zwei drei alle
    """.split()
)
NP_BREAKERS: Final = frozenset(["die", "das", "den", "dem", "ein", "eine", "einen", "einem"])  # start a new phrase
PRONOUNS: Final = frozenset(["er", "sie", "ihn", "ihm", "ihnen", "diese", "dieser"])
DEMONSTRATIVES: Final = frozenset(["das", "dies"])  # "Das berichtet das WSJ": object, not subject
QUOTE_SUBORDINATORS: Final = frozenset("dass ob weil wenn als wie nachdem obwohl während wobei da sodass".split())
AUXILIARIES: Final = frozenset(
    """
    hat haben hatte hatten habe ist sind war waren sei wird werden wurde wurden werde kann
    können konnte konnten soll sollen sollte sollten will wollen wollte wollten
    """.split()
)
ANONYMOUS: Final = frozenset(["man"])
MEDIA_NOUNS: Final = frozenset(
    """
    magazin zeitung sender portal nachrichtenportal agentur nachrichtenagentur blatt medium
    titel buch film sendung operation programm schiff kampagne app plattform
    """.split()
)
KONJ1: Final = frozenset(
    """
    sei seien seiest habe werde könne müsse solle wolle dürfe möge wisse gebe liege stehe gehe
    komme lasse bleibe
    """.split()
)
KONJ2_REPORT: Final = frozenset(["wäre", "wären", "hätte", "hätten", "würde", "würden"])

# --- speakers (framing.quotes): who is quoted -------------------------------------------------
# Words that open a main clause before the finite verb and are no noun phrase, so they are never
# the speaker: "Dagegen beschreibt X …", "Natürlich sagt X …", "Was X sagt, …". Pronominal
# adverbs (da-/dar-/wo-/wor-/hier- + a preposition: dagegen, darauf, womit, hierzu) are
# recognised by their form (`PRONOMINAL_ADVERB_HEADS`), the others are listed.
CLAUSE_ADVERBS: Final = frozenset(
    """
    da dann nun so doch denn also zwar jedoch dennoch trotzdem gleichwohl dagegen demgegenüber
    hingegen stattdessen natürlich freilich selbstverständlich sicherlich vielleicht offenbar
    offensichtlich anscheinend angeblich womöglich möglicherweise wahrscheinlich tatsächlich
    zuvörderst zuerst zunächst erstens zweitens drittens weiters sodann hernach ebenfalls
    gleichfalls zugleich gleichzeitig immerhin zumindest wenigstens jedenfalls ohnehin sowieso
    eben gerade bloß lediglich nämlich übrigens außerdem ausserdem überdies insbesondere etwa
    beispielsweise
    allerdings indessen indes derweil unterdessen inzwischen mittlerweile seither seitdem bisher
    bislang damals einst früher kürzlich neulich jüngst zuletzt vorher nachher später bald
    heute gestern morgen abends morgens nachts jetzt sofort kaum fast beinahe nur auch sogar
    selbst noch schon bereits wieder erneut abermals nochmals zwischenzeitlich hier dort
    dabei dazu damit daher deshalb deswegen darum somit folglich demnach demzufolge ergo
    was wer wen wem wessen wie wo wann warum weshalb wieso weswegen woher wohin inwiefern
    """.split()
)
# the first parts of pronominal adverbs (darauf, womit, hierzu), before one of PRONOMINAL_ADVERB_HEADS
PRONOMINAL_ADVERB_PREFIXES: Final = ("dar", "da", "wor", "wo", "hier")
# the prepositions of pronominal adverbs: da(r)-/wo(r)-/hier- + one of these is an adverb
PRONOMINAL_ADVERB_HEADS: Final = frozenset(
    "an auf aus bei durch für gegen hinter in mit nach neben über um unter von vor wider zu zwischen".split()
)
# object pronouns stand between a speech verb and its subject ("rief ihnen Rukwied zu",
# "sagte ihm der Minister"); they are never the speaker (except after "zitieren": "zitiert ihn")
OBJECT_PRONOUNS: Final = frozenset("ihm ihn ihnen mir mich dir dich uns euch einem einen".split())
# pronouns of the first person: a speaker named so is kept as written ("ich", "wir")
FIRST_PERSON_SPEAKERS: Final = frozenset(["ich", "wir", "jch"])
# words that open a verb-final clause whose subject follows them ("seitdem der Verband …
# aufgerufen hat", "was die Verwaltung erklärt hatte", "obwohl selbst das ZDF … bezeichnet")
CLAUSE_OPENERS: Final = frozenset(
    """
    dass daß ob weil wenn als nachdem obwohl obgleich obschon während da sodass seitdem seit
    bevor ehe sobald solange falls sofern soweit indem wenngleich damit was wer wen wem warum
    weshalb wieso weswegen wo wann woraufhin inwiefern inwieweit
    """.split()
)
# relative pronouns that can be the subject of a relative clause ("…, die schreibt, …"); all
# forms, also the oblique ones, are RELATIVE_PRONOUNS above
SUBJECT_RELATIVE_PRONOUNS: Final = frozenset("der die das welcher welche welches".split())
# Nouns of a role a person speaks in (lower case; also as the last part of a compound:
# "Kremlsprecher", "Bauernpräsident", "FDP-Chef"). A definite description by such a noun
# without a name ("sagte der Minister", "so die Witwe") refers back to the person last named
# as subject or speaker; after a speech verb such a noun is a speaker, not an object.
ROLE_NOUNS: Final = frozenset(
    """
    sprecher sprecherin pressesprecher pressesprecherin minister ministerin kanzler kanzlerin
    präsident präsidentin vizepräsident vizepräsidentin chef chefin vorsitzende vorsitzender
    vorsitzenden berater beraterin sekretär sekretärin botschafter botschafterin politiker
    politikerin abgeordnete abgeordneter experte expertin journalist journalistin korrespondent
    korrespondentin reporter reporterin direktor direktorin leiter leiterin anwalt anwältin
    führer führerin kommandeur kommandeurin general generalin befehlshaber bürgermeister
    bürgermeisterin gouverneur gouverneurin regierungschef regierungschefin premier premierministerin
    premierminister staatschef staatschefin ministerpräsident ministerpräsidentin senator senatorin
    richter richterin staatsanwalt staatsanwältin ermittler ermittlerin polizist polizistin
    beamte beamter beamtin diplomat diplomatin funktionär funktionärin gründer gründerin
    autor autorin kritiker kritikerin aktivist aktivistin oppositionelle oppositioneller
    witwe witwer ehefrau ehemann mutter vater tochter sohn bruder schwester anhänger anhängerin
    kolumnist kolumnistin kommentator kommentatorin analyst analystin forscher forscherin
    wissenschaftler wissenschaftlerin historiker historikerin ökonom ökonomin professor professorin
    landwirt landwirtin bauer bäuerin augenzeuge augenzeugin zeuge zeugin sprecherinnen sprecherin
    generalsekretär generalsekretärin vertreter vertreterin beauftragte beauftragter
    """.split()
)
# the last part of a compound role noun ("Regierungssprecher", "Verbandspräsidentin")
ROLE_NOUN_HEADS: Final = (
    "sprecher", "sprecherin", "minister", "ministerin", "kanzler", "kanzlerin", "präsident", "präsidentin",
    "chef", "chefin", "vorsitzende", "vorsitzender", "berater", "beraterin", "sekretär", "sekretärin",
    "botschafter", "botschafterin", "politiker", "politikerin", "experte", "expertin", "journalist",
    "journalistin", "korrespondent", "korrespondentin", "direktor", "direktorin", "leiter", "leiterin",
    "führer", "führerin", "kommandeur", "meister", "meisterin", "beauftragte", "beauftragter",
)
# nouns of a report or statement whose author follows with "von" ("einer Mitteilung von RIA
# Novosti", "ein Bericht von Reuters"); lower case, also as the end of a compound
REPORT_NOUN_HEADS: Final = (
    "mitteilung", "bericht", "berichte", "berichten", "meldung", "meldungen", "erklärung", "stellungnahme",
    "interview", "angaben", "recherche", "recherchen", "informationen", "aussage", "aussagen", "äußerung",
    "zitat", "post", "tweet", "beitrag", "kommentar", "schreiben", "brief",
)
# determiners that can open a genitive attribute after a noun ("der Sprecher der Partei")
GENITIVE_DETERMINERS: Final = frozenset("des der einer eines dessen deren seiner ihrer".split())
# forms of the passive auxiliary: "wurde vom Ministerium kritisiert" names its speaker as agent
WERDEN_FORMS: Final = frozenset("wird werden wurde wurden worden werde würde würden".split())
# adjectives before a source noun that name no source ("nach ersten Angaben": the outlet's figures)
VAGUE_SOURCE_ADJECTIVES: Final = frozenset(
    "ersten ersteren vorläufigen bisherigen eigenen offiziellen aktuellen jüngsten neuesten neuen weiteren "
    "übereinstimmenden unbestätigten inoffiziellen verschiedenen mehreren".split())
# words that open a quotation in the first person ("„Wir …“"): it is someone's, not the outlet's
FIRST_PERSON_OPENERS: Final = ("Ich", "Wir", "Mein", "Meine", "Unser", "Unsere", "Uns")
# Nouns of an institution that speaks (lower case, also as the last part of a compound:
# "Außenministerium", "Bauernverband", "Staatsanwaltschaft", "Nachrichtenagentur").
INSTITUTION_NOUN_HEADS: Final = (
    "ministerium", "regierung", "behörde", "verband", "partei", "agentur", "zeitung", "kommission",
    "amt", "anwaltschaft", "polizei", "botschaft", "gericht", "dienst", "sender", "fraktion",
    "gewerkschaft", "konzern", "kanzlei", "präsidium", "verwaltung", "bündnis", "vereinigung",
    "kreml", "rathaus", "senat", "parlament", "magazin", "portal", "blatt", "kanal", "institut",
    "stiftung", "organisation", "bundeswehr", "armee", "militär", "feuerwehr", "unternehmen",
    "firma", "gesellschaft", "vorstand", "komitee", "ausschuss", "rat", "bund", "verein", "kammer", "union",
    "initiative", "allianz", "netzwerk", "redaktion",
)


# --- sentences (framing.text) -----------------------------------------------------------------

# Abbreviations that end with a dot but rarely end a sentence (lower-cased, without the dot).
ABBREVIATIONS: Final = frozenset(
    """
    abs anm art bd bspw bzgl bzw ca chr co corp dipl dr ebd etc evtl gem gen ggf hl hrsg inkl
    insb jh jhd jr kap kl lt max min mio mrd mr mrs ms nr o.ä og prof red rd s sog st std str
    tel tsd usw vgl vs z.b zit zt jan feb febr mär apr aug sep sept okt nov dez mo di mi do fr
    sa bzw abt ausg dt engl franz frz geb gest hr hrn frl ital jun sen lat mind mrs nachf no
    orig phil pkt qm rev russ span stellv urspr verf vorm zb zzt zugl ltd inc bsp mwst ehem
    se sr ew abg allg kgl königl kais österr städt telegr mill freih frhr exc exz resp nachm ec
    fl kr thlr rth ctr ztr pfd frs pct pr
    """.split()
)
# (the second group: older print, "Se. Majestät", "Sr. Exc.", "des Abg. Dr. Lueger", "königl.
# bayerischen", and old units and currencies: fl. Gulden, kr. Kreuzer, Thlr. Thaler, Ctr. Zentner)
MONTHS: Final = frozenset(
    """
    januar februar märz april mai juni juli august september oktober november dezember jänner
    jan feb mär apr jun jul aug sep sept okt nov dez
    """.split()
)
# words after which a number followed by a dot is an ordinal ("am 12. September")
ORDINAL_CUES: Final = frozenset(
    """
    am vom zum zur im beim bis seit ab der die das dem den des dieser diesem diesen ihrem seinem
    seinen jedem jeden nr nummer platz rang den zu für
    """.split()
)


# --- events (framing.events): words that say nothing about an event ---------------------------

STOPWORDS: Final = frozenset(
    """
    der die das den dem des ein eine einer eines einem einen und oder aber auch nicht nur noch
    schon sich sie er es wir ihr ich man sein seine ihre ihren seinen haben hat hatte hatten sind
    ist war waren wird werden wurde wurden würde würden sei seien kann können könnte dass als wie
    wenn weil ob zu zum zur im in am an auf aus bei mit nach von vom vor für gegen über unter um
    bis seit durch zwischen sowie so dies diese dieser dieses diesem diesen jeder jede jedes mehr
    sehr bereits dabei damit dann denn doch hier dort heute etwa rund laut zufolge demnach andere
    anderen einige viele alle allem beide beiden wieder weiter immer neue neuen neuer ersten erste
    sollen soll müssen muss dürfen wollen will unser unsere ihr ihm ihn ihnen uns euch mich dich
    """.split()
)


# --- dates (framing.events) -------------------------------------------------------------------

MONTH_NAMES: Final = tuple("januar februar märz april mai juni juli august september oktober november dezember".split())
MONTH_VARIANTS: Final = {"jänner": 1}  # other names of a month (Austrian German) -> its number
# words before a month without a year that make it a date ("im September", "Ende Juni")
MONTH_CUES: Final = ("im", "am", "Anfang", "Mitte", "Ende", "seit", "vom", "zum", "bis")
# words that join two days of one month ("am 26. und 27. September")
DAY_JOINERS: Final = ("und",)
# a day before a month's name is its number and this mark ("26. September")
DAY_MARKS: Final = (".",)
# dates in digits as the language writes them: D day, M month (one or two digits), Y year, the
# rest as written ("26.09.2022"; ISO dates, 2022-09-26, are read in every language)
NUMERIC_DATE_FORMATS: Final = ("D.M.Y",)


# --- quotations: words the quotation finder tests by themselves (framing.quotes) ---------------

# the code letters of the quotation finder's sentence scans (framing.quotes._code): "dass"/"ob"
# as written are D and O, in other capitalisations d and o (daß: the old spelling); "wie",
# "und", "als", "vor" in any capitalisation are W, U, A, V
CODE_WORDS_AS_WRITTEN: Final = {"dass": "D", "daß": "D", "ob": "O"}
CODE_WORDS: Final = {"dass": "d", "daß": "d", "ob": "o", "wie": "W", "und": "U", "als": "A", "vor": "V"}
# "…“, so der Minister": the word naming a source after a comma
SO_WORDS: Final = frozenset({"so"})
# nouns that may cue a source ("nach Angaben", "unter Berufung auf")
SOURCE_CUE_NOUNS: Final = frozenset({"angaben", "berufung"})
# source markers: before the source ("laut dem Bericht", also "laut „Times“") and after it
# ("dem Bericht zufolge"); with "das BKA dem Bericht zufolge" the phrase before "zufolge" is
# the dative one after a subject's determiner
SOURCE_MARKERS_BEFORE: Final = ("laut",)
SOURCE_MARKERS_AFTER: Final = frozenset({"zufolge"})
AFTER_SOURCE_SUBJECT_DETERMINERS: Final = frozenset({"das", "die", "ein", "eine"})
AFTER_SOURCE_DATIVE_DETERMINERS: Final = frozenset({"dem", "den", "einem", "der", "einer"})
# words after a short quoted name that make it the source ("„Times“ meldet", "„Courier“ zufolge")
# or a name ("„Zur weißen Lilie“ genannt"), as written
SOURCE_AFTER_QUOTED_NAME: Final = ("zufolge", "berichtet", "berichtete", "schreibt", "schrieb", "meldet", "meldete")
NAMING_AFTER_QUOTED_NAME: Final = ("genannt", "nennt sich", "nannte sich", "heißt", "hieß")
# "nach (russischen) Angaben (von/aus …)": the preposition before a source noun (the cue is it
# and the noun) and the words that may link the noun to its source
SOURCE_NOUN_PREPOSITION: Final = ("nach",)
SOURCE_NOUN_LINKS: Final = frozenset({"von", "aus"})
# the phrase that cites a source: before, noun, after (the cue text as written here)
CITING_PHRASE: Final = ("unter", "Berufung", "auf")
# verbs whose object is the one quoted ("zitierte ihn mit den Worten"), as lemmas
QUOTING_VERBS: Final = frozenset({"zitieren"})
# pronouns of address as written (capitalised; "Jhr" in old print): after a word they make a
# sentence speech to someone ("Haben Sie …")
ADDRESS_PRONOUNS_AS_WRITTEN: Final = ("Sie", "Ihnen", "Ihr", "Ihre", "Ihren", "Ihrem", "Ihrer", "Euch", "Euer", "Jhr",
                                      "Jhnen")
# clitics after an apostrophe ("Napoleon 's Tod", "wie 'ne Ratte"): no quotation mark
CLITICS: Final = ("s", "ne", "n", "nen", "nem", "ner", "m", "r", "em", "s'")
# the subject of a clause (quotation finder): conjunctions that may open the clause before it
# ("und der Minister sagte"), two-word focus phrases before it ("vor allem die SPD wirft …"),
# coordinators of verbs that share it ("verurteilt … und kündigt … an"), the infinitive marker
# and the conjunctions of a purpose clause ("…, um zu erklären": the main clause's subject),
# question words among the clause openers ("wie", "wer", "was": the subject need not follow)
# and those of them that open a relative clause after a comma ("…, was die Verwaltung erklärt hatte")
CLAUSE_LINKING_CONJUNCTIONS: Final = frozenset({"und", "doch", "aber", "denn"})
FOCUS_PHRASES: Final = (("vor", "allem"), ("unter", "anderem"), ("allen", "voran"))
VERB_COORDINATORS: Final = frozenset({"und", "sowie", "oder"})
INFINITIVE_MARKERS: Final = frozenset({"zu"})
PURPOSE_OPENERS: Final = frozenset({"um", "ohne", "statt"})
WH_CLAUSE_OPENERS: Final = frozenset({"wie", "wer", "was"})
WH_RELATIVES: Final = frozenset({"was", "wer"})
# the reflexive pronoun of "zeigte sich besorgt", skipped after a speech verb
REFLEXIVE_PRONOUNS: Final = frozenset({"sich"})
# "mit den Worten:": a text follows verbatim
TEXT_NOUNS: Final = frozenset({"worte", "worten"})
# a quotation written on a carrier: "»…« steht auf einem Plakat der Initiative X" — the verb, its
# prepositions and the endings of carrier nouns (also in compounds: "Wahlplakat", "Protestschild");
# the carrier with its genitive is the source ("stand": the dictionary's lemma of the past form)
INSCRIPTION_VERBS: Final = frozenset({"stehen", "prangen", "stand"})
INSCRIPTION_PREPOSITIONS: Final = frozenset({"auf", "in", "an", "über", "unter"})
CARRIER_NOUN_ENDINGS: Final = (
    "plakat", "plakate", "plakaten", "schild", "schilder", "schildern", "transparent", "transparente",
    "transparenten", "banner", "bannern", "flugblatt", "flugblättern", "zettel", "zetteln", "tafel", "tafeln",
    "aufkleber", "aufklebern", "graffiti", "brief", "briefe", "briefen", "flyer", "flyern", "shirt", "shirts",
)
# subordinators after which a sentence goes on past the speech verb ("…, sagte er, weil …")
ADVERBIAL_SUBORDINATORS: Final = frozenset({"weil", "wenn", "da"})
# "hieß es in dem Bericht": a verb of hearsay whose source follows one of HEARSAY_PREPOSITIONS;
# after NAMELY_SUBJECTS (and, not before a colon, NAMELY_RELATIVES) it means "namely"
# ("das heißt", "was heißt"), no source
HEARSAY_VERBS: Final = frozenset({"heißen"})
HEARSAY_PREPOSITIONS: Final = frozenset({"in", "im", "bei", "aus"})
NAMELY_SUBJECTS: Final = frozenset({"das", "dies"})
NAMELY_RELATIVES: Final = frozenset({"was"})

# --- quotations: forms, endings and pattern fragments the quotation finder's rules test ----------

# capital letters beyond A-Z (the character class of names and speaker labels: "Österreich")
UPPER_LETTERS_BEYOND_ASCII: Final = ("Ä", "Ö", "Ü")
# Konjunktiv I, 3rd person singular, of regular verbs: (infinitive ending, its ending, shortest
# infinitive): planen → plane, handeln → handele, ändern → ändere; never a word ending in
# KONJ1_NOT_ENDINGS ("Idee", "Fee")
KONJ1_FROM_INFINITIVE: Final = (("en", "e", 0), ("eln", "ele", 5), ("ern", "ere", 5))
KONJ1_NOT_ENDINGS: Final = ("ee",)
# Konjunktiv II of a strong verb: its endings, the ending of its infinitive, and the umlauts
# the infinitive lacks (käme – kommen, stünde – stehen)
STRONG_KONJ2_ENDINGS: Final = ("e", "en")
STRONG_KONJ2_INFINITIVE_ENDINGS: Final = ("en",)
UMLAUT_VOWELS: Final = ("ä", "ö", "ü")
# the prefix of a past participle ("gesagt", "geschrieben"; "hatte deutlich gemacht")
PARTICIPLE_PREFIXES: Final = ("ge",)
# endings of a finite verb that can follow a fronted quotation ("…“, nickte Berger", "lachten",
# "sagt", "meinen", "meine") and of infinitives (sagen, ändern, handeln): a form whose lemma
# ends so and that itself does not is finite
FINITE_VERB_ENDINGS: Final = ("te", "ten", "t", "en", "e")
INFINITIVE_ENDINGS: Final = ("en", "ern", "eln")
# the ending of an infinitive with "zu" inside it (anzugreifen, abzuschrecken)
ZU_INFINITIVE_ENDINGS: Final = ("en",)
# the genitive ending of a noun ("des Bauernverbands", "des Vereins")
GENITIVE_ENDINGS: Final = ("s",)
# the pronoun that is "she" or "they" ("indem sie behaupten": several, no one person)
AMBIGUOUS_PRONOUNS: Final = frozenset({"sie"})
# the coordinator "and": joins names in a noun phrase ("Merz und Scholz"), speech verbs ("… an
# und fordert …") and clauses
AND_WORDS: Final = frozenset({"und"})
# conjunctions that never stand right before a subject's verb
NOT_VERB_START_CONJUNCTIONS: Final = frozenset({"und", "aber"})
# conjunctions skipped before the opener of a Konjunktiv clause ("und damit er …")
KONJ_CLAUSE_CONJUNCTIONS: Final = frozenset({"und", "oder", "aber"})
# pronouns that open a clause but no noun phrase ("Dies lehnte X ab", "Es …")
NOT_NOUN_PHRASE_OPENERS: Final = frozenset({"dies", "es"})
# links a role noun or report noun to its organisation ("eine Sprecherin von Greenpeace")
ROLE_LINK_PREPOSITIONS: Final = frozenset({"von"})
# opens the source of a passive at its clause start ("Aus dem Ministerium wurde erklärt")
PASSIVE_SOURCE_PREPOSITIONS: Final = frozenset({"aus"})
# the conjunction of an inserted source clause ("wie Reuters berichtet", "Wie der Economist
# anführt, …") and the pronoun that may follow it ("wie es X formulierte")
SOURCE_CLAUSE_CONJUNCTIONS: Final = frozenset({"wie"})
SOURCE_CLAUSE_PRONOUNS: Final = frozenset({"es"})
# "such as" before a quoted title in a list ("Dichtungen wie „Tod und Verklärung“")
EXAMPLE_WORDS: Final = frozenset({"wie"})
# relative pronouns of a relative clause moved behind the verb's particle ("Die schickte X
# vorbei, der …")
MOVED_RELATIVE_PRONOUNS: Final = frozenset({"der", "die"})
# object-first order ("Den Vorschlag nannte der Minister …"): the articles of a fronted phrase
# that may be an object, those that cannot be a subject, and the subject's article after the verb
FRONTED_OBJECT_ARTICLES: Final = frozenset({"den", "dem", "des", "die", "das"})
NOT_SUBJECT_ARTICLES: Final = frozenset({"den", "dem", "des"})
SUBJECT_ARTICLES: Final = frozenset({"der"})
# articles of the genitive source after a speech or content noun ("der Vorwurf der Opposition")
SOURCE_GENITIVE_ARTICLES: Final = frozenset({"des", "der"})
# articles opening an apposition after a subject's comma ("Jake Sullivan, der
# Sicherheitsberater, sagte …") and after a reported clause's comma
APPOSITION_ARTICLES: Final = frozenset({"der", "die", "das", "ein", "eine"})
APPOSITION_AFTER_ARTICLES: Final = frozenset({"der", "die", "das"})
# conjunctions of a content clause ("dass", old "daß", "ob")
CONTENT_CLAUSE_CONJUNCTIONS: Final = frozenset({"dass", "daß", "ob"})
# verbs whose object and label are the speaker's ("nannte den Gipfel das größte Ereignis")
NAMING_SPEECH_VERBS: Final = frozenset({"nennen"})
# verbs of charging with a particle: the charge lies between verb and particle ("warf der
# US-Regierung Heuchelei vor")
CHARGE_PARTICLES: Final = {"werfen": "vor"}
# reflexive cues that frame the words after their colon ("äußerte sich:"; not "zeigt sich
# „überrascht“:")
COLON_REFLEXIVE_CUES: Final = frozenset({"äußern"})
# the preposition of a text noun before a colon ("mit den Worten:")
TEXT_NOUN_PREPOSITIONS: Final = frozenset({"mit"})
# prepositions after a speaker that open no place or medium ("sagte X als …", "an …")
NOT_PLACE_PREPOSITIONS: Final = frozenset({"als", "an", "auf", "über"})
# words that may close an inquit after its subject ("…“, fügte Berger hinzu", "…, und")
INQUIT_CLOSERS: Final = frozenset({"und", "heraus", "hinzu", "zu", "an"})
# words joining the items of a list of quoted titles ("„…“, „…“ und „…“", "u." for und); the
# word joining the last two items
TITLE_LIST_JOINERS: Final = ("und", "oder", "wie", "u.")
TITLE_LIST_AND: Final = ("und",)
# words after "„…“ – Name" that keep the name a headline's speaker ("– Scholz zu …", "über")
DASH_SPEAKER_FOLLOWERS: Final = ("zu", "über")
# small words inside a dialogue turn's speaker label ("Graf von Bülow:", "v.")
TURN_LABEL_NAME_PARTS: Final = ("von", "v.")
# Swiss spelling of German letters (ß as ss: "hiess" for "hieß")
SWISS_SPELLINGS: Final = (("ß", "ss"),)


# --- actor descriptors (framing.actors) -------------------------------------------------------

ARTICLES: Final = frozenset("der die das des dem den ein eine einer eines einem einen".split())
# Function words (also capitalised at a sentence start) never belong to a descriptor.
DESCRIPTOR_STOP: Final = frozenset(
    """
    und oder aber sowie mit von vom zu zum zur bei beim nach in im an am auf für gegen um über
    unter vor hinter seit als wie dass ob wenn weil auch nur noch schon sich es er sie wir ihr
    neben da sowohl zwischen während trotz wegen laut dessen deren sein seine seines seinem
    seinen seiner ihre ihres ihrem ihren ihrer unser unsere dieser diese dieses diesem diesen
    jener jene denn doch so dann damit somit dabei hier dort heute gestern morgen
    """.split()
)


# --- words and compounds (framing.matching) ---------------------------------------------------

LINKING_ELEMENTS: Final = ("", "s", "es", "n", "en", "e")  # linking elements of compounds (Fugenelemente)
# particles of separable verbs (longest first); unter-, über-, durch-, um- are left out: mostly inseparable
VERB_PARTICLES: Final = ("zusammen", "entgegen", "hinterher", "zurück", "herunter", "heraus", "herab", "herauf",
                         "herbei", "herum", "hinaus", "hinein", "nieder", "vorbei", "empor", "bloß", "heim", "weg",
                         "ein", "an", "ab", "auf", "aus", "vor", "zu", "mit", "nach", "los", "hoch", "fest", "her",
                         "hin", "bei", "dar")
# endings of inflected forms simplemma may not know, with what the dictionary form ends in
# instead: adjectives (drakonische → drakonisch), verbs (verharmlost → verharmlosen,
# diffamierte → diffamieren), nouns (Putinisten → Putinist, Überfliegerin → Überflieger)
STEM_RULES: Final = (("innen", ""), ("ierten", "ieren"), ("ierte", "ieren"), ("iert", "ieren"), ("elte", "eln"),
                      ("erte", "ern"), ("elt", "eln"), ("ert", "ern"), ("tren", "trum"), ("tete", "ten"),
                      ("ete", "en"), ("et", "en"), ("te", "en"), ("t", "en"), ("em", ""), ("en", ""), ("er", ""),
                      ("es", ""), ("in", ""), ("e", ""), ("n", ""), ("s", ""))
# endings of attributive adjectives and participles (die russische, des neuen, der größten)
INFLECTION_ENDINGS: Final = ("e", "en", "er", "es", "em")
# words a split phrase may do without ("Öl ins Feuer gießen" is also "gießt Öl in das Feuer"):
# prepositions, articles, pronouns, when at least two other words remain
SPLIT_FUNCTION_WORDS: Final = frozenset(
    "in ins im an am auf aus bei mit nach von vom zu zum zur über unter vor hinter durch für gegen um "
    "der die das den dem des ein eine einen einem einer eines sich".split())
# a short quotation without a speaker holding one of these (I/we/you, a finite verb) is a
# quotation, not a scare quote (English ones too: quoted English words)
CITATION_WORDS: Final = frozenset(
    "ich mich mir mein meine meinen meinem meiner wir uns unser unsere unseren unserem unserer du dich dir "
    "dein deine ihr euch euer eure ist sind war waren wird werden wurde wurden hat haben hatte hatten "
    "gibt gab kann können konnte muss müssen musste soll sollen will wollen wollte habe sei seien wäre "
    "wären hätte hätten würde würden i we you it's is are was".split())
# articles before a quoted name, skipped to find the naming noun ("die Segeljacht „Andromeda“")
TITLE_ARTICLES: Final = frozenset({"der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "einem", "einen"})
# words that join the parts of a quotation that is no name ("„Brot und Spiele“")
NAME_CONNECTORS: Final = frozenset({"und", "oder", "&", "sowie"})
# particles of separable verbs in idioms beyond VERB_PARTICLES, with the colloquial short forms
# ("geht den Bach runter", "gibt klein bei")
IDIOM_PARTICLES: Final = ("runter", "rauf", "raus", "rein", "rüber", "weiter", "fort", "frei", "voran", "um", "durch")
# the "speaker" of an impersonal frame ("glaubt man, das „System“ wanke"; "heißt es"): nobody; a
# short quotation sourced only so is the outlet's own distancing
IMPERSONAL_SOURCES: Final = frozenset({"man", "es"})
# coalitions' nicknames are names, often quoted without distancing («Ampel», „GroKo“)
COALITION_NICKNAMES: Final = frozenset({
    "ampel", "ampelkoalition", "ampel-koalition", "groko", "große koalition", "jamaika", "jamaika-koalition",
    "kenia", "kenia-koalition", "schwampel", "deutschland-koalition", "simbabwe-koalition", "bahamas-koalition",
    "türkis-grün", "schwarz-blau", "türkis-blau", "rot-grün", "schwarz-grün", "schwarz-gelb", "schwarz-rot",
    "rot-rot-grün", "r2g"})

# The matcher's built-in constructions (framing.matching); the regular expressions are built
# from these once per language.
# "Er will nichts gewusst haben": forms of "wollen", the auxiliaries of the perfect infinitive,
# the prefixes of participles without "ge" (verstanden, erkannt), and the words that end the clause
WOLLEN_FORMS: Final = frozenset({"will", "willst", "wollen", "wollt", "wollte", "wollten", "wolle", "wollest"})
PERFECT_AUXILIARIES: Final = frozenset({"haben", "sein"})
INSEPARABLE_PREFIXES: Final = ("be", "ver", "er", "ent", "zer", "emp", "miss", "über", "unter", "hinter", "wider")
CLAIM_CLAUSE_BREAKS: Final = frozenset({"bis", "dass", "und", "oder"})
# words that join clauses: a separable particle or a perfect infinitive before them closes its clause
CLAUSE_JOINERS: Final = frozenset({"und", "oder"})
# the particle of a split phrase's separable verb closes its clause before these too ("nimmt sie
# aus wie eine Weihnachtsgans")
PARTICLE_CLOSERS: Final = frozenset({"und", "oder", "wie", "als"})
# the subject of an impersonal attribution verb ("es droht ein Krieg"): nobody is quoted
IMPERSONAL_SUBJECTS: Final = frozenset({"es"})
# "die schwerste Krise seit Jahrzehnten": superlative-like words that set nothing against history
NOT_SUPERLATIVE: Final = frozenset({"erst", "letzt", "nächst", "meist", "selbst", "sonst", "fest", "best", "gut",
                                    "erfolgreich", "jung", "jüngst", "alt", "ältest", "früh", "spät", "lang",
                                    "viel", "wenig", "nah", "hoch", "höchst", "oberst", "unterst",
                                    "größtmöglich"})
# number words (cardinal; with ORDINAL_ENDINGS also ordinal: "der sechste Spieler"), the endings
# of the tens (zwanzig, dreißig) and the ordinal endings
NUMBER_WORDS: Final = ("ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf",
                       "zwölf", "dreizehn", "vierzehn", "fünfzehn", "sechzehn", "siebzehn", "achtzehn",
                       "neunzehn", "hundert", "tausend")
TENS_ENDINGS: Final = ("zig", "ßig")
ORDINAL_ENDINGS: Final = ("te", "tem", "ten", "ter", "tes", "ste", "stem", "sten", "ster", "stes")
# the preposition and the beginnings of the nouns after it that set a superlative against history
SINCE_WORDS: Final = frozenset({"seit"})
SINCE_NOUNS: Final = ("jahrzehnt", "jahrhundert", "menschengedenken", "kriegsende", "ende", "gründung", "beginn",
                      "bestehen", "weltkrieg", "zweiten", "ersten", "wende", "wiedervereinigung", "mauerfall",
                      "jahren", "langem", "generationen")
# "… nach dem Zweiten Weltkrieg": the preposition and its articles
AFTER_WORDS: Final = frozenset({"nach"})
AFTER_ARTICLES: Final = frozenset({"dem", "der"})
# "aller Zeiten": the genitive and its noun
ALL_TIMES: Final = (("aller", "zeiten"),)
# "der größte Skandal der Geschichte / des Jahrhunderts": genitive articles and the ages
AGE_ARTICLES: Final = frozenset({"der", "des"})
AGES: Final = frozenset({"geschichte", "menschheitsgeschichte", "nachkriegsgeschichte", "weltgeschichte",
                         "menschheit", "jahrhunderts", "jahrtausends", "jahrzehnts"})
# "Der Kontrast könnte kaum größer sein": the adverb, the modal forms, the verbs, and the
# comparatives the comparison with the lemma misses
HARDLY_WORDS: Final = frozenset({"kaum"})
KOENNEN_FORMS: Final = frozenset({"kann", "könnte", "könnten", "können", "konnte", "konnten", "dürfte", "dürften"})
HARDLY_VERBS: Final = frozenset({"sein", "ausfallen", "werden"})
IRREGULAR_COMPARATIVES: Final = frozenset({"besser"})
# inflection the matcher's helpers strip or recognise: comparative endings ("größer"), the
# adjective endings of phrase words, tried in this order ("dem Dritten" → "dritt"), the
# participle of a verb lemma (lemma ending → participle ending: "importieren" → "importiert"),
# and a past participle as written: its endings, what it holds before its last three letters
# ("gesehen", "herausgefunden") or how it ends ("ignoriert"); inseparable prefixes see above
# the lower-case letters of German beyond a-z; superlative endings as written ("größte",
# "schlimmsten") and those stripped to find the adjective ("unbeliebteste" -> "unbeliebt")
LOWER_LETTERS_BEYOND_ASCII: Final = ("ä", "ö", "ü", "ß")
SUPERLATIVE_ENDINGS: Final = tuple(f"{s}te{e}" for s in ("s", "ß") for e in ("", "m", "n", "r", "s"))
STRIPPED_SUPERLATIVE_ENDINGS: Final = tuple(f"{e}ste{f}" for e in ("", "e") for f in ("", "m", "n", "r", "s"))
COMPARATIVE_ENDINGS: Final = ("er",)
ADJECTIVE_STEM_ENDINGS: Final = ("em", "en", "er", "es", "e")
PARTICIPLE_RULES: Final = (("ern", "ert"), ("eln", "elt"), ("ieren", "iert"))
PARTICIPLE_ENDINGS: Final = ("t", "en")
PARTICIPLE_INFIXES: Final = ("ge",)
PARTICIPLE_SUFFIXES: Final = ("iert",)
# how a weak past participle or a participial adjective ends (aufgebauscht, abgestürzte,
# weggeduckten): the matcher drops its "ge" to find the verb when the lemmatiser does not know it
PARTICIPLE_WORD_ENDINGS: Final = ("t", "te", "ten", "ter", "tes", "tem")
# nouns made of an adjective (Sturheit, Verlogenheit, Dreistigkeit): the suffixes the matcher
# strips to find an adjective entry, longest first
ADJECTIVE_NOUN_SUFFIXES: Final = ("igkeit", "heit", "keit")
# letters written two ways, one form for matching split phrases (simplemma: "goss" -> "giessen")
LETTER_FOLDS: Final = (("ß", "ss"),)
# vowels and their umlauts: simplemma takes some strong present forms for another verb ("fällt"
# -> fällen, not fallen), so a split phrase's "fallen" also accepts "fällen"; a comparative is
# its lemma umlauted ("größer": groß)
UMLAUTS: Final = (("a", "ä"), ("o", "ö"), ("u", "ü"))
# verb lemmas (they end as VERB_LEMMA_ENDINGS above): how the stem of a separable one ends (its
# particle taken off: "absägen" -> "sägen", "runtergehen" -> "gehen"), and the infinitive ending
# of the verbs given an umlaut and of an infinitive before "wollen" ("… einrücken wollten")
SEPARABLE_STEM_ENDINGS: Final = ("en", "ern", "eln")
UMLAUT_INFINITIVE_ENDINGS: Final = ("en",)
# verb forms of Konjunktiv I (and II) outside a short quotation that make it reported speech
KONJUNKTIV_FORMS: Final = frozenset({"sei", "seien", "habe", "hätten", "werde", "könne", "müsse", "solle", "wolle",
                                     "gebe", "liege", "stehe", "wisse", "bleibe", "gehe", "komme"})
# nouns (and ends of compounds) that name what follows in quotation marks (Söldnergruppe „Wagner“)
NAMING_HEADS: Final = (
    "organisation", "gruppe", "truppe", "kanal", "zeitung", "magazin", "blatt", "restaurant", "jacht", "yacht",
    "schiff", "boot", "fähre", "lager", "camp", "film", "buch", "roman", "serie", "album", "song", "lied", "titel",
    "sendung", "show", "podcast", "kampagne", "projekt", "programm", "initiative", "plattform", "firma",
    "konzern", "unternehmen", "marke", "netzwerk", "verein", "partei", "bündnis", "bewegung", "festival",
    "stück", "oper", "musical", "ausstellung", "app", "portal", "hotel", "lokal", "club", "klub", "band",
    "sender", "station", "rakete", "modell", "mission", "manöver", "operation", "label", "verlag", "kolumne",
    "rubrik", "studie", "bericht", "doku", "dokumentation", "reihe", "format", "künstler", "künstlerin", "name",
    "namen", "motto", "slogan")
# a charge in its legal wording: "wegen (des Verdachts der) „…“" (case as written) near a
# prosecution word (any case; the stems also with any ending: "ermittelt", "Staatsanwaltschaft")
CHARGE_CUES: Final = frozenset({"wegen", "Verdacht", "Verdachts", "Vorwurf", "Vorwurfs", "Tatbestand",
                                "Tatbestands", "Tatbestandes"})
CHARGE_LINKS: Final = frozenset({"des", "der", "dem", "den", "Verdacht", "Verdachts", "Vorwurf", "Vorwurfs", "auf"})
PROSECUTION_STEMS: Final = ("ermittel", "staatsanwalt", "bundesanwalt", "generalbundesanwalt", "verurteil",
                            "gericht")
PROSECUTION_WORDS: Final = frozenset({"anklage", "angeklagt", "strafverfahren", "strafanzeige", "haftbefehl"})

# how the matcher's built-in rules (framing.matching) read to the user, by rule id: the
# construction as a term, neutral wordings, why it frames, and whose direction it takes
BUILT_IN_RULES: Final = {
    "scare-quote": {
        "term": "„…“ (Anführungszeichen ohne Sprecher)",
        "neutral": ("das Wort ohne Anführungszeichen", "die Quelle des Wortes nennen"),
        "explanation": ("Anführungszeichen ohne Sprecher: die Redaktion distanziert sich vom Wort und stellt es "
                        "in Frage."),
        "target_note": "Die Richtung hängt davon ab, wessen Wort in Frage gestellt wird.",
    },
    "wollen-perfekt": {
        "term": "wollen + Infinitiv Perfekt (will … gesehen haben)",
        "neutral": ("gibt an, … zu haben", "sagt, sie habe …"),
        "explanation": ("„wollen“ mit Infinitiv Perfekt gibt eine Behauptung wieder und stellt sie zugleich in "
                        "Zweifel."),
        "target_note": "Die Richtung hängt davon ab, wessen Angabe bezweifelt wird.",
    },
    "superlativ-seit": {
        "term": "Superlativ + seit … / aller Zeiten / der Geschichte",
        "neutral": ("den Vergleich mit Zahlen und Zeitraum belegen",),
        "explanation": ("Ein Superlativ gegen die ganze Geschichte gestellt (seit Jahrzehnten, aller Zeiten) "
                        "dramatisiert ein Ereignis."),
        "target_note": "",
    },
    "kaum-komparativ": {
        "term": "könnte kaum + Komparativ + sein (kaum größer sein können)",
        "neutral": ("ist groß", "das Ausmaß mit Zahlen oder Vergleichen belegen"),
        "explanation": ("„könnte kaum größer sein“ erklärt einen Unterschied oder eine Bedeutung zum denkbar "
                        "größten, ohne es zu belegen."),
        "target_note": "",
    },
}

# parts of a speaker's words that make the source anonymous in the comparison ("ungenannte
# Pentagon-Beamte", "Quellen in Washington", "man"): matched inside the lower-cased speaker text
ANONYMOUS_SPEAKER_PARTS: Final = ("anonym", "ungenannt", "quellen", "beamte", "vertreter", "man")


# --- endorsing a source (framing.stance, signal `doubt`) ---------------------------------------
# The outlet's own words in a sentence that quotes or reports a source, adopting that source's
# claim instead of only reporting it: the opposite of doubt, counted for the side of the source's
# camp. Verbs that present the claim as an uncovered or proven fact (lemmas; not the wire's plain
# "klarstellen", "offenlegen", "aufzeigen", nor "belegen": "mit Sanktionen belegen"), phrases that
# approve it (lower case, whole words), and epithets that set the speaker up as an authority
# (prefixes of a lower-cased word; not "angesehen", "ausgewiesen": participles of "ansehen",
# "ausweisen").
ENDORSING_VERBS: Final = frozenset({"enthüllen", "aufdecken", "nachweisen", "richtigstellen", "entlarven"})
ENDORSING_PHRASES: Final = ("zu recht", "zurecht", "mit recht", "völlig richtig", "richtigerweise",
                            "berechtigterweise", "treffend", "zutreffend", "mit gutem grund", "auf den punkt")
AUTHORITY_PREFIXES: Final = ("renommiert", "preisgekrönt", "pulitzer", "legendär")

# --- stance (framing.stance) and lexicon candidates (framing.lexicon_tools) ---------------------

# reported speech whose speaker is the writer ("Ich spreche hier von …", "wir halten fest, dass …")
# is the outlet's own voice: the stance classifier reads it unmasked
WRITER_SPEAKERS: Final = frozenset({"ich", "wir"})
# stop words that carry loading inside a phrase ("nie dagewesen", "völlig überzogen"): word pairs
# with them stay candidates of `framing lexicon suggest`
PHRASE_LOADING_WORDS: Final = frozenset({"nie", "nicht", "kein", "keine", "immer", "ganz", "völlig", "so"})
# the explanation of an entry from a user's list that has none (framing.lexicon), after its category
OWN_LIST_WORDING: Final = {"no_explanation": "aus einer eigenen Liste; Erklärung fehlt"}
# evaluating speakers against gold (framing.quote_eval): articles and pronouns name no one by
# themselves ("Sie" at a sentence start is capitalised)
SPEAKER_FUNCTION_WORDS: Final = frozenset(
    "der die das des und von anonym sie ihr ihm ihn ihnen ich wir man uns mir mich dieser diese jener jene".split())


# --- page furniture and bylines of scraped articles (framing.articles) --------------------------

# Whole lines that are page furniture, not article text: (rule shown to the user, how its phrases
# match, phrases), in the order the rules are tried; every match ignores case. How a phrase matches:
#   "line"     the whole line is the phrase ("Werbung")
#   "glued"    the whole line is the phrase, its words may be written together ("KommentareDrucken")
#   "prefix"   the line starts with the phrase ("Foto: …"; "Teilen auf " keeps its space)
#   "heading"  the line starts with the phrase, then a dash or a colon ("Mehr zum Thema – …")
BOILERPLATE_LINES: Final = (
    ("comments-print", "glued", ("Kommentare Drucken", "Drucken Kommentare")),
    ("comments", "line", ("Kommentare", "Kommentar schreiben", "Kommentare anzeigen")),
    ("print-share", "line", ("Drucken", "Teilen", "Merken", "Artikel teilen")),
    ("print-share", "prefix", ("Teilen auf ",)),
    ("also-interesting", "prefix", ("Auch interessant", "Lesen Sie auch", "Das könnte Sie auch interessieren")),
    ("more-on-topic", "heading", ("Mehr zum Thema",)),
    ("photo-credit", "prefix", ("Foto:", "Fotos:", "Bild:", "Bildquelle:", "Quelle Foto:")),
    ("ad", "line", ("Anzeige", "Werbung", "Newsletter abonnieren", "Jetzt abonnieren")),
)
# a byline: the word that opens it ("Von Anna Muster"), and the word joining two authors
# ("Von Anna Muster und Ben Beispiel"); names are capitalised words (UPPER_LETTERS_BEYOND_ASCII)
BYLINE_OPENERS: Final = ("Von",)
BYLINE_JOINERS: Final = ("und",)
# a line naming the source of the text ("Quelle: RT DE"): its label, before a colon
SOURCE_LINE_LABELS: Final = ("Quelle",)

# --- outlets named by the text itself (framing.outlets) -----------------------------------------

# a text that hands over to another outlet's report: "Dies berichtet das Magazin "RT DE"", or
# "Weiter berichtet RT DE:" (then a colon). The pronoun alone ("Das berichtet das WSJ") only names
# a source, so a media noun with its article must follow the verb.
REPRINT_PRONOUNS: Final = ("Dies", "Das")
REPRINT_VERBS: Final = ("berichtet",)
REPRINT_MEDIA: Final = ("das Magazin", "der Sender", "die Zeitung", "das Portal", "das Nachrichtenportal",
                        "das Medium")
REPRINT_HANDOVERS: Final = ("Weiter berichtet",)
# house styles that name the outlet of a text without a source line: (rule of a removed line
# (BOILERPLATE_LINES), whether an author code "(dpa)" must also be there, the outlet, the evidence
# shown to the user)
HOUSE_STYLES: Final = (
    ("more-on-topic", False, "RT DE", 'footer "Mehr zum Thema – …"'),
    ("comments-print", True, "Ippen Media", '"KommentareDrucken"'),
)

# --- telling German text from other text (framing.readers) -------------------------------------
# German running text is made of function words to about a third (articles, pronouns,
# prepositions, auxiliaries). A text counts as German by the share of its words that are
# German function words which English, French, Spanish or Italian do not share (so "in", "so",
# "war", "die" in English are not counted alone: "die" is, being far more frequent in German).
# German news measured here (the dev set, 10kGNAD, the seeds): 17-46 %; English and French: 0 %.

FUNCTION_WORDS: Final = frozenset("""
der die das den dem des ein eine einen einem einer eines und ist sind nicht auch sich mit
auf für im vom zum zur über nach bei aus wird werden wurde wurden hat haben hatte noch nur
oder aber wenn dass daß als schon sie er es wir ich ihr man am sein seine ihre ihren wie
von zu bis durch gegen ohne unter vor zwischen diese dieser dieses kein keine mehr sehr
hier dort heute jetzt nun doch bereits immer wieder weiter sowie
""".split())
MIN_WORDS: Final = 20  # fewer words than this cannot be judged; such texts are taken as German
MIN_SHARE: Final = 0.04  # below this share of German function words a text is not taken for German


# --- tokens (framing.text) ------------------------------------------------------------------

# suspended compounds: a word ending in a hyphen before one of these keeps the hyphen and is not
# joined to the next word ("Asyl- und Migrationspolitik"). Each must end at a word boundary, so
# "bzw." holds only before a letter ("bzw.X"), not before a space: "Bus- bzw. Bahn" splits the hyphen
HYPHEN_COORDINATORS: Final = ("und", "oder", "bzw.", "sowie", "wie")
# gendered forms, kept as one token and folded to the base form in its normal form: a gender
# mark followed by a feminine ending, its first letter in either case ("Bürger*innen",
# "Lehrer:in", "Kolleg_Innen" → "Bürger", "Lehrer", "Kolleg"), and the plural ending written
# with a capital I straight after a lower-case letter ("BürgerInnen"). A mark with the capital
# singular ending ("Bürger*In") is one token but not folded.
GENDER_MARKS: Final = ("*", ":", "_")
GENDER_PLURAL_ENDINGS: Final = ("innen",)
GENDER_SINGULAR_ENDINGS: Final = ("in",)

# simplemma's memory-frugal dictionary backend: the same lemmas and known words (checked on
# every word of 10kGNAD) from ≈ 15 MB instead of ≈ 100 MB per process, for lookups that cost
# ≈ 20 µs more; the text layer looks each surface form up once (framing.text).
LOW_MEMORY: Final = True

GERMAN: Final = register(Language(
    code="de", name="German",
    lemmatize=functools.partial(simplemma.lemmatize, lang="de", low_memory=LOW_MEMORY),
    is_known=functools.partial(simplemma.is_known, lang="de", low_memory=LOW_MEMORY),
    function_words=FUNCTION_WORDS, min_share=MIN_SHARE, min_words=MIN_WORDS,
    lists={name.lower(): value for name, value in sorted(globals().items())
           if isinstance(value, (frozenset, set, tuple, dict)) and name.isupper() and name != "FUNCTION_WORDS"},
))

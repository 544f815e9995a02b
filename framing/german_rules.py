"""German rule data for finding whom a word is aimed at (used by `framing.targets`).

Written by the team as plain data, so the rules in `framing.targets` stay language-neutral:
case cues of articles, prepositions whose object is never the agent, prepositions that name the
agent of a passive, clause boundaries and coordinators, and adjectives of nationality that
name a state ("russische Raketen" → Russland).
"""

from __future__ import annotations

from typing import Final

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
# inflection endings of attributive adjectives
ADJECTIVE_ENDINGS: Final = ("", "e", "en", "er", "es", "em")
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

# --- speech representation (used by `framing.quotes`) ---------------------------------------
# Unquoted direct speech, the older convention still found in wire copy and letters: "Er sagte:
# Wir bleiben." / "Die Lage ist ernst, sagte der Minister." Only clear frames count.

# verbs that introduce a text or statement after a colon besides the speech verbs ("Das Amtsblatt
# veröffentlicht folgenden Bericht:", "Der Aufruf lautet:", "Wir entnehmen dem Blatt folgende Notiz:")
COLON_TEXT_VERBS: Final = frozenset(
    "veröffentlichen lauten entnehmen verlesen vorlesen telegrafieren telegraphieren drucken abdrucken".split()
)
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
    """.split()
)
# pronouns of the first and second person: a name label before a colon ("Scholz: Wir …")
# introduces unquoted words only when they speak in the first or second person
FIRST_SECOND_PERSON: Final = frozenset(
    """
    ich mich mir mein meine meinen meinem meiner wir uns unser unsere unseren unserem unserer
    du dich dir dein deine euch euer eure
    """.split()
)
# separable speech verbs of the older narrative style, beyond those of `framing.quotes`
# ("setzte ein anderer hinzu", "fiel er ein"): lemma of the finite part -> particles
MORE_SEPARABLE_SPEECH: Final[dict[str, frozenset[str]]] = {
    "setzen": frozenset({"hinzu"}), "fallen": frozenset({"ein"}), "geben": frozenset({"zurück", "an"}),
    "rufen": frozenset({"zu", "aus"}), "fahren": frozenset({"fort"}),
    "machen": frozenset({"deutlich", "klar"}),  # "machte deutlich, dass …", "hatte klar gemacht"
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
)
# adverbs that mark the rest of the sentence as the report of the source just named
REPORT_ADVERBS: Final = frozenset(["demnach", "demzufolge"])

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

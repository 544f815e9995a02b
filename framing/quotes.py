"""Quotation spans: direct quotes with speakers, reported speech, scare quotes.

Voice matters for framing: a loaded word inside a quotation belongs to the quoted speaker, a
word in reported speech is a paraphrase, and a word put in quotes with no speaker is the
outlet's own distancing (a scare quote). This module finds those spans with character offsets
into the article text.

Steps: (1) pair quotation marks with explicit tables for German, English, French/Swiss and
straight quotes; (2) dissolve a quote that wraps another outlet's whole report (a reprint is in
that outlet's voice; the quotations inside it are the real ones); (3) attribute each quote to a
speaker (after it: "…", sagte X / so X; before it: X erklärte: "…"; around it in the same
sentence; or continuing the previous quote); (4) mark reported speech (laut X, X zufolge, nach
Angaben, unter Berufung auf, "X sagte, …" with Konjunktiv I or a dass-clause, and sentences
continuing it in Konjunktiv I).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from operator import attrgetter
from typing import Final, NamedTuple, cast

from framing.languages import Language, default_language
from framing.runs import Run as _Run
from framing.text import CACHE_GENERATION, Doc, Generations, TokenType, fill_missing, lemmatise, token_norm

KINDS: Final = ("direct", "reported", "scare", "title")
VOICE_OF_KIND: Final = {"direct": "quote", "reported": "reported", "scare": "scare-quote", "title": "outlet"}

# A quote of at most this many words with no speaker is a scare quote ("Gegnern").
SCARE_MAX_WORDS: Final = 4
# A quote that holds at least two other quotes that are full sentences (statements quoted in
# it), is at least WRAPPER_MIN_CHARS long and covers this share of the text (or this many
# paragraphs) wraps another outlet's report: seed 003 wraps 90% of its 3,000 characters, 11
# paragraphs, 8 quotes, 4 of them full sentences. Real long quotations of one speaker rarely
# hold two quoted statements of their own (the names, titles and phrases they quote do not count).
WRAPPER_MIN_SHARE: Final = 0.4
WRAPPER_MIN_PARAGRAPHS: Final = 3
WRAPPER_MIN_INNER: Final = 2
WRAPPER_MIN_CHARS: Final = 800


class Quote(NamedTuple):
    """A quotation span (a named tuple: articles have dozens, built in the hot path)."""

    kind: str  # direct, reported, scare, title
    start: int  # offsets of the quoted text itself (inside the marks) in the article text
    end: int
    text: str
    speaker: str  # "" when the text names none
    cue: str  # the attribution verb or marker ("sagte", "laut", "zufolge"), "" when none
    sentence: int

    @property
    def voice(self) -> str:
        return VOICE_OF_KIND[self.kind]


# --- 1. pairing quotation marks -----------------------------------------------------------

# opening mark -> closing marks that can end it
_PAIRS: Final[dict[str, str]] = {
    "„": "“”\"",  # German „…“ (also „…” and „…")
    "‚": "‘’'",  # German ‚…‘
    "“": "”",  # English “…”
    "‘": "’",  # English ‘…’
    "»": "«",  # German »…«
    "«": "»",  # French/Swiss «…»
    '"': '"',
    "'": "'",
}
_QUOTE_CHARS: Final = "„“”‚‘’»«\"'"
# closing mark -> the opening marks it can close
_OPENERS_OF: Final = {c: frozenset(o for o, closers in _PAIRS.items() if c in closers) for c in _QUOTE_CHARS}
_QUOTE_RE: Final = re.compile(r"[„“”‚‘’»«\"']")
_OPEN_CONTEXT: Final = " \t\n([{/–-—:"


def pair_quotes(text: str, language: Language | None = None) -> list[tuple[int, int]]:
    """Pairs (open, close) of quotation mark positions in a text of the language (German when
    None); unclosed quotes end with their paragraph."""
    clitic_re = _words(language or default_language()).clitic_re
    pairs: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    where: dict[str, list[int]] = {}  # opening mark -> its indices in the stack, ascending
    n = len(text)
    german_guillemets = text.find("»") != -1 and (text.find("«") == -1 or text.find("»") < text.find("«"))
    for m in _QUOTE_RE.finditer(text):
        i = m.start()
        c = m.group()
        prev = text[i - 1] if i > 0 else " "
        nxt = text[i + 1] if i + 1 < n else " "
        if c in "'’" and prev.isalnum() and nxt.isalnum():
            continue  # apostrophe: geht's, O’Brien
        if c in "'’" and clitic_re.match(text, i):
            continue  # apostrophe after a space: "Napoleon 's Tod", "wie 'ne Ratte"
        # the innermost open mark this one can close: the latest stack index among the marks it
        # closes (one short list of stack indices per opening mark: constant work per mark)
        top = None
        for oc in _OPENERS_OF[c]:
            got = where.get(oc)
            if got and (top is None or got[-1] > top):
                top = got[-1]
        if c in ('"', "'"):
            can_open = (prev.isspace() or prev in _OPEN_CONTEXT or prev in _QUOTE_CHARS) and not nxt.isspace()
            can_close = not prev.isspace() and (not nxt.isalnum())
            if c == "'" and not (can_open and nxt.isalpha()) and not (can_close and top is not None):
                continue
            if can_close and top is not None and not (can_open and stack[top][1] == i - 1):
                _close(stack, where, top, i, pairs)
            elif can_open:
                _push(stack, where, c, i)
            elif top is not None and not nxt.isalnum():
                _close(stack, where, top, i, pairs)
            continue
        if c == "“" and top is not None:
            _close(stack, where, top, i, pairs)
        elif c in "„‚":
            _push(stack, where, c, i)
        elif c == "»":
            if not german_guillemets and top is not None:
                _close(stack, where, top, i, pairs)
            else:
                _push(stack, where, c, i)
        elif c == "«":
            if german_guillemets and top is not None:
                _close(stack, where, top, i, pairs)
            else:
                _push(stack, where, c, i)
        elif c == "‘" and top is not None:
            _close(stack, where, top, i, pairs)  # ‚…‘
        elif c == "“" and prev in ".!?…" and (nxt.isspace() or i + 1 >= n):
            # a closing mark with no opening one, after a sentence, at the end of a quotation that
            # began without a mark or in an earlier paragraph (the older convention): the
            # quotation runs from the start of its line (or the last closing mark on it)
            o = max(text.rfind("\n", 0, i), pairs[-1][1] if pairs else -1)
            if i - o > 1:
                pairs.append((o, i))
        elif c in "“‘":
            _push(stack, where, c, i)
        elif top is not None:  # ” ’
            _close(stack, where, top, i, pairs)
    # unbalanced: the quote runs to the end of its paragraph; of several unclosed marks in one
    # paragraph only the first counts (the others would end at the same place, inside it)
    last_end = -1
    for _, i in stack:
        if i < last_end:
            continue
        end = text.find("\n\n", i)
        end = n if end == -1 else end
        last_end = end
        if end - i > 1:
            pairs.append((i, end))
    pairs.sort()
    return pairs


def _push(stack: list[tuple[str, int]], where: dict[str, list[int]], c: str, i: int) -> None:
    where.setdefault(c, []).append(len(stack))
    stack.append((c, i))


def _close(stack: list[tuple[str, int]], where: dict[str, list[int]], k: int, i: int,
           pairs: list[tuple[int, int]]) -> None:
    _, o = stack[k]
    for c, _ in stack[k:]:  # marks opened inside and never closed are dropped (each once)
        where[c].pop()
    del stack[k:]
    pairs.append((o, i))


# --- 2. word lists: from the document's language (framing.languages) -------------------------


class _Idiom(NamedTuple):
    """A multi-word predicate of saying or thinking ("in Abrede stellen"): the verb's lemma, for a
    separable verb also its finite part's lemma and its particle, the fixed words (each a set of
    forms, in their usual order) and the slot whose words flag a token as a possible cue (the last,
    the idiom's head)."""

    verb: str
    base: str
    particle: str
    fixed: tuple[frozenset[str], ...]
    anchor: int


def _idioms(entries: Sequence[tuple[str, str]]) -> tuple[_Idiom, ...]:
    """Parse `speech_idioms` entries ("aus+drücken", "bedauern|hoffnung")."""
    out = []
    for verb, words in entries:
        particle, _, base = verb.rpartition("+")
        fixed = tuple(frozenset(slot.split("|")) for slot in words.split())
        if not fixed:
            raise ValueError(f"speech idiom {verb!r} needs at least one fixed word")
        # the last fixed word is the idiom's head ("in Abrede", "keinen Hehl", "für möglich"):
        # the rarest, so it flags the token
        out.append(_Idiom(particle + base, base if particle else "", particle, fixed, len(fixed) - 1))
    return tuple(out)


@dataclass(frozen=True, slots=True, eq=False)
class _Words:
    """The word lists of the quotation finder in one language, and the caches of what it
    derives per token type (codes, names, known words: they depend on the lists and the
    lemmatiser). One per language object (`_words`); the functions of this module take it from
    the sentence they read (`_Run.words`) or the document (`Doc.language`)."""

    anonymous: frozenset[str]  # "man": a speaker nobody can name
    auxiliaries: frozenset[str]
    cognition_verbs: frozenset[str]  # verbs of belief: reported content, no direct quote
    content_nouns: frozenset[str]  # "die Nachricht, dass …"
    joined_speech_verbs: frozenset[str]  # "hingewiesen": frames only a content clause after it
    speech_idioms: tuple[_Idiom, ...]  # "in Abrede stellen", "kein Hehl daraus machen"
    idiom_anchors: dict[str, tuple[int, ...]]  # word of an idiom's flagging slot -> its idioms
    request_verbs: frozenset[str]  # their zu-infinitive is the reported request
    separable: dict[str, frozenset[str]]  # lemma of the finite part -> particles that complete it
    speech_nouns: frozenset[str]
    speech_verbs: frozenset[str]
    demonstratives: frozenset[str]
    determiners: frozenset[str]
    adj_endings: tuple[str, ...]  # endings of attributive adjectives and participles
    konj1: frozenset[str]
    konj2_report: frozenset[str]
    label_verbs: frozenset[str]
    media_nouns: frozenset[str]
    np_breakers: frozenset[str]
    np_stop: frozenset[str]
    pronouns: frozenset[str]
    prepositions: frozenset[str]
    subordinators: frozenset[str]
    reflexive_cues: frozenset[str]
    report_markers: frozenset[str]
    skip_after_verb: frozenset[str]
    announcing_words: frozenset[str]
    colon_not_speech: frozenset[str]
    colon_speech_nouns: frozenset[str]
    colon_text_verbs: frozenset[str]
    first_second_person: frozenset[str]
    fronted_adverbs: frozenset[str]
    modal_konj2: frozenset[str]
    report_adverbs: frozenset[str]
    source_noun_endings: tuple[str, ...]
    speech_or_cognition: frozenset[str]
    cue_words: frozenset[str]  # words that may cue a quotation or reported speech
    pronouns_sie: frozenset[str]
    not_a_verb_start: frozenset[str]  # words that cannot stand before the verb of a subject
    pointing_adverbs: frozenset[str]
    so_source_words: frozenset[str]
    focus_particles: frozenset[str]
    definite_articles: frozenset[str]
    charge_verbs: frozenset[str]
    pp_content: dict[str, tuple[str, ...]]  # speech verb -> prepositions of its reported content
    reflexive_verb_forms: dict[str, str]  # a form read as an adjective -> the verb it is before "sich"
    particle_pp_content: dict[str, tuple[str, ...]]  # verb -> (particle, prepositions): "geht von … aus"
    object_content_verbs: frozenset[str]  # "behauptet erste Zusammenstöße": the object is the claim
    outlet_pronouns: frozenset[str]
    first_person_singular: frozenset[str]
    written_text_verbs: frozenset[str]  # a written text after their colon runs to the paragraph end
    press_name_parts: tuple[str, ...]  # endings of the words of a paper's name
    name_joiners: frozenset[str]  # small words inside a capitalised name
    not_speaker_labels: frozenset[str]  # labels before a colon that name no speaker ("Foto")
    thought_verbs: frozenset[str]  # frame their dass/ob/zu clause only (reported thought)
    zu_content_verbs: frozenset[str]  # their zu-infinitive is what was said, thought or intended
    konj_not_report_openers: frozenset[str]  # a Konjunktiv after these is no report
    work_nouns: frozenset[str]  # a quotation after one is a title
    wh_words: frozenset[str]  # open an indirect question
    old_spellings: tuple[tuple[str, str], ...]  # older spelling -> today's, for lemma look-ups
    particles: frozenset[str]  # all particles of separable verbs
    person_re: re.Pattern[str]  # a word in the first or second person (`_speaks`)
    clitic_re: re.Pattern[str]  # an apostrophe that starts a clitic ("wie 'ne Ratte"), no quotation mark
    wh_not_clause: frozenset[str]  # after a question word: a comparison ("wie schon gesagt")
    purpose_zu: frozenset[str]  # "um/ohne/statt … zu": no reported content
    modal_infinitives: frozenset[str]  # may follow a reported zu-infinitive ("senken zu können")
    matrix_clause_openers: frozenset[str]  # the main clause goes on after a comma ("…, damit …")
    main_coordinators: frozenset[str]  # may coordinate a main clause after a comma
    name_articles: frozenset[str]  # articles before a quoted name of a paper or work
    relative_pronouns: frozenset[str]
    formal_address: frozenset[str]  # pronouns of address as written ("Sie", "Jhr")
    indefinite_articles: frozenset[str]
    auxiliary_lemmas: frozenset[str]  # auxiliary and modal verbs
    old_umlauts: dict[str, str]  # old spelling of an umlaut at a word start -> the umlaut
    clause_adverbs: frozenset[str]  # open a clause before the verb, never a noun phrase ("Dagegen")
    pronominal_adverb_heads: frozenset[str]  # da(r)-/wo(r)-/hier- + one of these is an adverb
    pronominal_adverb_prefixes: tuple[str, ...]  # da(r)-, wo(r)-, hier-
    object_pronouns: frozenset[str]  # between a speech verb and its subject ("rief ihnen X zu")
    first_person_speakers: frozenset[str]  # "ich", "wir": a speaker kept as written
    subject_relative_pronouns: frozenset[str]  # may be the subject of a relative clause ("…, die schreibt")
    clause_openers: frozenset[str]  # open a verb-final clause whose subject follows them
    abbreviations: frozenset[str]  # titles with a dot inside a name ("Abg. Dr. Lueger")
    all_prepositions: frozenset[str]
    role_nouns: frozenset[str]  # "der Kanzler", "die Witwe": a role a person speaks in
    role_noun_heads: tuple[str, ...]  # the last part of a compound role noun ("Regierungssprecher")
    institution_noun_heads: tuple[str, ...]  # "Außenministerium", "Bauernverband"
    report_noun_heads: tuple[str, ...]  # "eine Mitteilung von X"
    month_names: frozenset[str]
    genitive_determiners: frozenset[str]  # open a genitive attribute after a noun
    werden_forms: frozenset[str]  # the passive auxiliary
    agent_prepositions: frozenset[str]  # name the agent of a passive ("vom Ministerium")
    vague_source_adjectives: frozenset[str]  # "nach ersten Angaben" names no source
    first_person_re: re.Pattern[str]  # a quotation in the first person ("Ich …", "Wir …")
    swiss_lemmas: dict[str, str]  # Swiss spelling (ss for ß) of a speech verb -> its lemma ("hiess")
    word_codes: dict[str, str]  # function word as written -> its code letter (`_code`: "dass" -> D)
    low_codes: dict[str, str]  # function word in any capitalisation -> its code letter ("wie" -> W)
    so_words: frozenset[str]  # "…, so der Minister": a source after a comma
    reflexive_pronouns: frozenset[str]  # "zeigte sich besorgt"
    text_nouns: frozenset[str]  # "mit den Worten:": a text follows verbatim
    inscription_verbs: frozenset[str]  # "»…« steht auf einem Plakat der X": the carrier is the source
    inscription_prepositions: frozenset[str]
    carrier_noun_endings: tuple[str, ...]
    adverbial_subordinators: frozenset[str]  # "…, sagte er, weil …": the sentence goes on
    hearsay_verbs: frozenset[str]  # lemma: "hieß es in …" (source after a preposition), "das heißt" (namely)
    namely_subjects: frozenset[str]  # "das heißt:" before a colon: namely, no source
    namely_subjects_any: frozenset[str]  # "das/was heißt …" anywhere: namely, no source
    hearsay_prepositions: frozenset[str]  # "hieß es in dem Bericht": the source follows these
    source_before: tuple[str, ...]  # a source marker before its source ("laut dem Bericht")
    source_before_window: int  # characters before a quotation searched for such a marker
    source_after: frozenset[str]  # a source marker after its source ("dem Bericht zufolge")
    source_around_re: re.Pattern[str]  # after a quoted name: it is the source ("„Times“ meldet")
    naming_after_re: re.Pattern[str]  # after a quoted name: it is a name ("„…“ genannt")
    source_noun_preposition: str  # "nach Angaben": the cue is it + the noun ("" when none)
    source_noun_links: frozenset[str]  # "nach Angaben von/aus …"
    citing_before: str  # "unter Berufung auf": the words of the phrase, lower case ("" when none)
    citing_noun: str
    citing_after: str
    citing_cue: str  # the cue text of the phrase
    after_source_starts: frozenset[str]  # "das BKA dem Bericht zufolge": determiners of a subject before …
    after_source_datives: frozenset[str]  # … the dative phrase that is the source
    quoting_verbs: frozenset[str]  # lemma: "zitieren" (its object is the one quoted)
    clause_linkers: frozenset[str]  # "und/doch/aber/denn" before a clause's subject
    focus_phrases: frozenset[tuple[str, str]]  # two words before a subject: ("vor", "allem")
    verb_coordinators: frozenset[str]  # "… verurteilt … und kündigt … an": the verbs share a subject
    infinitive_markers: frozenset[str]  # "zu" before an infinitive
    purpose_openers: frozenset[str]  # "um/ohne/statt … zu": the subject is the main clause's
    wh_openers: frozenset[str]  # wie/wer/was: clause openers whose subject need not follow
    wh_relatives: frozenset[str]  # "…, was die Verwaltung erklärt hatte": the subject follows
    konj1_rules: tuple[tuple[str, str, int], ...]  # infinitive ending -> Konjunktiv I ending, shortest infinitive
    konj1_not_endings: tuple[str, ...]
    strong_konj2_endings: tuple[str, ...]
    strong_konj2_infinitive_endings: tuple[str, ...]
    umlauts: tuple[str, ...]  # vowels a strong Konjunktiv II adds to its infinitive (käme, kommen)
    participle_prefixes: tuple[str, ...]
    participle_endings: tuple[str, ...]
    plural_verb_endings: tuple[str, ...]
    finite_verb_endings: tuple[str, ...]
    infinitive_endings: tuple[str, ...]
    verb_lemma_endings: tuple[str, ...]  # a lemma ending so is a verb's
    zu_infinitive_endings: tuple[str, ...]
    genitive_endings: tuple[str, ...]
    genitive_letters: str  # the genitive endings' letters, stripped from a noun's end
    ambiguous_pronouns: frozenset[str]  # "sie": she or they
    and_words: frozenset[str]
    konj_clause_conjunctions: frozenset[str]
    not_noun_phrase_openers: frozenset[str]
    role_link_prepositions: frozenset[str]
    passive_source_prepositions: frozenset[str]
    source_clause_conjunctions: frozenset[str]  # "wie Reuters berichtet"
    source_clause_pronouns: frozenset[str]
    example_words: frozenset[str]
    impersonal_subjects: frozenset[str]
    predicative_words: frozenset[str]  # "bezeichnete X als Y"
    moved_relative_pronouns: frozenset[str]
    fronted_object_articles: frozenset[str]
    not_subject_articles: frozenset[str]
    subject_articles: frozenset[str]
    source_genitive_articles: frozenset[str]
    apposition_articles: frozenset[str]
    apposition_after_articles: frozenset[str]
    content_clause_conjunctions: frozenset[str]  # dass, ob
    naming_speech_verbs: frozenset[str]
    charge_particles: dict[str, str]  # "warf … vor": lemma -> the particle closing the charge
    colon_reflexive_cues: frozenset[str]
    text_noun_prepositions: frozenset[str]
    not_place_prepositions: frozenset[str]
    inquit_closers: frozenset[str]
    title_list_before_re: re.Pattern[str]  # a list's joiner before a quoted title
    title_list_strip_before: str  # characters stripped between a quoted title and the joiner before it
    title_list_strip_after: str
    upper: str  # the character class body of capital letters ("A-ZÄÖÜ")
    name_after_role_re: re.Pattern[str]  # "Bundeskanzler Olaf Scholz": the name after a role noun
    turn_re: re.Pattern[str]  # a speaker label opening a turn of dialogue (`_dialogue`)
    dash_speaker_re: re.Pattern[str]  # "„…“ – Name" (a headline naming its speaker)
    full_sentence_re: re.Pattern[str]  # a capitalised text ending in a sentence mark
    is_known: Callable[[str], bool]  # (cached per normal form: `_known_word`)
    # per-type caches, bounded like the text layer's (framing.text.Generations): memory stays
    # flat however many new words an archive brings
    codes: Generations  # token text -> its code character (`_code_of`)
    names: Generations  # token text -> is it a proper name (`_is_name`)
    known: Generations  # normal form -> does the lemmatiser's dictionary know it
    old_lemmas: Generations  # word in an old spelling -> its modern lemma (`_lemma`)
    language: Language


@cache
def _words(lang: Language) -> _Words:
    """The quotation finder's word lists of a language (made once per language object)."""
    w = lang.words
    speech_verbs, cognition_verbs = w("speech_verbs"), w("cognition_verbs")
    report_markers, speech_nouns, content_nouns = w("report_markers"), w("speech_nouns"), w("content_nouns")
    colon_speech_nouns, announcing_words = w("colon_speech_nouns"), w("announcing_words")
    pronouns = w("pronouns")
    separable = {k: frozenset(v) for k, v in lang.table("separable").items()}
    source_before = lang.sequence("source_markers_before")
    source_noun_preposition = lang.sequence("source_noun_preposition")
    citing = lang.sequence("citing_phrase")
    if citing and len(citing) != 3:
        raise ValueError(f"{lang.name}: citing_phrase needs three words (before, noun, after), got {citing!r}")
    swiss = lang.sequence("swiss_spellings")
    genitive_endings = lang.sequence("genitive_endings")
    upper = "A-Z" + "".join(lang.sequence("upper_letters_beyond_ascii"))
    idioms = _idioms(lang.sequence("speech_idioms"))
    anchors: dict[str, list[int]] = {}
    for n, idiom in enumerate(idioms):
        for word in sorted(idiom.fixed[idiom.anchor]):
            anchors.setdefault(word, []).append(n)
    return _Words(
        speech_idioms=idioms, idiom_anchors={k: tuple(v) for k, v in anchors.items()},
        joined_speech_verbs=w("joined_speech_verbs"),
        anonymous=w("anonymous"), auxiliaries=w("auxiliaries"), cognition_verbs=cognition_verbs,
        content_nouns=content_nouns, request_verbs=w("request_verbs"),
        separable=separable,
        speech_nouns=speech_nouns, speech_verbs=speech_verbs, demonstratives=w("demonstratives"),
        determiners=w("determiners"), adj_endings=lang.sequence("inflection_endings"), konj1=w("konj1"),
        konj2_report=w("konj2_report"), label_verbs=w("label_verbs"), media_nouns=w("media_nouns"),
        np_breakers=w("np_breakers"), np_stop=w("np_stop"), pronouns=pronouns,
        prepositions=w("quote_prepositions"), subordinators=w("quote_subordinators"),
        reflexive_cues=w("reflexive_cues"), report_markers=report_markers, skip_after_verb=w("skip_after_verb"),
        announcing_words=announcing_words, colon_not_speech=w("colon_not_speech"),
        colon_speech_nouns=colon_speech_nouns, colon_text_verbs=w("colon_text_verbs"),
        first_second_person=w("first_second_person"), fronted_adverbs=w("fronted_adverbs"),
        modal_konj2=w("modal_konj2"), report_adverbs=w("report_adverbs"),
        source_noun_endings=lang.sequence("source_noun_endings"),
        speech_or_cognition=speech_verbs | cognition_verbs,
        cue_words=frozenset([*report_markers, *speech_nouns, *content_nouns, *w("so_words"), *w("source_cue_nouns"),
                             *colon_speech_nouns, *announcing_words]),
        pronouns_sie=pronouns | w("ambiguous_pronouns"),
        not_a_verb_start=(w("determiners") | pronouns | w("quote_subordinators") | w("quote_prepositions")
                          | w("anonymous") | w("not_verb_start_conjunctions")),
        pointing_adverbs=w("pointing_adverbs"), so_source_words=w("so_source_words"),
        focus_particles=w("focus_particles"), definite_articles=w("definite_articles"), charge_verbs=w("charge_verbs"),
        pp_content={k: tuple(v) for k, v in lang.table("pp_content").items()},
        reflexive_verb_forms=lang.table("reflexive_verb_forms"),
        particle_pp_content={k: tuple(v) for k, v in lang.table("particle_pp_content").items()},
        object_content_verbs=w("object_content_verbs"),
        outlet_pronouns=w("outlet_pronouns"), first_person_singular=w("first_person_singular"),
        written_text_verbs=w("written_text_verbs"), press_name_parts=lang.sequence("press_name_parts"),
        name_joiners=w("name_joiners"), not_speaker_labels=w("not_speaker_labels"),
        thought_verbs=w("thought_verbs"), zu_content_verbs=w("zu_content_verbs"),
        konj_not_report_openers=w("konj_not_report_openers"), work_nouns=w("work_nouns"), wh_words=w("wh_words"),
        old_spellings=lang.sequence("old_spellings"),
        particles=frozenset(p for parts in separable.values() for p in parts),
        person_re=_person_re(w("first_second_person"), lang.sequence("address_pronouns_as_written")),
        clitic_re=re.compile(r"['’](?:" + _alternatives(lang.sequence("clitics")) + r")(?![\w'’])"),
        wh_not_clause=w("wh_not_clause"), purpose_zu=w("purpose_zu"), modal_infinitives=w("modal_infinitives"),
        matrix_clause_openers=w("matrix_clause_openers"), main_coordinators=w("main_coordinators"),
        name_articles=w("name_articles"), relative_pronouns=w("relative_pronouns"),
        formal_address=w("formal_address"), indefinite_articles=w("indefinite_articles"),
        auxiliary_lemmas=w("auxiliary_lemmas"), old_umlauts=lang.table("old_umlauts"),
        clause_adverbs=w("clause_adverbs"), pronominal_adverb_heads=w("pronominal_adverb_heads"),
        pronominal_adverb_prefixes=lang.sequence("pronominal_adverb_prefixes"),
        object_pronouns=w("object_pronouns"), first_person_speakers=w("first_person_speakers"),
        subject_relative_pronouns=w("subject_relative_pronouns"), clause_openers=w("clause_openers"),
        abbreviations=w("abbreviations"), all_prepositions=w("quote_prepositions") | w("prepositions"),
        role_nouns=w("role_nouns"), role_noun_heads=lang.sequence("role_noun_heads"),
        institution_noun_heads=lang.sequence("institution_noun_heads"),
        report_noun_heads=lang.sequence("report_noun_heads"), month_names=w("month_names"),
        genitive_determiners=w("genitive_determiners"), werden_forms=w("werden_forms"),
        agent_prepositions=w("agent_prepositions"), vague_source_adjectives=w("vague_source_adjectives"),
        first_person_re=_first_person_re(lang.sequence("first_person_openers")),
        swiss_lemmas={_respell(v, swiss): v for v in (*speech_verbs, *cognition_verbs, *separable)
                      if _respell(v, swiss) != v},
        word_codes=lang.table("code_words_as_written"), low_codes=lang.table("code_words"),
        so_words=w("so_words"), reflexive_pronouns=w("reflexive_pronouns"), text_nouns=w("text_nouns"),
        inscription_verbs=w("inscription_verbs"), inscription_prepositions=w("inscription_prepositions"),
        carrier_noun_endings=tuple(lang.sequence("carrier_noun_endings")),
        adverbial_subordinators=w("adverbial_subordinators"), hearsay_verbs=w("hearsay_verbs"),
        namely_subjects=w("namely_subjects"), namely_subjects_any=w("namely_subjects") | w("namely_relatives"),
        hearsay_prepositions=w("hearsay_prepositions"),
        source_before=source_before, source_before_window=max(map(len, source_before), default=-2) + 2,
        source_after=w("source_markers_after"),
        source_around_re=re.compile(r"\s*(" + _alternatives(lang.sequence("source_after_quoted_name")) + r")\b"),
        naming_after_re=re.compile(r"\s*(" + _alternatives(lang.sequence("naming_after_quoted_name")) + r")\b"),
        source_noun_preposition=source_noun_preposition[0] if source_noun_preposition else "",
        source_noun_links=w("source_noun_links"),
        citing_before=citing[0].lower() if citing else "", citing_noun=citing[1].lower() if citing else "",
        citing_after=citing[2].lower() if citing else "", citing_cue=" ".join(citing),
        after_source_starts=w("after_source_subject_determiners"),
        after_source_datives=w("after_source_dative_determiners"),
        quoting_verbs=w("quoting_verbs"),
        clause_linkers=w("clause_linking_conjunctions"),
        focus_phrases=frozenset(tuple(p) for p in lang.sequence("focus_phrases")),
        verb_coordinators=w("verb_coordinators"), infinitive_markers=w("infinitive_markers"),
        purpose_openers=w("purpose_openers"), wh_openers=w("wh_clause_openers"), wh_relatives=w("wh_relatives"),
        konj1_rules=lang.sequence("konj1_from_infinitive"), konj1_not_endings=lang.sequence("konj1_not_endings"),
        strong_konj2_endings=lang.sequence("strong_konj2_endings"),
        strong_konj2_infinitive_endings=lang.sequence("strong_konj2_infinitive_endings"),
        umlauts=lang.sequence("umlaut_vowels"), participle_prefixes=lang.sequence("participle_prefixes"),
        participle_endings=lang.sequence("participle_endings"),
        plural_verb_endings=lang.sequence("plural_verb_endings"),
        finite_verb_endings=lang.sequence("finite_verb_endings"),
        infinitive_endings=lang.sequence("infinitive_endings"), verb_lemma_endings=lang.sequence("verb_lemma_endings"),
        zu_infinitive_endings=lang.sequence("zu_infinitive_endings"), genitive_endings=genitive_endings,
        genitive_letters="".join(genitive_endings), ambiguous_pronouns=w("ambiguous_pronouns"),
        and_words=w("and_words"), konj_clause_conjunctions=w("konj_clause_conjunctions"),
        not_noun_phrase_openers=w("not_noun_phrase_openers"), role_link_prepositions=w("role_link_prepositions"),
        passive_source_prepositions=w("passive_source_prepositions"),
        source_clause_conjunctions=w("source_clause_conjunctions"), source_clause_pronouns=w("source_clause_pronouns"),
        example_words=w("example_words"), impersonal_subjects=w("impersonal_subjects"),
        predicative_words=w("predicative_words"), moved_relative_pronouns=w("moved_relative_pronouns"),
        fronted_object_articles=w("fronted_object_articles"), not_subject_articles=w("not_subject_articles"),
        subject_articles=w("subject_articles"), source_genitive_articles=w("source_genitive_articles"),
        apposition_articles=w("apposition_articles"), apposition_after_articles=w("apposition_after_articles"),
        content_clause_conjunctions=w("content_clause_conjunctions"), naming_speech_verbs=w("naming_speech_verbs"),
        charge_particles=lang.table("charge_particles"), colon_reflexive_cues=w("colon_reflexive_cues"),
        text_noun_prepositions=w("text_noun_prepositions"), not_place_prepositions=w("not_place_prepositions"),
        inquit_closers=w("inquit_closers"),
        title_list_before_re=re.compile(r"(?:[:,;]|\b(?:" + _alternatives(lang.sequence("title_list_joiners"))
                                        + r"))\s*$"),
        title_list_strip_before=" ,;:" + "".join(lang.sequence("title_list_and")),
        title_list_strip_after=" ,;" + "".join(lang.sequence("title_list_and")),
        upper=upper, name_after_role_re=re.compile(rf"\s+((?:[{upper}][\w.-]*\s+){{0,2}}[{upper}][\w-]*)"),
        turn_re=_turn_re(upper, lang.sequence("turn_label_name_parts")),
        dash_speaker_re=re.compile(rf"[ \t]*[–—-][ \t]*([{upper}][\w.-]+(?:[ \t]+[{upper}][\w.-]+){{0,2}})"
                                   r"(?=[ \t]*(?:$|\n|"
                                   + "".join(re.escape(x) + r"\b|" for x in lang.sequence("dash_speaker_followers"))
                                   + r":|,))"),
        full_sentence_re=re.compile(rf"^[{upper}\d].*[.!?…]$", re.S),
        is_known=lang.is_known, codes=Generations(CACHE_GENERATION), names=Generations(CACHE_GENERATION),
        known=Generations(CACHE_GENERATION), old_lemmas=Generations(CACHE_GENERATION), language=lang,
    )


def _respell(word: str, spellings: Sequence[tuple[str, str]]) -> str:
    """The word in another spelling (each (letters, replacement) of `spellings` applied)."""
    for old, new in spellings:
        word = word.replace(old, new)
    return word


def _alternatives(words: Sequence[str]) -> str:
    """A regex alternation of the words as written, escaped, longest first; one that never
    matches when there are none (a language without the list)."""
    if not words:
        return "(?!)"
    return "|".join(re.escape(x) for x in sorted(words, key=lambda x: (-len(x), x)))


def _first_person_re(openers: tuple[str, ...]) -> re.Pattern[str]:
    """A quotation that opens in the first person ("Ich …", "Wir …"); none without openers."""
    if not openers:
        return re.compile(r"(?!)")
    return re.compile("(?:" + "|".join(map(re.escape, openers)) + r")\b")


_SPACES_RE: Final = re.compile(r"\s+")
_LAST_WORD_RE: Final = re.compile(r"(\w+)\s*$")


def _known_word(norm: str, w: _Words) -> bool:
    """Does the language's dictionary know the word? Cached per normal form."""
    got = w.known.get(norm)
    if got is None:
        got = bool(w.is_known(norm))
        w.known.put(norm, got)
    return got


def _is_name(t: TokenType, w: _Words) -> bool:
    """A capitalised token the language's dictionary does not know: a proper name (Kirby, Peskow)."""
    names = w.names
    got = names.get(t.text)
    if got is None:
        got = t.is_word and t.text[:1].isupper() and not t.text.isupper() and not _known_word(t.norm, w)
        names.put(t.text, got)
    return got


def _konj_form(t: TokenType, report: bool, w: _Words) -> bool:
    low = t.low
    if low in w.konj1 or (report and low in w.konj2_report):
        return True
    lem = t.lemma
    if report and _strong_konj2(t.text, low, lem, w):
        return True
    # 3rd person Konjunktiv I of regular verbs is the stem + e: plane, zeige, erhalte; of verbs in
    # -eln/-ern the stem + e as well: handele, ändere (`konj1_rules`)
    if not (t.is_word and t.text[:1].islower() and len(low) >= 4) or t.text.endswith(w.konj1_not_endings):
        return False
    return any(len(lem) >= shortest and lem.endswith(inf) and low == lem[: len(lem) - len(inf)] + konj
               for inf, konj, shortest in w.konj1_rules)


def _strong_konj2(text: str, low: str, lemma: str, w: _Words) -> bool:
    """Konjunktiv II of a strong verb, an umlaut its infinitive lacks: käme (kommen), gäbe
    (geben), lögen (lügen), stünde (stehen); not führe (führen) or schöne (schön)."""
    if not (text[:1].islower() and low.endswith(w.strong_konj2_endings) and len(low) >= 4
            and lemma.endswith(w.strong_konj2_infinitive_endings)):
        return False
    return any(u in low and u not in lemma for u in w.umlauts)


def _is_konj(t: TokenType, report: bool, w: _Words) -> bool:
    """Is the token a Konjunktiv form (with report: also wäre/hätte/würde)? Cached per type."""
    return bool(_flags(_code_of(t, w)) & (_MAY_KONJ_REPORT if report else _MAY_KONJ))


# Per token type: may it be an attribution cue, a Konjunktiv I form, any Konjunktiv form?
# A sentence with none of these and no quotation mark cannot hold quoted or reported speech,
# so find_quotes skips it without building its tokens.
_MAY_CUE, _MAY_KONJ1, _MAY_KONJ, _MAY_KONJ_REPORT = 1, 2, 4, 16
_TEXT: Final = attrgetter("text")


# One character per token type, so the scans of a sentence (next comma, last clause boundary,
# a "wie" before the verb, any Konjunktiv) are str.find/rfind and regex searches over a short
# string instead of Python loops: single-character punctuation and quotation marks stand for
# themselves; "dass" and "ob" as written are D and O, in other capitalisations d and o; wie,
# und, als, vor (any capitalisation) are W, U, A, V; a word with flags (cue, Konjunktiv) is
# chr(_FLAGGED + flags); other words are "w", anything else "x". The flags are read back from
# the code (`_flags`): punctuation and the lettered function words never carry any (tested).
_CODE_PUNCT: Final = frozenset(",:;.!?–—-" + _QUOTE_CHARS)


_FLAGGED: Final = 0x100
_FIRST_FLAGGED: Final = chr(_FLAGGED)
_FLAG_BITS: Final = _MAY_CUE | _MAY_KONJ1 | _MAY_KONJ | _MAY_KONJ_REPORT
_LAST_FLAGGED: Final = chr(_FLAGGED + _FLAG_BITS)  # („ “ ‚ ‘ and other marks lie above this range)


def _flag_class(bit: int) -> re.Pattern[str]:
    """Regex matching the code of any token whose flags include `bit`."""
    return re.compile("[" + "".join(chr(_FLAGGED + f) for f in range(_FLAG_BITS + 1) if f & bit) + "]")


_CUE_OR_KONJ_RE: Final = _flag_class(_MAY_CUE | _MAY_KONJ1 | _MAY_KONJ | _MAY_KONJ_REPORT)
_KONJ_REPORT_RE: Final = _flag_class(_MAY_KONJ_REPORT)


def _code(tt: TokenType, w: _Words) -> str:
    text = tt.text
    if text in _CODE_PUNCT:
        return text
    code = w.word_codes.get(text) or w.low_codes.get(tt.low)
    if code:
        return code
    flags = _type_flags(tt, w)
    if flags:
        return chr(_FLAGGED + flags)
    return "w" if tt.is_word else "x"


def _type_flags(tt: TokenType, w: _Words) -> int:
    """May the type be an attribution cue, a Konjunktiv I form, any Konjunktiv form?"""
    f = 0
    lem = _lemma(tt, w)
    if tt.low in w.cue_words or tt.low.endswith(w.source_noun_endings) or (tt.is_word and (
            tt.text[:1].islower() or tt.text[:1] != tt.low[:1]) and (
            lem in w.speech_verbs or lem in w.cognition_verbs or lem in w.separable
            or lem in w.reflexive_cues or lem in w.colon_text_verbs
            or lem in w.thought_verbs or lem in w.zu_content_verbs)) or _modern(tt.low, w) in w.content_nouns \
            or tt.low in w.reflexive_verb_forms or (tt.text[:1].islower() and lem in w.particle_pp_content) \
            or (tt.is_word and tt.low in w.idiom_anchors) or lem in w.joined_speech_verbs:
        f |= _MAY_CUE
    if tt.low in w.konj1:
        f |= _MAY_KONJ1
    if _konj_form(tt, False, w):
        f |= _MAY_KONJ
    if _konj_form(tt, True, w):
        f |= _MAY_KONJ_REPORT
    return f


def _code_of(tt: TokenType, w: _Words) -> str:
    """The type's code character, computed once per type."""
    code = w.codes.get(tt.text)
    if code is None:
        code = _code(tt, w)
        w.codes.put(tt.text, code)
    return code


def _flags(code: str) -> int:
    """The cue and Konjunktiv flags a code character carries (0 for punctuation and plain words)."""
    return ord(code) - _FLAGGED if _FIRST_FLAGGED <= code <= _LAST_FLAGGED else 0


def _lemma(t: TokenType, w: _Words) -> str:
    """The lower-cased lemma. Swiss spellings of speech verbs map to the German ones ("hiess" →
    heißen); a word in an old spelling the dictionary does not know gets its modern lemma:
    theilt → teilen, mitgetheilt → mitteilen, erwiederte → erwidern (th → t, `old_spellings`)."""
    lem = t.lemma_low
    swiss = w.swiss_lemmas.get(lem)
    if swiss is not None:
        return swiss
    if lem != t.low or not t.is_word or not t.text[:1].islower():
        return lem
    old_lemmas = w.old_lemmas
    got = old_lemmas.get(t.low)
    if got is None:
        modern = t.low
        for old, new in w.old_spellings:
            modern = modern.replace(old, new)
        got = lem
        if modern != t.low:
            m = lemmatise(modern, w.language).lower()
            got = m if m != modern or _known_word(modern, w) else lem
        old_lemmas.put(t.low, got)
    return got


def _verb_lemma(toks: _Run, i: int) -> str:
    """The token's lemma as a verb: a past form the dictionary reads as an adjective is the verb
    before a reflexive pronoun ("bekannte sich zu …" → bekennen)."""
    w = toks.words
    t = toks[i]
    verb = w.reflexive_verb_forms.get(t.low)
    if verb is not None and i + 1 < len(toks) and toks[i + 1].low in w.reflexive_pronouns:
        return verb
    return _lemma(t, w)


def _verb_first(toks: _Run, i: int) -> bool:
    """A capitalised verb that opens its clause before a personal pronoun: a question, a request
    or an exhortation ("Glauben Sie, dass …?", "Hoffen wir, dass …", "Bedenkt man, dass …")."""
    w = toks.words
    if i + 1 >= len(toks) or (i > 0 and toks[i - 1].is_word):
        return False
    nxt = toks[i + 1]
    return nxt.low in w.pronouns or nxt.low in w.first_person_speakers or nxt.low in w.anonymous \
        or nxt.text in w.formal_address


def _is_speech(t: TokenType, toks: _Run, i: int, verbs: frozenset[str] | None = None) -> bool:
    w = toks.words
    low = t.low
    lem = _verb_lemma(toks, i) if low in w.reflexive_verb_forms else _lemma(t, w)
    if low in w.so_words and i > 0 and toks[i - 1].text == ",":
        return _so_source(toks, i)  # "…", so Shin
    if not t.is_word:
        return False
    if lem in w.hearsay_verbs and i > 0 and toks[i - 1].low in w.namely_subjects_any:
        return False  # "Das heißt …": that means, no source
    if lem in (w.speech_verbs if verbs is None else verbs) and (t.text[:1].islower() or _verb_first(toks, i)):
        return True
    if lem in w.reflexive_cues and t.text[:1].islower() and any(
            x.low in w.reflexive_pronouns for x in toks[i + 1 : i + 4]):
        return True  # "zeigte sich „besorgt“"
    parts = w.separable.get(lem)
    if parts and t.text[:1].islower():
        if i > 0 and toks[i - 1].low in parts and low.startswith(w.participle_prefixes):
            return True  # perfect, the particle before the participle: "hatte deutlich gemacht"
        # the particle closes the clause: "fügte … hinzu", "hob … hervor:"
        j = i + 1
        while j < len(toks) and toks[j].text not in (",", ".", ":", ";", "?", "!"):
            if toks[j].low in parts and (j + 1 >= len(toks) or not toks[j + 1].is_word):
                return True
            j += 1
    return False




def _so_source(toks: _Run, i: int) -> bool:
    """"…, so Shin." / "…, so der Minister am Montag.": "so" names a source only when a noun
    phrase follows it and its clause ends soon; "…, so ist die Zahl gestiegen" is no source."""
    w = toks.words
    n = len(toks)
    if i + 1 >= n or not toks[i + 1].is_word:
        return False
    nxt = toks[i + 1]
    if nxt.low in w.auxiliaries and i + 2 < n:
        # "…, so habe der FDP-Chef angeboten, …": a source with its own verb in parenthesis
        rng = _np_after(toks, i + 2)
        if rng is None or rng[1] + 1 >= n or toks[rng[0]].low in w.anonymous:
            return False
        part = toks[rng[1]]  # a participle, not an infinitive: "so wird man finden, dass" is no source
        return part.is_word and part.text[:1].islower() and part.low != part.lemma_low \
            and toks[rng[1] + 1].text == ","
    if not (nxt.text[:1].isupper() or nxt.low in w.determiners):
        return False
    for k in range(i + 1, min(n, i + 12)):
        c = toks[k].text
        if c in (".", "!", "?", ";", ":") or c in _QUOTE_CHARS:
            return True
        if c == "," or (toks[k].is_word and toks[k].text[:1].islower() and toks[k].lemma_low not in w.so_source_words
                        and toks[k].low not in w.np_stop and toks[k].low not in w.determiners
                        and not toks[k].low.endswith(w.adj_endings)):
            return c == "," and k > i + 1 and toks[k - 1].text[:1].isupper()
    return True




class _Runs:
    """The sentences of one document as `_Run`s, built on demand and kept while it is searched."""

    def __init__(self, doc: Doc, codes: str, words: _Words) -> None:
        self.doc = doc
        self.codes = codes
        self.words = words
        self.cache: dict[int, _Run] = {}

    def __call__(self, si: int) -> _Run:
        got = self.cache.get(si)
        if got is None:
            d = self.doc
            s = d.sentences[si]
            a, b = s.first_token, s.last_token
            got = self.cache[si] = _Run(d.types[a:b])
            got.starts, got.codes, got.words = d.starts[a:b], self.codes[a:b], self.words
        return got


# --- 3. speakers ---------------------------------------------------------------------------




def _clause_adverb(t: TokenType, w: _Words) -> bool:
    """An adverb that can open a clause or stand after the verb, never a noun phrase: "Dagegen",
    "Natürlich", "etwa", and pronominal adverbs by their form ("darauf", "womit", "hierzu")."""
    low = t.low
    if low in w.clause_adverbs or low in w.fronted_adverbs:
        return True
    return any(low.startswith(pre) and low[len(pre):] in w.pronominal_adverb_heads
               for pre in w.pronominal_adverb_prefixes)


def _role_noun(t: TokenType, w: _Words) -> bool:
    """A noun of a speaking role or institution ("Sprecherin", "Bauernverband", "FDP-Chef")."""
    low = t.low
    return t.is_word and t.text[:1].isupper() and (
        low in w.role_nouns or low.endswith(w.role_noun_heads) or low.endswith(w.institution_noun_heads)
        or low.rstrip(w.genitive_letters).endswith(w.institution_noun_heads))


def _acronym(t: TokenType) -> bool:
    """An acronym of two to six capitals ("BKA", "NATO", "GBA"): an institution's name."""
    x = t.text
    return 2 <= len(x) <= 6 and x.isupper() and x.isalpha()


def _title_at(toks: _Run, i: int, n: int) -> int:
    """End (after the closing mark) of a short quoted name at i („Bild“, »Sota«), else -1."""
    if toks[i].text not in "„»«\"“":
        return -1
    for j in range(i + 1, min(n, i + 9)):
        x = toks[j]
        if x.text in "“”«»\"":
            return j + 1 if j > i + 1 else -1
        if x.text in _NAME_MARKS and j > i + 1 and toks.starts[j] == toks.end(j - 1):
            continue  # an abbreviated name: „Saarztg.“, „St.=Anz.“, „Frkf. Ztg.“
        if not (x.is_word and (x.text[:1].isupper() or x.text[:1].isdigit())) or j >= i + 6:
            return -1
    return -1


_NAME_MARKS: Final = frozenset(".=-")


def _np_after(toks: _Run, i: int, objects: bool = False) -> tuple[int, int] | None:
    """Token range of the noun phrase starting at or after index i (subject after the verb).
    Adverbs and object pronouns before it are skipped ("sagte dagegen der Minister", "rief
    ihnen Rukwied zu"), unless `objects` (after "zitieren" the object is the one quoted)."""
    w = toks.words
    n = len(toks)
    while i < n and toks[i].is_word and (toks[i].low in w.skip_after_verb or toks[i].low in w.reflexive_pronouns or (
            toks[i].text[:1].islower() and (_clause_adverb(toks[i], w) or (
                not objects and toks[i].low in w.object_pronouns and i + 1 < n and toks[i + 1].is_word)))):
        i += 1  # "äußerte sich der Minister"
    start = i
    has_noun = False
    last_name = False
    while i < n:
        t = toks[i]
        low = t.low
        if not t.is_word:
            if has_noun and t.text == "(" and i + 2 < n and toks[i + 2].text == ")" and _acronym(toks[i + 1]):
                i += 3  # "das Bundeskriminalamt (BKA)"
                continue
            if t.text == "." and i > start and i + 1 < n and toks[i + 1].is_word and toks[i + 1].text[:1].isupper() \
                    and toks[i - 1].text[:1].isupper() and toks.end(i - 1) == toks.starts[i] \
                    and (toks[i - 1].low in w.abbreviations or len(toks[i - 1].text) <= 3):
                i += 1  # a title or initial: "Abg. Dr. Lueger", "W. Neuendorff"
                continue
            end = _title_at(toks, i, n) if (has_noun or i == start or toks[i - 1].low in w.determiners) else -1
            if end > 0:
                # a quoted name in the phrase: "die „Bild“-Zeitung", "des Kanals „Sota“"
                i = end
                if i + 1 < n and toks[i].text == "-" and toks[i + 1].text[:1].isupper():
                    i += 2
                has_noun = True
                last_name = False
                continue
            if t.text == "," and has_noun and i + 1 < n and toks[i + 1].is_word and toks[i + 1].text[:1].isupper():
                # apposition: "der Sprecher des Ministeriums, Vedant Patel, …": a name, or up to
                # three capitalised words closed by a comma or the clause's end
                j = i + 1
                while j < n and toks[j].is_word and toks[j].text[:1].isupper() and j - i <= 4:
                    j += 1
                if (j >= n or toks[j].text in (",", ".", ":", ";", "!", "?")) and (
                        _is_name(toks[i + 1], w) or not any(_role_noun(x, w) for x in toks[i + 1 : j])):
                    i = j
                    has_noun = last_name = True
            break
        if low in w.role_link_prepositions and has_noun and i + 1 < n and (
                _role_noun(toks[i - 1], w) or toks[i - 1].low.endswith(w.report_noun_heads)) and (
                _is_name(toks[i + 1], w) or _acronym(toks[i + 1]) or (
                    toks[i + 1].text[:1].isupper() and i + 2 < n and _is_name(toks[i + 2], w))):
            i += 1  # "eine Sprecherin von Greenpeace", "einer Mitteilung von RIA Novosti"
            continue
        if low in w.and_words and has_noun and last_name and i + 1 < n:
            # coordinated names keep both: "die EU und die NATO", "Putin und Lukaschenko"
            k = i + 1 + (toks[i + 1].low in w.determiners)
            if k < n and (_is_name(toks[k], w) or _acronym(toks[k])):
                i = k
                continue
        if low in w.np_stop and not (low in w.and_words and has_noun and i + 1 < n and (
                _is_name(toks[i + 1], w) or (toks[i + 1].text.isupper() and len(toks[i + 1].text) > 1))):
            break
        if has_noun and (last_name or low in w.np_breakers or low not in w.genitive_determiners) \
                and low in w.determiners:
            break  # a new phrase: "summierte der Kanzler seine Entscheidung"
        if i > start and low in w.month_names and (toks[i - 1].text[:1].isdigit() or (
                toks[i - 1].text == "." and i > start + 1 and toks[i - 2].text[:1].isdigit())):
            break  # "am 22. Mai": a date, no speaker
        if t.text[:1].isupper() and low not in w.determiners and low not in w.pronouns:
            if i == start and (_clause_adverb(t, w) or low in w.not_noun_phrase_openers or low in w.all_prepositions):
                return None  # "Dagegen …": an adverb opens the clause; "Dies lehnte X ab": no noun
            has_noun = True
            last_name = _is_name(t, w) or _acronym(t)
        elif low in w.determiners or low in w.pronouns or low in w.anonymous:
            if low in w.pronouns or low in w.anonymous:
                return (i, i + 1) if i == start else (start, i)
        elif not low.endswith(w.adj_endings) or _is_speech(t, toks, i) or (
                has_noun and toks[i - 1].text[:1].isupper() and toks[i - 1].is_word
                and toks[i - 1].low not in w.determiners
                and (not toks[i - 1].low.endswith(w.genitive_endings) or low in w.auxiliaries)):
            break  # not an attributive adjective ("des Senders sollen …"): the phrase has ended
        i += 1
    # drop trailing words that are not nouns or names
    while i > start and not toks[i - 1].text[:1].isupper() and toks[i - 1].text not in ")“”«»\"":
        i -= 1
    return (start, i) if i > start and has_noun else None


def _np_before(toks: _Run, start: int, verb: int) -> tuple[int, int] | None:
    """The subject before the verb, when the clause starts with it (German verb-second)."""
    w = toks.words
    if verb <= start:
        return None
    low = toks[start].low
    if low in w.clause_linkers or low in w.subordinators:
        start += 1
        if start >= verb:
            return None
        low = toks[start].low
    # focus particles before the subject: "vor allem die SPD wirft …", "auch der Kreml sagte"
    if start + 1 < verb and (low, toks[start + 1].low) in w.focus_phrases:
        start += 2
    elif low in w.focus_particles and start + 1 < verb:
        start += 1
    if start >= verb:
        return None
    low = toks[start].low
    first = toks[start]
    if low in w.demonstratives and verb == start + 1:
        return None
    if low in w.pronouns or low in w.anonymous or low in w.first_person_speakers:
        # "Er sagte", also before an auxiliary: "Sie habe am Telefon erklärt", "Ich habe gesagt"
        return (start, start + 1) if verb == start + 1 or toks[start + 1].low in w.auxiliaries else None
    if low in w.prepositions or low in w.np_stop or _clause_adverb(first, w) \
            or not (first.text[:1].isupper() or low in w.determiners or _title_at(toks, start, verb) > 0):
        return None
    rng = _np_after(toks, start)
    if rng is None or rng[1] > verb:
        return None
    return rng




_OPENING_MARKS: Final = frozenset("„»«\"“‚")


def _subject(toks: _Run, lo: int, v: int) -> tuple[int, int] | None:
    """Subject of the speech verb at v: before it (verb-second), after it, or after an auxiliary;
    the antecedent of a relative pronoun; the agent of a passive; the subject of the main
    clause for a coordinated verb or an infinitive ("um zu erklären")."""
    w = toks.words
    cs = _clause_start_through(toks, lo, v)
    if cs == v and v - 1 > lo and toks[v - 1].text == ",":
        return _subject_before_comma(toks, lo, v)
    if cs == v and v - 2 >= lo and toks[v - 1].text in "“”«»\"":
        # a quoted name as the subject: "„Kommersant“ berichtet, …"
        j = next((j for j in range(v - 3, max(lo, v - 9) - 1, -1) if toks[j].text in _OPENING_MARKS), -1)
        if j >= lo and _title_at(toks, j, len(toks)) == v and (j == lo or not toks[j - 1].is_word) \
                and _no_subject_after(toks, v):
            return (j, v)
    if v - 1 > lo and toks[v - 1].low in w.verb_coordinators:
        # coordinated verbs share the subject: "Putin verurteilt … und kündigt … an"
        head = _np_before(toks, lo, v - 1)
        if head is not None and head[1] < v - 1 and toks[head[1]].text[:1].islower():
            return head
        if cs >= v - 1:
            return _main_subject(toks, lo, v - 1)  # "So sang der Spiegel das Lied, … und betonte"
        if toks[cs].is_word and toks[cs].text[:1].islower() and toks[cs].low not in w.not_a_verb_start:
            # "…, verrät sie nicht und fabuliert …": the subject follows the first verb
            rng = _np_after(toks, cs + 1)
            if rng is not None and rng[1] < v:
                return rng
    if v - 1 >= cs and (toks[v - 1].low in w.infinitive_markers or (cs < v and toks[cs].low in w.purpose_openers)) \
            and cs > lo:
        return _main_subject(toks, lo, cs)  # "Scholz trat vor die Presse, um zu erklären, …"
    if cs > lo and toks[cs - 1].text == "," and (toks[cs].low in w.subject_relative_pronouns or (
            toks[cs].low in w.prepositions and cs + 1 < v and toks[cs + 1].low in w.subject_relative_pronouns)):
        return _relative_subject(toks, lo, cs, v)
    if (cs < v - 1 and toks[cs].low in w.clause_openers and toks[cs].low not in w.wh_openers) or (
            cs < v - 1 and toks[cs].low in w.wh_relatives and cs > lo and toks[cs - 1].text == ","):
        # a verb-final clause: its subject follows the conjunction ("seitdem der Verband zu … aufgerufen
        # hat", "…, was die Verwaltung gerade erklärt hatte")
        j = cs + 1
        while j < v and toks[j].is_word and toks[j].text[:1].islower() and (
                _clause_adverb(toks[j], w) or toks[j].low in w.skip_after_verb or toks[j].low in w.focus_particles):
            j += 1
        if j < v and (toks[j].low in w.determiners or (toks[j].is_word and toks[j].text[:1].isupper())):
            rng = _np_after(toks, j)
            if rng is not None and rng[1] <= v and _head_speaks(toks, rng):
                return rng
    tv = toks[v]
    participle = tv.low != tv.lemma_low and tv.low.endswith(w.participle_endings) and (
        tv.low.startswith(w.participle_prefixes) or v + 1 >= len(toks) or not toks[v + 1].is_word
        or toks[v + 1].low in w.werden_forms)
    if tv.lemma_low not in w.quoting_verbs and participle and any(
            toks[k].low in w.werden_forms for k in range(cs, min(len(toks), v + 3))):
        # a passive names the speaker as its agent or source ("wurde vom Ministerium kritisiert",
        # "Aus dem Ministerium wurde erklärt"); its subject is what was said or done
        for k in range(cs, v):
            if toks[k].low in w.agent_prepositions or (k == cs and toks[k].low in w.passive_source_prepositions):
                rng = _np_after(toks, k + 1)
                if rng is not None and rng[1] <= v:
                    return rng
        if toks[cs].low in w.first_person_speakers:
            return (cs, cs + 1)  # "Wir werden um Aufnahme … ersucht": the outlet's own words
        return None
    if toks[v].lemma_low in w.quoting_verbs or toks[v].low.startswith(w.participle_prefixes):
        # passive and perfect: "Der Diktator wurde mit den Worten … zitiert", "Peking hat …
        # vorgeworfen": the subject stands before the finite auxiliary
        aux = next((k for k in range(v - 1, cs - 1, -1) if toks[k].low in w.auxiliaries), None)
        if aux is not None:
            head = _np_before(toks, _clause_start(toks, lo, aux), aux) if aux > lo else None
            if head is not None:
                return head
            after = _np_after(toks, aux + 1)  # "…, wird Kreml-Sprecher Peskow … zitiert"
            if after is not None and after[1] <= v and toks[aux + 1].low not in w.prepositions:
                return after
    before = _np_before(toks, cs, v)
    if before is not None:
        fronted = _fronted_object(toks, before, v)
        if fronted is not None or toks[before[0]].low not in w.not_subject_articles:
            return fronted or before
        # "Den Bauern versprach er …", "den versammelten Bauern anbot": a dative or accusative is
        # never the subject; the subject follows the verb, or the clause names none
        after = _np_after(toks, v + 1)
        if after is not None and (toks[after[0]].low in w.pronouns or toks[after[0]].low in w.subject_articles
                                  or _is_name(toks[after[0]], w)):
            return after
    first = toks[cs] if cs < v else None
    if cs > lo and first is not None and first.text[:1].islower() and first.low not in w.not_a_verb_start \
            and toks[lo].text[:1].isupper():
        # "China wies … zurück, bezeichnete … und warf … vor": the subject opens the sentence
        head = _np_after(toks, lo)
        if head is not None and head[1] <= cs:
            return head
    # "wie Reuters berichtet", "Wie der Economist anführt", "wie es X formulierte"
    for k in range(cs, v):
        if toks[k].low in w.source_clause_conjunctions:
            j = k + 1 + (k + 1 < v and toks[k + 1].low in w.source_clause_pronouns)
            return _np_after(toks, j)
    # "hatte der russische Botschafter … geäußert": subject after the finite auxiliary
    for k in range(cs, v):
        if toks[k].low in w.auxiliaries and k + 1 < v:
            rng = _np_after(toks, k + 1)
            if rng is not None:
                return rng
    return None


def _clause_start_through(toks: _Run, lo: int, v: int) -> int:
    """The start of the clause of v, looking through a quotation or a parenthesis by dashes
    inside it: "das ZDF die Sprengung «…» als «…» bezeichnet", "Putin hat X – ohne ihn zu
    nennen – „Verrat“ vorgeworfen"."""
    w = toks.words
    cs = _clause_start(toks, lo, v)
    for _ in range(6):
        if cs <= lo + 1:
            return cs
        mark = toks[cs - 1].text
        if mark == "." and (toks[cs - 2].text[:1].isdigit() or toks[cs - 2].low in w.abbreviations):
            cs = _clause_start(toks, lo, cs - 2)  # an ordinal or abbreviation: "am 22. Mai", "Nr. 3"
            continue
        if mark == "-" and toks.end(cs - 2) == toks.starts[cs - 1] and toks.end(cs - 1) == toks.starts[cs]:
            cs = _clause_start(toks, lo, cs - 1)  # a hyphen inside a compound: "„Bild“-Zeitung"
            continue
        if mark == "," and cs < v and toks[cs].text[:1].islower() and toks[cs].low not in w.subject_relative_pronouns \
                and toks[cs].low not in w.subordinators:
            # "…, über die der Chef des Dienstes, Bruno Kahl, noch am 22. Mai sagte": a name in
            # apposition, then the clause goes on without its subject
            p = toks.codes.rfind(",", lo, cs - 1)
            if p > lo and 0 < cs - 1 - (p + 1) <= 3 and all(
                    t.is_word and t.text[:1].isupper() and not _role_noun(t, w) for t in toks[p + 1 : cs - 1]):
                cs = _clause_start(toks, lo, p)
                continue
            return cs
        if mark in "“”«»\"'":
            o = next((k for k in range(cs - 2, lo - 1, -1) if (toks[k].text in _OPENING_MARKS
                      and toks[k].text != mark) or (mark == '"' and toks[k].text == '"')), None)
            if o is None or o <= lo or toks[o - 1].text in (",", ":", ";", ".") or not toks[o - 1].is_word:
                return cs
            cs = _clause_start(toks, lo, o)
        elif mark in "–—":
            d = next((k for k in range(cs - 2, lo - 1, -1) if toks[k].text in ("–", "—")), None)
            if d is None or d <= lo or not toks[d - 1].is_word:
                return cs
            cs = _clause_start(toks, lo, d)
        else:
            return cs
    return cs


def _first_verb(toks: _Run, lo: int, hi: int) -> int | None:
    """The first lower-case word after lo that can be the finite verb (not an article,
    preposition, particle or attributive adjective)."""
    w = toks.words
    return next((k for k in range(lo + 1, hi) if toks[k].is_word and toks[k].text[:1].islower()
                 and toks[k].low not in w.determiners and toks[k].low not in w.focus_particles
                 and toks[k].low not in w.prepositions and toks[k].low not in w.and_words
                 and not (toks[k].low.endswith(w.adj_endings) and k + 1 < hi and toks[k + 1].text[:1].isupper())),
                None)


def _main_subject(toks: _Run, lo: int, hi: int) -> tuple[int, int] | None:
    """The subject of the main clause that opens toks[lo:hi]: before its verb, or right after it
    when the clause opens with something else ("So sang der Spiegel …")."""
    f = _first_verb(toks, lo, hi)
    if f is None:
        return None
    head = _np_before(toks, lo, f)
    after = _np_after(toks, f + 1)
    after = after if after is not None and after[1] <= hi else None
    if head is not None and not (after is not None and _head_speaks(toks, after) and not _head_speaks(toks, head)):
        return head
    return after  # "Verbindungen will die GBA nicht gefunden haben": the object opens the clause


def _np_ending_at(toks: _Run, lo: int, e: int) -> tuple[int, int] | None:
    """The noun phrase ending right before index e ("…, Bürgermeisterin Anna Berger (SPD), die
    …"): capitalised words, articles, adjectives and a parenthesis walked back from e."""
    w = toks.words
    k = e
    while k > lo:
        t = toks[k - 1]
        if t.text == ")":
            o = next((j for j in range(k - 2, max(lo, k - 12) - 1, -1) if toks[j].text == "("), None)
            if o is None:
                break
            k = o
            continue
        if (t.is_word and (t.text[:1].isupper() or t.low in w.determiners)) or t.text == "-":
            k -= 1
            continue
        if t.is_word and t.low.endswith(w.adj_endings) and k < e and toks[k].text[:1].isupper():
            k -= 1
            continue
        break
    while k < e and not (toks[k].is_word and (toks[k].text[:1].isupper() or toks[k].low in w.determiners)):
        k += 1
    if k >= e or _clause_adverb(toks[k], w) or toks[k].low in w.prepositions:
        return None
    rng = _np_after(toks, k)
    if rng is None:
        return None
    return (rng[0], min(rng[1], e)) if rng[1] >= e - 1 else (rng[0], e)


def _relative_subject(toks: _Run, lo: int, cs: int, v: int) -> tuple[int, int] | None:
    """Subject of a speech verb in a relative clause: a noun phrase after the relative pronoun
    ("…, über die der Chef des Dienstes sagte"), else the antecedent before the comma ("der
    Bericht von Reporterin Lisa Graf, die schreibt, …")."""
    w = toks.words
    j = cs + 1 if toks[cs].low in w.subject_relative_pronouns else cs + 2
    while j < v and toks[j].is_word and toks[j].text[:1].islower() and (
            _clause_adverb(toks[j], w) or toks[j].low in w.skip_after_verb or toks[j].low in w.focus_particles):
        j += 1
    if j < v and (toks[j].low in w.determiners or _is_name(toks[j], w) or _acronym(toks[j])
                  or (toks[j].text[:1].isupper() and toks[j].is_word)):
        rng = _np_after(toks, j)
        if rng is not None and rng[1] <= v:
            return rng
    if toks[cs].low not in w.subject_relative_pronouns:
        return None
    got = _np_ending_at(toks, lo, cs - 1)
    if got is not None or toks[cs].low not in w.moved_relative_pronouns:
        return got
    # a relative clause moved behind the verb's particle: "Die schickte Finanzminister
    # Christian Lindner (45, FDP) vorbei, der …": the nearest person named before it
    k = next((j for j in range(cs - 2, lo - 1, -1) if _is_name(toks[j], w) and not _role_noun(toks[j], w)), None)
    if k is None:
        return None
    a = k
    while a > lo and toks[a - 1].is_word and toks[a - 1].text[:1].isupper() and toks[a - 1].low not in w.determiners:
        a -= 1
    return (a, k + 1)


def _subject_before_comma(toks: _Run, lo: int, v: int) -> tuple[int, int] | None:
    """Subject of "X, <apposition or relative clause>, sagte …"."""
    w = toks.words
    # "Der Bauernverband (DBV), der … durchführen will, distanzierte sich": the antecedent of a
    # relative clause that ends right before the verb
    for c in range(v - 2, lo, -1):
        if toks[c].text == "," and c + 1 < v - 1 and toks[c + 1].low in w.subject_relative_pronouns:
            if _np_like(toks, c + 2, v - 1):
                break  # "Jake Sullivan, der Sicherheitsberater, sagte": an apposition
            head = _np_ending_at(toks, lo, c)
            if head is not None and _clause_start(toks, lo, head[0]) in (head[0], head[0] - 1):
                return head
            break
    # "Jake Sullivan, der Sicherheitsberater, sagte": an apposition between commas
    k = toks.codes.rfind(",", lo + 1, v - 1)
    if k != -1:
        head = _np_before(toks, _clause_start(toks, lo, k), k)
        if head is not None:
            return (head[0], v - 1) if _np_like(toks, k + 1, v - 1) else head
        # "Der Präsident des Verbands, Rukwied, erklärte": a name in apposition
        st = _clause_start(toks, lo, k)
        if st < k and toks[st].low in w.clause_linkers:
            st += 1
        whole = _np_after(toks, st)
        if whole is not None and whole[1] == v - 1 and (_is_name(toks[v - 2], w) or _is_name(toks[k - 1], w) or all(
                t.is_word and t.text[:1].isupper() and not _role_noun(t, w) for t in toks[k + 1 : v - 1])):
            return whole  # "Uschakow, Putins Berater, nannte …", "Der Chef des Verbands, Jan Kolbe, sagte"
        if whole is not None and whole[1] == k and _np_like(toks, k + 1, v - 1) and (
                _is_name(toks[k - 1], w) or _role_noun(toks[st], w) or _acronym(toks[k - 1])):
            return (whole[0], v - 1)  # "Uschakow, Berater für internationale Fragen, nannte …"
    return None


def _np_like(toks: _Run, a: int, b: int) -> bool:
    """Can toks[a:b] be a noun phrase with its attributes (no finite verb): capitalised words,
    articles, adjectives, prepositions, "und", numbers and parentheses?"""
    w = toks.words
    if b <= a:
        return False
    for t in toks[a:b]:
        if not t.is_word:
            if t.text not in "()-" and not t.text[:1].isdigit():
                return False
        elif not (t.text[:1].isupper() or t.low in w.determiners or t.low in w.prepositions or t.low in w.and_words
                  or t.low.endswith(w.adj_endings) or t.text[:1].isdigit()):
            return False
    return True


def _head_speaks(toks: _Run, rng: tuple[int, int]) -> bool:
    """Does a noun phrase before its genitive attribute hold a name, an acronym or a noun of a
    speaking role or institution ("Bundeskanzler Olaf Scholz", "der Deutsche Bauernverband")?"""
    w = toks.words
    seen_noun = False
    for t in toks[rng[0] : rng[1]]:
        if seen_noun and t.low in w.genitive_determiners:
            return False  # the attribute of the head: "die Blockade eines Anlegers in Schlüttsiel"
        if t.is_word and t.text[:1].isupper() and t.low not in w.determiners:
            if _is_name(t, w) or _acronym(t) or _role_noun(t, w):
                return True
            seen_noun = True
    return False


def _fronted_object(toks: _Run, before: tuple[int, int], v: int) -> tuple[int, int] | None:
    """Object-first order ("Den Vorschlag nannte der Minister …", "Die Blockade bezeichnete der
    Verband als …"): the phrase before the verb is an object when its article cannot be a
    subject (den, dem, des) or when it names no speaker and a speaker follows the verb."""
    w = toks.words
    first = toks[before[0]].low
    if first not in w.fronted_object_articles or _head_speaks(toks, before):
        return None
    after = _np_after(toks, v + 1)
    if after is None or not _head_speaks(toks, after):
        return None
    if first in w.not_subject_articles or toks[after[0]].low in w.subject_articles or _is_name(toks[after[0]], w):
        return after
    return None


def _span_text(doc: Doc, toks: _Run, rng: tuple[int, int]) -> str:
    w = toks.words
    a, b = rng
    s = doc.text[toks.starts[a] : toks.end(b - 1)].strip(" ,")
    if not s.isprintable() or "  " in s:
        s = _SPACES_RE.sub(" ", s)
    words = s.split(" ")
    if len(words) > 1 and words[0].lower() in w.determiners:
        s = " ".join(words[1:])
    return s


@dataclass(slots=True)
class _Frame:
    verb: int  # token index in the sentence of the cue
    speaker: str
    cue: str
    content: tuple[int, int] | None  # token range of the reported content, if any
    named: bool
    srng: tuple[int, int] | None = None  # token range of the speaker as the text names him
    lo: int = 0  # first token of the frame's segment
    colon: int = -1  # the colon that ends the segment, if any
    clause: tuple[int, int] | None = None  # token range of the cue's clause (see _near_frame)


# sentences a pronoun or a role ("der Kanzler") looks back for the person it names
SPEAKER_LOOKBACK: Final = 6


class _Speakers:
    """Resolves pronouns and roles to the person they refer back to: the nearer of the last
    named speaker and the named subject of one of the sentences before."""

    def __init__(self) -> None:
        self.last = ""
        self.last_at = -1  # offset of the last speaker's mention
        self.last_named = False  # did the last speaker's mention hold a proper name?
        self.said: dict[int, str] = {}  # sentence -> the last speaker attributed in it

    def resolve(self, doc: Doc, toks: _Run, rng: tuple[int, int] | None, named: bool,
                plural: bool = False) -> str:
        """The speaker's words (a pronoun resolved); `named`: the range holds a proper name;
        `plural`: the verb is plural, so "sie" stands for several and names no one person."""
        w = toks.words
        if rng is None:
            return ""
        text = _span_text(doc, toks, rng)
        low = text.lower()
        at = toks.starts[rng[0]]
        if low in w.first_person_speakers:
            return low  # "ich", "wir": kept as the text names them
        if low in w.pronouns:
            if plural and low in w.ambiguous_pronouns:
                return text  # "indem sie behaupten": not the last person named
            return self.antecedent(doc, at) or _name_before(doc, at)
        if low in w.anonymous:
            return low
        if 2 <= len(text) <= 6 and text.isupper() and text.isalpha():
            text = _expand_acronym(doc.text, text, w)  # "GBA" → "Generalbundesanwalt (GBA)"
        resolved = False  # a role noun given the name of the person it refers back to
        person = any(_is_name(t, w) and not _role_noun(t, w) for t in toks[rng[0] : rng[1]])
        if not person and not plural and toks[rng[0]].low in w.definite_articles and rng[1] - rng[0] >= 2:
            # "sagte der SPD-Politiker" after "Minister Karl Lauterbach verteidigte …": a role
            # refers back to the named subject of the sentence before; a role noun ("die Witwe",
            # "der Kanzler") to the person last named as subject or speaker
            head = next((t for t in toks[rng[0] : rng[1]] if t.is_word and t.text[:1].isupper()), None)
            name = _subject_name_before(doc, doc.sentence_at(at)) if head is not None and _is_role(head, w) else ""
            name = name if name and not _role_text(name, w) else ""
            if not name and rng[1] - rng[0] <= 3 and head is not None and _is_role(head, w) \
                    and head is toks[rng[1] - 1]:
                # further back only a person the text has given that role ("Bundeskanzler Olaf
                # Scholz … sagte der Kanzler"): the nearest named person may be someone else
                name = _role_holder(doc.text, at, toks[rng[1] - 1].low, w)
            if name and text in name:
                text = name  # the same role named again: "sagte die Witwe … so die Witwe"
                named = resolved = True
            elif name and name not in text:
                text = f"{text} {name}"
                named = resolved = True
        if text:
            self.said[doc.sentence_at(at)] = text
        if named or text[:1].isupper():
            self.last, self.last_at, self.last_named = text, at, person or resolved
        return text

    def antecedent(self, doc: Doc, at: int, person: bool = False) -> str:
        """The person a pronoun or role at offset `at` refers to: the named subject of one of
        the SPEAKER_LOOKBACK sentences before, unless the last speaker was named after it
        (with `person`, only a speaker named by a proper name counts)."""
        si = doc.sentence_at(at)
        last = self.last if self.last_named or not person else ""
        for k in range(si - 1, max(-1, si - 1 - SPEAKER_LOOKBACK), -1):
            if last and self.last_at >= doc.sentences[k].start:
                break  # the last speaker is nearer
            got = _named_subject(doc, k)
            if got:
                return got
        return last


@lru_cache(maxsize=4096)
def _acronym_re(acronym: str, upper: str) -> re.Pattern[str]:
    return re.compile(rf"((?:[{upper}][\w-]*\s+){{0,2}}[{upper}][\w-]*)\s*\(" + re.escape(acronym) + r"\)")


def _expand_acronym(text: str, acronym: str, w: _Words) -> str:
    """An acronym with the name the text gives it: "Der Deutsche Bauernverband (DBV)" makes
    "DBV" "Deutsche Bauernverband (DBV)"; the acronym alone when the text spells it out nowhere."""
    if f"({acronym})" not in text:  # (what the regex needs: a plain substring test rules most texts out)
        return acronym
    m = _acronym_re(acronym, w.upper).search(text)
    if m is None:
        return acronym
    words = [word for word in m.group(1).split() if word.lower() not in w.determiners]
    return f"{' '.join(words)} ({acronym})" if words else acronym


# characters a role noun ("der Kanzler") looks back for the person the text gave that role
ROLE_LOOKBACK: Final = 2000


def _role_holder(text: str, at: int, role: str, w: _Words) -> str:
    """The person the text last introduced with a role noun before offset `at`: "Bundeskanzler
    Olaf Scholz … sagte der Kanzler" → "Olaf Scholz", "FDP-Chef Lindner" for "der FDP-Chef";
    "" when it introduced no one so."""
    lo = max(0, at - ROLE_LOOKBACK)
    best = ""
    for m in _role_word_re(role).finditer(text, lo, at):
        n = w.name_after_role_re.match(text, m.end())
        if n is None or n.end() > at:
            continue
        words = []
        for word in n.group(1).split():
            low = word.lower()
            if low in w.role_nouns or low.endswith(w.role_noun_heads) or low.endswith(w.institution_noun_heads) \
                    or low in w.determiners:
                break
            words.append(word)
        # a given name and a surname, or one word the dictionary does not know or the actor list does
        if len(words) >= 2 or (words and (not _known_word(token_norm(words[0], w.language), w)
                                          or _actor_label(words[0], w))):
            best = " ".join(words)
    return best


@lru_cache(maxsize=256)
def _role_word_re(role: str) -> re.Pattern[str]:
    """A word that is the role noun or ends with it ("Bundeskanzler" for "kanzler")."""
    return re.compile(r"\b[\w-]*" + re.escape(role) + r"\b", re.IGNORECASE)


def _role_text(text: str, w: _Words) -> bool:
    """Is a short text a role noun alone ("Kurzzeit-Ministerpräsident")?"""
    low = text.lower()
    return " " not in low and (low in w.role_nouns or low.endswith(w.role_noun_heads))


def _is_role(t: TokenType, w: _Words) -> bool:
    """A noun of a person's role ("Witwe", "Kanzler", "FDP-Chef"), not of an institution."""
    low = t.low
    return t.is_word and t.text[:1].isupper() and (low in w.role_nouns or low.endswith(w.role_noun_heads))




def _subject_name_before(doc: Doc, si: int) -> str:
    """The proper name that opens the sentence before (its subject, in verb-second order):
    "Bundesgesundheitsminister Karl Lauterbach verteidigte …" → "Karl Lauterbach"."""
    return _named_subject(doc, si - 1) if si > 0 else ""


def _named_subject(doc: Doc, si: int, sources: bool = False) -> str:
    """The proper name of sentence si's subject: the phrase that opens it before the verb
    ("Der ukrainische Präsident Wolodymyr Selenskyj geht …" → "Wolodymyr Selenskyj"), or the
    phrase right after the verb when an adverb or a prepositional phrase opens it ("Auf einmal
    betrat Julia Nawalnaja die Bühne" → "Julia Nawalnaja"); "" when it names no one. With
    `sources`, an institution or acronym counts too ("Das BKA legte … vor" → "BKA")."""
    w = _words(doc.language)
    if si < 0:
        return ""
    s = doc.sentences[si]
    types = doc.types
    end = s.last_token
    a = s.first_token
    b = min(end, a + 8)
    opener = types[a]
    if not (opener.low in w.prepositions or _clause_adverb(opener, w)):
        k = _name_phrase_end(types, a, b, w)
        if k > a and k < end and (types[k].text[:1].islower() or types[k].text == ","):
            return _name_in(doc, a, k, sources)  # (a comma: "X, der Sekretär des Rates, legte nach")
    # verb-second after something else: "Auf einmal betrat X", "Am Abend sagte X"
    for v in range(a + 1, b):
        t = types[v]
        if not t.is_word or not t.text[:1].islower() or t.low in w.determiners or t.low in w.prepositions \
                or (t.low.endswith(w.adj_endings) and v + 1 < end and types[v + 1].text[:1].isupper()):
            continue
        if t.low in w.pronouns_sie or t.low in w.anonymous or t.low in w.first_person_speakers \
                or t.low in w.impersonal_subjects:
            return ""  # the subject is a pronoun
        k = _name_phrase_end(types, v + 1, min(end, v + 7), w)
        if k > v + 1:
            return _name_in(doc, v + 1, k, sources)
    return ""


def _name_phrase_end(types: list[TokenType], a: int, b: int, w: _Words) -> int:
    """End of an article, adjectives and capitalised words from a (a noun phrase's start)."""
    while a < b and types[a].low in w.determiners:
        a += 1
    k = a
    while k < b and types[k].is_word and (types[k].text[:1].isupper() or (
            types[k].low.endswith(w.adj_endings) and k + 1 < b and types[k + 1].text[:1].isupper())):
        k += 1
    return k


def _name_in(doc: Doc, a: int, k: int, sources: bool = False) -> str:
    """The last proper name in tokens a..k, with its given name ("Karl Lauterbach"): a word the
    dictionary does not know, or the words after a role noun ("Bundeskanzler Olaf Scholz")."""
    w = _words(doc.language)
    types = doc.types
    last = next((j for j in range(k - 1, a - 1, -1) if _is_name(types[j], w) and not _role_noun(types[j], w)), None)
    if last is not None and last + 1 < k and all(types[j].text[:1].isupper() and not _role_noun(types[j], w)
                                                 for j in range(last + 1, k)):
        # a surname the dictionary knows after the given name: "Ina Ruck", "Bruno Kahl"
        first, last = last, k - 1
        return doc.text[doc.starts[first] : doc.end(last)]
    if last is None and sources:
        head = next((j for j in range(a, k) if types[j].text[:1].isupper() and types[j].low not in w.determiners), None)
        if head is not None and (_acronym(types[head])
                                 or (_role_noun(types[head], w) and not _is_role(types[head], w))):
            return doc.text[doc.starts[head] : doc.end(k - 1)]  # "Das Bundeskriminalamt (BKA)"
    if last is None:
        role = next((j for j in range(k - 2, a - 1, -1) if _role_noun(types[j], w)), None)
        if role is None or not all(types[j].text[:1].isupper() and not _role_noun(types[j], w)
                                   for j in range(role + 1, k)):
            return ""
        return doc.text[doc.starts[role + 1] : doc.end(k - 1)]
    first = last
    # given name and surname: the word before the surname when it is capitalised and unknown
    if last - 1 >= a and types[last - 1].text[:1].isupper() and not _known_word(types[last - 1].low, w) \
            and not _role_noun(types[last - 1], w):
        first = last - 1
    return doc.text[doc.starts[first] : doc.end(last)]


def _name_before(doc: Doc, offset: int, window: int = 200) -> str:
    """The nearest proper name mentioned before an offset ("Dmitri Peskow sprach … Er …")."""
    i = doc.token_index(offset)
    types, sent = doc.types, doc.sent
    w = _words(doc.language)
    for k in range(i - 1, max(-1, i - window), -1):
        if _is_name(types[k], w):
            a = k
            while a > 0 and types[a - 1].is_word and types[a - 1].text[:1].isupper() \
                    and not _known_word(types[a - 1].low, w) and sent[a - 1] == sent[k] and k - a < 3:
                a -= 1
            return doc.text[doc.starts[a] : doc.end(k)]
    return ""


def _frame(doc: Doc, toks: _Run, speakers: _Speakers, lo: int, hi: int,
           prefer_after: int | None = None, verbs: frozenset[str] | None = None,
           pairs: _Mask | None = None, maybe: list[int] | None = None) -> _Frame | None:
    """Attribution frame in toks[lo:hi]: cue, speaker and the reported content's range.

    `maybe`, when given, lists the only token indices that can be cues (see _code)."""
    w = toks.words
    span = range(lo, hi) if maybe is None else [i for i in maybe if lo <= i < hi]
    cands = [i for i in span if (pairs is None or toks.starts[i] not in pairs) and (
             _is_speech(toks[i], toks, i, verbs)
             or toks[i].low in w.report_markers
             or (toks[i].low in w.speech_nouns and toks[i].text[:1].isupper())
             or (_modern(toks[i].low, w) in w.content_nouns and toks[i].text[:1].isupper()
                 and _noun_comma(toks, i, hi) > 0)
             or (toks[i].lemma_low in w.thought_verbs and (toks[i].text[:1].islower() or _verb_first(toks, i))
                 and _content_of_verb(toks, lo, hi, i) is not None)
             or (toks[i].lemma_low in w.particle_pp_content and toks[i].text[:1].islower()
                 and _assumes(toks, lo, hi, i))
             or (toks[i].low.endswith(w.source_noun_endings) and _after_nach(toks, i))
             or (toks[i].low == w.citing_noun and i > 0 and toks[i - 1].low == w.citing_before)
             or (toks[i].low in w.idiom_anchors and _idiom(toks, lo, hi, i) is not None)
             or (toks[i].lemma_low in w.joined_speech_verbs and toks[i].text[:1].islower()
                 and (c := _content_of_verb(toks, lo, hi, i)) is not None and c[0] > i))]
    if not cands:
        return None
    contents: dict[int, tuple[int, int] | None] = {}
    if prefer_after in cands:
        v = prefer_after
    else:
        # the verb governing the reported content is the last one before it; a trailing
        # "…, sagten die Quellen." governs the whole sentence
        verbs_ = [i for i in cands if not _is_marker(toks, i)]
        markers = [i for i in cands if _is_marker(toks, i)]
        contents = {i: _content_of_verb(toks, lo, hi, i) for i in verbs_}
        with_content = [i for i in verbs_ if contents[i]]
        if len(with_content) > 1 and \
                toks[_clause_start(toks, lo, with_content[-1])].low in w.source_clause_conjunctions:
            del with_content[-1]  # "X ergänzte, die Krise - wie er es nannte - habe …"
        # a coordinated verb or a zu-infinitive whose content lies before it and holds an earlier
        # speech verb with content of its own reports nothing: "Die Ministerin sagte, dass …, und
        # kündigte … an" is framed by "sagte" (an inverted "…, sagten die Quellen." still
        # governs the whole sentence)
        inner_first = [i for i in with_content if not (
            i > lo and (toks[i - 1].low in w.verb_coordinators or _zu_infinitive(toks[i - 1], w)
                        or _zu_infinitive(toks[i], w))
            and any(j < i and contents[i][0] <= j < contents[i][1] for j in with_content))]  # type: ignore[index]
        if inner_first:
            with_content = inner_first
        # a speech verb inside the content of an earlier one is reported inside it ("Der Wirt teilt
        # mit, dass der Pächter … und sich bereit erklärt hat, … zu zahlen"): the earlier verb frames
        # (not a verb after a comma, "…, sagte X", which governs what comes before it, nor one in the
        # content of a verb whose content is a main or relative clause: "…, und der Verband erklärte")
        outer = [i for i in with_content if toks[i - 1].text == "," or not any(
            j < i and contents[j][0] < i < contents[j][1]  # type: ignore[index]
            and toks[contents[j][0]].low not in w.main_coordinators  # type: ignore[index]
            and toks[contents[j][0]].low not in w.relative_pronouns for j in with_content)]  # type: ignore[index]
        if outer:
            with_content = outer
        if with_content:
            # a verb in Konjunktiv inside reported content ("…, sagte, er glaube, dass …") is no
            # frame when an indicative speech verb frames the sentence
            plain = [i for i in with_content if not _is_konj(toks[i], True, w)]
            v = plain[-1] if plain else with_content[-1]
        elif markers and (not verbs_ or (markers[0] < verbs_[0] and toks[markers[0]].low not in w.speech_nouns)):
            v = markers[0]  # "Berichten zufolge haben … versichert"
        else:
            v = verbs_[0]
    t = toks[v]
    low = t.low
    content: tuple[int, int] | None = None
    rng: tuple[int, int] | None = None
    source_noun = low.endswith(w.source_noun_endings) and _after_nach(toks, v)
    citing = low == w.citing_noun
    if low in w.source_before or source_noun or citing:
        k = v + 1
        if source_noun and k < hi and toks[k].low in w.source_noun_links:
            k += 1
        if citing and k < hi and toks[k].low == w.citing_after:
            k += 1
        rng = _np_after(toks, k)
        if source_noun and rng is not None and k == v + 1 and toks[k].low not in w.genitive_determiners and not (
                rng[1] == k + 1 and toks[k].text.endswith("s")):
            rng = None  # "nach russischen Angaben UN-Generalsekretär Guterres": no genitive, no source
        end = rng[1] if rng else v + 1
        nach = _after_nach(toks, v) if source_noun else v
        content = _content_around(toks, lo, hi, nach - 1 if source_noun else v - citing, end)
        cue = w.source_noun_preposition + " " + t.text if source_noun else w.citing_cue if citing else t.text
        if rng is None and source_noun and t.low not in w.source_noun_endings:
            rng = (v, v + 1)  # "nach Polizeiangaben": the compound names the source
        elif rng is None and source_noun and nach < v and toks[nach].low not in w.vague_source_adjectives:
            rng = (nach, v + 1)  # "nach russischen Angaben": the adjective names the source
    elif low in w.source_after:
        j = v
        while j > lo and toks[j - 1].is_word and (
            (toks[j - 1].text[:1].isupper() and not _clause_adverb(toks[j - 1], w)) or toks[j - 1].low in w.determiners
            or (toks[j - 1].norm.endswith(w.adj_endings) and toks[j].is_word and toks[j].text[:1].isupper())
        ) and not _is_speech(toks[j - 1], toks, j - 1):
            j -= 1
        # the phrase before "zufolge" is dative: "Doch sehe das BKA dem Bericht zufolge" → "dem Bericht"
        dets = [k for k in range(j, v) if toks[k].low in w.determiners]
        if dets and toks[dets[0]].low in w.after_source_starts:
            j = next((k for k in dets[1:] if toks[k].low in w.after_source_datives), j)
        rng = (j, v) if v > j else None
        content = _content_around(toks, lo, hi, j, v + 1)
        cue = t.text
    elif low in w.idiom_anchors and (idiom := _idiom(toks, lo, hi, v)) is not None:
        # "Der Minister stellte in Abrede, dass …": the idiom and its subject stay the outlet's,
        # the clause after it is the subject's
        iv, _, _, content = idiom
        cue = t.text  # the idiom's flagging word, as for a content noun ("Ansicht")
        rng = _subject(toks, lo, iv)
        t = toks[iv]
    elif _modern(low, w) in w.content_nouns and (comma := _noun_comma(toks, v, hi)) > 0:
        # "die Nachricht, dass …", "stellte die These auf, X hätten …": the clause is the
        # reported content; its source a genitive after the noun or the subject of the verb
        # whose object the noun is
        cue = t.text
        m = _COLON_OR_SEMICOLON.search(toks.codes, comma + 1, hi)
        content = (comma + 1, m.start() if m else hi)
        if toks[comma + 1].low in w.content_clause_conjunctions:
            content = (comma + 1, _subclause_end(toks, comma + 1, content[1]))  # "…, freute alle"
        if v + 3 < hi and toks[v + 1].low in w.source_genitive_articles:
            rng = _np_after(toks, v + 1)
        else:
            cs = _clause_start(toks, lo, v)
            verb = next((k for k in range(v - 1, cs - 1, -1) if _verb_form(toks[k], w, True)
                         and toks[k].low not in w.auxiliaries), None)
            if verb is not None and (_is_speech(toks[verb], toks, verb) or toks[v - 1].low in w.determiners):
                rng = _subject(toks, lo, verb)
    elif low in w.speech_nouns:
        # "der Vorwurf der Opposition", "mit den Worten": the source, if any, is a genitive after
        # the noun; the noun marks the quotations of its sentence as someone's words
        cue = t.text
        if v + 1 < hi and toks[v + 1].low in w.source_genitive_articles:
            rng = _np_after(toks, v + 1)
    elif low in w.report_adverbs:
        # "Demnach …": the source named in the sentence before (its speaker, or its named
        # subject: "X legte nach. Demnach sei …"), else the last speaker
        content = (v + 1, hi)
        si = doc.sentence_at(toks.starts[v])
        source = speakers.said.get(si - 1) or _named_subject(doc, si - 1, sources=True) or speakers.last
        return _Frame(v, source, t.text, content, False)
    else:
        cue = t.text
        if low in w.so_words:
            rng = _np_after(toks, v + 1 + (v + 1 < hi and toks[v + 1].low in w.auxiliaries))
        elif _lemma(t, w) in w.hearsay_verbs:
            # "hieß es in dem WSJ-Bericht" / "In der New York Times hieß es": the source
            # follows a preposition; "… unter Berufung auf Y" names who said it
            cited = next((k for k in range(lo + 1, hi - 2) if toks[k].low == w.citing_noun
                          and toks[k - 1].low == w.citing_before and toks[k + 1].low == w.citing_after), None)
            if cited is not None:
                rng = _np_after(toks, cited + 2)
            for k in [] if rng is not None else [*range(_clause_start(toks, lo, v), v), *range(v + 1, min(hi, v + 8))]:
                if toks[k].low in w.hearsay_prepositions:
                    rng = _np_after(toks, k + 1)
                    if rng is not None:
                        break
        else:
            # the phrase after the verb is only looked for when it can be the speaker
            quoting = t.lemma in w.quoting_verbs
            may_follow = quoting or (v > lo and toks[v - 1].text == ",")
            after = _np_after(toks, v + 1, objects=quoting) if may_follow else None
            if quoting and after and toks[after[0]].low in w.pronouns_sie:
                rng = (after[0], after[0] + 1)  # "zitiert ihn der Guardian": the speaker is "ihn"
            elif v > lo and toks[v - 1].text == "," and after is not None and not _apposition(toks, lo, v) \
                    and not ((subj := _subject(toks, lo, v)) is not None and subj[1] == v - 1
                             and _np_like(toks, toks.codes.rfind(",", lo + 1, v - 1) + 1, v - 1)):
                rng = after  # "…, sagte der Minister" (not "Uschakow, Putins Berater, nannte …")
            elif t.text[:1].isupper() and _verb_first(toks, v):
                rng = (v + 1, v + 2)  # "Hoffen wir, dass …": the pronoun after the verb
            else:
                rng = _subject(toks, lo, v) or (after if may_follow else _np_after(toks, v + 1))
        content = contents[v] if v in contents else _content_of_verb(toks, lo, hi, v)
    if content is not None and rng is not None and content[0] <= rng[0] < content[1] and rng[0] - content[0] <= 1:
        # the speaker as the outlet names him stays in the outlet's voice: "kündigte der
        # Autokrat die Vernichtung an" reports "die Vernichtung"
        content = (rng[1], content[1]) if rng[1] < content[1] else None
    if content is not None:
        content = _past_semicolons(toks, content, hi)
    named = rng is not None and any(_is_name(x, w) for x in toks[rng[0] : rng[1]])
    # "behaupten", not "geschrieben"
    plural = t.text.endswith(w.plural_verb_endings) and not t.text.startswith(w.participle_prefixes)
    speaker = speakers.resolve(doc, toks, rng, named, plural)
    return _Frame(v, speaker, cue, content, named, rng, lo)


_IDIOM_GAP: Final = 3  # words allowed between two fixed words of an idiom ("keinen Hehl daraus")
_IDIOM_REACH: Final = 6  # words allowed between the idiom's last word and its comma
_IDIOM_WINDOW: Final = 40  # the idiom's clause is looked for this far around its head (linear time)


def _idiom(toks: _Run, lo: int, hi: int, i: int) -> tuple[int, int, int, tuple[int, int]] | None:
    """A multi-word speech predicate whose flagging word is at i and the content it frames: (its
    verb, its first and last word + 1, the content range), or None.

    The idiom's words lie in one clause (any order of verb and fixed words: verb-second, verb-final
    in a subordinate clause, perfect and passive participles, zu-infinitives, a separable verb's
    particle closing the clause); its content is the dass-/ob-/w-clause, zu-infinitive or
    Konjunktiv clause right after the clause's comma. The idiom's object is not content."""
    w = toks.words
    n = min(hi, len(toks))
    cs = i
    while cs > max(lo, i - _IDIOM_WINDOW) and toks[cs - 1].text not in (",", ";", ":", "–", "—"):
        cs -= 1
    ce = i + 1
    while ce < min(n, i + _IDIOM_WINDOW) and toks[ce].text not in (",", ";", ":", ".", "!", "?", "–", "—"):
        ce += 1
    if ce >= n or toks[ce].text != ",":
        return None
    m = _COLON_OR_SEMICOLON.search(toks.codes, ce + 1, n)
    end = m.start() if m else n
    for k in w.idiom_anchors.get(toks[i].low, ()):
        idiom = w.speech_idioms[k]
        where = _idiom_words(toks, cs, ce, i, idiom)
        if where is None:
            continue
        verb = next((j for j in range(cs, ce) if j not in where and _idiom_verb(toks, j, ce, idiom)), None)
        if verb is None:
            continue
        a, b = min(verb, *where), max(verb, *where) + 1
        if idiom.base and toks[verb].lemma_low != idiom.verb:
            b = max(b, ce)  # "drückte … aus": the particle closes the clause
        if ce - b > _IDIOM_REACH:
            continue
        content = _idiom_content(toks, ce, end)
        if content is not None:
            return verb, a, b, content
    return None


def _idiom_words(toks: _Run, cs: int, ce: int, i: int, idiom: _Idiom) -> list[int] | None:
    """Positions of the idiom's fixed words around its flagging word at i, in order and close
    together, inside the clause [cs, ce); None when one is missing."""
    where = [i]
    j = i
    for slot in reversed(idiom.fixed[: idiom.anchor]):
        j = next((x for x in range(j - 1, max(cs, j - 1 - _IDIOM_GAP) - 1, -1) if toks[x].low in slot), -1)
        if j < 0:
            return None
        where.insert(0, j)
    j = i
    for slot in idiom.fixed[idiom.anchor + 1 :]:
        j = next((x for x in range(j + 1, min(ce, j + 2 + _IDIOM_GAP)) if toks[x].low in slot), -1)
        if j < 0:
            return None
        where.append(j)
    return where


def _idiom_verb(toks: _Run, j: int, ce: int, idiom: _Idiom) -> bool:
    """Is the word at j a form of the idiom's verb ("stellte", "gestellt", "zu stellen",
    "ausgedrückt", "drückte" with "aus" closing the clause)? Not a possessive ("sein Bedauern")."""
    w = toks.words
    t = toks[j]
    if not (t.is_word and t.text[:1].islower()):
        return False
    if t.low in w.determiners and j + 1 < ce and toks[j + 1].text[:1].isupper():
        return False
    lem = _lemma(t, w)
    if lem == idiom.verb:
        return True
    return bool(idiom.base) and lem == idiom.base and toks[ce - 1].low == idiom.particle and ce - 1 > j


def _idiom_content(toks: _Run, ce: int, end: int) -> tuple[int, int] | None:
    """The content after an idiom's comma: a dass-/ob-clause, an indirect question, a
    zu-infinitive or a clause in Konjunktiv; not an ordinary clause ("…, und …", "…, der …")."""
    w = toks.words
    start = ce + 1
    if start + 1 >= end or not toks[start].is_word:
        return None
    first = toks[start].low
    if first in w.content_clause_conjunctions:
        return (start, _subclause_end(toks, start, end))
    if (first in w.wh_words or first in w.wh_openers) and start + 2 < end \
            and toks[start + 1].low not in w.wh_not_clause:
        return (start, _subclause_end(toks, start, end))
    if first in w.purpose_zu or first in w.main_coordinators or first in w.subordinators:
        return None
    stop = toks.codes.find(",", start, end)
    seg = (start, end if stop == -1 else stop)
    last = seg[1] - 1
    while last > start and not toks[last].is_word:
        last -= 1
    if last > start and toks[last].low in w.modal_infinitives and toks[last - 1].low not in w.infinitive_markers:
        last -= 1  # "… senken zu können" is "zu können"; "… abzuschließen haben"
    if last > start and ((toks[last - 1].low in w.infinitive_markers and _verb_form(toks[last], w))
                         or (toks[last].low not in w.infinitive_markers and _zu_infinitive(toks[last], w))):
        # the clause closes with its zu-infinitive: "stellte in Aussicht, die Löhne zu erhöhen"
        # (not a relative clause, "…, die er zu lösen versuchte")
        return (start, _subclause_end(toks, start, end))
    if first not in w.relative_pronouns and _reports(toks, seg):
        return (start, end)  # "gab zu verstehen, er werde bleiben"
    return None


def _past_semicolons(toks: _Run, content: tuple[int, int], hi: int) -> tuple[int, int]:
    """A report goes on past a semicolon while the next clause is in Konjunktiv ("…, sie habe
    nichts erhalten; sie sei aber zufrieden"); an indicative clause after it is the outlet's."""
    a, b = content
    while b + 1 < hi and toks[b].text == ";":
        stop = toks.codes.find(";", b + 1, hi)
        stop = hi if stop == -1 else stop
        while stop > b + 1 and toks[stop - 1].text in (".", "!", "?"):
            stop -= 1
        if stop <= b + 1 or not toks[b + 1].is_word or _KONJ_REPORT_RE.search(toks.codes, b + 1, stop) is None \
                or any(x.low in toks.words.first_second_person for x in toks[b + 1 : stop]):
            break
        b = stop
    return a, b


def _assumes(toks: _Run, lo: int, hi: int, v: int) -> bool:
    """Does a verb of assuming ("gehen … von … aus") have its content and a subject that names a
    speaker (a name, an acronym, a speaking role or institution)?"""
    if _content_of_verb(toks, lo, hi, v) is None:
        return False
    subj = _subject(toks, lo, v)
    return subj is not None and _head_speaks(toks, subj)


def _modern(low: str, w: _Words) -> str:
    """An old spelling in today's form, for looking words up: Ueberzeugung, Aeußerung → ü, ä."""
    if low[:2] in w.old_umlauts:
        return w.old_umlauts[low[:2]] + low[2:]
    return low


def _noun_comma(toks: _Run, v: int, hi: int) -> int:
    """The comma after a content noun that opens its reported content, -1 if none: right after
    it ("die Nachricht, dass …") or after the particle or the verbs that close the clause whose
    object it is ("stellte die These auf, US-Taucher hätten …", "die Hoffnung hegen, dass …")."""
    w = toks.words
    k = v + 1
    while k < min(hi, v + 4) and toks[k].is_word and toks[k].text[:1].islower() and (
            toks[k].low in w.particles or _verb_form(toks[k], w)):
        k += 1  # "die Hoffnung hegen, dass …", "die Erwartung ausgesprochen werden, dass …"
    if k + 1 >= hi or toks[k].text != ",":
        return -1
    if _noun_content_start(toks, k + 1, hi):
        return k
    if any(toks[j].low not in w.particles for j in range(v + 1, k)):
        return -1  # after a verb only a dass-, ob- or zu-clause ("… meine Meinung ist, werde ich …")
    # a clause in Konjunktiv: "die Ansicht, es sei zu spät", "die These, X hätten …"
    stop = toks.codes.find(",", k + 1, hi)
    seg = (k + 1, hi if stop == -1 else stop)
    return k if toks[k + 1].is_word and toks[k + 1].low not in w.relative_pronouns \
        and _KONJ_REPORT_RE.search(toks.codes, *seg) is not None else -1


def _noun_content_start(toks: _Run, k: int, hi: int) -> bool:
    """Does the clause at k report the content of a noun before its comma: a dass- or ob-clause,
    or a zu-infinitive ("die Bitte, dem Manne zu helfen"; not "um … zu")?"""
    w = toks.words
    if toks[k].low in w.content_clause_conjunctions:
        return True
    if toks[k].low in w.purpose_zu or not toks[k].is_word:
        return False
    stop = toks.codes.find(",", k, hi)
    return any(_zu_infinitive(t, w) for t in toks[k : hi if stop == -1 else stop])


def _after_nach(toks: _Run, i: int) -> int:
    """Index of the first word after "nach" when the source noun at i follows "nach" and
    adjectives that name the source ("nach Angaben", "nach russischen Angaben"), else 0
    (falsy); "nach vorläufigen Angaben" stays as it was written: the outlet's figures."""
    w = toks.words
    k = i - 1
    while k > 0 and toks[k].is_word and toks[k].text[:1].islower() and toks[k].low.endswith(w.adj_endings) \
            and toks[k].low not in w.vague_source_adjectives and toks[k].low not in w.determiners and k > i - 4:
        k -= 1
    return k + 1 if k >= 0 and toks[k].low == w.source_noun_preposition else 0


def _is_marker(toks: _Run, i: int) -> bool:
    w = toks.words
    low = toks[i].low
    return low in w.report_markers or low == w.citing_noun or (low.endswith(w.source_noun_endings)
                                                            and _after_nach(toks, i) > 0) or (
        (low in w.speech_nouns or low in w.content_nouns) and toks[i].text[:1].isupper())


def _apposition(toks: _Run, lo: int, v: int) -> bool:
    """'Jake Sullivan, der Sicherheitsberater, sagte …': a subject with an apposition."""
    k = toks.codes.rfind(",", lo + 1, v - 1)
    return (k != -1 and k + 1 < v
            and toks[k + 1].low in toks.words.apposition_articles
            and _np_before(toks, _clause_start(toks, lo, k), k) is not None)


_CLAUSE_MARKS: Final = frozenset(':;,“”"„«»–—-.')  # (a period inside a sentence: an unsplit one)


def _clause_start(toks: _Run, lo: int, v: int) -> int:
    codes = toks.codes
    k = v
    while k > lo and codes[k - 1] not in _CLAUSE_MARKS:
        k -= 1
    return k


def _content_around(toks: _Run, lo: int, hi: int, a: int, b: int) -> tuple[int, int] | None:
    """Content of a sentence around a marker phrase toks[a:b]: the larger side.

    Only called when the segment holds no speech verb (a verb's content takes precedence)."""
    left = (lo, a)
    right = (b, hi)
    while right[0] < hi and toks[right[0]].text == ",":
        right = (right[0] + 1, hi)
    while left[1] > lo and toks[left[1] - 1].text == ",":
        left = (lo, left[1] - 1)
    best = max((left, right), key=lambda r: r[1] - r[0])
    return best if best[1] - best[0] >= 3 else None


_COLON_OR_SEMICOLON: Final = re.compile("[:;]")
_COMMA_DASS_OB: Final = re.compile("[,DO]")  # codes: "dass" and "ob" as written
_DASS_OB: Final = re.compile("[DO]")


def _content_of_verb(toks: _Run, lo: int, hi: int, v: int) -> tuple[int, int] | None:
    """Reported content of a speech verb: the clause after its comma, or before the comma; the
    label of "bezeichnete X als Y" and the charge of "warf X Y vor"; and the rest of the
    sentence after "Wie X anführt, …"."""
    w = toks.words
    if toks[v].low in w.idiom_anchors:
        idiom = _idiom(toks, lo, hi, v)
        if idiom is not None:
            return idiom[3]
    # "X sagte am Dienstag, die USA seien …" / "X drohte, Nordkorea werde …" / "…, dass …"
    m = _COLON_OR_SEMICOLON.search(toks.codes, v + 1, hi)
    end = m.start() if m else hi
    lemma = _verb_lemma(toks, v)
    if lemma in w.label_verbs:
        # "Pjöngjang bezeichnete die Übungen als Vorbereitung auf einen Präventivschlag": the
        # words after "als" are the speaker's label, up to the end of that clause
        clause_end = next((k for k in range(v + 1, end) if toks[k].text in (",", ".", "!", "?")
                           or (toks[k].low in w.and_words and k + 1 < end and toks[k + 1].text[:1].islower()
                           and _is_speech(toks[k + 1], toks, k + 1))), end)
        als = next((k for k in range(v + 1, clause_end) if toks[k].low in w.predicative_words), None)
        if als is not None and als + 1 < clause_end:
            return (als + 1, clause_end)
    if lemma in w.naming_speech_verbs and toks[v].text[:1].islower() and v + 1 < end and toks[v + 1].is_word:
        # "nannte den Gipfel das größte Ereignis des Jahres": object and label are the speaker's
        stop = _clause_stop(toks, v, end)
        if stop - v >= 3 and not any(toks[k].low in w.content_clause_conjunctions for k in range(v + 1, stop)):
            return (v + 1, stop)
    particle = w.charge_particles.get(lemma)
    if particle is not None and toks[v].text[:1].islower():
        # "China warf der US-Regierung Heuchelei vor": the charge sits between verb and particle;
        # a clause after the particle ("…, weil sie …", "…, sie bereite …") belongs to it too
        vor = next((k for k in range(v + 1, end) if toks[k].low == particle
                    and (k + 1 >= end or not toks[k + 1].is_word)), None)
        if vor is not None:
            after = _clause_content(toks, lo, hi, v, end)
            if after is not None and after[0] > vor:
                return (v + 1, after[1])
            if vor + 1 < end and toks[vor + 1].text == ",":
                stop = next((k for k in range(vor + 2, end) if toks[k].text in (",", ";")), end)
                if any(_zu_infinitive(t, w) for t in toks[vor + 2 : stop]):
                    return (v + 1, stop)  # "Kiew wirft Moskau vor, gezielt … anzugreifen"
            if vor > v + 1:
                return (v + 1, vor)
    if lemma in w.charge_verbs and toks[v].text[:1].islower() and (v + 1 >= end or not toks[v + 1].is_word):
        # perfect or passive, the participle closing the clause: "Peking hat Washington
        # Doppelmoral vorgeworfen": the charge lies between the auxiliary and the participle
        cs = _clause_start(toks, lo, v)
        aux = next((k for k in range(cs, v) if toks[k].low in w.auxiliaries), None)
        if aux is not None and aux + 1 < v:
            return (aux + 1, v)
    pp = w.particle_pp_content.get(lemma)
    if pp is not None and toks[v].text[:1].islower():
        # "Die Ermittler gehen von Brandstiftung aus": the object between the preposition and
        # the particle that closes the clause
        stop = _clause_stop(toks, v, end)
        if stop - 1 > v + 1 and toks[stop - 1].low == pp[0]:
            prep = next((k for k in range(v + 1, stop - 1) if toks[k].low in pp[1:]), None)
            if prep is not None and prep + 1 < stop - 1:
                return (prep + 1, stop - 1)
    if lemma in w.pp_content and toks[v].text[:1].islower():
        # "Ex-Häftlinge berichten von brutalen Zuständen", "warnte vor einer Eskalation": the
        # prepositional object is what was said
        stop = _clause_stop(toks, v, end)
        prep = next((k for k in range(v + 1, stop) if toks[k].low in w.pp_content[lemma]), None)
        if prep is not None and prep + 1 < stop:
            return (prep + 1, stop)
        if (v + 1 >= end or not toks[v + 1].is_word) and toks[v].low != lemma:
            # a participle closing its clause: "hatte vor einer Unterwanderung … gewarnt"
            cs = _clause_start(toks, lo, v)
            prep = next((k for k in range(cs, v) if toks[k].low in w.pp_content[lemma]), None)
            if prep is not None and prep + 1 < v and toks[prep + 1].low not in w.relative_pronouns:
                return (prep + 1, v)  # (not "…, über die der Blog berichtet": the content is before)
    parts = w.separable.get(lemma)
    if parts and lemma not in w.charge_particles and toks[v].text[:1].islower():
        # "kündigt Vernichtung der Putschisten an": the object between verb and particle, also
        # past the commas of a list in it ("fordert die Koalition aus SPD, Grünen und FDP … auf")
        stop = _clause_stop(toks, v, end)
        while stop + 1 < end and toks[stop].text == "," and toks[stop + 1].is_word \
                and toks[stop + 1].text[:1].isupper() and toks[stop - 1].text[:1].isupper() \
                and toks[stop - 1].low not in parts:
            stop = _clause_stop(toks, stop, end)
        if stop - 1 > v + 1 and toks[stop - 1].low in parts and _clause_content(toks, lo, hi, v, end) is None \
                and not (stop < len(toks) and toks[stop].text == ":") \
                and not any(toks[j].low in w.pointing_adverbs for j in range(v + 1, stop - 1)):
            # not "führt dazu treffend aus: …" or "wies darauf hin, wie …": the content follows
            return (v + 1, stop - 1)
    if v - lo >= 1 and toks[lo].low in w.source_clause_conjunctions:
        # "Wie der Economist anführt, könnte man … sprechen": the main clause is reported
        comma = next((k for k in range(v + 1, end) if toks[k].text == ","), None)
        if comma is not None and comma + 1 < end:
            return (comma + 1, end)
    cs = _clause_start(toks, lo, v)
    shut = v + 1  # the comma closing an inserted clause, past a passive's or perfect's auxiliary
    while shut < min(end, v + 3) and toks[shut].low in w.auxiliaries:
        shut += 1
    if cs > lo + 1 and toks[cs].low in w.source_clause_conjunctions and toks[cs - 1].text == "," and shut < end \
            and toks[shut].text == "," and toks[v].text[:1].islower():
        # "Er soll, wie Augenzeugen berichten, eine Kurve zu kurz genommen haben": the main clause
        # around the inserted "wie"-clause is reported (its longer part); also "wie versichert wird"
        before, after = (lo, cs - 1), (shut + 1, end)
        best = max(before, after, key=lambda r: r[1] - r[0])
        if best[1] - best[0] >= 2:
            return best
    got = _clause_content(toks, lo, hi, v, end)
    if got is None and lemma in w.object_content_verbs and toks[v].text[:1].islower() and v + 1 < end \
            and toks[v + 1].is_word and toks[v + 1].low not in w.pronouns \
            and toks[v + 1].low not in w.reflexive_pronouns and toks[v + 1].low not in w.pointing_adverbs \
            and toks[v + 1].low not in w.object_pronouns:
        # "Die Zeitung behauptet erste Zusammenstöße bei X": the object is the claim
        stop = _clause_stop(toks, v, end)
        obj = _np_after(toks, v + 1)
        if stop - v >= 3 and not (obj is not None and _head_speaks(toks, obj)):
            return (v + 1, stop)  # (not "bestätigte der Sprecher am Montag": the subject follows)
    return got




def _clause_stop(toks: _Run, v: int, end: int) -> int:
    """End of the clause of the verb at v: the next comma, colon, dash or sentence mark, or a
    coordinated verb ("… an und fordert …")."""
    for k in range(v + 1, end):
        t = toks[k]
        if t.text in (",", ".", "!", "?", ";", ":", "–", "—"):
            return k
        if t.low in toks.words.and_words and k + 1 < end and toks[k + 1].text[:1].islower() \
                and _is_speech(toks[k + 1], toks, k + 1):
            return k
    return end


def _zu_infinitive(t: TokenType, w: _Words) -> bool:
    """"zu" or an infinitive with "zu" inside it (anzugreifen, abzuschrecken)."""
    low = t.low
    return low in w.infinitive_markers or (low.endswith(w.zu_infinitive_endings)
                                           and any(m in low[2:-2] for m in w.infinitive_markers))


def _clause_content(toks: _Run, lo: int, hi: int, v: int, end: int) -> tuple[int, int] | None:
    """The clause a speech verb reports: after its comma (dass/ob or Konjunktiv), or the clause
    before it ("…, sagte X" / "…, wie Reuters berichtet")."""
    w = toks.words
    codes = toks.codes
    m = _COMMA_DASS_OB.search(codes, v + 1, end)
    comma = m.start() if m else None
    if comma is not None and toks[comma].text == "," and _apposition_after(toks, comma, end):
        # "erklärte Juri Uschakow, der Berater des Staatschefs, dass …"
        m = _DASS_OB.search(codes, comma + 1, end)
        comma = m.start() if m else comma
    if comma is not None:
        start = comma + 1 if toks[comma].text == "," else comma
        if start < end and toks[start].low in w.content_clause_conjunctions:
            return (start, _subclause_end(toks, start, end))
        if start + 2 < end and toks[start].low in w.wh_words and toks[start + 1].low not in w.wh_not_clause and (
                toks[v].lemma_low in w.speech_or_cognition or toks[v].lemma_low in w.thought_verbs):
            # an indirect question or exclamation: "Man kann nicht wissen, welche Neuerung …
            # kommt", "Er fragte, warum …"
            return (start, _subclause_end(toks, start, end))
        if start < end and _reports(toks, (start, end)):
            return (start, end)
        if start < end and toks[v].lemma_low in w.request_verbs and any(
                _zu_infinitive(t, w) for t in toks[start:end]):
            return (start, end)  # "forderte ihn auf, ihm zur Wache zu folgen"
        if start < end and toks[v].lemma_low in w.zu_content_verbs and toks[start].low not in w.purpose_zu:
            stop = codes.find(",", start, end)
            if any(_zu_infinitive(t, w) for t in toks[start : end if stop == -1 else stop]):
                # "Der Unternehmer behauptet, die Tarife … senken zu können"
                return (start, _subclause_end(toks, start, end))
    if toks[v].lemma_low in w.zu_content_verbs and toks[v].text[:1].islower() and v + 2 < end:
        # without a comma: "Man hofft schon im August die erste Probe vornehmen zu können"
        stop = codes.find(",", v + 1, end)
        stop = end if stop == -1 else stop
        if stop - v > 2 and toks[v + 1].low not in w.purpose_zu \
                and any(_zu_infinitive(t, w) for t in toks[v + 1 : stop]) and not any(
                    t.low in w.content_clause_conjunctions or t.low in w.purpose_zu for t in toks[v + 1 : stop]):
            last = max(k for k in range(v + 1, stop) if _zu_infinitive(toks[k], w))
            if toks[last].low in w.infinitive_markers and last + 1 < stop:
                last += 1  # "zu können": the infinitive after "zu"
            while last + 1 < stop and toks[last + 1].is_word and toks[last + 1].low in w.modal_infinitives:
                last += 1
            return (v + 1, last + 1)
    # "Die Versuche … seien gescheitert, sagte X." / "…, wie Reuters berichtet."
    k = codes.rfind(",", lo + 1, v)
    if k != -1:
        rng = (lo, k)
        if _reports(toks, rng) or codes.find("W", k, v) != -1:
            return rng
    return None


def _subclause_end(toks: _Run, start: int, end: int) -> int:
    """End of a dass-, ob- or zu-clause: its embedded clauses belong to it, but it ends where the
    main clause resumes ("…, dass es … enthielt, war die Krise eröffnet"), where a clause of the
    main clause's purpose or time follows ("…, damit …", "…, während …") or where a main clause
    is coordinated ("…, und kündigte Hilfe an"; not "…, und dass …")."""
    w = toks.words
    codes = toks.codes
    k = codes.find(",", start + 1, end)
    while k != -1 and k + 1 < end:
        nx = toks[k + 1]
        low = nx.low
        # the main clause resumes only after a clause closed by its verb: in "daß jetzt, nachdem
        # …, die Befürchtung … ist" the clause of "nachdem" is embedded in the dass-clause
        if nx.text[:1].islower() and (low in w.auxiliaries or low in w.matrix_clause_openers
                                      or _verb_form(nx, w, True)) and _verb_form(toks[k - 1], w):
            return k  # (also "…, dass er kommt, freute alle")
        if low in w.main_coordinators and k + 2 < end and toks[k + 2].low not in w.content_clause_conjunctions \
                and toks[k + 2].low not in w.relative_pronouns and not _zu_infinitive(toks[k + 2], w):
            # a coordinated main clause, unless the conjunct closes with a verb as the dass-clause
            # does ("daß … lebensfähig war, sondern auch … starb")
            nk = codes.find(",", k + 2, end)
            e = end if nk == -1 else nk
            while e > k + 2 and not toks[e - 1].is_word:
                e -= 1  # the sentence's mark, a closing quotation mark
            last = toks[e - 1]
            if not (_verb_form(toks[k - 1], w) and _verb_form(last, w) and not _verb_form(toks[k + 2], w, True)):
                return k
        k = codes.find(",", k + 1, end)
    return end


def _verb_form(t: TokenType, w: _Words, finite: bool = False) -> bool:
    """A lower-case word whose lemma is a verb's and that is no function word: the verb that
    closes a subordinate clause ("enthielt", "ist", "gewählt haben"); with `finite` only an
    inflected form ("kündigte", not "offen" or "gehen")."""
    low = t.low
    if not (t.is_word and t.text[:1].islower()) or low in w.determiners or low in w.pronouns_sie \
            or low in w.all_prepositions or low in w.np_stop:
        return False
    lem = t.lemma_low
    return lem.endswith(w.verb_lemma_endings) and (lem != low or (not finite and low.endswith(w.infinitive_endings)))


# clauses after a reported clause that belong to the main clause (purpose, time, consequence)


def _apposition_after(toks: _Run, comma: int, end: int) -> bool:
    w = toks.words
    nxt = toks[comma + 1] if comma + 1 < end else None
    if nxt is None or nxt.low not in w.apposition_after_articles:
        return False
    k = comma + 2
    while k < end and toks[k].text != ",":
        if _is_konj(toks[k], True, w) or not (toks[k].text[:1].isupper() or toks[k].low
                                                   in w.determiners or toks[k].norm.endswith(w.adj_endings)):
            return False
        k += 1
    return k < end


def _reports(toks: _Run, rng: tuple[int, int]) -> bool:
    seg = toks[rng[0] : rng[1]]
    if not seg:
        return False
    if seg[0].low in toks.words.content_clause_conjunctions:
        return True
    # any Konjunktiv form (find_quotes has flagged every type of the document)
    return _KONJ_REPORT_RE.search(toks.codes, rng[0], rng[1]) is not None


# --- 4. putting it together ----------------------------------------------------------------


def find_quotes(doc: Doc) -> tuple[Quote, ...]:
    """All quotation spans of a document, in text order (see the module docstring)."""
    w = _words(doc.language)
    pairs = [p for p in _dissolve_wrappers(doc.text, pair_quotes(doc.text, doc.language), w.full_sentence_re)
             if not _figures(doc.text, *p)]
    mask = _Mask(pairs)
    speakers = _Speakers()
    quotes: list[Quote] = []
    reported: list[Quote] = []
    unquoted: list[Quote] = []  # direct speech without quotation marks
    by_sentence: dict[int, list[tuple[int, int]]] = {}
    for o, c in pairs:
        by_sentence.setdefault(doc.sentence_at(o + 1), []).append((o, c))
    prev: Quote | None = None
    prev_end = -1
    backward: set[int] = set()  # reported sentences attributed by the next one ("Das berichtet X")
    last_reported: int | None = None
    last_speaker = ""
    last_framed = False
    # per sentence: the union of its tokens' flags, and the tokens that may be cues
    types = doc.types
    codes = list(map(w.codes.young.get, map(_TEXT, types)))
    fill_missing(codes, lambda i: _code_of(types[i], w))  # types seen for the first time
    code_str = "".join(cast(list[str], codes))
    runs = _Runs(doc, code_str, w)
    sent = doc.sent
    sent_flags: dict[int, int] = {}
    cues: dict[int, list[int]] = {}
    for m in _CUE_OR_KONJ_RE.finditer(code_str):
        i = m.start()
        si, f = sent[i], _flags(m.group())
        sent_flags[si] = sent_flags.get(si, 0) | f
        if f & _MAY_CUE:
            cues.setdefault(si, []).append(i)
    sentences = doc.sentences
    # a sentence lies inside a quotation when a pair opened before it closes at or after its
    # end: track the latest close of the pairs opened so far (pairs are sorted by their opening)
    opened, latest_close = 0, -1
    for si in sorted(sent_flags.keys() | by_sentence.keys()):
        s = sentences[si]
        any_flag = sent_flags.get(si, 0)
        # Konjunktiv II (wäre, käme) continues reported speech only right after it
        # (only after a report with a frame: a chain of bare Konjunktiv sentences is the outlet's
        # own conjecture, "Man würde … opfern. Die Staaten würden … geächtet")
        goes_on = bool(any_flag & _MAY_KONJ_REPORT) and last_reported == si - 1 and last_framed
        if si not in by_sentence and not any_flag & (_MAY_CUE | _MAY_KONJ1 | _MAY_KONJ) and not goes_on:
            continue  # no quotation mark, cue or Konjunktiv: nothing to find here
        toks = runs(s.index)
        while opened < len(pairs) and pairs[opened][0] < s.start:
            latest_close = max(latest_close, pairs[opened][1])
            opened += 1
        inside = latest_close >= s.end - 1
        first = s.first_token
        maybe = [k - first for k in cues.get(si, ())]
        frames = [] if inside else _segment_frames(doc, toks, speakers, mask, maybe)
        content_frame = next((f for f in frames if f.content is not None), None)
        rep: tuple[int, int, str, str] | None = None
        if content_frame is not None and content_frame.content is not None:
            rep = (content_frame.content[0], _konj_after_colon(toks, mask, content_frame.content[1]),
                   content_frame.speaker, content_frame.cue)
        elif toks and not inside and (any_flag & (_MAY_KONJ1 | _MAY_KONJ) or goes_on) and not (
                frames and frames[0].verb <= 3 and toks[0].low in w.demonstratives):
            words = sum(1 for t, p in zip(toks, toks.starts, strict=True) if p not in mask and t.is_word)
            konj_at = _konj_clause_start(toks, mask, goes_on) if words >= 3 else -1  # not a one-word line
            if konj_at >= 0:
                # Konjunktiv I in a main clause is itself the mark of reported speech; only the
                # clauses from the first one in Konjunktiv on are reported ("Schon 2021 hatte X
                # suggeriert, falls …, zeige das, dass …": "suggeriert" stays the outlet's)
                # a frame without content of its own ("Sie rufe … auf") names the speaker
                spk = (frames[0].speaker if frames else "") or _inverted_source(doc, toks, speakers, konj_at) or (
                    last_speaker if last_reported == s.index - 1 else "") or speakers.said.get(s.index - 1, "")
                rep = (konj_at, len(toks), spk, frames[0].cue if frames else "")
        for fr in frames:
            cut = toks.starts[fr.lo] if fr.lo < len(toks) else s.start
            if fr.colon >= 0 and unquoted and unquoted[-1].start < cut < unquoted[-1].end:
                # "Er hat gesagt: A. Und sie sagt: B.": the next reporting colon ends the speech before
                u = unquoted.pop()
                e = len(doc.text[u.start : cut].rstrip())
                if e > 0:
                    unquoted.append(u._replace(end=u.start + e, text=doc.text[u.start : u.start + e]))
            for a, b in _unquoted_speech(doc, runs, toks, fr, mask):
                unquoted.append(Quote("direct", a, b, doc.text[a:b], fr.speaker, fr.cue, doc.sentence_at(a)))
        for fr in frames:
            # further statements of the sentence, each with its own speaker
            if fr is content_frame or fr.content is None or content_frame is None or content_frame.content is None:
                continue
            a, b = _trim_content(toks, *fr.content)
            ca, cb = content_frame.content
            if b > a and (b <= ca or a >= cb):
                reported.append(_reported(doc, toks, (a, b), fr.speaker, fr.cue, s.index))
        rep_quote = None
        if rep is not None:
            a, b, spk, cue = rep
            a, b = _trim_content(toks, a, b)
            if b > a:
                rep_quote = _reported(doc, toks, (a, b), spk, cue, s.index)
                reported.append(rep_quote)
                last_reported, last_speaker = s.index, spk
                last_framed = bool(cue or spk)
                if spk and rep_quote.end > prev_end:
                    prev, prev_end = rep_quote, rep_quote.end  # "…, so der Minister. „…“"
        elif frames and frames[0].verb <= 3 and toks[0].low in w.demonstratives \
                and s.index > 0 and last_reported != s.index - 1:
            # "Das berichtet das WSJ": the previous sentence is reported
            ps = runs(s.index - 1)
            if ps and not any(o < ps.starts[0] and c >= ps.end(len(ps) - 1) - 1 for o, c in pairs):
                reported.append(_reported(doc, ps, (0, len(ps)), frames[0].speaker, frames[0].cue,
                                          s.index - 1))
                backward.add(reported[-1].start)
        for o, c in by_sentence.get(s.index, []):
            frame = _frame_for(frames, toks, o)
            q = _classify(doc, runs, speakers, o, c, frame, prev, prev_end)
            if (q.kind in ("direct", "scare") and _names_source(doc.text, toks, frames, o, c, q.text)) or (
                    q.kind == "direct" and _name_in_sentence(toks, o, c, q.text)):
                q = Quote("title", q.start, q.end, q.text, "", "", q.sentence)
            if q.kind == "scare" and rep_quote is not None \
                    and rep_quote.start <= q.start and q.end <= rep_quote.end:
                # words quoted inside reported speech are the speaker's (a partial quotation)
                q = Quote("direct", q.start, q.end, q.text, rep_quote.speaker, rep_quote.cue, q.sentence)
            quotes.append(q)
            if q.kind == "direct":
                prev, prev_end = q, c
    unquoted.extend(_dialogue_turns(doc, mask, quotes, unquoted))
    known = {(q.start, q.end) for q in reported}
    reported.extend(q for q in _reported_in_quotes(doc, runs, [*quotes, *unquoted], cues)
                    if (q.start, q.end) not in known)
    reported.extend(_reported_in_reported(doc, runs, reported, cues, known | {(q.start, q.end) for q in reported}))
    allq = _by_paragraph(doc.text, quotes) + unquoted + reported
    allq.sort(key=lambda q: (q.start, -q.end))
    return tuple(_inherit_voice(allq, backward))


def _names_source(text: str, toks: _Run, frames: list[_Frame], o: int, c: int, qtext: str) -> bool:
    """A short quoted name that is itself the source of the frame: "Dem „Courier“ zufolge",
    "laut „Times“", "schreiben die „Basler Nachrichten“", "Die „Times“ meldet"."""
    w = toks.words
    if not qtext[:1].isupper() or len(qtext.split()) > SCARE_MAX_WORDS or w.full_sentence_re.match(qtext):
        return False
    if w.source_around_re.match(text, c + 1) or text[max(0, o - w.source_before_window) : o].rstrip().lower().endswith(
            w.source_before):
        return True
    for fr in frames:
        if fr.srng is not None and fr.srng[1] > fr.srng[0] and fr.cue != ":":
            a, b = toks.starts[fr.srng[0]], toks.end(fr.srng[1] - 1)
            if a <= o and c <= b + 1:
                return True
    return False


def _name_in_sentence(toks: _Run, o: int, c: int, qtext: str) -> bool:
    """A short quotation that is a name, not someone's words, though a speech verb stands in its
    sentence: a paper, club or work after an article ("Der „Popolo Romano“ glaubt", "in der
    „Deutschen Politik“ sagt", "sagt die „Bohemia“,"), its words capitalised like a name or
    holding a word of a paper's name ("Zeitung für Landwirthschaft"). Not the words after a
    speech verb or noun ("sprach von einem „Heiligen Krieg“", "nannte es „Großes Theater“")."""
    w = toks.words
    words = qtext.rstrip(".,;:").split()
    if not words or len(words) > SCARE_MAX_WORDS or not qtext[:1].isupper() \
            or (w.full_sentence_re.match(qtext) and not _ABBREV_RE.search(qtext)):
        return False
    k = bisect_left(toks.starts, o)  # the opening mark
    if k <= 0 or k >= len(toks):
        return False
    caps = [x for x in words if x[:1].isupper()]
    titlecase = len(words) >= 2 and len(caps) >= 2 and words[-1][:1].isupper() \
        and all(x[:1].isupper() or x.lower() in w.name_joiners for x in words)
    if toks[k - 1].low not in w.name_articles:
        # a title in apposition or in a list: "Hotel „Stadt Wien“", "Dichtungen wie „Tod und Verklärung“"
        before = toks[k - 1]
        return titlecase and (before.low in w.example_words or (before.is_word and before.text[:1].isupper()
                                                      and k >= 2 and toks[k - 2].is_word))
    j = k - 2  # the word before the article: a speech verb or noun, or its preposition
    if j >= 0 and toks[j].low in w.prepositions:
        j -= 1
    speech_before = j >= 0 and toks[j].is_word and (
        _is_speech(toks[j], toks, j) or toks[j].low in w.speech_nouns or toks[j].low in w.colon_speech_nouns)
    e = bisect_right(toks.starts, c)  # the first token after the closing mark
    nxt = toks[e] if e < len(toks) else None
    if speech_before and toks[j].text[:1].islower() and (
            nxt is None or not nxt.is_word or nxt.low in w.prepositions or nxt.low in w.particles):
        return True  # "sagt die „Bohemia“,", "führt die „Neue Schweiz“ an": the source after its verb
    if speech_before:
        return False
    if any(x.lower().rstrip(".,").endswith(w.press_name_parts) for x in words):
        return True
    if titlecase:
        return True  # "Popolo Romano", "Journal de St. Petersburg", "Deutschen Politik"
    # a one-word name the dictionary does not know, subject of a speech verb ("Die „Bohemia“ meint")
    return len(words) == 1 and nxt is not None and nxt.is_word and nxt.text[:1].islower() \
        and _is_speech(nxt, toks, e, w.speech_or_cognition) and not _known_word(token_norm(words[0], w.language), w)




def _trim_content(toks: _Run, a: int, b: int) -> tuple[int, int]:
    """A reported range without leading punctuation (but with an opening mark) and trailing marks."""
    while a < b and not toks[a].is_word and toks[a].text not in "„\"»«“‚":
        a += 1
    while b > a and toks[b - 1].text in ".,;:!?":
        b -= 1
    return a, b


def _unquoted_speech(doc: Doc, runs: _Runs, toks: _Run, f: _Frame, mask: _Mask) -> list[tuple[int, int]]:
    """Direct speech without quotation marks where the frame is clear (an older convention):
    after a colon that ends a reporting clause ("Er sagte: Wir bleiben."), before an inverted
    speech verb ("Die Lage ist ernst, sagte der Minister." / "Die Börse, erklärte er, ist …"),
    and a sentence ending in ! or ? before a speech verb that opens the next one."""
    w = toks.words
    if f.content is not None:
        return []  # reported speech (dass, Konjunktiv): not verbatim
    t = toks[f.verb] if f.verb < len(toks) else None
    text = doc.text
    if f.speaker.lower() in w.outlet_pronouns or (t is not None and t.lemma_low in w.colon_not_speech):
        return []  # "Wir nennen: …": the outlet's own words; "erfuhr sie vom Tod …:" no speech
    if t is not None and 0 < f.verb < len(toks) - 1 and t.low.endswith(w.adj_endings) \
            and toks[f.verb + 1].text[:1].isupper() and not _is_name(toks[f.verb + 1], w) \
            and (toks[f.verb - 1].low in w.determiners or (f.verb > 1 and toks[f.verb - 2].low in w.determiners)):
        return []  # "Der lang erwartete Showdown:": an attributive participle, no speech verb
    if f.colon >= 0:
        if t is not None and t.lemma_low in w.reflexive_cues and t.lemma_low not in w.colon_reflexive_cues:
            return []  # "Washington zeigt sich „überrascht“: Russland baut …" is the outlet's
        if (t is not None and t.lemma_low in w.hearsay_verbs and f.verb > 0
                and toks[f.verb - 1].low in w.namely_subjects):
            return []  # "das heißt:" = namely
        if f.cue != ":" and t is not None and _is_marker(toks, f.verb) and not (
                t.low in w.colon_speech_nouns
                and (f.verb >= f.colon - 1 or toks[f.verb - 2].low in w.text_noun_prepositions)):
            return []  # "Laut Polizei: …", "Die Kritik wächst: …": no speaker's words follow
        # a written text ("Die „Times“ schreibt:", "wird gemeldet:", "folgende Zuschrift:", "mit
        # den Worten:") runs to the end of its paragraph; speech goes on while it speaks
        whole = t is not None and (t.lemma_low in w.written_text_verbs or t.lemma_low in w.colon_text_verbs
                                   or t.low in w.announcing_words or t.low in w.text_nouns
                                   or any(p in mask for p in toks.starts[f.lo : f.colon]))  # „Times“
        noun_only = f.srng is None and not f.speaker and t is not None and t.low in w.colon_speech_nouns
        span = _after_colon(doc, toks.end(f.colon), mask, person=f.cue == ":", whole=whole,
                            lower=t is not None and f.cue != ":" and _finite_speech_verb(toks, f.verb),
                            speaking=noun_only)
        return [span] if span else []
    if t is None or not t.text[:1].islower() or _is_marker(toks, f.verb) or t.low in w.so_words:
        return []
    v = f.verb
    if 0 < v < len(toks) and toks[v - 1].text in ("!", "?"):
        # "Nur Mut gefasst! flüsterte der Bootsmann" in one sentence: the speaker follows the verb
        rng = _np_after(toks, v + 1)
        if rng is None or (rng[1] < len(toks) and toks[rng[1]].text not in (".", ",", ";", "!", "?")):
            return []
        f.speaker, f.srng = _span_text(doc, toks, rng), rng
        a = v - 1
        while a > 0 and toks[a - 1].text not in (".", "!", "?", ":", ";"):
            a -= 1
        while a < v - 1 and not toks[a].is_word:
            a += 1
        if v - 1 - a >= 2 and toks[a].text[:1].isupper() and not any(p in mask for p in toks.starts[a:v]):
            return [(toks.starts[a], toks.end(v - 1))]
        return []
    if v == 0 and f.srng is not None and f.srng[0] > v:
        # "Nur Muth gefaßt! flüsterte der Bootsmann": the sentence before is the speech
        si = doc.sentence_at(toks.starts[0])
        if si == 0:
            return []
        prev = runs(si - 1)
        if not prev or prev[-1].text not in ("!", "?") or any(p in mask for p in prev.starts):
            return []
        a, b = prev.starts[0], prev.end(len(prev) - 1)
        return [(a, b)] if len(prev) >= 3 and text.count("\n", a, b) == 0 else []
    if v < 2 or toks[v - 1].text != "," or f.srng is None or f.srng[0] < v:
        return []
    e = f.srng[1]
    n = len(toks)
    while e < n and toks[e].low in w.skip_after_verb:
        e += 1
    if e < n and toks[e].low in w.prepositions and toks[e].low not in w.not_place_prepositions:
        # "…, sagte Quent im Deutschlandfunk.": a place or medium after the speaker
        while e < n and toks[e].text not in (",", ".", ";", "!", "?", ":", "–", "—") and (
                toks[e].text[:1].isupper() or toks[e].low in w.prepositions or toks[e].low in w.determiners
                or toks[e].low.endswith(w.adj_endings)):
            e += 1
    parts = w.separable.get(t.lemma_low)
    if e < n and parts and toks[e].low in parts:
        e += 1  # "…, setzte er mit einer Handbewegung hinzu, …": the particle after the speaker
    if e < n and toks[e].text not in (",", ".", ";", "!", "?", ":", "–", "—"):
        return []  # "…, verspricht der Bürgermeister eine Tafel": a fronted clause, not speech
    # the clause before the comma: a main clause of at least three tokens, not quoted, no
    # subordinate clause of the frame ("Wie er sagte, …") and not in a list of clauses
    a = f.lo
    while a < v - 1 and not toks[a].is_word:
        a += 1
    if e < n and toks[e].text == "," and e + 1 < n and toks[e + 1].low in w.relative_pronouns:
        # "…, sagte der Alte, den ich zuerst gefragt, weil sie reich sind": past a relative clause
        k = toks.codes.find(",", e + 1, n)
        e = k if k != -1 else e
    go_on = e + 1 < n and toks[e].text == "," and toks[e + 1].is_word and (
        (toks[e + 1].text[:1].islower() and toks[e + 1].low not in w.determiners
         and toks[e + 1].low not in w.relative_pronouns
         and (toks[e + 1].low not in w.subordinators or toks[e + 1].low in w.adverbial_subordinators))
        or toks[e + 1].text in w.formal_address or toks[e + 1].low in w.first_second_person)
    # a turn of dialogue set off by a dash ("-- Ja, sagte eine Frau, …") may be one word long
    turn = any(toks[j].text in ("–", "—", "-", "--") for j in range(max(0, a - 2), a))
    if v - 1 - a < (1 if go_on or turn else 3) or toks[a].low in w.subordinators \
            or toks[a].low in w.content_clause_conjunctions \
            or not toks[a].text[:1].isupper() or any(p in mask for p in toks.starts[a : v]) \
            or any(x.low in w.modal_konj2 for x in toks[a : v]):
        return []
    out = [(toks.starts[a], toks.end(v - 2))]
    # "Die Getreidebörse, erklärte er, ist auf Baisse gestimmt": the main clause goes on, and
    # with it the sentences of its paragraph that go on speaking ("…, erzählt er, schnitt ich
    # mich … Nachdem ich vergebens …")
    if go_on:
        b = n
        while b > e + 1 and toks[b - 1].text in ".,;:!?":
            b -= 1
        if b - (e + 1) >= 2 and not any(p in mask for p in toks.starts[e + 1 : b]):
            a2, b2 = toks.starts[e + 1], toks.end(b - 1)
            if any(x.low in w.first_second_person or x.text in w.formal_address for x in toks[e + 1 : b]):
                b2 = _speaking_on(doc, b2, mask)
            out.append((a2, b2))
    return out


def _speaking_on(doc: Doc, end: int, mask: _Mask) -> int:
    """The end of unquoted speech that goes on after `end` with the following sentences of its
    paragraph while they speak (first or second person, exclamation, question)."""
    text = doc.text
    w = _words(doc.language)
    si = doc.sentence_at(max(0, end - 1))
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    while si + 1 < len(doc.sentences):
        s = doc.sentences[si + 1]
        if s.start >= line_end or s.start in mask or not _speaks(text[s.start : min(s.end, line_end)], w):
            break
        end = min(s.end, line_end)
        si += 1
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end




def _finite_speech_verb(toks: _Run, v: int) -> bool:
    """A speech verb that is not a participle or a zu-infinitive ("sagt einmal:", not "gerufen:"
    or "zu melden:"): after it, spoken words may begin with a small letter."""
    t = toks[v]
    if not (t.is_word and t.text[:1].islower() and t.lemma_low in toks.words.speech_verbs):
        return False
    w = toks.words
    return not ((t.low.startswith(w.participle_prefixes) and t.low != t.lemma_low)
                or (v > 0 and toks[v - 1].low in w.infinitive_markers)
                or any(m in t.low[2:-2] for m in w.infinitive_markers))


def _after_colon(doc: Doc, pos: int, mask: _Mask, person: bool, whole: bool = False, lower: bool = False,
                 speaking: bool = False) -> tuple[int, int] | None:
    """The unquoted words after a reporting colon: they must start with a capital letter and
    hold three words or more; after a bare name label ("Scholz:") only words in the first or
    second person count. The speech is the first sentence and the sentences of its paragraph
    that go on speaking (first or second person, exclamation, question); it ends before a
    quotation mark, a dash that turns to narration or the next speaker ("… nicht. — Angekl.:")."""
    text = doc.text
    w = _words(doc.language)
    n = len(text)
    a = pos
    breaks = 0
    while a < n and text[a] in " \t\n\r":
        breaks += text[a] == "\n"
        a += 1
    if a >= n or breaks > 2 or not (text[a].isupper() or (lower and text[a].isalpha())) or a in mask:
        return None  # (after a speech verb also small: "sagt einmal: der Mensch ist …")
    b = text.find("\n", a)
    b = n if b == -1 else b
    while b > a and text[b - 1].isspace():
        b -= 1
    words = text[a:b].split(None, 25)  # (the first 25 words and the rest are all that is asked of them)
    if len(words) < 2 or text[b - 1] == ":" or (len(words) == 2 and not _SHORT_CRY_RE.match(text, a, b)):
        return None  # too short, or a label line ("Wladimir Putin, Präsident Russlands:")
    if speaking and not _speaks(text[a : min(b, doc.sentences[doc.sentence_at(a)].end)], w):
        return None
    if person and not any(x.strip(".,;:!?").lower() in w.first_second_person for x in words[:25]):
        return None
    if whole or breaks:
        # a written text, or words set off as a block below the colon ("sagte in einem Video:¶¶Es
        # kursieren Aufrufe …"): the whole paragraph
        return a, b
    m = _SPEECH_STOP_RE.search(text, a, b)
    if m is not None and m.start() > a:
        b = m.start()
        while b > a and text[b - 1].isspace():
            b -= 1
    # sentence by sentence: the first always, the next ones while they speak
    si = doc.sentence_at(a)
    end = min(b, doc.sentences[si].end)
    while end < b and si + 1 < len(doc.sentences):
        si += 1
        s = doc.sentences[si]
        if s.start >= b or not _speaks(text[s.start : min(b, s.end)], w):
            break
        end = min(b, s.end)
    while end > a and text[end - 1].isspace():
        end -= 1
    return (a, end) if len(text[a:end].split()) >= 2 else None


# where unquoted speech after a colon ends: a quotation mark, or a dash after a sentence end
# that turns to narration or to the next speaker ("… sprechen. — Angekl.: …", "… lavirt! -- Nun")
_SPEECH_STOP_RE: Final = re.compile(r"(?<=[.!?…])\s*(?:[“”«\")]|—|–|--)")
_SHORT_CRY_RE: Final = re.compile(r"\S+\s+\S+?[!?]")  # two words and ! or ?: "Wer da?", "der Teufel!"
# a word of the first or second person (the language's list), or a pronoun of address after a word
def _person_re(first_second_person: frozenset[str], address: Sequence[str]) -> re.Pattern[str]:
    """The regex of a word in the first or second person, or of a pronoun of address (as
    written) after a word (`_Words.person_re`, made per language)."""
    return re.compile(r"(?i:\b(?:" + "|".join(sorted(first_second_person)) + r")\b)"
                      + r"|\w[ \t,]+(?:" + _alternatives(address) + r")\b")


def _speaks(sentence: str, w: _Words) -> bool:
    """Does a sentence go on speaking: first or second person, or an exclamation or question?"""
    st = sentence.rstrip()
    return st.endswith(("!", "?")) or w.person_re.search(st) is not None


# a speaker label that opens a turn of dialogue, at the start of a line or after a sentence
# (with or without a dash): "Präs.: …", "— Angekl.: …", "Vertheidiger: …", "… Probleme? Fraser: …"
def _turn_re(upper: str, name_parts: Sequence[str]) -> re.Pattern[str]:
    """The regex of a speaker label that opens a turn (`_Words.turn_re`, made per language)."""
    parts = "".join("|" + re.escape(x) for x in sorted(name_parts, key=lambda x: (-len(x), x)))
    return re.compile(
        r"(?:^|(?<=\n)|(?<=[.!?…])[ \t]*(?:—|–|--)[ \t]*|(?<=[.!?…])[ \t]+)"
        rf"([{upper}][\w.=-]*(?:[ \t]+(?:[{upper}][\w.=-]*{parts})){{0,2}})"
        rf"(?:[ \t]*\([^()\n]{{1,40}}\))?[ \t]*:[ \t]+(?=[{upper}])", re.M)
# a dialogue shows at least this many labelled turns, by at least two speakers
DIALOGUE_MIN_TURNS: Final = 3


_PARAGRAPH_RE: Final = re.compile(r"\n[ \t]*\n\s*")


def _by_paragraph(text: str, quotes: list[Quote]) -> list[Quote]:
    """A direct quotation over several paragraphs as one span per paragraph (its segments), each
    with the quotation's speaker: "„A …¶¶B …“" is said in two parts, as the paragraphs show."""
    out: list[Quote] = []
    for q in quotes:
        if q.kind != "direct" or "\n" not in q.text or _PARAGRAPH_RE.search(q.text) is None:
            out.append(q)
            continue
        a = q.start
        for m in _PARAGRAPH_RE.finditer(text, q.start, q.end):
            b = m.start()
            while b > a and text[b - 1].isspace():
                b -= 1
            if b > a:
                out.append(q._replace(start=a, end=b, text=text[a:b]))
            a = m.end()
        if q.end > a:
            out.append(q._replace(start=a, end=q.end, text=text[a : q.end]))
    return out


# a quotation with fewer words than this holds no reported speech of its own
NESTED_MIN_WORDS: Final = 6


def _reported_in_quotes(doc: Doc, runs: _Runs, quotes: list[Quote], cues: dict[int, list[int]]) -> list[Quote]:
    """Reported speech inside a direct quotation, the speaker's own report: "„Ich habe ihm
    gesagt, dass er gehen soll“" holds "dass er gehen soll". Each sentence of a quotation with a
    cue is searched once for a frame whose content lies inside the quotation."""
    out: list[Quote] = []
    seen: set[int] = set()
    sentences = doc.sentences
    for q in quotes:
        if q.kind != "direct" or len(q.text.split()) < NESTED_MIN_WORDS:
            continue
        si = doc.sentence_at(q.start)
        while si < len(sentences) and sentences[si].start < q.end:
            if si in cues and si not in seen:
                seen.add(si)
                toks = runs(si)
                lo = bisect_left(toks.starts, q.start)
                hi = bisect_left(toks.starts, q.end)
                if hi - lo >= 4:
                    speakers = _Speakers()
                    speakers.last = q.speaker
                    maybe = [k - sentences[si].first_token for k in cues[si]]
                    f = _frame(doc, toks, speakers, lo, hi, verbs=toks.words.speech_or_cognition, maybe=maybe)
                    if f is not None and f.content is not None:
                        a, b = _trim_content(toks, max(lo, f.content[0]), min(hi, f.content[1]))
                        if b - a >= 2:
                            out.append(_reported(doc, toks, (a, b), f.speaker, f.cue, si))
            si += 1
    return out


# reported speech nests this deep at most ("X erklärte, man glaube, Y sei …": two levels)
NESTED_REPORT_LEVELS: Final = 2


def _reported_in_reported(doc: Doc, runs: _Runs, reported: list[Quote], cues: dict[int, list[int]],
                          known: set[tuple[int, int]]) -> list[Quote]:
    """Reported speech inside reported speech, each with its own span and speaker: "Broder
    erklärt, daß man im Volke das Gefühl habe, einer unreifen Sache gegenüberzustehen" holds
    the thought "einer unreifen Sache gegenüberzustehen" inside what Broder said. Searched
    with a frame whose cue lies inside the reported clause (after its first word) and whose
    content lies inside it and is shorter, a dass-, ob- or wh-clause."""
    out: list[Quote] = []
    sentences = doc.sentences
    todo = [(q, 1) for q in reported if q.sentence in cues]
    while todo:
        q, level = todo.pop()
        si = q.sentence
        toks = runs(si)
        lo = bisect_left(toks.starts, q.start)
        hi = bisect_left(toks.starts, q.end)
        first = sentences[si].first_token
        maybe = [k - first for k in cues[si] if lo < k - first < hi]
        if hi - lo < 4 or not maybe:
            continue
        speakers = _Speakers()
        speakers.last = q.speaker
        f = _frame(doc, toks, speakers, lo, hi, verbs=toks.words.speech_or_cognition, maybe=maybe)
        if f is None or f.content is None:
            continue
        a, b = _trim_content(toks, max(lo, f.content[0]), min(hi, f.content[1]))
        w = toks.words
        if b - a < 2 or a <= lo + 1 or not (toks[a - 1].text == "," and (toks[a].low in w.content_clause_conjunctions
                                                           or toks[a].low in w.wh_words)):
            continue  # only a dass-, ob- or wh-clause after its comma: the clearest nested report
        inner = _reported(doc, toks, (a, b), f.speaker, f.cue, si)
        if (inner.start, inner.end) in known or inner.end - inner.start >= q.end - q.start:
            continue
        known.add((inner.start, inner.end))
        out.append(inner)
        if level < NESTED_REPORT_LEVELS:
            todo.append((inner, level + 1))
    return out


def _dialogue_turns(doc: Doc, mask: _Mask, quotes: list[Quote], unquoted: list[Quote]) -> list[Quote]:
    """Unquoted turns of a dialogue written as a transcript (court reports, interviews): each
    runs from its speaker label to the end of its line or to a dash that turns to narration or
    to the next speaker. Only in a text laid out as a dialogue: DIALOGUE_MIN_TURNS labels or
    more, two speakers or more, and words in the first or second person in two turns or more
    (so "Foto: …" and "Quelle: …" lines of a news page are no dialogue)."""
    text = doc.text
    if text.count(":") < DIALOGUE_MIN_TURNS:
        return []
    w = _words(doc.language)
    turns: list[tuple[str, int, int]] = []
    found = [m for m in w.turn_re.finditer(text)
             if m.group(1).rstrip(".").lower() not in w.not_speaker_labels and m.start(1) not in mask]
    for n_, m in enumerate(found):
        label = m.group(1)
        a = m.end()
        b = text.find("\n", a)
        b = len(text) if b == -1 else b
        if n_ + 1 < len(found):
            b = min(b, found[n_ + 1].start(1))  # the next speaker's label ends the turn
        stop = _SPEECH_STOP_RE.search(text, a, b)
        if stop is not None:
            b = stop.start()
        while b > a and text[b - 1].isspace():
            b -= 1
        if len(text[a:b].split()) >= 2:
            turns.append((label, a, b))
    if len(turns) < DIALOGUE_MIN_TURNS or len({t[0] for t in turns}) < 2 \
            or sum(1 for _, a, b in turns if w.person_re.search(text, a, b)) < 2:
        return []
    taken = sorted((q.start, q.end) for q in [*quotes, *unquoted] if q.kind == "direct")
    out = []
    for label, a, b in turns:
        k = bisect_right(taken, (b, b))
        if any(min(b, e) > max(a, s_) for s_, e in taken[max(0, k - 3) : k]) or a in mask:
            continue  # already a quotation
        out.append(Quote("direct", a, b, text[a:b], label, ":", doc.sentence_at(a)))
    return out


def _inherit_voice(quotes: list[Quote], backward: set[int]) -> list[Quote]:
    """A scare quote inside a direct quotation or reported speech is the speaker's word: "„Das
    Aus für die selbsternannte ‚Fortschrittskoalition‘“, sagte X". One pass over quotes sorted by
    start: the enclosing span is the attributed one reaching furthest so far."""
    outer: Quote | None = None
    out = []
    for q in quotes:
        if q.kind == "scare" and outer is not None and q.end <= outer.end:
            q = Quote("direct", q.start, q.end, q.text, outer.speaker, outer.cue or "", q.sentence)
        elif q.kind in ("direct", "reported") and (outer is None or q.end > outer.end):
            # a sentence attributed only afterwards ("Das berichtet X") keeps its scare quotes: the
            # marks are the outlet's, set while it retells X's report
            outer = None if q.kind == "reported" and q.start in backward else q
        out.append(q)
    return out


_CLAUSE_BOUNDS: Final = frozenset(",:;–—")




def _inverted_source(doc: Doc, toks: _Run, speakers: _Speakers, a: int) -> str:
    """The subject after the verb that follows a fronted Konjunktiv clause: "Das Vertrauen sei
    verspielt, will sie herausgefunden haben" → the person "sie" refers to."""
    w = toks.words
    comma = toks.codes.find(",", a)
    if comma == -1 or comma + 2 >= len(toks):
        return ""
    v = toks[comma + 1]
    if not (v.low in w.auxiliaries or _inverted_verb(v, w)):
        return ""
    rng = _np_after(toks, comma + 2)
    if rng is None or rng[0] > comma + 3:
        return ""
    named = any(_is_name(t, w) for t in toks[rng[0] : rng[1]])
    return speakers.resolve(doc, toks, rng, named)


def _konj_clause_start(toks: _Run, mask: _Mask, report: bool = False) -> int:
    """Start of the first clause (outside quotations) holding a Konjunktiv I form, -1 if none.
    A form next to "ich" is the indicative ("ich habe", "ich erinnere mich")."""
    w = toks.words
    start = 0
    n = len(toks)
    for k, t in enumerate(toks):
        if toks.starts[k] in mask:
            continue
        if t.text in _CLAUSE_BOUNDS:
            start = k + 1
        elif t.is_word and (t.low in w.konj1 or _is_konj(t, report, w)) and not (
                (k > 0 and toks[k - 1].low in w.first_person_singular)
                or (k + 1 < n and toks[k + 1].low in w.first_person_singular)):
            if _konj_not_report(toks, start, k):
                continue
            return start
    return -1


def _konj_after_colon(toks: _Run, mask: _Mask, b: int) -> int:
    """The end of a reported content that ends at a colon, carried over the segments after it
    that go on in Konjunktiv I ("er messe mit gleichem Maß: Gewalt und Nötigung seien …")."""
    w = toks.words
    codes, n = toks.codes, len(toks)
    while b < n and codes[b] == ":" and toks.starts[b] not in mask:
        nxt = codes.find(":", b + 1)
        end = n if nxt == -1 else nxt
        if not any(toks.starts[k] not in mask and toks[k].low in w.konj1
                   and toks[k - 1].low not in w.first_person_singular
                   and not (k + 1 < n and toks[k + 1].low in w.first_person_singular)
                   for k in range(b + 1, end)):
            break
        b = end
    return b


def _konj_not_report(toks: _Run, start: int, k: int) -> bool:
    """A Konjunktiv that marks no report: in a clause of purpose, comparison or place ("damit
    er länger halte", "als ob sie herkämen", "wohin er wolle") or a precept with "man" after a
    full verb ("so hebe man die Monarchie auf", "Da breche man ihn ab")."""
    w = toks.words
    a = start
    while a < k and (not toks[a].is_word or toks[a].low in w.konj_clause_conjunctions):
        a += 1
    if toks[a].low in w.konj_not_report_openers:
        return True
    return k + 1 < len(toks) and toks[k + 1].low in w.anonymous and toks[k].low not in w.konj1 \
        and toks[k].lemma_low not in w.auxiliary_lemmas




def _segment_frames(doc: Doc, toks: _Run, speakers: _Speakers, pairs: _Mask,
                    maybe: list[int] | None = None) -> list[_Frame]:
    """Attribution frames of a sentence, one per colon-separated segment, outside quotes."""
    w = toks.words
    frames: list[_Frame] = []
    lo = 0
    codes = toks.codes
    bounds = [k for k in range(len(codes)) if codes[k] == ":" and toks.starts[k] not in pairs] \
        if ":" in codes else []
    ends = [*bounds, len(toks)]
    for n, hi in enumerate(ends):
        if hi > lo:
            split = False  # the segment's statement before the speaker's name has a frame of its own
            f = _frame(doc, toks, speakers, lo, hi, verbs=w.speech_or_cognition, pairs=pairs, maybe=maybe)
            if f is None and lo == 0 and n + 1 < len(ends) and _speaker_label(toks, lo, hi):
                # "Scholz: „Beschämend“" / "Selenskyj: Nawalny wurde „getötet“": a name before a
                # colon at the start of a line introduces that person's words
                name = _span_text(doc, toks, (lo, hi))
                f = _Frame(hi, name, ":", None, True, (lo, hi), lo)
            if f is None and n + 1 < len(ends) and maybe:
                f = _announcing_frame(doc, toks, speakers, lo, hi)
            if f is None and n + 1 < len(ends) and hi - 1 >= lo and toks[hi - 1].low in w.colon_speech_nouns \
                    and toks[hi - 1].text[:1].isupper() \
                    and not (hi - 2 >= lo and toks[hi - 2].low in w.indefinite_articles):
                # "Auf die Frage: Wer da?", "in dem Treuschwur: Siegen oder Sterben!": a speech noun
                # right before the colon (its words must speak, see _unquoted_speech); not after an
                # indefinite article ("braucht es eine Antwort: Wie geht es weiter?": the outlet asks)
                f = _Frame(hi - 1, "", toks[hi - 1].text, None, False, None, lo)
            if f is not None:
                if f.content is None and n + 1 < len(ends) and _reports(toks, (hi + 1, ends[n + 1])) \
                        and not any(x.low in w.first_second_person for x in toks[hi + 1 : hi + 4]) \
                        and not _announces_text(toks, lo, hi):
                    # (not "sagte: Ich habe …": a Konjunktiv I form beside "ich" is the indicative)
                    f.content = (hi + 1, ends[n + 1])  # "… hieß es: Kim plane einen Besuch"
                if n + 1 < len(ends):
                    f.colon = hi
                frames.append(f)
                if f.content is not None and f.srng is not None and f.srng[0] - lo >= 4 \
                        and f.content[0] >= f.srng[0]:
                    # "A sei B, erklärte X. Y sagte, C sei D" in one segment (an unsplit sentence):
                    # the statement before Y's name has its own frame; Y stays the last speaker
                    saved = speakers.last
                    f2 = _frame(doc, toks, speakers, lo, f.srng[0], verbs=w.speech_or_cognition, pairs=pairs,
                                maybe=maybe)
                    speakers.last = saved
                    if f2 is not None and f2.content is not None and f2.content[1] <= f.srng[0] \
                            and f2.verb < f.srng[0]:
                        frames.insert(len(frames) - 1, f2)
                        split = True
                if f.content is not None and f.content[0] > f.verb and not split:
                    # "X gab zu verstehen, dass A, und äußerte die Sorge, dass B": a statement
                    # before the clause of the chosen verb has its own frame
                    cut = codes.rfind(",", lo, f.verb)
                    if cut > lo + 2:
                        saved = speakers.last
                        f3 = _frame(doc, toks, speakers, lo, cut, verbs=w.speech_or_cognition, pairs=pairs,
                                    maybe=maybe)
                        speakers.last = saved
                        if f3 is not None and f3.content is not None and f3.content[0] > f3.verb \
                                and f3.content[1] <= cut:
                            frames.insert(len(frames) - 1, f3)
        lo = hi + 1
    return frames


def _announces_text(toks: _Run, lo: int, hi: int) -> bool:
    """Does the clause before a colon announce a text that follows verbatim ("folgende
    Geschichte:", "mit den Worten:", "Der Aufruf lautet:"), so a Konjunktiv after it is the
    text's own and no sign of reported speech?"""
    w = toks.words
    return any(t.low in w.announcing_words or t.low in w.text_nouns
               or (t.text[:1].islower() and t.lemma_low in w.colon_text_verbs) for t in toks[lo:hi])


def _announcing_frame(doc: Doc, toks: _Run, speakers: _Speakers, lo: int, hi: int) -> _Frame | None:
    """"Das Amtsblatt veröffentlicht folgenden Bericht:" / "Der Aufruf lautet:": a verb of
    publishing or an announcing word right before a colon frames the text after it."""
    w = toks.words
    for k in range(hi - 1, max(lo, hi - 6) - 1, -1):
        t = toks[k]
        if t.low in w.announcing_words or (t.text[:1].islower() and t.lemma_low in w.colon_text_verbs):
            verb = next((j for j in range(lo, hi) if toks[j].text[:1].islower()
                         and (toks[j].lemma_low in w.colon_text_verbs or _is_speech(toks[j], toks, j))), None)
            if verb is None:
                return None  # "Die Lage ist folgende:" announces the outlet's own words
            rng = _subject(toks, lo, verb)
            named = rng is not None and any(_is_name(x, w) for x in toks[rng[0] : rng[1]])
            return _Frame(k, speakers.resolve(doc, toks, rng, named), t.text, None, named, rng, lo)
    return None


def _speaker_label(toks: _Run, lo: int, hi: int) -> bool:
    """One to three capitalised words holding a proper name: a speaker label before a colon."""
    seg = toks[lo:hi]
    if not (0 < len(seg) <= 3 and all(t.is_word and t.text[:1].isupper() for t in seg)):
        return False
    w = toks.words
    if any(_is_name(t, w) for t in seg):
        return True
    from framing.actors import actor_named  # a known actor the dictionary also knows ("Scholz")

    return actor_named(" ".join(t.text for t in seg), language=w.language) is not None


def _label_with_role(toks: _Run, lo: int, hi: int) -> bool:
    """A speaker label with a role or outlet after a comma: "Christina Hebel, DER SPIEGEL",
    "Wladimir Putin, Präsident Russlands" (a name of two or three words, then up to five)."""
    w = toks.words
    comma = next((k for k in range(lo, hi) if toks[k].text == ","), None)
    if comma is None or not 2 <= comma - lo <= 3 or not 0 < hi - comma - 1 <= 5:
        return False
    name = toks[lo:comma]
    if not all(t.is_word and t.text[:1].isupper() for t in name) or any(_role_noun(t, w) for t in name):
        return False
    return all(t.is_word and (t.text[:1].isupper() or t.low in w.determiners or t.low in w.prepositions)
               for t in toks[comma + 1 : hi])


def _frame_for(frames: list[_Frame], toks: _Run, o: int) -> _Frame | None:
    """The frame of the segment holding a quote, else the nearest one before it."""
    best = None
    for f in frames:
        if toks.starts[f.verb] < o or best is None:
            best = f
    return best


def _reported(doc: Doc, toks: _Run, rng: tuple[int, int], speaker: str, cue: str,
              sentence: int) -> Quote:
    start, end = toks.starts[rng[0]], toks.end(rng[1] - 1)
    return Quote("reported", start, end, doc.text[start:end], speaker, cue, sentence)


class _Mask:
    """The union of quotation intervals, for fast 'is this offset inside a quotation?'."""

    def __init__(self, pairs: list[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for o, c in sorted(pairs):
            if merged and o <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], c)
            else:
                merged.append([o, c])
        self.starts = [o for o, _ in merged]
        self.ends = [c for _, c in merged]

    def __contains__(self, pos: int) -> bool:
        k = bisect_right(self.starts, pos - 1) - 1
        return k >= 0 and pos < self.ends[k]


def _dissolve_wrappers(text: str, pairs: list[tuple[int, int]],
                       sentence_re: re.Pattern[str]) -> list[tuple[int, int]]:
    """Drop quotes that wrap another outlet's whole report (see WRAPPER_MIN_SHARE); `sentence_re`
    matches a full sentence (`_Words.full_sentence_re`)."""
    out = []
    n = max(1, len(text))
    starts = [o for o, _ in pairs]  # pairs are sorted by their opening
    statements: list[int] = []  # statements[k]: how many of the first k pairs are full sentences
    for o, c in pairs:
        if c - o < WRAPPER_MIN_CHARS:  # too short to wrap a report: the common case, decided at once
            out.append((o, c))
            continue
        paragraphs = text.count("\n\n", o, c) + 1
        if not ((c - o) / n >= WRAPPER_MIN_SHARE or paragraphs >= WRAPPER_MIN_PARAGRAPHS):
            out.append((o, c))
            continue
        if not statements:
            statements.append(0)
            for a, b in pairs:
                statements.append(statements[-1] + _full_sentence(text, a + 1, b, sentence_re))
        # quoted statements inside it: pairs opened inside it that are full sentences
        if statements[bisect_left(starts, c)] - statements[bisect_right(starts, o)] >= WRAPPER_MIN_INNER:
            continue
        out.append((o, c))
    return out


def _full_sentence(text: str, a: int, b: int, sentence_re: re.Pattern[str]) -> bool:
    """Is text[a:b] (stripped) a full sentence? Only its first and last characters are read, so
    long quotations cost nothing (`sentence_re` needs a first and a last character)."""
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return b - a >= 2 and sentence_re.match(text[a] + text[b - 1]) is not None


# A "quotation" whose letters and digits are more than this share digits is a table with ditto
# marks („ under a cell: the same as above), not anybody's words.
FIGURES_MIN_SHARE: Final = 0.25
_DIGIT_RE: Final = re.compile(r"\d")
_ALNUM_RE: Final = re.compile(r"\w")


_ABBREV_RE: Final = re.compile(r"\w\.$")


def _is_title(text: str, o: int, c: int, qtext: str, w: _Words, weak: bool = False) -> bool:
    """A short quotation that names a work, paper, ship or club rather than quoting words: after
    a media noun ("das Magazin „RT DE“") or any common noun it stands beside ("des Dampfers
    „Präsident Herwig“", "(Tel. d. „M. T.“)"), made of abbreviations ("Mähr. Tagbl."), or given
    as a name ("ward „Zur weißen Lilie“ genannt")."""
    before_word = _LAST_WORD_RE.search(text[max(0, o - 40) : max(0, o)])
    word = before_word.group(1) if before_word else ""
    if word.lower() in w.media_nouns:
        return True  # das Magazin "RT DE"
    words = qtext.split()
    if not qtext[:1].isupper() or (w.full_sentence_re.match(qtext) and not _ABBREV_RE.search(qtext)):
        return False
    if sum(1 for x in words if _ABBREV_RE.search(x)) * 2 >= len(words) > 0:
        return True  # "Mähr. Tagbl."
    if w.naming_after_re.match(text, c + 1):
        return True
    # a name in apposition: a common noun right before the mark, not at a sentence start (only
    # without a reporting frame: "nannte die Pläne „Verrat“" is the speaker's word)
    if weak and word[:1].isupper() and before_word is not None and before_word.end() + max(0, o - 40) >= o - 1:
        k = max(0, o - 40) + before_word.start()
        prev = text[:k].rstrip()[-1:]
        return prev.isalpha() and _known_word(token_norm(word, w.language), w)
    return False


# a title of a work or a name of a house, society or firm has at most this many words
WORK_TITLE_MAX_WORDS: Final = 14


def _work_title(text: str, o: int, c: int, qtext: str, w: _Words, words: int, listed: bool = True) -> bool:
    """A longer quotation with no speaker that names a work, house or society: after a noun of
    works ("die Oper „Die lustigen Weiber von Windsor“", "des Vereines „…“", "betitelt „…“") or
    as an item of a list of such titles ("sind: „…“, „…“ und „…“")."""
    if not qtext[:1].isupper() or words > WORK_TITLE_MAX_WORDS or "\n" in qtext:
        return False
    before = _LAST_WORD_RE.search(text[max(0, o - 40) : max(0, o)])
    word = before.group(1).lower() if before else ""
    if _modern(word, w) in w.work_nouns or word.rstrip(w.genitive_letters) in w.work_nouns:
        return True
    # an item of a list of quoted titles: another quotation right before or after, joined by a
    # comma, "und" or a colon, and not a full sentence
    if not listed or w.full_sentence_re.match(qtext):
        return False
    pre = text[max(0, o - 12) : o]
    post = text[c + 1 : c + 12]
    return bool(w.title_list_before_re.search(pre)) and (pre.rstrip(w.title_list_strip_before)[-1:] in _QUOTE_CHARS
                                                         or post.lstrip(w.title_list_strip_after)[:1] in "„»\"")


def _figures(text: str, o: int, c: int) -> bool:
    """A table, not words: digits make up much of it, or it holds ditto marks („ „ „)."""
    if len(_DITTO_RE.findall(text, o + 1, c)) >= 2:
        return True
    digits = len(_DIGIT_RE.findall(text, o, c))
    return digits > 0 and digits > FIGURES_MIN_SHARE * len(_ALNUM_RE.findall(text, o, c))


_DITTO_RE: Final = re.compile(r"(?<=\s)[„“\"](?=\s)")


# "„…“ – Name" at the end of a line or before "zu/über/:" (a headline naming the speaker)


def _actor_label(name: str, w: _Words) -> bool:
    from framing.actors import actor_named  # a known actor the dictionary also knows ("Scholz")

    return actor_named(name, language=w.language) is not None




def _classify(doc: Doc, runs: _Runs, speakers: _Speakers, o: int, c: int, frame: _Frame | None,
              prev: Quote | None, prev_end: int) -> Quote:
    w = runs.words
    text = doc.text
    inner = text[o + 1 : c]
    lstrip = len(inner) - len(inner.lstrip())
    start, end = o + 1 + lstrip, o + 1 + len(inner.rstrip())
    if end <= start:
        start, end = o + 1, max(o + 1, c)
    qtext = text[start:end]
    si = doc.sentence_at(start)
    words = len(qtext.split())
    if words <= SCARE_MAX_WORDS and _is_title(text, o, c, qtext, w):
        return Quote("title", start, end, qtext, "", "", si)
    speaker, cue = "", ""
    # (a) after the quote: „…“, sagte X / „…“, so X
    after = _tokens_after(doc, runs, c)
    if after is not None and words <= 3 and _name_subject(doc, after[0], after[1], o, c, qtext):
        # "„Bild“ behauptet erste Zusammenstöße": a quoted name is the subject of the speech verb
        return Quote("title", start, end, qtext, "", "", si)
    if after is not None:
        atoks, k = after
        if k < len(atoks) and _is_speech(atoks[k], atoks, k):
            f = _frame(doc, atoks, speakers, k, min(len(atoks), k + 12), prefer_after=k)
            if f is not None and not f.speaker and k > 1 and atoks[k - 1].text != ",":
                # the participle that closes a clause whose subject opens it: "Putin hat Prigoschin
                # … „Landesverrat“ vorgeworfen"
                f = _frame(doc, atoks, speakers, 0, min(len(atoks), k + 12), prefer_after=k) or f
            if f is not None:
                speaker, cue = f.speaker, f.cue
        elif k + 2 < len(atoks) and atoks[k].text[:1].islower() and _lemma(atoks[k], w) in w.inscription_verbs \
                and atoks[k + 1].low in w.inscription_prepositions \
                and (rng := _np_after(atoks, k + 2)) is not None and _carrier(atoks, rng):
            # "»Ampel stoppen« steht auf einem Plakat der Bewegung X": written on a carrier
            named = any(_is_name(x, w) for x in atoks[rng[0] : rng[1]])
            speaker, cue = speakers.resolve(doc, atoks, rng, named), atoks[k].text
        elif k < len(atoks) and (words >= 2 or w.full_sentence_re.match(qtext)) and _inquit(atoks, k):
            # "„Ja, ihr Gesicht ist joli“, nickte Briesack.": any finite verb with its subject
            # right after the quotation (and a comma) says who spoke
            rng = _np_after(atoks, k + 1)
            if rng is not None:
                named = any(_is_name(x, w) for x in atoks[rng[0] : rng[1]])
                speaker, cue = speakers.resolve(doc, atoks, rng, named), atoks[k].text
        elif words >= 3 and 0 < k < len(atoks) and atoks[k - 1].text == "," and _inverted_verb(atoks[k], w):
            # any verb right after a quotation and its comma has the quotation as its fronted
            # object and the speaker as its subject: "„…“, wusste X", "„…“, erinnert sich X"
            rng = _np_after(atoks, k + 1)
            if rng is not None and rng[0] <= k + 4:
                named = any(_is_name(x, w) for x in atoks[rng[0] : rng[1]])
                speaker, cue = speakers.resolve(doc, atoks, rng, named), atoks[k].text
    # (a') a headline "„Selbstentlarvend“ – Sacharowa zu den Reaktionen": a dash and a name
    if not cue:
        m = w.dash_speaker_re.match(text, c + 1)
        if m and (not _known_word(token_norm(m.group(1).split()[-1], w.language), w) or _actor_label(m.group(1), w)):
            speaker, cue = m.group(1), "–"
    # (b) before the quote: X erklärte: „…“
    if not cue:
        before = _colon_clause_before(doc, runs, o)
        if before is not None:
            btoks, lo, hi = before
            f = _frame(doc, btoks, speakers, lo, hi)
            if f is not None and not f.speaker and lo > 0 and btoks[lo - 1].text in _QUOTE_CHARS:
                # "Putin hat „X“ vorgeworfen und „Y“ angekündigt: „…“": the clause began before
                f = _frame(doc, btoks, speakers, 0, hi, prefer_after=f.verb) or f
            if f is not None:
                speaker, cue = f.speaker, f.cue
            elif lo == 0 and (_speaker_label(btoks, lo, hi) or _label_with_role(btoks, lo, hi)):
                # "Scholz: „…“" / "Christina Hebel, DER SPIEGEL:\n»…«": a label line
                speaker, cue = _span_text(doc, btoks, (lo, hi)), ":"
            else:
                # "Selbst Präsident Wladimir Putin dampfte seine Rhetorik ein: „…“", "Verbindungen
                # will die GBA nicht gefunden haben: „…“": the subject of the clause before the
                # colon is the speaker when it names a person or an institution
                subj = _main_subject(btoks, lo, hi)
                if subj is not None and _head_speaks(btoks, subj):
                    named = any(_is_name(t, w) for t in btoks[subj[0] : subj[1]])
                    speaker, cue = speakers.resolve(doc, btoks, subj, named), ":"
    # (c) a speech verb or marker in the same sentence, outside any quote; a short quotation (a
    # word or phrase, not a sentence) only in the clause of the verb or in what it reports
    # ("nannte die Pläne „gefährlich“"), not anywhere else in a long sentence
    if not cue and frame is not None and (words > SCARE_MAX_WORDS or w.full_sentence_re.match(qtext)
                                          or _near_frame(runs(si), frame, o, c)):
        speaker, cue = frame.speaker, frame.cue
    # (d) a quote that continues the previous attributed quote in the same paragraph, or opens
    # the next paragraph (a quotation over several paragraphs)
    full = words > SCARE_MAX_WORDS or w.full_sentence_re.match(qtext) is not None
    opens_line = not text[text.rfind("\n", 0, o) + 1 : o].strip()
    if not cue and prev is not None and prev.speaker and full:
        gap = text[prev_end + 1 : o].strip()
        breaks = gap.count("\n\n")
        if (breaks == 0 or (breaks == 1 and opens_line and not gap.replace("\n", "").strip(" .,"))) \
                and doc.sentence_at(o + 1) <= doc.sentence_at(prev_end) + 1 + breaks:
            speaker, cue = prev.speaker, prev.cue
    # (e) a quotation that opens its sentence after a sentence with a named speaker ("X hob die
    # Mängel hervor. „…“"), or in the first person after a sentence about a named person ("X
    # reagierte entsetzt. „Wir …“")
    if not cue and (full or w.first_person_re.match(qtext)) and _opens_sentence(doc, o):
        ps = doc.sentence_at(o + 1) - 1
        gap = text[doc.sentences[ps].end : o] if ps >= 0 else ""
        # a block quotation: a paragraph that is the quotation alone, after a paragraph ending
        # with a speaker's sentence ("Die Zeitung meint, … .\n\n„…“")
        block = gap.count("\n\n") == 1 and not gap.strip() and not text[c + 1 : _para_end(text, c)].strip(" .")
        if ps >= 0 and ("\n\n" not in gap or block):
            spk = speakers.said.get(ps, "")
            if not spk and w.first_person_re.match(qtext):
                spk = _named_subject(doc, ps)
            if spk:
                speaker, cue = spk, CONTEXT_CUE
    if not cue:
        short = words <= SCARE_MAX_WORDS and not w.full_sentence_re.match(qtext)
        if short and _is_title(text, o, c, qtext, w, weak=True):
            return Quote("title", start, end, qtext, "", "", si)
        if _work_title(text, o, c, qtext, w, words):
            return Quote("title", start, end, qtext, "", "", si)
        return Quote("scare" if short else "direct", start, end, qtext, "", "", si)
    if frame is not None and cue == frame.cue and _work_title(text, o, c, qtext, w, words, listed=False):
        # a title after a noun of works in someone's report: "…, wie der Leiter sagte, die Oper „…“"
        return Quote("title", start, end, qtext, "", "", si)
    return Quote("direct", start, end, qtext, speaker, cue, si)


_NAME_WORDS_RE: Final = re.compile(r"[^\W\d_][\w.&-]*(?: [^\W\d_][\w.&-]*){0,2}")


def _name_subject(doc: Doc, toks: _Run, k: int, o: int, c: int, qtext: str) -> bool:
    """Is a short quotation of capitalised words that opens its clause the subject of the speech
    verb right after it ("„Bild“ behauptet …", "„Kommersant“ berichtet, dass …")? Only when what
    follows the verb cannot be its subject (no article, name or pronoun, but a comma, a colon or
    a lower-case word): "„Nein“ sagte er", "„Verrat“ rief die Menge" keep the quotation."""
    if not (0 < k + 1 < len(toks)) or toks.starts[k - 1] != c or not _is_speech(toks[k], toks, k) \
            or _NAME_WORDS_RE.fullmatch(qtext) is None or any(x[:1].islower() for x in qtext.split()):
        return False
    before = doc.text[max(0, o - 3) : o].strip()
    if before and before[-1] not in ".!?:;\n":
        return False  # the quotation opens its sentence or clause
    return _no_subject_after(toks, k)


def _no_subject_after(toks: _Run, k: int) -> bool:
    """Does the verb at k leave its subject before it: a comma, a colon or a lower-case word that
    opens no subject in the next two words ("behauptet erste Zusammenstöße"; not "rief laut ein
    Mann", "sagte er")?"""
    w = toks.words
    if k + 1 >= len(toks):
        return False
    if toks[k + 1].text in (",", ":"):
        return True
    return toks[k + 1].is_word and toks[k + 1].text[:1].islower() and not _clause_adverb(toks[k + 1], w) and not any(
        x.low in w.determiners or x.low in w.pronouns or x.low in w.anonymous or x.low in w.first_person_speakers
        or x.low in w.object_pronouns or x.low in w.reflexive_pronouns or _is_name(x, w) for x in toks[k + 1 : k + 3])


def _carrier(toks: _Run, rng: tuple[int, int]) -> bool:
    """Is the head of the phrase (its first noun) a carrier of writing: a poster, a sign, a letter?"""
    w = toks.words
    head = next((t for t in toks[rng[0] : rng[1]] if t.is_word and t.text[:1].isupper()
                 and t.low not in w.determiners), None)
    return head is not None and head.low.endswith(w.carrier_noun_endings)


def _near_frame(toks: _Run, f: _Frame, o: int, c: int) -> bool:
    """Does a quotation (marks at o and c) lie in the clause of the frame's cue or in its
    reported content? The clause runs from the last comma, colon or dash before the cue to the
    next one after it; marks inside the quotation do not count."""
    if f.verb >= len(toks) or not toks or toks.starts[0] > o:
        return True  # (the frame lies in another sentence: no clause to compare)
    if f.content is not None:
        a, b = f.content
        if toks.starts[a] <= o + 1 and c <= toks.end(b - 1) + 1:
            return True
    codes = toks.codes
    if 0 < f.lo < len(toks) and codes[f.lo - 1] == ":" and c < toks.starts[f.lo - 1] \
            and codes.find(":", bisect_right(toks.starts, c), f.lo - 1) == -1:
        return True  # "„Verrat“, „Verbrechen“: Putin verurteilt …": the words before the colon
    if f.clause is None:  # once per frame: linear in the sentence however many quotes it holds
        lo = f.verb
        while lo > f.lo and not _near_bound(codes, lo - 1):
            lo -= 1
        hi = f.verb + 1
        while hi < len(toks) and not _near_bound(codes, hi):
            hi += 1
        f.clause = (lo, hi)
    lo, hi = f.clause
    start, end = toks.starts[lo] if lo < len(toks) else o, toks.end(hi - 1)
    if hi + 1 < len(toks) and codes[hi] in ",:" and toks.starts[hi + 1] == o:
        return True  # "…, wie Graf Andrassy sagte, „die störenden Momente“": right after the clause
    if lo >= 2 and codes[lo - 1] == "," and toks.starts[lo - 2] == c:
        return True  # "„Es ist getan“, soll sie geschrieben haben": the clause's fronted object
    return start <= o and c <= end + 1


_NEAR_BOUNDS: Final = frozenset(",;:–—.!?")


def _near_bound(codes: str, k: int) -> bool:
    """A clause boundary, not a comma or period inside quotation marks ("die „Bohemia,“")."""
    return codes[k] in _NEAR_BOUNDS and not (k + 1 < len(codes) and codes[k + 1] in _QUOTE_CHARS)


def _inquit(toks: _Run, k: int) -> bool:
    """Is toks[k] the finite verb of an inquit after a quotation and its comma: a small word that
    is no participle, article, pronoun or particle, followed by a name or pronoun as subject and
    then the end of the clause ("…“, nickte Briesack." / "…“, lachte sie.")?"""
    if toks[k - 1].text != "," or k + 1 >= len(toks):
        return False
    w = toks.words
    t = toks[k]
    low = t.low
    if not (t.is_word and t.text[:1].islower()) or low in w.not_a_verb_start or low in w.np_stop \
            or low in w.auxiliaries or (low.startswith(w.participle_prefixes) and low.endswith(w.participle_endings)) \
            or not low.endswith(w.finite_verb_endings):
        return False
    rng = _np_after(toks, k + 1)
    if rng is None or not (_is_name(toks[rng[1] - 1], w) or toks[rng[0]].low in w.pronouns_sie):
        return False
    e = rng[1]
    return e >= len(toks) or not toks[e].is_word or toks[e].low in w.inquit_closers


def _inverted_verb(t: TokenType, w: _Words) -> bool:
    """A lower-case finite verb that can follow a fronted quotation (not an auxiliary, article,
    preposition, conjunction or pronoun): "wusste", "summierte", "erinnert", "polterte"."""
    low = t.low
    if not t.is_word or not t.text[:1].islower() or low in w.auxiliaries or low in w.determiners \
            or low in w.prepositions or low in w.np_stop or low in w.subordinators or low in w.pronouns_sie \
            or low in w.subject_relative_pronouns or _clause_adverb(t, w):
        return False
    lem = t.lemma_low
    return lem != low and lem.endswith(w.infinitive_endings) and not low.endswith(w.infinitive_endings)


# the cue of a quotation attributed by the sentence before it, not by a word of its own
CONTEXT_CUE: Final = "…"


def _para_end(text: str, i: int) -> int:
    """End of the paragraph holding offset i."""
    e = text.find("\n\n", i)
    return len(text) if e == -1 else e


def _opens_sentence(doc: Doc, o: int) -> bool:
    """Does the quotation mark at o open its sentence?"""
    s = doc.sentences[doc.sentence_at(o + 1)]
    return not doc.text[s.start : o].strip()


def _tokens_after(doc: Doc, runs: _Runs, c: int) -> tuple[_Run, int] | None:
    """Tokens of the sentence holding the text right after a closing mark, and the first index."""
    si = doc.sentence_at(c)
    toks = runs(si)
    k = bisect_right(toks.starts, c)  # the first token after the closing mark
    if k < len(toks) and toks[k].text == ",":
        k += 1
    elif k < len(toks) and toks[k].text in (".", "!", "?"):
        return None
    if k >= len(toks) or doc.text.count("\n", c, toks.starts[k]):
        return None
    return toks, k


_COLON_CLAUSE_MARKS: Final = frozenset(':;“”"„')


def _colon_clause_before(doc: Doc, runs: _Runs, o: int) -> tuple[_Run, int, int] | None:
    """The clause ending with a colon right before an opening mark: 'Kirby fügte hinzu:'."""
    j = o - 1
    while j >= 0 and doc.text[j].isspace():
        j -= 1
    if j < 0 or doc.text[j] != ":":
        return None
    si = doc.sentence_at(j)
    toks = runs(si)
    hi = bisect_left(toks.starts, j)
    lo = hi
    codes = toks.codes
    while lo > 0 and codes[lo - 1] not in _COLON_CLAUSE_MARKS:
        lo -= 1
    return toks, lo, hi


def voice_at(quotes: tuple[Quote, ...], start: int, end: int) -> tuple[str, str]:
    """Voice (outlet, quote, reported, scare-quote) and speaker of a character range: those of
    the shortest quotation that contains it. For many look-ups in one text use `VoiceIndex`."""
    return VoiceIndex(quotes).voice_at(start, end)


class VoiceIndex:
    """The quotations of one text, indexed so that the voice of a range is found in
    logarithmic time plus the quotations that enclose it (not all quotations before it):
    starts are bisected, and a running maximum of the ends stops the backward walk at the
    first quotation from which no earlier one reaches the range's end. `steps` counts the
    quotations looked at (tests check it grows linearly with the text)."""

    __slots__ = ("_max_end", "_starts", "quotes", "steps")

    def __init__(self, quotes: tuple[Quote, ...]) -> None:
        self.quotes = quotes  # in text order, as find_quotes returns them
        self._starts = [q.start for q in quotes]
        self._max_end: list[int] = []
        m = -1
        for q in quotes:
            m = max(m, q.end)
            self._max_end.append(m)
        self.steps = 0

    def voice_at(self, start: int, end: int) -> tuple[str, str]:
        quotes, max_end = self.quotes, self._max_end
        best: Quote | None = None
        i = bisect_right(self._starts, start) - 1
        while i >= 0 and max_end[i] >= end:
            self.steps += 1
            q = quotes[i]
            if end <= q.end and (best is None or q.end - q.start <= best.end - best.start):
                best = q  # the shortest; among equals the first in text order
            i -= 1
        if best is None:
            return "outlet", ""
        return best.voice, best.speaker

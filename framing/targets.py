"""Whom a loaded word is aimed at, and what that means on the axis.

A pejorative label ("Autokrat", "Regime") or a word whose leaning is `target` ("drohen",
"Panik schüren") is negative about the actor it is aimed at (see `resolve_targets` for how
the target is found; genitives such as "Invasion Russlands" name what is talked about, not
whom the word judges, and never count). A victim is never the target: the subject of a passive
or of a verb of dying or suffering ("X wurde brutal ermordet", "X ist … verendet"), the genitive
or possessor of a noun of harm suffered ("der grausame Tod Xs") and the object of "gegen/auf/an"
after a noun ("die Hetze gegen X") give way to the agent named with von/durch, else to no target.
The actor's camp gives the direction (lexicons/axes.toml,
`[kremlin.camps]`): "Autokrat Putin" is critical, "Autokrat Selenskyj" aligned; a word that
praises or softens (FAVOURING_CATEGORIES: "Staatsmann Putin") takes the opposite direction.
Without a named actor the entry's own leaning stands.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from framing.actors import Actor, ActorList, actor_named, default_actors, find_mentions
from framing.languages import Language, default_language
from framing.matching import Hit
from framing.text import Doc, TokenType
from framing.textlayer import Analysed

# Labels aimed at a person or state: their direction follows the actor they name, whatever the
# entry's default leaning.
AIMED_CATEGORIES = frozenset({"pejorative-label"})
# Categories whose words favour the actor they are aimed at ("heldenhafte … Ärzte", "Präzisionsschlag"
# of an army): their direction is the opposite of a judging word's (camp weight × -1).
FAVOURING_CATEGORIES = frozenset({"glorifying-label", "euphemism"})
DOUBT_WINDOW = 2  # tokens between a doubt word and the word it doubts ("angebliche bevorstehende Invasion")
WINDOW = 5  # tokens between an aimed word and the actor it names ("die USA befinden sich im Angstmodus")


@dataclass(frozen=True, slots=True)
class Target:
    actor: Actor | None  # whom the word judges; None when it judges another word
    sign: float  # -1 critical … +1 aligned on the axis (camp weight from axes.toml)
    note: str = ""  # "doubts „Invasion“" / "doubted by „angebliche“"
    confidence: str = "high"  # "low": only the nearest actor, no grammatical relation found
    relation: str = ""  # how the target was found: subject, genitive, possessor, apposition, speaker, nearest


@dataclass(frozen=True, slots=True, eq=False)
class _Rules:
    """The word lists of the target rules in one language (framing.languages: `de.py` explains
    each for German); one per language object (`_rules`), taken from the document's language."""

    adjective_endings: tuple[str, ...]
    inflected_adjective_endings: tuple[str, ...]  # the adjective endings but the empty one
    weak_adjective_endings: tuple[str, ...]  # after an article: "des russischen Präsidenten"
    genitive_only_articles: frozenset[str]  # "des", "eines": a genitive attribute follows a noun
    genitive_name_endings: tuple[str, ...]  # "Prigoschins"
    not_genitive_endings: tuple[str, ...]  # "Boss": no genitive
    agent_prepositions: frozenset[str]
    allegiance: dict[str, str]
    allegiance_suffixes: tuple[str, ...]
    article_cases: dict[str, frozenset[str]]
    clause_boundaries: frozenset[str]
    coordinators: frozenset[str]
    demonyms: dict[str, str]
    dependence_nouns: frozenset[str]
    genitive_articles: frozenset[str]
    hard_boundaries: frozenset[str]
    labelling_verbs: frozenset[str]
    no_nearest: frozenset[str]
    place_is_scene: frozenset[str]
    place_prepositions: frozenset[str]
    plural_verb_endings: tuple[str, ...]
    predicative_words: frozenset[str]
    prepositions: frozenset[str]
    singular_pronouns: frozenset[str]
    subordinators: frozenset[str]
    passive_past_auxiliaries: frozenset[str]
    passive_present_auxiliaries: frozenset[str]
    passive_perfect_auxiliaries: frozenset[str]
    passive_auxiliaries: frozenset[str]
    weak_participle_endings: tuple[str, ...]
    strong_participle_endings: tuple[str, ...]
    suffering_verbs: frozenset[str]
    causative_verbs: frozenset[str]
    victim_nouns: frozenset[str]
    victim_noun_endings: tuple[str, ...]
    victim_prepositions: frozenset[str]
    language: Language


@cache
def _rules(lang: Language) -> _Rules:
    w = lang.words
    return _Rules(
        adjective_endings=lang.sequence("adjective_endings"),
        inflected_adjective_endings=tuple(e for e in lang.sequence("adjective_endings") if e),
        weak_adjective_endings=lang.sequence("weak_adjective_endings"),
        genitive_only_articles=w("genitive_only_articles"),
        genitive_name_endings=lang.sequence("genitive_name_endings"),
        not_genitive_endings=lang.sequence("not_genitive_endings"), agent_prepositions=w("agent_prepositions"),
        allegiance=lang.table("allegiance"), allegiance_suffixes=lang.sequence("allegiance_suffixes"),
        article_cases={k: frozenset(v) for k, v in lang.table("article_cases").items()},
        clause_boundaries=w("clause_boundaries"), coordinators=w("coordinators"), demonyms=lang.table("demonyms"),
        dependence_nouns=w("dependence_nouns"), genitive_articles=w("genitive_articles"),
        hard_boundaries=w("hard_boundaries"), labelling_verbs=w("labelling_verbs"), no_nearest=w("no_nearest"),
        place_is_scene=w("place_is_scene"), place_prepositions=w("place_prepositions"),
        plural_verb_endings=lang.sequence("plural_verb_endings"), predicative_words=w("predicative_words"),
        prepositions=w("prepositions"), singular_pronouns=w("singular_pronouns"), subordinators=w("subordinators"),
        passive_past_auxiliaries=w("passive_past_auxiliaries"),
        passive_present_auxiliaries=w("passive_present_auxiliaries"),
        passive_perfect_auxiliaries=w("passive_perfect_auxiliaries"),
        passive_auxiliaries=w("passive_past_auxiliaries") | w("passive_present_auxiliaries")
        | w("passive_perfect_auxiliaries"),
        weak_participle_endings=lang.sequence("weak_participle_endings"),
        strong_participle_endings=lang.sequence("strong_participle_endings"), suffering_verbs=w("suffering_verbs"),
        causative_verbs=w("causative_verbs"), victim_nouns=w("victim_nouns"),
        victim_noun_endings=lang.sequence("victim_noun_endings"), victim_prepositions=w("victim_prepositions"),
        language=lang)


def is_aimed(h: Hit) -> bool:
    return h.entry.leaning == "target" or h.entry.category in AIMED_CATEGORIES


def resolve_targets(an: Analysed, hits: Sequence[Hit], camps: dict[str, float],
                    actors: ActorList | None = None, poles: tuple[str, str] = ("critical", "aligned")
                    ) -> dict[int, Target]:
    """Target of every aimed hit (by its index in `hits`) that names one clearly enough:

    * an attribution verb ("behauptete", "drohte") judges its speaker: the speaker of the
      quotation or reported speech the verb introduces, when the actor list knows it;
    * any other aimed word judges an actor named within WINDOW tokens of it ("Autokrat
      Putin", "die USA in Alarmstimmung"), the nearest one, the following one on a tie.

    A doubt word right before a loaded word ("angebliche Invasion") points against that word.
    Anything less clear gets no target, and the entry's own leaning stands."""
    actors = actors or default_actors()
    poles_sign = {poles[0]: -1.0, poles[1]: 1.0}
    aimed = [i for i, h in enumerate(hits) if is_aimed(h) and h.how != "scare-quote"]
    doc = an.doc
    r = _rules(doc.language)
    out: dict[int, Target] = {}
    if not aimed:
        return out
    by_sentence: dict[int, list[tuple[int, Actor]]] = {}
    spans: dict[int, list[_Span]] = {}
    sentences = {hits[i].sentence for i in aimed}
    for m in find_mentions(doc, actors, sentences):
        spans.setdefault(m.sentence, []).append(_Span(m.first, m.last, m.actor, m.genitive))
        if not m.genitive:
            by_sentence.setdefault(m.sentence, []).append((m.first, m.actor))
    for si in sentences:
        spans.setdefault(si, []).extend(_demonyms(doc, si, actors))
        spans[si].sort(key=lambda x: x.first)
    cues = {(q.sentence, q.cue): q.speaker for q in an.quotes if q.cue and q.speaker}
    for i in aimed:
        h = hits[i]
        actor: Actor | None = None
        relation = ""
        k = doc.token_index(h.start)  # the hit's first and last token
        last = doc.token_index(h.end) - 1
        if h.entry.category == "attribution-verb":
            speaker = cues.get((h.sentence, h.surface))
            # a pronoun subject ("behauptete er") keeps its own, more cautious antecedent here:
            # the quotation's speaker may be the pronoun resolved to the nearer of two people
            pronoun = _pronoun_subject(doc, k, last, speaker)
            actor = speaker_actor(speaker, actors, r.language) if speaker and not pronoun else None
            relation = "speaker" if actor is not None else ""
            if actor is None and pronoun:
                actor = _antecedent(doc, k, actors)
                relation = "pronoun" if actor is not None else ""
        if actor is None and k > 0 and doc.sent[k - 1] == doc.sent[k]:
            actor = _allegiance(doc.types[k - 1].low, actors, r)  # "prorussische Propagandisten"
            relation = "allegiance" if actor is not None else ""
        if actor is None:
            actor, relation = _structural(doc, k, last, spans.get(h.sentence, []), h.entry.category)
        if actor is None and not relation and h.entry.category != "attribution-verb" \
                and h.entry.category not in r.no_nearest and doc.types[k].text[:1].isupper():
            # last resort, for nouns only: the nearest actor, not across a dash, colon or
            # semicolon, and (except for labels) not one inside a prepositional phrase ("die
            # Kriegsverbrechen in der Ukraine" are not aimed at Ukraine)
            near = []
            for first, a in by_sentence.get(h.sentence, ()):
                gap = first - last if first > last else k - first  # tokens after / before the hit
                lo_, hi_ = (last + 1, first) if first > last else (first, k)
                if any(doc.types[t].text in r.hard_boundaries for t in range(lo_, hi_)):
                    continue
                sent_start = doc.sentences[h.sentence].first_token
                if h.entry.category in r.place_is_scene and _in_pp(doc, sent_start, first):
                    continue
                if first > last and _pp_opener(doc, last + 1, first, r.victim_prepositions):
                    continue  # "die Hetze gegen Russland": what the act is done to, not its doer
                if gap <= WINDOW:
                    near.append((gap, first < k, a))  # nearest first; on a tie the following one
            if near:
                actor = min(near, key=lambda t: (t[0], t[1]))[2]
                relation = "nearest"
        if actor is not None:
            sign = camps.get(actor.camp, 0.0)
            if h.entry.category in FAVOURING_CATEGORIES:
                sign = -sign  # praise or a softening word favours its target: the other direction
            guessed = relation in ("nearest", "pronoun")
            out[i] = Target(actor, sign, confidence="low" if guessed else "high", relation=relation)
    _resolve_doubt(hits, poles_sign, out, doc)
    return out


def speaker_actor(speaker: str, actors: ActorList | None = None, language: Language | None = None) -> Actor | None:
    """The actor a speaker names ("Kreml-Sprecher Peskow" → Peskow), or else the state an
    adjective of nationality in it names ("die russische Behörde" → Russland, "westliche
    Politiker" → der Westen): whose claim a judging verb judges is known by the speaker's side."""
    actors = actors or default_actors()
    r = _rules(language or default_language())
    actor = actor_named(speaker, actors, r.language)
    if actor is not None:
        return actor
    for word in speaker.lower().replace("-", " - ").split():
        for e in r.adjective_endings:
            stem = word[: len(word) - len(e)] if e else word
            if word.endswith(e) and stem in r.demonyms:
                return actor_named(r.demonyms[stem], actors, r.language)
    return None


def _allegiance(low: str, actors: ActorList, r: _Rules) -> Actor | None:
    """The actor whose side an adjective of allegiance names ("prorussische" → Russland,
    "Lukaschenko-treue" → Lukaschenko), or None."""
    for e in r.adjective_endings:
        stem = low[: len(low) - len(e)] if e else low
        if not low.endswith(e) or not stem:
            continue
        if stem in r.allegiance:
            return actor_named(r.allegiance[stem], actors, r.language)
        for suffix in r.allegiance_suffixes:
            if stem.endswith(suffix) and len(stem) > len(suffix):
                return actor_named(stem[: -len(suffix)].capitalize(), actors, r.language)
    return None


ANTECEDENT_SENTENCES = 2  # how far back the person a pronoun stands for may be named


def _pronoun_subject(doc: Doc, k: int, last: int, speaker: str | None) -> bool:
    """Is the subject of the verb at tokens k..last a personal pronoun: the quotation's speaker
    ("er"), or the word right before or after the verb ("er behauptete", "behauptete er")?
    The pronouns of a singular speaker and the endings of a plural verb are the language's."""
    r = _rules(doc.language)
    types = doc.types
    if types[last].low.endswith(r.plural_verb_endings):
        return False  # a plural verb ("indem sie behaupten"): "sie" stands for several, not one person
    pronouns = r.singular_pronouns
    if speaker is not None and speaker.strip().lower() in pronouns:
        return True
    near = [j for j in (k - 1, last + 1) if 0 <= j < len(types) and doc.sent[j] == doc.sent[k]]
    return any(types[j].low in pronouns for j in near)


def _antecedent(doc: Doc, k: int, actors: ActorList) -> Actor | None:
    """The person a pronoun before or after token k stands for: the last person named before it
    in its sentence or the ANTECEDENT_SENTENCES before, when that is the only person named there
    (two people: unclear, no target)."""
    si = doc.sent[k]
    window = set(range(max(0, si - ANTECEDENT_SENTENCES), si + 1))
    people = [m for m in find_mentions(doc, actors, window) if m.actor.kind == "person" and m.first < k]
    if not people or len({m.actor.id for m in people}) > 1:
        return None
    return people[-1].actor


class _Span(NamedTuple):
    first: int  # token indices [first, last)
    last: int
    actor: Actor
    genitive: bool


def _demonyms(doc: Doc, si: int, actors: ActorList) -> list[_Span]:
    """Adjectives of nationality as mentions of their state: "russische Raketen" → Russland."""
    r = _rules(doc.language)
    s = doc.sentences[si]
    out = []
    for t in range(s.first_token, s.last_token):
        low = doc.types[t].low
        for e in r.adjective_endings:
            stem = low[: len(low) - len(e)] if e else low
            if low.endswith(e) and stem in r.demonyms:
                a = actor_named(r.demonyms[stem], actors, r.language)
                if a is not None:
                    out.append(_Span(t, t + 1, a, False))
                break
    return out


def _structural(doc: Doc, k: int, last: int, spans: list[_Span], category: str = "") -> tuple[Actor | None, str]:
    """The actor a word at tokens k..last is aimed at by its grammatical relation (see the
    module docstring), or (None, ""); (None, "blocked") when the relation names no known actor
    (then no nearest actor either)."""
    r = _rules(doc.language)
    types = doc.types
    hit = types[k]
    nxt = types[last + 1] if last + 1 < len(types) and doc.sent[last + 1] == doc.sent[k] else None
    dependent = hit.low in r.dependence_nouns or hit.lemma_low in r.dependence_nouns
    if dependent and k > 0 and types[k - 1].low in r.predicative_words:
        # "Lukaschenko galt als Vasall Putins": the label is aimed at the subject of "als"
        for m in spans:
            if m.last <= k - 1 and not m.genitive:
                return m.actor, "predicate"
    if k > 0 and types[k - 1].low in r.predicative_words and not dependent and _labelling_clause(doc, k):
        # "Putin hat Prigoschin als Verräter bezeichnet": the label is aimed at the object before "als"
        for m in spans:
            if m.last == k - 1 and not m.genitive:
                return m.actor, "object"
        return None, "blocked"  # the object is no actor the list knows: not the speaker either
    if not spans:
        return None, ("blocked" if hit.text[:1].isupper() and nxt is not None and _genitive_next(nxt, r) else "")
    noun = hit.text[:1].isupper() and not (k > 0 and doc.sent[k - 1] != doc.sent[k])
    noun = noun or (hit.text[:1].isupper() and hit.lemma[:1].isupper())
    if noun:
        for m in spans:
            between = [types[t].low for t in range(last + 1, m.first)]
            # genitive attribute: "die Provokationen Nordkoreas", "die Hetze des Kremls" (not
            # for nouns of dependence: "Vasall Putins" names the master, not the vassal)
            if m.first == last + 1 and m.genitive and not dependent:
                if _victim_noun(hit, r):
                    return None, "victim"  # "der Meuchelmord Nawalnys": the genitive is the victim
                return m.actor, "genitive"
            if between and between[0] in r.genitive_articles and len(between) <= 3 and not m.genitive \
                    and all(w in r.article_cases or w.endswith(r.weak_adjective_endings) for w in between):
                return m.actor, "genitive"
            # apposition: "der Autokrat Putin"; place: "das Regime in Moskau"
            if m.first == last + 1:
                return m.actor, "apposition"
            if len(between) == 1 and between[0] in r.place_prepositions and category not in r.place_is_scene:
                return m.actor, "apposition"
        for m in spans:  # only then what stands before the word
            # possessor or nationality before the word: "Putins Regime", "russische Propaganda"
            if m.last == k and (m.genitive or (m.last - m.first == 1 and types[m.first].text[:1].islower())
                                or types[m.first].low in r.demonyms or _is_demonym(types[m.first].low, r)):
                return m.actor, "possessor"
            # "Putin, der Autokrat, …"
            if m.last in (k - 2, k - 3) and types[m.last].text == "," and types[m.last + 1].low in r.article_cases:
                return m.actor, "apposition"
        if nxt is not None and _genitive_next(nxt, r) and not dependent:
            return None, "blocked"  # "die Provokationen Prigoschins": someone the actor list does not know
        return None, ""
    # a verb: its subject, the first actor of its clause outside a prepositional phrase
    cs = _clause_start(doc, k)
    if cs > 0 and cs < k and types[cs].low in r.coordinators:
        cs += 1
    j = k - 1
    if j >= cs and types[j].low in r.coordinators:  # "Putin hetzt … und schürt Panik": shared subject
        cs = _clause_start(doc, j, over_coordination=True)
    if _patient_clause(doc, cs, k, r):
        # the subject undergoes the act ("X wurde brutal ermordet", "X ist … verendet"): the
        # agent named with von/durch, else no target, never the victim
        for m in spans:
            if cs < m.first and _pp_opener(doc, cs, m.first, r.agent_prepositions) \
                    and m.first < _clause_end(doc, k) and not _victim_possessor(doc, m, r):
                return m.actor, "agent"
        return None, "victim"
    for m in spans:
        if cs <= m.first and m.last <= k and not _in_pp(doc, cs, m.first):
            art = types[m.first - 1].low if m.first > cs else ""
            if art in r.article_cases and "nom" not in r.article_cases[art]:
                continue
            if _victim_possessor(doc, m, r):
                continue  # "der barbarische Tod Selenskyjs": the dead is not whom it condemns
            return m.actor, "subject"
    # something fronted, the subject after the verb: "Heute terrorisieren russische Raketen …" (not for a
    # doubt word: "angebliche" before its noun, "eine angebliche Beteiligung der USA", has no subject after it)
    if cs < k and category != "doubt-distancing":
        for m in spans:
            if last < m.first <= last + 3 and not _in_pp(doc, last + 1, m.first) and not any(
                    types[t].text in r.clause_boundaries for t in range(last + 1, m.first)):
                art = types[m.first - 1].low if m.first > last + 1 else ""
                if (not art or "nom" in r.article_cases.get(art, frozenset({"nom"}))) \
                        and not _victim_possessor(doc, m, r):
                    return m.actor, "subject"
    for m in spans:  # passive: "von Russland terrorisiert"
        if m.first > cs and types[m.first - 1].low in r.agent_prepositions and abs(m.first - k) <= 6:
            return m.actor, "agent"
    return None, ""


def _clause_end(doc: Doc, k: int) -> int:
    """First token after the clause holding token k (a boundary, a subordinator or the sentence end)."""
    r = _rules(doc.language)
    types = doc.types
    end = doc.sentences[doc.sent[k]].last_token
    j = k + 1
    while j < end and types[j].text not in r.clause_boundaries and types[j].low not in r.subordinators \
            and types[j].low not in r.coordinators:
        j += 1
    return j


def _patient_clause(doc: Doc, cs: int, k: int, r: _Rules) -> bool:
    """Is the subject of the clause holding token k the one who undergoes the act: a passive
    ("wurde … ermordet", "wird … terrorisiert") or a verb of dying or suffering ("ist … verendet",
    "leidet unter …"), unless a causative verb makes the subject the causer ("ließ ihn sterben")?"""
    types = doc.types
    ce = _clause_end(doc, k)
    words = range(cs, ce)
    if any(types[t].lemma_low in r.causative_verbs for t in words):
        return False
    if any(types[t].low in r.suffering_verbs or types[t].lemma_low in r.suffering_verbs for t in words):
        return True
    auxiliaries = [t for t in words if types[t].low in r.passive_auxiliaries]
    if not auxiliaries:
        return False
    # the participle closes the clause ("wurde … ermordet"), or stands right before a final
    # auxiliary ("dass X ermordet wurde")
    verbs = [t for t in words if types[t].is_word and types[t].text[:1].islower()]
    while verbs and verbs[-1] in auxiliaries:
        verbs.pop()
    final = types[verbs[-1]].low if verbs else ""
    for t in auxiliaries:
        low = types[t].low
        if low in r.passive_perfect_auxiliaries or final.endswith(r.weak_participle_endings):
            return True  # "wurde … verhaftet", "ist … ermordet worden", "wird … terrorisiert"
        if low in r.passive_past_auxiliaries and final.endswith(r.strong_participle_endings):
            return True  # "wurde … erschossen" (after "wird", "-en" is an infinitive: "wird … töten")
    return False


def _victim_noun(t: TokenType, r: _Rules) -> bool:
    return t.low in r.victim_nouns or t.lemma_low in r.victim_nouns or t.low.endswith(r.victim_noun_endings)


def _victim_possessor(doc: Doc, m: _Span, r: _Rules) -> bool:
    """Does the actor at span m own a noun of harm suffered: "der Tod Nawalnys", "der Tod des
    Präsidenten", "Selenskyjs Ermordung"?"""
    types = doc.types
    s = doc.sentences[doc.sent[m.first]]
    j = m.first - 1
    while j >= s.first_token and (types[j].low in r.genitive_articles or
                                  (types[j].text[:1].islower() and _is_adj(types[j].low, r))):
        j -= 1
    before = j >= s.first_token and (m.genitive or j < m.first - 1) and types[j].text[:1].isupper() \
        and _victim_noun(types[j], r)
    after = m.genitive and m.last < s.last_token and _victim_noun(types[m.last], r)
    return before or after


def _pp_opener(doc: Doc, lo: int, first: int, prepositions: frozenset[str]) -> str:
    """The preposition of `prepositions` opening the phrase that ends at `first`, its article and
    adjectives between ("gegen den Westen" → "gegen", "von der Ukraine" → "von"), or ""."""
    r = _rules(doc.language)
    types = doc.types
    j = first - 1
    while j >= lo and (types[j].low in r.article_cases or (types[j].text[:1].islower() and _is_adj(types[j].low, r))):
        j -= 1
    return types[j].low if j >= lo and types[j].low in prepositions else ""


def _labelling_clause(doc: Doc, k: int) -> bool:
    """Does the clause of token k hold a verb that labels its object with "als" (bezeichnen)?"""
    r = _rules(doc.language)
    types, sent = doc.types, doc.sent
    s = doc.sentences[sent[k]]
    lo = _clause_start(doc, k - 1)  # the clause before "als" ("bezeichnete Y als Z") and after it
    hi = k
    while hi < s.last_token and types[hi].text not in r.clause_boundaries:
        hi += 1
    return any(types[t].lemma_low in r.labelling_verbs for t in range(lo, hi))


def _genitive_next(t: TokenType, r: _Rules) -> bool:
    """Does the token after a noun open its genitive attribute ("des", "Prigoschins")?"""
    return t.low in r.genitive_only_articles or (t.is_word and t.text[:1].isupper()
                                                 and t.text.endswith(r.genitive_name_endings)
                                                 and len(t.text) > 3 and not t.text.endswith(r.not_genitive_endings))


def _is_demonym(low: str, r: _Rules) -> bool:
    return any(low.endswith(e) and (low[: len(low) - len(e)] if e else low) in r.demonyms for e in r.adjective_endings)


def _clause_start(doc: Doc, k: int, over_coordination: bool = False) -> int:
    """First token of the clause holding token k (boundaries: punctuation, subordinators)."""
    r = _rules(doc.language)
    types, sent = doc.types, doc.sent
    start = doc.sentences[sent[k]].first_token
    j = k - 1
    while j >= start:
        t = types[j]
        if t.text in r.clause_boundaries or t.low in r.subordinators:
            return j + 1
        if t.low in r.coordinators and not over_coordination and j < k - 1:
            return j
        j -= 1
    return start


def _in_pp(doc: Doc, cs: int, first: int) -> bool:
    """Does a preposition open the phrase that ends at `first` (its article and adjectives
    between)? "gegen den Westen", "in Kiew"."""
    r = _rules(doc.language)
    types = doc.types
    j = first - 1
    while j >= cs and (types[j].low in r.article_cases or (types[j].text[:1].islower() and _is_adj(types[j].low, r))):
        j -= 1
    return j >= cs and types[j].low in r.prepositions


def _is_adj(low: str, r: _Rules) -> bool:
    return low.endswith(r.inflected_adjective_endings) and low not in r.prepositions


def _resolve_doubt(hits: Sequence[Hit], poles_sign: dict[str, float], out: dict[int, Target], doc: Doc) -> None:
    """"angebliche Invasion": a doubt word right before a loaded word with a fixed leaning
    takes the opposite direction, and the doubted word no longer counts in its own: the outlet
    distances itself from it."""
    for i, h in enumerate(hits):
        if h.entry.category != "doubt-distancing" or h.entry.leaning != "target" or h.how == "scare-quote":
            continue
        end = doc.token_index(h.end)
        for j in range(i + 1, len(hits)):
            d = hits[j]
            if d.sentence != h.sentence or doc.token_index(d.start) - end > DOUBT_WINDOW:
                break
            sign = poles_sign.get(d.entry.leaning)
            if sign:
                out[i] = Target(None, -sign, f"doubts „{d.surface}“")
                out[j] = Target(None, 0.0, f"doubted by „{h.surface}“")
                break


def direction(sign: float, poles: tuple[str, str]) -> str:
    """The pole a signed direction points to ("critical", "aligned") or "none"."""
    return poles[1] if sign > 0 else poles[0] if sign < 0 else "none"

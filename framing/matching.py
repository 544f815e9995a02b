"""Finding lexicon entries in a document: inflection-, compound-, phrase- and quote-aware.

Lookup is by dictionary on cached lemmas, never one big regex: a word type is examined once
(`_word_matches` is cached), so long texts cost little more than their token count. Compounds
are matched from the lexicon side: a term of at least COMPOUND_MIN_CHARS characters matches as
the head or modifier of a longer word only when the rest is a hyphenated part or a word the
German dictionary knows ("Kremlpropaganda" → Propaganda; "Regimentskommandeur" is no Regime).
"""

from __future__ import annotations

import dataclasses
import re
import re._constants as sre_constants
import re._parser as sre_parse
from bisect import bisect_left
from collections.abc import Callable, Iterable
from functools import cache, lru_cache
from itertools import compress, count, repeat
from operator import attrgetter, is_not
from typing import Any, NamedTuple, cast

from framing.languages import Language
from framing.lexicon import Entry, Lexicon, parse_conditions
from framing.quotes import Quote, VoiceIndex
from framing.text import CACHE_GENERATION, Doc, Generations, TokenType, fill_missing
from framing.textlayer import Analysed

# Shortest term that may match inside a compound; shorter ones ("Ork", "Held") only match
# whole words or hyphenated parts. 5 follows the measured rule for the fallback.
COMPOUND_MIN_CHARS = 5
# Shortest remainder of a compound that counts as a word of its own.
REMAINDER_MIN_CHARS = 3
# Largest distance in tokens between the words of a split phrase ("schüren … Panik").
SPLIT_MAX_GAP = 8
# ... and this many more for each word of a split phrase beyond two (a relative clause: "der
# Haufen schmutziger Wäsche, die er vor aller Augen wusch")
SPLIT_GAP_PER_WORD = 4
_TEXT = attrgetter("text")
_LOW = attrgetter("low")
_LEMMA_LOW = attrgetter("lemma_low")
_IS_WORD = attrgetter("is_word")
_NEW_TYPE_CACHE = 4096  # entries of the caches asked only while a new word type is analysed (_Morphology)


class Hit(NamedTuple):
    """One lexicon word (or scare quote) found in an article (a named tuple: cheap to build)."""

    entry: Entry
    surface: str  # the text as written, text[start:end]
    lemma: str
    start: int
    end: int
    sentence: int
    voice: str  # outlet, quote, reported, scare-quote
    speaker: str
    part: str  # headline, lead, body, subheading, caption
    how: str  # exact, compound, phrase, split, pattern, construction, scare-quote

    def record(self) -> dict[str, object]:
        """The JSON record of a hit (keys term, lemma, category, leaning, voice, speaker,
        sentence, start, end are a contract other tools read)."""
        e = self.entry
        return {
            "term": self.surface, "lemma": self.lemma, "category": e.category, "leaning": e.leaning,
            "voice": self.voice, "speaker": self.speaker, "sentence": self.sentence,
            "start": self.start, "end": self.end, "entry": e.id, "lexicon_term": e.term,
            "weight": e.weight, "part": self.part, "match": self.how, "contested": e.contested,
            "neutral": list(e.neutral), "explanation": e.explanation, "register": e.register,
        }


def _rule(id: str, match: str, category: str, leaning: str, weight: float) -> Entry:
    """A built-in rule as a lexicon entry; its wording (term, neutral, explanation, target note)
    is the language's (`built_in_rules`, bound per language by `_Morphology`)."""
    return Entry(id=id, term=id, match=match, category=category, leaning=leaning, weight=weight, neutral=(),
                 explanation="", contested=False, target_note="", source="framing rule",
                 origin="framing/matching.py", lemmas=(), key="")


# Scare quotes count as framing even when the quoted word is in no lexicon: the outlet marks
# the word as someone else's or as dubious ("Gegnern"). Built in, not a lexicon row.
SCARE_QUOTE = _rule("scare-quote", "quote", "doubt-distancing", "target", 1.0)


class _Morphology:
    """What the matcher knows of the words of one language (framing.languages): its linking
    elements of compounds, verb particles, stem rules for unknown inflected forms, adjective
    endings and the lemmatiser's dictionary, with the caches of what it derives from them. One
    per language object (`_morphology`), bound to each matcher of a lexicon in that language."""

    def __init__(self, lang: Language) -> None:
        self.linking: tuple[str, ...] = lang.sequence("linking_elements")  # Fugenelemente: "", "s", "es", …
        self.particles: tuple[str, ...] = lang.sequence("verb_particles")  # of separable verbs, longest first
        self.stem_rules: tuple[tuple[str, str], ...] = lang.sequence("stem_rules")
        self.endings: tuple[str, ...] = lang.sequence("inflection_endings")
        self.split_function_words = lang.words("split_function_words")
        self.citation_words = lang.words("citation_words")
        self.title_articles = lang.words("title_articles")
        self.name_connectors = lang.words("name_connectors")
        # particles of separable verbs in idioms, with the colloquial short forms ("geht den Bach runter")
        self.split_particles: tuple[str, ...] = tuple(sorted(
            {*self.particles, *lang.sequence("idiom_particles")}, key=len, reverse=True))
        self.coalition_nicknames = lang.words("coalition_nicknames")
        self.impersonal_sources = lang.words("impersonal_sources")
        # the words of the built-in constructions, and the regular expressions made from them
        self.clause_joiners = lang.words("clause_joiners")
        self.particle_closers = lang.words("particle_closers")
        self.impersonal_subjects = lang.words("impersonal_subjects")
        self.wollen = lang.words("wollen_forms")
        self.perfect_aux = lang.words("perfect_auxiliaries")
        self.inseparable: tuple[str, ...] = lang.sequence("inseparable_prefixes")
        self.claim_breaks = lang.words("claim_clause_breaks")
        self.not_superlative = lang.words("not_superlative")
        self.number_re = re.compile(
            rf"^(?:{_any_of(lang.sequence('number_words'))}|\w*{_any_of(lang.sequence('tens_endings'))})"
            rf"{_any_of(lang.sequence('ordinal_endings'))}?$")
        self.since_words = lang.words("since_words")
        self.since_nouns: tuple[str, ...] = lang.sequence("since_nouns")
        self.after_words = lang.words("after_words")
        self.after_articles = lang.words("after_articles")
        self.all_times: frozenset[tuple[str, str]] = frozenset(lang.sequence("all_times"))
        self.age_articles = lang.words("age_articles")
        self.ages = lang.words("ages")
        self.hardly_words = lang.words("hardly_words")
        self.koennen = lang.words("koennen_forms")
        self.hardly_verbs = lang.words("hardly_verbs")
        self.irregular_comparatives = lang.words("irregular_comparatives")
        self.comparative_endings: tuple[str, ...] = lang.sequence("comparative_endings")
        # a superlative as written: at least three lower-case letters, then its ending ("größte",
        # "schlimmsten"); the endings stripped when the lemmatiser does not know the word
        letters = "a-z" + "".join(re.escape(c) for c in lang.sequence("lower_letters_beyond_ascii"))
        self.superlative_re = re.compile(rf"^[{letters}]{{3,}}{_any_of(lang.sequence('superlative_endings'))}$")
        self.superlative_end_re = re.compile(rf"{_any_of(lang.sequence('stripped_superlative_endings'))}$")
        self.adjective_endings: tuple[str, ...] = lang.sequence("adjective_stem_endings")  # tried in this order
        self.participle_rules: tuple[tuple[str, str], ...] = lang.sequence("participle_rules")
        self.participle_endings: tuple[str, ...] = lang.sequence("participle_endings")
        self.participle_infixes: tuple[str, ...] = lang.sequence("participle_infixes")
        self.participle_suffixes: tuple[str, ...] = lang.sequence("participle_suffixes")
        self.participle_word_endings: tuple[str, ...] = lang.sequence("participle_word_endings")
        self.adjective_noun_suffixes: tuple[str, ...] = lang.sequence("adjective_noun_suffixes")
        # the last letters of an inflected adjective (of the endings above): "dem Dritten"
        self.adjective_final_letters = frozenset(e[-1:] for e in self.adjective_endings if e)
        self.fold: Callable[[str], str] = _folder(lang.sequence("letter_folds"))  # ß as ss
        umlauts: tuple[tuple[str, str], ...] = lang.sequence("umlauts")
        self.umlaut_of = dict(umlauts)  # a -> ä
        self.umlautable_re = re.compile(f"[{''.join(map(re.escape, self.umlaut_of))}]" if umlauts else "(?!)")
        self.umlaut_fold = str.maketrans({u: v for v, u in umlauts})  # ä -> a
        self.verb_lemma_endings: tuple[str, ...] = lang.sequence("verb_lemma_endings")
        self.separable_stem_endings: tuple[str, ...] = lang.sequence("separable_stem_endings")
        self.infinitive_endings: tuple[str, ...] = lang.sequence("umlaut_infinitive_endings")
        self.genitive_name_endings: tuple[str, ...] = lang.sequence("genitive_name_endings")  # "Wagenknechts"
        # the built-in rules in the language's wording
        wording: dict[str, dict[str, Any]] = lang.table("built_in_rules")
        self.scare_quote, self.claimed, self.superlative, self.hardly_more = (
            dataclasses.replace(e, **wording.get(e.id, {})) for e in (SCARE_QUOTE, CLAIMED, SUPERLATIVE, HARDLY_MORE))
        self.konjunktiv_re = re.compile(rf"\b{_any_of(lang.sequence('konjunktiv_forms'))}\b")
        self.naming_head_re = re.compile(f"{_any_of(lang.sequence('naming_heads'))}$", re.I)
        self.charge_before_re = re.compile(
            rf"\b{_any_of(lang.sequence('charge_cues'))}(?:\s+{_any_of(lang.sequence('charge_links'))})*"
            r"\s*[„“\"»«‚]$")
        self.prosecution_re = re.compile(
            rf"\b(?:{_any_of(lang.sequence('prosecution_stems'))}\w*|{_any_of(lang.sequence('prosecution_words'))})\b",
            re.I)
        is_known = lang.is_known

        def known(word: str) -> bool:
            return len(word) >= REMAINDER_MIN_CHARS and bool(is_known(word.capitalize()) or is_known(word))

        # Per-word caches, bounded. word_is_inflected is asked per (word type, phrase word) on the
        # hot path: on 10kGNAD about 140,000 keys are in use, and an LRU cache smaller than the
        # keys a corpus cycles through would miss on every one of them. stems and folded_stems
        # are asked only while the matcher analyses a new word type (Matcher._type_info, cached
        # per type), several times for the same word in a row: a small cache serves those repeats.
        self.known: Callable[[str], bool] = lru_cache(maxsize=50_000)(known)
        self.decomposable: Callable[[str], bool] = lru_cache(maxsize=20_000)(self._decomposable)
        self.word_is_inflected: Callable[[str, str], bool] = lru_cache(maxsize=200_000)(self._word_is_inflected)
        self.folded_stems: Callable[[str], frozenset[str]] = lru_cache(maxsize=_NEW_TYPE_CACHE)(self._folded_stems)
        self.stems: Callable[[str], tuple[str, ...]] = lru_cache(maxsize=_NEW_TYPE_CACHE)(self._stems)
        self.known_modifier: Callable[[str], bool] = lru_cache(maxsize=50_000)(self._known_modifier)
        self.separable: Callable[[str], tuple[str, str]] = lru_cache(maxsize=20_000)(self._separable)

    def split_alternatives(self, e: Entry) -> tuple[tuple[str, ...], ...]:
        """The words of a split phrase that must occur, each as its folded alternatives: the word as
        the term writes it (in its dictionary form) and its lemma (simplemma turns some dictionary
        forms into other words: "waschen" -> "wegwaschen"), a verb also umlauted; its content words
        when there are at least two, else all."""
        written = [w.lower() for w in e.term.split()]
        pairs = (list(zip(written, e.lemmas, strict=True)) if len(written) == len(e.lemmas)
                 else [(lem, lem) for lem in e.lemmas])
        fw = self.split_function_words
        content = [p for p in pairs if p[0] not in fw and p[1] not in fw]
        fold = self.fold
        return tuple(tuple(dict.fromkeys(fold(x) for w in p for x in (w, self.umlauted(w))))
                     for p in (content if len(content) >= 2 else pairs))

    def umlauted(self, w: str) -> str:
        """A verb with its first vowel umlauted: simplemma takes some strong present forms for
        another verb ("fällt" -> fällen, not fallen), so "fallen" also accepts "fällen"."""
        if not (w.islower() and w.endswith(self.infinitive_endings) and " " not in w):
            return w
        m = self.umlautable_re.search(w)
        return w if m is None else w[: m.start()] + self.umlaut_of[m.group()] + w[m.end():]

    def _known_modifier(self, rest: str) -> bool:
        """Is `rest` the first part of a compound: a known word, less a linking element, or two known
        words ("langzeit" in "Langzeitdespot": lang + zeit)?"""
        known, linking = self.known, self.linking[1:]
        if known(rest) or any(known(rest[: len(rest) - len(s)]) for s in linking if rest.endswith(s)):
            return True
        return len(rest) >= 2 * REMAINDER_MIN_CHARS and any(
            known(rest[:j]) and (known(rest[j:]) or any(known(rest[j:len(rest) - len(s)]) for s in linking
                                                        if rest.endswith(s)))
            for j in range(REMAINDER_MIN_CHARS, len(rest) - REMAINDER_MIN_CHARS + 1))

    def _separable(self, lem: str) -> tuple[str, str]:
        """(particle, stem) of a separable verb lemma (folded), ("", "") for other words:
        "absägen" -> ("ab", "sägen"), "runtergehen" -> ("runter", "gehen")."""
        if not lem.islower() or not lem.endswith(self.verb_lemma_endings) or " " in lem:
            return "", ""
        for p in self.split_particles:
            rest = lem[len(p):]
            if lem.startswith(p) and len(rest) >= 4 and rest.endswith(self.separable_stem_endings) and self.known(rest):
                return self.fold(p), self.fold(rest)
        return "", ""

    def _stems(self, low: str) -> tuple[str, ...]:
        """Candidate dictionary forms of an unknown inflected word, most specific ending first
        (`stems`, cached: a new word type asks for them three or four times)."""
        out: list[str] = []
        for end, repl in self.stem_rules:
            if low.endswith(end) and len(low) - len(end) >= 4:
                stem = low[: len(low) - len(end)] + repl
                if stem != low and stem not in out:
                    out.append(stem)
        return tuple(out)

    def without_participle_prefix(self, low: str) -> list[str]:
        """A past participle (or participial adjective) without its "ge": after a verb particle
        ("aufgebauscht" -> "aufbauscht", "abgestürzte" -> "abstürzte") or at the start
        ("hingerichtet" stays for the lemmatiser; "gemeuchelt" -> "meuchelt"), so the stem rules
        reach the infinitive."""
        if not low.endswith(self.participle_word_endings):
            return []
        low = low[: low.rindex("t") + 1]  # "abgestürzten" -> "abgestürzt"
        out = []
        for ge in self.participle_infixes:
            if low.startswith(ge) and len(low) - len(ge) >= 5:
                out.append(low[len(ge):])
            for p in self.particles:
                rest = low[len(p):]
                if low.startswith(p) and rest.startswith(ge) and len(rest) - len(ge) >= 4:
                    out.append(p + rest[len(ge):])
        return out

    def graded_bases(self, low: str) -> list[str]:
        """The adjective of a comparative or superlative as written: "skrupellosesten" ->
        "skrupellos", "unmenschlichere" -> "unmenschlich" (at least four letters left)."""
        out = []
        sup = self.superlative_end_re.sub("", low)
        if sup != low and len(sup) >= 4:
            out.append(sup)
        for c in self.comparative_endings:
            for e in self.adjective_endings:
                if low.endswith(c + e) and len(low) - len(c + e) >= 4:
                    out.append(low[: len(low) - len(c + e)])
        return out

    def noun_adjectives(self, low: str) -> list[str]:
        """The adjective a noun in -heit/-keit/-igkeit is made of ("sturheit" -> "stur",
        "dreistigkeit" -> "dreist", "gehässigkeit" -> "gehässig"), a plural in -en first stripped."""
        if low.endswith("en"):
            low = low[:-2]
        return [low[: len(low) - len(s)] for s in self.adjective_noun_suffixes
                if low.endswith(s) and len(low) - len(s) >= 4]

    def _decomposable(self, low: str) -> bool:
        """A word the language knows, or one that ends in a known word ("Klimaretter" -> Retter)."""
        known = self.known
        return known(low) or any(known(low[i:]) for i in range(2, len(low) - 3))

    def inflected(self, low: str, lemma: str) -> bool:
        """An inflected adjective or participle of a phrase word: "dagewesenes" for "dagewesen"."""
        return len(low) > len(lemma) and low.startswith(lemma) and low[len(lemma):] in self.endings

    def word_is(self, t: TokenType, lem: str) -> bool:
        """Does a word token match one word of a phrase (its lemma, its form, or an inflection)?"""
        return lem == t.lemma_low or lem == t.low or self.word_is_inflected(t.low, lem)

    def _word_is_inflected(self, low: str, lem: str) -> bool:
        """An inflected form of a phrase word: adjective endings, or a participle of a verb lemma."""
        if self.inflected(low, lem):
            return True
        endings = self.adjective_endings
        stem = _adj_stem(low, endings)
        return stem == _adj_stem(lem, endings) or stem == _participle(lem, self.participle_rules)

    def _folded_stems(self, low: str) -> frozenset[str]:
        """Dictionary forms an unknown inflected word may have (erdreistet -> erdreisten), folded."""
        return frozenset(map(self.fold, self.stems(low)))


def _anchored(pattern: str) -> bool:
    """Can the regular expression only match at the start of a string (without re.MULTILINE:
    it begins with ^ or \\A outside any top-level alternative)? Then `match` and `search` agree."""
    try:
        parsed = sre_parse.parse(pattern, re.I)
    except re.error:
        return False
    return len(parsed) > 0 and parsed[0] in ((sre_constants.AT, sre_constants.AT_BEGINNING),
                                             (sre_constants.AT, sre_constants.AT_BEGINNING_STRING)) \
        and not parsed.state.flags & re.MULTILINE


def _any_of(words: Iterable[str]) -> str:
    """A regular expression group matching any of `words` (longest first), or nothing when empty."""
    alts = sorted({re.escape(w) for w in words}, key=lambda w: (-len(w), w))
    return f"(?:{'|'.join(alts)})" if alts else "(?!)"


def _folder(folds: Iterable[tuple[str, str]]) -> Callable[[str], str]:
    """A function writing a word's letters in one form (`folds`: pairs of letters and what they
    are written as), as cheap as one `str.replace` per pair."""
    pairs = tuple(folds)
    if len(pairs) == 1:  # German: ß as ss, the matcher's hot path (a plain call, no loop)
        [(a, b)] = pairs

        def fold_one(w: str, a: str = a, b: str = b) -> str:
            return w.replace(a, b)

        return fold_one

    def fold(w: str) -> str:
        for a, b in pairs:
            w = w.replace(a, b)
        return w

    return fold


@cache
def _morphology(lang: Language) -> _Morphology:
    return _Morphology(lang)


class Matcher:
    """Indexes a lexicon once; `find_hits` then runs per document. The lexicon's language
    (`Lexicon.language`) gives the word forms the matcher knows (`_Morphology`)."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.language = lexicon.lang
        self.morph = _morphology(self.language)
        self.exact: dict[str, list[Entry]] = {}
        self.heads: dict[str, list[Entry]] = {}
        self.modifiers: dict[str, list[Entry]] = {}
        self.phrases: dict[str, list[Entry]] = {}
        self.splits: dict[str, list[Entry]] = {}
        self.split_words: dict[str, tuple[tuple[str, ...], ...]] = {}
        self.patterns: list[tuple[re.Pattern[str], Entry]] = []
        adj_endings, participle_rules = self.morph.adjective_endings, self.morph.participle_rules
        for e in lexicon.entries:
            if e.match == "phrase":
                # "Dritter Weltkrieg" is found from "dem Dritten Weltkrieg", "importierte Kriminalität"
                # from "importierter Kriminalität" (whatever lemma simplemma gives either form)
                for k in dict.fromkeys((e.lemmas[0], _adj_stem(e.lemmas[0], adj_endings),
                                        _participle(e.lemmas[0], participle_rules), e.term.split()[0].lower(),
                                        _adj_stem(e.term.split()[0].lower(), adj_endings))):
                    if k:
                        self.phrases.setdefault(k, []).append(e)
            elif e.match == "split":
                # the longest word is the rarest; ß and ss alike (simplemma: goss -> giessen); a
                # separable verb also under its stem ("den Ast absägen" is "sägt den Ast ab")
                words = self.morph.split_alternatives(e)
                self.split_words[e.id] = words
                for k in dict.fromkeys(x for w in max(words, key=lambda a: len(a[0]))
                                       for x in (w, self.morph.separable(w)[1]) if x):
                    self.splits.setdefault(k, []).append(e)
            elif e.match == "pattern":
                self.patterns.append((re.compile(e.term, re.I), e))
            else:
                keys = {e.key, e.lemmas[0]}
                if e.match != "compound-modifier":
                    for k in keys:
                        self.exact.setdefault(k, []).append(e)
                if e.match in ("compound", "compound-head"):
                    for k in keys:
                        self.heads.setdefault(k, []).append(e)
                if e.match in ("compound", "compound-modifier"):
                    for k in keys:
                        self.modifiers.setdefault(k, []).append(e)
        # the longest head and modifier: a compound's part longer than these cannot be one (so a
        # 200,000-character "word" costs linear time, not a slice at each of its positions)
        self._longest_head = max(map(len, self.heads), default=0)
        self._longest_modifier = max(map(len, self.modifiers), default=0)
        self.has_senses = any(e.requires or e.excludes for e in lexicon.entries)
        self._any_pattern: re.Pattern[str] | None = None
        if self.patterns:
            try:  # all patterns as one alternation: a word none of them matches is dismissed at once
                self._any_pattern = re.compile("|".join(f"(?:{rx.pattern})" for rx, _ in self.patterns), re.I)
            except re.error:  # a pattern that cannot stand inside others (inline flags): test each
                self._any_pattern = None
        # patterns anchored at the start (^…, as lexicon patterns are written) can only match
        # there: `match` finds what `search` finds without trying every later position (for
        # the alternation of all patterns, ≈ 25 µs per word of ten letters)
        self._all_anchored = all(_anchored(rx.pattern) for rx, _ in self.patterns)
        # separable verbs: "einräumen" is also "räumte … ein" (the particle closes the clause)
        self.separable: dict[str, list[tuple[str, Entry]]] = {}
        for e in lexicon.entries:
            t = e.term
            if e.match == "lemma" and " " not in t and t.islower() and t.endswith(self.morph.verb_lemma_endings):
                p = next((p for p in self.morph.particles if t.startswith(p) and len(t) - len(p) >= 4), None)
                if p:
                    self.separable.setdefault(t[len(p):], []).append((p, e))
        # a phrase's words as written, next to their lemmas (simplemma may lemmatise them apart)
        self.phrase_words = {e.id: tuple(w.lower() for w in e.term.split()) for e in lexicon.entries
                             if e.match == "phrase"}
        self._word_matches = lru_cache(maxsize=CACHE_GENERATION)(self._match_word)
        self._types = Generations(CACHE_GENERATION)  # _Info per surface form (bounded, keeps the common ones)
        self._pairs = Generations(CACHE_GENERATION // 2)  # (type, next word's type) -> phrases it may start
        # every folded form a split phrase's word may be found as: its alternatives, and the stem
        # of a separable verb among them
        self._split_forms = frozenset(x for words in self.split_words.values() for alts in words for a in alts
                                      for x in (a, self.morph.separable(a)[1]) if x)

    def _match_word(self, norm: str, lemma: str) -> tuple[tuple[Entry, str], ...]:
        """Entries matching one word type, with how they matched."""
        low, lem = norm.lower(), lemma.lower()
        out: list[tuple[Entry, str]] = []
        for k in {low, lem}:
            out += [(e, "exact") for e in self.exact.get(k, ())]
        if "-" in lem:
            # "Kreml-Herrscher", "Troll-Fabriken": the hyphenated spelling of a compound entry
            joined = lem.replace("-", "")
            for k in (joined, *self.morph.stems(joined)):
                got = [e for e in self.exact.get(k, ()) if e.match != "pattern" and e.key.isalpha()]
                if got:
                    out += [(e, "exact") for e in got]
                    break
            parts = [p for p in lem.split("-") if p]
            for p in parts[1:] + parts[:1]:
                out += [(e, "compound") for e in self.exact.get(p, ()) if e.match != "lemma"]
                out += [(e, "compound") for e in self.modifiers.get(p, ()) if e.match == "compound-modifier"]
        known = self.morph.known
        for word in {low, lem}:
            n = len(word)
            out += [(e, "compound") for e in self._compound_heads(word)]
            for j in range(COMPOUND_MIN_CHARS, min(n - REMAINDER_MIN_CHARS, self._longest_modifier) + 1):
                mod = word[:j]
                if mod in self.modifiers:
                    for link in self.morph.linking:
                        rest = word[j:]
                        if rest.startswith(link) and known(rest[len(link):]):
                            out += [(e, "compound") for e in self.modifiers[mod]]
                            break
        if self._all_anchored:  # (the same as the search below: see __init__)
            if self._any_pattern is None or self._any_pattern.match(low):  # one pass rules most words out
                out += [(e, "pattern") for rx, e in self.patterns if rx.match(low)]
        elif self._any_pattern is None or self._any_pattern.search(low):
            for rx, e in self.patterns:
                if rx.search(low):
                    out.append((e, "pattern"))
        if len(low) > 5 and not any(how == "exact" for _, how in out):  # nothing, or compound parts only
            out += self._match_stem(low, norm[:1].isupper())
        seen: set[str] = set()
        uniq = []
        for e, how in out:
            if e.id not in seen:
                seen.add(e.id)
                uniq.append((e, how))
        return tuple(uniq)

    def _compound_heads(self, word: str) -> list[Entry]:
        """Entries that are the head of the compound `word` ("Klimahysterie" -> Hysterie): its
        remainder, less a linking element, is a known word."""
        out: list[Entry] = []
        n = len(word)
        for i in range(max(REMAINDER_MIN_CHARS, n - self._longest_head), n - COMPOUND_MIN_CHARS + 1):
            head = word[i:]
            if head in self.heads:
                rest = word[:i].rstrip("-")
                if self.morph.known_modifier(rest):
                    out += [e for e in self.heads[head] if len(e.key) >= COMPOUND_MIN_CHARS]
        return out

    def _match_stem(self, low: str, upper: bool) -> list[tuple[Entry, str]]:
        """Fallback for a word simplemma left as it is (an unknown inflected form: verharmlost,
        drakonische, Putinisten, Klimasekten): the dictionary forms its ending suggests, looked up
        as whole words and as compound heads. A lower-case word only reaches lower-case entries, so
        a verb does not turn into a noun (verraten is no Verrat)."""
        out: list[tuple[Entry, str]] = []
        for stem in self.morph.stems(low):
            out += [(e, "exact") for e in self.exact.get(stem, ())
                    if e.match != "pattern" and (upper or not e.term[:1].isupper())]
            if upper:
                out += [(e, "compound") for e in self._compound_heads(stem)]
            if out:
                return out
        if not upper:  # a participle simplemma does not know: "aufgebauscht", "abgestürzte" (aufbauschen)
            verb_endings = self.morph.verb_lemma_endings
            # an attributive participle of a speech verb names no speaker's act ("die eingeräumte
            # Frist", "die angedrohte Klage"): only its plain form keeps the judging verb
            attributive = not low.endswith("t")
            for bare in self.morph.without_participle_prefix(low):
                for stem in self.morph.stems(bare):
                    out += [(e, "exact") for e in self.exact.get(stem, ())
                            if e.match == "lemma" and e.term.islower() and e.term.endswith(verb_endings)
                            and not (attributive and e.category == "attribution-verb")]
                    if out:
                        return out
            # a comparative or superlative of an adjective entry ("skrupellosesten", "brutalere")
            for base in self.morph.graded_bases(low):
                out += [(e, "exact") for e in self.exact.get(base, ())
                        if e.match == "lemma" and e.term.islower() and " " not in e.term
                        and not e.term.endswith(verb_endings)]
                if out:
                    return out
        elif low.endswith(self.morph.adjective_noun_suffixes):  # "Sturheit", "Verbohrtheit": stur, verbohrt
            # only a judgement said of an actor (an entry that requires its context): the nouns of
            # other adjectives name offences, diagnoses and properties ("Bestechlichkeit",
            # "Haltlosigkeit", "Durchsichtigkeit des Wassers")
            for adj in self.morph.noun_adjectives(low):
                out += [(e, "exact") for e in self.exact.get(adj, ())
                        if e.match == "lemma" and e.term.islower() and " " not in e.term and e.requires
                        and not e.term.endswith(self.morph.verb_lemma_endings)]
                if out:
                    return out
        return out

    def _type_info(self, tt: TokenType) -> _Info:
        """Word matches, phrases starting here, split-phrase keys, separable verbs and the folded
        forms a split phrase's word may take (`_folds`) of one token type."""
        got: _Info | None = self._types.get(tt.text)
        if got is None:
            folds = self._folds(tt)
            if tt.is_word:
                low, lem = tt.low, tt.lemma_low
                m = self.morph
                phrases = self.phrases.get(lem, []) + (self.phrases.get(low, []) if low != lem else [])
                if low[-1:] in m.adjective_final_letters and len(low) > 4:  # an inflected first word: "dem Dritten"
                    stems = (_adj_stem(low, m.adjective_endings), *m.stems(low))
                    phrases = list(dict.fromkeys([*phrases, *(e for st in stems for e in self.phrases.get(st, ()))]))
                got = (self._word_matches(tt.norm, tt.lemma), tuple(phrases),
                       frozenset(k for k in (m.fold(low), m.fold(lem), *m.folded_stems(low)) if k in self.splits),
                       tuple(x for k in dict.fromkeys((lem, low, *m.stems(low)[:3]))
                             for x in self.separable.get(k, ())), folds)
                if not any(got):
                    got = _NOTHING
            else:
                got = ((), (), frozenset(), (), folds) if folds else _NOTHING
            self._types.put(tt.text, got)
        return got

    def _phrases_before(self, tt: TokenType, phrases: tuple[Entry, ...], nxt: TokenType | None) -> tuple[Entry, ...]:
        """The phrases starting with a word type whose second word the next word can be, cached
        per pair of types (a frequent first word, "in", "die", starts dozens of phrases)."""
        key = (tt.text, nxt.text if nxt is not None else None)
        got: tuple[Entry, ...] | None = self._pairs.get(key)
        if got is None:
            got = tuple(e for e in phrases if len(e.lemmas) < 2 or (
                nxt is not None and (self.morph.word_is(nxt, e.lemmas[1])
                                     or self.morph.word_is(nxt, self.phrase_words.get(e.id, e.lemmas)[1]))))
            self._pairs.put(key, got)
        return got

    def _folds(self, t: TokenType) -> tuple[str, ...]:
        """The folded forms of a token type that a split phrase's word may be: its lemma, its
        form, and for a word the dictionary forms its ending suggests; only those some split
        phrase has (`_split_in` finds a phrase's words by them)."""
        fold = self.morph.fold
        forms = (fold(t.lemma_low), fold(t.low), *(self.morph.folded_stems(t.low) if t.is_word else ()))
        return tuple(f for f in dict.fromkeys(forms) if f in self._split_forms)

    def find_hits(self, an: Analysed) -> list[Hit]:
        """All lexicon hits of an analysed article, with voice; overlapping hits keep the most
        specific entry (a phrase over its words, an exact word over a compound part)."""
        doc = an.doc
        types = doc.types
        cands: list[tuple[tuple[int, ...], Entry, str]] = []
        split_sentences: dict[int, set[str]] = {}
        # every token's type information in C-level passes; only tokens with something to
        # match are visited in Python (a few dozen of an article's hundreds)
        n_types = len(types)
        looked_up = list(map(self._types.young.get, map(_TEXT, types)))
        fill_missing(looked_up, lambda i: self._type_info(types[i]))  # types seen for the first time
        infos = cast(list[_Info], looked_up)
        joiners, impersonal = self.morph.clause_joiners, self.morph.impersonal_subjects
        pairs_get = self._pairs.young.get
        where: dict[str, list[int]] = {}  # folded form -> tokens that may be it (for split phrases)
        for i in compress(count(), map(is_not, infos, repeat(_NOTHING))):
            words, phrases, split_keys, separable, folds = infos[i]
            for f in folds:
                at = where.get(f)
                if at is None:
                    where[f] = [i]
                else:
                    at.append(i)
            for particle, e in separable:
                s = doc.sentences[doc.sent[i]]
                for k in range(i + 1, min(s.last_token, i + 16)):
                    if types[k].low == particle and (k + 1 >= s.last_token or not types[k + 1].is_word
                                                     or types[k + 1].low in joiners):
                        cands.append(((i, k), e, "split"))
                        break
            for e, how in words:
                if e.category == "attribution-verb" and _impersonal(types, i, impersonal):
                    continue  # "es droht ein Krieg": nobody is quoted, the verb frames no speaker
                cands.append(((i,), e, how))
            if phrases:
                # the next word decides most phrases ("noch nie", "so genannt"): test it here
                # before walking the whole phrase (_next_word and the pair cache's young
                # generation inline: a few dozen tokens of every article start a phrase)
                k = i + 1
                while k < n_types and not types[k].is_word and types[k].text not in ".!?":
                    k += 1
                nxt = types[k] if k < n_types else None
                tt = types[i]
                before = pairs_get((tt.text, nxt.text if nxt is not None else None))
                if before is None:
                    before = self._phrases_before(tt, phrases, nxt)
                for e in before:
                    idx = _phrase_at(types, i, e.lemmas, self.morph, self.phrase_words.get(e.id, e.lemmas))
                    if idx:
                        cands.append((idx, e, "phrase"))
            if split_keys:
                split_sentences.setdefault(doc.sent[i], set()).update(split_keys)
        for si, keys in sorted(split_sentences.items()):
            s = doc.sentences[si]
            tried: set[str] = set()
            for key in sorted(keys):
                for e in self.splits[key]:
                    if e.id in tried:
                        continue
                    tried.add(e.id)
                    idx = _split_in(types, where, s.first_token, s.last_token, self.split_words[e.id], self.morph)
                    if idx:
                        cands.append((idx, e, "split"))
        cands += _claimed(types, doc, self.morph)
        cands += _superlatives(types, doc, self.morph)
        cands += _hardly_more(types, doc, self.morph)
        if self.has_senses:
            cands = _senses_fit(cands, doc, self.language)
        cands = _not_in_names(cands, doc, self.morph)
        rank = {"phrase": 0, "split": 0, "construction": 0, "exact": 1, "pattern": 2, "compound": 3}
        cands.sort(key=lambda c: (-len(c[0]), rank[c[2]], -len(c[1].term), c[0][0], c[1].id))
        taken: set[int] = set()
        hits: list[Hit] = []
        names = frozenset(q.text for q in an.quotes if q.kind == "title")
        quotes = tuple(_requalify(q, doc.text, self.morph, names) if q.kind == "scare"
                       else _unsourced(q, self.morph) for q in an.quotes)
        voices = VoiceIndex(quotes)
        for idx, e, how in cands:
            if taken.intersection(idx):
                continue
            taken.update(idx)
            start, end = doc.starts[idx[0]], doc.end(idx[-1])
            voice, speaker = voices.voice_at(start, end)
            if voice == "reported" and e.category in _REPORTER_CATEGORIES:
                voice, speaker = "outlet", ""  # the reporting verb and the doubt marker are the reporter's words
            lemma = types[idx[0]].lemma if len(idx) == 1 else " ".join(types[k].lemma for k in idx)
            hits.append(Hit(e, doc.text[start:end], lemma, start, end, doc.sent[idx[0]], voice, speaker,
                            an.article.part_at(start), how))
        spans = sorted((h.start, h.end) for h in hits)  # a lexicon hit inside a scare quote is the flag
        for q in quotes:
            if q.kind != "scare":
                continue
            i = bisect_left(spans, (q.start, -1))
            while i < len(spans) and spans[i][0] < q.end and spans[i][1] > q.end:
                i += 1
            if i < len(spans) and spans[i][0] < q.end:
                continue
            k = doc.token_index(q.start)
            lemmas = []
            while k < len(types) and doc.end(k) <= q.end:
                if types[k].is_word:
                    lemmas.append(types[k].lemma)
                k += 1
            if not lemmas or sum(c.isalpha() for c in q.text) < 2:  # „“, „…“, 'n': nothing is distanced
                continue
            hits.append(Hit(self.morph.scare_quote, q.text, " ".join(lemmas), q.start, q.end, q.sentence, "scare-quote",
                            "", an.article.part_at(q.start), "scare-quote"))
        hits.sort(key=lambda h: (h.start, h.end, h.entry.id))
        return hits


# A short quotation with no speaker counts as a scare quote; these are names or someone's words
# instead (checked in this order): a name in front of a hyphenated compound („Concord“-Firmen),
# after a naming noun (Söldnergruppe „Wagner“, Segeljacht „Andromeda“) or made of capitalised words
# only (New York Times, Alte Zollstation); words with "I/we/you" or a finite verb ("Wir retten
# Russland", "Es gibt keine Vertrauensbasis") are a quotation; a fragment inside reported speech
# (a Konjunktiv-I verb outside the marks: "Daraufhin seien „unverzüglich“ Ärzte gekommen") is
# the reported speaker's.


def _requalify(q: Quote, text: str, m: _Morphology, names: frozenset[str] = frozenset()) -> Quote:
    """A scare quote that is a name (kind title: the outlet's own words, no distancing), a
    quotation (direct, no speaker) or a fragment of reported speech (reported); else unchanged.
    `names`: the texts the article quotes elsewhere as names (Straflager „Polarwolf“ … im
    „Polarwolf“)."""
    words = q.text.split()
    if not words:
        return q
    if q.text in names or q.text.lower() in m.coalition_nicknames:
        return q._replace(kind="title")
    line_start = text.rfind("\n", 0, q.start) + 1
    line_end = text.find("\n", q.end)
    line_end = len(text) if line_end < 0 else line_end
    if not text[line_start:q.start].strip(_QUOTE_MARKS + " ") and not text[q.end:line_end].strip(_QUOTE_MARKS + " .!?"):
        return q._replace(kind="direct")  # a line of its own: another outlet's headline, a slogan, a motto
    if m.charge_before_re.search(text[max(0, q.start - 40) : q.start]) and m.prosecution_re.search(
            text[max(0, q.start - 200) : min(len(text), q.end + 120)]):
        return q._replace(kind="direct")  # ermittelt wegen „Volksverhetzung“: the charge's legal wording
    after = text[q.end + 1 : q.end + 3]
    clean = [w.strip(".,:;!?()") for w in words]
    if after[:1] == "-" and after[1:2].isalpha() and not any(m.known(w.lower()) for w in clean if w):
        return q._replace(kind="title")
    before = text[max(0, q.start - 60) : q.start].rstrip("„“\"»«‚‘'( ").split()
    while before and before[-1].lower() in m.title_articles:
        before.pop()
    prev = before[-1].strip(":,") if before else ""
    if prev[:1].isupper() and m.naming_head_re.search(prev):
        return q._replace(kind="title")
    if any(w.strip(",").lower() in m.impersonal_sources and w.endswith(",") for w in before[-3:]):
        return q  # "glaubt man, das „System Putin“ …": an impersonal frame, the outlet's own distancing
    if len(clean) >= 2 and all(w[:1].isupper() for w in clean if w) \
            and not m.name_connectors & {w.lower() for w in clean}:
        return q._replace(kind="title")
    if any(w.lower() in m.citation_words for w in clean):
        return q._replace(kind="direct")
    if before and before[-1].endswith(":") and before[-1][:1].isupper() and len(before[-1]) > 2:
        return q._replace(kind="direct")  # "Löw: „Brauchen keinen Stürmer“": the speaker before a colon
    if len(clean) == 1 and clean[0][:1].isupper() and len(clean[0]) >= 4 and not m.decomposable(clean[0].lower()):
        return q._replace(kind="title")  # „Goodfellas“, „Clasico“: a name no German word is part of
    s_start = max(text.rfind(". ", 0, q.start), text.rfind("\n", 0, q.start)) + 1
    ends = [e for e in (text.find(". ", q.end), text.find("\n", q.end)) if e >= 0]
    s_end = min(ends) if ends else len(text)
    outside = text[s_start : q.start] + " " + text[q.end : s_end]
    if m.konjunktiv_re.search(_QUOTED_RE.sub(" ", outside)):
        return q._replace(kind="reported")
    return q


_QUOTED_RE = re.compile(r"[„“\"»«][^„“\"»«]*[„“\"»«]")


def _unsourced(q: Quote, m: _Morphology) -> Quote:
    """A short quotation whose only source is an impersonal "man"/"es" ("glaubt man, das „System“
    wanke") is the outlet's own distancing, a scare quote."""
    if q.kind == "direct" and q.speaker.lower() in m.impersonal_sources and len(q.text.split()) <= 3:
        return q._replace(kind="scare", speaker="", cue="")
    return q


_QUOTE_MARKS = "„“\"»«‚‘'”"


# "Er will nichts gewusst haben": the modal "wollen" with a perfect infinitive reports a claim
# and doubts it in one (a grammatical construction, not a word: built in like the scare quote).
CLAIMED = _rule("wollen-perfekt", "construction", "doubt-distancing", "target", 1.5)
_CLAUSE_END = frozenset({".", ",", ";", ":", "!", "?", "–", "—", "(", ")"})


def _participle_form(t: TokenType, m: _Morphology) -> bool:
    """A past participle as written: gesehen, herausgefunden, erkannt, ignoriert."""
    w = t.text
    if not t.is_word or not w[:1].islower() or len(w) < 5 or not w.endswith(m.participle_endings):
        return False
    head = w[:-3]
    return any(x in head for x in m.participle_infixes) or w.endswith(m.participle_suffixes) \
        or w.startswith(m.inseparable)


def _claimed(types: list[TokenType], doc: Doc, m: _Morphology) -> list[tuple[tuple[int, ...], Entry, str]]:
    """Claims reported with "wollen" + perfect infinitive: "will … gesehen haben" (main
    clause) and "… gesehen haben will" (subordinate clause), within one clause."""
    n = len(types)
    out: list[tuple[tuple[int, ...], Entry, str]] = []
    aux, breaks, joiners = m.perfect_aux, m.claim_breaks, m.clause_joiners
    for i in compress(count(), map(m.wollen.__contains__, map(attrgetter("low"), types))):
        # subordinate clause: participle, haben/sein, wollen
        if i >= 2 and types[i - 1].low in aux and _participle_form(types[i - 2], m):
            out.append(((i - 2, i - 1, i), m.claimed, "construction"))
            continue
        if i >= 1 and types[i - 1].low.endswith(m.infinitive_endings) and types[i - 1].text[:1].islower():
            continue  # "… einrücken wollten": a subordinate clause with another infinitive
        last = doc.sentences[doc.sent[i]].last_token
        for k in range(i + 1, min(last, i + 15, n - 1)):
            tk = types[k]
            if tk.text in _CLAUSE_END or tk.low in breaks:
                break
            if tk.low in aux and _participle_form(types[k - 1], m) and k - 1 > i and (
                    k + 1 >= last or types[k + 1].text in _CLAUSE_END or types[k + 1].low in joiners):
                out.append(((i, k - 1, k), m.claimed, "construction"))
                break
    return out


# "die schwerste Krise seit Jahrzehnten", "der beliebteste Kanzler aller Zeiten": a superlative
# set against all of history (built in: it is a construction, not a word). A year after "seit"
# is a statistic ("die höchste Inflation seit 1992"), not hyperbole.
SUPERLATIVE = _rule("superlativ-seit", "construction", "hyperbole", "none", 1.5)
def _superlative_base(low: str, m: _Morphology) -> str:
    """The adjective of a superlative the lemmatiser does not resolve ("unbeliebteste" ->
    "unbeliebt"); "" when the rest is no known word."""
    base = m.superlative_end_re.sub("", low)
    return base if base != low and len(base) >= 4 and m.known(base) else ""


def _superlatives(types: list[TokenType], doc: Doc, m: _Morphology) -> list[tuple[tuple[int, ...], Entry, str]]:
    out: list[tuple[tuple[int, ...], Entry, str]] = []
    n = len(types)
    not_superlative, number_re, since_words, since_nouns = m.not_superlative, m.number_re, m.since_words, m.since_nouns
    after_words, after_articles, all_times, age_articles, ages = (
        m.after_words, m.after_articles, m.all_times, m.age_articles, m.ages)
    for i in compress(count(), map(m.superlative_re.match, map(attrgetter("low"), types))):
        t = types[i]
        base = t.lemma_low
        if base == t.low:  # the lemmatiser knows no adjective in it ("unbeliebteste"): strip the ending
            base = _superlative_base(t.low, m)
        if (not base or base in not_superlative or not t.text[:1].islower()
                or number_re.match(t.low)):
            continue  # "der sechste Spieler in der Geschichte" counts, it does not exaggerate
        last = min(doc.sentences[doc.sent[i]].last_token, n)
        for k in range(i + 1, min(last, i + 7)):
            w = types[k].low
            if types[k].text in _CLAUSE_END:
                break
            nxt = [types[j].low for j in range(k + 1, min(last, k + 4)) if types[j].is_word]
            if w in since_words and nxt and not any(x[:1].isdigit() or number_re.match(x) for x in nxt) \
                    and any(x.startswith(since_nouns) for x in nxt):
                out.append(((i, k), m.superlative, "construction"))
                break
            if nxt and ((w, nxt[0]) in all_times or (w in age_articles and nxt[0] in ages)):
                out.append(((i, k + 1), m.superlative, "construction"))
                break
            if (w in after_words and nxt and nxt[0] in after_articles
                    and any(x.startswith(since_nouns) for x in nxt[1:])):
                out.append(((i, k), m.superlative, "construction"))  # "… nach dem Zweiten Weltkrieg"
                break
    return out


# "Der Kontrast könnte kaum größer sein", "Größer könnte die Enttäuschung kaum ausfallen": a
# comparative that nothing could exceed, an emphasis in the outlet's voice (built in: a construction).
HARDLY_MORE = _rule("kaum-komparativ", "construction", "hyperbole", "none", 1.0)


def _comparative(t: TokenType, irregular: frozenset[str], endings: tuple[str, ...],
                 umlaut_fold: dict[int, str]) -> bool:
    """A comparative adjective as written: größer, schlimmer, deutlicher (lemma groß …)."""
    low, lem = t.low, t.lemma_low
    return low in irregular or (t.is_word and len(low) >= 5 and low.endswith(endings) and lem != low and len(lem) >= 3
            and low.translate(umlaut_fold).startswith(lem.translate(umlaut_fold)))


def _hardly_more(types: list[TokenType], doc: Doc, m: _Morphology) -> list[tuple[tuple[int, ...], Entry, str]]:
    out: list[tuple[tuple[int, ...], Entry, str]] = []
    koennen, hardly_verbs, irregular = m.koennen, m.hardly_verbs, m.irregular_comparatives
    endings = m.comparative_endings
    for i in compress(count(), map(m.hardly_words.__contains__, map(attrgetter("low"), types))):
        s = doc.sentences[doc.sent[i]]
        lo, hi = i, i
        while lo > s.first_token and types[lo - 1].text not in _CLAUSE_END and i - lo < 8:
            lo -= 1
        while hi + 1 < s.last_token and types[hi + 1].text not in _CLAUSE_END and hi - i < 4:
            hi += 1
        comp = next((k for k in range(lo, hi + 1)
                     if k != i and _comparative(types[k], irregular, endings, m.umlaut_fold)), None)
        verb = next((k for k in range(i + 1, hi + 1) if types[k].lemma_low in hardly_verbs), None)
        modal = any(types[k].low in koennen for k in range(lo, hi + 1))
        if comp is not None and verb is not None and modal and abs(comp - i) <= 6:
            out.append((tuple(sorted({comp, i, verb})), m.hardly_more, "construction"))
    return out


# In reported speech ("Sie fabuliert, Putin habe …") the verb that reports and a doubt marker
# ("angeblich") are chosen by the outlet, not by the speaker it reports.
_REPORTER_CATEGORIES = frozenset({"attribution-verb", "doubt-distancing"})


# An article is about a context list's topic (`topic:@arts`) when it uses this many of its words.
TOPIC_MIN_WORDS = 3


def _not_in_names(cands: list[tuple[tuple[int, ...], Entry, str]], doc: Doc,
                  m: _Morphology) -> list[tuple[tuple[int, ...], Entry, str]]:
    """Drop compound hits inside a proper name: a capitalised word the dictionary does not know
    that the article also uses right after a first name in mid-sentence ("Sahra Wagenknecht"), so
    "Wagenknechts" is no "Knecht". A name is not
    split into loaded parts; a new compound ("Ampelchaos") is not used that way."""
    suspects = [c for c in cands if c[2] == "compound" and len(c[0]) == 1 and _name_like(doc.types[c[0][0]], m)]
    if not suspects:
        return cands
    names = _names_in(doc, m)
    drop = {id(c) for c in suspects if _base_name(doc.types[c[0][0]].text, m.genitive_name_endings) in names}
    return [c for c in cands if id(c) not in drop] if drop else cands


def _name_like(t: TokenType, m: _Morphology) -> bool:
    w = t.text
    return t.is_word and w[:1].isupper() and not w.isupper() and "-" not in w and not m.known(w.lower())


def _base_name(w: str, genitive_endings: tuple[str, ...]) -> str:
    """A name without its genitive ending (Wagenknechts -> Wagenknecht)."""
    if len(w) > 4:
        for end in genitive_endings:
            if w.endswith(end):
                return w[: -len(end)]
    return w


def _names_in(doc: Doc, m: _Morphology) -> frozenset[str]:
    """Words the article uses as names: capitalised, unknown to the dictionary, and somewhere
    directly after another such word (a first name: "Sahra Wagenknecht") that does not open its
    sentence and is no genitive ("Putins Kriegspropagandisten" is no name)."""
    types = doc.types
    out = set()
    genitive = (*m.genitive_name_endings, "'", "’")  # "Putins", "Boris’"
    for s in doc.sentences:
        for k in range(s.first_token + 1, s.last_token):
            t, prev = types[k], types[k - 1]
            if (_name_like(t, m) and _name_like(prev, m) and k - 1 > s.first_token
                    and not prev.text.endswith(genitive)):
                out.add(_base_name(t.text, m.genitive_name_endings))
    return frozenset(out)


def _senses_fit(cands: list[tuple[tuple[int, ...], Entry, str]], doc: Doc,
                language: Language) -> list[tuple[tuple[int, ...], Entry, str]]:
    """Drop candidates whose entry's sentence context says the ordinary sense is meant: none of
    its `requires` items in the sentence, or one of its `excludes` items there (a `topic` item:
    in the whole article)."""
    contexts: dict[int, _Context] = {}
    topics: dict[str, bool] = {}
    wholes: list[_Context] = []  # the whole article as a context, made once when a topic item asks

    def topic(text: str) -> bool:
        got = topics.get(text)
        if got is None:
            if not wholes:
                word_types = list(compress(doc.types, map(_IS_WORD, doc.types)))
                wholes.append(_Context(frozenset(map(_LOW, word_types)).union(map(_LEMMA_LOW, word_types)), doc.text))
            whole = wholes[0]
            held = sum(_any_holds(forms, whole) for forms in _topic_items(text, language))
            got = topics[text] = held >= TOPIC_MIN_WORDS
        return got

    out = []
    for c in cands:
        e = c[1]
        if not (e.requires or e.excludes):
            out.append(c)
            continue
        si = doc.sent[c[0][0]]
        ctx = contexts.get(si)
        if ctx is None:
            s = doc.sentences[si]
            types = doc.types
            words = frozenset(w for k in range(s.first_token, s.last_token) if types[k].is_word
                              for w in (types[k].low, types[k].lemma_low))
            ctx = contexts[si] = _Context(words, doc.text[s.start:s.end])
        if e.requires and not _any_holds(e.requires, ctx, topic):
            continue
        if e.excludes and _any_holds(e.excludes, ctx, topic):
            continue
        out.append(c)
    return out


@lru_cache(maxsize=256)
def _topic_items(text: str, language: Language) -> tuple[tuple[tuple[str, str], ...], ...]:
    """The words of a context list, each with its forms in the language (parsed once)."""
    return tuple(parse_conditions(raw, language=language) for raw in text.split(";") if raw.strip())


class _Context:
    """A sentence as `requires`/`excludes` items test it: its word forms and lemmas, its text."""

    __slots__ = ("_flat", "text", "words")

    def __init__(self, words: frozenset[str], text: str) -> None:
        self.words = words
        self.text = text
        self._flat: str | None = None

    @property
    def flat(self) -> str:
        """The text lower-cased, whitespace runs as single spaces (phrases are looked up in it)."""
        if self._flat is None:
            self._flat = " ".join(self.text.lower().split())
        return self._flat


class _Items(NamedTuple):
    """One `requires` or `excludes` list grouped by kind, so a sentence is tested in a few set
    and C-level operations instead of one Python call per item (entries have hundreds)."""

    lemmas: frozenset[str]
    prefixes: tuple[str, ...]
    phrases: tuple[str, ...]
    patterns: tuple[tuple[re.Pattern[str], bool], ...]  # (regex, anchored: also tried on each word)
    topics: tuple[str, ...]  # context lists the whole article must be about (`topic:@name`)


@lru_cache(maxsize=4096)
def _items(items: tuple[tuple[str, str], ...]) -> _Items:
    by: dict[str, list[str]] = {"lemma": [], "prefix": [], "phrase": [], "re": [], "topic": []}
    for kind, value in items:
        by[kind if kind in by else "re"].append(value)
    return _Items(frozenset(by["lemma"]), tuple(by["prefix"]), tuple(by["phrase"]),
                  tuple((_rx(v), v.startswith("^") or v.endswith("$")) for v in by["re"]), tuple(by["topic"]))


def _any_holds(items: tuple[tuple[str, str], ...], ctx: _Context,
               topic: Callable[[str], bool] | None = None) -> bool:
    """Does any of the items occur in the sentence (a lemma or word form, a prefix of one, a
    phrase of its text, a regular expression; an anchored one, ^… or …$, is meant for one word
    and is also tried on each word form and lemma), or is the article about a `topic` item's
    list (`topic` decides)?"""
    g = _items(items)
    if g.topics and topic is not None and any(topic(t) for t in g.topics):
        return True
    words = ctx.words
    if not g.lemmas.isdisjoint(words):
        return True
    if g.prefixes and any(map(str.startswith, words, repeat(g.prefixes))):
        return True
    if g.phrases and any(p in ctx.flat for p in g.phrases):
        return True
    return any(rx.search(ctx.text) is not None or (anchored and any(map(rx.search, words)))
               for rx, anchored in g.patterns)


@lru_cache(maxsize=4096)
def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I)


def _impersonal(types: list[TokenType], i: int, subjects: frozenset[str]) -> bool:
    """An attribution verb used impersonally: an impersonal subject ("es") right before or after
    it ("es droht", "droht es")."""
    return (i > 0 and types[i - 1].low in subjects) or (i + 1 < len(types) and types[i + 1].low in subjects)


# per token type: its word matches, the phrases starting with it, its split-phrase keys, the
# separable verbs it may be the finite part of (particle, entry), the folded forms a split
# phrase's word may take in it (Matcher._folds)
_Info = tuple[tuple[tuple[Entry, str], ...], tuple[Entry, ...], frozenset[str], tuple[tuple[str, Entry], ...],
              tuple[str, ...]]
_NOTHING: _Info = ((), (), frozenset(), (), ())
def _participle(lem: str, rules: tuple[tuple[str, str], ...]) -> str:
    """The past participle stem of a verb lemma by the language's rules (ending of the lemma →
    ending of the participle: importieren → importiert, erweitern → erweitert); "" for other words."""
    for end, participle_end in rules:
        if lem.endswith(end):
            return lem[: -len(end)] + participle_end
    return ""


def _adj_stem(w: str, endings: tuple[str, ...]) -> str:
    """A word without its adjective ending (dritten, dritter → dritt; the language's endings,
    tried in their order): phrase words only."""
    for end in endings:
        if w.endswith(end) and len(w) - len(end) >= 4:
            return w[: -len(end)]
    return w


def _next_word(types: list[TokenType], k: int) -> int:
    """Index of the first word at or after k, or of a . ! ? before it (a phrase stops there); len(types) if none."""
    n = len(types)
    while k < n and not types[k].is_word and types[k].text not in ".!?":
        k += 1
    return k


def _phrase_at(types: list[TokenType], i: int, lemmas: tuple[str, ...], m: _Morphology,
               forms: tuple[str, ...] = ()) -> tuple[int, ...] | None:
    """Token indices of a phrase starting at i: each word matches its lemma or its form as written."""
    idx = []
    k = i
    n = len(types)
    for j, lem in enumerate(lemmas):
        k = _next_word(types, k)
        if k >= n or not (m.word_is(types[k], lem) or (j < len(forms) and m.word_is(types[k], forms[j]))):
            return None
        idx.append(k)
        k += 1
    return tuple(idx)




def _split_in(types: list[TokenType], where: dict[str, list[int]], first: int, last: int,
              lemmas: tuple[tuple[str, ...], ...], m: _Morphology) -> tuple[int, ...] | None:
    """The tightest tokens of one sentence (first..last; `where`: the document's tokens by
    folded form, built in Matcher.find_hits) carrying all words of a split phrase (each word given as
    its folded alternatives, ß as ss: the term's word and its lemma). A
    separable verb of the phrase may stand split, its particle closing the clause ("den Ast
    absägen": "sägt den Ast ab"). The words may lie SPLIT_MAX_GAP tokens apart, four more for
    each word beyond two (three words together are rarer by chance: "Haufen schmutziger Wäsche,
    die er … wusch")."""
    positions = []
    particle_at: dict[int, int] = {}
    for alts in lemmas:
        found: set[int] = set()
        for a in alts:
            ks = where.get(a)
            if ks:
                found.update(ks[bisect_left(ks, first) : bisect_left(ks, last)])
        for lem in alts:
            particle, stem = m.separable(lem)
            ks = where.get(stem) if stem else None
            if not ks:
                continue
            for k in ks[bisect_left(ks, first) : bisect_left(ks, last)]:
                if k not in found and types[k].is_word:
                    at = _particle_after(types, k, last, particle, m.particle_closers, m.fold)
                    if at is not None:
                        found.add(k)
                        particle_at[k] = at
        if not found:
            return None
        positions.append(sorted(found))
    gap = SPLIT_MAX_GAP + SPLIT_GAP_PER_WORD * max(0, len(lemmas) - 2)
    best: tuple[int, ...] | None = None
    for p0 in positions[0]:
        chosen = [p0]
        for pos in positions[1:]:
            near = min(pos, key=lambda p: abs(p - p0))
            chosen.append(near)
        if max(chosen) - min(chosen) <= gap and len(set(chosen)) == len(chosen) and all(
                _same_clause(types, particle_at[k], max(chosen)) for k in chosen if k in particle_at):
            cand = tuple(sorted(chosen))
            if best is None or cand[-1] - cand[0] < best[-1] - best[0]:
                best = cand
    if best is not None and particle_at:
        best = tuple(sorted({*best, *(particle_at[k] for k in best if k in particle_at)}))
    return best


def _same_clause(types: list[TokenType], particle: int, last: int) -> bool:
    """Do the words of an idiom end before its verb's particle, or follow it in the same clause
    ("nimmt sie aus wie eine Weihnachtsgans"; not "sägt das Brett ab, der Ast …")?"""
    return last < particle or not any(types[m].text in _CLAUSE_END for m in range(particle + 1, last))


def _particle_after(types: list[TokenType], k: int, last: int, particle: str,
                    closers: frozenset[str], fold: Callable[[str], str]) -> int | None:
    """Index of the particle of a split separable verb after its finite part k: the particle
    closes a clause (a punctuation mark, "und"/"oder", a comparison with "wie"/"als" or the
    sentence end follows)."""
    for m in range(k + 1, min(last, k + 20)):
        if fold(types[m].low) == particle and (m + 1 >= last or not types[m + 1].is_word
                                                or types[m + 1].low in closers):
            return m
    return None

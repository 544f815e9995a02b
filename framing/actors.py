"""Actors (people, states, alliances) and where a document mentions them.

The actor list lives in `lexicons/actors.csv`: a canonical name, aliases (names, capitals used
as metonyms, "Weißes Haus"), epithets that name the actor without its name ("Kremlchef"), and
the actor's camp on the stance axis (russia, ally, west, ukraine, other). Mentions are found on
token normal forms, longest alias first; a genitive -s is accepted on the last word ("Putins",
"Russlands"). Descriptors are the words an outlet puts around a mention ("der russische
Autokrat Wladimir Putin", "Putin, der Kremlchef,"): they show how each outlet names an actor.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import cache
from itertools import compress, count
from operator import attrgetter
from typing import NamedTuple

from framing.errors import LexiconError
from framing.languages import Language
from framing.lexicon import shipped_axes
from framing.resources import lexicon_root
from framing.text import Doc, TokenType

ACTOR_COLUMNS = ("id", "name", "kind", "camp", "aliases", "epithets", "note")


def known_camps() -> tuple[str, ...]:
    """The camps an actor can belong to: every camp of the stance axes in lexicons/axes.toml
    (data, not code: a new axis brings its camps)."""
    out: list[str] = []
    for axis in shipped_axes().values():
        out += [c for c in axis.camps if c not in out]
    return tuple(out)


# Words before a name that belong to its descriptor: articles, adjectives, titles. A descriptor
# stops at punctuation, a verb-like lower-case word or a preposition. The articles and the
# function words that never belong to a descriptor are the document's language's.


class _Lists(NamedTuple):
    articles: frozenset[str]
    stop: frozenset[str]  # function words (also capitalised at a sentence start)
    adjective_endings: tuple[str, ...]  # of an inflected attributive adjective ("russische")
    derived_adjective_endings: tuple[str, ...]  # "-ische": an adjective even when its lemma is itself
    verb_lemma_endings: tuple[str, ...]  # a lemma ending so is a verb's ("gesagten" → "sagen")
    genitive_name_endings: tuple[str, ...]  # "Putins", "Russlands"
    title_genitive_articles: frozenset[str]  # "Sprecher des US-Außenministeriums Vedant Patel"


@cache
def _lists(lang: Language) -> _Lists:
    return _Lists(lang.words("articles"), lang.words("descriptor_stop"),
                  tuple(e for e in lang.sequence("adjective_endings") if e),
                  lang.sequence("derived_adjective_endings"), lang.sequence("verb_lemma_endings"),
                  lang.sequence("genitive_name_endings"), lang.words("title_genitive_articles"))


@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    name: str
    kind: str
    camp: str
    aliases: tuple[str, ...]
    epithets: tuple[str, ...]
    note: str


class Mention(NamedTuple):
    """One mention of an actor in a document (a named tuple: documents have dozens)."""

    actor: Actor
    first: int  # token indices [first, last)
    last: int
    start: int  # character offsets
    end: int
    sentence: int
    surface: str
    epithet: bool  # named by an epithet ("Kremlchef"), not by a name
    genitive: bool  # matched with a genitive -s ("Putins")


@dataclass(frozen=True, slots=True)
class ActorList:
    actors: tuple[Actor, ...]
    index: dict[tuple[str, ...], tuple[Actor, bool]]  # lower-cased alias words -> actor, epithet?
    longest: int
    firsts: dict[str, tuple[int, ...]]  # first alias word -> alias lengths, longest first

    def get(self, actor_id: str) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)


def _split(cell: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in cell.split(";") if p.strip())


def _words(alias: str) -> tuple[str, ...]:
    return tuple(alias.lower().split())


def parse_actors(text: str, shown: str) -> ActorList:
    """Read and validate an actor CSV; the first problem raises LexiconError(FILE:LINE: …)."""
    reader = csv.DictReader(io.StringIO(text, newline=""))
    missing = [c for c in ACTOR_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise LexiconError(f"{shown}:1: missing column '{missing[0]}'")
    actors: list[Actor] = []
    index: dict[tuple[str, ...], tuple[Actor, bool]] = {}
    for row in reader:
        line = reader.line_num
        aid = (row["id"] or "").strip()
        if not aid:
            raise LexiconError(f"{shown}:{line}: empty id")
        camp = (row["camp"] or "").strip()
        if camp not in (camps := known_camps()):
            raise LexiconError(f"{shown}:{line}: unknown camp '{camp}'; allowed: {', '.join(camps)}")
        actor = Actor(aid, row["name"].strip(), row["kind"].strip(), camp, _split(row["aliases"] or ""),
                      _split(row["epithets"] or ""), (row["note"] or "").strip())
        if not actor.aliases:
            raise LexiconError(f"{shown}:{line}: actor '{aid}' has no alias")
        for alias, epithet in [(a, False) for a in actor.aliases] + [(e, True) for e in actor.epithets]:
            key = _words(alias)
            if key in index and index[key][0].id != aid:
                raise LexiconError(f"{shown}:{line}: alias '{alias}' already belongs to '{index[key][0].id}'")
            index[key] = (actor, epithet)
        actors.append(actor)
    firsts: dict[str, set[int]] = {}
    for key in index:
        firsts.setdefault(key[0], set()).add(len(key))
        if len(key) == 1:
            firsts.setdefault(key[0] + "s", set()).add(1)  # genitive of a one-word alias
    return ActorList(tuple(actors), index, max((len(k) for k in index), default=1),
                     {w: tuple(sorted(ls, reverse=True)) for w, ls in firsts.items()})


@cache
def default_actors() -> ActorList:
    text = (lexicon_root() / "actors.csv").read_text(encoding="utf-8")
    return parse_actors(text, "lexicons/actors.csv")


_LOW = attrgetter("low")


def find_mentions(doc: Doc, actors: ActorList | None = None, sentences: set[int] | None = None) -> list[Mention]:
    """Every actor mention in a document (or only in the given sentences), longest alias first,
    in text order."""
    actors = actors or default_actors()
    index = actors.index
    types = doc.types
    genitive_endings = _lists(doc.language).genitive_name_endings
    n = len(types)
    out: list[Mention] = []
    firsts = actors.firsts
    after = -1  # tokens before this index belong to the previous mention
    first_word = firsts.__contains__
    if sentences is None:
        candidates = list(compress(count(), map(first_word, map(_LOW, types))))
    else:
        candidates = []
        for si in sorted(sentences):
            s = doc.sentences[si]
            a, b = s.first_token, s.last_token
            candidates += compress(range(a, b), map(first_word, map(_LOW, types[a:b])))
    for i in candidates:
        if i < after:
            continue
        tt = types[i]
        if not tt.is_word or not tt.text[:1].isupper():
            continue
        lengths = firsts[tt.low]
        found = None
        for length in lengths:
            if i + length > n:
                continue
            if doc.sent[i + length - 1] != doc.sent[i]:
                continue
            words = [types[k].low for k in range(i, i + length)]
            got = index.get(tuple(words))
            genitive = False
            if got is None and len(words[-1]) > 3:
                ending = next((e for e in genitive_endings if words[-1].endswith(e)), None)
                if ending is not None:
                    got = index.get((*words[:-1], words[-1][: -len(ending)]))  # genitive: Putins, Russlands
                    genitive = True
            if got is not None:
                found = (length, got, genitive)
                break
        if found is None:
            continue
        length, (actor, epithet), genitive = found
        nxt = i + length
        if actor.kind == "person" and length == 1 and nxt < n and doc.sent[nxt] == doc.sent[i] \
                and types[nxt].is_word and types[nxt].text[:1].isupper() and (types[nxt].low,) not in index:
            continue  # "Kim Hong-kyun" is not Kim Jong-un: a different full name
        start, end = doc.starts[i], doc.end(i + length - 1)
        out.append(Mention(actor, i, i + length, start, end, doc.sent[i], doc.text[start:end], epithet, genitive))
        after = i + length
    return out


def doc_mentions(doc: Doc, actors: ActorList | None = None) -> tuple[Mention, ...]:
    """Every actor mention of a whole document, found once: the stance topic check, event
    features, naming and key actors all need them (remembered while the document lives)."""
    actors = actors or default_actors()
    got: tuple[ActorList, tuple[Mention, ...]] | None = doc.memo.get("mentions")
    if got is None or got[0] is not actors:
        got = doc.memo["mentions"] = (actors, tuple(find_mentions(doc, actors)))
    return got[1]


_NAMED: dict[tuple[int, Language | None, str], Actor | None] = {}


def actor_named(text: str, actors: ActorList | None = None, language: Language | None = None) -> Actor | None:
    """The first actor a short text in the language (German when None) names ("Kreml-Sprecher
    Peskow" → Peskow), cached per text: speakers of quotations repeat across a corpus."""
    actors = actors or default_actors()
    key = (id(actors), language, text)
    if key not in _NAMED:
        from framing.text import tokenize

        ms = find_mentions(tokenize(text, language), actors)
        if len(_NAMED) > 100_000:
            _NAMED.clear()
        _NAMED[key] = ms[0].actor if ms else None
    return _NAMED[key]


def _is_adjective(tt: TokenType, w: _Lists) -> bool:
    """An inflected attributive adjective ("russische", "nordkoreanischen"), not a verb form."""
    return (tt.is_word and tt.text[:1].islower() and tt.low.endswith(w.adjective_endings)
            and (tt.lemma_low != tt.low or tt.low.endswith(w.derived_adjective_endings))
            and not tt.lemma_low.endswith(w.verb_lemma_endings) and tt.low not in w.stop
            and tt.low not in w.articles)


def _is_title(tt: TokenType, w: _Lists) -> bool:
    return (tt.is_word and tt.text[:1].isupper() and tt.low not in w.stop and tt.low not in w.articles
            and not tt.text.isupper())


def _title_before(doc: Doc, k: int, floor: int, taken: set[int], person: bool) -> int | None:
    """Start token of '(adjectives) Title (des/der (adjectives) Noun)' ending at token k."""
    types = doc.types
    w = _lists(doc.language)
    if k < floor or k in taken or not _is_title(types[k], w):
        return None
    begin = k
    j = k - 1
    while j >= floor and _is_adjective(types[j], w):
        begin, j = j, j - 1
    if j - 1 >= floor and types[j].low in w.title_genitive_articles and types[k].low.endswith(w.genitive_name_endings) \
            and _is_title(types[j - 1], w) \
            and j - 1 not in taken:
        # "Sprecher des US-Außenministeriums Vedant Patel": the title has a genitive attribute
        begin, j = j - 1, j - 2
        while j >= floor and _is_adjective(types[j], w):
            begin, j = j, j - 1
    if j >= floor and types[j].low in w.articles:
        return begin
    if person and (j < floor or not types[j].is_word or types[j].low in w.stop):
        return begin  # "Präsident Putin", "sein Sprecher Dmitri Peskow"
    return None


def descriptor(doc: Doc, m: Mention, taken: set[int] | frozenset[int] = frozenset()) -> str:
    """The words naming the actor at a mention, as written: an epithet itself ("Kremlchef"),
    the title before the name ("russische Präsident", "nordkoreanischen Diktator"), or an
    apposition ("Putin, der Kremlchef," / "Der Sprecher des Ministeriums, Vedant Patel,").
    `taken` holds the token indices of all mentions, so another actor's name never becomes
    a descriptor. Empty when the name stands alone or in the genitive ("Putins Besuch")."""
    if m.epithet:
        return m.surface
    if m.genitive:
        return ""
    types = doc.types
    w = _lists(doc.language)
    s = doc.sentences[m.sentence]
    begin = _title_before(doc, m.first - 1, s.first_token, set(taken), m.actor.kind == "person")
    if begin is not None:
        return doc.text[doc.starts[begin] : doc.end(m.first - 1)]
    last = s.last_token
    # apposition before: "Der nationale Sicherheitsberater der USA, Jake Sullivan, sagte"
    if m.first - 2 >= s.first_token and types[m.first - 1].text == "," and m.last < last \
            and types[m.last].text in (",", "–"):
        k = m.first - 2
        while k > s.first_token and m.first - k <= 10 and types[k - 1].text not in (",", ":", ";", "–", "("):
            k -= 1
        if (types[k].low in ("der", "die") and k + 1 < m.first - 1 and _is_title(types[m.first - 2], w)) or (
                types[k].low in ("der", "die") and k + 2 < m.first - 1):
            return doc.text[doc.starts[k + 1] : doc.end(m.first - 2)]
    # apposition after: "Juri Uschakow, der außenpolitische Berater des russischen Staatschefs,"
    j = m.last
    if j + 2 < last and types[j].text == "," and types[j + 1].low in ("der", "die"):
        k = j + 2
        while k < last and types[k].text not in (",", ".", ";", ":", "–") and k - j <= 8:
            k += 1
        if (k < last and types[k].text in (",", "–") and _is_title(types[j + 2], w)) or (
                k < last and types[k].text in (",", "–") and _is_adjective(types[j + 2], w)):
            return doc.text[doc.starts[j + 2] : doc.end(k - 1)]
    return ""

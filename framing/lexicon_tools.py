"""Tools to keep a lexicon sound and to grow it: neutral wordings that are neutral, and
candidate words from a corpus (`framing lexicon suggest`)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

from framing.articles import Article, build_article
from framing.compare import log_odds
from framing.events import stopwords
from framing.languages import Language
from framing.lexicon import Entry, Lexicon
from framing.matching import Matcher
from framing.quotes import VoiceIndex
from framing.readers import read_articles
from framing.textlayer import analyse


def check_neutral(lex: Lexicon, matcher: Matcher | None = None) -> list[str]:
    """One problem per neutral wording that the lexicon flags itself (overt or conventional
    register), as `FILE:LINE: …`. Technical terms may stand in a neutral wording."""
    m = matcher or Matcher(lex)
    problems = []
    for e in lex.entries:
        for n in e.neutral:
            an = analyse(build_article(n, id="neutral", source="neutral", parse_header=False), lex.lang)
            flagged = sorted({f"{h.surface} ({h.entry.id})" for h in m.find_hits(an)
                              if h.how != "scare-quote" and h.entry.register != "technical"})
            if flagged:
                problems.append(f"{e.origin}: {e.id}: neutral wording '{n}' is flagged itself: {', '.join(flagged)}")
    return problems


# --- growing the lexicon from a corpus -----------------------------------------------------------

SUGGEST_MIN_Z = 1.96  # log-odds z-score above which a word counts as over-represented (p < .05, one word)
SUGGEST_PRIOR = 500.0  # largest strength of the informative prior (the corpora's shares of each word)
SUGGEST_PRIOR_SHARE = 0.1  # … and at most this share of the words counted, so small corpora are not flattened


@dataclass(frozen=True, slots=True)
class Candidate:
    term: str
    match: str  # lemma (one word) or phrase (several)
    z: float
    count: int  # occurrences in the corpus' own voice
    ref_count: int  # occurrences in the reference
    articles: int  # corpus articles it occurs in (own voice)


def _own_voice_sentences(articles: Iterable[Article], lang: Language) -> Iterator[tuple[int, list[str]]]:
    """Per sentence of each article: the lower-cased lemmas of its words in the outlet's own
    voice (words inside quotations and reported speech left out), with the article's number."""
    for n, a in enumerate(articles):
        an = analyse(a, lang)
        doc, quotes = an.doc, an.quotes
        voices = VoiceIndex(quotes)
        for s in doc.sentences:
            words = []
            for k in range(s.first_token, s.last_token):
                tt = doc.types[k]
                if not tt.is_word:
                    continue
                start = doc.starts[k]
                if quotes and voices.voice_at(start, start + tt.length)[0] != "outlet":
                    words.append("")  # a gap: no phrase across a quotation
                    continue
                words.append(tt.lemma_low)
            yield n, words


def _usable(w: str, stop: frozenset[str]) -> bool:
    return (len(w) >= 3 and w not in stop and w.isalpha()) or ("-" in w and len(w) >= 5)


@lru_cache(maxsize=100_000)
def _looks_like_name(w: str, lang: Language) -> bool:
    """A word the language's dictionary does not know and that has no known head of 4+ letters:
    most likely a name (Nawalny, Kasan), not a new compound (Putschtheater)."""
    is_known = lang.is_known
    if "-" in w or is_known(w) or is_known(w.capitalize()):
        return False
    return not any(is_known(w[i:].capitalize()) or is_known(w[i:])
                   for i in range(2, len(w) - 3))


def suggest(corpus: Iterable[Article], reference: Iterable[Article], lex: Lexicon, top: int = 100,
            min_count: int = 3, min_z: float = SUGGEST_MIN_Z, phrases: int = 30,
            min_articles: int = 2) -> list[Candidate]:
    """Words over-represented in the corpus' own voice against the reference (log-odds with an
    informative Dirichlet prior, framing.compare.log_odds), and multi-word candidates: word
    pairs nltk's collocation finder ranks high (likelihood ratio) that are over-represented too.
    Words already in the lexicon, names, stop words and words of fewer than `min_articles`
    articles (one article's topic) are left out. Deterministic."""
    lang = lex.lang
    stop = stopwords(lang)
    target: Counter[str] = Counter()
    docs: dict[str, set[int]] = {}
    sentences: list[list[str]] = []
    sentence_article: list[int] = []
    for n, words in _own_voice_sentences(corpus, lang):
        sentences.append(words)
        sentence_article.append(n)
        for w in words:
            if w and _usable(w, stop):
                target[w] += 1
                docs.setdefault(w, set()).add(n)
    ref: Counter[str] = Counter()
    ref_pairs: Counter[str] = Counter()
    for _, words in _own_voice_sentences(reference, lang):
        ref.update(w for w in words if w and _usable(w, stop))
        ref_pairs.update(f"{a} {b}" for a, b in pairwise(words) if a and b)
    known = {e.key for e in lex.entries} | {" ".join(e.lemmas) for e in lex.entries}
    m = Matcher(lex)
    out: list[Candidate] = []
    for w, _delta, z in log_odds(target, ref, target + ref, _prior(target, ref)):
        if len(out) >= top or z < min_z:
            break
        if target[w] < min_count or len(docs[w]) < min_articles or w in known:
            continue
        if _looks_like_name(w, lang) or m._word_matches(w, w):  # a name, or a word the lexicon flags already
            continue
        out.append(Candidate(w, "lemma", round(z, 3), target[w], ref[w], len(docs[w])))
    if phrases:
        out += _phrase_candidates(sentences, sentence_article, ref_pairs, known, min_count, min_z, phrases,
                                  min_articles, lang)
    return out


def _prior(target: Counter[str], ref: Counter[str]) -> float:
    return min(SUGGEST_PRIOR, SUGGEST_PRIOR_SHARE * (sum(target.values()) + sum(ref.values()))) or 1.0


def _phrase_candidates(sentences: list[list[str]], sentence_article: list[int], ref_pairs: Counter[str],
                       known: set[str], min_count: int, min_z: float, n: int,
                       min_articles: int, lang: Language) -> list[Candidate]:
    # imported here: nltk pulls in scipy.stats (≈ 2 s and 40 MB at start-up for every command)
    from nltk.collocations import BigramCollocationFinder
    from nltk.metrics import BigramAssocMeasures

    stop = stopwords(lang)
    loading = lang.words("phrase_loading_words")  # stop words that carry loading inside a phrase
    measures = BigramAssocMeasures()
    finder = BigramCollocationFinder.from_documents(sentences)
    finder.apply_freq_filter(min_count)
    finder.apply_word_filter(lambda w: not w or (w in stop and w not in loading) or w.isdigit())
    finder.apply_ngram_filter(lambda a, b: a in stop and b in stop)
    scored = finder.score_ngrams(measures.likelihood_ratio)
    colloc = {f"{a} {b}" for (a, b), _score in scored[: n * 10]}
    pairs = Counter(f"{a} {b}" for ws in sentences for a, b in pairwise(ws) if a and b)
    out: list[Candidate] = []
    for p, _delta, z in log_odds(pairs, ref_pairs, pairs + ref_pairs, _prior(pairs, ref_pairs)):
        if len(out) >= n or z < min_z:
            break
        a, b = p.split()
        if p not in colloc or p in known or _looks_like_name(a, lang) or _looks_like_name(b, lang):
            continue
        arts = {sentence_article[i] for i, ws in enumerate(sentences)
                if any(x == a and y == b for x, y in pairwise(ws))}
        if len(arts) < min_articles:
            continue
        out.append(Candidate(p, "phrase", round(z, 3), pairs[p], ref_pairs[p], len(arts)))
    return out


def seed_examples(entry: Entry, limit: int = 3) -> list[dict[str, str]]:
    """Sentences from the bundled seeds where an entry matches (when the seeds are present):
    the article id, the sentence and the voice of the hit."""
    seeds = Path(__file__).resolve().parent.parent / "seeds"  # only in a source checkout
    if not seeds.is_dir():
        return []
    matcher = Matcher(Lexicon("one", "", "", ("", ""), {}, (entry,)))
    out: list[dict[str, str]] = []
    for a in read_articles([str(seeds)]).articles:
        an = analyse(a)
        for h in matcher.find_hits(an):
            if h.entry.id == entry.id:
                s = an.doc.sentences[h.sentence]
                out.append({"id": a.id, "sentence": a.text[s.start : s.end], "voice": h.voice})
                if len(out) >= limit:
                    return out
    return out

"""Speed and memory changes that must not change a result (issue 16): each test compares the
fast form with the plain one it replaces, or checks a bound."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from framing.text import Generations, limit_caches, tokenize

TEXTS = st.lists(st.sampled_from([*"KkPpNnaeiorstuz-' 2_äÄßöÜ\n.,", "Kreml", "Putin", "Nato", "pipeline",
                                  "Nord Stream", "NATOs", "Sanktion", "Kremlin", "nord-stream"]),
                 max_size=40).map("".join)


def _plain(prefixes, words):
    """The vocabulary regex as it was written before it was grouped by first letter."""
    def alt(p):
        return re.escape(p).replace(r"\ ", "[ -]?")

    alts = [alt(p) for p in sorted(prefixes, key=len, reverse=True)]
    alts += [alt(w) + r"s?(?![^\W\d_])" for w in sorted(words, key=len, reverse=True)]
    return re.compile(rf"(?<![^\W\d_])(?:{'|'.join(alts) or '(?!)'})", re.IGNORECASE)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_grouped_vocabulary_regex_finds_what_the_plain_one_finds(text):
    from framing.stance import _vocabulary_re

    prefixes, words = ("kreml", "putin", "pipeline", "nord stream", "sanktion", "pip"), ("nato", "krim")
    fast = _vocabulary_re(prefixes, words)
    assert "(?<=" in fast.pattern  # the grouped form is the one tested
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in _plain(prefixes, words).finditer(text)]


def test_generations_keep_what_is_used_and_stay_bounded():
    cache = Generations(3)
    cache.put("common", 1)
    for i in range(100):
        cache.put(f"rare{i}", i)
        assert cache.get("common") == 1  # asked for again and again: never dropped
        assert len(cache) <= 6
    assert cache.get("rare0") is None  # not asked for since: dropped


def test_token_caches_do_not_change_the_tokens():
    text = "„Die Asyl- und Migrationspolitik“, sagte Bürger*innen-Vertreterin Müller am 3. Mai 2024."
    before = [(t.start, t.end, t.text, t.lemma) for t in tokenize(text).tokens]
    try:
        limit_caches(2)
        assert [(t.start, t.end, t.text, t.lemma) for t in tokenize(text).tokens] == before
    finally:
        limit_caches()


def test_quote_caches_are_bounded_and_keep_the_quotes():
    from framing.quotes import _words, find_quotes
    from framing.text import CACHE_GENERATION, text_layer

    texts = [f"„Das ist Fall {i}“, sagte Ministerin Wortmann{i} am Montag. Sie habe Zeuge{i} gehört, "
             f"erklärte der Sprecher Müllerich{i}." for i in range(30)]
    before = [find_quotes(tokenize(t)) for t in texts]
    w = _words(text_layer().language)
    caches = [w.codes, w.names, w.known, w.old_lemmas]
    try:
        for c in caches:  # generations of 3 entries: nearly every lookup misses
            c.size = 3
            c.clear()
        assert [find_quotes(tokenize(t)) for t in texts] == before
        assert all(len(c) <= 6 for c in caches)
    finally:
        for c in caches:
            c.size = CACHE_GENERATION
            c.clear()


def test_new_word_caches_are_small_and_bounded():
    from framing.lexicon import default_lexicon
    from framing.matching import _NEW_TYPE_CACHE, Matcher
    from framing.text import CACHE_GENERATION

    m = Matcher(default_lexicon())
    assert m.morph.stems("verharmlosten") == m.morph._stems("verharmlosten")
    for f in (m.morph.stems, m.morph.folded_stems):
        assert f.cache_info().maxsize == _NEW_TYPE_CACHE  # type: ignore[attr-defined]
    assert m._word_matches.cache_info().maxsize == CACHE_GENERATION

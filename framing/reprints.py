"""Near-duplicates: wire copy carried by many sites, reprints and mirrors, in near-linear time.

Each text is reduced to a MinHash signature of its word 5-grams (Broder 1997): PERMUTATIONS
hash functions, each keeping the smallest hash of any 5-gram; the share of equal entries of two
signatures estimates the Jaccard similarity of their 5-gram sets. Locality-sensitive hashing
(BANDS bands of ROWS entries; two texts are candidates when one band is equal) finds the
candidates without comparing every pair: with 16 bands of 4 rows a pair of Jaccard 0.5 is found
with probability 1 − (1 − 0.5⁴)¹⁶ ≈ 0.64, of Jaccard 0.7 ≈ 0.99 and of 0.8 (a reprint with a
new headline and a cut paragraph) ≈ 1.
A candidate counts when the estimated share of the shorter text's 5-grams found in the other
is at least REPRINT_OVERLAP (containment, from the Jaccard estimate and the 5-gram counts:
an excerpt of a longer wire story counts too).

Texts with the same text form a group (union of verified pairs, each text compared with the
first text of its bucket only, so 5,000 copies cost 5,000 comparisons, not 12.5 million); the
group's first text (earliest date, then id) is the original the others are reprints of.
Hashes are zlib.crc32 of the words and fixed multipliers: the same input gives the same groups
on every run and machine, in any order.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import compress
from operator import attrgetter
from typing import Any

import numpy as np

from framing.text import fill_missing

SHINGLE = 5
PERMUTATIONS = 64
BANDS, ROWS = 16, 4
REPRINT_OVERLAP = 0.5  # share of the shorter text's 5-grams found in the other
_RNG = np.random.default_rng(20240601)
_MULT = (_RNG.integers(1, 2**63, PERMUTATIONS, dtype=np.uint64) << np.uint64(1)) | np.uint64(1)  # odd
_ADD = _RNG.integers(0, 2**63, PERMUTATIONS, dtype=np.uint64)
_POW = np.array([pow(1_000_003, k, 2**64) for k in range(SHINGLE)], dtype=np.uint64)
_EMPTY = np.full(PERMUTATIONS, np.iinfo(np.uint64).max, dtype=np.uint64)


@dataclass(frozen=True, slots=True)
class Reprint:
    a: str  # the original (earliest, then smallest id)
    b: str  # the copy
    overlap: float  # estimated share of the shorter text's 5-grams found in the other


class _WordHashes(dict[str, int]):
    """Lower-cased word → crc32 (made odd), computed on first sight; shared by the texts of a run."""

    def __missing__(self, w: str) -> int:
        h = self[w] = zlib.crc32(w.encode("utf-8")) | 1
        return h


_NO_WORD = 2  # even, unlike every word's hash; not 0, so that a list of them is all true (fill_missing)


class _TypeHashes(dict[str, int]):
    """Surface form of a token → the hash of its lower-cased word (`_WORDS`), _NO_WORD for a
    token that is no word (punctuation, symbols); what a token counts as does not depend on the
    language."""

    def of(self, tt: Any) -> int:
        h = self[tt.text] = _WORDS[tt.low] if tt.is_word else _NO_WORD
        return h


_WORDS = _WordHashes()
_TYPES = _TypeHashes()
_LOW, _IS_WORD, _TEXT = attrgetter("low"), attrgetter("is_word"), attrgetter("text")


def words_of(doc: Any) -> list[str]:
    """The lower-cased words of a framing.text.Doc, in order."""
    return list(compress(map(_LOW, doc.types), map(_IS_WORD, doc.types)))


def word_hashes(doc: Any) -> np.ndarray:
    """The hashes of the words of a framing.text.Doc, in order (those of `words_of`): looked up
    per token in C, only forms seen for the first time computed in Python."""
    if len(_TYPES) > 500_000:
        _TYPES.clear()
    if len(_WORDS) > 500_000:
        _WORDS.clear()
        _TYPES.clear()
    types = doc.types
    got = list(map(_TYPES.get, map(_TEXT, types)))
    fill_missing(got, lambda k: _TYPES.of(types[k]))
    h = np.array(got, dtype=np.uint64)
    return h[h != _NO_WORD]


def signature(words: Sequence[str]) -> tuple[np.ndarray, int]:
    """MinHash signature of the word 5-grams of a text (lower-cased words) and their number."""
    if len(_WORDS) > 500_000:
        _WORDS.clear()
        _TYPES.clear()
    return minhash(np.fromiter(map(_WORDS.__getitem__, words), dtype=np.uint64, count=len(words)))


def minhash(h: np.ndarray) -> tuple[np.ndarray, int]:
    """MinHash signature of the 5-grams of a text given as its words' hashes (uint64), and the
    number of distinct 5-grams. The smallest value of each hash function over all 5-grams is
    that over the distinct ones: only their number needs them made unique."""
    n = len(h) - SHINGLE + 1
    if n <= 0:
        return _EMPTY, 0
    with np.errstate(over="ignore"):
        sh = h[:n] * _POW[0]
        for k in range(1, SHINGLE):
            sh += h[k : k + n] * _POW[k]
        sh = np.unique(sh)
        values = np.multiply.outer(_MULT, sh)
        values += _ADD[:, None]
        sig = values.min(axis=1)
    return sig, len(sh)


def _containment(sa: np.ndarray, na: int, sb: np.ndarray, nb: int) -> float:
    if not na or not nb:
        return 0.0
    j = float(np.mean(sa == sb))
    both = j * (na + nb) / (1 + j)
    return min(1.0, both / min(na, nb))


def reprint_groups(keys: Sequence[tuple[str, str, str]], sigs: Sequence[np.ndarray],
                   sizes: Sequence[int], overlap: float = REPRINT_OVERLAP) -> list[Reprint]:
    """Reprints among texts given as (sort key, id, date) with their signatures and 5-gram counts:
    each copy against the original of its group."""
    order = sorted(range(len(keys)), key=lambda i: keys[i])
    parent = list(range(len(keys)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    rank = {i: r for r, i in enumerate(order)}
    for band in range(BANDS):
        head: dict[bytes, int] = {}
        lo, hi = band * ROWS, (band + 1) * ROWS
        for i in order:
            if not sizes[i]:
                continue
            key = sigs[i][lo:hi].tobytes()
            first = head.setdefault(key, i)
            if first == i:
                continue
            a, b = find(first), find(i)
            if a != b and _containment(sigs[first], sizes[first], sigs[i], sizes[i]) >= overlap:
                a, b = (a, b) if rank[a] < rank[b] else (b, a)
                parent[b] = a
    out = []
    for i in order:
        root = find(i)
        if root != i:
            out.append(Reprint(keys[root][1], keys[i][1],
                               round(_containment(sigs[root], sizes[root], sigs[i], sizes[i]), 3)))
    return sorted(out, key=lambda r: (r.a, r.b))


def find_reprints(scores: Sequence[object]) -> list[Reprint]:
    """Reprints among scored articles (framing.scoring.ArticleScore)."""
    keys, sigs, sizes = [], [], []
    for s in scores:
        a = s.analysed.article  # type: ignore[attr-defined]
        sig, n = minhash(word_hashes(s.analysed.doc))  # type: ignore[attr-defined]
        keys.append((a.date or "9999", a.id, a.source))
        sigs.append(sig)
        sizes.append(n)
    return reprint_groups(keys, sigs, sizes)


def originals(reprints: Sequence[Reprint]) -> dict[str, str]:
    """Copy id → original id."""
    return {r.b: r.a for r in reprints}

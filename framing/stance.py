"""Stance on a named axis: a sentence classifier, lexicon leanings and sourcing, per article.

Signals (all on the axis -1 … +1; for `kremlin`: -1 critical of the Russian government,
+1 sympathetic to it or hostile to its Western opponents; SIGNALS, SIGNAL_MEANING):

* classifier, classifier_median, classifier_lead: a calibrated linear model (LinearSVC +
  sigmoid calibration) over hashed lemma word 1–2-grams, hashed lemma affixes and lexicon
  features, applied to every sentence with the quotations and reported speech masked out (a
  quoted Kremlin statement is not the outlet's stance) and the axis's conventional wording left
  out (axes.toml `conventional`: Angriffskrieg, Invasion … are no stance by themselves). Per
  sentence max(0, p(aligned) - 1/3) - max(0, p(critical) - 1/3): only what a pole's probability
  has above chance (DECIDED) counts; averaged (headlines count more, PART_FACTOR), the median
  sentence's, and the headline and lead's. classifier_article: the same model on all the
  article's own-voice sentences read at once (their counts summed into one row, bigrams kept
  inside each sentence, featurise_articles): weak cues spread over many sentences add up in its
  linear margin instead of each falling below chance on its own; the sentences whose words push
  that margin towards the pole the article reaches carry the signal, each by its part of the
  margin (sentence_margins), so it stays traceable to words.
* labels: own-voice loaded words, +weight for aligned, -weight for critical; words aimed at
  someone take the direction of their target (`framing.targets`); shrunk towards 0 by
  LEXICON_PRIOR so that one word is weak evidence. doubt: the same for doubt and distancing
  words and judging reporting verbs, by whose claim they doubt.
* sourcing: quoted words by the camp of their speaker; balance: the camps of the quoted
  speakers (one-sided sourcing towards the positive pole counts +).

stance = Σ weight·signal, clipped to [-1, 1], with the weights of lexicons/stance-weights.toml,
chosen by leave-one-event-out cross-validation on labelled real articles (framing.stance_fit;
`framing evaluate stance --articles DIR --gold GOLD --manifest MANIFEST --fit-weights FILE`).
Before the stance, the topic check (axes.toml `about`, `vocabulary`) decides whether the article
is about the axis at all; an article that is not gets "off-axis" and a reason, no number.
"""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import io
import math
import re
import tomllib
import zipfile
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, partial
from itertools import chain, repeat
from operator import attrgetter, mul
from pathlib import Path
from typing import Any, Final, NamedTuple

import numpy as np
from scipy import sparse

from framing.actors import ActorList, default_actors, doc_mentions
from framing.articles import Article
from framing.errors import InputError, ModelError
from framing.languages import DEFAULT as DEFAULT_LANGUAGE
from framing.languages import Language
from framing.lexicon import Entry, Lexicon, read_axis
from framing.matching import Hit, Matcher
from framing.readers import guess_delimiter
from framing.resources import lexicon_root
from framing.targets import Target, resolve_targets, speaker_actor
from framing.textlayer import Analysed, analyse
from framing.weighting import OWN_VOICES, PART_FACTOR

LABELS: Final = ("critical", "neutral", "aligned")
W_CLASSIFIER: Final = 0.6
W_LEXICON: Final = 0.3
W_SOURCING: Final = 0.1
LEXICON_PRIOR: Final = 3.0  # Σ|weight| of own-voice hits that counts as half-way to full evidence
SOURCING_PRIOR: Final = 60.0  # quoted words that count as half-way to full evidence
NEUTRAL_BAND: Final = 0.1  # |stance| below this is "neutral"
# A sentence counts for a pole by how far the classifier's probability of that pole exceeds
# chance among the three labels (1/3): a plain report whose p(critical) is 0.3 moves nothing,
# where a plain mean of p(aligned) - p(critical) lets the small leanings of many neutral
# sentences (the topic's words: "russisch", "westlich") outweigh the few sentences that take a side.
DECIDED: Final = 1 / 3
MIN_EVIDENCE: Final = 2  # fewer evidential sentences + directed hits: "insufficient evidence"
EVIDENCE_SCALE: Final = 6.0  # confidence reaches 63% of its agreement at this much evidence
EVIDENCE_SENTENCES: Final = 3
N_FEATURES: Final = 2**18
MODEL_FORMAT: Final = 1
MASK: Final = "⟨zitat⟩"
_TRUSTED_TYPES: Final = frozenset({
    "sklearn.calibration.CalibratedClassifierCV", "sklearn.calibration._CalibratedClassifier",
    "sklearn.calibration._SigmoidCalibration", "sklearn.svm._classes.LinearSVC",
    "sklearn.preprocessing._label.LabelEncoder", "sklearn.model_selection._split.StratifiedKFold",
    "builtins.dict", "builtins.list", "builtins.str", "builtins.tuple", "builtins.int", "builtins.float",
    "numpy.ndarray", "numpy.dtype", "numpy.int64", "numpy.float64", "numpy.core.multiarray._reconstruct",
})


# --- labelled data ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Example:
    id: str
    text: str
    label: str
    source: str  # file:line, or the seed and sentence it was annotated from
    topic: str = ""
    case: str = ""


def read_labelled(path: str | Path, text_column: str = "text", label_column: str = "label",
                  labels: Sequence[str] = LABELS) -> list[Example]:
    """Labelled texts from a CSV (or TSV); the first bad row raises InputError(FILE:LINE: …)."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as e:
        raise InputError(f"{p}: cannot read ({e.strerror}); check the path") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(f"{p}: not UTF-8 (byte {e.start}); save the file as UTF-8") from None
    return parse_labelled(text, str(p), text_column, label_column, labels)


def parse_labelled(text: str, shown: str, text_column: str = "text", label_column: str = "label",
                   labels: Sequence[str] = LABELS) -> list[Example]:
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=guess_delimiter(text))
    columns = reader.fieldnames or []
    for col, opt in ((text_column, "--text-column"), (label_column, "--label-column")):
        if col not in columns:
            raise InputError(f"{shown}:1: no column '{col}' (columns: {', '.join(columns) or 'none'}); "
                             f"name it with {opt}")
    out: list[Example] = []
    for row in reader:
        line = reader.line_num
        t = (row.get(text_column) or "").strip()
        lab = (row.get(label_column) or "").strip().lower()
        if not t:
            raise InputError(f"{shown}:{line}: empty text; fill it in or delete the row")
        if lab not in labels:
            raise InputError(f"{shown}:{line}: unknown label '{lab}'; use one of {', '.join(labels)}")
        out.append(Example((row.get("id") or f"row{line}").strip(), t, lab, (row.get("source") or f"{shown}:{line}"),
                           (row.get("topic") or "").strip(), (row.get("case") or "").strip()))
    if not out:
        raise InputError(f"{shown}: no labelled rows")
    present = sorted({e.label for e in out})
    if len(present) < 2:
        raise InputError(f"{shown}: only one label ('{present[0]}'); a classifier needs at least two")
    return out


@dataclass(frozen=True, slots=True)
class ShippedData:
    version: str  # name, version and a digest of the files
    axis: str
    team: tuple[Example, ...]
    seeds: tuple[Example, ...]


def shipped_data(lexicon_folder: str = DEFAULT_LANGUAGE) -> ShippedData:
    """The team-written stance sentences shipped with the lexicon folder of a language
    (lexicons/<folder>/stance.toml; German's by default)."""
    return _shipped_data(lexicon_folder)


@cache
def _shipped_data(name: str) -> ShippedData:
    folder = lexicon_root() / name
    if not (folder / "stance.toml").is_file():
        raise ModelError(f"lexicons/{name} has no stance data (stance.toml): give a model trained on your labels "
                         "(`framing train DATA.csv -o MODEL`, then --model MODEL), or use --no-stance")
    manifest = tomllib.loads((folder / "stance.toml").read_text(encoding="utf-8"))
    digest = hashlib.sha256()
    parts = []
    for key in ("team", "seeds"):
        text = (folder / manifest[key]).read_text(encoding="utf-8")
        digest.update(text.encode("utf-8"))
        parts.append(tuple(parse_labelled(text, f"lexicons/{name}/{manifest[key]}")))
    version = f"{manifest['name']} {manifest['version']} ({digest.hexdigest()[:12]})"
    return ShippedData(version, str(manifest.get("axis", "kremlin")), parts[0], parts[1])


# --- the axis: topic and conventional wording ----------------------------------------------


@dataclass(frozen=True, slots=True)
class AxisTopic:
    """What makes an article be about an axis, and which words on it are conventional
    (lexicons/axes.toml: `about`, `vocabulary`, `min_mentions`, `min_sentences`, `conventional`)."""

    axis: str
    about: frozenset[str] = frozenset()  # actor camps the axis is about
    vocabulary: tuple[str, ...] = ()  # lemma prefixes that name the axis's subject
    min_mentions: int = 0
    min_sentences: int = 0
    conventional: frozenset[str] = frozenset()
    words: tuple[str, ...] = ()  # whole words that name the axis's subject (a genitive -s allowed)
    off_topic: tuple[str, ...] = ()  # prefixes of another subject (sport, weather) that can name its actors
    off_topic_ratio: float = 1.0  # off-topic words ≥ ratio × axis mentions: about that subject


def _toml(text: str, shown: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise ModelError(f"{shown}: not valid TOML ({e})") from None


def parse_axis_topic(text: str, shown: str, axis: str) -> AxisTopic:
    data = _toml(text, shown)
    v = data.get(axis)
    if not isinstance(v, dict):
        raise ModelError(f"{shown}: no axis '{axis}'; defined: {', '.join(data) or 'none'}")

    def words(key: str) -> tuple[str, ...]:
        x = v.get(key, [])
        if not isinstance(x, list) or not all(isinstance(w, str) and w.strip() for w in x):
            raise ModelError(f"{shown}: [{axis}] {key} must be a list of words")
        return tuple(w.strip().lower() for w in x)

    def number(key: str) -> int:
        x = v.get(key, 0)
        if not isinstance(x, int) or x < 0:
            raise ModelError(f"{shown}: [{axis}] {key} must be a whole number >= 0")
        return x

    ratio = v.get("off_topic_ratio", 1.0)
    if not isinstance(ratio, int | float) or ratio <= 0:
        raise ModelError(f"{shown}: [{axis}] off_topic_ratio must be a number above 0")
    return AxisTopic(axis, frozenset(words("about")), words("vocabulary"), number("min_mentions"),
                     number("min_sentences"), frozenset(words("conventional")), words("words"),
                     words("off_topic"), float(ratio))


@cache
def axis_topic(axis: str) -> AxisTopic:
    """The shipped axis's topic definition (an axis without one is never off-axis)."""
    text = (lexicon_root() / "axes.toml").read_text(encoding="utf-8")
    try:
        return parse_axis_topic(text, "lexicons/axes.toml", axis)
    except ModelError:
        return AxisTopic(axis)


@cache
def _vocabulary_re(prefixes: tuple[str, ...], words: tuple[str, ...] = ()) -> re.Pattern[str]:
    """Words starting with a vocabulary prefix, also inside hyphenated compounds
    ("deutsch-russisch", "Putin-Kritiker"; a space in a prefix matches a space or hyphen), and
    whole words (with a genitive -s: "Krim", "Nato", not "Kriminalität")."""
    def alt(p: str) -> str:
        return re.escape(p).replace(r"\ ", "[ -]?")

    pairs = [(p, alt(p)) for p in sorted(prefixes, key=len, reverse=True)]
    pairs += [(w, alt(w) + r"s?(?![^\W\d_])") for w in sorted(words, key=len, reverse=True)]
    if pairs and all(p[:1].isalpha() for p, _ in pairs):
        # the same matches, found faster: candidates start with one of the first letters, and
        # the alternatives are grouped by that letter (in their order), so a word start is
        # tried against its own group only, not against every alternative
        groups: dict[str, list[str]] = {}
        for p, a in pairs:
            groups.setdefault(p[0].lower(), []).append(a[len(re.escape(p[0])):])
        firsts = "".join(re.escape(c) for c in groups)
        branches = "|".join(f"(?<={re.escape(c)})(?:{'|'.join(rest)})" for c, rest in groups.items())
        return re.compile(rf"[{firsts}](?<![^\W\d_].)(?:{branches})", re.IGNORECASE)
    alts = [a for _, a in pairs]
    return re.compile(rf"(?<![^\W\d_])(?:{'|'.join(alts) or '(?!)'})", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class TopicCheck:
    on_axis: bool
    mentions: int  # actor mentions of the axis's camps + axis vocabulary words
    sentences: int  # sentences holding one
    reason: str


def topic_check(an: Analysed, topic: AxisTopic, actors: ActorList | None = None) -> TopicCheck:
    """Is the article about the axis? Counts mentions of actors in the axis's `about` camps
    and words starting with its vocabulary, in the whole text (quotations included: an article
    quoting the Kremlin is about it)."""
    if not topic.about and not topic.vocabulary and not topic.words:
        return TopicCheck(True, 0, 0, "the axis defines no topic")
    actors = actors or default_actors()
    doc = an.doc
    where: list[int] = []
    spans: list[tuple[int, int]] = []
    if topic.vocabulary or topic.words:
        for found in _vocabulary_re(topic.vocabulary, topic.words).finditer(doc.text):
            spans.append((found.start(), found.end()))
            where.append(doc.sentence_at(found.start()))
    span_starts = [a for a, _ in spans]  # (the matches of one regex: sorted, not overlapping)
    for m in doc_mentions(doc, actors):  # named actors the vocabulary does not cover (Peskow, Lawrow)
        if m.actor.camp in topic.about:
            k = bisect_right(span_starts, m.start) - 1  # the one span that may hold the mention
            if k < 0 or m.start >= spans[k][1]:
                where.append(m.sentence)
    n, sents = len(where), len(set(where))
    need_sentences = min(topic.min_sentences, len(doc.sentences))  # a one-sentence article can qualify
    other = sum(1 for _ in _vocabulary_re(topic.off_topic).finditer(doc.text)) if topic.off_topic else 0
    if other and other >= topic.off_topic_ratio * n:
        return TopicCheck(False, n, sents,
                          f"not about this axis: {other} words of another subject (such as "
                          f"{', '.join(p + '…' for p in topic.off_topic[:3])}) against {n} mention(s) of its own")
    if n >= topic.min_mentions and sents >= need_sentences:
        return TopicCheck(True, n, sents, f"{n} mentions of the axis's subject in {sents} sentences")
    camps = ", ".join(sorted(topic.about)) or "none"
    return TopicCheck(False, n, sents,
                      f"not about this axis: {n} mention(s) of its subject (actors of the camps {camps}, words "
                      f"such as {', '.join(p + '…' for p in topic.vocabulary[:3])}) in {sents} sentence(s); at least "
                      f"{topic.min_mentions} in {topic.min_sentences} sentences are needed")


def on_axis(lexicon: Lexicon, axis: str) -> Lexicon:
    """The lexicon scored on another shipped axis (lexicons/axes.toml): entries whose leaning is
    a pole of the lexicon's own axis count as "none" there (their side is not defined on it);
    words aimed at someone follow the camp of their target on the new axis."""
    if not axis or axis == lexicon.axis:
        return lexicon
    ax = read_axis(axis)
    entries = tuple(dataclasses.replace(e, leaning="none") if e.leaning in lexicon.poles else e
                    for e in lexicon.entries)
    return dataclasses.replace(lexicon, version=f"{lexicon.version} (axis {axis})", axis=axis,
                               poles=(ax.negative, ax.positive), axis_def=ax, entries=entries)


@cache
def axis_sentences(axis: str) -> tuple[Example, ...]:
    """The team-written training sentences of a shipped axis (`sentences` in axes.toml), if any."""
    data = tomllib.loads((lexicon_root() / "axes.toml").read_text(encoding="utf-8")).get(axis, {})
    name = data.get("sentences") if isinstance(data, dict) else None
    if not name:
        return ()
    node = lexicon_root()
    for part in str(name).split("/"):
        node = node / part
    return tuple(parse_labelled(node.read_text(encoding="utf-8"), f"lexicons/{name}"))


# --- features --------------------------------------------------------------------------------


class SentenceView(NamedTuple):
    """One sentence as the classifier sees it: own-voice lemmas, quotations masked (a named
    tuple: an article makes dozens of them)."""

    index: int  # type: ignore[assignment]  # (shadows tuple.index, as intended)
    text: str  # "" for the sentences of an article (the text is read from the document when shown)
    lemmas: Sequence[str]
    own_words: int
    words: int
    part: str
    lexicon: tuple[float, float, float, float]  # critical, aligned, resolved target, scare quotes


@cache
def _writer_speakers(language: Language) -> frozenset[str]:
    return language.words("writer_speakers")


def sentence_views(an: Analysed, hits: Sequence[Hit], axis_camps: dict[str, float],
                   actors: ActorList | None = None, targets: dict[int, Target] | None = None,
                   conventional: frozenset[str] = frozenset()) -> list[SentenceView]:
    """The sentences of an analysed article, with quoted and reported words masked, and the
    own-voice lexicon evidence per sentence (targets by hit index, see framing.targets).
    Conventional wording of the axis (and compounds ending in it) is left out: the classifier
    neither learns nor applies it as stance."""
    actors = actors or default_actors()
    doc = an.doc
    # reported speech whose speaker is the writer (the language's "writer_speakers": "ich", "wir")
    # is the outlet's own voice: not masked for the classifier (inside a quotation of someone
    # else, that quotation still masks it)
    first_person = _writer_speakers(doc.language)
    spans = sorted((q.start, q.end) for q in an.quotes
                   if q.kind in ("direct", "reported") and q.speaker.strip().lower() not in first_person)
    own_voices = OWN_VOICES  # (a local: compiled, an imported name is a dict lookup per use)
    own_hits = [h for h in hits if h.voice in own_voices]
    own_index: Sequence[int]
    if targets is None:
        targets = resolve_targets(an, own_hits, axis_camps, actors)  # kremlin poles: the default
        own_index = range(len(own_hits))
    else:  # targets are indexed by position in `hits`
        own_index = [i for i, h in enumerate(hits) if h.voice in own_voices]
    lex: dict[int, list[float]] = {}
    for h, i in zip(own_hits, own_index, strict=True):
        row = lex.setdefault(h.sentence, [0.0, 0.0, 0.0, 0.0])
        w = h.entry.weight
        target = targets.get(i)
        if conventional and is_conventional(h.entry, conventional, h.lemma):
            continue
        if h.how == "scare-quote":
            row[3] += 1
        elif target is not None:
            row[2] += w * target.sign  # aimed at an actor, or doubting / doubted (framing.targets)
        elif h.entry.leaning == "critical":
            row[0] += w
        elif h.entry.leaning == "aligned":
            row[1] += w
    views = []
    k = 0
    types, starts_col = doc.types, doc.starts
    sentence_parts = an.article.parts_at(doc.sentence_starts)
    empty = (0.0, 0.0, 0.0, 0.0)
    # the lemmas of all words in text order, and the number of words before each token: a
    # sentence's own lemmas are then one slice, not a Python loop per token
    word_lemmas: list[str] = []
    word_prefix = [0]
    n_words = 0
    conv_ends = tuple(c for c in conventional if " " not in c and len(c) >= 6)
    for t in types:  # one loop: compiled (mypyc), a field read per token
        if t.is_word:
            lem = t.lemma_low
            if not (conv_ends and (lem in conventional or lem.endswith(conv_ends))):
                word_lemmas.append(lem)  # conventional wording is left out (a mask token would learn its side)
                n_words += 1
        word_prefix.append(n_words)
    n_spans = len(spans)
    new_view, bisect = _NEW_VIEW, bisect_left
    for s in doc.sentences:
        first, last = s.first_token, s.last_token
        while k < n_spans and spans[k][1] <= s.start:
            k += 1
        # token ranges of the quotations overlapping this sentence
        inside: list[tuple[int, int]] = []
        j = k
        while j < n_spans and spans[j][0] < s.end:
            a = bisect(starts_col, spans[j][0], first, last)
            b = bisect(starts_col, spans[j][1], first, last)
            if b > a:
                inside.append((a, b))
            j += 1
        if not inside:  # the fast path: no quotation in this sentence
            lemmas = word_lemmas[word_prefix[first] : word_prefix[last]]
            own = words = len(lemmas)
        else:
            lemmas = []
            own = words = 0
            pos = first
            for a, b in inside:
                if b <= pos:
                    continue  # nested in a span already masked
                if a < pos:
                    a = pos
                seg = word_lemmas[word_prefix[pos] : word_prefix[a]]
                lemmas += seg
                own += len(seg)
                quoted = word_prefix[b] - word_prefix[a]
                if quoted:
                    if not lemmas or lemmas[-1] != MASK or seg:
                        lemmas.append(MASK)
                    words += quoted
                pos = max(pos, b)
            seg = word_lemmas[word_prefix[pos] : word_prefix[last]]
            lemmas += seg
            own += len(seg)
            words += own
        lex_row = lex.get(s.index)
        views.append(new_view((s.index, "", lemmas, own, words, sentence_parts[s.index],
                               empty if lex_row is None else (lex_row[0], lex_row[1], lex_row[2], lex_row[3]))))
    return views


_NEW_VIEW: Final = partial(tuple.__new__, SentenceView)  # a view from a tuple of its fields, in C
_LEMMAS_OF: Final = attrgetter("lemmas")
_LEXICON_OF: Final = attrgetter("lexicon")
_LEMMA_TABLE_LIMIT: Final = 150_000
_GOLDEN: Final = 0x9E3779B1  # mixes two word hashes into one bigram index


class _LemmaTable:
    """Hashed columns of every lemma seen, as rows of one numpy array: the word itself, then
    for lemmas of 7+ characters its 4-character prefix and suffix (-1 for none; cheap
    morphology standing in for character n-grams at a fraction of their cost: Angriffskrieg →
    <angr, rieg>). A lemma is hashed once; sentences then look up row numbers."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}  # lemma -> row; ids start at 1 (0: not seen yet)
        self.rows = np.zeros((1024, 3), dtype=np.int64)

    def add(self, lemma: str) -> int:
        from sklearn.utils import murmurhash3_32

        keys = [lemma]
        if len(lemma) >= 7 and lemma != MASK:
            keys += [f"<{lemma[:4]}", f"{lemma[-4:]}>"]
        cols = [murmurhash3_32(k, positive=True) % N_FEATURES for k in keys]
        i = len(self.ids) + 1
        if i >= len(self.rows):
            self.rows = np.concatenate([self.rows, np.zeros_like(self.rows)])
        self.rows[i] = cols if len(cols) == 3 else (cols[0], -1, -1)
        self.ids[lemma] = i
        return i

    def lookup(self, lemmas: list[str]) -> np.ndarray:
        """The (len(lemmas), 3) column table of a lemma sequence."""
        if len(self.ids) + len(lemmas) > _LEMMA_TABLE_LIMIT:  # bound the memory of very long runs
            self.ids.clear()  # between lookups, so no id handed out in this one goes stale
        get = self.ids.get
        ids = list(map(get, lemmas, repeat(0)))
        if not all(ids):  # lemmas seen for the first time: found by int comparisons (fast in C)
            k = ids.index(0)
            while True:
                lemma = lemmas[k]
                ids[k] = get(lemma) or self.add(lemma)  # (added earlier in this list, or now)
                try:
                    k = ids.index(0, k + 1)
                except ValueError:
                    break
        # (an int array through array("q") converts faster than np.array of a list; take() is a
        # third of fancy indexing's time)
        return self.rows.take(np.frombuffer(array("q", ids), dtype=np.int64), axis=0)


_LEMMAS: Final = _LemmaTable()


def _word_counts(views: Sequence[SentenceView]) -> sparse.csr_matrix:
    """Raw counts of hashed lemma unigrams, bigrams (never across two views) and affixes, one
    row per view, duplicates summed (not yet scaled)."""
    n = len(views)
    table = _LEMMAS.lookup(list(chain.from_iterable(map(_LEMMAS_OF, views))))  # all sentences one after another
    u = table[:, 0]
    ur = np.repeat(np.arange(n, dtype=np.int64), [len(v.lemmas) for v in views])
    has = table[:, 1:] >= 0  # affix columns of long lemmas
    same = ur[1:] == ur[:-1]  # bigrams never cross a sentence
    bigrams = ((u[:-1] * _GOLDEN + u[1:]) % N_FEATURES)[same]
    rows = np.concatenate([ur, ur[1:][same], np.repeat(ur[:, None], 2, axis=1)[has]])
    cols = np.concatenate([u, bigrams, table[:, 1:][has]])
    words = sparse.csr_matrix((np.ones(len(cols)), (rows, cols)), shape=(n, N_FEATURES))
    words.sum_duplicates()
    return words


def _unit_rows(words: sparse.csr_matrix) -> None:
    """Scale each row of a count matrix to unit length, in place."""
    n = words.shape[0]
    # row norms from the summed counts, in storage order (as words.multiply(words).sum(axis=1)
    # adds them, without building that matrix)
    per_row = np.diff(words.indptr)
    norms = np.sqrt(np.bincount(np.repeat(np.arange(n), per_row), weights=words.data * words.data, minlength=n))
    norms[norms == 0] = 1.0
    words.data *= np.repeat(1.0 / norms, per_row)  # each row to unit length, in place


def _dense(lex: np.ndarray, own: np.ndarray) -> np.ndarray:
    """The 5 dense columns from the (n, 4) lexicon sums (critical, aligned, resolved target, scare
    quotes) and the (n, 1) share of quoted words."""
    return np.hstack([np.minimum(lex[:, :2], 4) / 2, np.clip(lex[:, 2:3], -2, 2), np.minimum(lex[:, 3:4], 2), own])


def featurise(views: Sequence[SentenceView]) -> sparse.csr_matrix:
    """Feature matrix: hashed lemma unigrams, bigrams and affixes (counts, rows scaled to unit
    length), then 5 dense lexicon columns."""
    n = len(views)
    words = _word_counts(views)
    _unit_rows(words)
    lex = np.fromiter(chain.from_iterable(map(_LEXICON_OF, views)), dtype=np.float64, count=4 * n).reshape(n, 4)
    own = np.fromiter((1.0 - (v.own_words / v.words if v.words else 1.0) for v in views), dtype=np.float64,
                      count=n).reshape(n, 1)
    return sparse.hstack([words, sparse.csr_matrix(_dense(lex, own))], format="csr")


class PooledFeatures(NamedTuple):
    """Each article's own-voice sentences read at once (one row per article) and what each
    sentence adds to that row, for tracing the article-level verdict back to its sentences."""

    x: sparse.csr_matrix  # one row per article: summed counts scaled to unit length, dense columns of the sums
    counts: sparse.csr_matrix  # one row per sentence (all articles one after another): raw counts
    norms: np.ndarray  # per article: the length its summed counts were divided by
    lex: np.ndarray  # per sentence: the 4 lexicon sums
    quoted: np.ndarray  # per sentence: its quoted words


def featurise_articles(groups: Sequence[Sequence[SentenceView]]) -> PooledFeatures:
    """One feature row per group of sentence views (an article's own-voice sentences), in the
    classifier's feature space: the sentences' counts summed (bigrams stay inside a sentence),
    scaled to unit length, and the dense lexicon columns of the summed lexicon evidence and
    quoted share. A linear model's margin on such a row is the sum of what each sentence's words
    add to it (PooledFeatures keeps those parts)."""
    flat = [v for g in groups for v in g]
    n, k = len(groups), len(flat)
    counts = _word_counts(flat) if flat else sparse.csr_matrix((0, N_FEATURES))
    owner = np.repeat(np.arange(n, dtype=np.int64), [len(g) for g in groups])
    agg = sparse.csr_matrix((np.ones(k), (owner, np.arange(k, dtype=np.int64))), shape=(n, k))
    words = (agg @ counts).tocsr()
    words.sum_duplicates()
    words.sort_indices()
    norms = np.sqrt(np.asarray(words.multiply(words).sum(axis=1)).ravel())
    _unit_rows(words)
    lex = np.fromiter(chain.from_iterable(map(_LEXICON_OF, flat)), dtype=np.float64, count=4 * k).reshape(k, 4)
    quoted = np.fromiter((v.words - v.own_words for v in flat), dtype=np.float64, count=k)
    all_words = agg @ np.fromiter((v.words for v in flat), dtype=np.float64, count=k)
    own = (1.0 - np.divide(all_words - agg @ quoted, all_words, out=np.zeros(n), where=all_words > 0))
    own[all_words == 0] = 0.0
    dense = _dense(agg @ lex, own.reshape(n, 1))
    x = sparse.hstack([words, sparse.csr_matrix(dense)], format="csr")
    return PooledFeatures(x, counts, norms, lex, quoted)


def pole_margin(model: StanceModel) -> np.ndarray | None:
    """The linear model's margin of "aligned" over "critical" per feature (the difference of
    their coefficient rows), or None when the classifier has no linear coefficients (a user's
    model of another kind)."""
    try:
        est = model.classifier.calibrated_classifiers_[0].estimator
        coef = np.asarray(est.coef_, dtype=np.float64)
        classes = [str(c) for c in est.classes_]
    except (AttributeError, IndexError, TypeError):
        return None
    if coef.shape[0] == 1 and len(classes) == 2:  # binary: the row scores classes[1] against classes[0]
        coef = np.vstack([-coef[0], coef[0]])
    if coef.shape[0] != len(classes):
        return None
    row = {c: coef[j] for j, c in enumerate(classes)}
    zero = np.zeros(coef.shape[1])
    return row.get("aligned", zero) - row.get("critical", zero)


def sentence_margins(pf: PooledFeatures, sizes: Sequence[int], margin: np.ndarray | None) -> list[float]:
    """What each sentence adds to its article's pooled margin (aligned over critical): its word
    counts over the article's length, and its part of the dense lexicon columns (each column
    split by the sentences' own values, the quoted-share column by their quoted words). The parts
    of an article add up to its margin without the intercept."""
    k = pf.counts.shape[0]
    if margin is None or not k:
        return [0.0] * k
    owner = np.repeat(np.arange(len(sizes), dtype=np.int64), sizes)
    norms = pf.norms[owner]
    words = pf.counts @ margin[:N_FEATURES] / np.where(norms > 0, norms, 1.0)
    dense_margin = margin[N_FEATURES:] * pf.x[:, N_FEATURES:].toarray()  # (articles, 5)
    shares = np.hstack([pf.lex, pf.quoted.reshape(k, 1)])  # (sentences, 5)
    totals = np.zeros((len(sizes), 5))
    np.add.at(totals, owner, shares)
    part = np.divide(shares, totals[owner], out=np.zeros_like(shares), where=totals[owner] != 0)
    return (words + (part * dense_margin[owner]).sum(axis=1)).tolist()


CLASSIFIER_WORDS: Final = 3  # words shown per evidence sentence


def pushing_words(view: SentenceView, margin: np.ndarray | None, direction: float,
                  top: int = CLASSIFIER_WORDS) -> tuple[str, ...]:
    """The lemmas of a sentence whose features (the word, its affixes, half of each bigram it is
    part of) add most to the margin aligned over critical in `direction` (+1 aligned, -1
    critical); ties in text order. The mask of a quotation is never named."""
    lemmas = list(view.lemmas)
    if margin is None or not lemmas or not direction:
        return ()
    table = _LEMMAS.lookup(lemmas)
    u = table[:, 0]
    score = margin[u].copy()
    for j in (1, 2):
        has = table[:, j] >= 0
        score[has] += margin[table[has, j]]
    if len(lemmas) > 1:
        half = margin[(u[:-1] * _GOLDEN + u[1:]) % N_FEATURES] / 2
        score[:-1] += half
        score[1:] += half
    total: dict[str, float] = {}
    for lemma, x in zip(lemmas, score.tolist(), strict=True):
        if lemma != MASK:
            total[lemma] = total.get(lemma, 0.0) + direction * x
    ranked = sorted(((x, k, lem) for k, (lem, x) in enumerate(total.items()) if x > 0), key=lambda r: (-r[0], r[1]))
    return tuple(lem for _, _, lem in ranked[:top])


def views_of_texts(texts: Sequence[str], matcher: Matcher, axis_camps: dict[str, float]) -> list[SentenceView]:
    """One view per labelled text (a sentence or a whole article, pooled into one row)."""
    conventional = axis_topic(matcher.lexicon.axis).conventional if matcher.lexicon.axis else frozenset()
    out = []
    for i, t in enumerate(texts):
        an = analyse(Article(id=f"t{i}", text=t, source="training"), matcher.language)
        vs = sentence_views(an, matcher.find_hits(an), axis_camps, conventional=conventional)
        lemmas = tuple(lem for v in vs for lem in v.lemmas)
        lex = [sum(v.lexicon[j] for v in vs) for j in range(4)]
        out.append(SentenceView(0, t, lemmas, sum(v.own_words for v in vs), sum(v.words for v in vs), "body",
                                (lex[0], lex[1], lex[2], lex[3])))
    return out


# --- the model -------------------------------------------------------------------------------


def new_classifier(smallest: int = 3) -> object:
    """LinearSVC with sigmoid calibration fitted on 3 internal folds (2 for tiny label sets)."""
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.svm import LinearSVC

    return CalibratedClassifierCV(LinearSVC(C=0.5, class_weight="balanced", random_state=0, max_iter=5000),
                                  method="sigmoid", cv=max(2, min(3, smallest)), ensemble=False)


def _fit(x: sparse.csr_matrix, y: list[str]) -> object:
    from collections import Counter

    clf = new_classifier(min(Counter(y).values()))
    try:
        clf.fit(x, y)  # type: ignore[attr-defined]
    except ValueError as e:
        raise ModelError(f"cannot train on these examples: {e}") from None
    return clf


@dataclass
class StanceModel:
    classifier: Any  # a fitted scikit-learn classifier (Any: mypyc cannot resolve "object" here)
    labels: tuple[str, ...]
    axis: str
    sklearn_version: str
    lexicon_version: str
    data_version: str
    origin: str = "shipped data"
    notes: list[str] = field(default_factory=list)

    def proba(self, x: sparse.csr_matrix) -> np.ndarray:
        """Probabilities per row for (critical, neutral, aligned), whatever labels were trained."""
        p = self.classifier.predict_proba(x)  # type: ignore[attr-defined]
        classes = list(self.classifier.classes_)  # type: ignore[attr-defined]
        out = np.zeros((x.shape[0], 3))
        for j, lab in enumerate(LABELS):
            if lab in classes:
                out[:, j] = p[:, classes.index(lab)]
        return out


def train(examples: Sequence[Example], matcher: Matcher, axis: str | None = None,
          data_version: str = "user data", origin: str = "user data") -> StanceModel:
    import sklearn

    counts = {lab: sum(1 for e in examples if e.label == lab) for lab in LABELS}
    small = [f"{lab} ({n})" for lab, n in counts.items() if 0 < n < 2]
    if small:
        raise ModelError(f"too few examples for {', '.join(small)}: each label needs at least 2")
    axis = axis or matcher.lexicon.axis  # the labels are on the lexicon's axis
    camps = matcher.lexicon.camps
    x = featurise(views_of_texts([e.text for e in examples], matcher, camps))
    clf = _fit(x, [e.label for e in examples])
    return StanceModel(clf, tuple(lab for lab in LABELS if counts[lab]), axis, sklearn.__version__,
                       matcher.lexicon.version, data_version, origin)


def save_model(model: StanceModel, path: str | Path) -> None:
    import skops.io as sio

    payload = {"framing_model": "stance", "format": MODEL_FORMAT, "labels": list(model.labels),
               "axis": model.axis, "sklearn": model.sklearn_version, "lexicon": model.lexicon_version,
               "data": model.data_version, "origin": model.origin, "classifier": model.classifier}
    try:
        sio.dump(payload, str(path), compression=zipfile.ZIP_DEFLATED, compresslevel=9)
    except OSError as e:
        raise ModelError(f"{path}: cannot write the model ({e.strerror})") from None


def load_model(path: str | Path, matcher: Matcher, strict: bool = True) -> StanceModel:
    """Load a model file safely: only scikit-learn types a framing model holds are trusted.

    A file that is not a framing model raises ModelError. A model trained with another
    scikit-learn or lexicon version raises ModelError when strict, else carries a note."""
    import sklearn
    import skops.io as sio

    p = Path(path)
    try:
        untrusted = set(sio.get_untrusted_types(file=str(p)))
    except FileNotFoundError:
        raise ModelError(f"{p}: no such model file") from None
    except Exception:  # skops raises zipfile/json/key errors for foreign files
        raise ModelError(f"{p}: not a framing model (not a skops file); train one with `framing train`") from None
    foreign = sorted(untrusted - _TRUSTED_TYPES)
    if foreign:
        raise ModelError(f"{p}: not a framing model (it holds {foreign[0]}); only files written by "
                         "`framing train` are loaded")
    try:
        payload = sio.load(str(p), trusted=sorted(untrusted))
    except Exception as e:
        raise ModelError(f"{p}: cannot load the model ({type(e).__name__}); train it again with `framing train`") \
            from None
    needed = ("labels", "axis", "sklearn", "lexicon", "data", "classifier")
    if not isinstance(payload, dict) or payload.get("framing_model") != "stance" \
            or any(k not in payload for k in needed):
        raise ModelError(f"{p}: not a framing stance model; train one with `framing train`")
    if payload.get("format") != MODEL_FORMAT:
        raise ModelError(f"{p}: model format {payload.get('format')} is not {MODEL_FORMAT}; train it again "
                         "with `framing train`")
    if not callable(getattr(payload["classifier"], "predict_proba", None)):
        raise ModelError(f"{p}: its classifier is a {type(payload['classifier']).__name__}, not a classifier; "
                         "train the model again with `framing train`")
    model = StanceModel(payload["classifier"], tuple(payload["labels"]), str(payload["axis"]),
                        str(payload["sklearn"]), str(payload["lexicon"]), str(payload["data"]), str(p))
    problems = []
    if model.axis != matcher.lexicon.axis:
        raise ModelError(f"{p}: a model for the axis '{model.axis}', but the lexicon is on the axis "
                         f"'{matcher.lexicon.axis}'; train one with this lexicon: `framing train`")
    if model.sklearn_version != sklearn.__version__:
        problems.append(f"trained with scikit-learn {model.sklearn_version}, this is {sklearn.__version__}")
    if model.lexicon_version != matcher.lexicon.version:
        problems.append(f"trained with lexicon {model.lexicon_version}, this is {matcher.lexicon.version}")
    if problems:
        if strict:
            raise ModelError(f"{p}: {'; '.join(problems)}; train it again with `framing train`")
        model.notes.extend(problems)
    return model


def shipped_model(lexicon_folder: str = DEFAULT_LANGUAGE) -> tuple[str, str]:
    """Where the shipped stance model of a language's lexicon folder lies under lexicons/."""
    return ("models", f"stance-{lexicon_folder}.skops")


SHIPPED_MODEL: Final = shipped_model()  # German's


_DEFAULT_CACHE: Final[dict[tuple[str, str], StanceModel]] = {}


def default_model(matcher: Matcher) -> StanceModel:
    """The shipped model of the matcher's language; retrained in memory from the shipped data
    (and said so in its notes) when it was built with another scikit-learn, lexicon or data
    version than the installed ones."""
    folder = matcher.language.lexicon_folder
    key = (folder, matcher.lexicon.version)
    if key in _DEFAULT_CACHE:
        return _DEFAULT_CACHE[key]
    data = shipped_data(folder)
    path = shipped_model(folder)
    if matcher.lexicon.axis != data.axis and axis_sentences(matcher.lexicon.axis):
        own = axis_sentences(matcher.lexicon.axis)
        trained = train(own, matcher, data_version=f"{matcher.lexicon.axis} sentences ({len(own)})",
                        origin=f"axis '{matcher.lexicon.axis}' data")
        trained.notes.append(f"stance model for the axis '{matcher.lexicon.axis}' trained in memory from its "
                             f"{len(own)} team-written sentences (lexicons/axes.toml: sentences)")
        _DEFAULT_CACHE[key] = trained
        return trained
    if matcher.lexicon.axis != data.axis:
        raise ModelError(f"the shipped stance data and model are for the axis '{data.axis}', the lexicon is on "
                         f"'{matcher.lexicon.axis}': train a model on your labels (`framing train DATA.csv "
                         "--lexicon-dir DIR -o MODEL`) and pass it with --model, or use --no-stance")
    node = lexicon_root()
    for part in path:
        node = node / part
    model: StanceModel | None = None
    reason = "no shipped model file"
    if node.is_file():
        try:
            model = load_model(Path(str(node)), matcher, strict=False)
            # named without the install path, so outputs are the same on every machine
            model.origin = f"shipped model ({'/'.join(path)})"
            if model.data_version != data.version:
                model.notes.append(f"built from data {model.data_version}, shipped data is {data.version}")
            if model.notes:
                reason, model = "; ".join(model.notes), None
        except ModelError as e:
            reason = str(e)
    if model is None:
        model = train([*data.team, *data.seeds], matcher, data_version=data.version, origin="shipped data")
        model.notes.append(f"default model retrained from the shipped data ({reason})")
    _DEFAULT_CACHE[key] = model
    return model


# --- evaluation ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CVReport:
    folds: int
    n: int
    scores: dict[str, dict[str, object]]  # system -> macro_f1, per-class precision/recall/f1, confusion


def _metrics(gold: Sequence[str], pred: Sequence[str]) -> dict[str, object]:
    per: dict[str, dict[str, float]] = {}
    for lab in LABELS:
        tp = sum(1 for g, q in zip(gold, pred, strict=True) if g == lab and q == lab)
        fp = sum(1 for g, q in zip(gold, pred, strict=True) if g != lab and q == lab)
        fn = sum(1 for g, q in zip(gold, pred, strict=True) if g == lab and q != lab)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per[lab] = {"precision": prec, "recall": rec, "f1": f1, "support": float(tp + fn)}
    present = [lab for lab in LABELS if per[lab]["support"]]
    macro = sum(per[lab]["f1"] for lab in present) / len(present) if present else 0.0
    confusion = {g: {q: sum(1 for a, b in zip(gold, pred, strict=True) if a == g and b == q) for q in LABELS}
                 for g in LABELS}
    accuracy = sum(1 for g, q in zip(gold, pred, strict=True) if g == q) / len(gold) if gold else 0.0
    return {"macro_f1": macro, "accuracy": accuracy, "per_class": per, "confusion": confusion}


def lexicon_label(view: SentenceView) -> str:
    """The lexicon-only baseline: the direction of the own-voice loaded words, else neutral."""
    d = view.lexicon[1] - view.lexicon[0] + view.lexicon[2]
    return "aligned" if d > 0 else "critical" if d < 0 else "neutral"


def cross_validate(examples: Sequence[Example], matcher: Matcher, folds: int = 5) -> CVReport:
    """Stratified k-fold cross-validation of the classifier, beside the lexicon-only and the
    majority baselines (deterministic: fixed fold seed)."""
    from collections import Counter

    from sklearn.model_selection import StratifiedKFold

    labels = [e.label for e in examples]
    smallest = min(Counter(labels).values())
    if smallest < folds or smallest - math.ceil(smallest / folds) < 2:
        raise ModelError(f"{folds}-fold cross-validation needs more examples of every label (the smallest "
                         f"label has {smallest}); add examples or use fewer folds (--folds)")
    views = views_of_texts([e.text for e in examples], matcher, matcher.lexicon.camps)
    x = featurise(views)
    pred = [""] * len(examples)
    major = [""] * len(examples)
    skf = StratifiedKFold(n_splits=folds, shuffle=True, random_state=0)
    for train_idx, test_idx in skf.split(np.zeros(len(labels)), labels):
        clf = _fit(x[train_idx], [labels[i] for i in train_idx])
        got = clf.predict(x[test_idx])  # type: ignore[attr-defined]
        common = Counter(labels[i] for i in train_idx).most_common(1)[0][0]
        for i, g in zip(test_idx, got, strict=True):
            pred[i] = str(g)
            major[i] = common
    lexicon = [lexicon_label(v) for v in views]
    scores = {"classifier": _metrics(labels, pred), "lexicon-only": _metrics(labels, lexicon),
              "majority": _metrics(labels, major)}
    return CVReport(folds, len(examples), scores)


# --- article stance --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Evidence:
    sentence: int
    text: str
    contribution: float  # signed share of the stance this sentence carries
    p_critical: float
    p_aligned: float
    terms: tuple[str, ...]
    # the sentence's words (lemmas) that push the classifier's margin most towards the side of
    # its pull: what the classifier signals read in it (empty for a model without linear weights)
    classifier_words: tuple[str, ...] = ()

    def record(self) -> dict[str, object]:
        return {"sentence": self.sentence, "text": self.text, "contribution": round(self.contribution, 3),
                "p_critical": round(self.p_critical, 3), "p_aligned": round(self.p_aligned, 3),
                "terms": list(self.terms), "classifier_words": list(self.classifier_words)}


@dataclass(frozen=True, slots=True)
class Stance:
    axis: str
    score: float | None
    label: str  # critical, neutral, aligned, or "insufficient evidence"
    confidence: float
    classifier: float
    lexicon: float
    sourcing: float
    evidence: tuple[Evidence, ...]
    signals: dict[str, float] = field(default_factory=dict)  # SIGNALS, and share_<signal> of the score
    reason: str = ""  # why off-axis / insufficient evidence; the topic check otherwise
    measures: str = ""  # what the figure measures and what not (depends on the weights; "": MEASURES)

    @property
    def shares(self) -> dict[str, float]:
        return {k[6:]: v for k, v in self.signals.items() if k.startswith("share_")}

    def record(self) -> dict[str, object]:
        return {"stance": None if self.score is None or self.label == "off-axis" else round(self.score, 3),
                "stance_label": self.label, "stance_axis": self.axis, "stance_confidence": round(self.confidence, 3),
                "stance_reason": self.reason, "stance_measures": self.measures or MEASURES,
                "stance_signals": {k: round(v, 3) for k, v in self.signals.items() if not k.startswith("share_")},
                "stance_shares": {k: round(v, 3) for k, v in self.shares.items()},
                "loaded_measures": LOADED_MEASURES,
                "evidence": [e.record() for e in self.evidence]}


def _sentence_text(an: Analysed, index: int) -> str:
    s = an.doc.sentences[index]
    return an.doc.text[s.start : s.end]


def stance_label(score: float, band: float = NEUTRAL_BAND) -> str:
    """critical / neutral / aligned for a stance score (a neutral band around 0)."""
    if score <= -band:
        return "critical"
    if score >= band:
        return "aligned"
    return "neutral"


def _sourcing(an: Analysed, camps: dict[str, float], actors: ActorList) -> float:
    """Quoted words by camp of the speaker: + for the Russian camp, - for its opponents."""
    total = 0.0
    weight = 0.0
    for q in an.quotes:
        if q.kind not in ("direct", "reported") or not q.speaker:
            continue
        actor = speaker_actor(q.speaker, actors, an.doc.language)
        if actor is None:
            continue
        sign = -camps.get(actor.camp, 0.0)  # quoting the Russian camp leans towards it
        n = len(q.text.split())
        total += sign * n
        weight += n
    return total / (weight + SOURCING_PRIOR) if weight else 0.0


def article_stances(items: Sequence[tuple[Analysed, Sequence[Hit]]], model: StanceModel,
                    actors: ActorList | None = None,
                    targets: Sequence[dict[int, Target]] | None = None,
                    camps: dict[str, float] | None = None, topic: AxisTopic | None = None,
                    combination: Combination | None = None) -> list[Stance]:
    """Stance of many articles at once (one classifier call for all their sentences). The
    topic check and the signal weights default to the axis's shipped ones (axes.toml,
    stance-weights.toml)."""
    actors = actors or default_actors()
    camps = camps if camps is not None else read_axis(model.axis).camps
    topic = topic or axis_topic(model.axis)
    combination = combination or shipped_combination(model.axis)
    all_views = [sentence_views(an, hits, camps, actors, targets[k] if targets is not None else None,
                                topic.conventional) for k, (an, hits) in enumerate(items)]
    groups = [[v for v in vs if v.own_words >= 3] for vs in all_views]
    flat = [v for g in groups for v in g]
    probs = model.proba(featurise(flat)) if flat else np.zeros((0, 3))
    # each article's own words read at once (classifier_article), and what each sentence adds to that verdict
    pf = featurise_articles(groups)
    pooled = model.proba(pf.x) if groups else np.zeros((0, 3))
    margin = pole_margin(model)
    margins = sentence_margins(pf, [len(g) for g in groups], margin)
    out = []
    row = 0
    for k, ((an, hits), used) in enumerate(zip(items, groups, strict=True)):
        p = probs[row : row + len(used)]
        article = ArticleReading(sentence_signal(pooled[k].tolist()) if used else 0.0, margins[row : row + len(used)],
                                 margin)
        row += len(used)
        out.append(_combine(an, hits, used, p, model.axis, camps, actors,
                            targets[k] if targets is not None else None, topic, combination, article))
    return out


DOUBT_CATEGORIES: Final = frozenset({"doubt-distancing", "attribution-verb"})
# how a doubt word's actor was found when that actor is the one whose claim or account is doubted
# ("das westliche Narrativ", "die Medien präsentieren „alternative Fakten“"): the doubt then counts
# against that actor's side; found only by nearness or a genitive ("angebliche Beteiligung der USA"),
# the actor may as well be what the claim is about, and the word counts for no side
CLAIMANT_RELATIONS: Final = frozenset({"speaker", "subject", "agent", "possessor", "apposition"})
LEAD_PARTS: Final = frozenset({"headline", "subheading", "lead"})
LEAD_SENTENCES: Final = 3  # without marked parts, the first sentences stand for headline and lead
SIGNALS: Final = ("classifier", "classifier_median", "classifier_lead", "classifier_article", "labels", "doubt",
                  "sourcing", "balance")
SIGNAL_MEANING: Final = {
    "classifier": "sentence classifier over the outlet's own words (quotations masked): each sentence by how far "
                  "its probability of a side exceeds chance, averaged; headlines count more",
    "classifier_median": "the same classifier's verdict on the article's typical (median) sentence: robust to a "
                         "few outlying sentences",
    "classifier_lead": "the same classifier on the headline and lead (or the first three sentences) only",
    "classifier_article": "the same classifier on all the outlet's own words of the article read at once (one "
                          "row): weak cues of many sentences add up, as they do for a reader",
    "labels": "loaded words in the outlet's own voice, by the side they are aimed at (conventional wording left out)",
    "doubt": "doubt and distancing words and judging reporting verbs, by whose claim they doubt",
    "sourcing": "quoted words by the camp of their speaker (+ quoting the positive pole's camp)",
    "balance": "one-sidedness of the quoted speakers' camps (+ only the positive pole's camp quoted)",
}
MEASURES: Final = ("overt framing in the outlet's own voice (its wording, doubt and headline), plus whom it quotes "
                   "where the sourcing signals carry weight; not what it selects or leaves out, not the truth of "
                   "its claims")


def measures(weights: dict[str, float]) -> str:
    """What a stance with these signal weights measures, and what not."""
    src = any(weights.get(k) for k in ("sourcing", "balance"))
    quoted = "and whom it quotes" if src else "; not whom it quotes (the sourcing signals carry no weight)"
    return (f"overt framing in the outlet's own voice (its wording, doubt and headline){' ' if src else ''}{quoted}; "
            "not what it "
            "selects or leaves out, not the truth of its claims")
LOADED_MEASURES: Final = ("loaded words in the outlet's own voice per 1,000 words, as the lexicon knows them; not "
                          "sourcing, selection or omission, and not quoted speakers' words")


def is_conventional(entry: Entry, conventional: frozenset[str], lemma: str = "") -> bool:
    """Standard newsroom wording (`register = "conventional"` on a lexicon entry, or its term or
    the hit's lemma in the axis's `conventional` list): shown as loaded, no stance evidence by itself."""
    return getattr(entry, "register", "") == "conventional" or entry.term.lower() in conventional \
        or entry.key in conventional or lemma.lower() in conventional


@dataclass(frozen=True, slots=True)
class Combination:
    """How the signals make the stance (lexicons/stance-weights.toml): stance = Σ weight·signal,
    clipped to -1 … 1."""

    axis: str
    weights: dict[str, float]
    neutral_band: float = NEUTRAL_BAND
    note: str = ""


FALLBACK_WEIGHTS: Final = {"classifier": 0.6, "labels": 0.3, "sourcing": 0.1}  # the team's choice before fitting


def parse_combination(text: str, shown: str, axis: str) -> Combination:
    v = _toml(text, shown).get(axis)
    if not isinstance(v, dict):
        return Combination(axis, dict(FALLBACK_WEIGHTS), note=f"no weights for the axis '{axis}' in {shown}: "
                           "the team's unfitted weights")
    w = v.get("weights")
    if not isinstance(w, dict) or not w:
        raise ModelError(f"{shown}: [{axis}] needs a table 'weights' (signal = number)")
    weights: dict[str, float] = {}
    for k, x in w.items():
        if k not in SIGNALS:
            raise ModelError(f"{shown}: [{axis}.weights] unknown signal '{k}'; signals: {', '.join(SIGNALS)}")
        if not isinstance(x, int | float) or not math.isfinite(x) or not -5 <= x <= 5:
            raise ModelError(f"{shown}: [{axis}.weights] {k} must be a number from -5 to 5")
        weights[k] = float(x)
    band = v.get("neutral_band", NEUTRAL_BAND)
    if not isinstance(band, int | float) or not 0 <= band < 1:
        raise ModelError(f"{shown}: [{axis}] neutral_band must be a number from 0 to 1")
    return Combination(axis, weights, float(band), str(v.get("chosen_by", "")))


WEIGHTS_FILE: Final = "stance-weights.toml"


@cache
def shipped_combination(axis: str) -> Combination:
    node = lexicon_root() / WEIGHTS_FILE
    if not node.is_file():
        return Combination(axis, dict(FALLBACK_WEIGHTS), note="no weights file: the team's unfitted weights")
    return parse_combination(node.read_text(encoding="utf-8"), f"lexicons/{WEIGHTS_FILE}", axis)


ENDORSEMENT_WEIGHT: Final = 1.5  # as a judging reporting verb ("behaupten" 1.5): the same evidence, the other way


class Endorsement(NamedTuple):
    sentence: int
    camp: float  # the camp sign of the endorsed source (axes.toml [AXIS.camps])
    words: tuple[str, ...]  # the endorsing words, as written


@cache
def _endorsing_words(language: Any) -> tuple[frozenset[str], re.Pattern[str] | None, tuple[str, ...]]:
    phrases = language.sequence("endorsing_phrases")
    pattern = re.compile(r"(?<![^\W\d_])(?:" + "|".join(re.escape(x) for x in sorted(phrases, key=len, reverse=True))
                         + r")(?![^\W\d_])") if phrases else None
    return language.words("endorsing_verbs"), pattern, language.sequence("authority_prefixes")


def endorsements(an: Analysed, camps: dict[str, float], actors: ActorList) -> list[Endorsement]:
    """Sentences where the outlet adopts a quoted or reported source's claim in its own words
    ("wie der renommierte Ökonom zu Recht feststellte", "X enthüllte, dass …": the language's
    endorsing_verbs, endorsing_phrases, authority_prefixes, outside the quotations), with the
    camp of that source. A sentence quoting sources of different camps is left out: whose claim
    is endorsed is unclear."""
    doc = an.doc
    verbs, phrases, prefixes = _endorsing_words(doc.language)
    if not verbs and phrases is None and not prefixes:
        return []
    quoted = [(q.start, q.end) for q in an.quotes if q.kind in ("direct", "reported")]
    sides: dict[int, set[float]] = {}
    for q in an.quotes:
        if q.kind in ("direct", "reported") and q.speaker:
            actor = speaker_actor(q.speaker, actors, doc.language)
            sides.setdefault(q.sentence, set()).add(camps.get(actor.camp, 0.0) if actor is not None else 0.0)
    out = []
    for si, cs in sorted(sides.items()):
        if len(cs) != 1 or not next(iter(cs)):
            continue
        s = doc.sentences[si]
        inside = [(a, b) for a, b in quoted if a < s.end and b > s.start]
        words: list[str] = []
        own = list(doc.text[s.start : s.end].lower())
        for a, b in inside:
            own[max(0, a - s.start) : max(0, b - s.start)] = " " * (min(b, s.end) - max(a, s.start))
        for k in range(s.first_token, s.last_token):
            t = doc.types[k]
            if t.is_word and not any(a <= doc.starts[k] < b for a, b in inside) \
                    and (t.lemma_low in verbs or t.low.startswith(prefixes)):
                words.append(t.text)
        if phrases is not None:
            text = doc.text[s.start : s.end]
            words += [text[m.start() : m.end()] for m in phrases.finditer("".join(own))]  # as written
        if words:
            out.append(Endorsement(si, next(iter(cs)), tuple(words)))
    return out


def sentence_signal(p: Sequence[float]) -> float:
    """A sentence's classifier signal from its (critical, neutral, aligned) probabilities: what
    the aligned probability has above chance (DECIDED) minus what the critical one has; 0 for a
    sentence that leans to neither pole more than chance."""
    return max(0.0, p[2] - DECIDED) - max(0.0, p[0] - DECIDED)


class ArticleReading(NamedTuple):
    """The classifier on the article's own words read at once: its signal (as a sentence's, see
    sentence_signal) and what each used sentence adds to its margin (aligned over critical)."""

    signal: float
    margins: Sequence[float]
    margin: np.ndarray | None = None  # the model's margin per feature (pole_margin), for naming words


class _Signals(NamedTuple):
    values: dict[str, float]
    sentence: list[float]  # per view: the part of the sentence-level signals it carries (weights applied)
    terms: dict[int, tuple[str, ...]]  # sentence -> words that count beside the lexicon hits (endorsing)


def article_signals(an: Analysed, hits: Sequence[Hit], views: list[SentenceView], probs: list[list[float]],
                    camps: dict[str, float], actors: ActorList, targets: dict[int, Target] | None,
                    conventional: frozenset[str] = frozenset(),
                    weights: dict[str, float] | None = None, article: ArticleReading | None = None) -> _Signals:
    """The article's stance signals, each in -1 … +1 (SIGNALS, SIGNAL_MEANING), and what each
    sentence carries of their weighted sum. `article`: the classifier's reading of all the own
    words at once (classifier_article; 0 without it); its signal is carried by the sentences
    whose words push the margin towards the pole it reaches, each by how far it pushes."""
    wt = weights or {}
    part_factor = PART_FACTOR
    sw = [part_factor.get(v.part, 1.0) * v.own_words / max(1, v.words) for v in views]
    signal = list(map(sentence_signal, probs))
    total_w = sum(sw)
    clf = sum(map(mul, sw, signal)) / total_w if total_w else 0.0
    lead = [i for i, v in enumerate(views) if v.part in LEAD_PARTS] or list(range(min(LEAD_SENTENCES, len(views))))
    lead_w = sum(sw[i] for i in lead)
    clf_lead = sum(sw[i] * signal[i] for i in lead) / lead_w if lead_w else 0.0
    per = [wt.get("classifier", 0.0) * sw[i] * signal[i] / total_w if total_w else 0.0 for i in range(len(views))]
    order = sorted(range(len(signal)), key=signal.__getitem__)
    mid = order[(len(order) - 1) // 2 : len(order) // 2 + 1]  # the median sentence, or the two around it
    median = sum(signal[i] for i in mid) / len(mid) if mid else 0.0
    for i in mid:
        per[i] += wt.get("classifier_median", 0.0) * signal[i] / len(mid)
    for i in lead:
        per[i] += wt.get("classifier_lead", 0.0) * sw[i] * signal[i] / lead_w if lead_w else 0.0
    clf_article = article.signal if article is not None else 0.0
    if clf_article and article is not None:
        direction = 1.0 if clf_article > 0 else -1.0
        push = [max(0.0, direction * d) for d in article.margins]
        pushed = sum(push)
        for i, x in enumerate(push):
            per[i] += wt.get("classifier_article", 0.0) * clf_article * x / pushed if pushed else 0.0
    if targets is None:
        targets = resolve_targets(an, hits, camps, actors)
    poles_sign = {"critical": -1.0, "aligned": 1.0}
    lab = [0.0, 0.0]  # signed sum, absolute sum
    dbt = [0.0, 0.0]
    by_sentence: list[tuple[int, str, float]] = []
    for i, h in enumerate(hits):
        if h.voice not in OWN_VOICES or h.how == "scare-quote" or is_conventional(h.entry, conventional, h.lemma):
            continue
        t = targets.get(i)
        if t is not None and t.actor is not None and h.entry.category == "doubt-distancing" \
                and t.relation not in CLAIMANT_RELATIONS:
            continue  # "angebliche … der USA": doubts a claim about the actor or by it; the direction is unclear
        sign = t.sign if t is not None else poles_sign.get(h.entry.leaning, 0.0)
        if not sign:
            continue
        w = h.entry.weight * part_factor.get(h.part, 1.0)
        kind = "doubt" if h.entry.category in DOUBT_CATEGORIES else "labels"
        acc = dbt if kind == "doubt" else lab
        acc[0] += sign * w
        acc[1] += abs(sign) * w
        by_sentence.append((h.sentence, kind, sign * w))
    row_of = {v.index: k for k, v in enumerate(views)}
    sentence_parts = an.article.parts_at(an.doc.sentence_starts) if an.doc.sentences else []
    endorsed = endorsements(an, camps, actors)
    for e in endorsed:  # adopting a source's claim: doubt the other way
        w = ENDORSEMENT_WEIGHT * part_factor.get(sentence_parts[e.sentence], 1.0)
        dbt[0] += -e.camp * w
        dbt[1] += abs(e.camp) * w
        by_sentence.append((e.sentence, "doubt", -e.camp * w))
    labels = lab[0] / (lab[1] + LEXICON_PRIOR) if lab[1] else 0.0
    doubt = dbt[0] / (dbt[1] + LEXICON_PRIOR) if dbt[1] else 0.0
    for sent, kind, x in by_sentence:
        k = row_of.get(sent)
        if k is not None:
            per[k] += wt.get(kind, 0.0) * x / ((lab[1] if kind == "labels" else dbt[1]) + LEXICON_PRIOR)
    src = _sourcing(an, camps, actors)
    sides = [0, 0]  # quotations from speakers of the camps on the positive … negative side
    for q in an.quotes:
        if q.kind in ("direct", "reported") and q.speaker:
            actor = speaker_actor(q.speaker, actors, an.doc.language)
            c = camps.get(actor.camp, 0.0) if actor is not None else 0.0
            if c < 0:
                sides[0] += 1
            elif c > 0:
                sides[1] += 1
    balance = (sides[0] - sides[1]) / (sides[0] + sides[1] + 2)
    values = {"classifier": clf, "classifier_median": median, "classifier_lead": clf_lead,
              "classifier_article": clf_article, "labels": labels,
              "doubt": doubt, "sourcing": src, "balance": balance}
    return _Signals(values, per, {e.sentence: e.words for e in endorsed})


def _combine(an: Analysed, hits: Sequence[Hit], views: list[SentenceView], p: np.ndarray, axis: str,
             camps: dict[str, float], actors: ActorList, targets: dict[int, Target] | None = None,
             topic: AxisTopic | None = None, combination: Combination | None = None,
             article: ArticleReading | None = None) -> Stance:
    topic = topic or AxisTopic(axis)
    combination = combination or Combination(axis, dict(FALLBACK_WEIGHTS))
    check = topic_check(an, topic, actors)
    if not check.on_axis:
        return Stance(axis, None, "off-axis", 0.0, 0.0, 0.0, 0.0, (), {}, check.reason)
    probs = p.tolist()  # a few dozen rows: plain Python is faster than numpy calls here
    wt = combination.weights
    sig = article_signals(an, hits, views, probs, camps, actors, targets, topic.conventional, wt, article)
    parts = {k: wt.get(k, 0.0) * sig.values[k] for k in SIGNALS}
    score = max(-1.0, min(1.0, sum(parts.values())))
    spread_all = sum(map(abs, parts.values()))
    shares = {k: (x / spread_all if spread_all else 0.0) for k, x in parts.items() if wt.get(k)}
    contrib = sig.sentence
    # evidence: sentences the classifier is sure about, and sentences with directed loaded words
    evidential = [i for i, row in enumerate(probs) if row[0] > 0.5 or row[2] > 0.5 or abs(contrib[i]) > 0.02]
    n = len(evidential)
    evident = [contrib[i] for i in evidential]
    signed = sum(evident)
    spread = sum(map(abs, evident))
    agreement = abs(signed) / spread if spread else 0.0
    confidence = float((1 - math.exp(-n / EVIDENCE_SCALE)) * agreement)
    terms_by_sentence: dict[int, list[str]] = {}
    for h in hits:
        if h.voice in OWN_VOICES:
            terms_by_sentence.setdefault(h.sentence, []).append(h.surface)
    for si, words in sig.terms.items():
        terms_by_sentence.setdefault(si, []).extend(words)
    # the sentences that contribute most (ties: text order); a few of the article's dozens
    shown = [i for i in range(len(views)) if abs(contrib[i]) > 1e-6]
    order = sorted(shown, key=lambda i: (-abs(contrib[i]), views[i].index))[:EVIDENCE_SENTENCES]
    margin = article.margin if article is not None else None
    evidence = tuple(
        Evidence(views[i].index, _sentence_text(an, views[i].index), contrib[i], probs[i][0], probs[i][2],
                 tuple(terms_by_sentence.get(views[i].index, ())),
                 pushing_words(views[i], margin, 1.0 if contrib[i] > 0 else -1.0))
        for i in order
    )
    own = sum(v.own_words for v in views)
    reason = check.reason
    if n < MIN_EVIDENCE:
        label = "insufficient evidence"
        reason = (f"{n} evidential sentence(s) in the outlet's own voice ({own} own words in sentences of 3+ "
                  f"own words); at least {MIN_EVIDENCE} are needed")
    else:
        label = stance_label(score, combination.neutral_band)
    return Stance(axis, float(score), label, confidence, sig.values["classifier"], sig.values["labels"],
                  sig.values["sourcing"], evidence, {**sig.values, **{f"share_{k}": v for k, v in shares.items()}},
                  reason, measures(wt))




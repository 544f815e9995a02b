"""Per-article scores of loaded wording, traceable to the hits behind them.

Own voice = the outlet's words plus its scare quotes (putting a word in quotes without a
speaker is the outlet's own framing). Words inside direct quotations and reported speech are
counted separately as quoted.

    loaded_per_1000 = 1000 · (own-voice hits) / words
    intensity       = 1000 · Σ weight_i · PART_FACTOR[part_i] / words      (own-voice hits i)

Per 1,000 words makes short and long articles comparable (the usual normalisation in corpus
linguistics). Weights come from the lexicon (0.5 barely loaded … 3 strong; team judgement).
PART_FACTOR is the team's choice, not fitted to data: headlines and captions are what most
readers see and carry the sharpest framing, so they count more.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from framing.languages import UNDETERMINED
from framing.matching import Hit, Matcher
from framing.targets import Target, direction, resolve_targets
from framing.textlayer import Analysed
from framing.weighting import OWN_VOICES, PART_FACTOR, QUOTED_VOICES

if TYPE_CHECKING:
    from framing.stance import Stance

TOP_TERMS = 5


@dataclass(frozen=True, slots=True)
class ArticleScore:
    analysed: Analysed
    hits: tuple[Hit, ...]
    lexicon_version: str
    stance: Stance | None = None
    model_version: str = ""
    targets: dict[int, Target] = field(default_factory=dict)  # aimed hits by index (framing.targets)
    poles: tuple[str, str] = ("critical", "aligned")

    @property
    def words(self) -> int:
        return self.analysed.doc.words

    @property
    def own(self) -> tuple[Hit, ...]:
        """Overt loaded wording in the outlet's own voice (conventional and technical terms apart)."""
        return tuple(h for h in self.hits if h.voice in OWN_VOICES and h.entry.register == "overt")

    @property
    def quoted(self) -> tuple[Hit, ...]:
        return tuple(h for h in self.hits if h.voice in QUOTED_VOICES and h.entry.register == "overt")

    @property
    def own_conventional(self) -> tuple[Hit, ...]:
        """Conventional newsroom or technical terms in the outlet's own voice: shown, not counted."""
        return tuple(h for h in self.hits if h.voice in OWN_VOICES and h.entry.register != "overt")

    @property
    def loaded_per_1000(self) -> float:
        return 1000 * len(self.own) / self.words if self.words else 0.0

    @property
    def intensity(self) -> float:
        if not self.words:
            return 0.0
        return 1000 * sum(h.entry.weight * PART_FACTOR.get(h.part, 1.0) for h in self.own) / self.words

    def top_terms(self, hits: tuple[Hit, ...], n: int = TOP_TERMS) -> list[tuple[str, int]]:
        counts = Counter(shown_term(h) for h in hits)
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].lower()))[:n]

    def _hit_record(self, i: int, h: Hit) -> dict[str, object]:
        """The hit's record, plus `aimed_at` and `direction` when the word is aimed at an actor."""
        return _with_target(h.record(), self.targets.get(i), self.poles)

    def record(self) -> dict[str, object]:
        a = self.analysed.article
        return {
            "id": a.id, "outlet": a.outlet, "outlet_inferred": a.outlet_inferred, "date": a.date,
            "title": a.title, "words": self.words, "loaded_per_1000": self.loaded_per_1000,
            "intensity": self.intensity, "own_hits": len(self.own), "quoted_hits": len(self.quoted),
            "by_category": dict(sorted(Counter(h.entry.category for h in self.own).items())),
            "by_leaning": dict(sorted(Counter(h.entry.leaning for h in self.own).items())),
            "top_terms": [{"term": t, "count": c} for t, c in self.top_terms(self.own)],
            "quoted_terms": [{"term": t, "count": c} for t, c in self.top_terms(self.quoted)],
            "conventional_hits": len(self.own_conventional),
            "conventional_terms": [{"term": t, "count": c} for t, c in self.top_terms(self.own_conventional)],
            "reprint_of": a.reprint_of, "source": a.source, "language": a.language,
            "lexicon_version": self.lexicon_version,
            **(self.stance.record() if self.stance is not None else {}),
            **({"model_version": self.model_version} if self.stance is not None else {}),
            "hits": [self._hit_record(i, h) for i, h in enumerate(self.hits)],
        }


def _with_target(rec: dict[str, object], target: Target | None, poles: tuple[str, str]) -> dict[str, object]:
    if target is not None:
        rec["aimed_at"] = target.actor.name if target.actor is not None else target.note
        rec["direction"] = direction(target.sign, poles)
        rec["aimed_confidence"] = target.confidence
        rec["aimed_relation"] = target.relation
    return rec


def shown_term(h: Hit) -> str:
    """How a hit is listed for people: the lexicon term; the words as written for a scare quote
    or a pattern entry (whose term is a regular expression)."""
    if h.how == "scare-quote":
        return f"„{h.surface}“"
    if h.entry.match == "pattern":
        return h.surface
    return h.entry.term


def score_article(an: Analysed, matcher: Matcher) -> ArticleScore:
    """Hits of one article with the actors their aimed words are aimed at."""
    if an.article.language == UNDETERMINED:  # not in the run's language (framing.readers): not scored
        return ArticleScore(an, (), matcher.lexicon.version, poles=matcher.lexicon.poles)
    hits = tuple(matcher.find_hits(an))
    lex = matcher.lexicon
    targets = resolve_targets(an, hits, lex.camps, poles=lex.poles)
    return ArticleScore(an, hits, lex.version, targets=targets, poles=lex.poles)

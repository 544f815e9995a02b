"""Side-by-side comparisons of how outlets cover an event (events: framing.events).

Per event and outlet (or article): headlines with own-voice loaded words marked, stance,
loaded words, how each actor is named, whom the outlet quotes, distinctive words (log-odds
ratio with an informative Dirichlet prior, Monroe, Colaresi & Quinn 2008, "Fightin' Words",
Political Analysis 16(4)), reprints (near-identical texts: framing.reprints). A text an outlet
carries twice (a mirror, the same wire story under two headlines) counts once in its column.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from framing.actors import ActorList, actor_named, default_actors, descriptor
from framing.events import (  # noqa: F401  (re-exported: events used to live here)
    STOP,
    UNKNOWN_OUTLET,
    WINDOW_DAYS,
    Event,
    date_range,
    group_events,
)
from framing.events import mentions as _mentions
from framing.outlets import media_named
from framing.reprints import Reprint, find_reprints, originals
from framing.scoring import OWN_VOICES, QUOTED_VOICES, ArticleScore, shown_term
from framing.stance import stance_label

PRIOR_STRENGTH = 100.0  # α0 of the Dirichlet prior: pseudo-counts spread by background frequency
Z_MIN = 1.96  # z above the 95% normal quantile: marked "*" as distinctive beyond chance
Z_SHOWN = 1.0  # words with smaller z are not shown at all
TOP = 5
ACTOR_ROWS = 4  # the most-mentioned actors of an event get a "named as" row

_STOP = STOP


# --- reprints --------------------------------------------------------------------------------


def outlet_of(s: ArticleScore) -> str:
    return s.analysed.article.outlet or UNKNOWN_OUTLET


# --- distinctive words -----------------------------------------------------------------------


def log_odds(target: Counter[str], rest: Counter[str], background: Counter[str],
             prior_strength: float = PRIOR_STRENGTH) -> list[tuple[str, float, float]]:
    """Log-odds ratio with an informative Dirichlet prior (Monroe et al. 2008, eq. 16–22):
    (word, delta, z) for every word of the target, z = delta / sqrt(var), the prior spread by
    the word's share of the background corpus."""
    n_t, n_r = sum(target.values()), sum(rest.values())
    n_b = sum(background.values()) or 1
    out = []
    for w in target:
        a = prior_strength * background[w] / n_b
        if a <= 0:
            continue
        yt, yr = target[w], rest[w]
        other_t, other_r = n_t + prior_strength - yt - a, n_r + prior_strength - yr - a
        if other_t <= 0 or other_r <= 0:
            continue  # the word is the whole vocabulary: its odds are undefined
        delta = math.log((yt + a) / other_t) - math.log((yr + a) / other_r)
        var = 1 / (yt + a) + 1 / (yr + a)
        out.append((w, delta, delta / math.sqrt(var)))
    out.sort(key=lambda t: (-t[2], t[0]))
    return out


def lemma_counts(s: ArticleScore) -> Counter[str]:
    return Counter(tt.lemma_low for tt in s.analysed.doc.types
                   if tt.is_word and tt.low not in _STOP and tt.lemma_low not in _STOP and len(tt.low) >= 3
                   and not tt.low.isdigit())


# --- the comparison --------------------------------------------------------------------------


@dataclass
class Column:
    """One side of the comparison: an outlet (all its articles in the event) or one article."""

    name: str
    scores: list[ArticleScore]  # each text once: copies of a text the column holds are left out
    cells: dict[str, Any] = field(default_factory=dict)
    copies: list[str] = field(default_factory=list)  # ids of the copies left out


def _mark_headline(s: ArticleScore) -> str:
    a = s.analysed.article
    head = next((p for p in a.parts if p.kind == "headline"), None)
    if head is None:
        return ""
    text = a.text[head.start : head.end]
    hits = sorted((h for h in s.hits if h.voice in OWN_VOICES and head.start <= h.start < head.end),
                  key=lambda h: h.start)
    out, pos = [], head.start
    for h in hits:
        if h.start < pos:
            continue
        out.append(a.text[pos : h.start])
        out.append(f"[{a.text[h.start : h.end]}]")
        pos = h.end
    out.append(a.text[pos : head.end])
    return "".join(out) if text else ""


def _counts_text(counter: Counter[str], n: int = TOP) -> list[str]:
    return [f"{k} ({v})" for k, v in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0].lower()))[:n]]


def _fill(col: Column, actors: ActorList, key_actors: list[str], reprints: list[Reprint]) -> None:
    scores = col.scores
    c = col.cells
    dates = sorted({s.analysed.article.date or "undated" for s in scores})
    c["articles"] = len(scores)
    c["dates"] = dates
    c["ids"] = [s.analysed.article.id for s in scores]
    c["headlines"] = [line for s in scores if (line := _mark_headline(s))]
    stances = [s.stance for s in scores if s.stance is not None and s.stance.score is not None]
    if stances:
        mean = sum(st.score for st in stances if st.score is not None) / len(stances)
        conf = sum(st.confidence for st in stances) / len(stances)
        labels = Counter(st.label for st in stances)
        c["stance"] = round(float(mean), 3)
        c["stance_label"] = labels.most_common(1)[0][0] if len(labels) == 1 else stance_label(mean)
        c["stance_confidence"] = round(float(conf), 3)
    words = sum(s.words for s in scores)
    own = [h for s in scores for h in s.hits if h.voice in OWN_VOICES]
    quoted = [h for s in scores for h in s.hits if h.voice in QUOTED_VOICES]
    c["words"] = words
    c["loaded_per_1000"] = round(1000 * len(own) / words, 2) if words else 0.0
    c["own_terms"] = _counts_text(Counter(shown_term(h) for h in own))
    c["quoted_terms"] = _counts_text(Counter(shown_term(h) for h in quoted))
    # how each actor is named
    naming: dict[str, Counter[str]] = {a: Counter() for a in key_actors}
    bare: Counter[str] = Counter()
    for s in scores:
        doc = s.analysed.doc
        ms = _mentions(doc, actors)
        taken = {k for m in ms for k in range(m.first, m.last)}
        for m in ms:
            if m.actor.id in naming:
                d = descriptor(doc, m, taken)
                if d:
                    naming[m.actor.id][d] += 1
                else:
                    bare[m.actor.id] += 1
    aimed: dict[str, Counter[str]] = {a: Counter() for a in key_actors}
    for s in scores:
        for i, h in enumerate(s.hits):
            t = s.targets.get(i)
            if t is not None and t.actor is not None and t.actor.id in aimed and h.voice in OWN_VOICES:
                aimed[t.actor.id][shown_term(h)] += 1
    c["naming"] = {a: [*_counts_text(cnt, 4), *([f"name only ({bare[a]})"] if bare[a] else [])]
                   for a, cnt in naming.items()}
    c["aimed"] = {a: _counts_text(cnt, 4) for a, cnt in aimed.items()}
    # whom it quotes, by camp, and with which verbs
    by_camp: dict[str, Counter[str]] = defaultdict(Counter)
    cues: Counter[str] = Counter()
    for s in scores:
        for q in s.analysed.quotes:
            if q.kind not in ("direct", "reported"):
                continue
            camp, who = _speaker_side(q.speaker, actors)
            by_camp[camp][who] += 1
            if q.cue:
                cues[q.cue.lower()] += 1
    c["quoted_sources"] = {camp: _counts_text(cnt, 4) for camp, cnt in sorted(by_camp.items())}
    c["attribution_verbs"] = _counts_text(cues, 6)
    ids = set(c["ids"]) | set(col.copies)
    c["ids"] = sorted(ids)
    c["articles"] = len(ids)
    c["reprints"] = [f"{r.b} same text as {r.a} ({r.overlap:.0%})" for r in reprints if r.a in ids or r.b in ids]
    c["reprint_of"] = sorted({r for s in scores if (r := s.analysed.article.reprint_of)})


_ANONYMOUS = ("anonym", "ungenannt", "quellen", "beamte", "vertreter", "man")


def _speaker_side(speaker: str, actors: ActorList) -> tuple[str, str]:
    """(side, name) of a speaker: the camp of the actor it names, 'anonymous' or 'other'."""
    if not speaker:
        return "unattributed", "–"
    actor = actor_named(speaker, actors)
    if actor is not None:
        return actor.camp, actor.name
    low = speaker.lower()
    if any(w in low for w in _ANONYMOUS):
        return "anonymous", speaker
    outlet = media_named(speaker)
    if outlet is not None:
        return "media", outlet
    return "other", speaker


def compare_event(event: Event, by: str = "outlet", actors: ActorList | None = None,
                  reprints: list[Reprint] | None = None, background: Counter[str] | None = None) -> list[Column]:
    """The columns of one event; `background` (lemma counts of the whole input) sets the prior
    of the distinctive-word statistic (default: the event itself)."""
    actors = actors or default_actors()
    reprints = reprints if reprints is not None else find_reprints(event.scores)
    if by == "article":
        cols = [Column(f"{outlet_of(s)}: {s.analysed.article.id}", [s])
                for s in sorted(event.scores, key=lambda s: (outlet_of(s), s.analysed.article.id))]
    else:
        by_outlet: dict[str, list[ArticleScore]] = defaultdict(list)
        for s in event.scores:
            by_outlet[outlet_of(s)].append(s)
        cols = [Column(o, sorted(v, key=lambda s: s.analysed.article.id)) for o, v in sorted(by_outlet.items())]
    copy_of = originals(reprints)
    for col in cols:
        held = {s.analysed.article.id for s in col.scores}
        col.copies = sorted(s.analysed.article.id for s in col.scores if copy_of.get(s.analysed.article.id) in held)
        col.scores = [s for s in col.scores if s.analysed.article.id not in col.copies]
    mentions: Counter[str] = Counter()
    for s in event.scores:
        mentions.update(m.actor.id for m in _mentions(s.analysed.doc, actors))
    kind = {a.id: a.kind for a in actors.actors}
    # people first (how a person is named is the sharpest choice), then states and alliances
    key_actors = [a for a, _ in sorted(mentions.items(),
                                       key=lambda kv: (kind.get(kv[0]) != "person", -kv[1], kv[0]))[:ACTOR_ROWS]]
    for col in cols:
        _fill(col, actors, key_actors, reprints)
    # distinctive words: each column against the other columns of the event, prior from the event
    counts = [sum((lemma_counts(s) for s in col.scores), Counter()) for col in cols]
    if background is None:
        background = sum(counts, Counter())
    for i, col in enumerate(cols):
        if len(cols) < 2:
            col.cells["distinctive"] = []
            continue
        rest = sum((counts[j] for j in range(len(cols)) if j != i), Counter())
        top = [(w, z) for w, _, z in log_odds(counts[i], rest, background) if z >= Z_SHOWN][:TOP]
        col.cells["distinctive"] = [f"{w} ({z:.1f}{'*' if z >= Z_MIN else ''})" for w, z in top]
    names = {a.id: a.name for a in actors.actors}
    for col in cols:
        for key in ("naming", "aimed"):
            col.cells[key] = {names.get(a, a): v for a, v in col.cells[key].items()}
    return cols

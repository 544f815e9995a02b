"""Whom a loaded word is aimed at, and what that means on the axis.

A pejorative label ("Autokrat", "Regime") or a word whose leaning is `target` ("drohen",
"Panik schüren") is negative about the actor it is aimed at (see `resolve_targets` for how
the target is found; genitives such as "Invasion Russlands" name what is talked about, not
whom the word judges, and never count). The actor's camp gives the direction
(lexicons/axes.toml, `[kremlin.camps]`): "Autokrat Putin" is critical, "Autokrat Selenskyj"
aligned. Without a named actor the entry's own leaning stands.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from framing.actors import Actor, ActorList, actor_named, default_actors, find_mentions
from framing.analysis import Analysed
from framing.matching import Hit
from framing.text import Doc

# Labels aimed at a person or state: their direction follows the actor they name, whatever the
# entry's default leaning.
AIMED_CATEGORIES = frozenset({"pejorative-label"})
DOUBT_WINDOW = 2  # tokens between a doubt word and the word it doubts ("angebliche bevorstehende Invasion")
WINDOW = 5  # tokens between an aimed word and the actor it names ("die USA befinden sich im Angstmodus")


@dataclass(frozen=True, slots=True)
class Target:
    actor: Actor | None  # whom the word judges; None when it judges another word
    sign: float  # -1 critical … +1 aligned on the axis (camp weight from axes.toml)
    note: str = ""  # "doubts „Invasion“" / "doubted by „angebliche“"


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
    out: dict[int, Target] = {}
    if not aimed:
        return out
    by_sentence: dict[int, list[tuple[int, Actor]]] = {}
    for m in find_mentions(doc, actors, {hits[i].sentence for i in aimed}):
        if not m.genitive:
            by_sentence.setdefault(m.sentence, []).append((m.first, m.actor))
    cues = {(q.sentence, q.cue): q.speaker for q in an.quotes if q.cue and q.speaker}
    for i in aimed:
        h = hits[i]
        actor = None
        if h.entry.category == "attribution-verb":
            speaker = cues.get((h.sentence, h.surface))
            actor = actor_named(speaker, actors) if speaker else None
        else:
            k = doc.token_index(h.start)  # the hit's first and last token
            last = doc.token_index(h.end) - 1
            near = []
            for first, a in by_sentence.get(h.sentence, ()):
                gap = first - last if first > last else k - first  # tokens after / before the hit
                if gap <= WINDOW:
                    near.append((gap, first < k, a))  # nearest first; on a tie the following one
            if near:
                actor = min(near, key=lambda t: (t[0], t[1]))[2]
        if actor is not None:
            out[i] = Target(actor, camps.get(actor.camp, 0.0))
    _resolve_doubt(hits, poles_sign, out, doc)
    return out


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

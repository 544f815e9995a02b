"""Tools to keep a lexicon sound and to grow it: neutral wordings that are neutral, and
candidate words from a corpus (`framing lexicon suggest`)."""

from __future__ import annotations

from framing.analysis import analyse
from framing.articles import build_article
from framing.lexicon import Lexicon
from framing.matching import Matcher


def check_neutral(lex: Lexicon, matcher: Matcher | None = None) -> list[str]:
    """One problem per neutral wording that the lexicon flags itself (overt or conventional
    register), as `FILE:LINE: …`. Technical terms may stand in a neutral wording."""
    m = matcher or Matcher(lex)
    problems = []
    for e in lex.entries:
        for n in e.neutral:
            an = analyse(build_article(n, id="neutral", source="neutral", parse_header=False))
            flagged = sorted({f"{h.surface} ({h.entry.id})" for h in m.find_hits(an)
                              if h.how != "scare-quote" and h.entry.register != "technical"})
            if flagged:
                problems.append(f"{e.origin}: {e.id}: neutral wording '{n}' is flagged itself: {', '.join(flagged)}")
    return problems

"""Which hits are the outlet's own voice, and how much each part of an article weighs.

Shared by scoring (loaded words per 1,000, intensity) and stance (sentence weights); kept apart
from both so that neither has to import the other.

PART_FACTOR is the team's choice, not fitted to data: headlines and captions are what most
readers see and carry the sharpest framing, so they count more.
"""

from __future__ import annotations

OWN_VOICES = frozenset({"outlet", "scare-quote"})
QUOTED_VOICES = frozenset({"quote", "reported"})
PART_FACTOR = {"headline": 2.0, "subheading": 1.5, "caption": 1.5, "lead": 1.25, "body": 1.0}

from __future__ import annotations

from pathlib import Path

import pytest

from framing.lexicon import default_lexicon
from framing.matching import Matcher
from framing.readers import read_articles
from framing.stance import StanceModel, default_model
from framing.textlayer import Analysed, analyse

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def seed_articles():
    result = read_articles([str(SEEDS)])
    assert not result.problems
    return {a.id[:3]: a for a in result.articles}


@pytest.fixture(scope="session")
def seed_analysed(seed_articles) -> dict[str, Analysed]:
    return {k: analyse(a) for k, a in seed_articles.items()}


@pytest.fixture(scope="session")
def stance_matcher() -> Matcher:
    return Matcher(default_lexicon())


@pytest.fixture(scope="module")
def matcher(stance_matcher) -> Matcher:
    """The shipped lexicon's matcher (a test module may define its own)."""
    return stance_matcher


@pytest.fixture(scope="module")
def model(matcher) -> StanceModel:
    """The shipped stance model for `matcher`."""
    return default_model(matcher)

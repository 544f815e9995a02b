"""framing: show how news outlets frame the same events.

The public API (framing.api; README "Python API"):

    import framing
    records = framing.score(framing.read("seeds/"))   # an iterator of ScoreRecord
    df = framing.score_frame(dataframe)                # pandas: one row per article

`framing.compare` and `framing.events` are the API functions, not the modules of the same name
(imported below, after those modules were loaded, so the functions win).
"""

__version__ = "0.2.0"

from framing.api import (  # after __version__: hatch reads it, the CLI imports it
    FRAME_COLUMNS,
    ReadWarning,
    compare,
    events,
    explain,
    frame_columns,
    lexicon_for,
    read,
    score,
    score_frame,
)
from framing.articles import Article
from framing.errors import FramingError, InputError, LexiconError, ModelError
from framing.records import (
    Comparison,
    ComparisonColumn,
    EventComparison,
    EventRecord,
    Explanation,
    HitRecord,
    ScoreRecord,
    StanceRecord,
    Term,
    as_dict,
)
from framing.settings import Settings, SettingsError

__all__ = [
    "FRAME_COLUMNS",
    "Article",
    "Comparison",
    "ComparisonColumn",
    "EventComparison",
    "EventRecord",
    "Explanation",
    "FramingError",
    "HitRecord",
    "InputError",
    "LexiconError",
    "ModelError",
    "ReadWarning",
    "ScoreRecord",
    "Settings",
    "SettingsError",
    "StanceRecord",
    "Term",
    "__version__",
    "as_dict",
    "compare",
    "events",
    "explain",
    "frame_columns",
    "lexicon_for",
    "read",
    "score",
    "score_frame",
]

"""Every choice a run of `framing` makes, in one frozen object, with its defaults named here.

`Settings()` is the default run: the shipped German lexicon and stance model, the shipped
actor list, the lexicon's axis, events within DEFAULT_WINDOW_DAYS, input columns named
`text`, `id`, `outlet`, `date`, `title`, `url`, `event`. The command line takes its option
defaults from here (and shows them in `--help`), and every function of `framing.api` takes a
`Settings` (None meaning `Settings()`), so a default lives in one place only.

This module imports nothing heavy: making a `Settings` loads no lexicon and no model.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Final

from framing.errors import FramingError
from framing.languages import DEFAULT
from framing.languages import available as available_languages
from framing.readers import ReadOptions

# --- defaults (the only place they are written down) ------------------------------------------

DEFAULT_LANGUAGE: Final = DEFAULT  # German (framing.languages)
DEFAULT_WINDOW_DAYS: Final = 14  # news about one event clusters within about two weeks
DEFAULT_BY: Final = "outlet"  # compare: one column per outlet (or "article")
BY_CHOICES: Final = ("outlet", "article")
DEFAULT_FORMAT: Final = "table"
_READ: Final = ReadOptions()  # column names as the readers know them (framing.readers), not written twice
DEFAULT_TEXT_COLUMN: Final = _READ.text_column
DEFAULT_ID_COLUMN: Final = _READ.id_column
DEFAULT_OUTLET_COLUMN: Final = _READ.outlet_column
DEFAULT_DATE_COLUMN: Final = _READ.date_column
DEFAULT_TITLE_COLUMN: Final = _READ.title_column
DEFAULT_URL_COLUMN: Final = _READ.url_column
DEFAULT_EVENT_COLUMN: Final = _READ.event_column
DEFAULT_LABEL_COLUMN: Final = "label"  # labelled data for `framing train` / `evaluate stance`
DEFAULT_FOLDS: Final = 5
MAX_WINDOW_DAYS: Final = 3650


class SettingsError(FramingError):
    """A setting that cannot be used (the message names it and what to choose)."""


@dataclass(frozen=True, slots=True)
class Settings:
    """One run's choices. Paths are kept as given (str); None means "the shipped one".

    language        language of the texts (German only for now)
    lexicon_dir     a lexicon folder (manifest.toml + CSV) instead of the shipped one
    extra_lexicons  CSVs of own entries added on top (e.g. a class list)
    packs           topic packs of the lexicon switched on besides the manifest's
    model           a stance model written by `framing train` (None: the shipped model)
    stance          False: no stance model at all (loaded wording only; faster)
    actors          an actors CSV (columns as lexicons/actors.csv) for events and comparisons
    axis            the stance axis; None: the lexicon's own axis (another one is an error)
    window_days     most days between two articles of one event
    by              compare: "outlet" (articles of an outlet pooled) or "article"
    format          the command line's output format
    *_column        names of the columns (CSV) or keys (JSONL, dicts, DataFrames) of inputs
    input_format    read every input path in this format (csv, tsv, jsonl, html, txt); None: by name
    label_column    column of the label in labelled data (training, evaluation)
    folds           folds of the stratified cross-validation
    """

    language: str = DEFAULT_LANGUAGE
    lexicon_dir: str | None = None
    extra_lexicons: tuple[str, ...] = field(default=())
    packs: tuple[str, ...] = field(default=())
    model: str | None = None
    stance: bool = True
    actors: str | None = None
    axis: str | None = None
    window_days: int = DEFAULT_WINDOW_DAYS
    by: str = DEFAULT_BY
    format: str = DEFAULT_FORMAT
    text_column: str = DEFAULT_TEXT_COLUMN
    id_column: str = DEFAULT_ID_COLUMN
    outlet_column: str = DEFAULT_OUTLET_COLUMN
    date_column: str = DEFAULT_DATE_COLUMN
    title_column: str = DEFAULT_TITLE_COLUMN
    url_column: str = DEFAULT_URL_COLUMN
    event_column: str = DEFAULT_EVENT_COLUMN
    input_format: str | None = None
    label_column: str = DEFAULT_LABEL_COLUMN
    folds: int = DEFAULT_FOLDS

    def __post_init__(self) -> None:
        if self.language not in available_languages():
            raise SettingsError(f"language '{self.language}' is not supported; choose from "
                                f"{', '.join(available_languages())}")
        for name in ("extra_lexicons", "packs"):  # a list would make the settings unhashable
            if not isinstance(getattr(self, name), tuple):
                object.__setattr__(self, name, tuple(str(p) for p in getattr(self, name)))
        for name in ("lexicon_dir", "model", "actors"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, str):
                object.__setattr__(self, name, str(value))  # a Path is fine
        if not 0 <= self.window_days <= MAX_WINDOW_DAYS:
            raise SettingsError(f"window_days must be 0 … {MAX_WINDOW_DAYS}, not {self.window_days}")
        if self.by not in BY_CHOICES:
            raise SettingsError(f"by must be one of {', '.join(BY_CHOICES)}, not '{self.by}'")
        if not 2 <= self.folds <= 20:
            raise SettingsError(f"folds must be 2 … 20, not {self.folds}")

    def read_options(self) -> ReadOptions:
        """The column names as `framing.readers` takes them."""
        return ReadOptions(text_column=self.text_column, id_column=self.id_column, outlet_column=self.outlet_column,
                           date_column=self.date_column, title_column=self.title_column,
                           url_column=self.url_column, event_column=self.event_column,
                           input_format=self.input_format, language=self.language)

    def with_(self, **changes: Any) -> Settings:
        """A copy with some choices changed: `settings.with_(stance=False)`."""
        return replace(self, **changes)


DEFAULTS: Final = Settings()


def resolve(settings: Settings | None) -> Settings:
    """The settings to use: the given ones, or the defaults."""
    return DEFAULTS if settings is None else settings


"""Errors raised by the library; the CLI turns them into one line and an exit code."""


class FramingError(Exception):
    """Base class: the message says what is wrong and what to do."""


class InputError(FramingError):
    """An input file, row or option cannot be used."""


class LexiconError(FramingError):
    """A lexicon file is invalid (message starts with FILE:LINE)."""


class ModelError(FramingError):
    """A model or training file cannot be used."""

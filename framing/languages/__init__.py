"""Languages as data: what the pipeline needs to know about the language of the texts.

A `Language` holds the lemmatiser, the function words that tell a text in the language from
others, and the word lists the stages use (sentence rules, speech verbs, case cues, stop
words, …). German lives in `framing.languages.de`; another language is one more module here
(or a `Language` registered with `register`) and a lexicon folder, not edits across the
pipeline. `Settings(language=…)` names the language of a run.

How the stages get it: a run resolves its language once (`get_language(settings.language)`)
and loads the lexicon for it (`Lexicon.language`); the matcher binds the lexicon, `tokenize`
binds the language to the document it makes (`Doc.language`), and every later stage
(quotations, targets, actor mentions, events) reads its word lists from the document's
language. Each stage turns a language into its own typed rules once per language object
(`functools.cache` on the object: `Language` compares and hashes by identity), so no stage
looks a list up by name per token, and no module outside this package imports a language
module.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Final

WORD_RE: Final = re.compile(r"[^\W\d_]+")
UNDETERMINED: Final = "und"  # ISO 639-2: the language of a text that is none of the run's
DEFAULT: Final = "de"  # the language of a run that names none (Settings.language)


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: stages cache their rules per object
class Language:
    """One language of texts (see the module docstring).

    code            ISO 639-1 code; articles read in the language carry it as `language`
    name            the language's English name (for messages)
    lemmatize       a word (as written) -> its dictionary form
    is_known        whether the lemmatiser's dictionary knows a word
    function_words  frequent words of the language that other major languages do not share:
                    a text is taken to be in the language when enough of its words are among them
    min_share       below this share of function words a text is not taken for the language
    min_words       texts with fewer words cannot be judged and are taken as in the language
    lists           the stages' word lists and tables by name ("abbreviations", "months",
                    "speech_verbs", "demonyms", "stem_rules", …): sets of words, tuples, dicts;
                    a list the language lacks is empty for the stage that asks for it
    lexicon         the folder of its shipped lexicon under lexicons/ (None: the code)
    """

    code: str
    name: str
    lemmatize: Callable[[str], str]
    is_known: Callable[[str], bool]
    function_words: frozenset[str]
    min_share: float = 0.04
    min_words: int = 20
    lists: dict[str, Any] = field(default_factory=dict)
    lexicon: str | None = None

    def share(self, text: str) -> tuple[float, int]:
        """(share of the language's function words among the words, number of words)."""
        words = WORD_RE.findall(text)
        if not words:
            return 0.0, 0
        return sum(1 for w in words if w.lower() in self.function_words) / len(words), len(words)

    def looks_like(self, text: str) -> tuple[bool, float]:
        """(whether the text is taken to be in the language, its share of function words)."""
        share, n = self.share(text)
        return (n < self.min_words or share >= self.min_share), share

    @property
    def lexicon_folder(self) -> str:
        """Name of the shipped lexicon folder for the language (lexicons/<name>)."""
        return self.lexicon or self.code

    def words(self, name: str) -> frozenset[str]:
        """A word list of the language by name (empty when the language has none)."""
        return frozenset(self.lists.get(name, ()))

    def sequence(self, name: str) -> tuple[Any, ...]:
        """An ordered list of the language by name (endings, rules; empty when it has none)."""
        return tuple(self.lists.get(name, ()))

    def table(self, name: str) -> dict[str, Any]:
        """A table of the language by name (word -> value; empty when the language has none)."""
        return dict(self.lists.get(name, {}))


_REGISTERED: dict[str, Language] = {}


def register(language: Language) -> Language:
    """Make `language` available to `Settings(language=code)` (a language module registers
    itself when imported; a program may register its own)."""
    _REGISTERED[language.code] = language
    return language


def shipped() -> tuple[str, ...]:
    """Codes of the language modules in this package."""
    return tuple(sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_")))


def available() -> tuple[str, ...]:
    """Codes of every language a run can use: the shipped modules and the registered ones."""
    return tuple(sorted({*shipped(), *_REGISTERED}))


def default_language() -> Language:
    """The language of a run that names none (DEFAULT: German)."""
    return get_language(DEFAULT)


def get_language(code: str) -> Language:
    """The language with this code (its module imported on first use); KeyError if none."""
    if code not in _REGISTERED and code in shipped():
        importlib.import_module(f"{__name__}.{code}")  # registers itself
    return _REGISTERED[code]

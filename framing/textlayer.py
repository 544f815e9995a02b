"""Article → analysed document: the text layer and quotation spans together."""

from __future__ import annotations

from dataclasses import dataclass

from framing.articles import Article
from framing.languages import Language
from framing.quotes import Quote, find_quotes
from framing.text import Doc, tokenize


@dataclass(frozen=True, slots=True)
class Analysed:
    article: Article
    doc: Doc
    quotes: tuple[Quote, ...]


def analyse(article: Article, language: Language | None = None) -> Analysed:
    """The article's text layer and quotations in the run's language (German when None)."""
    doc = tokenize(article.text, language)
    quotes = find_quotes(doc)
    doc.release_tokens()  # quotes keep offsets only; later stages read the token columns
    return Analysed(article, doc, quotes)

"""Article → analysed document: the text layer and quotation spans together."""

from __future__ import annotations

from dataclasses import dataclass

from framing.articles import Article
from framing.quotes import Quote, find_quotes
from framing.text import Doc, tokenize


@dataclass(frozen=True, slots=True)
class Analysed:
    article: Article
    doc: Doc
    quotes: tuple[Quote, ...]


def analyse(article: Article) -> Analysed:
    doc = tokenize(article.text)
    quotes = find_quotes(doc)
    doc.release_tokens()  # quotes keep offsets only; later stages read the token columns
    return Analysed(article, doc, quotes)

"""A sentence's tokens as the quotation finder reads them (`framing.quotes`).

A module of its own because it subclasses `list`: the quotation finder is compiled with mypyc
where a compiler is available (see hatch_build.py), and mypyc compiles no subclasses of
built-in types; this class stays interpreted and the compiled code uses it as any Python
object."""

from __future__ import annotations

from typing import Any

from framing.text import TokenType


class Run(list[TokenType]):
    """A sentence's tokens for the quotation finder: `run[i]` is the token's type (text, norm,
    lemma, low, …), `run.starts[i]` its offset (its end is start + `run[i].length`),
    `run.codes[i]` its code character, `run.words` the word lists of its language; no `Token`
    is built per occurrence. Built by `framing.quotes._Runs`: the list in C, then the columns
    set."""

    __slots__ = ("codes", "starts", "words")
    starts: list[int]
    codes: str
    words: Any  # the quotation finder's word lists of the text's language (framing.quotes._Words)

    def end(self, i: int) -> int:
        return self.starts[i] + self[i].length

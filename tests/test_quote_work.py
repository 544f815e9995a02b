"""Bad quotation marks cost linear work: counted in executed lines of framing/quotes.py, not time."""

import sys

import pytest

import framing.quotes as quotes_module
from framing.quotes import find_quotes
from framing.text import tokenize

QUOTES_FILE = quotes_module.__file__


def _steps(text: str) -> int:
    doc = tokenize(text)
    count = 0

    def tracer(frame, event, arg):
        nonlocal count
        if frame.f_code.co_filename != QUOTES_FILE:
            return None
        if event == "line":
            count += 1
        return tracer

    old = sys.gettrace()
    sys.settrace(tracer)
    try:
        find_quotes(doc)
    finally:
        sys.settrace(old)
    return count


# text builders: n marks of a bad kind, written by the team
BAD = {
    "never closed": lambda n: "Er sagte „Wir " + "„kommen " * n + "bald.",
    "closers only": lambda n: "Der Text. " + "Wort“ " * n + "Ende.",
    "mixed styles": lambda n: "Sie sagte: " + " ".join(("„a", "»b", "«c", '"d', "'e", "“f", "‚g")[k % 7]
                                                  for k in range(n)) + ".",
    "guillemets that cannot close": lambda n: "Er sagte „Wort " + "«x " * n + "und ging.",
    "nested": lambda n: "Er sagte: " + "„a ‚b " * n + "c‘ d“" * n + ", sagte er.",
    "many short scare quotes": lambda n: "Die Regierung sagte, " + " ".join("„Wort“" for _ in range(n)) + " sei gut.",
}


@pytest.mark.parametrize("kind", sorted(BAD))
def test_bad_quotation_marks_cost_linear_work(kind):
    build = BAD[kind]
    small, large = _steps(build(400)), _steps(build(1600))
    assert large <= 4 * small * 1.3, (kind, small, large)  # 4x the marks: at most ~4x the work


def test_ten_thousand_marks_and_the_rest_still_analysed():
    text = "Putin sagte: „" + "„Wort " * 5000 + "«" * 5000 + "\n\nDer Minister sagte, die Lage sei ernst."
    qs = find_quotes(tokenize(text))
    assert any(q.kind == "reported" and q.text == "die Lage sei ernst" for q in qs)
    for q in qs:
        assert text[q.start : q.end] == q.text

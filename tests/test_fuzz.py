"""Fuzzing the readers and the text layer with hypothesis: no exception escapes, problems are
reported with their file, and every offset slices the article's text."""

from __future__ import annotations

import csv
import io
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing.lexicon import default_lexicon
from framing.matching import Matcher
from framing.readers import ReadOptions, decode_input, read_articles, read_text_input
from framing.scoring import score_article
from framing.textlayer import analyse

QUOTES = "„“”‚‘’»«\"'"
HOSTILE = st.text(alphabet=st.one_of(
    st.characters(codec="utf-8"),  # everything UTF-8 can hold …
    st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF),  # … lone surrogates …
    st.sampled_from([*QUOTES, "\x00", "\x0b", "\x1b", "\r", "\n", "\u2028", "\ufeff", "\u00ad", "\u202e"]),
), max_size=300)

_MATCHER: list[Matcher] = []


def _matcher() -> Matcher:
    if not _MATCHER:
        _MATCHER.append(Matcher(default_lexicon()))
    return _MATCHER[0]


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=600), st.sampled_from(["a.txt", "a.csv", "a.jsonl", "a.json", "a.tsv", "a"]))
def test_random_bytes_never_raise(data, name):
    try:
        text, _, notes = decode_input(data)
    except Exception as e:  # only the documented refusal of binary data may come out
        assert type(e).__name__ == "BinaryInput"
        return
    assert all(line >= 1 for line, _ in notes)
    for item in read_text_input(text, name, ReadOptions()):
        assert item.source.startswith(name) or getattr(item, "id", None) is not None


CELL = st.one_of(st.text(max_size=40), st.sampled_from(['"', '""', "\n", "\r", ",", ";", "=1+1", ""]))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(CELL, min_size=1, max_size=4), max_size=8), st.booleans())
def test_random_csv_structure(rows, well_formed):
    if well_formed:
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(["id", "text"])
        for i, r in enumerate(rows):
            w.writerow([f"r{i}", " ".join(r)])
        text = buf.getvalue()
    else:  # cells joined raw: stray quotes, separators and line breaks
        text = "id,text\n" + "\n".join(",".join(r) for r in rows)
    items = list(read_text_input(text, "t.csv", ReadOptions()))
    articles = [i for i in items if hasattr(i, "text")]
    if well_formed:  # nothing lost, nothing invented: one article per row with text
        want = [f"r{i}" for i, r in enumerate(rows) if " ".join(r).strip()]
        assert [a.id for a in articles] == want
    else:
        assert len(articles) <= len(rows)


JSON_VALUE = st.recursive(st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                                    st.text(max_size=20)),
                          lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5),
                                                                                              children, max_size=3),
                          max_leaves=10)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(JSON_VALUE, st.fixed_dictionaries({"id": JSON_VALUE, "text": JSON_VALUE}),
                          st.text(max_size=30)), max_size=6))
def test_random_jsonl_structure(records):
    lines = [r if isinstance(r, str) else json.dumps(r) for r in records]
    items = list(read_text_input("\n".join(lines), "t.jsonl", ReadOptions()))
    for i in items:
        if hasattr(i, "text"):
            assert isinstance(i.text, str) and i.text.strip()


@settings(max_examples=150, deadline=None)
@given(HOSTILE)
def test_hostile_text_through_the_pipeline(text):
    """Random Unicode with surrogates, controls and quotation marks: the article is built, its
    text layer, quotations and hits computed, and every offset slices the article's text."""
    result = read_articles(["-"], stdin=text.encode("utf-8", errors="surrogatepass"))
    for a in result.articles:
        an = analyse(a)
        n = len(a.text)
        for s in an.doc.sentences:
            assert 0 <= s.start < s.end <= n
        for q in an.quotes:
            assert a.text[q.start:q.end] == q.text
        for h in score_article(an, _matcher()).hits:
            assert 0 <= h.start < h.end <= n and a.text[h.start:h.end] == h.surface
        for p in a.parts:
            assert 0 <= p.start <= p.end <= n

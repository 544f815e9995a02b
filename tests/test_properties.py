"""Free text never crashes the text layer, and every offset slices back to its surface."""

from hypothesis import given, settings
from hypothesis import strategies as st

from framing.articles import build_article
from framing.quotes import find_quotes
from framing.text import tokenize

PIECES = st.sampled_from(
    [*"abcdefghijklmnopqrstuvwxyzäöüßABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜ0123456789 .,;:!?-–—()\n",
     "„", "“", "”", "‚", "‘", "’", "»", "«", '"', "'", "\u00ad", "\u00a0", "\u0308", "*innen",
     "z. B. ", "Dr. ", "12. ", "sagte ", "laut ", " sei ", "\n\n", "Putin ", ", so "]
)
GERMANISH = st.lists(PIECES, max_size=120).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(GERMANISH, st.text(max_size=200)))
def test_text_layer_offsets(text):
    doc = tokenize(text)
    for t in doc.tokens:
        assert text[t.start : t.end] == t.text
        assert t.end > t.start
    for s in doc.sentences:
        assert 0 <= s.start < s.end <= len(text)
    for q in find_quotes(doc):
        assert text[q.start : q.end] == q.text
        assert q.kind in ("direct", "reported", "scare", "title")


@settings(max_examples=150, deadline=None)
@given(GERMANISH)
def test_build_article_parts_within_text(raw):
    a = build_article(raw, id="x", source="x")
    for p in a.parts:
        assert 0 <= p.start <= p.end <= len(a.text)

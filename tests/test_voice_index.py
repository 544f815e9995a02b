"""The voice of a range found through VoiceIndex equals the plain scan over all quotations,
and the work it does grows linearly with the text (steps counted, no timing)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from framing.articles import build_article
from framing.quotes import Quote, VoiceIndex
from framing.textlayer import analyse


def _naive(quotes, start, end):
    best = None
    for q in quotes:
        if q.start > start:
            break
        if end <= q.end and (best is None or q.end - q.start < best.end - best.start):
            best = q
    return ("outlet", "") if best is None else (best.voice, best.speaker)


SPAN = st.tuples(st.integers(0, 200), st.integers(1, 60))


@settings(max_examples=300, deadline=None)
@given(st.lists(SPAN, max_size=12), st.lists(SPAN, min_size=1, max_size=12))
def test_index_equals_plain_scan(spans, probes):
    quotes = tuple(sorted(
        (Quote("direct" if i % 2 else "reported", a, a + n, "x" * n, f"s{i}", "", 0) for i, (a, n) in enumerate(spans)),
        key=lambda q: q.start))
    index = VoiceIndex(quotes)
    for a, n in probes:
        assert index.voice_at(a, a + n) == _naive(quotes, a, a + n)


def _steps(repeats: int) -> int:
    unit = ("Der Minister sprach von einer „Zeitenwende“. Die Opposition erklärte, der Plan sei falsch. "
            "Der Autokrat tönte laut. „Wir bleiben“, sagte sie.\n\n")
    an = analyse(build_article(unit * repeats, id="x", source="x"))
    index = VoiceIndex(an.quotes)
    for t in range(len(an.doc.starts)):
        index.voice_at(an.doc.starts[t], an.doc.end(t))
    return index.steps


def test_voice_lookup_work_grows_linearly():
    small, large = _steps(200), _steps(800)
    assert large <= 4.5 * small  # linear: 4x the text, about 4x the steps (a scan would be 16x)

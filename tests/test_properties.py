"""Free text never crashes the text layer, and every offset slices back to its surface."""

from hypothesis import given, settings
from hypothesis import strategies as st

from framing.articles import build_article
from framing.quotes import find_quotes
from framing.text import normalise, split_sentences, text_layer, token_type, tokenize

PIECE_LIST = (
    [*"abcdefghijklmnopqrstuvwxyzäöüßABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜ0123456789 .,;:!?-–—()\n",
     "„", "“", "”", "‚", "‘", "’", "»", "«", '"', "'", "\u00ad", "\u00a0", "\u0308", "*innen",
     "z. B. ", "Dr. ", "12. ", "sagte ", "laut ", " sei ", "\n\n", "Putin ", ", so "]
)
PIECES = st.sampled_from(PIECE_LIST)
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


def _reference_tokens(text):
    """Tokens the plain way: the token regex over each sentence of the normalised text, the
    types from the surfaces as written (what tokenize's per-chunk assembly must reproduce)."""
    norm = normalise(text)
    out = []
    for si, (a, b) in enumerate(split_sentences(text)):
        for m in text_layer().rules.token_re.finditer(norm, a, b):
            out.append((m.start(), m.end(), si, token_type(text[m.start() : m.end()])))
    return out


@settings(max_examples=400, deadline=None)
@given(st.one_of(GERMANISH, st.text(max_size=200),
                 st.lists(st.sampled_from(["Asyl- und ", "Asyl-\nund ", "\u2014", " \u2011 ", "- bzw. ",
                                           "Bürger*innen ", "  ", "\t", "\u2009", *PIECE_LIST]),
                          max_size=60).map("".join)))
def test_tokenize_equals_the_reference_tokenizer(text):
    """The chunk-cached, column-built tokenizer gives exactly the reference tokens."""
    doc = tokenize(text)
    got = list(zip(doc.starts, doc.ends, doc.sent, doc.types, strict=True))
    assert got == _reference_tokens(text)
    assert doc.words == sum(t.is_word for t in doc.types)
    for s in doc.sentences:
        assert all(doc.sent[k] == s.index for k in range(s.first_token, s.last_token))
        assert doc.sentence_at(s.start) == s.index


@settings(max_examples=150, deadline=None)
@given(GERMANISH)
def test_build_article_parts_within_text(raw):
    a = build_article(raw, id="x", source="x")
    for p in a.parts:
        assert 0 <= p.start <= p.end <= len(a.text)


# free text with the words the later stages react to: actors, loaded words, speech verbs
LOADED = st.sampled_from(
    [*"abcdefgh .,;:!?-\n", "„", "“", '"', "Putin ", "Kremlchef ", "der russische Autokrat ", "Kim Jong-un ",
     "Diktator ", "angebliche ", "Invasion ", "drohte ", "behauptete ", "es droht ", "die USA ", "Washington ",
     "im Angstmodus ", "schüren Panik ", "sagte Peskow", ", so Sullivan", "warf ", " vor", "bezeichnete ", " als ",
     "Wie Reuters berichtet, ", "Russlands ", "Kiew "]
)
NEWSISH = st.lists(LOADED, max_size=80).map("".join)


@settings(max_examples=120, deadline=None)
@given(st.one_of(NEWSISH, GERMANISH))
def test_scores_stance_and_targets_never_crash(text):
    from framing.actors import descriptor, find_mentions
    from framing.articles import Article
    from framing.lexicon import default_lexicon
    from framing.matching import Matcher
    from framing.scoring_batches import score_articles
    from framing.stance import default_model
    from framing.textlayer import analyse

    matcher = _matcher(default_lexicon, Matcher)
    an = analyse(Article(id="p", text=text, source="p"))
    mentions = find_mentions(an.doc)
    taken = {k for m in mentions for k in range(m.first, m.last)}
    for m in mentions:
        assert text[m.start : m.end] == m.surface
        d = descriptor(an.doc, m, taken)
        assert d == "" or d in text
    (score,) = score_articles([an.article], matcher, default_model(matcher))
    rec = score.record()
    assert score.stance is not None
    if score.stance.label == "off-axis":  # no number, a reason instead
        assert rec["stance"] is None and rec["stance_reason"].startswith("not about this axis")
    else:
        assert score.stance.score is not None
        assert -1.0 <= score.stance.score <= 1.0 and 0.0 <= score.stance.confidence <= 1.0
    for h in rec["hits"]:
        assert text[h["start"] : h["end"]] == h["term"]
        assert h.get("direction", "none") in ("critical", "aligned", "none")


_CACHE: dict[str, object] = {}


def _matcher(default_lexicon, matcher_cls):
    if "m" not in _CACHE:
        _CACHE["m"] = matcher_cls(default_lexicon())
    return _CACHE["m"]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(NEWSISH, st.sampled_from([None, "2024", "2024-06", "2024-06-18", "2023-09-01"]),
                          st.sampled_from([None, "RT DE", "Ippen Media", "<Ost & West>", "x|y"])),
                min_size=1, max_size=4))
def test_compare_never_crashes_and_places_every_article_once(items):
    from framing.articles import Article
    from framing.compare import compare_event, event_comparison, group_events
    from framing.lexicon import default_lexicon
    from framing.matching import Matcher
    from framing.render.compare import render_csv, render_html, render_json, render_table
    from framing.scoring_batches import score_articles

    arts = [Article(id=f"a{i}", text=t or ".", source="p", date=d, outlet=o) for i, (t, d, o) in enumerate(items)]
    scores = list(score_articles(arts, _matcher(default_lexicon, Matcher), None))
    events = group_events(scores)
    placed = sorted(s.analysed.article.id for e in events for s in e.scores)
    assert placed == sorted(a.id for a in arts)
    chosen = [event_comparison(e, compare_event(e)) for e in events]
    for item in chosen:
        table = render_table(item, 80)
        assert max(len(line) for line in table.splitlines()) <= 80
    assert render_json(chosen) and render_csv(chosen) and "<table>" in render_html(chosen)

"""Compare lemmatisers offline on German inflections written by the team.

    python bench/lemmatisers.py

Prints exact-lemma accuracy and word types per second for simplemma (the one framing uses)
and, if nltk is installed, nltk's Snowball stemmer (a stemmer: shown to make the point that it
folds umlauts and splits forms of one verb).
"""

from __future__ import annotations

import time

import simplemma

# (inflected form, expected lemma) – written by the framing team for this comparison
PAIRS = [
    ("Autokraten", "Autokrat"), ("Diktatoren", "Diktator"), ("behauptete", "behaupten"),
    ("behaupteten", "behaupten"), ("drohte", "drohen"), ("drohten", "drohen"),
    ("alarmierte", "alarmieren"), ("Machthabers", "Machthaber"), ("Regimes", "Regime"),
    ("Despoten", "Despot"), ("Kriegstreibern", "Kriegstreiber"), ("Handlangern", "Handlanger"),
    ("Marionetten", "Marionette"), ("Vasallen", "Vasall"), ("angebliche", "angeblich"),
    ("angeblichen", "angeblich"), ("sogenannten", "sogenannt"), ("vermeintlichen", "vermeintlich"),
    ("mutmaßlichen", "mutmaßlich"), ("unterstellte", "unterstellen"), ("prahlte", "prahlen"),
    ("räumte", "räumen"), ("massiven", "massiv"), ("beispiellosen", "beispiellos"),
    ("imperialistische", "imperialistisch"), ("Invasionen", "Invasion"), ("Angriffskriegs", "Angriffskrieg"),
    ("Gegnern", "Gegner"), ("Präsidenten", "Präsident"), ("Staatschefs", "Staatschef"),
    ("Sanktionen", "Sanktion"), ("Beziehungen", "Beziehung"), ("Verbündete", "Verbündeter"),
    ("Waffen", "Waffe"), ("Flüchtlinge", "Flüchtling"), ("Länder", "Land"), ("Städte", "Stadt"),
    ("Truppen", "Truppe"), ("Soldaten", "Soldat"), ("Raketen", "Rakete"), ("Drohnen", "Drohne"),
    ("verstärken", "verstärken"), ("verstärkte", "verstärken"), ("sucht", "suchen"),
    ("findet", "finden"), ("schüren", "schüren"), ("schürten", "schüren"), ("warnte", "warnen"),
    ("sagte", "sagen"), ("erklärte", "erklären"), ("teilte", "teilen"), ("bestreiten", "bestreiten"),
    ("bestritt", "bestreiten"), ("lieferte", "liefern"), ("geliefert", "liefern"), ("besiegelten", "besiegeln"),
    ("reiste", "reisen"), ("gereist", "reisen"), ("begrüßt", "begrüßen"), ("beobachten", "beobachten"),
    ("isoliert", "isolieren"), ("Ministers", "Minister"), ("Ministerien", "Ministerium"),
    ("Abkommens", "Abkommen"), ("Gespräche", "Gespräch"), ("Übungen", "Übung"), ("Grenzen", "Grenze"),
    ("Interessen", "Interesse"), ("Medien", "Medium"), ("größere", "groß"), ("engeren", "eng"),
    ("westlichen", "westlich"), ("russischen", "russisch"), ("nordkoreanischen", "nordkoreanisch"),
    ("hatte", "haben"), ("war", "sein"), ("sind", "sein"), ("wurde", "werden"), ("könnte", "können"),
    ("sollen", "sollen"), ("Kämpfe", "Kampf"), ("Häfen", "Hafen"), ("Züge", "Zug"),
]


def main() -> None:
    words = [w for w, _ in PAIRS]
    ok = sum(simplemma.lemmatize(w, lang="de") == lem for w, lem in PAIRS)
    misses = [(w, simplemma.lemmatize(w, lang="de"), lem) for w, lem in PAIRS
              if simplemma.lemmatize(w, lang="de") != lem]
    t = time.perf_counter()
    reps = 200
    for _ in range(reps):
        for w in words:
            simplemma.lemmatize(w, lang="de")
    rate = reps * len(words) / (time.perf_counter() - t)
    print(f"simplemma: {ok}/{len(PAIRS)} exact lemmas, {rate:,.0f} word types/s (uncached)")
    for w, got, want in misses:
        print(f"  miss: {w} -> {got} (expected {want})")
    try:
        from nltk.stem.snowball import GermanStemmer
    except ImportError:
        print("nltk not installed: Snowball comparison skipped")
        return
    st = GermanStemmer()
    same = st.stem("behaupten") == st.stem("behauptete")
    print(f"nltk Snowball: stem(Flüchtlinge)={st.stem('Flüchtlinge')!r}, "
          f"stem(behaupten)={st.stem('behaupten')!r}, stem(behauptete)={st.stem('behauptete')!r}"
          f" (same stem: {same}); stems are not lemmas, so exact-lemma accuracy does not apply")


if __name__ == "__main__":
    main()

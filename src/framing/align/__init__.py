"""Align documents on the events they share, so framing is compared like with like.

Data flow::

    sentences ──Aligner──▶ pairs ──events()──▶ Events(members, labels) ──event_comparison()──▶ comparison
                              │                                                                    │
                              └──────────────word_choice(pairs, loaded-term hits)     omissions() ◀┘

**Similarity.** Each sentence becomes a TF-IDF vector of its content words (counts from scikit-learn's
``CountVectorizer``; sublinear term frequency; IDF ``log((1 + n) / (1 + df))`` over the corpus's sentences,
squared so that the rare, event-specific word counts most). Stop words and reporting verbs are dropped (they say
who said it, not what happened); words are stemmed (Snowball's English stemmer, by PyStemmer) after folding
British spellings (-ise, -tre). Proper names — words the corpus itself capitalises mid-sentence at least 80% of
the time — are one feature per name, demonyms folded into their place ("Kurdish"/"Kurds", "Iraqi"/"Iraq",
"Syrian"/"Syria"), given names and titles folded into the name after them ("Qasem Soleimani" → Soleimani),
weighted by ``name_weight``; four-digit years 1800–2099 are features weighted by ``year_weight``. Similarity is
the cosine of the vectors. Two sentences that both give years, none within a year of the other's, usually tell
different events ("sanctioned in 2007" / "sanctioned again in 2011"), so their similarity is multiplied by
``year_conflict``.

**Short runs.** A fact is sometimes split over two sentences ("…met Hill and Odierno." "Hill and Odierno denied
the meeting."). Runs of up to ``max_run`` adjacent sentences of one section are compared with the other
documents' sentences (never run with run); a run counts only when it is more similar to that sentence than each
of its own sentences alone, and then each of its sentences is paired with it at the run's similarity.

**Which pairs.** A pair is proposed when its similarity reaches ``threshold``, the two sides share at least
``min_shared`` features (one shared word between two short captions is coincidence, not an event), and it is
among the ``top_k`` best partners, in that document, of at least one of its two sentences (so a sentence about a
busy topic does not pair with every sentence that shares a name).

**Where the numbers come from.** The feature design and weights were compared on the hand-made gold pairs in
``tests/data/alignment_gold.csv``; the threshold 0.18 was chosen with those pairs *and* a hand audit of what the
aligner proposes beyond them (the gold set's 57 negatives are hard cases; the ~21,000 easy negatives of the
seeds decide how low a threshold can go). ``benchmarks/alignment.py`` re-measures everything; the numbers are in
``benchmarks/RESULTS.md`` (gold precision 0.82, recall 0.51 at 0.18 — below the 0.8 recall hoped for).

All pair scores come from sparse matrix products, a block of rows at a time, keeping only entries at or above
the threshold: nothing loops over all pairs in Python. Verbatim copies (wire copy repeats whole sentences across
articles) are featurized and multiplied once, and their pairs handed to every copy with the same partner cap and
tie order as if each copy had been compared (:mod:`framing.align.pairs`). In a large corpus (exact products
beyond ``products.product_budget``, about 1,700 articles of rarely repeated sentences) a pair is compared
only when its less common words come near the threshold (:mod:`framing.align.products`; ``compare_all`` or
``--exact-alignment`` compares every pair).

Modules, in the order the data flows:

- ``words``: a sentence's words, the corpus's proper names and demonyms, the feature of each word;
- ``features``: :class:`Aligner` (TF-IDF vectors, :func:`align`);
- ``units``, ``products``, ``pairs``, ``filters``: sentences and runs, the blocked sparse products (and the
  shortlist of a large corpus), the pairs with copies collapsed and the partner cap, then the year-conflict
  factor and the top-k guard;
- ``events_file``, ``clusters``, ``grouping``: events files, average-linkage splitting, :func:`events` and labels;
- ``compare``: :func:`event_comparison`, :func:`omissions`, :func:`word_choice`;
- ``columns``: the columns of every table above.
"""

from __future__ import annotations

from ..lazy_exports import lazy_exports

# Imported when first asked for (framing.lazy_exports): checking an events file must not import scikit-learn.
__getattr__, __dir__, __all__ = lazy_exports(__name__, {
    "clusters": ("LINKAGE_LIMIT",),
    "columns": ("COMPARISON_COLUMNS", "EVENT_COLUMNS", "LABEL_COLUMNS", "OMISSION_COLUMNS", "PAIR_COLUMNS",
                "WORD_CHOICE_COLUMNS"),
    "compare": ("event_comparison", "omissions", "word_choice"),
    "events_file": ("EVENT_KEYS", "SEED_EVENTS", "EventSpec", "match_events", "read_events_file"),
    "features": ("AlignedPairs", "Aligner", "Featurized", "Vectors", "align"),
    "filters": ("YEAR_IN_TEXT",),
    "grouping": ("Events", "EventSource", "events"),
    "pairs": ("MAX_PARTNERS",),
    "words": ("BRITISH", "DEMONYM_SUFFIXES", "MONTHS", "NAME_SHARE", "REPORTING_WORDS", "STOP_WORDS", "TOKEN", "YEAR",
              "Names", "Words", "proper_names"),
})

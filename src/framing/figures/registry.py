"""The figures the report writes: stable file stems, short titles and two-sentence captions.

The report saves each figure as ``<stem>.png`` (200 dpi) and ``<stem>.svg`` and prints the caption under it.
Captions say what the figure shows, then how to read it.
"""

from __future__ import annotations

from typing import NamedTuple


class FigureInfo(NamedTuple):
    """One figure of the report: ``title`` (short), ``caption`` (what it shows; how to read it) and, where a
    view draws it differently, ``captions`` by view kind (``spread``: many documents as a distribution)."""

    title: str
    caption: str
    captions: dict[str, str] = {}


# The figures that read the alignment's tables (``comparison``) or the word contributions made beside it: they
# are drawn once the alignment is done; the others may be drawn while it runs (framing.report.drawing).
AFTER_ALIGNMENT = frozenset({"05_word_shift", "06_events"})

FIGURES: dict[str, FigureInfo] = {
    "01_sentiment_distribution": FigureInfo(
        "Sentence sentiment per document",
        "Every sentence's VADER compound score (−1 most negative to +1 most positive) as one dot, one row per "
        "document, with the mean and its 95% interval (bootstrap; Student's t for 5,000 sentences or more) as a "
        "black diamond and bar. Compare where the dots cluster and whether the intervals overlap; dots inside the "
        "grey band are neutral sentences.",
        {"spread": (
            "Each document's mean and median sentence compound (VADER, −1 to +1) as one dot, and the mean of its "
            "writer's-own and attributed sentences, with a box for the middle half of the documents (line = "
            "median). The documents at each end are ringed and named; compare where the boxes sit and how wide "
            "they are."
        )},
    ),
    "02_loaded_terms_by_voice": FigureInfo(
        "Loaded terms by category and voice",
        "How many loaded terms each document uses per 1,000 words, by category, with the writer's own words "
        "(solid) and words inside quotations or attributed clauses (hatched) stacked in one bar. A long solid bar "
        "means the outlet itself uses that kind of language; a mostly hatched bar means it reports others using it.",
        {"spread": (
            "Each document's loaded terms per 1,000 words, by category, one dot per document, for the writer's "
            "own words (left) and quoted or attributed words (right), on one scale. Each row says how many "
            "documents use that kind of language at all; the most loaded document is named."
        )},
    ),
    "03_top_loaded_terms": FigureInfo(
        "Most used loaded terms",
        "Each document's most frequent loaded terms, one panel per document, each labelled with a neutral "
        "wording a wire service might use instead (loaded → neutral). Bar length is the number of uses, solid "
        "for the writer's own voice and hatched for quoted or attributed uses, on the same scale in every panel. "
        "A term tagged [VADER: 0] has no entry in VADER's lexicon, so the sentiment figures cannot see it.",
        {"spread": (
            "The loaded terms used most across all documents, with a neutral wording a wire service might use "
            "instead (loaded → neutral). Bar length is the number of uses, solid for the writer's own voice and "
            "hatched for quoted or attributed uses; the label says how many documents use the term."
        )},
    ),
    "04_attribution_profile": FigureInfo(
        "Attribution profile",
        "Left: the share of each document's sentences that name their source, cite an anonymous source, or give "
        "no source; right: sentences with a quotation, scare quotes, hedges and citations per 100 sentences. "
        "Read the left bars for how much of the text rests on identifiable sources, and the right for how much "
        "is quoted, qualified and referenced.",
        {"spread": (
            "Left: each document's share of sentences that name a source, cite an anonymous one, or give none; "
            "right: quotations, scare quotes, hedges and citations per 100 sentences; one dot per document, box ="
            " middle half. The document with the highest value of each row is named."
        )},
    ),
    "05_word_shift": FigureInfo(
        "Word shift between two documents",
        "The words whose VADER valence, per sentence, differs most between two documents, largest first. A bar "
        "to the left pulls the first document lower (more negative) than the second, a bar to the right pulls the "
        "second lower; its colour is the document it pulls down.",
    ),
    "06_events": FigureInfo(
        "Same events across documents",
        "One row per event and one column per document: the cell colour and first number are the mean sentence "
        "sentiment (red negative, blue positive), under it the number of sentences on the event and of loaded "
        "terms in them (at most 15 events, those most documents cover; all are in event_comparison.csv). Hatched "
        "grey cells marked “not covered” are events the document leaves out — an omission, not a neutral report.",
        {"spread": (
            "For the events most documents cover, one dot per covering document: the mean VADER compound of its "
            "sentences on the event, with a box for the middle half. A wide spread means documents tell the same "
            "event in very different tones; every event and document is in event_comparison.csv."
        )},
    ),
    "07_sentiment_arc": FigureInfo(
        "Sentiment along each document",
        "Each sentence's VADER compound score in reading order, one panel per document on the same vertical "
        "scale, with a rolling mean line (over 5 sentences, or a fortieth of a document of 240 sentences or more, "
        "so that a long document's arc shows). Outlined markers pick out the headline, bullet lines, subheadings "
        "and image captions, so you can see whether the framing devices are more negative than the body text.",
        {"spread": (
            "Sentence sentiment by position in the document (start → end, in tenths of its length): the line is "
            "the mean over documents of each document's mean in that tenth, the band the middle half of the "
            "documents. Documents shorter than ten sentences are left out."
        )},
    ),
    "08_harm_agency": FigureInfo(
        "How harm is told",
        "Each document's reports of killing, death, wounding and arrest, by how they are told: with the agent as "
        "subject (“police killed”), a passive naming the agent, a passive without one (“were killed”), a noun "
        "(“deaths”), an adjective (“the dead”) or a verb that allows no agent (“died”). Dark segments say who did "
        "it, light ones do not; the label gives the number of expressions and the share with a stated agent.",
        {"spread": (
            "Each construction's share of a document's harm expressions (killing, death, wounding, arrest …), one "
            "dot per document that reports harm, with a box for the middle half; the last row is the share with "
            "a stated agent. The document with the highest share of each row is named."
        )},
    ),
    "09_who_is_called_what": FigureInfo(
        "Who is called what",
        "The actors the documents' loaded labels are applied to most often (the same rows in every panel), with "
        "the labels each document applies to each, by category: solid for the writer's own voice, hatched for "
        "labels quoted or attributed to a source. Compare an actor along its row: who calls it a terrorist, a "
        "martyr or a regime, and whether in their own words.",
        {"spread": (
            "For the actors labelled in most documents, how many documents apply each category of loaded label to "
            "them in the writer's own voice (solid) and how many report such a label from a source (hatched); a "
            "document using both counts in both bars. Which words, and who says them, are in terms.csv."
        )},
    ),
    "10_neutral_rewrite": FigureInfo(
        "How far the neutral rewrite moves sentiment",
        "Each document's sentences with loaded words in the writer's own voice, rewritten with the lexicon's "
        "neutral alternatives (quoted words untouched): their mean VADER compound as written (ring) and in neutral "
        "words (dot), with the change. A short arrow means VADER hardly sees the loaded words; an arrow to the left "
        "means the neutral words (“killed” for “slaughtered”) are ones VADER scores and the loaded ones are not.",
        {"spread": (
            "For every document with a rewritten sentence, one dot for the mean VADER compound of those sentences as "
            "written, one in neutral words, and one for the shift between them, with a box for the middle half. "
            "The most shifted documents are named; every sentence and its rewrite is in rewrites.csv."
        )},
    ),
    "11_headline_vs_body": FigureInfo(
        "Headline vs body",
        "For each document with a headline: the mean VADER compound of its headline, bullet lines and body "
        "(left; a bar is the 95% interval of the mean — bootstrap, or Student's t from 5,000 sentences — given "
        "only for sections of 5 sentences or more) and their loaded terms per 1,000 words, the writer's own solid "
        "and reported hatched (right). A headline far left of its body, or with a longer bar, frames the story "
        "more sharply than the text under it.",
        {"spread": (
            "Each document's headline minus its body, one dot per document with both: in mean VADER compound (top; "
            "left of 0 = the headline is more negative) and in loaded terms per 1,000 words, own and reported "
            "(bottom), with a box for the middle half; the most extreme documents are named."
        )},
    ),
}

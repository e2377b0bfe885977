"""Sentence sentiment of the three seeds side by side (figures/sentiment_distribution.png)."""

from _seeds import FIGURES, SEEDS

import framing
from framing.figures import sentiment_distribution_figure
from framing.report import save_figure

analysis = framing.analyze(SEEDS)
figure = sentiment_distribution_figure(analysis.summary_sentences, analysis.sentiment_summary,
                                       order=analysis.order)
save_figure(figure, FIGURES / "sentiment_distribution", formats=("png",))

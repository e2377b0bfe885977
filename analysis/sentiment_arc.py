"""Sentiment along each seed in reading order, headline and bullets marked (figures/sentiment_arc.png)."""

from _seeds import FIGURES, SEEDS

import framing
from framing.figures import sentiment_arc_figure
from framing.report import save_figure

analysis = framing.analyze(SEEDS, sections=None)
figure = sentiment_arc_figure(analysis.sentences, analysis.sentences, order=analysis.order)
save_figure(figure, FIGURES / "sentiment_arc", formats=("png",))

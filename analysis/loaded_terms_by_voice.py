"""Loaded terms per 1,000 words by category, the writer's own vs reported (figures/loaded_terms_by_voice.png)."""

from _seeds import FIGURES, SEEDS

import framing
from framing.figures import loaded_terms_figure
from framing.report import save_figure

analysis = framing.analyze(SEEDS)
figure = loaded_terms_figure(analysis.loaded_summary, sentences=analysis.summary_sentences, order=analysis.order)
save_figure(figure, FIGURES / "loaded_terms_by_voice", formats=("png",))

"""Each seed's most used loaded terms with their neutral alternatives (figures/top_loaded_terms.png)."""

from _seeds import FIGURES, SEEDS

import framing
from framing.figures import top_terms_figure
from framing.report import save_figure

analysis = framing.analyze(SEEDS)
figure = top_terms_figure(analysis.term_counts, sentences=analysis.summary_sentences, top=8, order=analysis.order)
save_figure(figure, FIGURES / "top_loaded_terms", formats=("png",))

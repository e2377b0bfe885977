"""Who each seed cites, and how: named / anonymous / none, quotes, hedges, citations (figures/attribution_profile.png)."""

from _seeds import FIGURES, SEEDS

import framing
from framing.figures import attribution_figure
from framing.report import save_figure

analysis = framing.analyze(SEEDS)
figure = attribution_figure(analysis.attribution_summary, order=analysis.order)
save_figure(figure, FIGURES / "attribution_profile", formats=("png",))

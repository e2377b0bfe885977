"""The same events side by side: sentiment and loaded terms per event and document (figures/events.png)."""

from _seeds import FIGURES, SEEDS

import framing
from framing.figures import event_figure
from framing.report import save_figure

analysis = framing.analyze(SEEDS)  # uses seeds/events.toml
figure = event_figure(analysis.comparison, order=analysis.order)
save_figure(figure, FIGURES / "events", formats=("png",))

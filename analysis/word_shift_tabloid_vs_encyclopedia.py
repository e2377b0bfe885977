"""Which words make the Daily Mail more negative than the 2017 Wikipedia revision (figures/word_shift.png)."""

from _seeds import FIGURES, SEEDS

import framing
from framing.figures import word_shift_figure
from framing.report import save_figure
from framing.scorers.contributions import word_shift

TABLOID, ENCYCLOPEDIA = "dailymail-2020", "wikipedia-2017"

analysis = framing.analyze(SEEDS)
summary = analysis.summary_sentences
contributions = analysis.contributions.merge(summary[["doc_id", "sent_id"]], on=["doc_id", "sent_id"])
shift = word_shift(contributions, summary, TABLOID, ENCYCLOPEDIA)
figure = word_shift_figure(shift, doc_a=TABLOID, doc_b=ENCYCLOPEDIA, sentences=summary, order=analysis.order)
save_figure(figure, FIGURES / "word_shift", formats=("png",))

"""Figure 11: headline and bullets against the body, side by side and across many documents."""

import numpy as np
import pandas as pd
import pytest
from matplotlib.collections import PathCollection

from framing.figures import NothingToShow
from framing.figures.sections import headline_body_figure, headline_body_spread_figure
from framing.figures.style import palette
from framing.section_summary import headline_contrast

from . import synthetic as s
from .helpers import hexes, texts, ytick_labels


def test_each_document_with_a_headline_gets_its_sections_and_the_others_are_named():
    fig = headline_body_figure(s.by_section(), order=s.DOCS)
    tone, loaded = fig.axes
    assert ytick_labels(tone) == ["wikipedia-2025", "headline (n = 1)", "body (n = 30)", "dailymail-2020",
                                  "headline (n = 1)", "bullet lines (n = 4)", "body (n = 80)"]
    title = fig._suptitle.get_text().replace("\n", " ")
    assert "n = 116 sentences in 2 documents with a headline (no headline, not drawn: wikipedia-2017)" in title
    # Captions are left out: the figure compares the framing devices with the body.
    assert not any("caption" in label for label in ytick_labels(tone))
    dots = {c.get_gid(): c for c in tone.collections if isinstance(c, PathCollection) and c.get_gid()}
    assert dots["headline:dailymail-2020"].get_offsets()[0][0] == pytest.approx(-0.87)
    assert hexes(dots["headline:dailymail-2020"].get_facecolor()) == {palette(s.DOCS)["dailymail-2020"].lower()}


def test_intervals_only_where_the_table_has_one_else_n_too_small():
    fig = headline_body_figure(s.by_section(), order=s.DOCS)
    tone = fig.axes[0]
    notes = [t for t in tone.texts if t.get_text() == "n too small"]
    assert len(notes) == 3  # two one-sentence headlines, four bullet lines
    intervals = {c.get_gid(): c.get_segments()[0][:, 0] for c in tone.collections
                 if (c.get_gid() or "").startswith("interval:")}
    assert set(intervals) == {"interval:body:wikipedia-2025", "interval:body:dailymail-2020"}
    assert intervals["interval:body:dailymail-2020"] == pytest.approx([-0.19, 0.01])


def test_loaded_bars_stack_own_and_reported():
    loaded = headline_body_figure(s.by_section(), order=s.DOCS).axes[1]
    assert "97.6 + 0.0" in [t.get_text() for t in loaded.texts]
    widths = sorted(round(p.get_width(), 1) for p in loaded.patches if p.get_width() > 0)
    assert widths == [3.8, 4.6, 7.3, 8.7, 13.3, 97.6]
    # The reported part starts where the writer's own ends.
    assert sorted(round(p.get_x(), 1) for p in loaded.patches if p.get_width() > 0) == [0, 0, 0, 0, 4.6, 8.7]


def test_no_headline_anywhere_draws_nothing():
    table = s.by_section()
    with pytest.raises(NothingToShow, match="no document has a headline"):
        headline_body_figure(table[table["section"] != "headline"], order=s.DOCS)
    with pytest.raises(NothingToShow):
        headline_body_figure(pd.DataFrame())


def test_spread_shows_the_differences_and_names_the_most_extreme():
    rng = np.random.default_rng(3)
    rows = []
    for i in range(40):
        body = rng.uniform(-0.3, 0.3)
        rows.append((f"d{i:02d}", "body", 20, body, 5.0, 1.0))
        if i % 2 == 0:
            rows.append((f"d{i:02d}", "headline", 1, body - 0.4 if i == 0 else body + rng.normal(0, 0.1), 50.0, 0.0))
    table = pd.DataFrame(rows, columns=["doc_id", "section", "n_sentences", "mean_compound",
                                        "loaded_authorial_per_1000", "loaded_reported_per_1000"])
    fig = headline_body_spread_figure(headline_contrast(table), n_documents=40)
    assert [len(ax.get_yticks()) for ax in fig.axes] == [1, 2]
    assert "20 of 40 documents have a headline and a body" in fig._suptitle.get_text().replace("\n", " ")
    named = {t.get_text() for t in texts(fig) if t.get_gid() and t.get_gid().startswith("named:")}
    assert "d00" in named  # the headline 0.4 below its body


def test_spread_with_no_headline_draws_nothing():
    with pytest.raises(NothingToShow, match="no document has both a headline and a body"):
        headline_body_spread_figure(headline_contrast(s.by_section().iloc[2:3]), n_documents=1)

import numpy as np
import pandas as pd
import pytest

from framing.figures._common import NothingToShow
from framing.figures.rewrites import rewrite_figure, rewrite_shifts, rewrite_spread_figure

from . import synthetic as s


def test_each_document_gets_an_arrow_from_written_to_neutral_and_the_count():
    documents = s.rewrite_summary()
    fig = rewrite_figure(documents, order=s.DOCS)
    ax = fig.axes[0]
    arrows = {a.get_gid(): a for a in ax.texts if (a.get_gid() or "").startswith("shift:")}
    assert set(arrows) == {"shift:wikipedia-2025", "shift:dailymail-2020"}
    daily = arrows["shift:dailymail-2020"]
    assert daily.xy == (-0.55, 2) and daily.xyann == (-0.42, 2)
    labels = [tick.get_text() for tick in ax.get_yticklabels()]
    assert labels[2] == "dailymail-2020\nn = 13 sentences, 15 swaps"
    assert any(t.get_text() == "no sentence rewritten" for t in ax.texts)
    assert any(t.get_text() == "\u22120.13" for t in ax.texts)


def test_one_sentence_and_one_swap_are_counted_in_the_singular():
    documents = s.rewrite_summary()
    documents.loc[documents["doc_id"] == "dailymail-2020", ["n_rewritten", "swapped_terms"]] = [1, 1]
    labels = [tick.get_text() for tick in rewrite_figure(documents, order=s.DOCS).axes[0].get_yticklabels()]
    assert labels[2] == "dailymail-2020\nn = 1 sentence, 1 swap"


def test_no_rewritten_sentence_anywhere_is_nothing_to_show():
    documents = s.rewrite_summary().assign(n_rewritten=0)
    with pytest.raises(NothingToShow, match="figure 10"):
        rewrite_figure(documents)


def test_axes_level_function_follows_the_given_order():
    ax = rewrite_shifts(s.rewrite_summary(), order=["dailymail-2020", "wikipedia-2025"])
    assert [t.get_text().split("\n")[0] for t in ax.get_yticklabels()] == ["dailymail-2020", "wikipedia-2025"]


def test_spread_view_shows_distributions_and_names_the_most_shifted():
    rng = np.random.default_rng(1)
    n = 40
    before = rng.uniform(-0.8, 0.2, n)
    after = before - rng.uniform(0, 0.1, n)
    after[7] = before[7] - 0.6  # the most shifted document
    documents = pd.DataFrame({"doc_id": [f"doc-{i}" for i in range(n)], "n_rewritten": 2, "swapped_terms": 3,
                              "rewritten_compound_before": before, "rewritten_compound_after": after,
                              "rewritten_compound_shift": after - before})
    fig = rewrite_spread_figure(documents)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["as written", "in neutral words",
                                                            "shift (neutral − written)"]
    assert "named:doc-7" in {t.get_gid() for t in ax.texts}


def test_grouped_runs_count_groups_in_the_title():
    fig = rewrite_figure(s.rewrite_summary(), order=s.DOCS, entity="group")
    subtitle = " ".join(t.get_text() for t in fig.texts)
    assert "rewritten sentences in 3 groups" in subtitle and "documents" not in subtitle

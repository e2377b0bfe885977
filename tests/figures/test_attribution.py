import matplotlib.pyplot as plt
import pytest

from framing.errors import FramingError
from framing.figures import attribution_figure, attribution_rates, attribution_shares

from .helpers import bars, ytick_labels


def test_shares_are_stacked_percentages_of_the_table(attribution_summary, docs):
    fig, ax = plt.subplots()
    assert attribution_shares(attribution_summary, order=docs, ax=ax) is ax
    drawn = bars(ax)
    for row in attribution_summary.itertuples():
        named = drawn[f"{row.doc_id}|share_named"]
        anonymous = drawn[f"{row.doc_id}|share_anonymous"]
        none = drawn[f"{row.doc_id}|share_none"]
        assert named.get_width() == pytest.approx(100 * row.share_named)
        assert anonymous.get_width() == pytest.approx(100 * row.share_anonymous)
        assert anonymous.get_x() == pytest.approx(named.get_width())
        assert none.get_x() + none.get_width() == pytest.approx(100)
    assert ytick_labels(ax)[2] == "dailymail-2020\nn = 16"
    assert ax.get_xlabel() == "% of sentences"


def test_rates_are_per_100_sentences(attribution_summary, docs):
    fig, ax = plt.subplots()
    assert attribution_rates(attribution_summary, order=docs, ax=ax) is ax
    drawn = bars(ax)
    row = attribution_summary.set_index("doc_id").loc["dailymail-2020"]
    assert drawn["dailymail-2020|quote_sentence_share"].get_width() == pytest.approx(100 * row.quote_sentence_share)
    assert drawn["dailymail-2020|hedges_per_100"].get_width() == pytest.approx(row.hedges_per_100)
    assert drawn["dailymail-2020|citations_per_100"].get_width() == pytest.approx(row.citations_per_100)
    assert ax.get_xlabel() == "per 100 sentences"


def test_rates_skip_measures_the_table_lacks(attribution_summary):
    fig, ax = plt.subplots()
    attribution_rates(attribution_summary.drop(columns="scare_quotes_per_100"), ax=ax)
    assert "scare quotes" not in ytick_labels(ax)


def test_figure_has_two_panels(attribution_summary, docs):
    fig = attribution_figure(attribution_summary, order=docs)
    assert len(fig.axes) == 2
    assert "n = 48 sentences" in fig.get_suptitle()


def test_empty_summary_raises(attribution_summary):
    with pytest.raises(FramingError, match="figure 4"):
        attribution_figure(attribution_summary.iloc[0:0])

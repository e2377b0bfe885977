import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.colors import to_hex

from framing.errors import FramingError
from framing.figures import event_figure, event_grid
from framing.figures.events import CMAP, cell_wordings, colour_limit

from .helpers import bars, ytick_labels


def test_grid_has_a_cell_per_event_and_document(comparison, docs):
    fig, ax = plt.subplots()
    assert event_grid(comparison, order=docs, ax=ax) is ax
    cells = {gid: p for gid, p in bars(ax).items() if not gid.startswith("strip:")}
    assert len(cells) == comparison["event_id"].nunique() * len(docs)
    assert [label.replace("\n", " ") for label in ytick_labels(ax)] == list(comparison["label"].unique())
    assert [t.get_text() for t in ax.get_xticklabels()] == docs


def test_omitted_events_are_hatched_grey_and_say_not_covered(comparison, docs):
    fig, ax = plt.subplots()
    event_grid(comparison, order=docs, ax=ax)
    omitted = comparison[comparison["n_sentences"] == 0]
    cells = bars(ax)
    for row in omitted.itertuples():
        cell = cells[f"{row.event_id}|{row.doc_id}|not covered"]
        assert cell.get_hatch()
    notes = [t for t in ax.texts if "not covered" in t.get_text()]
    assert len(notes) == len(omitted)


def test_cell_colour_and_text_follow_mean_and_counts(comparison, docs):
    fig, ax = plt.subplots()
    event_grid(comparison, order=docs, ax=ax, limit=1.0)
    row = comparison[comparison["n_sentences"] > 0].iloc[0]
    cell = bars(ax)[f"{row.event_id}|{row.doc_id}"]
    expected = plt.get_cmap(CMAP)((row.mean_compound + 1) / 2)
    assert to_hex(cell.get_facecolor()) == to_hex(expected)
    total = int(row.loaded_authorial + row.loaded_reported)
    assert any(f"{int(row.n_sentences)} sent." in t.get_text() and f"{total} loaded" in t.get_text()
               for t in ax.texts)


def test_missing_rows_count_as_not_covered(comparison, docs):
    fig, ax = plt.subplots()
    event_grid(comparison[~((comparison["event_id"] == "E2") & (comparison["doc_id"] == docs[0]))],
               order=docs, ax=ax)
    assert f"E2|{docs[0]}|not covered" in bars(ax)


@pytest.mark.parametrize("values, limit", [([0.1], 0.25), ([-0.6, 0.3], 0.75), ([0.99], 1.0), ([], 0.25)])
def test_colour_limit(values, limit):
    assert colour_limit(values) == limit


def test_figure_has_grid_and_colour_bar(comparison, docs):
    fig = event_figure(comparison, order=docs)
    assert len(fig.axes) == 2
    assert "compound" in fig.axes[1].get_ylabel()
    n = int(comparison["n_sentences"].sum())
    assert f"n = {n} sentences in 3 documents on 5 events" in " ".join(fig.get_suptitle().split())


def test_many_events_keep_the_most_widely_covered(comparison, docs):
    fig = event_figure(comparison, order=docs, max_events=2)
    labels = [label.replace("\n", " ") for label in ytick_labels(fig.axes[0])]
    # E2 and E3 are covered by all three documents; E1, E4, E5 by fewer.
    assert labels == ["Command of the Quds Force", "Role in the Syrian civil war"]
    assert "2 of 5 events" in " ".join(fig.get_suptitle().split())


def test_empty_or_never_covered_raises(comparison):
    with pytest.raises(FramingError, match="figure 6"):
        event_figure(comparison.iloc[0:0])
    with pytest.raises(FramingError, match="no document covers any event"):
        event_figure(comparison.assign(n_sentences=0))


def test_cell_text_fits_its_cell_at_eight_columns(comparison, docs):
    # Eight documents (copies of the three with new ids): cells a quarter of their width at three columns.
    copies = [comparison.assign(doc_id=comparison["doc_id"] + (f"-copy{k}" if k else "")) for k in range(3)]
    wide = pd.concat(copies)
    order = [f"{doc}-copy{k}" if k else doc for k in range(3) for doc in docs][:8]
    wide = wide[wide["doc_id"].isin(order)]
    fig = event_figure(wide, order=order)
    fig.canvas.draw()
    ax = fig.axes[0]
    renderer = fig.canvas.get_renderer()
    cells = {gid: patch for gid, patch in bars(ax).items() if not gid.startswith("strip:")}
    texts = {t.get_gid(): t for t in ax.texts if str(t.get_gid()).startswith("text:")}
    assert len(texts) == len(cells) == wide["event_id"].nunique() * 8
    for gid, text in texts.items():
        key = gid.removeprefix("text:")
        cell = cells.get(key) or cells[f"{key}|not covered"]
        inside = cell.get_window_extent(renderer)
        drawn = text.get_window_extent(renderer)
        assert inside.x0 <= drawn.x0 and drawn.x1 <= inside.x1, (gid, text.get_text())
        assert inside.y0 <= drawn.y0 and drawn.y1 <= inside.y1, (gid, text.get_text())
        assert text.get_fontsize() >= 8
    # Shortened cells are explained in the title; the full counts stay in the table (event_comparison.csv).
    assert "cells" in " ".join(fig.get_suptitle().split())
    plt.close(fig)


def test_cell_wordings_go_from_full_to_the_mean_alone():
    wordings = cell_wordings(-0.78, 1, 0, 1)
    assert wordings[0] == "\u22120.78 \u00b7 1 sent.\n1 loaded (1 rep.)"
    assert wordings[-1] == "\u22120.78"
    assert [len(max(w.split("\n"), key=len)) for w in wordings] == sorted(
        (len(max(w.split("\n"), key=len)) for w in wordings), reverse=True)


def test_grouped_grid_says_groups(comparison, docs):
    fig = event_figure(comparison, order=docs, entity="group")
    title = " ".join(fig.get_suptitle().split())
    assert "in 3 groups" in title and "documents" not in title
    plt.close(fig)

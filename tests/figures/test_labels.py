"""Figure 9, who is called what: the bars drawn from a small labels table, in each view."""

from __future__ import annotations

import pandas as pd
import pytest
from matplotlib.colors import to_hex

from framing.errors import FramingError
from framing.figures import NothingToShow, labels_figure, labels_spread_figure, palette
from framing.figures.labels import actor_slots, top_actors

from . import labelled
from . import synthetic as s
from .helpers import bars, texts, ytick_labels

DOCS = list(s.DOCS)
SOLEIMANI = labelled.SOLEIMANI


@pytest.fixture
def seed_figure():
    return labels_figure(labelled.seed_labels(), sentences=s.sentences(), order=DOCS)


def all_bars(fig) -> dict:
    return {gid: bar for ax in fig.axes for gid, bar in bars(ax).items()}


def test_one_panel_per_document_in_order_with_the_same_rows(seed_figure):
    assert [ax.get_title("left") for ax in seed_figure.axes] == DOCS
    rows = ytick_labels(seed_figure.axes[0])
    # Actors by labels across the run (Soleimani 15, Iran 7, Quds Force 4, then one each by name), each followed
    # by the categories applied to it anywhere.
    assert rows == [SOLEIMANI, "pejorative label", "honorific label", "violent / dramatic",
                    "Iran", "pejorative label", "delegitimising",
                    "Quds Force", "pejorative label",
                    "Bashar al-Assad", "pejorative label",
                    "United States", "pejorative label"]
    assert all(list(ax.get_yticks()) == list(seed_figure.axes[0].get_yticks()) for ax in seed_figure.axes)


def test_bar_lengths_are_the_counts_solid_for_own_voice_hatched_for_reported(seed_figure):
    drawn = all_bars(seed_figure)
    mail = f"dailymail-2020|{SOLEIMANI}"
    assert drawn[f"{mail}|pejorative_label|authorial"].get_width() == 4  # "terrorist" ×3, "masterminded"
    assert drawn[f"{mail}|honorific_label|reported"].get_width() == 2  # "hero", "selfless"
    assert drawn[f"wikipedia-2025|{SOLEIMANI}|honorific_label|reported"].get_width() == 4
    both = (drawn["wikipedia-2017|Quds Force|pejorative_label|authorial"],
            drawn["wikipedia-2017|Quds Force|pejorative_label|reported"])
    assert [bar.get_width() for bar in both] == [1, 1]
    assert both[1].get_x() == 1  # reported stacked after own voice
    for gid, bar in drawn.items():
        assert (bar.get_hatch() == "////") == gid.endswith("|reported")
        assert bar.get_width() > 0  # no zero-length bar (its edge would show as a tick)
    colours = palette(DOCS)
    assert to_hex(drawn[f"{mail}|pejorative_label|authorial"].get_facecolor()) == colours["dailymail-2020"].lower()
    assert len(drawn) == 4 + 5 + 7  # one bar per document × actor × category × voice with a label


def test_totals_are_written_at_the_bar_ends(seed_figure):
    mail = seed_figure.axes[DOCS.index("dailymail-2020")]
    assert sorted(t.get_text() for t in mail.texts) == ["1", "1", "1", "1", "2", "3", "4"]


def test_top_limits_the_actors_and_a_document_without_labels_gets_a_note():
    labels = labelled.seed_labels()
    fig = labels_figure(labels, sentences=s.sentences(), order=[*DOCS, "wire-2020"], top=2)
    assert [t for t in ytick_labels(fig.axes[0]) if t in {SOLEIMANI, "Iran", "Quds Force"}] == [SOLEIMANI, "Iran"]
    assert any("no label tied" in t.get_text() for t in fig.axes[3].texts)
    assert "n = 48 sentences in 4 documents, 25 labels tied to an actor" in " ".join(fig.get_suptitle().split())


def test_groups_are_panels_and_the_title_says_groups():
    groups = ["Fox News", "Al Jazeera", "Reuters"]
    sentences = pd.DataFrame({"doc_id": [g for g in groups for _ in range(10)]})
    fig = labels_figure(labelled.group_labels(), sentences=sentences, order=groups, unit="group")
    assert [ax.get_title("left") for ax in fig.axes] == groups
    assert "n = 30 sentences in 3 groups, 50 labels tied to an actor" in " ".join(fig.get_suptitle().split())
    assert all_bars(fig)["Fox News|Hamas|pejorative_label|reported"].get_x() == 14


@pytest.mark.parametrize("n", [40, 400])
def test_spread_is_one_panel_counting_documents_never_one_entry_per_document(n):
    labels = labelled.spread_labels(n)
    sentences = pd.DataFrame({"doc_id": labels["doc_id"].unique()})
    fig = labels_spread_figure(labels, sentences=sentences)
    assert len(fig.axes) == 1
    drawn = bars(fig.axes[0])
    assert drawn["all|Hamas|pejorative_label|authorial"].get_width() == n  # every document, not its hits
    assert drawn["all|Hamas|honorific_label|reported"].get_width() == len(range(0, n, 3))
    assert drawn["all|Israel|pejorative_label|authorial"].get_width() == len(range(0, n, 4))
    assert len(drawn) == 4  # the same bars for 40 documents or 400
    shown = " ".join(t.get_text() for t in texts(fig))
    assert "doc-0" not in shown
    assert [t.get_text() for legend in fig.legends for t in legend.get_texts()] == [
        "authorial (the writer's own words)", "reported (quoted or attributed)"]


def test_top_actors_by_labels_or_by_documents():
    labels = labelled.spread_labels(12)
    assert top_actors(labels) == ["Hamas", "Israel", "United Nations"]
    many_hits_one_document = pd.concat([labels, pd.DataFrame([{"doc_id": "doc-000", "actor": "Egypt",
                                                               "category": "hyperbole", "voice": "authorial",
                                                               "n": 99}])])
    assert top_actors(many_hits_one_document, top=1) == ["Egypt"]
    assert top_actors(many_hits_one_document, top=2, by_documents=True) == ["Hamas", "Israel"]
    slots = actor_slots(labels, ["Hamas"])
    assert [(slot.category, slot.y) for slot in slots] == [("", 0), ("pejorative_label", 1), ("honorific_label", 2)]


@pytest.mark.parametrize("labels", [
    pd.DataFrame(),  # a run made before actors were found
    pd.DataFrame(columns=list(labelled.labels_from(labelled.seed_terms()).columns)),
    labelled.seed_labels().assign(actor=""),
], ids=["no columns", "no rows", "no actor"])
def test_no_label_with_a_target_draws_nothing(labels):
    with pytest.raises(NothingToShow, match="no loaded label is tied to an actor in any document"):
        labels_figure(labels, sentences=s.sentences(), order=DOCS)
    with pytest.raises(NothingToShow, match="figure 9"):
        labels_spread_figure(labels, sentences=s.sentences())


def test_a_labels_table_without_its_columns_is_an_error_not_an_empty_figure():
    broken = labelled.seed_labels().drop(columns="voice")
    with pytest.raises(FramingError, match="labels table is missing column"):
        labels_figure(broken, sentences=s.sentences(), order=DOCS)

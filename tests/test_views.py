"""How a run is shown: the view chosen by size and metadata, the spread and extremes tables, the default pair."""

import pandas as pd
import pytest

from framing.views import choose_view, default_pair, extremes, min_sentences_to_rank, spread_table


def documents(n: int, **columns) -> pd.DataFrame:
    table = pd.DataFrame({"doc_id": [f"d{i:03d}" for i in range(n)]})
    for name, values in columns.items():
        table[name] = [values[i % len(values)] for i in range(n)]
    return table


@pytest.mark.parametrize("table, group_by, kind, column, chosen_by", [
    (documents(12, outlet=["a", "b"]), None, "documents", None, "size"),
    (documents(13, outlet=["a", "b", "c"]), None, "groups", "outlet", "size"),
    (documents(13, outlet=["a"], kind=["wire", "tabloid"]), None, "groups", "kind", "size"),  # one outlet only
    # Files in one folder per outlet, kind unknown: the folder sorts them.
    (documents(13, kind=["unknown"], folder=["bbc", "sun"]), None, "groups", "folder", "size"),
    (documents(13, outlet=["a", "b"], folder=["bbc", "sun"]), None, "groups", "outlet", "size"),
    (documents(200, outlet=[f"o{i}" for i in range(40)]), None, "spread", None, "size"),  # too many outlets
    (documents(200), None, "spread", None, "size"),
    (documents(5, outlet=["a", "b"]), "outlet", "groups", "outlet", "user"),
    (documents(300, published=[f"day{i}" for i in range(20)]), "published", "spread", "published", "size"),
])
def test_choose_view(table, group_by, kind, column, chosen_by):
    view = choose_view(table, group_by)
    assert (view.kind, view.group_by, view.chosen_by) == (kind, column, chosen_by)
    assert view.n_documents == len(table)
    if chosen_by == "size" and kind != "documents":
        assert "--group-by" in view.reason and f"{len(table):,} documents" in view.reason


def test_spread_table_gives_each_measures_distribution():
    table = pd.DataFrame({"doc_id": list("abcde"), "mean_compound": [-0.4, -0.2, 0.0, 0.2, 0.4],
                          "n_sentences": [10] * 5})
    row = spread_table(table).set_index("column").loc["mean_compound"]
    assert (row["median"], row["q1"], row["q3"], row["minimum"], row["maximum"]) == (0.0, -0.2, 0.2, -0.4, 0.4)
    assert row["n_documents"] == 5 and "hedges_per_100" not in set(spread_table(table)["column"])


def test_extremes_leave_out_documents_too_short_to_rank():
    table = pd.DataFrame({"doc_id": list("abcdef"), "mean_compound": [0.9, 0.1, 0.2, 0.3, -0.1, -0.9],
                          "n_sentences": [1, 8, 8, 8, 8, 1]})
    assert min_sentences_to_rank(table) == 5
    found = extremes(table, n=1)
    found = found[found["column"] == "mean_compound"].set_index("end")["doc_id"]
    assert found.to_dict() == {"highest": "d", "lowest": "e"}  # a and f hold one sentence each


def test_default_pair_picks_the_first_extremes_in_order():
    summary = pd.DataFrame({"doc_id": list("abcde"), "mean_compound": [0.0, 0.5, -0.5, 0.5, -0.5]})
    assert default_pair(summary, list("abcde")) == ("b", "c")
    assert default_pair(summary, list("edcba")) == ("e", "d")
    assert default_pair(summary.iloc[:1], ["a"]) is None
    same = pd.DataFrame({"doc_id": list("xyz"), "mean_compound": [0.1, 0.1, 0.1]})
    assert default_pair(same, list("xyz")) == ("x", "y")

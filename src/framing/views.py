"""How figures and the report show a run: document by document, by group, or as a spread across documents.

Side-by-side views (one panel, bar, column or legend entry per document) are made for a handful of documents.
Beyond :data:`MANY_DOCUMENTS` they cannot be read, and their cost grows with the number of documents, so a run
without ``--group-by`` switches to a view made for many documents:

* ``groups`` — when the metadata has a column that sorts the documents into a few groups (``outlet``, then
  ``kind``, then ``folder``: 2 to :data:`MANY_DOCUMENTS` distinct values), figures and report compare those groups;
* ``spread`` — otherwise the documents are points in a distribution (one per document, per measure), and the
  most extreme documents are named; every per-document number stays in ``documents.csv``.

``--group-by`` always wins. The tables (CSV files) are per document whatever the view.
"""

from __future__ import annotations

from typing import Literal, NamedTuple

import numpy as np
import pandas as pd

from .errors import input_error

#: The largest number of documents drawn side by side (one panel, bar or column each).
MANY_DOCUMENTS = 12
#: Metadata columns tried, in order, for grouping a large corpus when the user did not say.
GROUP_COLUMNS = ("outlet", "kind", "folder")
#: Documents named at each end of a measure in the spread view.
EXTREMES = 5

ViewKind = Literal["documents", "groups", "spread"]


class View(NamedTuple):
    """The view a run is shown in.

    ``kind`` is ``documents`` (side by side), ``groups`` (by ``group_by``) or ``spread`` (distribution across
    documents); ``chosen_by`` is ``user`` (``--group-by``) or ``size`` (chosen because the corpus is large);
    ``reason`` is one or two sentences for figure titles, the report and the terminal: which view, why, and how to
    choose another.
    """

    kind: ViewKind
    group_by: str | None
    n_documents: int
    chosen_by: Literal["user", "size"]
    reason: str

    @property
    def switched(self) -> bool:
        """Whether the run is not shown side by side because of its size: the terminal and the report say why."""
        return self.chosen_by == "size" and self.kind != "documents"


class Measure(NamedTuple):
    """A per-document measure of ``documents.csv`` shown in the spread view: column, label, how to print it."""

    column: str
    label: str
    percent: bool = False
    digits: int = 2


#: The per-document measures the spread view summarises and ranks (columns of ``documents.csv``).
SPREAD_MEASURES: tuple[Measure, ...] = (
    Measure("mean_compound", "Mean sentence compound (VADER, −1 to +1)", digits=3),
    Measure("share_negative", "Sentences negative (compound below −0.05)", percent=True, digits=0),
    Measure("loaded_authorial_per_1000", "Loaded terms per 1,000 words: writer's own", digits=1),
    Measure("loaded_reported_per_1000", "Loaded terms per 1,000 words: reported", digits=1),
    Measure("share_named", "Sentences naming a source", percent=True, digits=0),
    Measure("share_anonymous", "Sentences with an anonymous source", percent=True, digits=0),
    Measure("quote_sentence_share", "Sentences with a quotation", percent=True, digits=0),
    Measure("hedges_per_100", "Hedges per 100 sentences", digits=1),
    Measure("share_agent_stated", "Harm expressions with the agent stated", percent=True, digits=0),
)


def choose_view(documents: pd.DataFrame, group_by: str | None = None) -> View:
    """The view for a run whose per-document table is ``documents`` (``doc_id`` and metadata columns).

    ``group_by`` (the user's ``--group-by``) always gives the ``groups`` view. Otherwise up to
    :data:`MANY_DOCUMENTS` documents are shown side by side; more are grouped by the first of
    :data:`GROUP_COLUMNS` with 2 to :data:`MANY_DOCUMENTS` distinct non-empty values, else shown as a spread.
    """
    n = len(documents)
    if group_by is not None:
        groups = _group_count(documents, group_by)
        if groups <= MANY_DOCUMENTS:
            return View("groups", group_by, n, "user", f"{n:,} documents compared by {group_by} (--group-by).")
        return View("spread", group_by, n, "size",
                    f"{n:,} documents in {groups:,} groups by {group_by}: too many groups to show side by side (at "
                    f"most {MANY_DOCUMENTS}), so figures show each measure's spread across the groups and name the "
                    "most extreme ones. Give --group-by a column with fewer values to compare groups side by side; every "
                    "group's numbers are in groups.csv.")
    if n <= MANY_DOCUMENTS:
        return View("documents", None, n, "size", "")
    for column in GROUP_COLUMNS:
        if column not in documents.columns:
            continue
        values = documents[column].fillna("").astype(str).str.strip()
        distinct = values[values != ""].nunique()
        if 2 <= distinct <= MANY_DOCUMENTS:
            return View("groups", column, n, "size",
                        f"{n:,} documents are too many to show side by side (at most {MANY_DOCUMENTS}), so figures "
                        f"and report compare them by {column} ({distinct} groups). Choose another column with "
                        "--group-by; every per-document number is in documents.csv.")
    return View("spread", None, n, "size",
                f"{n:,} documents are too many to show side by side (at most {MANY_DOCUMENTS}) and no outlet, "
                "kind or folder column sorts them into a few groups, so figures show each measure's spread across "
                "documents and name the most extreme ones. Give metadata and --group-by to compare groups; every "
                "per-document number is in documents.csv.")


def group_of(documents: pd.DataFrame, column: str) -> pd.Series:
    """Each document's group (indexed by ``doc_id``): the column's value, or ``(no <column>)`` when empty."""
    values = documents.set_index("doc_id")[column].fillna("").astype(str).str.strip()
    return values.where(values != "", f"(no {column})")


def _group_count(documents: pd.DataFrame, column: str) -> int:
    """How many groups ``column`` makes (documents without a value form one group of their own)."""
    return group_of(documents, column).nunique() if column in documents.columns else 0


def min_sentences_to_rank(documents: pd.DataFrame) -> int:
    """Documents ranked as "most" or "least" need at least this many summarised sentences.

    A one-sentence document is always at an extreme of a mean, so ranking needs some length; but a corpus of
    one-sentence documents (a sentence-level dataset) must still rank, hence at most the median length.
    """
    counts = pd.to_numeric(documents.get("n_sentences", pd.Series(dtype=float)), errors="coerce").dropna()
    if counts.empty:
        return 1
    return int(max(1, min(5, counts.median())))


def ranked_documents(documents: pd.DataFrame) -> pd.DataFrame:
    """The rows of ``documents`` long enough to be named as "most" or "least" (:func:`min_sentences_to_rank`);
    all of them when the table has no ``n_sentences``."""
    if "n_sentences" not in documents.columns:
        return documents
    counts = pd.to_numeric(documents["n_sentences"], errors="coerce").fillna(0)
    return documents[counts >= min_sentences_to_rank(documents)]


def check_pair(pair: tuple[str, str], names: list[str], *, what: str = "doc_ids") -> None:
    """Raise :class:`~framing.errors.FramingError` unless ``pair`` is two different ``names`` (the doc_ids, or
    the groups, a run shows); the message lists the first ten."""
    known = set(names)
    if len(pair) != 2 or pair[0] == pair[1] or any(name not in known for name in pair):
        shown = ", ".join(names[:10]) + (f" … ({len(names):,} in all; see documents.csv)" if len(names) > 10 else "")
        raise input_error(None, f"--pair needs two different {what} from: {shown}; got {', '.join(map(str, pair))}")


def spread_table(documents: pd.DataFrame, measures=SPREAD_MEASURES) -> pd.DataFrame:
    """Each measure's distribution across documents.

    Returns
    -------
    DataFrame, one row per measure present in ``documents``: ``column, label, percent, digits, n_documents``
    (documents with a value), ``mean, median, q1, q3, minimum, maximum``.
    """
    rows = []
    for measure in measures:
        if measure.column not in documents.columns:
            continue
        values = pd.to_numeric(documents[measure.column], errors="coerce").dropna().to_numpy(float)
        stats = (np.mean(values), *np.quantile(values, [0.5, 0.25, 0.75]), values.min(), values.max()) \
            if len(values) else (np.nan,) * 6
        rows.append({**measure._asdict(), "n_documents": len(values),
                     **dict(zip(("mean", "median", "q1", "q3", "minimum", "maximum"), stats))})
    return pd.DataFrame(rows, columns=["column", "label", "percent", "digits", "n_documents", "mean", "median", "q1",
                                       "q3", "minimum", "maximum"])


def extremes(documents: pd.DataFrame, measures=SPREAD_MEASURES, *, n: int = EXTREMES) -> pd.DataFrame:
    """The ``n`` highest and ``n`` lowest documents on each measure, among documents long enough to rank.

    Ties are broken by ``doc_id`` so the same table always names the same documents.

    Returns
    -------
    DataFrame with ``column, label, end`` (``highest`` / ``lowest``), ``rank`` (1 = most extreme), ``doc_id``,
    ``value`` and ``n_sentences``; measures with no values are left out.
    """
    ranked = ranked_documents(documents)
    rows = []
    for measure in measures:
        if measure.column not in ranked.columns:
            continue
        table = pd.DataFrame({"doc_id": ranked["doc_id"].astype(str),
                              "value": pd.to_numeric(ranked[measure.column], errors="coerce"),
                              "n_sentences": ranked.get("n_sentences", pd.Series(np.nan, index=ranked.index))})
        table = table.dropna(subset=["value"])
        for end, ascending in (("highest", False), ("lowest", True)):
            top = table.sort_values(["value", "doc_id"], ascending=[ascending, True], kind="stable").head(n)
            rows += [{"column": measure.column, "label": measure.label, "end": end, "rank": rank,
                      "doc_id": row.doc_id, "value": row.value, "n_sentences": row.n_sentences}
                     for rank, row in enumerate(top.itertuples(index=False), start=1)]
    return pd.DataFrame(rows, columns=["column", "label", "end", "rank", "doc_id", "value", "n_sentences"])


def default_pair(sentiment_summary: pd.DataFrame, order: list[str]) -> tuple[str, str] | None:
    """The two documents whose mean sentence compound differs most (earlier in ``order`` first; ties → the
    pair met first in ``order``); ``None`` with fewer than two documents.

    The largest difference is always between a document at the maximum and one at the minimum, so this looks
    only at those (linear in the documents), and picks among tied documents the pair that comes first in
    ``order``, as a search over every pair would.
    """
    means = (sentiment_summary.assign(doc_id=sentiment_summary["doc_id"].astype(str))
             .drop_duplicates("doc_id").set_index("doc_id")["mean_compound"].reindex(order).dropna())
    if len(means) < 2:
        return None
    values = means.to_numpy(float)
    if values.max() == values.min():
        return means.index[0], means.index[1]
    first_max, first_min = int(np.argmax(values)), int(np.argmin(values))
    first, second = sorted((first_max, first_min))
    return means.index[first], means.index[second]


def word_shift_pair(view: View, documents: pd.DataFrame, summary_sentences: pd.DataFrame,
                    corpus_documents: pd.DataFrame) -> tuple[str, str] | None:
    """The two documents (or groups) the word shift compares when the user names none.

    ``documents`` view: the two whose mean sentence compound differs most (:func:`default_pair`). ``spread``: the
    same among documents long enough to rank (:func:`min_sentences_to_rank`), so a one-sentence outlier does not
    stand for the corpus. Views by group (``groups``, or a ``spread`` of groups): the two groups whose summarised
    sentences differ most in mean compound.
    """
    if view.group_by is not None:
        groups = group_of(corpus_documents, view.group_by)
        means = (summary_sentences.assign(group=summary_sentences["doc_id"].map(groups).to_numpy())
                 .groupby("group", sort=False)["compound"].mean())
        order = list(pd.unique(groups))
        return default_pair(pd.DataFrame({"doc_id": means.index, "mean_compound": means.to_numpy()}), order)
    order = corpus_documents["doc_id"].astype(str).tolist()
    if view.kind == "spread":
        order = ranked_documents(documents)["doc_id"].astype(str).tolist()
    return default_pair(documents[["doc_id", "mean_compound"]], order)

"""The report's "Who is called what" section: for each document (or group), the actors its loaded labels are
applied to, with the labels as written, how often, in whose voice and, for reported uses, who says them.

It reads the loaded-term hits (``terms``: ``target``, ``speaker`` and ``voice`` per hit, from the target linker)
and figure 9's entry. Side by side (at most :data:`~framing.views.MANY_DOCUMENTS` documents or groups) each
gets a short list; in the spread view one run-wide table counts the documents using each label.
"""

from __future__ import annotations

from typing import NamedTuple

import pandas as pd

from ..errors import input_error

#: The figure this section shows beside its lists (and the figure gallery leaves out).
LABELS_FIGURE = "09_who_is_called_what"
#: Actors listed per document (the most labelled first); every one is in labels.csv and terms.csv.
ACTORS_PER_DOCUMENT = 5
#: Labels listed per actor before "and N more".
LABELS_PER_ACTOR = 6
#: Rows of the run-wide table in the spread view.
RUN_ROWS = 15
#: Reported speakers named per label before "…".
SPEAKERS_PER_LABEL = 3
TERM_COLUMNS = ("doc_id", "term", "voice", "target", "speaker")


class ActorLine(NamedTuple):
    """One actor of a document: its name, its labels as one line of text, and how many labels it got."""

    actor: str
    text: str
    n: int


def label_uses(terms: pd.DataFrame) -> pd.DataFrame:
    """The hits tied to an actor, counted per document, actor, label as written, voice and speaker.

    Returns
    -------
    DataFrame ``doc_id, actor, label, voice, speaker, n``: ``label`` is the hit as written, lower case with
    spaces collapsed ("Terrorist" and "terrorist" are one label); ``speaker`` is "" for the writer's own voice
    and for reported uses whose source is unknown. Empty (with these columns) when no hit has a target, or the
    run found no targets at all (no ``target`` column).
    """
    columns = ["doc_id", "actor", "label", "voice", "speaker", "n"]
    if "target" not in terms.columns:
        return pd.DataFrame(columns=columns)
    missing = [c for c in TERM_COLUMNS if c not in terms.columns]
    if missing:
        raise input_error(None, f"the loaded-term hits are missing column(s) {', '.join(missing)}")
    targeted = terms[terms["target"].fillna("").astype(str) != ""]
    label = targeted["term"].astype(str).str.lower().str.replace(r"\s+", " ", regex=True).str.strip()
    table = pd.DataFrame({"doc_id": targeted["doc_id"].astype(str), "actor": targeted["target"].astype(str),
                          "label": label, "voice": targeted["voice"].astype(str),
                          "speaker": targeted["speaker"].fillna("").astype(str).str.strip()})
    counted = table.groupby(columns[:-1], sort=False).size().rename("n").reset_index()
    return counted[columns]


def actor_lines(uses: pd.DataFrame, *, actors: int = ACTORS_PER_DOCUMENT,
                labels: int = LABELS_PER_ACTOR) -> tuple[list[ActorLine], int]:
    """One document's actors, most labelled first (ties by name), each with its labels as one line:
    ``“terrorist” ×3 (own voice); “martyr” ×2 (reported: Iranian officials)``.

    ``uses`` is one document's rows of :func:`label_uses`. Returns the lines of the first ``actors`` actors and
    how many more actors the document labels.
    """
    totals = uses.groupby("actor")["n"].sum()
    ranked = sorted(totals.index, key=lambda actor: (-totals[actor], actor))
    lines = [ActorLine(actor, _labels_text(uses[uses["actor"] == actor], labels), int(totals[actor]))
             for actor in ranked[:actors]]
    return lines, max(0, len(ranked) - actors)


def _labels_text(uses: pd.DataFrame, limit: int) -> str:
    """An actor's labels, most used first (own voice before reported on ties), each with its voice."""
    grouped = uses.groupby(["label", "voice"], sort=False)
    entries = pd.DataFrame({"n": grouped["n"].sum(),
                            "speakers": grouped.apply(_speakers, include_groups=False)}).reset_index()
    entries["reported"] = entries["voice"] == "reported"
    entries = entries.sort_values(["n", "reported", "label"], ascending=[False, True, True])
    parts = [_entry(row.label, row.n, row.voice, row.speakers) for row in entries.head(limit).itertuples()]
    if len(entries) > limit:
        more = len(entries) - limit
        parts.append(f"and {more} more label{'s' if more != 1 else ''}")
    return "; ".join(parts)


def _speakers(uses: pd.DataFrame) -> str:
    """The named sources of reported uses, most frequent first, at most :data:`SPEAKERS_PER_LABEL`."""
    named = uses[uses["speaker"] != ""].groupby("speaker")["n"].sum()
    ranked = sorted(named.index, key=lambda speaker: (-named[speaker], speaker))
    text = ", ".join(ranked[:SPEAKERS_PER_LABEL])
    return text + (", …" if len(ranked) > SPEAKERS_PER_LABEL else "")


def _entry(label: str, n: int, voice: str, speakers: str) -> str:
    """``“martyr” ×2 (reported: Iranian officials)``; one use has no count."""
    count = f" ×{n}" if n > 1 else ""
    if voice == "authorial":
        whose = "own voice"
    else:
        whose = f"reported: {speakers}" if speakers else "reported, source not named"
    return f"“{label}”{count} ({whose})"


def run_rows(uses: pd.DataFrame, *, rows: int = RUN_ROWS) -> tuple[list[dict], int]:
    """The run-wide table: for the labels used by most documents, how many use each in their own voice and
    how many report it.

    Returns
    -------
    The first ``rows`` rows (dicts ``actor, label, own, reported`` — documents, as text) and how many (actor,
    label) pairs there are in all.
    """
    documents = (uses.groupby(["actor", "label", "voice"])["doc_id"].nunique()
                 .unstack("voice", fill_value=0).reindex(columns=["authorial", "reported"], fill_value=0))
    # A document using a label in both voices counts once in the order, twice in the columns.
    either = uses.groupby(["actor", "label"])["doc_id"].nunique().rename("either")
    table = documents.join(either).reset_index()
    table = table.sort_values(["either", "authorial", "actor", "label"], ascending=[False, False, True, True])
    shown = [{"actor": row.actor, "label": f"“{row.label}”", "own": f"{row.authorial:,}",
              "reported": f"{row.reported:,}"} for row in table.head(rows).itertuples()]
    return shown, len(table)


def labels_context(terms: pd.DataFrame, order: list[str], colours: dict[str, str], *, kind: str,
                   grouped: bool, figure: dict | None) -> dict:
    """The section as the templates need it.

    Parameters
    ----------
    terms
        The run's (or view's) loaded-term hits, with the target linker's columns.
    order, colours
        The documents (or groups) in report order and their colours.
    kind
        The view's kind: ``spread`` gives the run-wide table, the others one list per document.
    grouped
        True when ``order`` names groups of documents.
    figure
        Figure 9's entry (see :func:`framing.report.html.figure_entries`), or ``None``.

    Returns
    -------
    dict with ``unit`` ("document" / "group"), ``reason`` (one line when there is nothing to show, else ""),
    ``documents`` (side by side: per document ``doc_id, colour, actors`` (:class:`ActorLine` list), ``more``
    (actors not listed)), ``rows`` and ``n_pairs`` (spread: :func:`run_rows`), ``figure`` (its entry when drawn).
    """
    unit = "group" if grouped else "document"
    uses = label_uses(terms)
    context = {"unit": unit, "reason": "", "documents": [], "rows": [], "n_pairs": 0,
               "figure": figure if figure and figure.get("svg") else None}
    if uses.empty:
        context["reason"] = (f"No loaded label in these {unit}s is tied to an actor (the target column of "
                             "terms.csv is empty for every hit), so there is no one to show and figure 9 is not "
                             "drawn.")
        return context
    if kind == "spread":
        context["rows"], context["n_pairs"] = run_rows(uses)
        return context
    by_document = dict(tuple(uses.groupby("doc_id", sort=False)))
    for doc_id in order:
        lines, more = actor_lines(by_document[doc_id]) if doc_id in by_document else ([], 0)
        context["documents"].append({"doc_id": doc_id, "colour": colours[doc_id], "actors": lines, "more": more})
    return context


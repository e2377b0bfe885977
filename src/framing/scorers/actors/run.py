"""The two steps of a run that are not per batch: reading the user's actors file before any document, and,
after the map, the alias merge and the labels summary."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pandas as pd

from ...arguments import optional_path
from .actors_file import ActorSpec, actors_beside, read_actors_file
from .aliases import canonical_actors, with_canonical_targets
from .scorer import summarise_labels


class NamedActors(NamedTuple):
    """The actors of a run (``Analysis.actors``) and the labels applied to them (``Analysis.labels``)."""

    actors: pd.DataFrame
    labels: pd.DataFrame


def run_actors(actors: str | Path | None, paths: list) -> tuple[ActorSpec, ...]:
    """The user's actors file — given, or ``actors.toml`` in the single corpus folder — read and checked."""
    optional_path(actors, "analyze's actors")
    chosen = actors if actors is not None else actors_beside(paths)
    return read_actors_file(chosen) if chosen is not None else ()


def named_actors(terms: pd.DataFrame, mentions: pd.DataFrame, specs: tuple[ActorSpec, ...] = ()
                 ) -> tuple[pd.DataFrame, NamedActors]:
    """The hits with canonical targets, and the run's actors and labels tables.

    The alias merge runs over the batches' distinct mentions (:func:`.canonical_actors`); the labels summary
    (:func:`.summarise_labels`) counts every section's hits — a headline's label is the most visible one.
    """
    merged = canonical_actors(mentions, specs)
    terms = with_canonical_targets(terms, merged.names)
    return terms, NamedActors(merged.actors, summarise_labels(terms))

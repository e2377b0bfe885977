"""How an office-holder of a state is keyed: the state's demonym and the office ("French president", "Chilean
interior minister", "Sri Lankan acting president").

English news names a head of state or a minister it does not name by person either with the state's adjective
("the French president") or with "of" ("the president of France"); the adjective is the shorter and the usual
form, so it is the key, and every way of writing the office of one state — "France's president", "the president
of France", and "the president" of a document about France — is one actor. A state with no demonym in the
actors files is keyed "president of X".
"""

from __future__ import annotations

from functools import lru_cache

from .actors_file import ActorSpec

# Endings of the adjective of a place ("Chilean", "Japanese", "Polish", "French", "Iraqi", "Swiss"): a state's
# demonym when the actors file gives no plural beside it.
_ADJECTIVE_ENDINGS = ("an", "ese", "ish", "ch", "i", "ss")


@lru_cache(maxsize=512)
def demonym(spec: ActorSpec) -> str | None:
    """A state's adjective among its aliases: the first whose plural is also an alias ("Chilean", "Chileans";
    "Azerbaijani" before "Azeri", which has none), else the first one-word alias with an adjective's ending
    ("French", "Japanese"); ``None`` when neither exists (capitals and long names are never demonyms)."""
    aliases = set(spec.aliases)
    paired = next((alias for alias in spec.aliases if alias + "s" in aliases), None)
    if paired is not None:
        return paired
    return next((alias for alias in spec.aliases if " " not in alias and alias[:1].isupper()
                 and not alias.isupper() and alias.endswith(_ADJECTIVE_ENDINGS)), None)


def office_key(state: ActorSpec | None, office: str) -> str:
    """The key of the holder of ``office`` (any case, any spacing) of ``state``: "French president"; "president
    of X" for a state with no demonym; the definite office ("the president") when the state is unknown."""
    office = " ".join(office.lower().split())
    if state is None:
        return "the " + office
    adjective = demonym(state)
    return f"{adjective} {office}" if adjective else f"{office} of {state.name}"

"""Package namespaces whose public names are imported on first use (PEP 562).

``framing.report``, ``framing.figures`` and ``framing.align`` re-export names from modules that import
matplotlib, scikit-learn and scipy. A command imports a light module of theirs before any work —
``report.outdir`` to check ``--out``, ``align.events_file`` to check an events file, ``figures.registry`` to know
which figures read the alignment — and importing a submodule runs its package's ``__init__`` first; with eager
re-exports that cost about a second of CPU before the first document, in the process that then forks the
workers. Lazy re-exports keep ``from framing.report import write_analysis`` working as before.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module


def lazy_exports(package: str, modules: dict[str, tuple[str, ...]]
                 ) -> tuple[Callable[[str], object], Callable[[], list[str]], list[str]]:
    """``__getattr__``, ``__dir__`` and ``__all__`` for ``package``, whose public names are those of
    ``modules`` (submodule name → the names it gives)."""
    home = {name: module for module, names in modules.items() for name in names}

    def __getattr__(name: str):
        if name not in home:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(import_module(f"{package}.{home[name]}"), name)

    def __dir__() -> list[str]:
        return sorted(set(home) | set(import_module(package).__dict__))

    return __getattr__, __dir__, sorted(home)

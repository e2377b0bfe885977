"""framing: how different texts frame the same story — sentiment, loaded terms with voice, attribution, events.

The public names are imported on first use (PEP 562), so ``import framing`` and ``framing --help`` do not pay for
NLTK, pandas and matplotlib until something needs them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

__version__ = "0.1.0"

#: Public name → the module that defines it.
_EXPORTS = {
    "Analysis": "tables", "analyze": "pipeline",
    "Corpus": "corpus", "clean_text": "corpus", "load_corpus": "corpus", "load_documents": "corpus",
    "FramingError": "errors", "FramingWarning": "errors",
    "Lexicon": "lexicons", "load_lexicon": "lexicons",
    "sentences": "segment",
}

__all__ = [*sorted(_EXPORTS), "__version__"]

if TYPE_CHECKING:  # for type checkers and IDEs; at run time the names come from __getattr__
    from .corpus import Corpus, clean_text, load_corpus, load_documents
    from .errors import FramingError, FramingWarning
    from .lexicons import Lexicon, load_lexicon
    from .pipeline import analyze
    from .segment import sentences
    from .tables import Analysis


def __getattr__(name: str):
    if name not in _EXPORTS:
        raise AttributeError(f"module 'framing' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})

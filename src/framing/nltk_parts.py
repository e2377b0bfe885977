"""The part of NLTK framing uses — Punkt — imported at the cost of that part.

``import nltk.tokenize.punkt`` runs NLTK's package ``__init__`` first, and that imports nearly all of NLTK:
taggers, chunkers, corpus readers, and through ``nltk.collocations`` scipy.stats — about 2 s of CPU, while
Punkt itself takes under 0.1 s. The process that starts the worker pool pays it before any document is scored,
so it is on the critical path of every run, three documents or ten thousand.

:func:`punkt` therefore imports ``nltk.tokenize.punkt`` under a *lazy* ``nltk`` package: the real package's
module object, its ``__init__`` not yet run. The first time anything asks it for a name it does not have — a user's
``nltk.download``, ``from nltk import FreqDist``, ``nltk.__version__`` — it runs the real ``__init__`` in place,
so ``nltk`` then is exactly what ``import nltk`` gives. While Punkt's own imports run, a missing name that is a
submodule (``from nltk import pathsec``) is left to the import system to load instead. Should that ever fail
(another NLTK release importing differently), the partly imported modules are dropped and NLTK is imported the
ordinary way: slower, never wrong. When ``nltk`` is already imported, nothing of this happens.

:func:`stdlib_regex_punkt_classes` gives Punkt its fixed patterns under the stdlib ``re`` (NLTK 3.10 runs them
through a timed third-party engine that costs more than the matching).

The aligner's stemmer is not NLTK's (whose module needs the whole package): see ``framing.align.words``.
"""

from __future__ import annotations

import importlib
import importlib.util
import re
import sys
import types
from functools import cache


class _LazyPackage(types.ModuleType):
    """``nltk`` before its ``__init__`` has run: runs it at the first name it lacks."""

    def __getattr__(self, name: str):
        state = self.__dict__
        if state.get("_framing_importing_parts") and importlib.util.find_spec(f"nltk.{name}") is not None:
            raise AttributeError(name)  # a submodule asked for by name: the import system loads it
        if not state.get("_framing_completed"):
            _complete(self)
            return getattr(self, name)
        raise AttributeError(f"module 'nltk' has no attribute {name!r}")


def _complete(package: types.ModuleType) -> None:
    """Run the real ``nltk/__init__.py`` in ``package`` (once)."""
    state = package.__dict__
    state["_framing_completed"] = True
    state["_framing_importing_parts"] = False
    package.__spec__.loader.exec_module(package)


@cache
def punkt() -> types.ModuleType:
    """``nltk.tokenize.punkt``, without importing the rest of NLTK when NLTK is not imported yet."""
    if "nltk" in sys.modules:
        return importlib.import_module("nltk.tokenize.punkt")
    spec = importlib.util.find_spec("nltk")
    package = importlib.util.module_from_spec(spec)
    package.__class__ = _LazyPackage
    package.__dict__["_framing_importing_parts"] = True
    sys.modules["nltk"] = package
    try:
        module = importlib.import_module("nltk.tokenize.punkt")
    except Exception:
        for name in [name for name in sys.modules if name == "nltk" or name.startswith("nltk.")]:
            del sys.modules[name]
        return importlib.import_module("nltk.tokenize.punkt")
    package.__dict__["_framing_importing_parts"] = False
    return module


@cache
def stdlib_regex_punkt_classes() -> tuple[type, type]:
    """Punkt's language variables and token class, with their fixed patterns compiled by the stdlib ``re``.

    NLTK 3.10 compiles every regular expression through ``nltk.redos``: the third-party ``regex`` engine with a
    wall-clock timeout around each call, a guard meant for patterns a caller supplies. Punkt's patterns are NLTK's
    own and fixed, and the wrapper costs more than the matching: Punkt split 34,942 news paragraphs in 3.1–3.6 s
    with them, 1.0–1.3 s with the same patterns under ``re``, every span the same (``tests/test_segment.py``
    compares them; ``benchmarks/RESULTS.md``, session 21). On NLTK releases before ``redos`` the patterns are
    ``re`` patterns already, and recompiling them changes nothing.
    """
    module = punkt()
    base_vars, base_token = module.PunktLanguageVars, module.PunktToken

    def plain(pattern) -> re.Pattern:
        return re.compile(pattern.pattern, pattern.flags & (re.IGNORECASE | re.MULTILINE | re.VERBOSE))

    def plain_once(language_vars, slot: str, compile_as_nltk) -> re.Pattern:
        """The pattern NLTK builds and keeps in ``slot``, compiled again by ``re`` and kept there instead."""
        compiled = getattr(language_vars, slot, None)
        if not isinstance(compiled, re.Pattern):
            compiled = plain(compile_as_nltk())
            setattr(language_vars, slot, compiled)
        return compiled

    class PlainLanguageVars(base_vars):
        __slots__ = ()
        re_boundary_realignment = plain(base_vars.re_boundary_realignment)

        def _word_tokenizer_re(self):
            return plain_once(self, "_re_word_tokenizer", super()._word_tokenizer_re)

        def period_context_re(self):
            return plain_once(self, "_re_period_context", super().period_context_re)

    class PlainToken(base_token):
        __slots__ = ()
        _RE_ELLIPSIS = plain(base_token._RE_ELLIPSIS)
        _RE_NUMERIC = plain(base_token._RE_NUMERIC)
        _RE_INITIAL = plain(base_token._RE_INITIAL)
        _RE_ALPHA = plain(base_token._RE_ALPHA)

    return PlainLanguageVars, PlainToken

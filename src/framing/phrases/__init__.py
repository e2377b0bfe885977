"""Phrases in news sentences: tokens, word classes and the walkers that find noun phrases and subjects.

Shared by the scorers that ask "who" of a sentence — who is cited (:mod:`framing.scorers.attribution`), and who a
label or an act is attributed to — without importing any of them.

* :mod:`.words` — the word classes of ``data/word_classes.toml`` (determiners, auxiliaries, prepositions, roles,
  institutions, demonyms …) as frozensets, and Punkt's orthographic statistics;
* :mod:`.tokens` — :class:`Token`, :func:`tokenize` and one-token tests (:func:`is_cap`, :func:`is_proper` …);
* :mod:`.walkers` — :class:`PhraseWalker`: noun phrases (:meth:`~PhraseWalker.np_left`,
  :meth:`~PhraseWalker.np_right`), subjects (:meth:`~PhraseWalker.subject_left`,
  :meth:`~PhraseWalker.main_subject`), appositives and clause ends, as token ranges (:class:`Phrase`).

The phrase grammar is code, not patterns: each rule is a readable decision about English news prose, and the
walkers need lookahead, bracket depth and exceptions that a pattern language would make harder to follow.

Example::

    from framing.phrases import PhraseWalker, tokenize

    sentence = "Hamid Rezaei, Iran's envoy, told reporters the talks had failed."
    walker = PhraseWalker(sentence, tokenize(sentence, []))
    subject, how = walker.subject_left(6)  # token 6 is "told"
    walker.text_of(*subject)  # "Hamid Rezaei, Iran's envoy"
"""

from __future__ import annotations

from .tokens import (DATELINE, TOKEN, Token, is_cap, is_participle, is_plural, is_proper, is_quote_mark, is_word,
                     looks_common, plural_demonym, tokenize)
from .walkers import MAX_PHRASE_WORDS, THAT_WINDOW, Phrase, PhraseWalker, SubjectHow
from .words import WORD_CLASSES_FILE, orthography, word_class, word_classes

__all__ = [
    "DATELINE", "MAX_PHRASE_WORDS", "THAT_WINDOW", "TOKEN", "WORD_CLASSES_FILE", "Phrase", "PhraseWalker",
    "SubjectHow", "Token", "is_cap", "is_participle", "is_plural", "is_proper", "is_quote_mark", "is_word",
    "looks_common", "orthography", "plural_demonym", "tokenize", "word_class", "word_classes",
]

"""framing: how different texts frame the same story — sentiment, loaded terms with voice, attribution, events."""

from .corpus import Corpus, clean_text, load_corpus, load_documents
from .errors import FramingError, FramingWarning
from .lexicons import Lexicon, load_lexicon
from .pipeline import Analysis, analyze
from .segment import sentences

__version__ = "0.1.0"

__all__ = ["Analysis", "Corpus", "FramingError", "FramingWarning", "Lexicon", "analyze", "clean_text",
           "load_corpus", "load_documents", "load_lexicon", "sentences", "__version__"]

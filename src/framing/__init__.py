"""framing: how different texts frame the same story — sentiment, loaded terms with voice, attribution."""

from .corpus import Corpus, clean_text, load_corpus, load_documents
from .errors import FramingError, FramingWarning
from .segment import sentences

__version__ = "0.1.0"

__all__ = ["Corpus", "FramingError", "FramingWarning", "clean_text", "load_corpus", "load_documents",
           "sentences", "__version__"]

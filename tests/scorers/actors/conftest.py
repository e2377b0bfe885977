"""Helpers for the actor tests: link the labels of a few sentences of one document, as the pipeline does."""

import pandas as pd
import pytest

from framing.corpus import clean_documents
from framing.lexicons import load_lexicon
from framing.scorers.actors import ActorFinder, canonical_actors, with_canonical_targets
from framing.scorers.attribution import Attribution
from framing.scorers.loaded import LoadedTermScorer
from framing.segment import sentences as split_sentences


@pytest.fixture(scope="session")
def term_scorer():
    return LoadedTermScorer(load_lexicon())


@pytest.fixture(scope="session")
def link(term_scorer):
    """``link(text, actors=())`` → the hits of ``text`` (one document) with canonical targets."""

    def run(text: str, actors=()) -> pd.DataFrame:
        documents = pd.DataFrame({"doc_id": ["d"], "path": ["d.txt"], "raw_text": [text], **{
            column: [""] for column in ("title", "outlet", "kind", "published", "source", "notes", "sha256",
                                        "encoding")}})
        corpus = clean_documents(documents)
        sentences = split_sentences(corpus)
        _, sources, spans = Attribution()(sentences, corpus.documents[["doc_id", "text"]])
        found = ActorFinder(tuple(actors))(sentences, term_scorer(sentences, spans), sources)
        return with_canonical_targets(found.terms, canonical_actors(found.mentions, tuple(actors)).names)

    return run

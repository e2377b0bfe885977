"""Synthetic input tables for the figure tests (columns as the producing modules promise)."""

import pytest

from . import synthetic


@pytest.fixture
def docs():
    return list(synthetic.DOCS)


@pytest.fixture
def sentences():
    return synthetic.sentences()


@pytest.fixture
def scores():
    return synthetic.scores()


@pytest.fixture
def sentiment_summary(scores):
    return synthetic.sentiment_summary(scores)


@pytest.fixture
def loaded_summary():
    return synthetic.loaded_summary()


@pytest.fixture
def term_counts():
    return synthetic.term_counts()


@pytest.fixture
def attribution_summary():
    return synthetic.attribution_summary()


@pytest.fixture
def shift():
    return synthetic.word_shift()


@pytest.fixture
def comparison():
    return synthetic.event_comparison()

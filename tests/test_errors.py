"""Warnings recorded where work is done (a worker, a forked child) and raised again where it is waited for."""

import warnings

import pytest

from framing.errors import FramingWarning, raise_again, recording_warnings, warn


def noisy(value):
    warn("a.txt", "first")
    warnings.warn("second", UserWarning)
    return value * 2


def test_recorded_warnings_are_not_shown_and_come_back_in_order():
    with warnings.catch_warnings(record=True) as shown:
        warnings.simplefilter("always")
        recorded = recording_warnings(noisy, 21)
    assert shown == []
    assert recorded.value == 42
    assert recorded.warnings == [(FramingWarning, "a.txt: first"), (UserWarning, "second")]
    with pytest.warns(Warning) as again:
        assert raise_again(recorded) == 42
    assert [(w.category, str(w.message)) for w in again] == recorded.warnings


def test_a_warning_seen_before_is_recorded_again():
    # "always": a warning the process has shown once (the default filter shows each once) is still recorded.
    for _ in range(2):
        assert recording_warnings(noisy, 1).warnings[0] == (FramingWarning, "a.txt: first")

"""The progress dialog's guess of the time left, from the pace so far."""

from __future__ import annotations

import pytest

from desktop.core.progress import time_left


@pytest.mark.parametrize(("elapsed", "fraction", "said"), [
    (10.0, None, None),            # total unknown
    (10.0, 0.01, None),            # too early to guess
    (0.5, 0.5, None),              # under a second gone
    (10.0, 1.0, None),             # done
    (4.0, 0.5, "a few seconds left"),
    (30.0, 0.5, "about 30 s left"),
    (12.0, 0.25, "about 35 s left"),
    (60.0, 0.25, "about 3 min left"),
    (3600.0, 0.5, "about 60 min left"),
    (7200.0, 0.5, "about 2.0 h left"),
])
def test_the_time_left_is_said_in_round_figures_once_it_means_something(
        elapsed, fraction, said):
    assert time_left(elapsed, fraction) == said

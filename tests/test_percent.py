"""A figure below its target never reads as the target (99.6 % of a quota is not "100%")."""

from __future__ import annotations

import pytest

from outreach_desk.services.percent import whole_percent


@pytest.mark.parametrize("value, target, text", [
    (0.996, 1.0, "99%"),
    (1.0, 1.0, "100%"),
    (0.796, 0.8, "79%"),
    (0.8, 0.8, "80%"),
    (0.804, 0.8, "80%"),
    (0.5, 1.0, "50%"),
    (0.004, 1.0, "0%"),
    (1.25, 1.0, "125%"),
    (0.996, None, "100%"),
    (None, 1.0, "—"),
])
def test_whole_percent_rounds_but_never_up_to_an_unreached_target(value, target, text):
    assert whole_percent(value, target) == text

"""Hypothesis profiles, chosen by HYPOTHESIS_PROFILE: dev (default), ci, fast."""

import os

from hypothesis import HealthCheck, settings


settings.register_profile("dev", max_examples=50)
settings.register_profile(
    "ci", max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("fast", max_examples=10)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))

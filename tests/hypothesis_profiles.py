"""Hypothesis profiles for the property tests (tests/robustness/).

`ci` (default): derandomized, so a run is repeatable and a failure reproduces from the log, and a
few dozen examples per property, so the robustness tests stay under a minute per database.
`fuzz` (`make fuzz`, or HYPOTHESIS_PROFILE=fuzz): many more examples, random seeds.
No deadline in either: the machine is shared, and a slow example is not a failure by itself
(pathological inputs have their own plain tests that must simply finish).
"""

import os

from hypothesis import HealthCheck, settings

_COMMON = {
    "deadline": None,
    "database": None,  # no .hypothesis/ folder in the working tree
    "suppress_health_check": [
        HealthCheck.too_slow,
        HealthCheck.function_scoped_fixture,
        HealthCheck.data_too_large,
        HealthCheck.filter_too_much,
    ],
}
settings.register_profile("ci", derandomize=True, max_examples=40, **_COMMON)
settings.register_profile(
    "fuzz", max_examples=int(os.environ.get("FUZZ_EXAMPLES", "2000")), print_blob=True, **_COMMON
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

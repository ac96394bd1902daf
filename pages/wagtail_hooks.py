"""Admin customisations. Each area keeps its hooks in its own module, imported here."""
from . import admin_feedback  # noqa: F401  (reader feedback)

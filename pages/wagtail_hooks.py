"""Admin customisations. Each area keeps its hooks in its own module, imported here."""
from pages.translation import hooks as translation_hooks  # noqa: F401

"""Admin customisations. Each area keeps its hooks in its own module, imported here."""

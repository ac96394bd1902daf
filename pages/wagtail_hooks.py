"""Admin customisations. Each area keeps its hooks in its own module, imported here."""
from . import importer_hooks  # noqa: F401  (rich-text rules used by the Docusaurus importer)

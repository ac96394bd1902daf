"""Admin hooks of the pages app itself; each feature (review, translation, feedback, preview…)
registers its own in its package's wagtail_hooks.py."""

from pages import (
    importer_hooks,  # noqa: F401  (rich-text rules used by the Docusaurus importer)
    rich_text_anchors,  # noqa: F401  (page links to a place in the page)
)

"""Admin customisations. Each area keeps its hooks in its own module, imported here."""

from pages import (
    admin_feedback,  # noqa: F401  (reader feedback)
    importer_hooks,  # noqa: F401  (rich-text rules used by the Docusaurus importer)
)
from pages.review import edit_conflicts  # noqa: F401  (two editors saving the same page)
from pages.review import hooks as review_hooks  # noqa: F401
from pages.review import outcomes as review_outcomes  # noqa: F401  (what a review action did)
from pages.translation import admin_wording  # noqa: F401  (French where wagtail-localize has none)
from pages.translation import hooks as translation_hooks  # noqa: F401

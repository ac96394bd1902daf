"""Editorial review: roles and the workflow (`workflows.py`), the review step (`models.py`), what a
review action did, freshness and alt-text reports, dashboard panels, two editors on one page."""

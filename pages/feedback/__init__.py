"""Reader feedback: "Cette page vous a-t-elle été utile ?" on every page (`views.py`), the answers
(`models.py`) and what editors see of them (`wagtail_hooks.py`)."""

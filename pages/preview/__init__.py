"""Headless preview: an editor opens a draft in an external front end. `views.py` signs a token for
one revision and sends the editor there, `api.py` answers the front end with that revision,
`wagtail_hooks.py` adds the editor's button."""

"""The public content API: v2 (Wagtail's DRF API) and v3 (Wagtail's typed API), in both languages.

`routing` finds a page by its public path, `v2` and `v3` adapt Wagtail's views, `fields` gives every
image and choice the same shape, `streamfields` and `count_cache` keep listings cheap. The URLs are
wired in `cms/urls.py` and `cms/api.py`.
"""

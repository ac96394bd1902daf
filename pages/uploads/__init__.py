"""Uploaded files are checked by what they contain, not by their name.

- ``sniff``: what a file really is, read from its first bytes (no Django);
- ``pdf``: what a PDF would do when opened (scripts, programs, attached files, links), parsed with pypdf;
- ``checks``: the rules for images and documents, with the messages editors read; shared by the
  admin forms (single and multiple upload, choosers, API v3 writes) and the Docusaurus importer;
- ``forms``: the Wagtail form bases (``WAGTAILIMAGES_IMAGE_FORM_BASE``, ``WAGTAILDOCS_DOCUMENT_FORM_BASE``);
- ``limits``: Pillow's own ceiling, so that an oversized image is never decoded anywhere.
"""

"""Catalogues: the software installed in the libraries and the sources of 3D models, kept as
translatable entries that go through review, listed on pages by a block and in the API."""

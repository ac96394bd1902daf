"""Backup and restore of the whole site: database and media files, in one verified archive."""

"""Build the site skeleton (locales, homes, sections) and the demo content."""

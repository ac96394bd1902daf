"""Admin side of the review workflow: freshness report, dashboard panel, translations under review."""

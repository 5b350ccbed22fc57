"""Views: graph results as interactive pages and shareable files. Depends on graph/, never on api/."""

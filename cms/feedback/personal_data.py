"""Ratings in a resident's personal data page and export (Federal Law 152-FZ)."""

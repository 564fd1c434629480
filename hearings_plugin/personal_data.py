"""Hearing submissions in a resident's personal data page and export."""

"""Receivers of the hearing signals: letters to followers and authors."""

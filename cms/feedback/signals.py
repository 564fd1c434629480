"""Signals of residents' feedback, sent once the transaction commits."""

from django.dispatch import Signal

# kwargs: page (the language version rated)
rating_changed = Signal()

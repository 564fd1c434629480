"""Signals of the discussion, sent once the transaction commits."""

from django.dispatch import Signal

# kwargs: comment, target
comment_posted = Signal()

"""Signals the hearing actions send once their transaction has committed.

Receivers (notifications to followers and authors, search indexing) connect in
``signal_handlers.py``; every signal carries ``procedure`` and ``user`` (the
organiser, or None for changes the clock made).
"""

from django.dispatch import Signal

# stage: the Stage value entered; reason: the organiser's reason, if any.
stage_changed = Signal()
# change: the CommentPeriodChange (closed early or extended).
comment_period_changed = Signal()
# submission: the stored Submission.
submission_received = Signal()
submission_moderated = Signal()
submission_answered = Signal()
# result: the HearingResult (protocol or conclusion).
result_published = Signal()

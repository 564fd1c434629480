"""Keeps the stored dates of the programme in step with events' sessions.

The guide, its filters and its feeds query ``EventOccurrence`` rows instead of
expanding every rule on every request; the rows are rebuilt from the sessions
and changes stored with the page each time the page is saved with its children.
"""

import logging

from django.db import transaction

from . import occurrences

logger = logging.getLogger(__name__)


@transaction.atomic
def sync_occurrences(page):
    """Replace the stored dates of ``page`` by those of its saved sessions."""
    from .models import EventOccurrence, EventSession, OccurrenceChange

    changes = [
        change.as_exception()
        for change in OccurrenceChange.objects.filter(page_id=page.pk)
    ]
    rows = []
    sessions = EventSession.objects.filter(page_id=page.pk).order_by("sort_order", "pk")
    for index, session in enumerate(sessions):
        try:
            dates = occurrences.expand(
                session.start, session.end, session.recurrence, changes
            )
        except ValueError:
            # Forms refuse such sessions; one made in code must not break saving.
            logger.warning(
                "Session %s of page %s cannot be expanded", session.pk, page.pk
            )
            continue
        rows.extend(
            EventOccurrence(
                page_id=page.pk,
                session_index=index,
                start=date.start,
                end=date.end,
                original_start=date.original_start,
                cancelled=date.cancelled,
                moved=date.moved,
                online=date.online,
                note=date.note[:255],
            )
            for date in dates
        )
    EventOccurrence.objects.filter(page_id=page.pk).delete()
    EventOccurrence.objects.bulk_create(rows, batch_size=500)
    return rows

"""Read side of the programme: what pages, lists and feeds show about events."""

import datetime

from django.db.models import Prefetch
from django.utils import timezone

from . import occurrences
from .models import EventPage, EventSession, OccurrenceChange

# How far ahead lists look for an event's next date.
LOOKAHEAD = datetime.timedelta(days=180)
# How many coming dates an event page lists.
DATES_SHOWN = 12


def with_schedule(queryset):
    """Events with everything their schedule needs, in three queries."""
    return queryset.prefetch_related(
        Prefetch("sessions", queryset=EventSession.objects.order_by("sort_order")),
        Prefetch("occurrence_changes", queryset=OccurrenceChange.objects.all()),
    )


def event_details(page, now=None):
    """What the event page shows: status, coming dates, audiences, platforms."""
    now = now or timezone.now()
    all_dates = page.get_occurrences()
    coming = [o for o in all_dates if o.end > now][:DATES_SHOWN]
    return {
        "status": occurrences.status(all_dates, now),
        "upcoming": coming,
        "audiences": [str(audience) for audience in page.audiences.all()],
        "platforms": list(page.platforms.all()),
        "institution": page.get_institution(),
    }


def upcoming_events(root, now=None, limit=24):
    """Live events under ``root`` in the active language, soonest first.

    Each item has ``page``, ``next`` (the next or current date) and ``status``.
    """
    now = now or timezone.now()
    events = with_schedule(
        EventPage.objects.live().descendant_of(root).filter(locale_id=root.locale_id)
    )
    items = []
    for event in events:
        dates = event.get_occurrences(
            window_start=now, window_end=now + LOOKAHEAD, include_cancelled=False
        )
        if not dates:
            continue
        items.append(
            {
                "page": event,
                "next": dates[0],
                "status": occurrences.status(dates, now),
            }
        )
    items.sort(key=lambda item: item["next"].start)
    return items[:limit]

"""Cancel every date of some events on one day, in all their languages, and publish.

Editors do it from the events listing when a venue closes or a teacher falls ill:
each date on that day gets a "cancelled" change with the editor's note, and every
language version of the event is published again, so the stored dates, the
calendars and the site follow.
"""

import logging
import uuid
from dataclasses import dataclass, field
from datetime import datetime

from django.db import transaction

from .. import occurrences
from ..models import EventPage, OccurrenceChange
from ..permissions import can_publish_event

logger = logging.getLogger(__name__)


@dataclass
class EventCancellation:
    """One event (all its language versions) and the dates to cancel that day."""

    versions: list
    starts: list = field(default_factory=list)

    @property
    def page(self):
        return self.versions[0]


@dataclass
class CancellationPlan:
    """What ``CancelDateAction.execute`` will change, and what it leaves alone."""

    events: list = field(default_factory=list)
    without_date: list = field(default_factory=list)
    refused: list = field(default_factory=list)


class CancelDateAction:
    """Cancel the dates of ``day`` (a date in the programme's time zone)."""

    def __init__(self, user, day, note=""):
        self.user = user
        self.day = day
        self.note = note
        self.day_start, self.day_end = occurrences.day_bounds(day)

    def check(self, event):
        """Whether the user may publish every language version of the event."""
        return all(
            can_publish_event(self.user, version)
            and not _locked_for(self.user, version)
            for version in event.versions
        )

    def plan(self, pages):
        """Group ``pages`` by event and find the dates each has on the day."""
        keys = list(dict.fromkeys(page.translation_key for page in pages))
        versions = {}
        # Aliases follow their original when it is published.
        for version in (
            EventPage.objects.filter(translation_key__in=keys, alias_of__isnull=True)
            .select_related("locale")
            .order_by("locale__language_code", "pk")
        ):
            versions.setdefault(version.translation_key, []).append(version)
        selected = {page.translation_key: page for page in pages}
        result = CancellationPlan()
        for key in keys:
            if key not in versions:
                result.without_date.append(selected[key])
                continue
            # The page the editor selected leads, so reports name it.
            group = sorted(versions[key], key=lambda v: v.pk != selected[key].pk)
            event = EventCancellation(versions=group)
            if not self.check(event):
                result.refused.append(event.page)
                continue
            event.starts = self._starts_on_the_day(self._base(event.page))
            if event.starts:
                result.events.append(event)
            else:
                result.without_date.append(event.page)
        return result

    @transaction.atomic
    def execute(self, plan):
        """Cancel and publish; returns the number of dates cancelled."""
        cancelled = 0
        for event in plan.events:
            keys = self._change_keys(event)
            for version in event.versions:
                self._cancel_in(version, event.starts, keys)
            cancelled += len(event.starts)
            logger.info(
                "Cancelled %d dates of event %s on %s",
                len(event.starts),
                event.page.translation_key,
                self.day.isoformat(),
            )
        return cancelled

    def _base(self, version):
        """The content to change: the published one, or the draft of a new page."""
        if version.live:
            return version
        return version.get_latest_revision_as_object()

    def _starts_on_the_day(self, page):
        """Original starts of the dates held on the day, as they stand now."""
        return [
            date.original_start
            for date in page.get_occurrences(
                window_start=self.day_start, window_end=self.day_end
            )
            if self.day_start <= date.start < self.day_end and not date.cancelled
        ]

    def _change_keys(self, event):
        """One translation key per date, shared by the change in every language."""
        keys = {}
        for change in OccurrenceChange.objects.filter(page__in=event.versions).order_by(
            "pk"
        ):
            keys.setdefault(_instant(change.original_start), change.translation_key)
        return {
            _instant(start): keys.get(_instant(start)) or uuid.uuid4()
            for start in event.starts
        }

    def _cancel_in(self, version, starts, keys):
        if version.live:
            draft = (
                version.get_latest_revision_as_object()
                if version.has_unpublished_changes
                else None
            )
            self._apply(version, starts, keys)
            version.save_revision(user=self.user, log_action=True).publish(
                user=self.user
            )
            if draft is not None:
                # The editor's draft stays the latest revision, with the date
                # cancelled too.
                self._apply(draft, starts, keys)
                draft.save_revision(user=self.user, log_action=True)
        else:
            draft = version.get_latest_revision_as_object()
            self._apply(draft, starts, keys)
            draft.save_revision(user=self.user, log_action=True)

    def _apply(self, page, starts, keys):
        changes = list(page.occurrence_changes.all())
        by_start = {_instant(change.original_start): change for change in changes}
        for start in starts:
            change = by_start.get(_instant(start))
            if change is None:
                change = OccurrenceChange(
                    original_start=start,
                    locale_id=page.locale_id,
                    translation_key=keys[_instant(start)],
                )
                changes.append(change)
            change.change = OccurrenceChange.Change.CANCELLED
            change.new_start = change.new_end = None
            change.note = self.note
        page.occurrence_changes = changes


def _locked_for(user, page):
    lock = page.get_lock()
    return bool(lock and lock.for_user(user))


def _instant(value: datetime):
    return value.timestamp()

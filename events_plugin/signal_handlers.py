"""Reactions of the programme to Wagtail's signals."""

import logging
import threading

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete

from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

logger = logging.getLogger(__name__)


def promote_waitlist_on_publish(sender, instance, **kwargs):
    """An editor may have added places: give them to the waiting list.

    After the commit: publishing holds the page's row, and the promotion locks
    every language version in order, as registrations do.
    """
    from .actions import PromoteFromWaitlistAction

    if instance.registration_required:
        promotion = PromoteFromWaitlistAction(instance.translation_key)
        transaction.on_commit(promotion.execute_if_open)


class _PendingIndexing(threading.local):
    """Event pages to index again once the transaction commits, gathered so that
    one commit makes one batch. Pages left over by a rolled-back transaction are
    indexed at the next commit, which only rereads them."""

    def __init__(self):
        self.pks = set()


_pending = _PendingIndexing()


def schedule_reindex(pks):
    """Index these event pages again (or remove them) after the commit."""
    from .search import indexing_suspended

    pks = {pk for pk in pks if pk is not None}
    if not pks or indexing_suspended():
        return
    _pending.pks.update(pks)
    transaction.on_commit(_reindex_pending)


def _reindex_pending():
    from .search import reindex_pages

    pks, _pending.pks = sorted(_pending.pks), set()
    if not pks:
        return
    try:
        reindex_pages(pks)
    except Exception:
        # The search service already logs its backends' failures; anything else
        # must not fail the publishing that has already been committed.
        logger.exception("Archive search index not updated for pages %s", pks)


def _event_pks_under(page, inclusive=True):
    from .models import EventPage

    return list(
        EventPage.objects.descendant_of(page, inclusive=inclusive).values_list(
            "pk", flat=True
        )
    )


def index_event_on_publish(sender, instance, **kwargs):
    schedule_reindex([instance.pk])


def remove_event_on_unpublish(sender, instance, **kwargs):
    # Reindexing an unpublished page removes it; a page published again in the
    # same transaction stays.
    schedule_reindex([instance.pk])


def remove_event_on_delete(sender, instance, **kwargs):
    schedule_reindex([instance.pk])


def reindex_events_on_move(sender, instance, **kwargs):
    """A move changes the address, and may change the institution, of every event
    in the moved subtree."""
    moved = Page.objects.filter(pk=instance.pk).first()
    if moved is not None:
        schedule_reindex(_event_pks_under(moved))


def reindex_events_of_institution(sender, instance, **kwargs):
    schedule_reindex(_event_pks_under(instance, inclusive=False))


def reindex_events_of_domain(sender, instance, **kwargs):
    from .models import EventPage

    schedule_reindex(
        EventPage.objects.filter(domain=instance).values_list("pk", flat=True)
    )


def reindex_events_of_restricted_page(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        schedule_reindex(_event_pks_under(page))


#: Every rating of an item is reindexed while it has at most this many ratings…
RATING_REINDEX_ALL_BELOW = 20
#: …and after that every Nth rating change, so that a busy page under load does
#: not rewrite its documents on every click (as views do in views/player.py).
RATING_REINDEX_EVERY = 10
RATING_CHANGES_KEY = "events:rating-changes:{}"


def reindex_event_on_rating(sender, page, **kwargs):
    """Keep the archive's rating fresh: at once while rated by few, then every
    Nth change. Runs after the rating's commit; never fails the resident."""
    from cms.feedback.models import PageFeedback

    from .models import EventPage

    if not isinstance(page, EventPage):
        return
    try:
        count = (
            PageFeedback.objects.filter(translation_key=page.translation_key)
            .values_list("rating_count", flat=True)
            .first()
        ) or 0
        if count > RATING_REINDEX_ALL_BELOW:
            key = RATING_CHANGES_KEY.format(page.translation_key)
            cache.add(key, 0, timeout=None)
            try:
                changes = cache.incr(key)
            except ValueError:  # evicted between add and incr
                cache.set(key, 1, timeout=None)
                changes = 1
            if changes % RATING_REINDEX_EVERY:
                return
        # The average is shared by every language version of the item.
        schedule_reindex(
            EventPage.objects.filter(translation_key=page.translation_key).values_list(
                "pk", flat=True
            )
        )
    except Exception:
        logger.exception("Archive rating of page %s not refreshed", page.pk)


def register_signal_handlers():
    from cms.feedback.signals import rating_changed

    from .models import Domain, EventPage, InstitutionPage

    rating_changed.connect(
        reindex_event_on_rating, dispatch_uid="events_reindex_event_on_rating"
    )

    page_published.connect(
        promote_waitlist_on_publish,
        sender=EventPage,
        dispatch_uid="events_promote_waitlist_on_publish",
    )
    page_published.connect(
        index_event_on_publish,
        sender=EventPage,
        dispatch_uid="events_index_event_on_publish",
    )
    page_unpublished.connect(
        remove_event_on_unpublish,
        sender=EventPage,
        dispatch_uid="events_remove_event_on_unpublish",
    )
    # Also sent for events deleted with an ancestor: the deletion cascades to them.
    post_delete.connect(
        remove_event_on_delete,
        sender=EventPage,
        dispatch_uid="events_remove_event_on_delete",
    )
    post_page_move.connect(
        reindex_events_on_move, dispatch_uid="events_reindex_events_on_move"
    )
    for signal, name in ((page_published, "publish"), (page_unpublished, "unpublish")):
        signal.connect(
            reindex_events_of_institution,
            sender=InstitutionPage,
            dispatch_uid=f"events_reindex_institution_events_on_{name}",
        )
    post_save.connect(
        reindex_events_of_domain,
        sender=Domain,
        dispatch_uid="events_reindex_domain_events_on_save",
    )
    # Before the deletion: afterwards the events no longer point to the domain.
    pre_delete.connect(
        reindex_events_of_domain,
        sender=Domain,
        dispatch_uid="events_reindex_domain_events_on_delete",
    )
    for signal, name in ((post_save, "save"), (post_delete, "delete")):
        signal.connect(
            reindex_events_of_restricted_page,
            sender=PageViewRestriction,
            dispatch_uid=f"events_reindex_restricted_events_on_{name}",
        )

"""Reactions of the programme to Wagtail's signals."""

from django.db import transaction

from wagtail.signals import page_published


def promote_waitlist_on_publish(sender, instance, **kwargs):
    """An editor may have added places: give them to the waiting list.

    After the commit: publishing holds the page's row, and the promotion locks
    every language version in order, as registrations do.
    """
    from .actions import PromoteFromWaitlistAction

    if instance.registration_required:
        promotion = PromoteFromWaitlistAction(instance.translation_key)
        transaction.on_commit(promotion.execute_if_open)


def register_signal_handlers():
    from .models import EventPage

    page_published.connect(
        promote_waitlist_on_publish,
        sender=EventPage,
        dispatch_uid="events_promote_waitlist_on_publish",
    )

"""Ratings in a resident's personal data page and export (Federal Law 152-FZ).

On account deletion the resident's ratings go and each rated page's stored
aggregate is recounted, so averages no longer include them.
"""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from cms.accounts.personal_data import PersonalDataProvider

from .models import PageFeedback, Rating
from .ratings import recount
from .signals import rating_changed


def ratings_of(user):
    """Each rating of ``user``: the page's title, score, language and dates."""
    records = list(
        Rating.objects.filter(user=user)
        .select_related("feedback")
        .order_by("-updated_at", "-pk")
    )
    titles = _titles({record.feedback.translation_key for record in records})
    return [
        {
            "page": titles.get(record.feedback.translation_key, ""),
            "score": record.score,
            "language": record.get_language_display(),
            "by_attendee": record.by_attendee,
            "created_at": record.created_at,
            "updated_at": record.updated_at,
        }
        for record in records
    ]


def _titles(keys):
    """Titles of pages by translation key, live versions first, in one query."""
    from wagtail.models import Page

    titles = {}
    for key, title, live in Page.objects.filter(translation_key__in=keys).values_list(
        "translation_key", "title", "live"
    ):
        if live or key not in titles:
            titles[key] = title
    return titles


def delete_ratings(user):
    """Delete ``user``'s ratings and recount each page they rated."""
    keys = list(Rating.objects.filter(user=user).values_list("feedback_id", flat=True))
    with transaction.atomic():
        # Locked in key order, as rating does, so a concurrent rating waits.
        for feedback in (
            PageFeedback.objects.select_for_update().filter(pk__in=keys).order_by("pk")
        ):
            Rating.objects.filter(feedback=feedback, user=user).delete()
            recount(feedback)
            _announce(feedback)


def _announce(feedback):
    """Tell the search index the page's average changed, once it is committed."""
    page = feedback.page()
    if page is not None:
        transaction.on_commit(lambda: rating_changed.send(sender=type(page), page=page))


@hooks.register("register_personal_data")
def ratings_personal_data():
    return PersonalDataProvider(
        key="ratings",
        title=_("Your ratings of events"),
        description=_(
            "The stars you gave. When you delete your account, your ratings are "
            "deleted and the averages are counted again without them."
        ),
        fields={
            "page": _("Event"),
            "score": _("Stars (from 1 to 5)"),
            "language": _("Language of the page"),
            "by_attendee": _("You took part in the event"),
            "created_at": _("Rated"),
            "updated_at": _("Last changed"),
        },
        collect=ratings_of,
        anonymise=delete_ratings,
    )

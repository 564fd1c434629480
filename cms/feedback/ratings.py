"""Rating a page: one score per account across the page's translations.

``rate`` and ``remove_rating`` lock the page's :class:`PageFeedback` row, write
the account's one :class:`Rating` and recount the stored aggregate in the same
transaction, so concurrent clicks by one account leave exactly one rating and
the aggregate always equals the ratings (the unique constraint is the backstop).
``summary_for`` reads the aggregate for display: one query, whatever the number
of ratings.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import Count, Max, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.accounts.permissions import can_rate_or_comment

from .models import SCORES, PageFeedback, Rating

PRIOR_CACHE_KEY = "feedback:rating-prior"
PRIOR_CACHE_SECONDS = 600


class RatingError(Exception):
    """A refusal the resident can read: ``message`` is translated."""

    message = _("The rating could not be saved. Please try again.")
    status = 400

    def __init__(self, message=None):
        if message is not None:
            self.message = message
        super().__init__(str(self.message))


class NotSignedIn(RatingError):
    message = _("Sign in to rate.")
    status = 403


class UnknownPage(RatingError):
    message = _("This page cannot be rated: it is not published or does not exist.")
    status = 404


class RatingsClosed(RatingError):
    message = _("This cannot be rated yet.")
    status = 403


class InvalidScore(RatingError):
    message = _("Choose from 1 to 5 stars.")


def parse_score(value):
    """The score 1..5 from form data, else :class:`InvalidScore`."""
    try:
        score = int(str(value).strip())
    except (TypeError, ValueError):
        raise InvalidScore from None
    if score not in SCORES:
        raise InvalidScore
    return score


def feedback_for(page, *, create=False):
    """The :class:`PageFeedback` of ``page`` (any language version), or None."""
    found = PageFeedback.objects.filter(translation_key=page.translation_key).first()
    if found is not None or not create:
        return found
    try:
        with transaction.atomic():
            return PageFeedback.objects.create(
                translation_key=page.translation_key,
                page_type=ContentType.objects.get_for_model(page.specific_class),
            )
    except IntegrityError:  # created by a concurrent request
        return PageFeedback.objects.get(translation_key=page.translation_key)


def recount(feedback):
    """Store the aggregate of ``feedback``'s ratings on it (caller holds the lock)."""
    totals = Rating.objects.filter(feedback=feedback).aggregate(
        count=Count("pk"),
        total=Sum("score"),
        attendee_count=Count("pk", filter=Q(by_attendee=True)),
        attendee_total=Sum("score", filter=Q(by_attendee=True)),
        rated_at=Max("updated_at"),
        **{f"star_{score}": Count("pk", filter=Q(score=score)) for score in SCORES},
    )
    feedback.rating_count = totals["count"]
    feedback.rating_total = totals["total"] or 0
    feedback.attendee_count = totals["attendee_count"]
    feedback.attendee_total = totals["attendee_total"] or 0
    feedback.rated_at = totals["rated_at"]
    for score in SCORES:
        setattr(feedback, f"star_{score}", totals[f"star_{score}"])
    feedback.save(
        update_fields=[
            "rating_count",
            "rating_total",
            "attendee_count",
            "attendee_total",
            "rated_at",
            *(f"star_{score}" for score in SCORES),
        ]
    )
    return feedback


def check_can_rate(page, user, now=None):
    """Raise the :class:`RatingError` that keeps ``user`` from rating ``page``."""
    from .mixins import RatableMixin

    if not can_rate_or_comment(user):
        raise NotSignedIn
    if page is None or not isinstance(page, RatableMixin):
        raise UnknownPage
    if not page.live or page.get_view_restrictions().exists():
        raise UnknownPage
    refusal = page.rating_refusal(now or timezone.now())
    if refusal:
        raise RatingsClosed(refusal)


def rate(page, user, score, *, language, now=None):
    """Store ``user``'s score of ``page``; the page's recounted feedback."""
    score = parse_score(score)
    check_can_rate(page, user, now)
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    by_attendee = bool(page.is_rating_attendee(user))
    feedback = feedback_for(page, create=True)
    with transaction.atomic():
        feedback = PageFeedback.objects.select_for_update().get(pk=feedback.pk)
        updated = Rating.objects.filter(feedback=feedback, user=user).update(
            score=score,
            language=language,
            by_attendee=by_attendee,
            updated_at=timezone.now(),
        )
        if not updated:
            Rating.objects.create(
                feedback=feedback,
                user=user,
                score=score,
                language=language,
                by_attendee=by_attendee,
            )
        recount(feedback)
    _changed(page)
    return feedback


def remove_rating(page, user, *, now=None):
    """Take back ``user``'s rating of ``page``; the page's recounted feedback."""
    check_can_rate(page, user, now)
    feedback = feedback_for(page)
    if feedback is None:
        return None
    with transaction.atomic():
        feedback = PageFeedback.objects.select_for_update().get(pk=feedback.pk)
        removed, _ignored = Rating.objects.filter(feedback=feedback, user=user).delete()
        if removed:
            recount(feedback)
    if removed:
        _changed(page)
    return feedback


def _changed(page):
    from .signals import rating_changed

    transaction.on_commit(lambda: rating_changed.send(sender=type(page), page=page))


def prior():
    """(mean, weight) the Bayesian average pulls towards: the site-wide mean."""
    weight = getattr(settings, "RATINGS_PRIOR_WEIGHT", 5)
    mean = cache.get(PRIOR_CACHE_KEY)
    if mean is None:
        totals = PageFeedback.objects.aggregate(
            count=Sum("rating_count"), total=Sum("rating_total")
        )
        count = totals["count"] or 0
        mean = (totals["total"] / count) if count else 3.0
        cache.set(PRIOR_CACHE_KEY, mean, PRIOR_CACHE_SECONDS)
    return mean, weight


def bayesian_average(count, total, mean, weight):
    """(total + weight·mean) / (count + weight): few ratings stay near the mean."""
    if not count:
        return None
    return (total + weight * mean) / (count + weight)


@dataclass
class Bar:
    score: int
    count: int
    percent: int


@dataclass
class RatingSummary:
    """What a page shows of its ratings, and the reader's own score."""

    count: int = 0
    average: float | None = None
    mean: float | None = None
    attendee_count: int = 0
    attendee_average: float | None = None
    bars: list = field(default_factory=list)
    own_score: int | None = None

    @property
    def stars(self):
        """The average rounded to half stars, for display."""
        return round(self.average * 2) / 2 if self.average is not None else None


def summarise(feedback, own_score=None):
    """The :class:`RatingSummary` of a stored aggregate (no query but the prior)."""
    if feedback is None or not feedback.rating_count:
        return RatingSummary(
            bars=[Bar(score, 0, 0) for score in reversed(SCORES)], own_score=own_score
        )
    mean, weight = prior()
    count = feedback.rating_count
    distribution = feedback.distribution
    return RatingSummary(
        count=count,
        average=bayesian_average(count, feedback.rating_total, mean, weight),
        mean=feedback.rating_total / count,
        attendee_count=feedback.attendee_count,
        attendee_average=(
            feedback.attendee_total / feedback.attendee_count
            if feedback.attendee_count
            else None
        ),
        bars=[
            Bar(score, distribution[score], round(100 * distribution[score] / count))
            for score in reversed(SCORES)
        ],
        own_score=own_score,
    )


def summary_for(page, user=None):
    """The rating summary of ``page`` with ``user``'s own score: two queries."""
    feedback = feedback_for(page)
    own = None
    if feedback is not None and user is not None and user.is_authenticated:
        own = (
            Rating.objects.filter(feedback=feedback, user=user)
            .values_list("score", flat=True)
            .first()
        )
    return summarise(feedback, own)

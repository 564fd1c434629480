"""``{% rating_widget page %}``: a page's rating summary and the form to rate it."""

from dataclasses import dataclass

from django import template
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db.models import OuterRef, Subquery
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.accounts.permissions import can_rate_or_comment

from ..forms import ANCHOR
from ..mixins import RatableMixin
from ..models import SCORES, PageFeedback, Rating
from ..ratings import summarise

register = template.Library()

TEMPLATE = "feedback/rating_widget.html"
MESSAGE_TAG = "rating"
_COUNTER = "_feedback_rating_widgets"


@dataclass
class StarChoice:
    score: int
    checked: bool


@dataclass
class RatingWidget:
    """Everything the widget template shows, decided here rather than there."""

    page: object
    summary: object
    anchor: str
    heading: str
    action_url: str
    next_url: str
    can_rate: bool
    sign_in_url: str
    closed_message: str
    notice: str

    @property
    def choices(self):
        return [StarChoice(score, score == self.summary.own_score) for score in SCORES]

    @property
    def star_states(self):
        """ "full", "half" or "empty" for each of the five stars of the average."""
        stars = self.summary.stars or 0
        return [
            "full" if stars >= n else "half" if stars >= n - 0.5 else "empty"
            for n in (1, 2, 3, 4, 5)
        ]

    @property
    def has_own_score(self):
        return self.summary.own_score is not None

    @property
    def must_sign_in(self):
        return bool(self.sign_in_url)


def next_anchor(request):
    """ "rating" for the first widget of a response, "rating-2" for the next…"""
    count = getattr(request, _COUNTER, 0) + 1
    setattr(request, _COUNTER, count)
    return ANCHOR if count == 1 else f"{ANCHOR}-{count}"


def pop_notice(request):
    """The one-time notice left by a rating posted without JavaScript."""
    found = ""
    for message in messages.get_messages(request):
        if MESSAGE_TAG in message.tags.split():
            found = str(message)
    return found


def summary_with_own_score(page, user):
    """``ratings.summary_for`` in one query: the aggregate with the reader's score."""
    feedback = PageFeedback.objects.filter(translation_key=page.translation_key)
    if user is not None and user.is_authenticated:
        feedback = feedback.annotate(
            own_score=Subquery(
                Rating.objects.filter(feedback=OuterRef("pk"), user=user).values(
                    "score"
                )[:1]
            )
        )
    found = feedback.first()
    return summarise(found, getattr(found, "own_score", None))


def build_widget(request, page, *, anchor, next_url, heading=None, notice=""):
    """The :class:`RatingWidget` of ``page`` for ``request``'s reader."""
    user = getattr(request, "user", None)
    summary = summary_with_own_score(page, user)
    closed = page.rating_refusal(timezone.now()) or ""
    signed_in = can_rate_or_comment(user)
    sign_in_url = ""
    if not signed_in and not closed:
        sign_in_url = redirect_to_login(f"{next_url}#{anchor}").url
    return RatingWidget(
        page=page,
        summary=summary,
        anchor=anchor,
        heading=heading or _("Rating"),
        action_url=reverse("feedback:rate", args=[page.pk]),
        next_url=next_url,
        can_rate=signed_in and not closed,
        sign_in_url=sign_in_url,
        closed_message=closed,
        notice=notice,
    )


def render_widget(request, widget):
    return render_to_string(TEMPLATE, {"widget": widget}, request=request)


@register.simple_tag(takes_context=True)
def rating_widget(context, page, heading=None):
    """The widget of ``page``; nothing for a page that cannot be rated."""
    request = context.get("request")
    page = getattr(page, "specific", page)
    if request is None or not isinstance(page, RatableMixin) or not page.pk:
        return ""
    anchor = next_anchor(request)
    widget = build_widget(
        request,
        page,
        anchor=anchor,
        next_url=request.path,
        heading=heading,
        notice=pop_notice(request) if anchor == ANCHOR else "",
    )
    return render_widget(request, widget)

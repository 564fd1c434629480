"""Read side of following hearings and of residents' topic proposals."""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.accounts.permissions import is_active_account

from ..models import HearingFollow, HearingPage, Stage, TopicProposal

# A resident may propose this many topics in PROPOSAL_WINDOW.
PROPOSALS_PER_DAY = 5
PROPOSAL_WINDOW = datetime.timedelta(days=1)

# The letters a follower gets, each with the stage after which it can no longer come.
_LETTERS = (
    (Stage.ANNOUNCED, _("when the exposition opens and comments are accepted")),
    (
        Stage.OPEN,
        _(
            "when the comment period is extended, and when comments close (with the "
            "reason, if the organiser closes them early)"
        ),
    ),
    (Stage.CLOSED, _("when the protocol of the hearing is published")),
    (Stage.PROTOCOL, _("when the conclusion is published")),
    (Stage.CONCLUSION, _("when the hearing moves to the archive")),
)


def letters_still_to_come(stage):
    """What a person who follows now will be told, for a hearing in ``stage``."""
    order = [s.value for s in Stage]
    position = order.index(stage)
    return [text for before, text in _LETTERS if order.index(before) >= position]


@dataclass(frozen=True)
class FollowState:
    """What the follow panel of a hearing page tells one person.

    The template reads the answers and never works them out.
    """

    available: bool
    following: bool
    followers: int
    can_follow: bool
    needs_sign_in: bool
    needs_email: bool
    letters: list = field(default_factory=list)


def follow_state(page, user):
    """The follow panel of ``page`` for ``user`` (two queries at most)."""
    procedure = page.procedure if page.procedure_id else None
    if procedure is None:
        return FollowState(
            available=False,
            following=False,
            followers=0,
            can_follow=False,
            needs_sign_in=False,
            needs_email=False,
        )
    active = is_active_account(user)
    has_email = bool(active and user.email)
    following = bool(
        active and HearingFollow.objects.filter(procedure=procedure, user=user).exists()
    )
    return FollowState(
        available=True,
        following=following,
        followers=followers_count(procedure),
        can_follow=has_email and not following,
        needs_sign_in=not (user and user.is_authenticated),
        needs_email=active and not has_email and not following,
        letters=letters_still_to_come(procedure.stage),
    )


def followers_count(procedure):
    return HearingFollow.objects.filter(procedure=procedure).count()


def is_following(procedure_id, user):
    return HearingFollow.objects.filter(procedure_id=procedure_id, user=user).exists()


def letter_recipients(procedure):
    """Followers who can get a letter now, with their accounts, in one query."""
    return list(
        HearingFollow.objects.filter(procedure=procedure, user__is_active=True)
        .exclude(user__email="")
        .select_related("user")
        .order_by("pk")
    )


def hearing_pages_by_language(procedure):
    """The live language versions of a hearing, by language code (one query)."""
    pages = (
        HearingPage.objects.live()
        .filter(procedure=procedure)
        .select_related("locale")
        .order_by("pk")
    )
    return {page.locale.language_code: page for page in pages}


def page_for_language(pages, language):
    """The version in ``language``, else the source language's, else any."""
    return (
        pages.get(language)
        or pages.get(settings.LANGUAGE_CODE)
        or next(iter(pages.values()), None)
    )


def my_topic_proposals(user):
    """The proposals ``user`` made, newest first, with the city's answers."""
    if not (user and user.is_authenticated):
        return []
    return list(TopicProposal.objects.filter(author=user).order_by("-created_at"))


def proposals_in_window(user, now=None):
    """How many topics ``user`` proposed in the last day."""
    now = now or timezone.now()
    return TopicProposal.objects.filter(
        author=user, created_at__gt=now - PROPOSAL_WINDOW
    ).count()

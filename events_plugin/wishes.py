"""Residents' wishes for the programme: who may act, the actions and the reads.

Residents propose a wish and vote for others' (once each, withdrawable);
editors of the programme set its status with a note and link the event that
answers it; moderators hide or show it. Every action checks, writes in one
transaction, logs and records the attempt for moderators (``cms.feedback.abuse``).
"""

import abc
import datetime
import functools
import logging
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import log

from cms.accounts.permissions import is_active_account
from cms.comments.models import public_name
from cms.feedback import abuse
from cms.text import clean_plain_text, contains_markup

from .models import Audience, Domain, EventPage, ProgrammeIndexPage, Wish, WishVote
from .models.feedback import WISH_DESCRIPTION_MAX_LENGTH, WISH_TITLE_MAX_LENGTH
from .permissions import can_manage_wishes, can_moderate_wishes, can_see_wish

logger = logging.getLogger(__name__)

# Wagtail audit log actions (labels in editing/wishes_admin.py).
LOG_STATUS = "events.wish.status"
LOG_HIDDEN = "events.wish.hidden"
LOG_SHOWN = "events.wish.shown"

# Names of the attempts in the moderators' activity record.
ACTIVITY_PROPOSE = "wish"
ACTIVITY_VOTE = "vote"
ACTIVITY_WITHDRAW = "vote_withdrawn"
ACTIVITY_STATUS = "wish_status"
ACTIVITY_HIDE = "wish_hidden"
ACTIVITY_SHOW = "wish_shown"

NOTE_MAX_LENGTH = 2000
REASON_MAX_LENGTH = 500
# The same title from the same account within this time is a duplicate.
DUPLICATE_WINDOW = datetime.timedelta(days=1)
# Statuses whose change is sent to the author and the voters.
ANNOUNCED_STATUSES = (Wish.Status.PLANNED, Wish.Status.DONE)

SORT_VOTES = "votes"
SORT_NEWEST = "newest"
SORTS = {
    SORT_VOTES: ("-vote_count", "-created_at", "-pk"),
    SORT_NEWEST: ("-created_at", "-pk"),
}


# Refusals ---------------------------------------------------------------------


class WishError(Exception):
    """A refusal the person can read: ``message`` is translated, ``status`` HTTP."""

    message = _("That did not work. Please try again.")
    status = 400
    code = "error"

    def __init__(self, message=None, *, field=None):
        if message is not None:
            self.message = message
        self.field = field
        super().__init__(str(self.message))


class NotSignedIn(WishError):
    message = _("Sign in to propose a wish or to vote.")
    status = 403
    code = "sign_in"


class NotAllowed(WishError):
    message = _("You may not do this.")
    status = 403
    code = "not_allowed"


class UnknownWish(WishError):
    message = _("This wish does not exist or has been hidden.")
    status = 404
    code = "unknown"


class InvalidWish(WishError):
    code = "invalid"


class DuplicateWish(WishError):
    message = _(
        "You already sent this wish today. It is on the list: there is no need "
        "to send it again."
    )
    code = "duplicate"


class VotingClosed(WishError):
    message = _("Voting on this wish has ended: the editors have already decided.")
    status = 409
    code = "closed"


class OwnWish(WishError):
    message = _("This is your own wish, so you cannot vote for it.")
    code = "own"


class AlreadyVoted(WishError):
    message = _("You have already voted for this wish.")
    status = 409
    code = "voted"


class NotVoted(WishError):
    message = _("You have not voted for this wish, so there is no vote to take back.")
    status = 409
    code = "not_voted"


class TooOften(WishError):
    """A rate limit held the attempt back; ``message`` says how long to wait."""

    status = 429
    code = "throttled"


# Who may ----------------------------------------------------------------------


def can_propose_wish(user):
    """Any signed-in account may propose and vote; ESIA is not needed."""
    return is_active_account(user)


def can_vote_for_wishes(user):
    return is_active_account(user)


# Validation -------------------------------------------------------------------


def clean_text(value, *, max_length, required, field, label):
    """Plain text as stored, or :class:`InvalidWish` naming ``field``."""
    text = clean_plain_text(value if isinstance(value, str) else "")
    if required and not text:
        raise InvalidWish(
            _("Please fill in “%(field)s”.") % {"field": label}, field=field
        )
    if len(text) > max_length:
        raise InvalidWish(
            _("“%(field)s” is too long: at most %(max)d characters, please.")
            % {"field": label, "max": max_length},
            field=field,
        )
    if contains_markup(text):
        raise InvalidWish(
            _("Please write plain text, without HTML tags or code."), field=field
        )
    return text


def domain_choices(language):
    """(slug, name) of the domains a resident may choose in ``language``."""
    return list(
        Domain.objects.filter(locale__language_code=language)
        .order_by("name")
        .values_list("slug", "name")
    )


@dataclass(frozen=True)
class Proposal:
    """A resident's wish as sent, before it is checked."""

    title: str = ""
    description: str = ""
    domain: str = ""
    event_type: str = ""
    audience: str = ""


def validate_proposal(proposal, language):
    """The fields to store for ``proposal``, or :class:`InvalidWish`."""
    title = clean_text(
        proposal.title,
        max_length=WISH_TITLE_MAX_LENGTH,
        required=True,
        field="title",
        label=_("What you would like"),
    )
    description = clean_text(
        proposal.description,
        max_length=WISH_DESCRIPTION_MAX_LENGTH,
        required=False,
        field="description",
        label=_("Details"),
    )
    domain = proposal.domain or ""
    if domain and domain not in dict(domain_choices(language)):
        raise InvalidWish(_("Choose a subject from the list."), field="domain")
    event_type = proposal.event_type or ""
    if event_type and event_type not in EventPage.Type.values:
        raise InvalidWish(_("Choose a kind of event from the list."), field="format")
    audience = None
    if proposal.audience:
        audience = Audience.objects.filter(key=proposal.audience).first()
        if audience is None:
            raise InvalidWish(_("Choose for whom from the list."), field="audience")
    return {
        "title": title,
        "description": description,
        "domain": domain,
        "event_type": event_type,
        "audience": audience,
    }


def _same_title(text):
    return " ".join(text.casefold().split())


# Actions ----------------------------------------------------------------------


def _refuse(activity, error, user, address, target=""):
    abuse.record(
        activity,
        abuse.REFUSED,
        user=user,
        address=address,
        target=target,
        detail=error.code,
    )
    return error


def _limit(activity, user, address, target=""):
    """Count the attempt; :class:`TooOften` (recorded) when over a limit."""
    limited = "vote" if activity in (ACTIVITY_VOTE, ACTIVITY_WITHDRAW) else activity
    try:
        abuse.check_rate(limited, user, address)
    except abuse.Throttled as throttled:
        abuse.record(
            activity, abuse.THROTTLED, user=user, address=address, target=target
        )
        raise TooOften(throttled.message) from throttled


def _target(wish):
    return f"wish:{wish.pk}"


class ProposeWishAction:
    """A resident adds a wish to the programme's list; it is shown at once."""

    def __init__(self, user, proposal, *, language, address=None, now=None):
        self.user = user
        self.proposal = proposal
        self.language = (
            language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        )
        self.address = address
        self.now = now

    def _check_duplicate(self, title):
        since = (self.now or timezone.now()) - DUPLICATE_WINDOW
        recent = Wish.objects.filter(user=self.user, created_at__gte=since).values_list(
            "title", flat=True
        )
        if any(_same_title(old) == _same_title(title) for old in recent):
            raise DuplicateWish

    def check(self):
        """The fields to store, or the :class:`WishError` that refuses them."""
        if not can_propose_wish(self.user):
            raise NotSignedIn
        fields = validate_proposal(self.proposal, self.language)
        self._check_duplicate(fields["title"])
        return fields

    def execute(self):
        """The new wish."""
        try:
            fields = self.check()
        except WishError as error:
            raise _refuse(ACTIVITY_PROPOSE, error, self.user, self.address) from None
        _limit(ACTIVITY_PROPOSE, self.user, self.address)
        try:
            with transaction.atomic():
                # Two posts by one account queue here, so a double click
                # finds the first wish and is refused as a duplicate.
                get_user_model().objects.select_for_update().filter(
                    pk=self.user.pk
                ).first()
                self._check_duplicate(fields["title"])
                wish = Wish.objects.create(
                    user=self.user, language=self.language, **fields
                )
        except WishError as error:
            raise _refuse(ACTIVITY_PROPOSE, error, self.user, self.address) from None
        abuse.record(
            ACTIVITY_PROPOSE,
            abuse.DONE,
            user=self.user,
            address=self.address,
            target=_target(wish),
        )
        logger.info("Account %s proposed wish %s", self.user.pk, wish.pk)
        return wish


def _recount(wish):
    """Store the number of votes of ``wish`` (the caller holds its lock)."""
    wish.vote_count = WishVote.objects.filter(wish=wish).count()
    wish.save(update_fields=["vote_count"])
    return wish


def _locked(wish_id):
    wish = Wish.objects.select_for_update().filter(pk=wish_id).first()
    if wish is None:
        raise UnknownWish
    return wish


class VoteForWishAction:
    """A resident supports someone else's open wish, once."""

    activity = ACTIVITY_VOTE

    def __init__(self, wish, user, *, address=None):
        self.wish = wish
        self.user = user
        self.address = address

    def check(self):
        if not can_vote_for_wishes(self.user):
            raise NotSignedIn
        if self.wish is None or not self.wish.is_public:
            raise UnknownWish
        if self.wish.status != Wish.Status.OPEN:
            raise VotingClosed
        if self.wish.user_id == self.user.pk:
            raise OwnWish

    def has_vote(self):
        return WishVote.objects.filter(wish=self.wish, user=self.user).exists()

    def write(self):
        if self.has_vote():
            raise AlreadyVoted
        try:
            with transaction.atomic():
                WishVote.objects.create(wish=self.wish, user=self.user)
        except IntegrityError as error:  # a double click past the check
            raise AlreadyVoted from error

    def execute(self):
        """The wish with its votes counted again."""
        target = _target(self.wish) if self.wish is not None else ""
        try:
            self.check()
        except WishError as error:
            raise _refuse(
                self.activity, error, self.user, self.address, target
            ) from None
        _limit(self.activity, self.user, self.address, target)
        try:
            with transaction.atomic():
                self.wish = _locked(self.wish.pk)
                self.check()
                self.write()
                _recount(self.wish)
        except WishError as error:
            raise _refuse(
                self.activity, error, self.user, self.address, target
            ) from None
        abuse.record(
            self.activity,
            abuse.DONE,
            user=self.user,
            address=self.address,
            target=target,
        )
        return self.wish


class WithdrawVoteAction(VoteForWishAction):
    """A resident takes back their vote while the wish is open."""

    activity = ACTIVITY_WITHDRAW

    def check(self):
        if not can_vote_for_wishes(self.user):
            raise NotSignedIn
        if self.wish is None or not self.wish.is_public:
            raise UnknownWish
        if self.wish.status != Wish.Status.OPEN:
            raise VotingClosed

    def write(self):
        removed, _rows = WishVote.objects.filter(
            wish=self.wish, user=self.user
        ).delete()
        if not removed:
            raise NotVoted


class _StaffWishAction(abc.ABC):
    """An editor's or moderator's change to one wish, logged twice."""

    activity = ""
    log_action = ""

    def __init__(self, wish, user):
        self.wish = wish
        self.user = user

    @abc.abstractmethod
    def allowed(self):
        """Whether ``self.user`` may make this change."""

    def check(self):
        if not self.allowed():
            raise NotAllowed

    @abc.abstractmethod
    def apply(self, wish):
        """Change the locked ``wish``; the audit log's data."""

    def execute(self):
        """The changed wish."""
        target = _target(self.wish)
        try:
            self.check()
            with transaction.atomic():
                wish = _locked(self.wish.pk)
                data = self.apply(wish)
                log(instance=wish, action=self.log_action, user=self.user, data=data)
        except WishError as error:
            raise _refuse(self.activity, error, self.user, None, target) from None
        self.wish = wish
        abuse.record(
            self.activity,
            abuse.DONE,
            user=self.user,
            target=target,
            detail=data.get("status", ""),
        )
        return wish


class SetWishStatusAction(_StaffWishAction):
    """An editor marks a wish planned, done, declined or open, with a note.

    ``event`` is the event page that answers it (any language) or None. The
    author and the voters get a letter when it becomes planned or done.
    """

    activity = ACTIVITY_STATUS
    log_action = LOG_STATUS

    def __init__(self, wish, user, *, status, note="", event=None):
        super().__init__(wish, user)
        self.status = status
        self.note = note
        self.event = event

    def allowed(self):
        return can_manage_wishes(self.user)

    def check(self):
        super().check()
        if self.status not in Wish.Status.values:
            raise InvalidWish(_("Choose a status from the list."), field="status")
        self.note = clean_text(
            self.note,
            max_length=NOTE_MAX_LENGTH,
            required=False,
            field="note",
            label=_("Note from the editors"),
        )
        if self.event is not None and not isinstance(self.event, EventPage):
            raise InvalidWish(_("Choose an event page."), field="event")

    def apply(self, wish):
        previous = wish.status
        wish.editor_note = self.note
        wish.event_key = self.event.translation_key if self.event else None
        fields = ["editor_note", "event_key"]
        if previous != self.status:
            wish.status = self.status
            wish.status_changed_at = timezone.now()
            fields += ["status", "status_changed_at"]
            if self.status in ANNOUNCED_STATUSES:
                transaction.on_commit(
                    functools.partial(send_status_letters, wish.pk, self.status)
                )
        wish.save(update_fields=fields)
        return {
            "status": wish.status,
            "previous_status": previous,
            "event_key": str(wish.event_key) if wish.event_key else None,
        }


class HideWishAction(_StaffWishAction):
    """A moderator takes a wish off the list; its author sees the reason."""

    activity = ACTIVITY_HIDE
    log_action = LOG_HIDDEN

    def __init__(self, wish, user, reason):
        super().__init__(wish, user)
        self.reason = reason

    def allowed(self):
        return can_moderate_wishes(self.user)

    def check(self):
        super().check()
        self.reason = clean_text(
            self.reason,
            max_length=REASON_MAX_LENGTH,
            required=True,
            field="reason",
            label=_("Reason"),
        )

    def apply(self, wish):
        wish.is_public = False
        wish.hidden_reason = self.reason
        wish.save(update_fields=["is_public", "hidden_reason"])
        return {"reason": self.reason}


class ShowWishAction(_StaffWishAction):
    """A moderator puts a hidden wish back on the list."""

    activity = ACTIVITY_SHOW
    log_action = LOG_SHOWN

    def allowed(self):
        return can_moderate_wishes(self.user)

    def apply(self, wish):
        wish.is_public = True
        wish.hidden_reason = ""
        wish.save(update_fields=["is_public", "hidden_reason"])
        return {}


# Letters ----------------------------------------------------------------------


def status_letter_recipients(wish):
    """The author and the voters with an email address, each once."""
    users = {}
    if wish.user is not None:
        users[wish.user.pk] = wish.user
    for vote in WishVote.objects.filter(wish=wish).select_related("user"):
        users.setdefault(vote.user_id, vote.user)
    return [user for user in users.values() if user.email and user.is_active]


def send_status_letters(wish_id, status):
    """Email the author and the voters that ``wish_id`` became ``status``.

    Runs after the commit; each letter in the wish's language. A failing mail
    server is logged, never raised. Returns how many letters went out.
    """
    sent = 0
    try:
        wish = Wish.objects.select_related("user").get(pk=wish_id)
        if wish.status != status:
            return 0  # changed again before the commit's letters went out
        recipients = status_letter_recipients(wish)
        with translation.override(wish.language):
            event = linked_event(wish, wish.language)
            base = {
                "wish": wish,
                "status_label": wish.get_status_display(),
                "is_done": wish.status == Wish.Status.DONE,
                "event": event,
                "event_url": (event.get_full_url() or "") if event else "",
                "wishes_url": wishes_url(wish.language),
                "site_name": settings.WAGTAIL_SITE_NAME,
            }
            for user in recipients:
                context = {**base, "user": user, "is_author": user.pk == wish.user_id}
                subject = render_to_string(
                    "events/email/wish_status_subject.txt", context
                )
                text = render_to_string("events/email/wish_status_body.txt", context)
                html = render_to_string("events/email/wish_status_body.html", context)
                message = EmailMultiAlternatives(
                    " ".join(subject.split()), text, None, [user.email]
                )
                message.attach_alternative(html, "text/html")
                try:
                    message.send()
                except Exception:
                    logger.exception("The letter about wish %s failed", wish_id)
                else:
                    sent += 1
    except Exception:
        logger.exception("The letters about wish %s failed", wish_id)
    return sent


# Reads ------------------------------------------------------------------------


def wishes_url(language):
    """The full address of the wishes list in ``language``, or ""."""
    programme = (
        ProgrammeIndexPage.objects.live().filter(locale__language_code=language).first()
        or ProgrammeIndexPage.objects.live().first()
    )
    if programme is None:
        return ""
    url = programme.get_full_url() or ""
    return url + programme.reverse_subpage("wishes") if url else ""


def linked_event(wish, language):
    """The live event page answering ``wish`` in ``language``, else any live one."""
    if wish.event_key is None:
        return None
    return linked_events([wish.event_key], language).get(wish.event_key)


def linked_events(keys, language):
    """{translation_key: live event page}, in ``language`` where there is one."""
    found = {}
    pages = EventPage.objects.live().filter(translation_key__in=set(keys))
    for page in pages.select_related("locale").order_by("pk"):
        current = found.get(page.translation_key)
        if current is None or (
            page.locale.language_code == language
            and current.locale.language_code != language
        ):
            found[page.translation_key] = page
    return found


@dataclass(frozen=True)
class WishFilters:
    """What a reader of the wishes list asked for; empty keeps all."""

    domain: str = ""
    event_type: str = ""
    audience: str = ""
    status: str = ""
    sort: str = SORT_VOTES


def public_wishes(filters=None):
    """Shown wishes matching ``filters``, in the order asked for."""
    filters = filters or WishFilters()
    wishes = Wish.objects.filter(is_public=True)
    if filters.domain:
        wishes = wishes.filter(domain=filters.domain)
    if filters.event_type:
        wishes = wishes.filter(event_type=filters.event_type)
    if filters.audience:
        wishes = wishes.filter(audience__key=filters.audience)
    if filters.status:
        wishes = wishes.filter(status=filters.status)
    order = SORTS.get(filters.sort, SORTS[SORT_VOTES])
    return wishes.select_related("user", "audience").order_by(*order)


# What the reader may do about a wish (see WishCard.voting).
VOTE = "vote"
WITHDRAW = "withdraw"
OWN = "own"
SIGN_IN = "sign_in"
CLOSED = "closed"


@dataclass
class WishCard:
    """One wish with everything its template shows, in the reader's language."""

    wish: object
    url: str
    author: str
    language_label: str
    domain_label: str
    format_label: str
    audience_label: str
    status_label: str
    voting: str
    event_title: str = ""
    event_url: str = ""
    hidden_notice: str = ""

    @property
    def pk(self):
        return self.wish.pk

    @property
    def status(self):
        return self.wish.status

    @property
    def vote_url(self):
        return self.url + "vote/"

    @property
    def withdraw_url(self):
        return self.url + "withdraw/"


def _domain_names(slugs, language):
    """{slug: name}, the reader's language first, else any language's name."""
    names = {}
    rows = Domain.objects.filter(slug__in=set(slugs)).values_list(
        "slug", "name", "locale__language_code"
    )
    for slug, name, code in rows:
        if code == language or slug not in names:
            names[slug] = name
    return names


def _voting(wish, user, voted_ids):
    if wish.status != Wish.Status.OPEN or not wish.is_public:
        return CLOSED
    if not can_vote_for_wishes(user):
        return SIGN_IN
    if wish.user_id == user.pk:
        return OWN
    return WITHDRAW if wish.pk in voted_ids else VOTE


def wish_cards(wishes, user, language, url_for, request=None):
    """:class:`WishCard` of each wish, in a fixed number of queries."""
    wishes = list(wishes)
    voted = set()
    if can_vote_for_wishes(user) and wishes:
        voted = set(
            WishVote.objects.filter(
                user=user, wish_id__in=[wish.pk for wish in wishes]
            ).values_list("wish_id", flat=True)
        )
    domains = _domain_names([w.domain for w in wishes if w.domain], language)
    events = linked_events([w.event_key for w in wishes if w.event_key], language)
    languages = dict(settings.LANGUAGES)
    formats = dict(EventPage.Type.choices)
    cards = []
    for wish in wishes:
        event = events.get(wish.event_key) if wish.event_key else None
        cards.append(
            WishCard(
                wish=wish,
                url=url_for(wish),
                author=public_name(wish.user),
                language_label=str(languages.get(wish.language, wish.language)),
                domain_label=domains.get(wish.domain, wish.domain),
                format_label=str(formats.get(wish.event_type, "")),
                audience_label=str(wish.audience) if wish.audience else "",
                status_label=str(wish.get_status_display()),
                voting=_voting(wish, user, voted),
                event_title=event.title if event else "",
                event_url=(event.get_url(request) or "") if event else "",
                hidden_notice=wish.hidden_reason if not wish.is_public else "",
            )
        )
    return cards


def visible_wish(wish_id, user):
    """The wish ``user`` may see, or None (unknown, hidden or a garbage id)."""
    try:
        wish_id = int(wish_id)
    except (TypeError, ValueError):
        return None
    if not 0 < wish_id < 2**31:
        return None
    wish = Wish.objects.select_related("user", "audience").filter(pk=wish_id).first()
    if wish is None or not can_see_wish(user, wish):
        return None
    return wish


def admin_wishes(status="", domain="", visibility="", sort=SORT_VOTES):
    """Every wish for the editors' list, hidden ones included."""
    wishes = Wish.objects.select_related("user", "audience")
    if status:
        wishes = wishes.filter(status=status)
    if domain:
        wishes = wishes.filter(domain=domain)
    if visibility == "shown":
        wishes = wishes.filter(is_public=True)
    elif visibility == "hidden":
        wishes = wishes.filter(is_public=False)
    return wishes.order_by(*SORTS.get(sort, SORTS[SORT_VOTES]))


# Personal data (152-FZ) ---------------------------------------------------------


def wishes_of(user):
    """A person's wishes as personal data records."""
    return [
        {
            "title": wish.title,
            "description": wish.description,
            "language": wish.language,
            "status": str(wish.get_status_display()),
            "votes": wish.vote_count,
            "shown": wish.is_public,
            "proposed_at": wish.created_at,
        }
        for wish in Wish.objects.filter(user=user).order_by("created_at", "pk")
    ]


def wish_votes_of(user):
    """A person's votes for wishes as personal data records."""
    return [
        {"wish": vote.wish.title, "voted_at": vote.created_at}
        for vote in WishVote.objects.filter(user=user)
        .select_related("wish")
        .order_by("created_at", "pk")
    ]


def forget_wish_author(user):
    """On account deletion: the person's wishes stay, no longer linked to them."""
    Wish.objects.filter(user=user).update(user=None)


def delete_wish_votes(user):
    """On account deletion: the person's votes go and the counts are redone."""
    wish_ids = list(
        WishVote.objects.filter(user=user)
        .order_by("wish_id")
        .values_list("wish_id", flat=True)
    )
    with transaction.atomic():
        for wish in (
            Wish.objects.select_for_update().filter(pk__in=wish_ids).order_by("pk")
        ):
            WishVote.objects.filter(wish=wish, user=user).delete()
            _recount(wish)

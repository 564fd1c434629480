"""Letters about a hearing: to its followers, and to the authors of submissions.

Each letter is ``hearings/email/<kind>_subject.txt``, ``<kind>_body.txt`` and
``<kind>_body.html``, rendered in the reader's language with dates in Moscow
time. The functions run after the commit (from the signal receivers): a mail
server that fails must not undo or break an organiser's action, so failures are
logged, not raised.
"""

import logging
import zoneinfo

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives, get_connection
from django.template.loader import render_to_string
from django.urls import NoReverseMatch
from django.utils import timezone, translation
from django.utils.crypto import constant_time_compare

from .models import Submission
from .selectors import follows as selectors

logger = logging.getLogger(__name__)

TIME_ZONE = zoneinfo.ZoneInfo("Europe/Moscow")
# Messages handed to the mail connection at a time.
BATCH_SIZE = 100

# Letters to followers.
OPENED = "opened"
CLOSED = "closed"
EXTENDED = "extended"
PROTOCOL = "protocol"
CONCLUSION = "conclusion"
ARCHIVED = "archived"
# Letters to the author of a submission.
ANSWERED = "answered"
HIDDEN = "hidden"

UNFOLLOW_SALT = "hearings.unfollow"


def _unfollow_signature(procedure_id, user_id):
    return signing.Signer(salt=UNFOLLOW_SALT).signature(f"{procedure_id}-{user_id}")


def make_unfollow_token(procedure_id, user_id):
    """A signed token that stops one person's letters about one hearing.

    Only letters, digits, ``-`` and ``_``: Wagtail's page URLs allow no more.
    """
    return f"{procedure_id}-{user_id}-{_unfollow_signature(procedure_id, user_id)}"


def read_unfollow_token(token):
    """``(procedure_id, user_id)`` from a token, or None; never raises."""
    parts = str(token or "").split("-", 2)
    if len(parts) != 3 or not all(part.isascii() for part in parts):
        return None
    procedure_id, user_id, signature = parts
    if not (procedure_id.isdigit() and user_id.isdigit()) or len(token) > 200:
        return None
    procedure_id, user_id = int(procedure_id), int(user_id)
    expected = _unfollow_signature(procedure_id, user_id)
    if not constant_time_compare(expected, signature):
        return None
    return procedure_id, user_id


def subpage_url(page, page_url, name, args=(), anchor=""):
    """The absolute URL of a route of ``page``, or of the page (with ``anchor``)."""
    try:
        return page_url + page.reverse_subpage(name, args=list(args))
    except NoReverseMatch:
        return page_url + (f"#{anchor}" if anchor else "")


def unfollow_url(page, page_url, procedure_id, user_id):
    token = make_unfollow_token(procedure_id, user_id)
    return page_url + page.reverse_subpage("unfollow_by_token", args=[token])


def _render(kind, context, address):
    subject = render_to_string(f"hearings/email/{kind}_subject.txt", context)
    text = render_to_string(f"hearings/email/{kind}_body.txt", context)
    html = render_to_string(f"hearings/email/{kind}_body.html", context)
    message = EmailMultiAlternatives(" ".join(subject.split()), text, None, [address])
    message.attach_alternative(html, "text/html")
    return message


def send_messages(messages):
    """Send over one connection in batches; the number sent. Logs failures."""
    sent = 0
    if not messages:
        return sent
    connection = get_connection()
    try:
        connection.open()
        for start in range(0, len(messages), BATCH_SIZE):
            batch = messages[start : start + BATCH_SIZE]
            try:
                sent += connection.send_messages(batch) or 0
            except Exception:
                logger.exception(
                    "%s hearing letters could not be sent; going on", len(batch)
                )
    except Exception:
        logger.exception("The mail connection for hearing letters failed")
    finally:
        try:
            connection.close()
        except Exception:
            logger.exception("Closing the mail connection failed")
    return sent


def notify_followers(procedure, kind, **extra):
    """Write ``kind`` to every follower of ``procedure``; the number sent.

    A fixed number of queries whatever the number of followers: the followers
    with their accounts in one, the language versions of the page in another.
    """
    try:
        follows = selectors.letter_recipients(procedure)
        if not follows:
            return 0
        pages = selectors.hearing_pages_by_language(procedure)
        if not pages:
            logger.warning("Hearing %s has no live page to write about", procedure)
            return 0
        urls = {code: page.get_full_url() or "" for code, page in pages.items()}
        messages = []
        for follow in follows:
            page = selectors.page_for_language(pages, follow.language)
            page_url = urls[page.locale.language_code]
            with (
                translation.override(follow.language),
                timezone.override(TIME_ZONE),
            ):
                context = {
                    **extra,
                    "kind": kind,
                    "user": follow.user,
                    "procedure": procedure,
                    "page": page,
                    "page_url": page_url,
                    "submit_url": page_url + "#submit",
                    "results_url": _result_url(page, page_url, extra.get("result")),
                    "unfollow_url": unfollow_url(
                        page, page_url, procedure.pk, follow.user_id
                    ),
                    "site_name": settings.WAGTAIL_SITE_NAME,
                }
                messages.append(_render(kind, context, follow.user.email))
    except Exception:
        logger.exception("The %s letters of hearing %s failed", kind, procedure.pk)
        return 0
    sent = send_messages(messages)
    logger.info(
        "The %s letter of hearing %s went to %s of %s followers",
        kind,
        procedure.pk,
        sent,
        len(messages),
    )
    return sent


def _result_url(page, page_url, result):
    if result is None:
        return page_url + "#results"
    return subpage_url(page, page_url, result.kind, anchor="results")


def notify_author(submission_id, kind):
    """Write ``kind`` about a submission to its author; True when it was sent."""
    try:
        submission = Submission.objects.select_related("author", "procedure").get(
            pk=submission_id
        )
        author = submission.author
        if author is None or not author.is_active or not author.email:
            return False
        procedure = submission.procedure
        pages = selectors.hearing_pages_by_language(procedure)
        page = selectors.page_for_language(pages, submission.language)
        if page is None:
            return False
        page_url = page.get_full_url() or ""
        following = selectors.is_following(procedure.pk, author)
        with (
            translation.override(submission.language),
            timezone.override(TIME_ZONE),
        ):
            context = {
                "kind": kind,
                "user": author,
                "submission": submission,
                "procedure": procedure,
                "page": page,
                "page_url": page_url,
                "receipt_url": subpage_url(
                    page, page_url, "receipt", args=[submission.pk]
                ),
                "register_url": subpage_url(page, page_url, "register"),
                "unfollow_url": (
                    unfollow_url(page, page_url, procedure.pk, author.pk)
                    if following
                    else ""
                ),
                "site_name": settings.WAGTAIL_SITE_NAME,
            }
            message = _render(kind, context, author.email)
    except Exception:
        logger.exception("The %s letter of submission %s failed", kind, submission_id)
        return False
    return send_messages([message]) == 1

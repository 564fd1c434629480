"""Letters about replies: "Email me when someone replies" in threads that offer it.

When a reply is posted, the authors of the comments above it (its parent and the
parent's parent) who asked for these letters and confirmed their email get one
letter each, in the language of their comment, with the reply and a link to it,
and a signed link that stops these letters for that thread.
"""

import logging

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from wagtail.models import Site

from .models import Comment
from .policies import policy_for

logger = logging.getLogger(__name__)

FOLLOWUP_SALT = "discussion.followup.stop"


def stop_token(user, target):
    """The signed token of the link that stops letters about ``target``'s thread."""
    content_type = ContentType.objects.get_for_model(target)
    return signing.dumps(
        {"u": user.pk, "t": content_type.pk, "o": str(target.pk)},
        salt=FOLLOWUP_SALT,
        compress=True,
    )


def read_stop_token(token):
    """(user, target) a token names, or (None, None) when forged or stale."""
    from django.contrib.auth import get_user_model

    try:
        data = signing.loads(str(token), salt=FOLLOWUP_SALT)
        content_type = ContentType.objects.get_for_id(int(data["t"]))
        model = content_type.model_class()
        if model is None or policy_for(model) is None:
            return None, None
        target = model._default_manager.filter(pk=data["o"]).first()
        user = get_user_model().objects.filter(pk=int(data["u"])).first()
    except (signing.BadSignature, KeyError, TypeError, ValueError, LookupError):
        return None, None
    except Exception:  # a forged pk of the wrong type for the database
        logger.warning("Unreadable follow-up token", exc_info=True)
        return None, None
    if target is None or user is None:
        return None, None
    return user, target


def _absolute(url):
    if not url or not url.startswith("/"):
        return url or ""
    site = Site.objects.filter(is_default_site=True).first()
    root = site.root_url if site is not None else settings.WAGTAILADMIN_BASE_URL
    return root.rstrip("/") + url


def followers_of(reply):
    """Comments above ``reply`` whose authors get a letter: one per person.

    The nearest comment of each person decides the language of their letter.
    """
    if not reply.level or reply.user_id is None:
        return []
    above = []
    parent_id = reply.parent_id
    seen = {reply.pk}
    # At most COMMENTS_XTD_MAX_THREAD_LEVEL comments lie above a reply.
    while parent_id and parent_id not in seen:
        seen.add(parent_id)
        parent = Comment.objects.filter(pk=parent_id, is_removed=False).first()
        if parent is None:
            break
        above.append(parent)
        parent_id = parent.parent_id if parent.level else 0
    followers = {}
    for comment in above:
        user = comment.user
        if (
            comment.followup
            and user is not None
            and user.pk != reply.user_id
            and user.is_active
            and user.email
            and getattr(user, "email_verified", False)
            and user.pk not in followers
        ):
            followers[user.pk] = comment
    return list(followers.values())


def send_reply_letters(comment, target):
    """Tell the followers above ``comment`` about it; the number of letters sent.

    Runs after the commit; a failing mail server is logged, never raised.
    """
    policy = policy_for(type(target))
    if policy is None or not policy.offers_followup or not comment.is_public:
        return 0
    sent = 0
    for followed in followers_of(comment):
        try:
            _send(followed, comment, target, policy)
        except Exception:
            logger.exception("The reply letter about comment %s failed", comment.pk)
        else:
            sent += 1
    return sent


def _send(followed, reply, target, policy):
    user = followed.user
    with translation.override(followed.language):
        thread_url = policy.get_url(target, followed.language) or ""
        context = {
            "user": user,
            "reply": reply,
            "followed": followed,
            "title": policy.title(target, followed.language),
            "reply_url": _absolute(f"{thread_url}#c{reply.pk}") if thread_url else "",
            "stop_url": _absolute(
                reverse("discussion:followup_stop", args=[stop_token(user, target)])
            ),
            "site_name": settings.WAGTAIL_SITE_NAME,
        }
        subject = render_to_string("discussion/email/reply_subject.txt", context)
        text = render_to_string("discussion/email/reply_body.txt", context)
        html = render_to_string("discussion/email/reply_body.html", context)
    message = EmailMultiAlternatives(
        " ".join(subject.split()), text, None, [user.email]
    )
    message.attach_alternative(html, "text/html")
    message.send()


def on_comment_posted(sender, comment, target, **kwargs):
    send_reply_letters(comment, target)

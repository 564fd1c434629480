"""Rate limits per account and per address, and the record moderators read.

Counters live in the cache (Redis in production, shared by every worker) in
fixed windows; ``settings.FEEDBACK_RATE_LIMITS`` names, per action, how many
attempts an account, a new account and an address may make per window. An
account younger than ``FEEDBACK_NEW_ACCOUNT_HOURS`` gets the "new_account" limit,
so a freshly made account cannot flood a thread or a vote.
"""

import datetime
import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import ngettext

from .models import ActivityRecord

logger = logging.getLogger(__name__)

DEFAULT_LIMITS = {
    "account": (30, 3600),
    "new_account": (10, 3600),
    "address": (120, 3600),
}


class Throttled(Exception):
    """Too many attempts: ``message`` is translated, ``retry_after`` in seconds."""

    status = 429

    def __init__(self, retry_after):
        self.retry_after = max(1, int(retry_after))
        minutes = max(1, round(self.retry_after / 60))
        self.message = ngettext(
            "You are doing this too often. Please try again in %(minutes)d minute.",
            "You are doing this too often. Please try again in %(minutes)d minutes.",
            minutes,
        ) % {"minutes": minutes}
        super().__init__(self.message)


def client_address(request):
    """The resident's address as the axes login guard sees it (proxies counted)."""
    try:
        from axes.helpers import get_client_ip_address

        address = get_client_ip_address(request)
    except Exception:  # no proxy header parser: the socket's address
        address = request.META.get("REMOTE_ADDR")
    return address or None


def limits_for(action):
    configured = getattr(settings, "FEEDBACK_RATE_LIMITS", {})
    return {
        **DEFAULT_LIMITS,
        **configured.get("default", {}),
        **configured.get(action, {}),
    }


def is_new_account(user):
    hours = getattr(settings, "FEEDBACK_NEW_ACCOUNT_HOURS", 24)
    joined = getattr(user, "date_joined", None)
    return bool(joined) and joined > timezone.now() - datetime.timedelta(hours=hours)


def _hit(key, limit, window, now):
    """Count one attempt in the window; the seconds to wait if over the limit."""
    start = int(now // window) * window
    name = f"feedback-rate:{key}:{window}:{start}"
    cache.add(name, 0, timeout=window + 5)
    try:
        count = cache.incr(name)
    except ValueError:  # expired between add and incr
        cache.set(name, 1, timeout=window + 5)
        count = 1
    if count > limit:
        return start + window - now
    return 0


def check_rate(action, user=None, address=None, *, now=None):
    """Count an attempt at ``action``; raise :class:`Throttled` when over a limit.

    Staff are not limited. The attempt is counted for the account and for the
    address; the longest wait of the limits exceeded is reported.
    """
    if user is not None and (user.is_staff or user.is_superuser):
        return
    now = time.time() if now is None else now
    limits = limits_for(action)
    waits = []
    if user is not None and user.is_authenticated:
        scope = "new_account" if is_new_account(user) else "account"
        limit, window = limits[scope]
        waits.append(_hit(f"{action}:user:{user.pk}", limit, window, now))
    if address:
        limit, window = limits["address"]
        waits.append(_hit(f"{action}:address:{address}", limit, window, now))
    wait = max(waits, default=0)
    if wait:
        raise Throttled(wait)


def record(
    action,
    outcome=ActivityRecord.Outcome.DONE,
    *,
    user=None,
    address=None,
    target="",
    detail="",
):
    """Add a line to the moderators' record; never fails the resident's request."""
    try:
        ActivityRecord.objects.create(
            action=action[:40],
            outcome=outcome,
            user=user if user is not None and user.is_authenticated else None,
            address=address or None,
            target=str(target)[:255],
            detail=str(detail)[:500],
        )
    except Exception:
        logger.exception("Could not record %s (%s)", action, outcome)


REFUSED = ActivityRecord.Outcome.REFUSED
THROTTLED = ActivityRecord.Outcome.THROTTLED
DONE = ActivityRecord.Outcome.DONE

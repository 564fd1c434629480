"""What the rating form posts: a score or a removal, and where to go back to."""

import re
from dataclasses import dataclass

from django.utils.http import url_has_allowed_host_and_scheme

from .ratings import parse_score

#: The widget's anchor on the page; a second widget on the page gets "rating-2".
ANCHOR = "rating"
ANCHOR_PATTERN = re.compile(r"rating(-[0-9]{1,3})?")
MAX_NEXT_LENGTH = 2000


@dataclass(frozen=True)
class RatingRequest:
    """One submission of the rating form, parsed; ``score`` raises on bad input."""

    raw_score: object
    remove: bool
    next_url: str
    anchor: str

    @property
    def score(self):
        return parse_score(self.raw_score)


def safe_next(request, value):
    """``value`` when it is a path on this site, else ""."""
    value = value if isinstance(value, str) else ""
    if not value or len(value) > MAX_NEXT_LENGTH or not value.startswith("/"):
        return ""
    if not url_has_allowed_host_and_scheme(
        value, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return ""
    return value.split("#", 1)[0]


def parse_rating_request(request):
    """The :class:`RatingRequest` of a POST, whatever garbage it carries."""
    data = request.POST
    anchor = data.get("anchor", "")
    return RatingRequest(
        raw_score=data.get("score"),
        remove=data.get("remove") == "1",
        next_url=safe_next(request, data.get("next", "")),
        anchor=anchor if ANCHOR_PATTERN.fullmatch(anchor or "") else ANCHOR,
    )

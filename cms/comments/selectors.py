"""Read side of the discussion: a thread page, its counts and its links.

A thread page takes a bounded number of queries whatever its size: the counts
in one grouped query, one page of top-level comments, their replies in one
query, and the reader's own reports in one more.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.db.models import Count
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from django_comments.models import CommentFlag

from cms.accounts.permissions import can_rate_or_comment

from .actions import comments_of, max_level
from .forms import CommentForm
from .models import Comment, Stance
from .policies import policy_for

LANGUAGE_PARAM = "comments_language"
PAGE_PARAM = "comments_page"
REPLY_PARAM = "comments_reply"
NOTICE_PARAM = "comments_notice"
NOTICES = {
    "flagged": _("Thank you for the report: a moderator will review the comment."),
    "hidden": _(
        "Thank you for the report: the comment is hidden until a moderator reviews it."
    ),
}
ANCHOR = "#discussion"


@dataclass
class Node:
    """One comment as the thread shows it, with what the reader may do with it."""

    comment: Comment
    children: list = field(default_factory=list)
    can_reply: bool = False
    can_flag: bool = False
    flagged_by_reader: bool = False
    reply_url: str = ""
    reply_form: CommentForm | None = None
    # In a list filtered by language: whom a reply answers.
    in_reply_to: str = ""


@dataclass
class LanguageLink:
    code: str
    label: str
    count: int
    url: str
    current: bool


@dataclass
class Thread:
    """Everything a thread template shows; it decides nothing itself."""

    target: object
    language: str
    nodes: list
    page: object
    language_links: list
    total: int
    uses_stance: bool
    stance_counts: dict
    can_post: bool
    must_sign_in: bool
    closed_message: str
    sign_in_url: str
    form: CommentForm | None
    filtered_by: str
    page_urls: dict
    next_url: str
    notice: str = ""
    #: Who speaks in official replies (an organisation), or "".
    official_name: str = ""

    @property
    def is_empty(self):
        return not self.nodes


class CountedPaginator(Paginator):
    """A paginator told its count: the thread's grouped counts already hold it."""

    def __init__(self, object_list, per_page, *, count):
        super().__init__(object_list, per_page)
        self.known_count = count

    @cached_property
    def count(self):
        return self.known_count


def _url(request, **params):
    query = request.GET.copy()
    query.pop(NOTICE_PARAM, None)
    for name, value in params.items():
        query.pop(name, None)
        if value:
            query[name] = value
    encoded = query.urlencode()
    return f"{request.path}?{encoded}{ANCHOR}" if encoded else f"{request.path}{ANCHOR}"


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def comment_thread(request, target, *, language=None):
    """The page of ``target``'s thread that ``request`` asks for."""
    policy = policy_for(type(target))
    language = language or translation.get_language()
    user = request.user
    signed_in = can_rate_or_comment(user)
    accepts = policy.accepts_comments(target)
    can_post = signed_in and accepts
    everything = comments_of(target)

    counts = {}
    top_level = 0
    stance_counts = dict.fromkeys(Stance.values, 0)
    for row in everything.values("language", "stance", "is_public", "level").annotate(
        number=Count("pk")
    ):
        counts[row["language"]] = counts.get(row["language"], 0) + row["number"]
        if row["level"] == 0:
            top_level += row["number"]
        if row["is_public"] and row["stance"] in stance_counts:
            stance_counts[row["stance"]] += row["number"]
    total = sum(counts.values())

    filtered_by = request.GET.get(LANGUAGE_PARAM, "")
    if filtered_by not in dict(settings.LANGUAGES):
        filtered_by = ""
    language_links = [
        LanguageLink(
            "",
            str(_("All languages")),
            total,
            _url(request, **{LANGUAGE_PARAM: "", PAGE_PARAM: "", REPLY_PARAM: ""}),
            not filtered_by,
        )
    ] + [
        LanguageLink(
            code,
            label,
            counts.get(code, 0),
            _url(request, **{LANGUAGE_PARAM: code, PAGE_PARAM: "", REPLY_PARAM: ""}),
            filtered_by == code,
        )
        for code, label in settings.LANGUAGES
    ]

    per_page = settings.COMMENTS_PER_PAGE
    if filtered_by:
        listed = everything.filter(language=filtered_by)
        listed_count = counts.get(filtered_by, 0)
    else:
        listed = everything.filter(level=0)
        listed_count = top_level
    paginator = CountedPaginator(
        listed.values_list("pk", flat=True), per_page, count=listed_count
    )
    page = paginator.get_page(request.GET.get(PAGE_PARAM))
    page_ids = list(page.object_list) if listed_count else []
    if not page_ids:
        comments = []
    elif filtered_by:
        comments = list(
            Comment.objects.filter(pk__in=page_ids).order_by("-thread_id", "order")
        )
    else:
        comments = list(
            everything.filter(thread_id__in=page_ids).order_by("-thread_id", "order")
        )

    flagged = set()
    if signed_in and comments:
        flagged = set(
            CommentFlag.objects.filter(
                user=user,
                flag=CommentFlag.SUGGEST_REMOVAL,
                comment_id__in=[comment.pk for comment in comments],
            ).values_list("comment_id", flat=True)
        )

    deepest = max_level(target)
    reply_to = _int(request.GET.get(REPLY_PARAM))
    next_url = _url(request, **{REPLY_PARAM: ""})

    def node_for(comment):
        can_reply = can_post and comment.is_public and comment.level < deepest
        node = Node(
            comment=comment,
            can_reply=can_reply,
            can_flag=(signed_in and comment.is_public and comment.user_id != user.pk),
            flagged_by_reader=comment.pk in flagged,
            reply_url=_url(request, **{REPLY_PARAM: str(comment.pk)}).replace(
                ANCHOR, f"#reply-{comment.pk}"
            ),
        )
        if can_reply and comment.pk == reply_to:
            node.reply_form = CommentForm(
                target,
                initial={"reply_to": comment.pk},
                with_stance=policy.uses_stance,
                with_followup=policy.offers_followup,
                # Ids apart from the form for a new comment on the same page.
                auto_id="id_reply_%s",
            )
        return node

    nodes = []
    if filtered_by:
        parents = {}
        parent_ids = {c.parent_id for c in comments if c.level}
        if parent_ids:
            parents = {
                parent.pk: parent.author_name
                for parent in Comment.objects.filter(pk__in=parent_ids)
            }
        for comment in comments:
            node = node_for(comment)
            if comment.level:
                node.in_reply_to = parents.get(comment.parent_id, "")
            nodes.append(node)
    else:
        by_pk = {}
        for comment in comments:
            node = node_for(comment)
            by_pk[comment.pk] = node
            parent = by_pk.get(comment.parent_id) if comment.level else None
            if parent is not None:
                parent.children.append(node)
            else:
                nodes.append(node)

    page_urls = {}
    if page.has_previous():
        page_urls["previous"] = _url(
            request, **{PAGE_PARAM: str(page.previous_page_number()), REPLY_PARAM: ""}
        )
    if page.has_next():
        page_urls["next"] = _url(
            request, **{PAGE_PARAM: str(page.next_page_number()), REPLY_PARAM: ""}
        )

    return Thread(
        target=target,
        language=language,
        nodes=nodes,
        page=page,
        language_links=language_links,
        total=total,
        uses_stance=policy.uses_stance,
        stance_counts=stance_counts,
        can_post=can_post,
        must_sign_in=accepts and not signed_in,
        closed_message="" if accepts else str(policy.closed_message),
        sign_in_url=redirect_to_login(
            request.get_full_path() + ANCHOR, settings.LOGIN_URL
        )["Location"],
        form=(
            CommentForm(
                target,
                with_stance=policy.uses_stance,
                with_followup=policy.offers_followup,
            )
            if can_post
            else None
        ),
        official_name=(
            policy.official_name(target, language)
            if any(comment.official for comment in comments)
            else ""
        ),
        filtered_by=filtered_by,
        page_urls=page_urls,
        next_url=next_url,
        notice=str(NOTICES.get(request.GET.get(NOTICE_PARAM), "")),
    )

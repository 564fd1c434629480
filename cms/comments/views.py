"""Posting and reporting comments: parse the form, call the action, go back.

Both take POST only, under the language prefix of the page the form was on, so a
comment keeps that page's language. Refusals are a page with a translated message
and, for a comment, the form with the text kept; nothing is stored.
"""

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_POST

from cms.accounts.permissions import can_rate_or_comment
from cms.feedback import abuse

from .actions import (
    CommentError,
    FlagCommentAction,
    PostCommentAction,
    StopFollowupAction,
)
from .forms import CommentForm
from .models import Comment
from .notifications import read_stop_token
from .policies import policy_for, resolve_target
from .selectors import LANGUAGE_PARAM, NOTICE_PARAM, PAGE_PARAM, REPLY_PARAM

# Actions in the moderators' record (cms.feedback.abuse).
RECORD_COMMENT = "comment"
RECORD_FLAG = "comment.flag"
RECORD_STOP_FOLLOWUP = "comment.stop_followup"
STALE_LINK = _(
    "This link does not work: it was changed or the discussion is gone. Sign in "
    "to manage your letters."
)
UNKNOWN_TARGET = _(
    "This discussion could not be found. Reload the page and write your comment again."
)


def _next_url(request, *, drop=()):
    """The page the form was on, without a fragment and the given parameters."""
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return ""
    parts = urlsplit(target)
    query = [(key, value) for key, value in parse_qsl(parts.query) if key not in drop]
    return urlunsplit(("", "", parts.path, urlencode(query), ""))


def _refused(request, message, *, status=400, form=None, back=""):
    return render(
        request,
        "discussion/refused.html",
        {"message": message, "form": form, "back_url": back or "/"},
        status=status,
    )


def _label(target):
    """How the moderators' record names a thread: "app.model pk"."""
    return f"{target._meta.label_lower} {target.pk}"


@require_POST
def post_comment(request):
    back = _next_url(request, drop=(REPLY_PARAM, NOTICE_PARAM))
    if not can_rate_or_comment(request.user):
        return redirect_to_login(back or "/")
    user = request.user
    address = abuse.client_address(request)
    target = resolve_target(
        request.POST.get("content_type"), request.POST.get("object_pk")
    )
    if target is None:
        abuse.record(
            RECORD_COMMENT,
            abuse.REFUSED,
            user=user,
            address=address,
            target=f"{request.POST.get('content_type', '')} "
            f"{request.POST.get('object_pk', '')}",
            detail="unknown discussion",
        )
        return _refused(request, UNKNOWN_TARGET, back=back)
    policy = policy_for(type(target))
    form = CommentForm(
        target,
        data=request.POST,
        with_stance=policy.uses_stance,
        with_followup=policy.offers_followup,
    )
    try:
        abuse.check_rate(RECORD_COMMENT, user, address)
    except abuse.Throttled as error:
        abuse.record(
            RECORD_COMMENT,
            abuse.THROTTLED,
            user=user,
            address=address,
            target=_label(target),
        )
        response = _refused(
            request, error.message, status=error.status, form=form, back=back
        )
        response["Retry-After"] = str(error.retry_after)
        return response
    if not form.is_valid():
        abuse.record(
            RECORD_COMMENT,
            abuse.REFUSED,
            user=user,
            address=address,
            target=_label(target),
            detail=", ".join(
                sorted(
                    {e.code or "" for es in form.errors.as_data().values() for e in es}
                )
            ),
        )
        return _refused(request, None, form=form, back=back)
    data = form.cleaned_data
    action = PostCommentAction(
        target,
        user,
        text=data["comment"],
        language=translation.get_language(),
        stance=data.get("stance", ""),
        reply_to=data["reply_to"],
        followup=data.get("followup", False),
    )
    try:
        comment = action.execute()
    except CommentError as error:
        abuse.record(
            RECORD_COMMENT,
            abuse.REFUSED,
            user=user,
            address=address,
            target=_label(target),
            detail=str(error.message),
        )
        return _refused(
            request, error.message, status=error.status, form=form, back=back
        )
    abuse.record(
        RECORD_COMMENT,
        abuse.DONE,
        user=user,
        address=address,
        target=_label(target),
        detail=f"comment {comment.pk}",
    )
    if not comment.level:
        # A new comment opens the first page of the thread, in every language.
        back = _next_url(
            request, drop=(REPLY_PARAM, NOTICE_PARAM, PAGE_PARAM, LANGUAGE_PARAM)
        )
    back = back or policy.get_url(target, comment.language) or "/"
    return HttpResponseRedirect(f"{back}#c{comment.pk}")


@require_POST
def flag_comment(request, pk):
    back = _next_url(request, drop=(REPLY_PARAM, NOTICE_PARAM))
    if not can_rate_or_comment(request.user):
        return redirect_to_login(back or "/")
    address = abuse.client_address(request)
    comment = (
        Comment.objects.filter(pk=pk, is_removed=False)
        .select_related("content_type")
        .first()
    )
    if comment is None or policy_for(comment.content_type.model_class()) is None:
        return _refused(request, UNKNOWN_TARGET, status=404, back=back)
    try:
        abuse.check_rate(RECORD_FLAG, request.user, address)
    except abuse.Throttled as error:
        abuse.record(
            RECORD_FLAG,
            abuse.THROTTLED,
            user=request.user,
            address=address,
            target=f"comment {pk}",
        )
        return _refused(request, error.message, status=error.status, back=back)
    try:
        hidden = FlagCommentAction(comment, request.user).execute()
    except CommentError as error:
        abuse.record(
            RECORD_FLAG,
            abuse.REFUSED,
            user=request.user,
            address=address,
            target=f"comment {pk}",
            detail=str(error.message),
        )
        return _refused(request, error.message, status=error.status, back=back)
    abuse.record(
        RECORD_FLAG,
        abuse.DONE,
        user=request.user,
        address=address,
        target=f"comment {pk}",
        detail="hidden pending review" if hidden else "",
    )
    if not back:
        policy = policy_for(comment.content_type.model_class())
        back = policy.get_url(comment.content_object, comment.language) or "/"
    separator = "&" if "?" in back else "?"
    notice = "hidden" if hidden else "flagged"
    return HttpResponseRedirect(f"{back}{separator}{NOTICE_PARAM}={notice}#c{pk}")


@require_http_methods(["GET", "POST"])
def stop_followup(request, token):
    """The link in a reply letter: GET asks to confirm, POST stops the letters."""
    user, target = read_stop_token(token)
    if user is None:
        return _refused(request, STALE_LINK, status=404)
    policy = policy_for(type(target))
    context = {
        "title": policy.title(target, translation.get_language()),
        "back_url": policy.get_url(target, translation.get_language()) or "/",
        "stopped": False,
    }
    if request.method == "POST":
        try:
            StopFollowupAction(target, user).execute()
        except CommentError as error:
            return _refused(request, error.message, status=error.status)
        abuse.record(
            RECORD_STOP_FOLLOWUP,
            abuse.DONE,
            user=user,
            address=abuse.client_address(request),
            target=_label(target),
        )
        context["stopped"] = True
    return render(request, "discussion/followup_stop.html", context)

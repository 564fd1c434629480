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
from django.views.decorators.http import require_POST

from cms.accounts.permissions import can_rate_or_comment

from .actions import CommentError, FlagCommentAction, PostCommentAction
from .forms import CommentForm
from .models import Comment
from .policies import policy_for, resolve_target
from .selectors import LANGUAGE_PARAM, NOTICE_PARAM, PAGE_PARAM, REPLY_PARAM

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


@require_POST
def post_comment(request):
    back = _next_url(request, drop=(REPLY_PARAM, NOTICE_PARAM))
    if not can_rate_or_comment(request.user):
        return redirect_to_login(back or "/")
    target = resolve_target(
        request.POST.get("content_type"), request.POST.get("object_pk")
    )
    if target is None:
        return _refused(request, UNKNOWN_TARGET, back=back)
    policy = policy_for(type(target))
    form = CommentForm(target, data=request.POST, with_stance=policy.uses_stance)
    if not form.is_valid():
        return _refused(request, None, form=form, back=back)
    data = form.cleaned_data
    action = PostCommentAction(
        target,
        request.user,
        text=data["comment"],
        language=translation.get_language(),
        stance=data.get("stance", ""),
        reply_to=data["reply_to"],
    )
    try:
        comment = action.execute()
    except CommentError as error:
        return _refused(
            request, error.message, status=error.status, form=form, back=back
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
    comment = (
        Comment.objects.filter(pk=pk, is_removed=False)
        .select_related("content_type")
        .first()
    )
    if comment is None or policy_for(comment.content_type.model_class()) is None:
        return _refused(request, UNKNOWN_TARGET, status=404, back=back)
    try:
        hidden = FlagCommentAction(comment, request.user).execute()
    except CommentError as error:
        return _refused(request, error.message, status=error.status, back=back)
    if not back:
        policy = policy_for(comment.content_type.model_class())
        back = policy.get_url(comment.content_object, comment.language) or "/"
    separator = "&" if "?" in back else "?"
    notice = "hidden" if hidden else "flagged"
    return HttpResponseRedirect(f"{back}{separator}{NOTICE_PARAM}={notice}#c{pk}")

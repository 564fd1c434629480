"""The moderators' side of the discussion in Wagtail's admin.

"Comments" lists comments awaiting review and reported ones first, with filters;
a moderator hides one with a reason its author sees, or restores it. Each thread's
policy decides who moderates it.
"""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import Case, Count, IntegerField, Q, Value, When
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from django_comments.models import CommentFlag

from cms.feedback import abuse

from .actions import (
    REASON_MAX_LENGTH,
    CommentError,
    HideCommentAction,
    NotAllowed,
    RestoreCommentAction,
    can_moderate_comment,
)
from .models import Comment
from .policies import all_policies, can_moderate_comments, thread_titles

NAMESPACE = "discussion_admin"
PER_PAGE = 50
# Actions in the moderators' record (cms.feedback.abuse).
RECORD_HIDE = "comment.hide"
RECORD_RESTORE = "comment.restore"


def _record(request, action, comment):
    abuse.record(
        action,
        abuse.DONE,
        user=request.user,
        address=abuse.client_address(request),
        target=f"comment {comment.pk}",
    )


def can_moderate_anything(user):
    return can_moderate_comments(user) or any(
        policy.can_moderate_any(user) for policy in all_policies()
    )


def _forbidden(request):
    # Wagtail's admin turns PermissionDenied into a redirect to the dashboard;
    # a plain 403 says what happened.
    return TemplateResponse(
        request,
        "discussion/admin/forbidden.html",
        {"header_title": _("Comments"), "page_title": _("Comments")},
        status=403,
    )


class ModerationFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=gettext_lazy("Status"),
        required=False,
        choices=[
            ("", gettext_lazy("All")),
            ("review", gettext_lazy("Hidden after reports, awaiting review")),
            ("hidden", gettext_lazy("Hidden by a moderator")),
            ("published", gettext_lazy("Published")),
        ],
    )
    language = forms.ChoiceField(
        label=gettext_lazy("Language"),
        required=False,
        choices=[("", gettext_lazy("All"))] + list(settings.LANGUAGES),
    )
    flagged = forms.ChoiceField(
        label=gettext_lazy("Reports"),
        required=False,
        choices=[
            ("", gettext_lazy("All")),
            ("yes", gettext_lazy("Reported")),
            ("no", gettext_lazy("Not reported")),
        ],
    )


def moderated_threads(user):
    """A filter on comments: the threads ``user`` moderates (None: every one)."""
    if can_moderate_comments(user):
        return None
    scope = Q(pk__in=[])
    for policy in all_policies():
        pks = policy.moderated_pks(user)
        content_type = ContentType.objects.get_for_model(policy.model)
        if pks is None:
            scope |= Q(content_type=content_type)
        else:
            scope |= Q(content_type=content_type, object_pk__in=pks)
    return scope


def moderation_queue(status="", language="", flagged="", user=None):
    """Comments for moderators: awaiting review, then reported, then the rest.

    With ``user``: only the threads that person moderates.
    """
    comments = Comment.objects.filter(is_removed=False)
    scope = moderated_threads(user) if user is not None else None
    if scope is not None:
        comments = comments.filter(scope)
    comments = comments.annotate(
        flag_count=Count("flags", filter=Q(flags__flag=CommentFlag.SUGGEST_REMOVAL))
    )
    if status == "review":
        comments = comments.filter(is_public=False, hidden_reason="")
    elif status == "hidden":
        comments = comments.filter(is_public=False).exclude(hidden_reason="")
    elif status == "published":
        comments = comments.filter(is_public=True)
    if language:
        comments = comments.filter(language=language)
    if flagged == "yes":
        comments = comments.filter(flag_count__gt=0)
    elif flagged == "no":
        comments = comments.filter(flag_count=0)
    urgency = Case(
        When(is_public=False, hidden_reason="", then=Value(0)),
        When(is_public=True, flag_count__gt=0, then=Value(1)),
        When(is_public=False, then=Value(2)),
        default=Value(3),
        output_field=IntegerField(),
    )
    return comments.annotate(urgency=urgency).order_by("urgency", "-submit_date")


class ModerationListView(WagtailAdminTemplateMixin, TemplateView):
    page_title = gettext_lazy("Comments")
    header_icon = "comment"
    template_name = "discussion/admin/index.html"

    def dispatch(self, request, *args, **kwargs):
        if not can_moderate_anything(request.user):
            return _forbidden(request)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = ModerationFilterForm(self.request.GET or None)
        filters = form.cleaned_data if form.is_valid() else {}
        comments = moderation_queue(
            filters.get("status", ""),
            filters.get("language", ""),
            filters.get("flagged", ""),
            user=self.request.user,
        ).prefetch_related("content_object")
        page = Paginator(comments, PER_PAGE).get_page(self.request.GET.get("p"))
        titles = thread_titles(
            [comment.content_object for comment in page.object_list],
            translation.get_language(),
        )
        for comment in page.object_list:
            comment.thread_title = titles.get(
                (comment.content_type_id, comment.object_pk), ""
            )
        query = self.request.GET.copy()
        query.pop("p", None)
        context.update(filter_form=form, comments=page, query=query.urlencode())
        return context


class HideForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason (the author will see it)"),
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": gettext_lazy("Give the reason: the author will see it.")
        },
    )


class HideView(WagtailAdminTemplateMixin, TemplateView):
    page_title = gettext_lazy("Hide a comment")
    header_icon = "comment"
    template_name = "discussion/admin/hide.html"

    def dispatch(self, request, *args, **kwargs):
        self.comment = get_object_or_404(Comment, pk=kwargs["pk"], is_removed=False)
        if not can_moderate_comment(request.user, self.comment):
            return _forbidden(request)
        self.form = HideForm(request.POST or None)
        return super().dispatch(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if self.form.is_valid():
            try:
                HideCommentAction(
                    self.comment, request.user, self.form.cleaned_data["reason"]
                ).execute()
            except CommentError as error:
                self.form.add_error("reason", error.message)
            else:
                _record(request, RECORD_HIDE, self.comment)
                messages.success(request, _("The comment is hidden."))
                return redirect(f"{NAMESPACE}:index")
        return self.render_to_response(self.get_context_data(), status=400)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(comment=self.comment, form=self.form)
        return context


@require_POST
def restore(request, pk):
    comment = get_object_or_404(Comment, pk=pk, is_removed=False)
    try:
        RestoreCommentAction(comment, request.user).execute()
    except NotAllowed:
        return _forbidden(request)
    except CommentError as error:
        messages.error(request, error.message)
    else:
        _record(request, RECORD_RESTORE, comment)
        messages.success(request, _("The comment is published again."))
    return redirect(f"{NAMESPACE}:index")


def index_url():
    return reverse(f"{NAMESPACE}:index")


urlpatterns = [
    path("", ModerationListView.as_view(), name="index"),
    path("<int:pk>/hide/", HideView.as_view(), name="hide"),
    path("<int:pk>/restore/", restore, name="restore"),
]

"""The hearing's procedure in the admin: its panel, overview and stage actions.

Each stage action is a small form view that calls one action from
``hearings_plugin.actions``; a refusal is shown in the form in the person's
language, a success as a message on the hearing's overview.
"""

import zoneinfo

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView

from wagtail import hooks
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import AdminDateInput, AdminDateTimeInput, Button

from .. import actions, permissions
from ..models import HearingPage, HearingResult, Stage
from ..selectors.workbench import StageAction, procedure_summary, unanswered_numbers

NAMESPACE = "hearings_admin"
# Organisers read and type the legal dates in the city's time, whatever their
# admin profile says.
MOSCOW = zoneinfo.ZoneInfo("Europe/Moscow")


def forbidden(request, title):
    """A plain 403: Wagtail's own refusal is a redirect that explains nothing."""
    return TemplateResponse(
        request,
        "hearings/admin/forbidden.html",
        {"header_title": title, "page_title": title},
        status=403,
    )


def may_manage(user, page):
    """Organisers of this hearing: those who answer, close or publish its results."""
    return (
        permissions.can_answer_submission(user, page)
        or permissions.can_close_comment_period(user, page)
        or permissions.can_publish_results(user, page)
    )


# (view name, label, stage it applies in, permission, serious button)
STAGE_ACTIONS = (
    (
        "close",
        gettext_lazy("Close comments early"),
        Stage.OPEN,
        permissions.can_close_comment_period,
        True,
    ),
    (
        "extend",
        gettext_lazy("Extend the comment period"),
        Stage.OPEN,
        permissions.can_close_comment_period,
        False,
    ),
    (
        "protocol",
        gettext_lazy("Publish the protocol"),
        Stage.CLOSED,
        permissions.can_publish_results,
        False,
    ),
    (
        "conclusion",
        gettext_lazy("Publish the conclusion"),
        Stage.PROTOCOL,
        permissions.can_publish_results,
        False,
    ),
    (
        "archive",
        gettext_lazy("Move to the archive"),
        Stage.CONCLUSION,
        permissions.can_publish_results,
        False,
    ),
)


def available_actions(page, user, stage):
    """The stage actions ``user`` may take on ``page`` in ``stage``."""
    return [
        StageAction(
            name=name,
            label=label,
            url=reverse(f"{NAMESPACE}:{name}", args=[page.pk]),
            serious=serious,
        )
        for name, label, applies_in, allowed, serious in STAGE_ACTIONS
        if stage == applies_in and allowed(user, page)
    ]


def summary_for(page, user):
    summary = procedure_summary(page)
    if summary is not None:
        summary.actions = available_actions(page, user, summary.stage)
    return summary


class HearingAdminMixin(WagtailAdminTemplateMixin):
    """An admin view about one hearing page, for the people allowed by ``allowed``."""

    header_icon = "clipboard-list"

    def allowed(self, user, page):
        return may_manage(user, page)

    def dispatch(self, request, *args, **kwargs):
        self.page = get_object_or_404(HearingPage, pk=kwargs["page_id"])
        if not self.allowed(request.user, self.page):
            return forbidden(request, self.get_page_title())
        with timezone.override(MOSCOW):
            return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse("wagtailadmin_pages:edit", args=[self.page.pk]),
                "label": self.page.get_admin_display_title(),
            },
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page"] = self.page
        return context


class HearingOverviewView(HearingAdminMixin, TemplateView):
    """The hearing's procedure with its buttons, reached from the page's header."""

    page_title = gettext_lazy("Hearing procedure")
    template_name = "hearings/admin/hearing_overview.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["summary"] = summary_for(self.page, self.request.user)
        context["submissions_url"] = "{}?hearing={}".format(
            reverse(f"{NAMESPACE}:submissions"), self.page.procedure_id
        )
        return context


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text=gettext_lazy("Published with the change on the hearing's page."),
    )


class ExtendForm(ReasonForm):
    closes_at = forms.DateTimeField(
        label=gettext_lazy("New closing date and time (Moscow time)"),
        widget=AdminDateTimeInput,
        required=False,
    )
    field_order = ["closes_at", "reason"]


class ResultForm(forms.Form):
    number = forms.CharField(label=gettext_lazy("Number"), max_length=60)
    signed_on = forms.DateField(label=gettext_lazy("Dated"), widget=AdminDateInput)
    text = forms.CharField(
        label=gettext_lazy("Organiser's text"),
        widget=forms.Textarea(attrs={"rows": 8}),
        required=False,
    )


class StageActionView(HearingAdminMixin, FormView):
    """A form that runs one action on the hearing and reports how it went."""

    template_name = "hearings/admin/stage_action.html"
    form_class = forms.Form
    intro = ""
    submit_label = gettext_lazy("Confirm")
    serious = False
    success_message = ""

    def allowed(self, user, page):
        return permissions.can_publish_results(user, page)

    def make_action(self, data):
        raise NotImplementedError

    def form_valid(self, form):
        try:
            self.make_action(form.cleaned_data).execute()
        except actions.HearingError as error:
            form.add_error(None, error.message)
            return self.form_invalid(form)
        messages.success(self.request, self.success_message)
        return redirect(f"{NAMESPACE}:hearing", page_id=self.page.pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            intro=self.intro,
            submit_label=self.submit_label,
            serious=self.serious,
            cancel_url=reverse(f"{NAMESPACE}:hearing", args=[self.page.pk]),
        )
        return context


class CloseEarlyView(StageActionView):
    page_title = gettext_lazy("Close comments early")
    form_class = ReasonForm
    intro = gettext_lazy(
        "Comments close at once: nothing is accepted from this instant, not even "
        "a submission being sent right now. The reason is published."
    )
    submit_label = gettext_lazy("Close comments now")
    serious = True
    success_message = gettext_lazy("Comments are closed.")

    def allowed(self, user, page):
        return permissions.can_close_comment_period(user, page)

    def make_action(self, data):
        return actions.CloseCommentPeriodAction(
            self.page, self.request.user, data["reason"]
        )


class ExtendView(CloseEarlyView):
    page_title = gettext_lazy("Extend the comment period")
    form_class = ExtendForm
    intro = gettext_lazy(
        "Comments are accepted until the new closing instant. The reason is published."
    )
    submit_label = gettext_lazy("Extend")
    serious = False
    success_message = gettext_lazy("The comment period is extended.")

    def get_initial(self):
        return {"closes_at": actions.current_procedure(self.page).closes_at}

    def make_action(self, data):
        return actions.ExtendCommentPeriodAction(
            self.page, self.request.user, data["closes_at"], data["reason"]
        )


class PublishProtocolView(StageActionView):
    page_title = gettext_lazy("Publish the protocol")
    form_class = ResultForm
    intro = gettext_lazy(
        "The protocol lists every registered submission. Your text says how the "
        "hearing went."
    )
    submit_label = gettext_lazy("Publish the protocol")
    success_message = gettext_lazy("The protocol is published.")
    kind = HearingResult.Kind.PROTOCOL

    def get_initial(self):
        return {"signed_on": timezone.localdate()}

    def make_action(self, data):
        return actions.PublishResultAction(
            self.page,
            self.request.user,
            self.kind,
            data["number"],
            data["signed_on"],
            data["text"],
        )


class PublishConclusionView(PublishProtocolView):
    page_title = gettext_lazy("Publish the conclusion")
    intro = gettext_lazy(
        "Every submission must have its reasoned answer. Your text gives the "
        "reasoned recommendations and conclusions."
    )
    submit_label = gettext_lazy("Publish the conclusion")
    success_message = gettext_lazy("The conclusion is published.")
    kind = HearingResult.Kind.CONCLUSION

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        procedure = actions.current_procedure(self.page)
        context["unanswered"] = unanswered_numbers(procedure)
        return context


class ArchiveView(StageActionView):
    page_title = gettext_lazy("Move to the archive")
    intro = gettext_lazy(
        "The hearing moves to the archive; its page, protocol and conclusion "
        "stay public."
    )
    submit_label = gettext_lazy("Move to the archive")
    success_message = gettext_lazy("The hearing is in the archive.")

    def make_action(self, data):
        return actions.ArchiveHearingAction(self.page, self.request.user)


urlpatterns = [
    path("hearing/<int:page_id>/", HearingOverviewView.as_view(), name="hearing"),
    path("hearing/<int:page_id>/close/", CloseEarlyView.as_view(), name="close"),
    path("hearing/<int:page_id>/extend/", ExtendView.as_view(), name="extend"),
    path(
        "hearing/<int:page_id>/protocol/",
        PublishProtocolView.as_view(),
        name="protocol",
    ),
    path(
        "hearing/<int:page_id>/conclusion/",
        PublishConclusionView.as_view(),
        name="conclusion",
    ),
    path("hearing/<int:page_id>/archive/", ArchiveView.as_view(), name="archive"),
]


def _shows_procedure(page, user):
    specific = page.specific_deferred
    return (
        isinstance(specific, HearingPage)
        and specific.procedure_id is not None
        and may_manage(user, specific)
    )


def _procedure_button(page):
    return Button(
        _("Hearing procedure"),
        reverse(f"{NAMESPACE}:hearing", args=[page.pk]),
        icon_name="clipboard-list",
        priority=90,
    )


@hooks.register("register_page_header_buttons")
def procedure_header_buttons(page, user, view_name=None, next_url=None):
    if _shows_procedure(page, user):
        yield _procedure_button(page)


@hooks.register("register_page_listing_more_buttons")
def procedure_listing_buttons(page, user, next_url=None):
    if _shows_procedure(page, user):
        yield _procedure_button(page)

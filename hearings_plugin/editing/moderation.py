"""The moderation queue: submissions awaiting a decision, oldest first.

Moderators publish a submission in the public register or hide it with a reason
the author reads. They see the text, never who wrote it.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .. import actions
from ..models import Submission
from ..selectors.workbench import moderation_queue
from .procedure import NAMESPACE
from .submissions import SubmissionScopeMixin

PER_PAGE = 25


class ModerationQueueView(
    SubmissionScopeMixin, WagtailAdminTemplateMixin, TemplateView
):
    page_title = _("Moderation")
    header_icon = "tasks"
    template_name = "hearings/admin/moderation_queue.html"
    forbidden_title = _("Moderation")

    def permitted(self):
        return bool(self.scope.moderate)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        queue = moderation_queue(self.scope.moderate)
        page = Paginator(queue, PER_PAGE).get_page(self.request.GET.get("p"))
        context.update(
            page_obj=page,
            items=page.object_list,
            errors=kwargs.get("errors", {}),
            hide=Submission.Moderation.HIDDEN,
            publish=Submission.Moderation.PUBLISHED,
        )
        return context

    def post(self, request, *args, **kwargs):
        pk = request.POST.get("submission", "")
        submission = (
            moderation_queue(self.scope.moderate).filter(pk=pk).first()
            if pk.isdigit()
            else None
        )
        if submission is None:
            messages.error(
                request, _("This submission is no longer waiting for moderation.")
            )
            return redirect(f"{NAMESPACE}:moderation")
        decision = request.POST.get("decision", "")
        try:
            actions.ModerateSubmissionAction(
                submission, request.user, decision, request.POST.get("reason", "")
            ).execute()
        except actions.HearingError as error:
            context = self.get_context_data(
                errors={submission.pk: error.message}, **kwargs
            )
            return self.render_to_response(context)
        if decision == Submission.Moderation.HIDDEN:
            message = _("Submission %(number)s is hidden; the author sees why.")
        else:
            message = _("Submission %(number)s is published in the register.")
        messages.success(request, message % {"number": submission.number})
        return redirect(f"{NAMESPACE}:moderation")


urlpatterns = [
    path("moderation/", ModerationQueueView.as_view(), name="moderation"),
]

"""Admin moderation of a Q&A interview's questions: one page per event.

Moderators (the event's publishers and the site's discussion moderators) see the
questions waiting, accepted in order, answered and not accepted, and act on each
with a POST; the actions in ``questions.py`` check, write and log.
"""

from django.contrib import messages
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from wagtail import hooks
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import Button

from cms.accounts.personal_data import PersonalDataProvider
from cms.feedback import abuse

from .. import permissions, questions
from ..models import EventPage, Question
from ..question_forms import AnswerForm, MoveForm, RejectForm

NAMESPACE = "events_questions"


def _forbidden(request):
    return TemplateResponse(
        request,
        "events/admin/questions_forbidden.html",
        {"header_title": _("Questions"), "page_title": _("Questions")},
        status=403,
    )


def _event_for(request, page_id):
    """The Q&A interview, or Http404; None when the user may not moderate it."""
    page = get_object_or_404(EventPage, pk=page_id)
    if not questions.takes_questions(page):
        raise Http404
    if not permissions.can_moderate_questions(request.user, page):
        return None
    return page


class QuestionModerationView(WagtailAdminTemplateMixin, TemplateView):
    """Every question of one event, by status, with the moderator's actions."""

    page_title = gettext_lazy("Questions")
    header_icon = "help"
    template_name = "events/admin/questions.html"

    def dispatch(self, request, *args, **kwargs):
        self.page = _event_for(request, kwargs["page_id"])
        if self.page is None:
            return _forbidden(request)
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
        context.update(
            page=self.page,
            lists=questions.moderation_lists(self.page),
        )
        return context


def _action_for(name, page, question, request):
    """The moderation action ``name`` asks for, its fields read from the POST."""
    user = request.user
    address = abuse.client_address(request)
    if name == "approve":
        return questions.ApproveQuestionAction(page, question, user, address=address)
    if name == "reopen":
        return questions.ReopenQuestionAction(page, question, user, address=address)
    if name == "reject":
        form = RejectForm(request.POST)
        form.is_valid()
        return questions.RejectQuestionAction(
            page, question, user, form.cleaned_data.get("reason", ""), address=address
        )
    if name == "answer":
        form = AnswerForm(request.POST)
        form.is_valid()
        return questions.MarkAnsweredAction(
            page,
            question,
            user,
            form.cleaned_data.get("time", ""),
            form.cleaned_data.get("recording", "") or "1",
            address=address,
        )
    if name == "move":
        form = MoveForm(request.POST)
        form.is_valid()
        return questions.MoveQuestionAction(
            page,
            question,
            user,
            direction=form.cleaned_data.get("direction", ""),
            place=form.cleaned_data.get("place"),
            address=address,
        )
    raise Http404


DONE_MESSAGES = {
    "approve": gettext_lazy("The question is accepted and shown on the event page."),
    "reject": gettext_lazy("The question is not accepted; its author sees why."),
    "answer": gettext_lazy("The question is marked answered."),
    "move": gettext_lazy("The order of the questions is saved."),
    "reopen": gettext_lazy("The last decision on the question is undone."),
}


def question_action(request, page_id, question_id, name):
    """Apply one moderation action, then go back to the list."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    page = _event_for(request, page_id)
    if page is None:
        return _forbidden(request)
    question = Question.objects.filter(
        pk=question_id, event_key=page.translation_key
    ).first()
    if question is None:
        raise Http404
    action = _action_for(name, page, question, request)
    try:
        action.execute()
    except questions.QuestionError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, DONE_MESSAGES[name])
    return redirect(reverse(f"{NAMESPACE}:list", args=[page.pk]) + f"#q{question.pk}")


urlpatterns = [
    path("", QuestionModerationView.as_view(), name="list"),
    path(
        "<int:question_id>/<slug:name>/",
        question_action,
        name="action",
    ),
]


@hooks.register("register_admin_urls")
def register_question_urls():
    return [
        path(
            "events/<int:page_id>/questions/",
            include((urlpatterns, NAMESPACE), namespace=NAMESPACE),
        )
    ]


def _moderates(page, user):
    specific = page.specific_deferred
    return (
        isinstance(specific, EventPage)
        and questions.takes_questions(specific)
        and permissions.can_moderate_questions(user, specific)
    )


@hooks.register("register_page_header_buttons")
def question_header_buttons(page, user, view_name=None, next_url=None):
    if _moderates(page, user):
        waiting = questions.waiting_count(page.translation_key)
        yield Button(
            _("Questions (%(waiting)d waiting)") % {"waiting": waiting},
            reverse(f"{NAMESPACE}:list", args=[page.pk]),
            icon_name="help",
            priority=92,
        )


@hooks.register("register_page_listing_more_buttons")
def question_listing_buttons(page, user, next_url=None):
    if _moderates(page, user):
        yield Button(
            _("Questions"),
            reverse(f"{NAMESPACE}:list", args=[page.pk]),
            icon_name="help",
            priority=92,
        )


@hooks.register("register_log_actions")
def register_question_log_actions(log_actions):
    for action, label, message in (
        (
            questions.LOG_APPROVED,
            gettext_lazy("Question: accepted"),
            gettext_lazy("A resident's question was accepted"),
        ),
        (
            questions.LOG_REJECTED,
            gettext_lazy("Question: not accepted"),
            gettext_lazy("A resident's question was not accepted"),
        ),
        (
            questions.LOG_MOVED,
            gettext_lazy("Question: moved"),
            gettext_lazy("The order of the accepted questions was changed"),
        ),
        (
            questions.LOG_ANSWERED,
            gettext_lazy("Question: answered"),
            gettext_lazy("A question was marked answered"),
        ),
        (
            questions.LOG_REOPENED,
            gettext_lazy("Question: decision undone"),
            gettext_lazy("The last decision on a question was undone"),
        ),
    ):
        log_actions.register_action(action, label, message)


@hooks.register("register_personal_data")
def questions_personal_data():
    return PersonalDataProvider(
        key="event_questions",
        title=gettext_lazy("Questions to live interviews"),
        description=gettext_lazy(
            "The questions you asked and their status. Your votes are kept "
            "with the account only. When you delete your account, your votes "
            "are removed and your questions stay without your name."
        ),
        fields={
            "text": gettext_lazy("Question"),
            "status": gettext_lazy("Status"),
            "language": gettext_lazy("Language of the page"),
            "asked_at": gettext_lazy("Asked"),
            "votes": gettext_lazy("Votes"),
            "reason": gettext_lazy("Reason for not accepting"),
        },
        collect=questions.questions_of,
        anonymise=questions.anonymise_questions,
    )

"""Routes of a Q&A interview page where residents ask and vote (docs/feedback.md).

Every change is a POST: done, it redirects to the page's questions section
(POST-redirect-GET); refused, it renders the page with the translated reason and
the refusal's status, the resident's text kept. ``questions.js`` sends votes
with ``Accept: application/json`` and gets the same answer as JSON.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wagtail.contrib.routable_page.models import RoutablePageMixin, path

# Messages of the questions section carry this tag, so it shows only its own.
MESSAGE_TAG = "questions"
ANCHOR = "#questions"


def _wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def _votes_text(question):
    return ngettext("%(votes)s vote", "%(votes)s votes", question.vote_count) % {
        "votes": question.vote_count
    }


class QuestionRoutesMixin(RoutablePageMixin):
    """Routes of an event page for residents' questions."""

    def get_context(self, request, *args, **kwargs):
        # Imported here: the models import this module.
        from .. import questions
        from ..question_forms import QuestionForm

        context = super().get_context(request, *args, **kwargs)
        if questions.takes_questions(self):
            context["questions"] = questions.question_board(self, request)
            context.setdefault("question_form", QuestionForm())
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if getattr(self, "event_type", None) == "qa_interview":
            # The section shows each person their own questions and votes.
            patch_cache_control(response, private=True)
        return response

    def _question_refusal(self, request):
        if getattr(self, "event_type", None) != "qa_interview":
            raise Http404
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not request.user.is_authenticated:
            if _wants_json(request):
                return JsonResponse(
                    {
                        "ok": False,
                        "message": _("Sign in to ask a question or to vote."),
                    },
                    status=403,
                )
            return redirect_to_login(
                self.get_url(request) + ANCHOR, login_url=reverse("accounts:login")
            )
        return None

    def _question_refused(self, request, message, status, form=None, retry_after=None):
        from ..question_forms import QuestionForm

        if _wants_json(request):
            response = JsonResponse(
                {"ok": False, "message": str(message)}, status=status
            )
        else:
            response = self.render(
                request,
                context_overrides={
                    "question_error": message,
                    "question_form": form or QuestionForm(),
                },
            )
            response.status_code = status
        if retry_after:
            response["Retry-After"] = str(retry_after)
        return response

    def _question_done(self, request, message, question=None, voted=None):
        if _wants_json(request):
            return JsonResponse(
                {
                    "ok": True,
                    "message": str(message),
                    "votes": question.vote_count if question else None,
                    "votes_text": _votes_text(question) if question else "",
                    "voted": voted,
                }
            )
        messages.success(request, message, extra_tags=MESSAGE_TAG)
        return redirect(self.get_url(request) + ANCHOR)

    @path("questions/", name="ask_question")
    def ask_question_view(self, request):
        if refusal := self._question_refusal(request):
            return refusal
        from cms.feedback import abuse

        from .. import questions
        from ..question_forms import QuestionForm

        form = QuestionForm(request.POST)
        form.is_valid()
        action = questions.AskQuestionAction(
            self,
            request.user,
            form.cleaned_data.get("text", ""),
            address=abuse.client_address(request),
        )
        try:
            action.execute()
        except questions.QuestionError as error:
            return self._question_refused(request, error.message, error.status, form)
        except abuse.Throttled as error:
            return self._question_refused(
                request, error.message, error.status, form, error.retry_after
            )
        return self._question_done(
            request,
            _(
                "Your question is sent to the moderator. It will appear here "
                "once the moderator accepts it."
            ),
        )

    def _question_vote(self, request, question_id, action_class, done_message, voted):
        if refusal := self._question_refusal(request):
            return refusal
        from cms.feedback import abuse

        from .. import questions

        action = getattr(questions, action_class)(
            self, request.user, question_id, address=abuse.client_address(request)
        )
        try:
            question = action.execute()
        except questions.QuestionError as error:
            return self._question_refused(request, error.message, error.status)
        except abuse.Throttled as error:
            return self._question_refused(
                request, error.message, error.status, retry_after=error.retry_after
            )
        return self._question_done(request, done_message, question, voted)

    @path("questions/<int:question_id>/vote/", name="vote_question")
    def vote_question_view(self, request, question_id):
        return self._question_vote(
            request,
            question_id,
            "VoteAction",
            _("Thank you: your vote is counted."),
            True,
        )

    @path("questions/<int:question_id>/unvote/", name="withdraw_question_vote")
    def withdraw_question_vote_view(self, request, question_id):
        return self._question_vote(
            request,
            question_id,
            "WithdrawVoteAction",
            _("Your vote is withdrawn."),
            False,
        )

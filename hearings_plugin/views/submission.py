"""Submitting to a hearing, the receipt, attachments and My submissions.

The hearing is always the page the request was routed to (a live hearing page):
no posted field names it, so a forged hearing id has nothing to change. A
submission is answered by a redirect to its receipt (POST-redirect-GET); the
form's one-time token makes a retried post land on the same receipt.
"""

import logging

from django.contrib.auth.views import redirect_to_login
from django.core.mail import EmailMultiAlternatives
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers, patch_cache_control

from wagtail.contrib.routable_page.models import RoutablePageMixin, path

logger = logging.getLogger(__name__)

# A request larger than the biggest attachment plus the form's text is refused
# before its file is looked at (a proxy in front should refuse it earlier still).
REQUEST_MARGIN_BYTES = 1024 * 1024

# HTTP status of a refused submission, by HearingError.code.
REFUSAL_STATUS = {"invalid": 400, "identity_not_confirmed": 400}


def _private(response):
    """Per-person pages: never kept by shared caches, nor stored by browsers."""
    add_never_cache_headers(response)
    patch_cache_control(response, private=True, no_store=True)
    return response


def _login_redirect(request):
    return redirect_to_login(
        request.get_full_path(), login_url=reverse("accounts:login")
    )


class SubmissionRoutesMixin(RoutablePageMixin):
    """Routes of a hearing page through which a resident submits and keeps track."""

    def get_context(self, request, *args, **kwargs):
        # Imported here: the models import this module.
        from ..selectors.submissions import submission_panel

        context = super().get_context(request, *args, **kwargs)
        context["submission_panel"] = submission_panel(self, request)
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if request.user.is_authenticated:
            # The page shows each person their own submissions, whether they
            # follow the hearing (FollowRoutesMixin) and their comment form.
            patch_cache_control(response, private=True)
        return response

    @path("submit/", name="submit")
    def submit_view(self, request):
        from .. import actions
        from ..forms import SubmissionForm
        from ..models.submissions import ATTACHMENT_MAX_BYTES
        from ..selectors import submissions as selectors

        if request.method not in ("GET", "HEAD", "POST"):
            return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
        if not request.user.is_authenticated:
            return _login_redirect(request)
        posted = request.method == "POST"
        refusal = selectors.submission_refusal(self, request.user)
        if refusal is not None:
            status = 403 if posted else 200
            return self._submission_form(request, None, refusal=refusal, status=status)
        if not posted:
            return self._submission_form(request, SubmissionForm())
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > ATTACHMENT_MAX_BYTES + REQUEST_MARGIN_BYTES:
            error = actions.InvalidSubmission(_too_big_message())
            return self._submission_form(
                request, SubmissionForm(), error=error, status=413
            )
        form = SubmissionForm(request.POST, request.FILES)
        if not form.is_valid():
            return self._submission_form(request, form, status=400)
        try:
            submission, created = actions.SubmitAction(
                self, request.user, form.submission_data()
            ).execute()
        except actions.HearingError as error:
            status = REFUSAL_STATUS.get(error.code, 403)
            return self._submission_form(request, form, error=error, status=status)
        if created:
            send_receipt(self, submission, request)
        return redirect(self._receipt_url(request, submission))

    @path("submissions/<int:pk>/", name="receipt")
    def receipt_view(self, request, pk):
        from ..selectors import submissions as selectors

        submission = selectors.visible_submission(self, request.user, pk)
        if submission is None:
            raise Http404
        response = TemplateResponse(
            request,
            "hearings/submission/receipt.html",
            {
                "page": self,
                "self": self,
                "receipt": selectors.receipt(self, submission, request),
            },
        )
        return _private(response)

    @path("submissions/<int:pk>/attachment/", name="attachment")
    def attachment_view(self, request, pk):
        from ..selectors import submissions as selectors

        submission = selectors.visible_submission(self, request.user, pk)
        if submission is None or not submission.attachment:
            raise Http404
        try:
            handle = submission.attachment.open("rb")
        except (FileNotFoundError, OSError) as error:
            logger.warning("Attachment of submission %s is missing", submission.pk)
            raise Http404 from error
        response = FileResponse(
            handle, as_attachment=True, filename=submission.attachment_name
        )
        response["X-Content-Type-Options"] = "nosniff"
        response["Cache-Control"] = "private, no-store"
        return response

    def _receipt_url(self, request, submission):
        return self.get_url(request) + self.reverse_subpage(
            "receipt", args=[submission.pk]
        )

    def _submission_form(self, request, form, *, refusal=None, error=None, status=200):
        from ..selectors import submissions as selectors

        identity = []
        if form is not None:
            identity = selectors.identity_for_form(request.user)
        response = TemplateResponse(
            request,
            "hearings/submission/form.html",
            {
                "page": self,
                "self": self,
                "form": form,
                "refusal": refusal,
                "error": error,
                "identity": identity,
                "panel": selectors.submission_panel(self, request),
                "counter_template": translation.gettext(
                    "%(count)s of %(limit)s characters"
                ),
            },
            status=status,
        )
        return _private(response)


def _too_big_message():
    from ..models.submissions import ATTACHMENT_MAX_BYTES

    return translation.gettext("The attachment is larger than %(size)s MB.") % {
        "size": ATTACHMENT_MAX_BYTES // (1024 * 1024)
    }


def send_receipt(page, submission, request):
    """Email the receipt in the page's language; False when it was not sent.

    The submission is already registered: a mail server that fails must not
    turn it into an error page, so failures are logged, not raised.
    """
    from ..selectors import submissions as selectors

    address = getattr(submission.author, "email", "")
    if not address:
        return False
    try:
        with (
            translation.override(submission.language),
            timezone.override(selectors.MOSCOW),
        ):
            context = selectors.letter_context(page, submission, request)
            subject = render_to_string("hearings/email/receipt_subject.txt", context)
            text = render_to_string("hearings/email/receipt_body.txt", context)
            html = render_to_string("hearings/email/receipt_body.html", context)
        message = EmailMultiAlternatives(
            " ".join(subject.split()), text, None, [address]
        )
        message.attach_alternative(html, "text/html")
        message.send()
    except Exception:
        logger.exception("The receipt of submission %s failed", submission.pk)
        return False
    return True


class MySubmissionsRoutesMixin(RoutablePageMixin):
    """The hearings index page's list of the signed-in resident's submissions."""

    @path("my-submissions/", name="my_submissions")
    def my_submissions_view(self, request):
        from ..selectors import submissions as selectors

        if not request.user.is_authenticated:
            return _login_redirect(request)
        paginator = Paginator(
            selectors.submissions_of(request.user), selectors.MY_SUBMISSIONS_PER_PAGE
        )
        page_of_rows = paginator.get_page(request.GET.get("page"))
        response = TemplateResponse(
            request,
            "hearings/submission/my_submissions.html",
            {
                "page": self,
                "self": self,
                "rows": selectors.my_submissions(
                    request.user, request, page_of_rows.object_list
                ),
                "page_of_rows": page_of_rows,
            },
        )
        return _private(response)

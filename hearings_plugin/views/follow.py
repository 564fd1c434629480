"""Following a hearing and proposing a topic for one.

Following and unfollowing are POSTs answered by a redirect to the follow panel
of the hearing page (POST-redirect-GET). The unsubscribe link in the letters
opens a page with a button: mail scanners open links, so a GET never changes
anything.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from cms.text import contains_markup

# Messages of the follow panel carry this tag, so it shows only its own.
MESSAGE_TAG = "follow"
PROPOSAL_MESSAGE_TAG = "topic-proposal"


def _refuse_unless_post(request, next_url):
    """A 405 for anything but POST, the sign-in page for visitors, else None."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not request.user.is_authenticated:
        return redirect_to_login(next_url, login_url=reverse("accounts:login"))
    return None


class FollowRoutesMixin(RoutablePageMixin):
    """Routes of a hearing page that let a person get its news by email."""

    def get_context(self, request, *args, **kwargs):
        # Imported here: the models import this module.
        from ..selectors.follows import follow_state

        context = super().get_context(request, *args, **kwargs)
        context["follow"] = follow_state(self, request.user)
        return context

    def _back_to_follow_panel(self, request):
        return redirect(self.get_url(request) + "#follow")

    @path("follow/", name="follow")
    def follow_view(self, request):
        if refusal := _refuse_unless_post(request, self.get_url(request) + "#follow"):
            return refusal
        from .. import following

        try:
            _follow, created = following.FollowHearingAction(
                self, request.user
            ).execute()
        except following.HearingError as error:
            messages.error(request, error.message, extra_tags=MESSAGE_TAG)
        else:
            text = (
                _("You follow this hearing. We will write to %(email)s.")
                if created
                else _("You already follow this hearing. We write to %(email)s.")
            )
            messages.success(
                request, text % {"email": request.user.email}, extra_tags=MESSAGE_TAG
            )
        return self._back_to_follow_panel(request)

    @path("unfollow/", name="unfollow")
    def unfollow_view(self, request):
        if refusal := _refuse_unless_post(request, self.get_url(request) + "#follow"):
            return refusal
        from .. import following

        if self.procedure_id:
            following.UnfollowHearingAction(
                self.procedure_id, request.user.pk
            ).execute()
        messages.success(request, _unfollowed_message(), extra_tags=MESSAGE_TAG)
        return self._back_to_follow_panel(request)

    @path("unfollow/<str:token>/", name="unfollow_by_token")
    def unfollow_by_token_view(self, request, token):
        from .. import following
        from ..notifications import read_unfollow_token
        from ..selectors.follows import is_following

        ids = read_unfollow_token(token)
        if ids is None or not self.procedure_id or ids[0] != self.procedure_id:
            raise Http404
        procedure_id, user_id = ids
        if request.method == "POST":
            following.UnfollowHearingAction(procedure_id, user_id).execute()
            messages.success(request, _unfollowed_message(), extra_tags=MESSAGE_TAG)
            return self._back_to_follow_panel(request)
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
        response = TemplateResponse(
            request,
            "hearings/topics/unfollow_confirm.html",
            {
                "page": self,
                "self": self,
                "token": token,
                "still_following": is_following(procedure_id, user_id),
            },
        )
        add_never_cache_headers(response)
        return response


def _unfollowed_message():
    return _("You no longer follow this hearing: we will not write to you about it.")


class TopicProposalForm(forms.Form):
    """A resident's proposal; the action checks it again and has the last word."""

    title = forms.CharField(
        label=gettext_lazy("Topic"),
        max_length=200,
        help_text=gettext_lazy("In a few words: what should the city discuss?"),
    )
    description = forms.CharField(
        label=gettext_lazy("Description"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=gettext_lazy(
            "Why it matters, where it is and what you propose. Plain text, up to "
            "5000 characters."
        ),
    )
    district = forms.ChoiceField(
        label=gettext_lazy("District"),
        required=False,
        help_text=gettext_lazy("Leave empty if the topic concerns no one district."),
    )

    def __init__(self, *args, **kwargs):
        from ..models import District

        super().__init__(*args, **kwargs)
        self.fields["district"].choices = [
            ("", gettext_lazy("Not chosen")),
            *District.choices,
        ]

    def _plain(self, name):
        value = self.cleaned_data.get(name, "")
        if contains_markup(value):
            raise forms.ValidationError(
                _(
                    "The text contains HTML markup or a script. Write plain text "
                    "without angle-bracket tags."
                )
            )
        return value

    def clean_title(self):
        return self._plain("title")

    def clean_description(self):
        return self._plain("description")


class TopicProposalRoutesMixin(RoutablePageMixin):
    """Routes of the hearings index where residents propose topics for hearings."""

    def _proposal_response(self, request, template, extra):
        from ..selectors.follows import PROPOSALS_PER_DAY, my_topic_proposals

        context = {
            "page": self,
            "self": self,
            "my_proposals": my_topic_proposals(request.user),
            "proposals_per_day": PROPOSALS_PER_DAY,
            **extra,
        }
        response = TemplateResponse(request, template, context)
        add_never_cache_headers(response)
        return response

    @path("propose/", name="propose_topic")
    def propose_topic_view(self, request):
        if request.method not in ("GET", "HEAD", "POST"):
            return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
        propose_url = self.get_url(request) + self.reverse_subpage("propose_topic")
        if request.method != "POST":
            return self._proposal_response(
                request,
                "hearings/topics/propose.html",
                {"form": TopicProposalForm(), "propose_url": propose_url},
            )
        if not request.user.is_authenticated:
            return redirect_to_login(propose_url, login_url=reverse("accounts:login"))
        from .. import following

        form = TopicProposalForm(request.POST)
        if form.is_valid():
            data = following.TopicProposalData(**form.cleaned_data)
            try:
                following.ProposeTopicAction(self, request.user, data).execute()
            except following.HearingError as error:
                form.add_error(None, error.message)
            else:
                return redirect(
                    self.get_url(request) + self.reverse_subpage("propose_topic_thanks")
                )
        return self._proposal_response(
            request,
            "hearings/topics/propose.html",
            {"form": form, "propose_url": propose_url},
        )

    @path("propose/thanks/", name="propose_topic_thanks")
    def propose_topic_thanks_view(self, request):
        if not request.user.is_authenticated:
            return redirect(
                self.get_url(request) + self.reverse_subpage("propose_topic")
            )
        return self._proposal_response(request, "hearings/topics/thanks.html", {})

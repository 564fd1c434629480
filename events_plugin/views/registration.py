"""Registration on an event page: register, join the waiting list, cancel.

Every change is a POST answered by a redirect to the event page, where the
registration panel shows the outcome (POST-redirect-GET). The emailed
cancellation link opens a page with a button: mail scanners open links, so a
GET never changes anything.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext as _

from wagtail.contrib.routable_page.models import RoutablePageMixin, path

# Messages of the panel carry this tag, so it shows only its own.
MESSAGE_TAG = "registration"


class RegistrationRoutesMixin(RoutablePageMixin):
    """Routes of an event page that residents use to take or give up a place."""

    def get_context(self, request, *args, **kwargs):
        # Imported here: the models import this module.
        from ..selectors import registration_state

        context = super().get_context(request, *args, **kwargs)
        context["registration"] = registration_state(self, request.user)
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if self.registration_required:
            # The page shows each person their own place and joining link.
            patch_cache_control(response, private=True)
        return response

    def _refuse_unless_resident_post(self, request):
        """A 405 for anything but POST, the sign-in page for visitors, else None."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not request.user.is_authenticated:
            return redirect_to_login(
                self.get_url(request), login_url=reverse("accounts:login")
            )
        return None

    def _back_to_panel(self, request):
        return redirect(self.get_url(request) + "#registration")

    @path("register/", name="register")
    def register_view(self, request):
        if refusal := self._refuse_unless_resident_post(request):
            return refusal
        from .. import actions

        try:
            registration = actions.RegisterAction(self, request.user).execute()
        except actions.RegistrationError as error:
            messages.error(request, error.message, extra_tags=MESSAGE_TAG)
        else:
            if registration.status == registration.Status.CONFIRMED:
                text = _(
                    "You are registered. We have sent a letter with the dates "
                    "to %(email)s."
                )
            else:
                text = _(
                    "All places are taken, so you are on the waiting list. We "
                    "will write to %(email)s if a place becomes free."
                )
            messages.success(
                request, text % {"email": request.user.email}, extra_tags=MESSAGE_TAG
            )
        return self._back_to_panel(request)

    @path("cancel/", name="cancel")
    def cancel_view(self, request):
        if refusal := self._refuse_unless_resident_post(request):
            return refusal
        from .. import actions, selectors

        mine = selectors.active_registration(self.translation_key, request.user)
        try:
            if mine is None:
                raise actions.NotRegistered
            actions.CancelRegistrationAction(mine, request.user).execute()
        except actions.RegistrationError as error:
            messages.error(request, error.message, extra_tags=MESSAGE_TAG)
        else:
            messages.success(request, _cancelled_message(), extra_tags=MESSAGE_TAG)
        return self._back_to_panel(request)

    @path("cancel/<str:token>/", name="cancel_by_token")
    def cancel_by_token_view(self, request, token):
        from .. import actions
        from ..models import Registration

        registration = Registration.objects.filter(
            event_key=self.translation_key, cancel_token=token
        ).first()
        if registration is None:
            raise Http404
        action = actions.CancelRegistrationAction(registration)
        if request.method == "POST":
            try:
                action.execute()
            except actions.RegistrationError as error:
                messages.error(request, error.message, extra_tags=MESSAGE_TAG)
            else:
                messages.success(request, _cancelled_message(), extra_tags=MESSAGE_TAG)
            return self._back_to_panel(request)
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
        try:
            action.check()
        except actions.RegistrationError as error:
            refusal = error.message
        else:
            refusal = ""
        response = TemplateResponse(
            request,
            "events/registration/cancel_confirm.html",
            {
                "page": self,
                "self": self,
                "registration_to_cancel": registration,
                "refusal": refusal,
                "token": token,
            },
        )
        add_never_cache_headers(response)
        return response


def _cancelled_message():
    return _("Your registration is cancelled. We have sent you a letter about it.")

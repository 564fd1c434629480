"""Views of local accounts: sign up, sign in and out, the account page, email
confirmation and passwords. Forms parse, ``account_actions`` changes, selectors read.
"""

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from . import account_actions, selectors
from .forms import (
    EMAIL_TAKEN_MESSAGE,
    PASSWORD_RESET_RATE_LIMITED_MESSAGE,
    SIGNUP_RATE_LIMITED_MESSAGE,
    LoginForm,
    SignupForm,
    lockout_status,
)
from .tokens import TokenState, check_confirmation_token

REDIRECT_FIELD_NAME = "next"


def safe_next_url(request):
    """The ``next`` parameter when it stays on this site, else an empty string."""
    url = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(
        REDIRECT_FIELD_NAME, ""
    )
    if url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return ""


@sensitive_post_parameters("password1", "password2")
@csrf_protect
@never_cache
def signup(request):
    """Open a local account and sign in; the confirmation email goes out."""
    next_url = safe_next_url(request)
    if request.user.is_authenticated:
        return redirect(next_url or "accounts:profile")
    status = 200
    form = SignupForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            account_actions.sign_up(
                request,
                email=form.cleaned_data["email"],
                password=form.cleaned_data["password1"],
                name=form.cleaned_data["name"],
            )
        except account_actions.EmailTaken:
            form.add_error("email", EMAIL_TAKEN_MESSAGE)
        except account_actions.RateLimited:
            form.add_error(None, SIGNUP_RATE_LIMITED_MESSAGE)
            status = 429
        else:
            return redirect(next_url or "accounts:profile")
    return render(
        request,
        "accounts/signup.html",
        {"form": form, "next": next_url},
        status=status,
    )


class LoginView(auth_views.LoginView):
    """Email and password, with the Gosuslugi button when ESIA is configured."""

    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["esia_enabled"] = selectors.esia_login_available()
        return context

    def form_invalid(self, form):
        response = super().form_invalid(form)
        if form.locked_out:
            response.status_code = lockout_status()
        return response


class LogoutView(auth_views.LogoutView):
    """POST only; back to the home page in the current language."""

    def get_default_redirect_url(self):
        return f"/{self.request.LANGUAGE_CODE}/"


@login_required
@never_cache
def profile(request):
    """The account page, for its owner only: there are no public profiles."""
    return render(
        request,
        "accounts/profile.html",
        {"profile": selectors.profile_for(request.user)},
    )


@csrf_protect
@never_cache
def confirm_email(request, token):
    """The link from the email: a page with a button; the button confirms."""
    check = check_confirmation_token(token)
    state = check.state.value
    if request.method == "POST" and check.state is TokenState.VALID:
        account_actions.confirm_email(check.user)
        state = "confirmed"
    broken = check.state in (TokenState.INVALID, TokenState.EXPIRED)
    return render(
        request,
        "accounts/confirm_email.html",
        {"state": state, "token": token},
        status=400 if broken else 200,
    )


@require_POST
@login_required
@never_cache
def resend_confirmation(request):
    """Send the confirmation link again to the signed-in person."""
    user = request.user
    if not user.email or user.email_verified:
        return redirect("accounts:profile")
    try:
        sent = account_actions.resend_confirmation_email(request, user)
    except account_actions.RateLimited:
        return render(
            request,
            "accounts/confirm_email_sent.html",
            {"rate_limited": True},
            status=429,
        )
    return render(
        request,
        "accounts/confirm_email_sent.html",
        {"sent": sent, "email": user.email},
    )


@method_decorator(never_cache, name="dispatch")
class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change_form.html"
    success_url = reverse_lazy("accounts:password_change_done")

    def dispatch(self, request, *args, **kwargs):
        # Accounts made through Gosuslugi have no password to change.
        if request.user.is_authenticated and not request.user.has_usable_password():
            return render(request, "accounts/password_change_unavailable.html")
        return super().dispatch(request, *args, **kwargs)


class PasswordChangeDoneView(auth_views.PasswordChangeDoneView):
    template_name = "accounts/password_change_done.html"


class PasswordResetView(auth_views.PasswordResetView):
    """Sends the reset link in the language of the page it was asked from."""

    template_name = "accounts/password_reset_form.html"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    email_template_name = "accounts/email/password_reset_body.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form):
        if account_actions.password_resets_exhausted(self.request):
            form.add_error(None, PASSWORD_RESET_RATE_LIMITED_MESSAGE)
            response = self.form_invalid(form)
            response.status_code = 429
            return response
        account_actions.note_password_reset_request(self.request)
        self.extra_email_context = {"site_name": settings.WAGTAIL_SITE_NAME}
        # The link points at the host the person used (ALLOWED_HOSTS checked it),
        # not at django.contrib.sites' record, which comments need but nothing
        # keeps current.
        self.domain_override = self.request.get_host()
        return super().form_valid(form)


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form):
        response = super().form_valid(form)
        account_actions.clear_sign_in_lockout(self.user)
        return response


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["login_url"] = reverse("accounts:login")
        return context

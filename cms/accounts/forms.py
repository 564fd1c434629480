"""Forms of local accounts: they parse and check input, and change nothing."""

import unicodedata

from django import forms
from django.conf import settings
from django.contrib.auth import authenticate, get_user_model, password_validation
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import selectors

# Long enough for any pass phrase, short enough not to be a hashing burden.
PASSWORD_MAX_LENGTH = 1024
NAME_MAX_LENGTH = 150
EMAIL_MAX_LENGTH = 254
# Angle brackets have no place in a name and are how markup starts.
FORBIDDEN_NAME_CHARACTERS = frozenset("<>")


EMAIL_TAKEN_MESSAGE = _(
    "An account with this email already exists. Sign in, or reset the password if "
    "you forgot it."
)
SIGNUP_RATE_LIMITED_MESSAGE = _(
    "Too many accounts were opened from your connection in the last hour. Please "
    "try again later."
)
PASSWORD_RESET_RATE_LIMITED_MESSAGE = _(
    "Too many password reset letters were asked for from your connection in the "
    "last hour. Please try again later."
)


def lockout_message():
    minutes = max(1, round(float(settings.AXES_COOLOFF_TIME or 0) * 60))
    return ngettext(
        "Too many unsuccessful attempts. To protect the account, signing in is "
        "paused for %(minutes)s minute. Please try again later, or reset your "
        "password.",
        "Too many unsuccessful attempts. To protect the account, signing in is "
        "paused for %(minutes)s minutes. Please try again later, or reset your "
        "password.",
        minutes,
    ) % {"minutes": minutes}


def lockout_status():
    """The HTTP status django-axes answers a lockout with (429 unless configured)."""
    return getattr(settings, "AXES_HTTP_RESPONSE_CODE", 429)


def authenticate_with_lockout(request, username, password):
    """Authenticate through django-axes; returns ``(user or None, locked_out)``.

    Our pages show the lockout as a form error, so the flag that makes
    AxesMiddleware swap the whole page for its bare lockout response is taken
    down here.
    """
    user = authenticate(request, username=username, password=password)
    locked_out = bool(getattr(request, "axes_locked_out", False))
    if locked_out:
        request.axes_locked_out = False
    return user, locked_out


def confirmation_word():
    # Translators: the word a person types to confirm deleting the account.
    return str(_("DELETE"))


def password_input(autocomplete):
    return forms.PasswordInput(attrs={"autocomplete": autocomplete})


class SignupForm(forms.Form):
    """A new local account: email, optional name, password twice, consent."""

    email = forms.EmailField(
        label=_("Email"),
        max_length=EMAIL_MAX_LENGTH,
        help_text=_("We will send a letter to confirm it. You sign in with it."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    name = forms.CharField(
        label=_("Your name"),
        max_length=NAME_MAX_LENGTH,
        required=False,
        help_text=_("Shown with your comments and ratings. You may leave it empty."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    password1 = forms.CharField(
        label=_("Password"),
        max_length=PASSWORD_MAX_LENGTH,
        strip=False,
        help_text=_("At least 8 characters; not only digits, not a common word."),
        widget=password_input("new-password"),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        max_length=PASSWORD_MAX_LENGTH,
        strip=False,
        help_text=_("Type the same password once more, to avoid a typing mistake."),
        widget=password_input("new-password"),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree to the processing of my personal data (email and name) to run "
            "my account, under the personal data policy (Federal Law 152-FZ)"
        ),
        help_text=_("You can see, download and delete your data at any time."),
        error_messages={
            "required": _("Please tick the box to agree, or we cannot open an account.")
        },
    )

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if selectors.email_taken(email):
            raise ValidationError(EMAIL_TAKEN_MESSAGE, code="email_taken")
        return email

    def clean_name(self):
        return clean_person_name(self.cleaned_data["name"])

    def clean(self):
        cleaned_data = super().clean()
        password1 = cleaned_data.get("password1")
        password2 = cleaned_data.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", ValidationError(_("The two passwords differ.")))
        elif password1 and "password1" not in self.errors:
            probe = get_user_model()(
                email=cleaned_data.get("email", ""),
                first_name=cleaned_data.get("name", ""),
            )
            try:
                password_validation.validate_password(password1, probe)
            except ValidationError as error:
                self.add_error("password1", error)
        return cleaned_data


def clean_person_name(value):
    """A name as plain text: trimmed, with no markup and no control characters."""
    value = " ".join(value.split())
    if any(character in FORBIDDEN_NAME_CHARACTERS for character in value) or any(
        unicodedata.category(character).startswith("C") for character in value
    ):
        raise ValidationError(
            _("Please write the name without the signs < and > and special symbols."),
            code="invalid_name",
        )
    return value


class LoginForm(forms.Form):
    """Email and password; the interface Django's ``LoginView`` expects."""

    email = forms.EmailField(
        label=_("Email"),
        max_length=EMAIL_MAX_LENGTH,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )
    password = forms.CharField(
        label=_("Password"),
        max_length=PASSWORD_MAX_LENGTH,
        strip=False,
        widget=password_input("current-password"),
    )

    def __init__(self, request=None, *args, **kwargs):
        self.request = request
        self.user_cache = None
        self.locked_out = False
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned_data = super().clean()
        email = cleaned_data.get("email")
        password = cleaned_data.get("password")
        if not email or not password:
            return cleaned_data
        username = selectors.username_for_login(email.strip().lower())
        self.user_cache, self.locked_out = authenticate_with_lockout(
            self.request, username, password
        )
        if self.locked_out:
            raise ValidationError(lockout_message(), code="locked_out")
        if self.user_cache is None:
            raise ValidationError(
                _(
                    "The email or the password is wrong. Please check them and try "
                    "again. Capital letters matter in the password."
                ),
                code="invalid_login",
            )
        return cleaned_data

    def get_user(self):
        return self.user_cache


class DeleteAccountForm(forms.Form):
    """Asks again before deleting: the password, or a typed word without one."""

    password = forms.CharField(
        label=_("Your password"),
        max_length=PASSWORD_MAX_LENGTH,
        strip=False,
        widget=password_input("current-password"),
    )
    confirmation = forms.CharField(
        label=_("Type the word shown above"),
        max_length=50,
        help_text=_("This shows that you really want to delete your account."),
    )

    def __init__(self, request, *args, **kwargs):
        self.request = request
        self.user = request.user
        self.locked_out = False
        super().__init__(*args, **kwargs)
        # ESIA-only accounts have no password to ask for.
        if self.user.has_usable_password():
            del self.fields["confirmation"]
        else:
            del self.fields["password"]
            self.fields["confirmation"].label = _("Type the word %(word)s") % {
                "word": confirmation_word()
            }

    def clean_password(self):
        password = self.cleaned_data["password"]
        user, self.locked_out = authenticate_with_lockout(
            self.request, self.user.get_username(), password
        )
        if self.locked_out:
            raise ValidationError(lockout_message(), code="locked_out")
        if user is None or user.pk != self.user.pk:
            raise ValidationError(_("The password is wrong."), code="wrong_password")
        return password

    def clean_confirmation(self):
        typed = self.cleaned_data["confirmation"].strip().casefold()
        if typed not in {confirmation_word().casefold(), "delete"}:
            raise ValidationError(
                _("Please type the word exactly as shown."), code="wrong_word"
            )
        return typed

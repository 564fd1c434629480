"""Forms residents fill in on hearing pages."""

import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from . import actions
from .models import District, Submission
from .models.submissions import ATTACHMENT_EXTENSIONS, TEXT_MAX_LENGTH
from .selectors.submissions import ATTACHMENT_ACCEPT, ATTACHMENT_MAX_MB


class SubmissionForm(forms.Form):
    """A proposal, remark or question, with the author's confirmation of identity.

    The hearing is never a field: it is the page the form was posted to.
    ``client_token`` is made once per form shown, so a retried post of the same
    form returns the submission already stored.
    """

    kind = forms.ChoiceField(
        label=_("What are you sending?"),
        choices=Submission.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose whether this is a proposal, a remark or a question.")
        },
    )
    category = forms.ChoiceField(
        label=_("Who are you in this hearing?"),
        choices=[
            (
                Submission.Category.TERRITORY,
                _(
                    "I live in the territory of the draft, or own land, a building "
                    "or premises there"
                ),
            ),
            (Submission.Category.OTHER, _("Other participant")),
        ],
        widget=forms.RadioSelect,
        help_text=_(
            "The law (Article 5.1, part 12 of the Town Planning Code) lists the "
            "submissions of residents and owners in the territory apart from those "
            "of other participants."
        ),
        error_messages={
            "required": _(
                "Say whether you live or own property in the territory of the draft."
            )
        },
    )
    district = forms.ChoiceField(
        label=_("Your district"),
        choices=[("", _("Not given"))] + list(District.choices),
        required=False,
        help_text=_("Optional: used only for the hearing's statistics."),
    )
    text = forms.CharField(
        label=_("Text"),
        # The limit is checked after line ends are normalised (validate_text):
        # browsers count a line break as one character but send two.
        widget=forms.Textarea(attrs={"rows": 12, "maxlength": TEXT_MAX_LENGTH}),
        error_messages={"required": _("Write the text of your submission.")},
    )
    attachment = forms.FileField(
        label=_("Attachment"),
        required=False,
        widget=forms.FileInput(attrs={"accept": ATTACHMENT_ACCEPT}),
    )
    client_token = forms.UUIDField(widget=forms.HiddenInput)
    identity_confirmed = forms.BooleanField(
        label=_("This is me and the data is correct"),
        error_messages={"required": actions.IdentityNotConfirmed.message},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Formatted here, in the language of the request, not at import.
        self.fields["text"].help_text = _("Plain text, up to %(limit)s characters.") % {
            "limit": TEXT_MAX_LENGTH
        }
        self.fields["attachment"].help_text = _(
            "Optional. One file of type %(types)s, up to %(size)s MB."
        ) % {"types": ", ".join(ATTACHMENT_EXTENSIONS), "size": ATTACHMENT_MAX_MB}
        if not self.is_bound:
            self.initial.setdefault("client_token", uuid.uuid4())

    def clean_text(self):
        try:
            return actions.validate_text(self.cleaned_data["text"])
        except actions.HearingError as error:
            raise forms.ValidationError(error.message, code=error.code) from error

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment") or None
        try:
            actions.validate_attachment(upload)
        except actions.HearingError as error:
            raise forms.ValidationError(error.message, code=error.code) from error
        return upload

    def submission_data(self):
        data = self.cleaned_data
        return actions.SubmissionData(
            kind=data["kind"],
            category=data["category"],
            district=data["district"],
            text=data["text"],
            client_token=data["client_token"],
            identity_confirmed=data["identity_confirmed"],
            attachment=data["attachment"],
        )

"""Forms of the questions feature: what residents and moderators send.

They only read the fields; the rules (length, markup, times, status) are the
actions' in ``questions.py``, so a form and a script are refused alike.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models.feedback import QUESTION_MAX_LENGTH
from .questions import DOWN, REASON_MAX_LENGTH, UP


class QuestionForm(forms.Form):
    """A resident's question to the guest of a Q&A interview."""

    text = forms.CharField(
        label=_("Your question"),
        help_text=_("The moderator reads every question before it is shown."),
        required=False,
        widget=forms.Textarea(
            attrs={"rows": 4, "maxlength": QUESTION_MAX_LENGTH, "cols": 60}
        ),
    )


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for not accepting (only the author sees it)"),
        required=False,
        widget=forms.TextInput(attrs={"maxlength": REASON_MAX_LENGTH}),
    )


class AnswerForm(forms.Form):
    time = forms.CharField(
        label=_("Answered at (minutes:seconds)"),
        help_text=_("For example 12:30 or 1:02:03. Leave empty if not known yet."),
        required=False,
        max_length=12,
        widget=forms.TextInput(attrs={"size": 8, "inputmode": "numeric"}),
    )
    recording = forms.CharField(
        label=_("Recording number"), required=False, initial="1", max_length=4
    )


class MoveForm(forms.Form):
    direction = forms.ChoiceField(
        choices=[(UP, _("up")), (DOWN, _("down"))], required=False
    )
    place = forms.CharField(required=False, max_length=6)

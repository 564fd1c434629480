"""The comment form: text, stance and the reply target; the author is the account.

It keeps django-comments' signed target (content type, object and timestamp under
a security hash) and honeypot, and drops the name, email and URL fields: who wrote
a comment comes from the signed-in account.
"""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from django_comments_xtd.forms import XtdCommentForm

from cms.text import clean_plain_text, contains_markup

from .models import Stance

SECURITY_FIELDS = (
    "content_type",
    "object_pk",
    "timestamp",
    "security_hash",
    "honeypot",
)
EXPIRED_MESSAGE = _(
    "This form has expired or was changed. Reload the page and write your "
    "comment again."
)
MARKUP_MESSAGE = _(
    "Write your comment as plain text: HTML tags and scripts are not accepted."
)


class CommentForm(XtdCommentForm):
    """A comment or a reply; ``with_stance`` asks support / oppose / neutral.

    ``with_followup`` offers the email about replies (the thread policy's
    ``offers_followup``).
    """

    stance = forms.ChoiceField(
        label=_("Your position"),
        choices=Stance.choices,
        initial=Stance.NEUTRAL,
        widget=forms.RadioSelect,
        required=False,
    )

    def __init__(
        self, target_object, *args, with_stance=False, with_followup=False, **kwargs
    ):
        super().__init__(target_object, *args, **kwargs)
        for name in ("name", "email", "url"):
            del self.fields[name]
        self.with_stance = with_stance
        if not with_stance:
            del self.fields["stance"]
        if with_followup:
            followup = self.fields["followup"]
            followup.label = _("Email me when someone replies")
            followup.help_text = _(
                "We write to the email address of your account. Every letter has "
                "a link to stop these letters."
            )
            followup.initial = False
            followup.widget = forms.CheckboxInput()
        else:
            del self.fields["followup"]
        limit = settings.COMMENT_MAX_LENGTH
        comment = self.fields["comment"]
        comment.label = _("Your comment")
        comment.max_length = None
        comment.validators = []
        comment.widget = forms.Textarea(attrs={"rows": 5, "maxlength": limit})
        comment.error_messages = {"required": _("Write your comment.")}
        comment.help_text = ngettext_lazy(
            "Plain text, up to %(limit)d character.",
            "Plain text, up to %(limit)d characters.",
            "limit",
        ) % {"limit": limit}
        self.fields["honeypot"].label = _("Leave this field empty")
        self.fields["reply_to"].required = False

    def clean_comment(self):
        text = clean_plain_text(self.cleaned_data.get("comment"))
        limit = settings.COMMENT_MAX_LENGTH
        if not text:
            raise forms.ValidationError(_("Write your comment."), code="required")
        if len(text) > limit:
            raise forms.ValidationError(
                ngettext_lazy(
                    "The comment is too long: at most %(limit)d character.",
                    "The comment is too long: at most %(limit)d characters.",
                    "limit",
                )
                % {"limit": limit},
                code="max_length",
            )
        if contains_markup(text):
            raise forms.ValidationError(MARKUP_MESSAGE, code="markup")
        return text

    def clean_reply_to(self):
        return self.cleaned_data.get("reply_to") or 0

    def clean_followup(self):
        return bool(self.cleaned_data.get("followup"))

    def clean_stance(self):
        return self.cleaned_data.get("stance") or Stance.NEUTRAL

    def clean(self):
        cleaned_data = super().clean()
        # django-comments' own messages about the signed fields are in English and
        # mean one thing to a resident: the page is stale or the form was altered.
        # A reply target that is not a number was altered too.
        altered = (*SECURITY_FIELDS, "reply_to")
        if any(name in self.errors for name in altered):
            for name in altered:
                self.errors.pop(name, None)
            self.add_error(None, forms.ValidationError(EXPIRED_MESSAGE, code="expired"))
        return cleaned_data

    @property
    def text_fields(self):
        """The fields a person fills in, in order (the rest are hidden)."""
        return [self[name] for name in ("stance", "comment") if name in self.fields]

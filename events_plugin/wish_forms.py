"""Forms of programme wishes: the proposal, the list filters, the editors' forms."""

from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from wagtail.admin.widgets import AdminPageChooser

from . import wishes
from .models import Audience, EventPage, Wish
from .models.feedback import WISH_DESCRIPTION_MAX_LENGTH, WISH_TITLE_MAX_LENGTH


class WishForm(forms.Form):
    """What a resident proposes; the action checks everything again."""

    title = forms.CharField(
        label=_("What you would like"),
        max_length=WISH_TITLE_MAX_LENGTH,
        help_text=_("For example: a course on using a smartphone for beginners."),
        error_messages={"required": _("Please write what you would like.")},
    )
    description = forms.CharField(
        label=_("Details"),
        required=False,
        max_length=WISH_DESCRIPTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Optional: when, how often, what it should cover."),
    )
    domain = forms.ChoiceField(label=_("Subject"), required=False)
    format = forms.ChoiceField(label=_("Kind of event"), required=False)
    audience = forms.ChoiceField(label=_("For whom"), required=False)

    def __init__(self, *args, language, **kwargs):
        super().__init__(*args, **kwargs)
        self.language = language
        anything = [("", _("Any"))]
        self.fields["domain"].choices = anything + wishes.domain_choices(language)
        self.fields["format"].choices = anything + list(EventPage.Type.choices)
        self.fields["audience"].choices = anything + list(Audience.Key.choices)
        for field in self.fields.values():
            field.error_messages["invalid_choice"] = _("Choose from the list, please.")
            field.error_messages["max_length"] = _(
                "This is too long: at most %(limit_value)d characters, please."
            )

    def proposal(self):
        data = self.cleaned_data
        return wishes.Proposal(
            title=data.get("title", ""),
            description=data.get("description", ""),
            domain=data.get("domain", ""),
            event_type=data.get("format", ""),
            audience=data.get("audience", ""),
        )

    def add_refusal(self, error):
        """Show a refusal of the action next to its field, or above the form."""
        field = error.field if error.field in self.fields else None
        self.add_error(field, str(error.message))


class WishFilterForm(forms.Form):
    """The list's filters from the address; unknown values are dropped and quoted."""

    domain = forms.ChoiceField(label=_("Subject"), required=False)
    format = forms.ChoiceField(label=_("Kind of event"), required=False)
    audience = forms.ChoiceField(label=_("For whom"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)
    sort = forms.ChoiceField(
        label=_("Order"),
        required=False,
        choices=[
            (wishes.SORT_VOTES, _("Most votes first")),
            (wishes.SORT_NEWEST, _("Newest first")),
        ],
    )

    def __init__(self, data, *, language, **kwargs):
        super().__init__(data, **kwargs)
        anything = [("", _("All"))]
        self.fields["domain"].choices = anything + wishes.domain_choices(language)
        self.fields["format"].choices = anything + list(EventPage.Type.choices)
        self.fields["audience"].choices = anything + list(Audience.Key.choices)
        self.fields["status"].choices = anything + list(Wish.Status.choices)
        self.kept = {}
        self.ignored = []
        for name, field in self.fields.items():
            value = data.get(name, "")
            value = value if isinstance(value, str) else ""
            if value and field.valid_value(value):
                self.kept[name] = value
            elif value:
                self.ignored.append(
                    _("%(field)s: “%(value)s”")
                    % {"field": field.label, "value": value[:40]}
                )
        # Garbage never fails the list: the form shows what it kept.
        self.data = dict(self.kept)
        self.is_bound = True
        self.full_clean()

    def filters(self):
        return wishes.WishFilters(
            domain=self.kept.get("domain", ""),
            event_type=self.kept.get("format", ""),
            audience=self.kept.get("audience", ""),
            status=self.kept.get("status", ""),
            sort=self.kept.get("sort", wishes.SORT_VOTES),
        )

    def query_string(self, **extra):
        items = [(name, value) for name, value in self.kept.items()]
        items.extend((name, value) for name, value in extra.items())
        return urlencode(items)


# Admin ------------------------------------------------------------------------


class WishStatusForm(forms.Form):
    """An editor's answer to a wish."""

    status = forms.ChoiceField(label=_("Status"), choices=Wish.Status.choices)
    note = forms.CharField(
        label=_("Note from the editors (residents see it)"),
        required=False,
        max_length=wishes.NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    event = forms.ModelChoiceField(
        label=_("The event that answers this wish"),
        required=False,
        queryset=EventPage.objects.all(),
        widget=AdminPageChooser(target_models=[EventPage], can_choose_root=False),
    )

    def __init__(self, data=None, **kwargs):
        # The page chooser cannot show a value that is not a page id: drop it
        # and say so, instead of failing to draw the form.
        self.bad_event = False
        event = data.get("event", "") if data is not None else ""
        if event and not (
            isinstance(event, str) and event.isdigit() and len(event) < 10
        ):
            data = data.copy()
            data["event"] = ""
            self.bad_event = True
        super().__init__(data, **kwargs)

    def clean(self):
        cleaned = super().clean()
        if self.bad_event:
            self.add_error("event", _("Choose an event page."))
        return cleaned


class HideWishForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (the author will see it)"),
        max_length=wishes.REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Give the reason: the author will see it.")},
    )


class AdminWishFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), required=False)
    domain = forms.ChoiceField(label=_("Subject"), required=False)
    visibility = forms.ChoiceField(
        label=_("Shown"),
        required=False,
        choices=[("", _("All")), ("shown", _("Shown")), ("hidden", _("Hidden"))],
    )
    sort = forms.ChoiceField(
        label=_("Order"),
        required=False,
        choices=[
            (wishes.SORT_VOTES, _("Most votes first")),
            (wishes.SORT_NEWEST, _("Newest first")),
        ],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", _("All"))] + list(Wish.Status.choices)
        self.fields["domain"].choices = [("", _("All"))] + wishes.domain_choices(
            settings.LANGUAGE_CODE
        )

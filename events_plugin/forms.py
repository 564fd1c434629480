"""Forms of the programme: the guide's filters, read from the address."""

from urllib.parse import urlencode

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .models import Audience, EventPage
from .selectors import FREE, REGISTRATION, GuideFilters

# Longest ignored value quoted back to the reader, and how many are quoted.
IGNORED_VALUE_LENGTH = 40
IGNORED_SHOWN = 10


class KnownChoicesField(forms.MultipleChoiceField):
    """A repeatable choice that keeps the values it knows and drops the others.

    Guide addresses are bookmarked and shared; a stale or mistyped value must not
    throw away the filters that are still good. The form reports what it dropped.
    """

    widget = forms.CheckboxSelectMultiple

    def clean(self, value):
        values = self.to_python(value)
        return list(dict.fromkeys(v for v in values if self.valid_value(v)))


class GuideFilterForm(forms.Form):
    """The guide's filters: OR within one field, AND across fields, all optional.

    ``institutions`` are the institution pages offered as organisers; without them
    (on an institution's own page) the field is left out.
    """

    ACCESS_CHOICES = [
        (FREE, _("free entry, no registration")),
        (REGISTRATION, _("registration required")),
    ]

    domain = KnownChoicesField(label=_("Subject"), required=False)
    type = KnownChoicesField(
        label=_("Kind of event"), required=False, choices=EventPage.Type.choices
    )
    institution = KnownChoicesField(label=_("Organiser"), required=False)
    audience = KnownChoicesField(
        label=_("For whom"), required=False, choices=Audience.Key.choices
    )
    language = KnownChoicesField(
        label=_("Language"), required=False, choices=EventPage.Language.choices
    )
    access = KnownChoicesField(
        label=_("Registration"), required=False, choices=ACCESS_CHOICES
    )

    def __init__(self, data, *, domains, institutions=(), **kwargs):
        super().__init__(data, **kwargs)
        self.fields["domain"].choices = [(d.slug, d.name) for d in domains]
        self._institution_paths = {page.slug: page.path for page in institutions}
        if institutions:
            self.fields["institution"].choices = [
                (page.slug, page.title) for page in institutions
            ]
        else:
            del self.fields["institution"]
        # Every value is optional and unknown ones are dropped: always valid.
        self.full_clean()

    def selected(self):
        """(field name, value) of every filter kept, in the form's order."""
        return [
            (name, value)
            for name in self.fields
            for value in self.cleaned_data.get(name, [])
        ]

    def query_string(self, *, without=None, **extra):
        """The kept filters as a query string, less ``without`` (name, value)."""
        items = [item for item in self.selected() if item != without]
        items.extend((name, value) for name, value in extra.items())
        return urlencode(items)

    def filters(self):
        """The kept filters as the selectors take them."""
        data = self.cleaned_data
        return GuideFilters(
            domains=tuple(data.get("domain", ())),
            types=tuple(data.get("type", ())),
            institution_paths=tuple(
                self._institution_paths[slug] for slug in data.get("institution", ())
            ),
            audiences=tuple(data.get("audience", ())),
            languages=tuple(data.get("language", ())),
            access=tuple(data.get("access", ())),
        )

    def active(self):
        """(field label, value label, field name, value) of every kept filter."""
        result = []
        for name, value in self.selected():
            field = self.fields[name]
            labels = dict(field.choices)
            result.append((field.label, labels[value], name, value))
        return result

    def describe(self):
        """The kept filters in words, for feed titles: "music, concert"."""
        return ", ".join(str(value) for _field, value, _name, _v in self.active())

    def ignored(self):
        """What the address asked for that the guide does not know, quoted."""
        return ignored_values(
            self,
            {name: self.cleaned_data.get(name, []) for name in self.fields},
        )


def ignored_values(form, kept):
    """The values of `form`'s address left out of `kept` (name → values), quoted."""
    quoted = []
    for name, values in kept.items():
        for value in dict.fromkeys(form.data.getlist(name)):
            if value and value not in set(values):
                quoted.append(
                    gettext("%(field)s: “%(value)s”")
                    % {
                        "field": form.fields[name].label,
                        "value": _shorten(value, IGNORED_VALUE_LENGTH),
                    }
                )
    return quoted[:IGNORED_SHOWN]


def _shorten(text, length):
    return text if len(text) <= length else text[: length - 1] + "…"

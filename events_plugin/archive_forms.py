"""The archive's search form and the words its facet values are shown with.

The whole search lives in the address (`q`, one parameter per facet, `sort`,
`page`), so a search can be bookmarked and shared; values the archive does not
know are dropped and reported, and the rest of the search still applies.
"""

import re
import unicodedata
from urllib.parse import urlencode

from django import forms
from django.utils.translation import gettext_lazy as _

from cms.search.documents import FACETS, MAX_QUERY_LENGTH, SORTS

from .forms import KnownChoicesField, ignored_values
from .models import Domain, EventPage, InstitutionPage

YEAR = re.compile(r"^(19|20)[0-9]{2}$")

SUBTITLES_CHOICES = [
    ("yes", _("with subtitles")),
    ("no", _("without subtitles")),
]

SORT_LABELS = {
    "relevance": _("best match"),
    "date": _("newest first"),
    "popularity": _("most watched"),
    "rating": _("best rated"),
}
# Browsing has nothing to match: its default order is the newest first.
BROWSE_SORTS = ("date", "popularity", "rating")
SEARCH_SORTS = ("relevance", "date", "popularity", "rating")


class SearchTextField(forms.CharField):
    """The words searched for: any text is accepted, cleaned rather than refused.

    Control characters (NUL included) become spaces, runs of white space one
    space, and text beyond the search's limit is cut off.
    """

    def clean(self, value):
        text = "".join(
            " " if unicodedata.category(char).startswith("C") else char
            for char in str(value or "")
        )
        return " ".join(text.split())[:MAX_QUERY_LENGTH]


class YearField(KnownChoicesField):
    """Years are not a fixed list: any plausible four-digit year is kept."""

    def valid_value(self, value):
        return bool(YEAR.match(str(value)))


class ArchiveSearchForm(forms.Form):
    """The archive's search: words, filters (OR within a facet, AND across), order.

    Always valid: unknown filter values and orders are dropped (see `ignored`).
    """

    q = SearchTextField(label=_("Search the archive"), required=False)
    domain = KnownChoicesField(label=_("Subject"), required=False)
    type = KnownChoicesField(
        label=_("Kind of event"), required=False, choices=EventPage.Type.choices
    )
    institution = KnownChoicesField(label=_("Organiser"), required=False)
    year = YearField(label=_("Year"), required=False)
    language = KnownChoicesField(
        label=_("Language"), required=False, choices=EventPage.Language.choices
    )
    subtitles = KnownChoicesField(
        label=_("Subtitles"), required=False, choices=SUBTITLES_CHOICES
    )
    sort = forms.CharField(label=_("Order"), required=False)

    def __init__(self, data, *, domains, institutions, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["domain"].choices = [(d.slug, d.name) for d in domains]
        self.fields["institution"].choices = [
            (page.slug, page.title) for page in institutions
        ]
        self.full_clean()

    def clean_sort(self):
        sort = self.cleaned_data.get("sort", "")
        return sort if sort in SORTS else ""

    @property
    def text(self):
        return self.cleaned_data.get("q", "")

    def sorts(self):
        """The orders offered: browsing has no "best match"."""
        return SEARCH_SORTS if self.text else BROWSE_SORTS

    @property
    def sort_order(self):
        """The order to search with: the chosen one if offered, or the default."""
        sort = self.cleaned_data.get("sort")
        return sort if sort in self.sorts() else self.sorts()[0]

    def filters(self):
        """The kept filters as the search takes them: {facet: [values]}."""
        return {
            name: list(self.cleaned_data[name])
            for name in FACETS
            if self.cleaned_data.get(name)
        }

    def selected(self):
        """(facet, value) of every kept filter, in the order of FACETS."""
        return [
            (name, value)
            for name in FACETS
            for value in self.cleaned_data.get(name, [])
        ]

    def items(self, *, text=None, without=None, filters=True, sort=None, page=None):
        """The search as (name, value) pairs, with the given changes.

        ``text`` replaces the words, ``without`` drops one (facet, value) and
        ``filters=False`` all of them, ``sort`` replaces the order; the default
        order and page 1 are left out.
        """
        text = self.text if text is None else text
        sort = self.sort_order if sort is None else sort
        offered = SEARCH_SORTS if text else BROWSE_SORTS
        items = [("q", text)] if text else []
        if filters:
            items.extend(item for item in self.selected() if item != without)
        if sort in offered and sort != offered[0]:
            items.append(("sort", sort))
        if page and page > 1:
            items.append(("page", page))
        return items

    def query_string(self, **changes):
        """The search as a query string, with the changes `items` takes."""
        return urlencode(self.items(**changes))

    def ignored(self):
        """What the address asked for that the archive does not know, quoted."""
        kept = {name: self.cleaned_data.get(name, []) for name in FACETS}
        kept["sort"] = [self.cleaned_data.get("sort")]
        return ignored_values(self, kept)

    def shortened(self):
        """Whether the words asked for were longer than a search takes."""
        asked = " ".join(str(self.data.get("q", "")).split())
        return len(asked) > MAX_QUERY_LENGTH


class FacetLabels:
    """The words for facet values in one language: names, titles and choices."""

    def __init__(self, domains, institutions):
        self.labels = {
            "domain": {d.slug: d.name for d in domains},
            "type": dict(EventPage.Type.choices),
            "institution": {page.slug: page.title for page in institutions},
            "language": dict(EventPage.Language.choices),
            "subtitles": dict(SUBTITLES_CHOICES),
        }

    def label(self, facet, value):
        """The value in words; years (and values without a name) as they are."""
        return str(self.labels.get(facet, {}).get(value, value))


def archive_domains(page):
    """The domains in the archive page's language."""
    return Domain.objects.filter(locale_id=page.locale_id).order_by("name")


def archive_institutions(page):
    """Live institutions in the archive page's language."""
    return (
        InstitutionPage.objects.live()
        .filter(locale_id=page.locale_id)
        .order_by("title")
    )

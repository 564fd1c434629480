"""The hearing page's value and its public register of submissions.

The register lists every registered submission that went through moderation:
published ones with their text, hidden ones as a numbered placeholder with the
moderator's reason. It never shows who wrote a submission.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import Http404
from django.utils.translation import gettext as _

from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from .index import Option, page_links, page_number

REGISTER_PER_PAGE = 50
NOT_ANSWERED = "none"


@dataclass(frozen=True)
class RegisterSelect:
    name: str
    label: str
    options: list


@dataclass
class Register:
    """The register view: its filters, the current page of entries, the counts."""

    counts: object
    entries: list
    filters: list
    active: list
    ignored: list
    total: int
    page_number: int
    page_count: int
    urls: dict
    pages: list = field(default_factory=list)
    previous_page: str = ""
    next_page: str = ""


class RegisterBuilder:
    """Reads the register's filters from a request and builds the page of entries."""

    def __init__(self, page, request):
        from ..models import Submission
        from ..selectors import pages as selectors

        self.page = page
        self.request = request
        self.procedure = page.procedure
        self.base_url = selectors.register_url(page, request)
        answers = [
            (NOT_ANSWERED if value == "" else value, str(label))
            for value, label in Submission.Answer.choices
        ]
        self.choices = {
            "kind": (
                _("Kind"),
                [(k, str(v)) for k, v in Submission.Kind.choices],
            ),
            "answer": (_("Answer"), answers),
            "language": (
                _("Language"),
                selectors.register_languages(self.procedure),
            ),
        }
        self.selected, self.ignored = self._parse(request.GET)

    def _parse(self, query):
        selected, ignored = {}, []
        for name, (label, choices) in self.choices.items():
            value = query.get(name, "").strip()
            if not value:
                continue
            if value in dict(choices):
                selected[name] = value
            else:
                ignored.append(
                    _("%(field)s: “%(value)s”") % {"field": label, "value": value[:40]}
                )
        return selected, ignored

    def url(self, without=None, **extra):
        items = [(k, v) for k, v in self.selected.items() if k != without]
        items.extend(extra.items())
        query = urlencode(items)
        return f"{self.base_url}?{query}" if query else self.base_url

    def build(self):
        from ..selectors import pages as selectors

        answer = self.selected.get("answer")
        queryset = selectors.register_submissions(
            self.procedure,
            kind=self.selected.get("kind", ""),
            answer=None
            if answer is None
            else ("" if answer == NOT_ANSWERED else answer),
            language=self.selected.get("language", ""),
        )
        paginator = Paginator(queryset, REGISTER_PER_PAGE)
        number = page_number(self.request.GET.get("page"), paginator.num_pages)
        listing = paginator.page(number)
        register = Register(
            counts=selectors.register_counts(self.procedure),
            entries=[selectors.register_entry(item) for item in listing.object_list],
            filters=[
                RegisterSelect(
                    name,
                    label,
                    [Option("", _("Any"), name not in self.selected)]
                    + [
                        Option(value, text, self.selected.get(name) == value)
                        for value, text in choices
                    ],
                )
                for name, (label, choices) in self.choices.items()
            ],
            active=[
                (
                    str(self.choices[name][0]),
                    dict(self.choices[name][1])[value],
                    self.url(without=name),
                )
                for name, value in self.selected.items()
            ],
            ignored=self.ignored,
            total=paginator.count,
            page_number=number,
            page_count=paginator.num_pages,
            urls={"here": self.base_url, "page": self.page.get_url(self.request)},
        )
        register.pages, register.previous_page, register.next_page = page_links(
            paginator, number, lambda n: self.url(**({"page": n} if n > 1 else {}))
        )
        return register


class RegisterRoutesMixin(RoutablePageMixin):
    """The hearing's value in the page context, and the ``register/`` route."""

    def get_context(self, request, *args, **kwargs):
        from ..selectors.pages import hearing_details

        context = super().get_context(request, *args, **kwargs)
        context["hearing"] = hearing_details(self, request)
        return context

    @path("register/", name="register")
    def register(self, request):
        if self.procedure_id is None:
            raise Http404("The hearing has no procedure yet.")
        return self.render(
            request,
            template="hearings/register.html",
            context_overrides={"register": RegisterBuilder(self, request).build()},
        )

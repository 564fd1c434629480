"""Protocol, conclusion, extracts, statistics and open data.

URLs: Wagtail serves only path segments of letters, digits, ``_`` and ``-``
ending in ``/``, so the PDF and open data routes are segments (``protocol/pdf/``,
``open-data/csv/``); their responses name the files ``….pdf``, ``….csv``.
"""

import csv
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, StreamingHttpResponse
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.log_actions import log

OPEN_DATA_FORMATS = ("csv", "json")
DOCUMENT_PAGE = "hearings/results/document_page.html"
PDF_PENDING = "hearings/results/pdf_pending.html"
# Seconds a reader is asked to wait for a PDF being rendered in the background.
PDF_RETRY_AFTER = 60
# The published documents whose PDF is cached and rendered ahead of time.
PUBLISHED_DOCUMENTS = ("protocol", "conclusion")
BODIES = {
    "protocol": "hearings/results/protocol_body.html",
    "conclusion": "hearings/results/conclusion_body.html",
    "participants": "hearings/results/participants_body.html",
    "extract": "hearings/results/extract_body.html",
}


class _Echo:
    """A file-like object that hands back what csv.writer writes to it."""

    def write(self, value):
        return value


def _csv_stream(records, columns):
    writer = csv.writer(_Echo())
    yield writer.writerow(columns)
    for record in records:
        yield writer.writerow(
            ["" if record[name] is None else record[name] for name in columns]
        )


def _json_stream(records):
    yield "[\n"
    first = True
    for record in records:
        yield ("" if first else ",\n") + json.dumps(
            record, cls=DjangoJSONEncoder, ensure_ascii=False
        )
        first = False
    yield "\n]\n"


def open_data_response(records, data_format, name):
    """CSV (UTF-8, comma, header row) or a JSON array, streamed row by row."""
    from ..pdf import content_disposition
    from ..selectors.reports import OPEN_DATA_COLUMNS

    if data_format == "csv":
        response = StreamingHttpResponse(
            _csv_stream(records, OPEN_DATA_COLUMNS),
            content_type="text/csv; charset=utf-8",
        )
        response["Content-Disposition"] = content_disposition(
            name, "", extension="csv", inline=False
        )
    else:
        response = StreamingHttpResponse(
            _json_stream(records), content_type="application/json; charset=utf-8"
        )
        response["Content-Disposition"] = content_disposition(
            name, "", extension="json"
        )
    return response


class ResultRoutesMixin(RoutablePageMixin):
    """Routes of a hearing page for its published documents and its figures."""

    def get_context(self, request, *args, **kwargs):
        from ..selectors.reports import results_panel

        context = super().get_context(request, *args, **kwargs)
        context["results_panel"] = results_panel(self, request.user)
        return context

    # Shared steps --------------------------------------------------------

    def _procedure_or_404(self):
        from ..models import HearingProcedure

        procedure = HearingProcedure.objects.filter(pk=self.procedure_id).first()
        if procedure is None:
            raise Http404
        return procedure

    def _results_or_404(self, procedure, kind):
        """The published results, if the one of ``kind`` is among them."""
        from ..selectors.reports import published_results

        results = published_results(procedure)
        if kind not in results:
            raise Http404
        return results

    def _document_page(self, request, kind, document, pdf_route):
        return TemplateResponse(
            request,
            DOCUMENT_PAGE,
            {
                "page": self,
                "self": self,
                "document": document,
                "body_template": BODIES[kind],
                "pdf_url": self.url + self.reverse_subpage(pdf_route),
            },
        )

    def _published_pdf(self, request, kind):
        """The cached PDF; rendered now if small, else prepared in the background."""
        from django.core.cache import cache

        from .. import pdf

        procedure = self._procedure_or_404()
        results = self._results_or_404(procedure, kind)
        key = pdf.cache_key(kind, self, results[kind])
        content = cache.get(key)
        if content is None:
            if procedure.submissions.count() > pdf.render_in_request_limit():
                # Too long for a web request: render every missing document of
                # the hearing outside it (once, whoever asks), and say so.
                prerender_soon(procedure.pk, lock=pdf.render_lock_key(procedure.pk))
                content = cache.get(key)
                if content is None:
                    return self._pdf_pending(request, kind)
            else:
                content = render_result_pdf(self, procedure, kind, results, request)
                cache.set(key, content, pdf.CACHE_TIMEOUT)
        return pdf.pdf_response(content, result_label(kind), procedure.reference)

    def _pdf_pending(self, request, kind):
        response = TemplateResponse(
            request,
            PDF_PENDING,
            {
                "page": self,
                "self": self,
                "kind": kind,
                "document_url": self.url + self.reverse_subpage(kind),
                "pdf_url": self.url + self.reverse_subpage(f"{kind}_pdf"),
                "retry_minutes": max(1, PDF_RETRY_AFTER // 60),
            },
            status=503,
        )
        response["Retry-After"] = str(PDF_RETRY_AFTER)
        add_never_cache_headers(response)
        return response

    def _build_protocol(self, procedure, results):
        return build_document(self, procedure, "protocol", results)

    def _build_conclusion(self, procedure, results):
        return build_document(self, procedure, "conclusion", results)

    # Documents -----------------------------------------------------------

    @path("protocol/", name="protocol")
    def protocol_view(self, request):
        procedure = self._procedure_or_404()
        results = self._results_or_404(procedure, "protocol")
        document = self._build_protocol(procedure, results)
        return self._document_page(request, "protocol", document, "protocol_pdf")

    @path("protocol/pdf/", name="protocol_pdf")
    def protocol_pdf_view(self, request):
        return self._published_pdf(request, "protocol")

    @path("conclusion/", name="conclusion")
    def conclusion_view(self, request):
        procedure = self._procedure_or_404()
        results = self._results_or_404(procedure, "conclusion")
        document = self._build_conclusion(procedure, results)
        return self._document_page(request, "conclusion", document, "conclusion_pdf")

    @path("conclusion/pdf/", name="conclusion_pdf")
    def conclusion_pdf_view(self, request):
        return self._published_pdf(request, "conclusion")

    @path("participants/pdf/", name="participants_pdf")
    def participants_pdf_view(self, request):
        from .. import pdf, reports
        from ..actions import LOG_EXPORTED, log_page
        from ..permissions import can_see_personal_data

        if not can_see_personal_data(request.user, self):
            raise Http404
        procedure = self._procedure_or_404()
        results = self._results_or_404(procedure, "protocol")
        document = reports.participants(self, procedure, results["protocol"])
        content = pdf.render_pdf(BODIES["participants"], document, request=request)
        log(
            instance=log_page(procedure) or self,
            action=LOG_EXPORTED,
            user=request.user,
            data={"document": "participants"},
        )
        return pdf.pdf_response(
            content, _("participants"), procedure.reference, private=True
        )

    @path("submissions/<int:pk>/extract/", name="extract_pdf")
    def extract_pdf_view(self, request, pk):
        from .. import pdf, reports
        from ..actions import LOG_EXPORTED, log_page
        from ..models import Submission
        from ..permissions import can_see_personal_data

        user = request.user
        if not user.is_authenticated:
            raise Http404
        submission = (
            Submission.objects.filter(pk=pk, procedure_id=self.procedure_id)
            .select_related("duplicate_of")
            .first()
        )
        if submission is None:
            raise Http404
        is_author = submission.author_id == user.pk
        if not (is_author or can_see_personal_data(user, self)):
            raise Http404
        procedure = self._procedure_or_404()
        results = self._results_or_404(procedure, "protocol")
        document = reports.extract(self, procedure, submission, results)
        content = pdf.render_pdf(BODIES["extract"], document, request=request)
        if not is_author:
            log(
                instance=log_page(procedure) or self,
                action=LOG_EXPORTED,
                user=user,
                data={"document": "extract", "number": submission.number},
            )
        return pdf.pdf_response(content, _("extract"), submission.number, private=True)

    # Figures -------------------------------------------------------------

    @path("statistics/", name="hearing_statistics")
    def hearing_statistics_view(self, request):
        from ..selectors.reports import hearing_statistics

        procedure = self._procedure_or_404()
        return TemplateResponse(
            request,
            "hearings/results/statistics.html",
            {
                "page": self,
                "self": self,
                "statistics": hearing_statistics(procedure),
                "open_data": {
                    data_format: self.url
                    + self.reverse_subpage("hearing_open_data", args=[data_format])
                    for data_format in OPEN_DATA_FORMATS
                },
            },
        )

    @path("open-data/<str:data_format>/", name="hearing_open_data")
    def hearing_open_data_view(self, request, data_format):
        from ..selectors.reports import open_data_records

        if data_format not in OPEN_DATA_FORMATS:
            raise Http404
        procedure = self._procedure_or_404()
        records = open_data_records([procedure.pk], get_language())
        name = _("submissions %(reference)s") % {"reference": procedure.reference}
        return open_data_response(records, data_format, name)


class StatisticsRoutesMixin(RoutablePageMixin):
    """Figures across hearings and their open data, on the hearings index."""

    def _statistics_year(self, request):
        """The year asked for, if it is one with hearings; else None and a flag."""
        from ..selectors.reports import statistics_years

        years = statistics_years()
        raw = request.GET.get("year", "").strip()
        if not raw:
            return None, years, False
        try:
            year = int(raw)
        except ValueError:
            return None, years, True
        if year not in years:
            return None, years, True
        return year, years, False

    @path("statistics/", name="statistics")
    def index_statistics_view(self, request):
        from ..selectors.reports import index_statistics

        year, years, unknown_year = self._statistics_year(request)
        suffix = f"?year={year}" if year else ""
        return TemplateResponse(
            request,
            "hearings/results/statistics_index.html",
            {
                "page": self,
                "self": self,
                "statistics": index_statistics(year),
                "year": year,
                "years": years,
                "unknown_year": unknown_year,
                "open_data": {
                    data_format: self.url
                    + self.reverse_subpage("open_data", args=[data_format])
                    + suffix
                    for data_format in OPEN_DATA_FORMATS
                },
            },
        )

    @path("open-data/<str:data_format>/", name="open_data")
    def index_open_data_view(self, request, data_format):
        from ..selectors.reports import open_data_records, statistics_procedures

        if data_format not in OPEN_DATA_FORMATS:
            raise Http404
        year, _years, _unknown = self._statistics_year(request)
        procedures = statistics_procedures(year).values_list("pk", flat=True)
        records = open_data_records(list(procedures), get_language())
        name = _("hearing submissions")
        if year:
            name = f"{name} {year}"
        return open_data_response(records, data_format, name)


def result_label(kind):
    """The document's name in the downloaded file's name."""
    return _("protocol") if kind == "protocol" else _("conclusion")


def build_document(page, procedure, kind, results):
    """The protocol's or the conclusion's data, as its page and its PDF show it."""
    from .. import reports

    if kind == "protocol":
        return reports.protocol(page, procedure, results["protocol"])
    return reports.conclusion(
        page, procedure, results["conclusion"], results.get("protocol")
    )


def render_result_pdf(page, procedure, kind, results, request=None):
    """The PDF of a published document, in the active language."""
    from .. import pdf

    return pdf.render_pdf(
        BODIES[kind], build_document(page, procedure, kind, results), request=request
    )


def prerender_result_pdfs(procedure, force=False):
    """Render and cache the published documents' PDFs in every language version.

    A big hearing's PDF takes longer than a web request may; rendering it when
    the result is published, and by ``hearing_documents`` after a deploy or a
    cache flush, means downloads are served from the cache. PDFs already cached
    are kept unless ``force``. Returns (language, kind, seconds or None if it
    was cached already) for each published document of each live page.
    """
    import time

    from django.core.cache import cache
    from django.utils import translation

    from .. import pdf
    from ..models import HearingPage
    from ..selectors.reports import published_results

    results = published_results(procedure)
    kinds = [kind for kind in PUBLISHED_DOCUMENTS if kind in results]
    done = []
    if not kinds:
        return done
    pages = HearingPage.objects.live().filter(procedure=procedure)
    for page in pages.select_related("locale").order_by("pk"):
        language = page.locale.language_code
        with translation.override(language):
            for kind in kinds:
                key = pdf.cache_key(kind, page, results[kind])
                if not force and cache.get(key) is not None:
                    done.append((language, kind, None))
                    continue
                started = time.perf_counter()
                content = render_result_pdf(page, procedure, kind, results)
                cache.set(key, content, pdf.CACHE_TIMEOUT)
                done.append((language, kind, time.perf_counter() - started))
    return done


def _prerender_by_pk(procedure_pk):
    from ..models import HearingProcedure

    procedure = HearingProcedure.objects.filter(pk=procedure_pk).first()
    if procedure is not None:
        prerender_result_pdfs(procedure)


def prerender_soon(procedure_pk, lock=None):
    """Render the hearing's missing PDFs outside the request (see pdf.run_soon)."""
    from .. import pdf

    return pdf.run_soon(_prerender_by_pk, procedure_pk, lock=lock)

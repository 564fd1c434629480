"""PDF of the hearing documents, rendered by WeasyPrint from their HTML templates.

The published protocol and conclusion do not change, so their PDF is rendered
once per language and publication and kept in Django's cache. It is rendered
ahead of time when the result is published (``views.results.prerender_soon``)
and by the ``hearing_documents`` command; a protocol of 5,000 submissions takes
WeasyPrint about 16 s, a conclusion about 22 s (one submission is one block, not
a table row: see docs/hearings-operations.md). The private annex and the
extracts are rendered on each request and never cached.
"""

import logging
import re
import threading
from urllib.parse import quote

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from cms.text import transliterate

PDF_TEMPLATE = "hearings/results/document_pdf.html"
# A week; the key changes whenever the result or the page is published again,
# and ``hearing_documents`` (cron) renders what expired or was flushed.
CACHE_TIMEOUT = 7 * 24 * 60 * 60
CACHE_PREFIX = "hearings:pdf"
# A background render of one hearing's documents holds this lock so repeated
# downloads do not start it again; it expires if the worker died mid-way.
RENDER_LOCK_TIMEOUT = 15 * 60
# Above this many submissions a download whose PDF is not cached yet does not
# render in the request (5,000 take 15-25 s, a worker is killed at 30 s): it
# starts a background render and answers "being prepared, try again shortly".
RENDER_IN_REQUEST_LIMIT = 2000

logger = logging.getLogger(__name__)


def css_string(text):
    """A CSS string literal holding ``text`` (for the page header and footer)."""
    escaped = re.sub(
        r'["\\<>\n\r]', lambda match: f"\\{ord(match.group()):x} ", str(text)
    )
    return f'"{escaped}"'


def page_counter_content():
    """The footer's "Page 3 of 12" as a CSS ``content`` value, in this language."""
    label = _("Page %(page)s of %(pages)s")
    parts = re.split(r"(%\(page\)s|%\(pages\)s)", label)
    content = []
    for part in parts:
        if part == "%(page)s":
            content.append("counter(page)")
        elif part == "%(pages)s":
            content.append("counter(pages)")
        elif part:
            content.append(css_string(part))
    return mark_safe(" ".join(content))  # noqa: S308 - built from escaped strings


def _local_only_fetcher():
    """Documents need no outside resources: refuse every URL but inline data."""
    from weasyprint.urls import URLFetcher

    return URLFetcher(allowed_protocols=("data",))


def render_pdf(body_template, document, request=None):
    """Render a document dict through the shared print layout to PDF bytes."""
    from weasyprint import HTML

    html = render_to_string(
        PDF_TEMPLATE,
        {
            "document": document,
            "body_template": body_template,
            "for_print": True,
            "css_header": mark_safe(  # noqa: S308 - escaped by css_string
                css_string(f"{document['city']} · {document['organiser']}")
            ),
            "css_page_counter": page_counter_content(),
            "LANGUAGE_CODE": get_language(),
        },
        request=request,
    )
    return HTML(string=html, url_fetcher=_local_only_fetcher()).write_pdf()


def cache_key(kind, page, result):
    return ":".join(
        (
            CACHE_PREFIX,
            kind,
            str(result.procedure_id),
            str(result.pk),
            result.published_at.isoformat(),
            str(page.pk),
            page.last_published_at.isoformat() if page.last_published_at else "",
            get_language() or "",
        )
    )


def cached_pdf(key, render):
    """The PDF stored under ``key``, rendered by ``render()`` the first time."""
    content = cache.get(key)
    if content is None:
        content = render()
        cache.set(key, content, CACHE_TIMEOUT)
    return content


def render_in_request_limit():
    return getattr(
        settings, "HEARINGS_PDF_RENDER_IN_REQUEST_LIMIT", RENDER_IN_REQUEST_LIMIT
    )


def in_background():
    """Whether renders ahead of time run in a thread (else in the caller)."""
    return getattr(settings, "HEARINGS_PRERENDER_IN_BACKGROUND", True)


def render_lock_key(procedure_id):
    return f"{CACHE_PREFIX}:rendering:{procedure_id}"


def run_soon(function, *args, lock=None):
    """Call ``function(*args)`` outside the current request.

    In a daemon thread, which closes its database connection at the end, unless
    ``HEARINGS_PRERENDER_IN_BACKGROUND`` is off or the caller is still inside a
    transaction (a thread has its own connection and would not see the data
    yet): then here and now. A failure is logged, never raised: rendering ahead
    of time must not undo or break the organiser's publication. ``lock`` is a
    cache key held while the work runs; if another run holds it, nothing starts.
    Returns whether a thread was started.
    """
    if lock is not None and not cache.add(lock, True, RENDER_LOCK_TIMEOUT):
        return False

    def work(close_connection):
        try:
            function(*args)
        except Exception:
            logger.exception("Rendering hearing documents ahead of time failed")
        finally:
            if lock is not None:
                cache.delete(lock)
            if close_connection:
                connection.close()

    if not in_background() or connection.in_atomic_block:
        work(close_connection=False)
        return False
    thread = threading.Thread(
        target=work, args=(True,), name="hearing-documents", daemon=True
    )
    thread.start()
    return True


def filename(label, reference, extension="pdf"):
    """An ascii filename and the same one in the page's letters (RFC 6266)."""
    name = f"{label} {reference}".strip()
    name = re.sub(r"[^\w.\- ]+", "-", name).strip(" -")
    name = re.sub(r"\s+", "-", name)
    ascii_name = transliterate(name).encode("ascii", "ignore").decode() or "document"
    return f"{ascii_name}.{extension}", f"{name}.{extension}"


def content_disposition(label, reference, extension="pdf", inline=True):
    ascii_name, unicode_name = filename(label, reference, extension)
    disposition = "inline" if inline else "attachment"
    return (
        f'{disposition}; filename="{ascii_name}"; '
        f"filename*=UTF-8''{quote(unicode_name)}"
    )


def pdf_response(content, label, reference, private=False):
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition(label, reference)
    response["Content-Length"] = str(len(content))
    if private:
        add_never_cache_headers(response)
        patch_cache_control(response, private=True, no_store=True)
    return response

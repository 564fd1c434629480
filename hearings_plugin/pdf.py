"""PDF of the hearing documents, rendered by WeasyPrint from their HTML templates.

The published protocol and conclusion do not change, so their PDF is rendered
once per language and publication and kept in Django's cache; a protocol of
thousands of submissions takes WeasyPrint tens of seconds. The private annex and
the extracts are rendered on each request and never cached.
"""

import re
from urllib.parse import quote

from django.core.cache import cache
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from cms.text import transliterate

PDF_TEMPLATE = "hearings/results/document_pdf.html"
# A day; the key changes whenever the result is published again.
CACHE_TIMEOUT = 24 * 60 * 60
CACHE_PREFIX = "hearings:pdf"


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

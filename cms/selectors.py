"""Read side of the site chrome: languages, navigation, footer."""

import functools

from django.conf import settings
from django.urls import Resolver404, resolve, translate_url
from django.utils import translation

from wagtail.models import Locale, Page, Site


def per_request(function):
    """Compute once per request and language: the chrome asks several times."""

    @functools.wraps(function)
    def wrapper(request, *args):
        memo = request.__dict__.setdefault("_cms_selectors", {})
        key = (function.__name__, translation.get_language(), *args)
        if key not in memo:
            memo[key] = function(request, *args)
        return memo[key]

    return wrapper


def current_page(request):
    """The Wagtail page being served, set by the ``before_serve_page`` hook."""
    return getattr(request, "wagtail_page", None)


@per_request
def localized_home(request, language_code=None):
    """The site's home page in the given (or active) language, or None."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    language_code = language_code or translation.get_language()
    root = site.root_page
    if root.locale.language_code == language_code:
        return root
    return (
        Page.objects.filter(
            translation_key=root.translation_key,
            locale__language_code=language_code,
        )
        .live()
        .first()
    )


@per_request
def language_links(request):
    """One entry per language: where the current page is in that language.

    Each entry has ``code``, ``name``, ``url``, ``is_current`` and ``is_translation``
    (a real translation, not an untranslated copy), for the switcher and hreflang.
    """
    active = translation.get_language()
    page = current_page(request)
    by_language = {}
    if page is not None:
        for other in (
            page.get_translations(inclusive=True).live().select_related("locale")
        ):
            by_language[other.locale.language_code] = other
    links = []
    subpath = _subpage_path(request, page)
    for code, name in settings.LANGUAGES:
        target = by_language.get(code)
        if target is not None:
            url = target.get_url(request) + subpath
            is_translation = target.alias_of_id is None
        else:
            url = _translate_path(request, code)
            is_translation = page is None
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "is_current": code == active,
                "is_translation": is_translation,
            }
        )
    return links


def _subpage_path(request, page):
    """What follows the page's own URL (a view of a routable page) with the query.

    Another language's version of the page serves the same views and filters.
    """
    if page is None:
        return ""
    own_url = page.get_url(request)
    if not own_url or not request.path.startswith(own_url):
        return ""
    subpath = request.path[len(own_url) :]
    query = request.META.get("QUERY_STRING", "")
    return subpath + (f"?{query}" if query else "")


def _translate_path(request, language_code):
    """The URL of a non-page view in another language, else that language's home."""
    try:
        match = resolve(request.path_info)
    except Resolver404:
        match = None
    if match is not None and match.url_name != "wagtail_serve":
        return translate_url(request.get_full_path(), language_code)
    home = localized_home(request, language_code)
    return home.get_url(request) if home else f"/{language_code}/"


@per_request
def main_navigation(request):
    """Menu entries: live children of the home page in the active language.

    Each entry has ``page`` and ``is_current`` (the served page is it or below it).
    """
    home = localized_home(request)
    if home is None:
        return []
    served = current_page(request)
    return [
        {
            "page": child,
            "is_current": served is not None and served.path.startswith(child.path),
        }
        for child in home.get_children().live().in_menu().specific()
    ]


def footer_text():
    """The footer for the active language, falling back to the default language."""
    from .models import FooterText

    locale = Locale.get_active()
    footer = FooterText.objects.filter(locale=locale).first()
    if footer is None:
        footer = FooterText.objects.filter(
            locale__language_code=settings.LANGUAGE_CODE
        ).first()
    return footer

"""Template tags for the site chrome; each hands the template a ready answer."""

from django import template

from .. import selectors
from ..views import LOW_VISION_COOKIE

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    request = context.get("request")
    return selectors.language_links(request) if request else []


@register.simple_tag(takes_context=True)
def main_navigation(context):
    request = context.get("request")
    return selectors.main_navigation(request) if request else []


@register.simple_tag(takes_context=True)
def localized_home(context):
    request = context.get("request")
    return selectors.localized_home(request) if request else None


@register.simple_tag
def footer_text():
    return selectors.footer_text()


@register.simple_tag(takes_context=True)
def low_vision_enabled(context):
    request = context.get("request")
    return bool(request) and request.COOKIES.get(LOW_VISION_COOKIE) == "1"

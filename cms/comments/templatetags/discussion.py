from django import template

from ..selectors import comment_thread as build_thread

register = template.Library()


@register.simple_tag(takes_context=True)
def comment_thread(context, target, language=None):
    """``{% comment_thread object as thread %}``: the page of its thread to show."""
    if target is None:
        return None
    return build_thread(context["request"], target, language=language)

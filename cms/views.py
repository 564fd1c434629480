"""Thin views of the site app: the low-vision switch and a health check."""

from django.http import HttpResponse, HttpResponseForbidden, HttpResponseRedirect
from django.template.loader import render_to_string
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

LOW_VISION_COOKIE = "low_vision"
LOW_VISION_MAX_AGE = 365 * 24 * 60 * 60


@require_GET
@never_cache
def low_vision(request, mode):
    """Switch the low-vision mode on or off, remember it, and go back to the page."""
    next_url = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = f"/{request.LANGUAGE_CODE}/"
    response = HttpResponseRedirect(next_url)
    if mode == "on":
        response.set_cookie(
            LOW_VISION_COOKIE,
            "1",
            max_age=LOW_VISION_MAX_AGE,
            samesite="Lax",
            secure=request.is_secure(),
        )
    else:
        response.delete_cookie(LOW_VISION_COOKIE, samesite="Lax")
    return response


@never_cache
def health(request):
    """Liveness check for load balancers; also the benchmark's minimal view."""
    return HttpResponse("ok", content_type="text/plain")


def csrf_failure(request, reason=""):
    """A translated page for an expired or cookieless form, instead of Django's own."""
    return HttpResponseForbidden(render_to_string("403_csrf.html", request=request))

"""The rating endpoint: parse the form, rate or remove, answer in HTML or JSON.

Without JavaScript the form posts here and the resident goes back to the page's
widget with a one-time notice; the widget's script asks for JSON and swaps the
widget in place. Refusals carry the core's translated message and status.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from wagtail.models import Page

from . import abuse, ratings
from .forms import parse_rating_request
from .templatetags.feedback_tags import MESSAGE_TAG, build_widget, render_widget

ACTION = "rating"


def wants_json(request):
    """The widget's script asks for JSON; a plain form post gets a page."""
    return "application/json" in request.headers.get("Accept", "")


def find_page(page_id):
    """The specific page with this id, or None (the core refuses it then)."""
    if not isinstance(page_id, int) or not 0 < page_id < 2**63:
        return None
    page = Page.objects.filter(pk=page_id).first()
    return page.specific if page is not None else None


def saved_message(score):
    return gettext("Your rating is saved: %(score)d out of 5.") % {"score": score}


def _page_url(page, request):
    try:
        return page.get_url(request=request) or "/"
    except Exception:  # a page outside every site has no address
        return "/"


def _refused(request, page, form, message, status):
    back = form.next_url or (_page_url(page, request) if page is not None else "/")
    if wants_json(request):
        return JsonResponse({"ok": False, "message": str(message)}, status=status)
    return render(
        request,
        "feedback/refused.html",
        {"message": message, "back_url": f"{back}#{form.anchor}"},
        status=status,
    )


@require_POST
def rate_page(request, page_id):
    """Save, change or remove the signed-in resident's rating of a page."""
    form = parse_rating_request(request)
    user = request.user
    address = abuse.client_address(request)
    page = find_page(page_id)
    target = f"page {page_id}"
    if not user.is_authenticated and not wants_json(request):
        back = form.next_url or (_page_url(page, request) if page else "/")
        return redirect_to_login(f"{back}#{form.anchor}")
    try:
        abuse.check_rate(ACTION, user, address)
    except abuse.Throttled as error:
        abuse.record(ACTION, abuse.THROTTLED, user=user, address=address, target=target)
        response = _refused(request, page, form, error.message, error.status)
        response["Retry-After"] = str(error.retry_after)
        return response
    try:
        if form.remove:
            ratings.remove_rating(page, user)
            message = gettext("Your rating is removed.")
        else:
            score = form.score
            ratings.rate(page, user, score, language=translation.get_language())
            message = saved_message(score)
    except ratings.RatingError as error:
        abuse.record(
            ACTION,
            abuse.REFUSED,
            user=user,
            address=address,
            target=target,
            detail=str(error.message),
        )
        return _refused(request, page, form, error.message, error.status)
    abuse.record(
        ACTION,
        abuse.DONE,
        user=user,
        address=address,
        target=target,
        detail="removed" if form.remove else f"score {score}",
    )
    back = form.next_url or _page_url(page, request)
    if wants_json(request):
        widget = build_widget(
            request, page, anchor=form.anchor, next_url=back, notice=message
        )
        return JsonResponse(
            {"ok": True, "message": message, "html": render_widget(request, widget)}
        )
    messages.success(request, message, extra_tags=MESSAGE_TAG)
    return HttpResponseRedirect(f"{back}#{form.anchor}")

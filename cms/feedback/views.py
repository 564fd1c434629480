"""The rating endpoint (see ratings.py)."""

from django.http import Http404


def rate_page(request, page_id):
    raise Http404

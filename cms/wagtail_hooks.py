"""Admin surface of the site app; the hook telling the chrome which page is served."""

from wagtail import hooks


@hooks.register("before_serve_page")
def remember_served_page(page, request, serve_args, serve_kwargs):
    # The language switcher and hreflang links need the page being served.
    request.wagtail_page = page

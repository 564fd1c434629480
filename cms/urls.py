from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.generic import TemplateView

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from . import views
from .accounts import views_oidc
from .sitemaps import MultilingualSitemap

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": {"pages": MultilingualSitemap}},
        name="sitemap",
    ),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
    ),
    path("healthz", views.health, name="health"),
    # The redirect URI registered at ESIA: one address for every language.
    path("esia/callback/", views_oidc.callback, name="esia_callback"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    re_path(r"^low-vision/(?P<mode>on|off)/$", views.low_vision, name="low_vision"),
    path("account/", include("cms.accounts.urls")),
    # Inside the language prefix: a comment keeps the language of its page.
    path("comments/", include("cms.comments.urls")),
    path("ratings/", include("cms.feedback.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

"""Admin URLs of the hearings; importing this module registers every admin hook."""

from django.urls import include, path

from wagtail import hooks

from . import answers, export, menu, moderation, procedure, submissions  # noqa: F401
from .procedure import NAMESPACE


@hooks.register("register_admin_urls")
def register_hearings_admin_urls():
    urlpatterns = [
        *procedure.urlpatterns,
        *submissions.urlpatterns,
        *export.urlpatterns,
        *moderation.urlpatterns,
    ]
    return [path("hearings/", include((urlpatterns, NAMESPACE), namespace=NAMESPACE))]

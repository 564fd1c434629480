"""Account URLs, under each language prefix: /<lang>/account/…"""

from django.urls import include, path

app_name = "accounts"

urlpatterns = [
    path("", include("cms.accounts.urls.local")),
    path("esia/", include("cms.accounts.urls.oidc")),
    path("data/", include("cms.accounts.urls.data")),
]

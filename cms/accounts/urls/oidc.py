"""Signing in with ESIA (Gosuslugi), at /<lang>/account/esia/.

The provider's redirect URI is language-independent: ``cms/urls.py`` also routes
``/esia/callback/`` to the same callback (see ``oidc.callback_path``).
"""

from django.urls import path

from cms.accounts import views_oidc as views

urlpatterns = [
    path("login/", views.login, name="esia_login"),
    path("callback/", views.callback, name="esia_callback"),
    path("unconfirmed/", views.unconfirmed, name="esia_unconfirmed"),
]

"""The staff's second factor, under the admin prefix: /admin/two-factor/…

Included by ``cms.accounts.wagtail_hooks`` through Wagtail's ``register_admin_urls``
hook, which puts these views behind Wagtail's admin-access check.
"""

from django.urls import path

from .. import views_staff

app_name = "accounts_staff"

urlpatterns = [
    path("setup/", views_staff.setup, name="setup"),
    path("verify/", views_staff.verify, name="verify"),
    path("backup-codes/", views_staff.backup_codes, name="backup_codes"),
]

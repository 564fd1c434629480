"""Admin surface of the accounts app: the staff's second-factor pages."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks


@hooks.register("register_admin_urls")
def register_staff_urls():
    return [path("two-factor/", include("cms.accounts.urls.staff"))]


@hooks.register("register_account_menu_item")
def register_backup_codes_menu_item(request):
    return {
        "url": reverse("accounts_staff:backup_codes"),
        "label": _("Backup sign-in codes"),
        "help_text": _("Make new single-use codes for when your phone is not at hand."),
    }

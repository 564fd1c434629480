"""Personal data URLs (Federal Law 152-FZ), at /<lang>/account/data/."""

from django.urls import path

from cms.accounts import views_data as views

urlpatterns = [
    path("", views.personal_data, name="personal_data"),
    path("download/", views.download, name="personal_data_download"),
    path("delete/", views.delete_account, name="account_delete"),
    path("delete/done/", views.account_deleted, name="account_deleted"),
]

"""Rating URLs, under each language prefix: /<lang>/ratings/…"""

from django.urls import path

from . import views

app_name = "feedback"

urlpatterns = [
    path("<int:page_id>/", views.rate_page, name="rate"),
]

"""Discussion URLs, under each language prefix: /<lang>/comments/…"""

from django.urls import path

from . import views

app_name = "discussion"

urlpatterns = [
    path("post/", views.post_comment, name="post"),
    path("<int:pk>/flag/", views.flag_comment, name="flag"),
    path("followup/<str:token>/", views.stop_followup, name="followup_stop"),
]

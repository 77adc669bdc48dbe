from django.urls import path

from . import views

app_name = "eligibility"
urlpatterns = [
    path("", views.start, name="start"),
    path("you-can-use-this-service/", views.eligible, name="eligible"),
    path("you-cannot-use-this-service/<slug:reason>/", views.ineligible, name="ineligible"),
    path("<slug:slug>/", views.question, name="question"),
]

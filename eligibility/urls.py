from django.urls import path

from . import views

app_name = "eligibility"
urlpatterns = [
    path("", views.start, name="start"),
    path("you-can-use-this-service/", views.eligible, name="eligible"),
    path("you-cannot-use-this-service/<slug:reason>/", views.ineligible, name="ineligible"),
    # A legal representative making a claim for a client (PD 51R 2.1(3)(d)(ii)-(iii)).
    path("for-a-client/", views.represented_start, name="represented_start"),
    path("for-a-client/you-can-make-this-claim/", views.represented_eligible, name="represented_eligible"),
    path("for-a-client/you-cannot-make-this-claim/<slug:reason>/", views.represented_ineligible,
         name="represented_ineligible"),
    path("for-a-client/<slug:slug>/", views.represented_question, name="represented_question"),
    path("<slug:slug>/", views.question, name="question"),
]

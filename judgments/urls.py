from django.urls import path

from . import views

app_name = "judgments"
urlpatterns = [
    path("<uuid:public_id>/judgment/default/", views.request_default, name="request_default"),
    path("<uuid:public_id>/judgment/admission/", views.request_admission, name="request_admission"),
    path("<uuid:public_id>/offer/", views.answer_offer, name="answer_offer"),
    path("<uuid:public_id>/offer/decision/", views.decision, name="decision"),
    path("<uuid:public_id>/offer/court-plan/", views.court_plan, name="court_plan"),
    path("<uuid:public_id>/judgment/redetermination/", views.redetermine, name="redetermine"),
    path("<uuid:public_id>/judgment/change-plan/", views.variation, name="variation"),
    path("<uuid:public_id>/admission/withdraw/", views.withdraw_admission, name="withdraw_admission"),
]

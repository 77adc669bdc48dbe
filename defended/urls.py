from django.urls import path

from . import trial_views, views

app_name = "defended"
urlpatterns = [
    path("<uuid:public_id>/defence/", views.respond, name="respond"),
    path("<uuid:public_id>/defence/not-continuing/", views.not_continue, name="not_continue"),
    path("<uuid:public_id>/defence/paid/", views.confirm_paid, name="confirm_paid"),
    path("<uuid:public_id>/defence/check/", views.check, name="check"),
    path("<uuid:public_id>/defence/decided/", views.decided, name="decided"),
    path("<uuid:public_id>/defence/<slug:slug>/", views.question, name="question"),
    path("<uuid:public_id>/paper-forms/", views.paper_forms, name="paper_forms"),
    path("<uuid:public_id>/applications/online/", views.online_apply, name="online_apply"),
    path("<uuid:public_id>/applications/<int:application_id>/", views.application_sent, name="application_sent"),
    path("<uuid:public_id>/applications/<int:application_id>/respond/", views.online_respond, name="online_respond"),
    path("<uuid:public_id>/applications/<slug:kind>/", views.apply, name="apply"),
    path("<uuid:public_id>/trial-readiness/", trial_views.trial_readiness, name="trial_readiness"),
]

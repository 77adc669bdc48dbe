"""Drafting the claim (form OCON1) as a task list: /claims/new/ and /claims/<id>/draft/…"""
from django.urls import path

from . import views

app_name = "drafting"
urlpatterns = [
    path("new/", views.start, name="start"),
    path("<uuid:public_id>/draft/", views.task_list, name="task_list"),
    path("<uuid:public_id>/draft/your-details/", views.claimant_type, name="claimant_type"),
    path("<uuid:public_id>/draft/your-details/name-and-address/", views.claimant_details, name="claimant_details"),
    path("<uuid:public_id>/draft/defendant/", views.defendant_type, name="defendant_type"),
    path("<uuid:public_id>/draft/defendant/name-and-address/", views.defendant_details, name="defendant_details"),
    path("<uuid:public_id>/draft/amount/", views.amount, name="amount"),
    path("<uuid:public_id>/draft/interest/", views.interest, name="interest"),
    path("<uuid:public_id>/draft/interest/from/", views.interest_from, name="interest_from"),
    path("<uuid:public_id>/draft/what-happened/", views.what_happened, name="what_happened"),
    path("<uuid:public_id>/draft/timeline/", views.timeline, name="timeline"),
    path("<uuid:public_id>/draft/evidence/", views.evidence, name="evidence"),
    path("<uuid:public_id>/draft/check/", views.check, name="check"),
]

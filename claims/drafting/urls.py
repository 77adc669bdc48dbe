"""Drafting the claim (form OCON1) as a task list: /claims/new/ and /claims/<id>/draft/…"""
from django.urls import path

from . import views

app_name = "drafting"
urlpatterns = [
    path("new/", views.start, name="start"),
    path("new/for-a-client/", views.start_represented, name="start_represented"),
    path("<uuid:public_id>/draft/", views.task_list, name="task_list"),
    path("<uuid:public_id>/draft/your-details/", views.claimant_type, name="claimant_type"),
    path("<uuid:public_id>/draft/your-details/name-and-address/", views.claimant_details, name="claimant_details"),
    path("<uuid:public_id>/draft/defendant/", views.defendant_type, name="defendant_type"),
    path("<uuid:public_id>/draft/defendant/name-and-address/", views.defendant_details, name="defendant_details"),
    path("<uuid:public_id>/draft/your-reference/", views.reference, name="reference"),
    path("<uuid:public_id>/draft/address-for-service/", views.service_address, name="service_address"),
    path("<uuid:public_id>/draft/address-for-service/other/", views.service_address_other,
         name="service_address_other"),
    path("<uuid:public_id>/draft/defendant-representative/", views.defendant_representation,
         name="defendant_representation"),
    path("<uuid:public_id>/draft/defendant-representative/registered/", views.defendant_firm, name="defendant_firm"),
    path("<uuid:public_id>/draft/defendant-representative/not-registered/", views.defendant_rep,
         name="defendant_rep"),
    path("<uuid:public_id>/draft/other-parties/", views.additional_party, name="additional_party"),
    path("<uuid:public_id>/draft/second-claimant/", views.claimant2_type, name="claimant2_type"),
    path("<uuid:public_id>/draft/second-claimant/name-and-address/", views.claimant2_details,
         name="claimant2_details"),
    path("<uuid:public_id>/draft/second-defendant/", views.defendant2_type, name="defendant2_type"),
    path("<uuid:public_id>/draft/second-defendant/name-and-address/", views.defendant2_details,
         name="defendant2_details"),
    path("<uuid:public_id>/draft/amount/", views.amount, name="amount"),
    path("<uuid:public_id>/draft/interest/", views.interest, name="interest"),
    path("<uuid:public_id>/draft/interest/from/", views.interest_from, name="interest_from"),
    path("<uuid:public_id>/draft/what-happened/", views.what_happened, name="what_happened"),
    path("<uuid:public_id>/draft/timeline/", views.timeline, name="timeline"),
    path("<uuid:public_id>/draft/evidence/", views.evidence, name="evidence"),
    path("<uuid:public_id>/draft/check/", views.check, name="check"),
]

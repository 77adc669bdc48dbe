from django.urls import path

from . import breathing_space_views, views

app_name = "claims"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("<uuid:public_id>/", views.claim_detail, name="detail"),
    path("<uuid:public_id>/delete/", views.draft_delete, name="draft_delete"),
    path("<uuid:public_id>/fee/", views.fee, name="fee"),
    path("<uuid:public_id>/fee/help-with-fees/", views.help_with_fees, name="help_with_fees"),
    path("<uuid:public_id>/change/", views.return_to_draft, name="return_to_draft"),
    path("<uuid:public_id>/documents/<str:kind>/", views.document_download, name="document"),
    path("<uuid:public_id>/breathing-space/", breathing_space_views.breathing_space, name="breathing_space"),
]

from django.urls import path

from . import views

app_name = "claims"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("<uuid:public_id>/", views.claim_detail, name="detail"),
    path("<uuid:public_id>/delete/", views.draft_delete, name="draft_delete"),
]

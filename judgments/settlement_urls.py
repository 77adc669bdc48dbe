"""The settlement agreement's pages (``judgments.settlement_views``), under /claims/."""
from django.urls import path

from . import settlement_views as views

app_name = "settlement"
urlpatterns = [
    path("<uuid:public_id>/settlement/propose/", views.propose, name="propose"),
    path("<uuid:public_id>/settlement/proposed/", views.proposed, name="proposed"),
    path("<uuid:public_id>/settlement/sign/", views.sign, name="sign"),
    path("<uuid:public_id>/settlement/answered/", views.answered, name="answered"),
    path("<uuid:public_id>/settlement/breach/", views.breach, name="breach"),
]

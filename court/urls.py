"""The court's public pages: the home page, the days the court is closed, and the health check."""
from django.urls import path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("court-closed-days/", views.closed_days, name="closed_days"),
    path("healthz", views.healthz, name="healthz"),
]

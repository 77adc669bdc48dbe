from django.urls import path

from . import dashboard_views

# Included by casework.urls (namespace "casework") under /firm/.
urlpatterns = [
    path("", dashboard_views.dashboard, name="dashboard"),
    path("cases/<uuid:public_id>/allocation/", dashboard_views.allocation, name="allocation"),
]

from django.urls import path

from . import closing_views as views

app_name = "closing"
urlpatterns = [
    path("<uuid:public_id>/paid-or-settled/", views.settled, name="settled"),
    path("<uuid:public_id>/discontinue/", views.discontinue, name="discontinue"),
    path("<uuid:public_id>/judgment/paid/", views.judgment_paid, name="judgment_paid"),
    path("<uuid:public_id>/judgment/certificate/", views.certificate, name="certificate"),
]

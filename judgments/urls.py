from django.urls import path

from . import views

app_name = "judgments"
urlpatterns = [
    path("<uuid:public_id>/judgment/default/", views.request_default, name="request_default"),
    path("<uuid:public_id>/judgment/admission/", views.request_admission, name="request_admission"),
]

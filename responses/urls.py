from django.urls import path

from . import views

app_name = "responses"
urlpatterns = [
    path("", views.link, name="link"),
    path("<uuid:public_id>/", views.claim_page, name="claim"),
    path("<uuid:public_id>/more-time/", views.more_time, name="more_time"),
    path("<uuid:public_id>/agreed-extension/", views.agreed_extension, name="agreed_extension"),
    path("<uuid:public_id>/response/", views.task_list, name="task_list"),
    path("<uuid:public_id>/response/counterclaim/", views.counterclaim, name="counterclaim"),
    path("<uuid:public_id>/response-language/", views.language, name="language"),
    path("<uuid:public_id>/response/check/", views.check, name="check"),
    path("<uuid:public_id>/response/submitted/", views.submitted, name="submitted"),
    path("<uuid:public_id>/response/<slug:slug>/", views.question, name="question"),
]

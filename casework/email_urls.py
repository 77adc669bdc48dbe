from django.urls import path

from . import email_views

# Under /firm/ (casework.urls, app_name "casework").
urlpatterns = [
    path("email-updates/", email_views.email_updates, name="email_updates"),
    path("cases/<uuid:public_id>/emails/", email_views.case_emails, name="case_emails"),
]

"""Our own account addresses. Signing in, out and up, and passwords, are django-allauth's
(``allauth.urls``, also under /accounts/: ``account_login``, ``account_logout``,
``account_signup``, ``account_reset_password``…).

Only the old sign-in address is left here, redirecting to allauth's for old bookmarks.
"""
from django.urls import path
from django.views.generic import RedirectView

app_name = "accounts"
urlpatterns = [
    path("sign-in/", RedirectView.as_view(pattern_name="account_login", query_string=True), name="old_sign_in"),
]

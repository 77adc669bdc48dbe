from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Money Claims: court staff"
admin.site.site_title = "Money Claims staff"
admin.site.index_title = "Court work"

# Every app's URLs are named by their dotted path (include), as Django resolves them: the project package
# sits at the bottom of the layers and imports no app (README, Architecture).
#
# 400, 403 and 404 use Django's handlers with templates/400.html, 403.html, 404.html (the admin's
# too: a signed-in person who is not staff gets 403.html from /admin/). 500 is rendered without
# the request (ocmc.errors).
handler500 = "ocmc.errors.server_error"

urlpatterns = [
    path("", include("court.urls")),
    path("accounts/", include("accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("eligibility/", include("eligibility.urls")),
    path("claims/", include("claims.drafting.urls")),
    path("claims/", include("claims.urls")),
    path("claims/", include("judgments.urls")),
    path("claims/", include("judgments.closing_urls")),
    path("claims/", include("judgments.settlement_urls")),
    path("claims/", include("defended.urls")),
    path("pay/", include("payments.urls")),
    path("respond/", include("responses.urls")),
    path("firm/fee-accounts/", include("payments.fee_account_urls")),
    path("firm/", include("firms.urls")),
    path("firm/", include("casework.urls")),
    path("admin/", admin.site.urls),
]

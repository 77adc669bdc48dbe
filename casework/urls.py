from django.urls import include, path

app_name = "casework"

# The dashboard and allocation (casework.dashboard_urls), and the emails a firm gets (casework.email_urls).
urlpatterns = [
    path("", include("casework.dashboard_urls")),
    path("", include("casework.email_urls")),
]

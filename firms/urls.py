from django.urls import path

from . import views

app_name = "firms"

# /firm/ itself is the firm dashboard (casework.dashboard_urls, "casework:dashboard").
urlpatterns = [
    path("register/", views.register, name="register"),
    path("status/", views.status, name="status"),
    path("notice-of-change/", views.notice_of_change, name="notice_of_change"),
    path("users/", views.users, name="users"),
    path("users/invite/", views.invite, name="invite"),
    path("users/<int:pk>/", views.member, name="member"),
    path("users/<int:pk>/roles/", views.member_roles, name="member_roles"),
    path("users/<int:pk>/suspend/", views.member_step, {"step": "suspend"}, name="member_suspend"),
    path("users/<int:pk>/reinstate/", views.member_step, {"step": "reinstate"}, name="member_reinstate"),
    path("users/<int:pk>/remove/", views.member_step, {"step": "remove"}, name="member_remove"),
    path("invitations/", views.invitations, name="invitations"),
    path("invitations/<int:pk>/resend/", views.invitation_step, {"step": "resend"}, name="invitation_resend"),
    path("invitations/<int:pk>/withdraw/", views.invitation_step, {"step": "revoke"}, name="invitation_revoke"),
    path("invitations/<str:token>/", views.accept, name="accept"),
]

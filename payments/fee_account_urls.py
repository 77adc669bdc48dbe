"""The firm administrator's fee account pages, under /firm/fee-accounts/."""
from django.urls import path

from . import fee_account_views as views

app_name = "fee_accounts"
urlpatterns = [
    path("", views.fee_account_list, name="list"),
    path("add/", views.fee_account_add, name="add"),
    path("<int:pk>/withdraw/", views.fee_account_withdraw, name="withdraw"),
]

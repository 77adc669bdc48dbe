from django.urls import path

from . import fee_account_views, views

app_name = "payments"
urlpatterns = [
    path("claims/<uuid:public_id>/", views.pay_fee, name="pay_fee"),
    path("claims/<uuid:public_id>/fee-account/", fee_account_views.pay_from_fee_account, name="fee_account"),
    path("claims/<uuid:public_id>/fee-account/paid/", fee_account_views.fee_account_paid, name="fee_account_paid"),
    path("return/<uuid:payment_id>/", views.payment_return, name="return"),
    path("card-service/<str:provider_id>/", views.fake_card, name="fake_card"),
]

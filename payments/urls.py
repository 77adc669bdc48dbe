from django.urls import path

from . import views

app_name = "payments"
urlpatterns = [
    path("claims/<uuid:public_id>/", views.pay_fee, name="pay_fee"),
    path("return/<uuid:payment_id>/", views.payment_return, name="return"),
    path("card-service/<str:provider_id>/", views.fake_card, name="fake_card"),
]

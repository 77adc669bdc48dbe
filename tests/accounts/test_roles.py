"""Kinds of user (citizen, solicitor, staff), firms, and who sees firms in the admin."""
from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser, Group
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from accounts.models import Firm, FirmMembership, FirmState
from accounts.roles import StaffRole, UserKind, firm_of, is_firm_admin, user_kind

pytestmark = pytest.mark.django_db


@pytest.fixture
def firm():
    return Firm.objects.create(name="Demo & Co Solicitors", sra_number="123456", state=FirmState.APPROVED)


def test_a_new_user_is_a_citizen(make_user):
    user = make_user()
    assert user_kind(user) == UserKind.CITIZEN == "citizen"
    assert firm_of(user) is None and not is_firm_admin(user)


def test_a_member_of_a_firm_is_a_solicitor(make_user, firm):
    admin, member = make_user(), make_user()
    FirmMembership.objects.create(user=admin, firm=firm, is_firm_admin=True)
    FirmMembership.objects.create(user=member, firm=firm)
    assert user_kind(admin) == user_kind(member) == "solicitor"
    assert firm_of(admin) == firm_of(member) == firm
    assert is_firm_admin(admin) and not is_firm_admin(member)
    assert str(firm) == "Demo & Co Solicitors"


def test_staff_are_staff_whatever_else_is_recorded(make_user, firm):
    caseworker = make_user(is_staff=True)
    caseworker.groups.add(Group.objects.get(name=StaffRole.CASEWORKER))
    administrator = make_user(is_staff=True, is_superuser=True)
    FirmMembership.objects.create(user=administrator, firm=firm)
    assert user_kind(caseworker) == user_kind(administrator) == "staff"


def test_nobody_signed_in_has_no_kind():
    assert user_kind(AnonymousUser()) is None
    assert firm_of(AnonymousUser()) is None and not is_firm_admin(AnonymousUser())


def test_a_user_belongs_to_one_firm_at_most(make_user, firm):
    user = make_user()
    FirmMembership.objects.create(user=user, firm=firm)
    with pytest.raises(IntegrityError), transaction.atomic():
        FirmMembership.objects.create(user=user, firm=Firm.objects.create(name="Other LLP"))


def test_sra_numbers_are_optional_and_unique_among_firms_not_rejected(firm):
    Firm.objects.create(name="No number 1")
    Firm.objects.create(name="No number 2")
    with pytest.raises(ValidationError):
        Firm(name="Copycat", sra_number="123456").validate_constraints()
    Firm.objects.create(name="Refused once", sra_number="777777", state=FirmState.REJECTED)
    Firm(name="Trying again", sra_number="777777").validate_constraints()  # a rejected registration may be made again


def test_display_name_prefers_the_full_name_given_at_sign_up(make_user):
    assert make_user(first_name="Casey", last_name="Worker").display_name == "Casey Worker"
    assert make_user(full_name="Dr Amaka Obi", first_name="", last_name="").display_name == "Dr Amaka Obi"
    assert make_user(email="nameless@example.com", first_name="", last_name="").display_name == "nameless@example.com"


@pytest.fixture
def caseworker(make_user):
    user = make_user(is_staff=True)
    user.groups.add(Group.objects.get(name=StaffRole.CASEWORKER))
    return user


def test_caseworkers_see_firms_and_members_in_the_admin_but_cannot_change_them(client, caseworker, firm, make_user):
    FirmMembership.objects.create(user=make_user(email="sol@example.com"), firm=firm, is_firm_admin=True)
    client.force_login(caseworker)
    page = client.get(reverse("admin:accounts_firm_changelist")).content.decode()
    assert "Demo &amp; Co Solicitors" in page
    detail = client.get(reverse("admin:accounts_firm_change", args=[firm.pk])).content.decode()
    assert "sol@example.com" in detail
    assert client.get(reverse("admin:accounts_firmmembership_changelist")).status_code == 200
    assert client.get(reverse("admin:accounts_firm_add")).status_code == 403
    assert client.post(reverse("admin:accounts_firm_delete", args=[firm.pk])).status_code == 403
    assert client.get(reverse("admin:accounts_user_changelist")).status_code == 403


@pytest.mark.parametrize("role", [StaffRole.LEGAL_ADVISER, StaffRole.JUDGE])
def test_other_staff_do_not_see_firms(client, make_user, role):
    user = make_user(is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    client.force_login(user)
    assert client.get(reverse("admin:accounts_firm_changelist")).status_code == 403


def test_memberships_are_read_only_in_the_admin_even_for_an_administrator(client, make_user, firm):
    """A firm's users are managed by its administrator (firms.services), never edited in the admin."""
    client.force_login(make_user(is_staff=True, is_superuser=True))
    user = make_user(email="new.solicitor@example.com")
    assert client.get(reverse("admin:accounts_user_change", args=[user.pk])).status_code == 200
    response = client.post(
        reverse("admin:accounts_firmmembership_add"), {"user": user.pk, "firm": firm.pk, "is_firm_admin": "on"}
    )
    assert response.status_code == 403
    assert user_kind(user) == "citizen"
    assert client.get(reverse("admin:accounts_user_add")).status_code == 200

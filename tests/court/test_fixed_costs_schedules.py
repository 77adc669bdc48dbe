"""A represented claimant's fixed costs on issue are dated data staff keep (money.md, CPR 45): the two tables
are seeded, the one in force on the submission day applies, staff add a schedule in the admin, and a schedule a
claim recorded its costs by is never changed or deleted."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from accounts.roles import StaffRole
from claims import services
from court import fixed_costs
from court.models import FixedCostsSchedule
from tests.claims.represented_data import represented_draft
from tests.conftest import uk
from tests.firm_factories import make_firm, make_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def caseworker(make_user):
    user = make_user(first_name="Casey", last_name="Worker", is_staff=True)
    user.groups.add(Group.objects.get(name=StaffRole.CASEWORKER))
    return user


def test_the_two_tables_of_money_md_are_seeded():
    rows = {s.effective_from: [(b.over, b.up_to, b.on_issue, b.on_default_judgment) for b in s.bands.all()]
            for s in FixedCostsSchedule.objects.prefetch_related("bands")}
    assert rows[date(2023, 10, 1)] == [
        (Decimal("25.00"), Decimal("500.00"), Decimal("60.00"), Decimal("22.00")),
        (Decimal("500.00"), Decimal("1000.00"), Decimal("80.00"), Decimal("22.00")),
        (Decimal("1000.00"), Decimal("5000.00"), Decimal("90.00"), Decimal("22.00")),
        (Decimal("5000.00"), None, Decimal("110.00"), Decimal("30.00")),
    ]
    assert [b[2] for b in rows[date(2017, 8, 7)]] == [Decimal("50.00"), Decimal("70.00"), Decimal("80.00"),
                                                     Decimal("100.00")]


def test_seeding_again_adds_nothing():
    before = FixedCostsSchedule.objects.count()
    fixed_costs.seed_schedules()
    assert FixedCostsSchedule.objects.count() == before


def test_a_schedule_staff_add_takes_effect_on_its_day(client, caseworker, travel):
    client.force_login(caseworker)
    assert client.get(reverse("admin:court_fixedcostsschedule_changelist")).status_code == 200
    form = {"effective_from": "01/12/2026", "source": "CPR 45 as amended",
            "bands-TOTAL_FORMS": "2", "bands-INITIAL_FORMS": "0", "bands-MIN_NUM_FORMS": "0",
            "bands-MAX_NUM_FORMS": "1000",
            "bands-0-over": "25", "bands-0-up_to": "5000", "bands-0-on_issue": "95",
            "bands-0-on_default_judgment": "25",
            "bands-1-over": "5000", "bands-1-up_to": "", "bands-1-on_issue": "120",
            "bands-1-on_default_judgment": "35"}
    response = client.post(reverse("admin:court_fixedcostsschedule_add"), form)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert fixed_costs.schedule_in_force(date(2026, 11, 30)).on_issue(Decimal("800")) == Decimal("80.00")
    assert fixed_costs.schedule_in_force(date(2026, 12, 1)).on_issue(Decimal("800")) == Decimal("95.00")


def test_a_schedule_a_claim_recorded_its_costs_by_cannot_be_changed_or_deleted(client, caseworker, travel):
    travel(uk(2026, 11, 10, 11, 0), tick=False)
    solicitor = make_member(make_firm(), mfa=False)
    claim = services.claim_submit(claim_id=represented_draft(solicitor).pk, actor=solicitor,
                                  signed_name="Sol Icitor", signed_position="Solicitor")
    schedule = claim.fixed_costs_schedule
    assert schedule is not None and schedule.effective_from == date(2023, 10, 1)
    client.force_login(caseworker)
    assert client.post(reverse("admin:court_fixedcostsschedule_delete", args=[schedule.pk]),
                       {"post": "yes"}).status_code == 403
    page = client.get(reverse("admin:court_fixedcostsschedule_change", args=[schedule.pk])).content.decode()
    assert 'name="_save"' not in page
    assert FixedCostsSchedule.objects.filter(pk=schedule.pk).exists()

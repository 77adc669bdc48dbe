"""Court staff keep the fee schedules in the admin (shared/spec/money.md): dated, per channel, bands that
cover every amount once; a schedule a claim has paid by is never changed, only superseded; every change is
recorded with who made it.

The suite's clock: Tuesday 10 November 2026, 11:00. The seeded schedule (from 16 September 2021) charges
£70 on claims of £500.01 to £1,000.
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from accounts.roles import StaffRole
from claims import services
from claims.models import Claim
from court.models import FeeSchedule, FeeScheduleChange
from tests.claims.drafting.factories import complete_draft_data
from tests.conftest import uk

pytestmark = pytest.mark.django_db

#: A £1,000 claim with no interest: £70 under the 2021 schedule.
NO_INTEREST = {"interest": {"choice": "none"}}


@pytest.fixture(autouse=True)
def _on_10_november_2026(travel):
    """These tests date schedules and claims around Tuesday 10 November 2026, so they start there
    whatever instant the suite runs at (``--clock-at``)."""
    travel(uk(2026, 11, 10, 11, 0), tick=False)


@pytest.fixture
def caseworker(make_user):
    user = make_user(first_name="Casey", last_name="Worker", is_staff=True)
    user.groups.add(Group.objects.get(name=StaffRole.CASEWORKER))
    return user


def submitted_claim(make_user) -> Claim:
    owner = make_user()
    claim = services.claim_draft_create(owner=owner, data=complete_draft_data(**NO_INTEREST))
    return services.claim_submit(claim_id=claim.pk, actor=owner, signed_name="Sam Claimant")


def seeded() -> FeeSchedule:
    return FeeSchedule.objects.get(channel="online", effective_from=date(2021, 9, 16))


def schedule_form(*, effective_from: str, channel: str = "online", bands: list[tuple[Any, ...]],
                  initial: list[int] | None = None, delete: set[int] = frozenset()) -> dict[str, Any]:
    """The admin's add/change form: ``bands`` as (over, up_to, fixed, percent, cap) strings ("" for none);
    ``initial`` the pks of the bands already stored, in the same order."""
    initial = initial or []
    data: dict[str, Any] = {
        "effective_from": effective_from, "channel": channel, "source": "The Fees (Amendment) Order 2026",
        "bands-TOTAL_FORMS": str(len(bands)), "bands-INITIAL_FORMS": str(len(initial)),
        "bands-MIN_NUM_FORMS": "0", "bands-MAX_NUM_FORMS": "1000",
        "changes-TOTAL_FORMS": "0", "changes-INITIAL_FORMS": "0", "changes-MIN_NUM_FORMS": "0",
        "changes-MAX_NUM_FORMS": "0",
    }
    for i, (over, up_to, fixed, percent, cap) in enumerate(bands):
        data.update({f"bands-{i}-over": over, f"bands-{i}-up_to": up_to, f"bands-{i}-fixed": fixed,
                     f"bands-{i}-percent": percent, f"bands-{i}-cap": cap})
        if i < len(initial):
            data[f"bands-{i}-id"] = str(initial[i])
        if i in delete:
            data[f"bands-{i}-DELETE"] = "on"
    return data


NEW_BANDS = [("0", "1000", "80", "", ""), ("1000", "10000", "", "5", "500"), ("10000", "", "10000", "", "")]


def test_the_fee_schedules_have_an_admin(client, admin_user, caseworker):
    for user in (admin_user, caseworker):
        client.force_login(user)
        page = client.get(reverse("admin:court_feeschedule_changelist"))
        assert page.status_code == 200
        assert "Online fees from 16 September 2021" in page.content.decode()


def test_a_caseworker_adds_a_schedule_and_the_addition_is_recorded(client, caseworker):
    client.force_login(caseworker)
    page = client.post(reverse("admin:court_feeschedule_add"),
                       schedule_form(effective_from="01/12/2026", bands=NEW_BANDS))
    assert page.status_code == 302, page.content.decode()[:3000]
    schedule = FeeSchedule.objects.get(effective_from=date(2026, 12, 1), channel="online")
    assert [(b.over, b.up_to, b.fixed, b.percent, b.cap) for b in schedule.bands.all()] == [
        (Decimal("0.00"), Decimal("1000.00"), Decimal("80.00"), None, None),
        (Decimal("1000.00"), Decimal("10000.00"), None, Decimal("5.00"), Decimal("500.00")),
        (Decimal("10000.00"), None, Decimal("10000.00"), None, None),
    ]
    change = FeeScheduleChange.objects.get(schedule=schedule)
    assert (change.action, change.changed_by, change.changed_by_label) == ("added", caseworker,
                                                                           "Casey Worker, Caseworker")
    assert change.changed_at == uk(2026, 11, 10, 11, 0)
    assert "Band added: over £1000.00 up to £10000.00: 5.00% (capped at £500.00)" in change.summary
    assert change.after["bands"][1] == {"over": "1000.00", "up_to": "10000.00", "fixed": None, "percent": "5.00",
                                        "cap": "500.00"}


@pytest.mark.parametrize("bands, message", [
    ([("0", "1000", "80", "", ""), ("1500", "", "500", "", "")],
     "Amounts over £1,000.00 up to £1,500.00 have no band"),
    ([("0", "1000", "80", "", ""), ("900", "", "500", "", "")], "overlap"),
    ([("0", "", "80", "", ""), ("1000", "", "500", "", "")], "Only one band can have no upper limit"),
    ([("0", "", "80", "", "40")], "only a percentage fee can be capped"),
])
def test_bands_with_gaps_or_overlaps_are_refused_and_nothing_is_saved(client, caseworker, bands, message):
    client.force_login(caseworker)
    page = client.post(reverse("admin:court_feeschedule_add"), schedule_form(effective_from="01/12/2026",
                                                                             bands=bands))
    assert page.status_code == 200
    assert message in page.content.decode()
    assert not FeeSchedule.objects.filter(effective_from=date(2026, 12, 1)).exists()
    assert not FeeScheduleChange.objects.exists()


def test_a_schedule_dated_ahead_takes_effect_on_its_day(client, caseworker, make_user, travel):
    client.force_login(caseworker)
    client.post(reverse("admin:court_feeschedule_add"), schedule_form(effective_from="01/12/2026", bands=NEW_BANDS))
    new = FeeSchedule.objects.get(effective_from=date(2026, 12, 1))

    today = submitted_claim(make_user)  # Tuesday 10 November 2026: the 2021 fees
    assert (today.fee, today.fee_schedule) == (Decimal("70.00"), seeded())
    travel(uk(2026, 11, 30, 15, 59))  # the last day before it
    assert submitted_claim(make_user).fee_schedule == seeded()
    travel(uk(2026, 12, 1, 9, 0))  # its day
    on_the_day = submitted_claim(make_user)
    assert (on_the_day.fee, on_the_day.fee_schedule, on_the_day.fee_schedule_from) == (
        Decimal("80.00"), new, date(2026, 12, 1))


def test_a_schedule_a_claim_paid_by_cannot_be_changed_or_deleted(client, caseworker, make_user):
    claim = submitted_claim(make_user)
    schedule = seeded()
    assert claim.fee_schedule == schedule
    client.force_login(caseworker)

    page = client.get(reverse("admin:court_feeschedule_change", args=[schedule.pk]))
    text = page.content.decode()
    assert page.status_code == 200
    assert "it cannot be changed or deleted" in text
    assert 'name="_save"' not in text
    bands = list(schedule.bands.values_list("pk", flat=True))
    changed = schedule_form(effective_from="16/09/2021", bands=[("0", "", "1", "", "")] * len(bands),
                            initial=bands)
    assert client.post(reverse("admin:court_feeschedule_change", args=[schedule.pk]), changed).status_code == 403
    assert client.post(reverse("admin:court_feeschedule_delete", args=[schedule.pk]),
                       {"post": "yes"}).status_code == 403
    assert schedule.bands.get(up_to=Decimal("1000")).fixed == Decimal("70.00")
    assert not FeeScheduleChange.objects.exists()


def test_a_claim_returned_to_draft_no_longer_holds_its_schedule(make_user):
    claim = submitted_claim(make_user)
    claim = services.claim_return_to_draft(claim_id=claim.pk, actor=claim.owner)
    assert claim.fee_schedule is None
    assert not seeded().used


def test_changes_to_an_unused_schedule_are_recorded_with_who_and_what(client, caseworker):
    client.force_login(caseworker)
    client.post(reverse("admin:court_feeschedule_add"), schedule_form(effective_from="01/12/2026", bands=NEW_BANDS))
    schedule = FeeSchedule.objects.get(effective_from=date(2026, 12, 1))
    pks = list(schedule.bands.order_by("over").values_list("pk", flat=True))
    changed = [("0", "1000", "85", "", ""), *NEW_BANDS[1:]]
    page = client.post(reverse("admin:court_feeschedule_change", args=[schedule.pk]),
                       schedule_form(effective_from="02/12/2026", bands=changed, initial=pks))
    assert page.status_code == 302, page.content.decode()[:3000]
    change = FeeScheduleChange.objects.get(action="changed")
    assert change.changed_by == caseworker
    assert change.summary.splitlines() == [
        "Effective from: 2026-12-01 → 2026-12-02",
        "Band removed: over £0.00 up to £1000.00: £80.00",
        "Band added: over £0.00 up to £1000.00: £85.00",
    ]
    assert change.before["bands"][0]["fixed"] == "80.00" and change.after["bands"][0]["fixed"] == "85.00"

    page = client.post(reverse("admin:court_feeschedule_delete", args=[schedule.pk]), {"post": "yes"})
    assert page.status_code == 302
    deleted = FeeScheduleChange.objects.get(action="deleted")
    assert (deleted.schedule, deleted.schedule_label, deleted.changed_by) == (
        None, "Online fees from 2 December 2026", caseworker)
    # The record is for reading: nobody edits it, administrators included.
    assert client.get(reverse("admin:court_feeschedulechange_change", args=[deleted.pk])).status_code == 200
    assert client.post(reverse("admin:court_feeschedulechange_delete", args=[deleted.pk]),
                       {"post": "yes"}).status_code == 403


def test_a_new_schedule_cannot_take_effect_before_claims_already_charged(client, caseworker, make_user):
    submitted_claim(make_user)  # submitted today, 10 November 2026, on the 2021 schedule
    client.force_login(caseworker)
    page = client.post(reverse("admin:court_feeschedule_add"), schedule_form(effective_from="10/11/2026",
                                                                             bands=NEW_BANDS))
    assert page.status_code == 200
    assert "Claims submitted up to 10 November 2026 have paid the fee of an earlier schedule" in page.content.decode()
    page = client.post(reverse("admin:court_feeschedule_add"), schedule_form(effective_from="11/11/2026",
                                                                             bands=NEW_BANDS))
    assert page.status_code == 302

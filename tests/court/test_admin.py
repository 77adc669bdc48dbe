"""Court staff manage the calendar and see job runs in the admin."""
from __future__ import annotations

from datetime import date
from importlib import import_module

import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import Group
from django.urls import reverse

from accounts.roles import StaffRole, staff_role, staff_title
from court.calendar import court_calendar
from court.models import ClosureDay, JobRun, Outage
from court.sweeps import run_sweep
from tests.conftest import uk

SEED_CLOSURES = import_module("court.migrations.0002_seed_announced_closures")

pytestmark = pytest.mark.django_db


@pytest.fixture
def caseworker(make_user):
    user = make_user(first_name="Casey", last_name="Worker", is_staff=True)
    user.groups.add(Group.objects.get(name=StaffRole.CASEWORKER))
    return user


def test_staff_groups_exist_with_titles(caseworker, make_user):
    assert staff_role(caseworker) == StaffRole.CASEWORKER
    assert staff_title(caseworker) == "Casey Worker, Caseworker"
    assert staff_role(make_user()) is None
    assert set(Group.objects.values_list("name", flat=True)) >= {"caseworker", "legal_adviser", "judge"}


def test_known_announced_closures_are_seeded():
    # What the data migration does, done again: a browser test before this one (in the same process) empties the
    # tables, migration data with them; the seeding leaves a day already there alone.
    SEED_CLOSURES.seed(django_apps, None)
    assert set(ClosureDay.objects.values_list("day", flat=True)) >= {date(2024, 12, 27), date(2025, 12, 24)}
    assert not court_calendar().is_open(date(2025, 12, 24))


def test_caseworker_adds_a_closure_day_and_it_moves_deadlines(client, caseworker):
    client.force_login(caseworker)
    response = client.post(
        reverse("admin:court_closureday_add"), {"day": "22/03/2027", "reason": "HMCTS announced closure"}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    closure = ClosureDay.objects.get(day=date(2027, 3, 22))
    assert closure.created_by == caseworker
    assert court_calendar().cutoff(date(2027, 3, 22)) == uk(2027, 3, 23, 16, 0)


def post_outage(client, *, start: str, end: str, description: str):
    """Submit the admin's add-outage form for 22 March 2027, times as HH:MM:SS."""
    form = {"start_0": "22/03/2027", "start_1": start, "end_0": "22/03/2027", "end_1": end, "description": description}
    return client.post(reverse("admin:court_outage_add"), form)


def test_caseworker_records_an_outage(client, caseworker):
    client.force_login(caseworker)
    response = post_outage(client, start="14:00:00", end="17:30:00", description="Payment pages unavailable")
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Outage.objects.get().created_by == caseworker
    assert court_calendar().cutoff(date(2027, 3, 22)) == uk(2027, 3, 23, 16, 0)


def test_an_outage_that_ends_before_it_starts_is_refused(client, caseworker):
    client.force_login(caseworker)
    response = post_outage(client, start="14:00:00", end="13:00:00", description="Backwards")
    assert response.status_code == 200
    assert "The outage must end after it starts." in response.content.decode()
    assert not Outage.objects.exists()


def test_staff_see_job_runs_read_only(client, caseworker):
    run_sweep("claims.delete_expired_drafts")
    client.force_login(caseworker)
    page = client.get(reverse("admin:court_jobrun_changelist")).content.decode()
    assert "claims.delete_expired_drafts" in page
    run = JobRun.objects.get()
    assert client.get(reverse("admin:court_jobrun_change", args=[run.pk])).status_code == 200
    assert client.post(reverse("admin:court_jobrun_delete", args=[run.pk])).status_code == 403


def test_members_of_the_public_cannot_reach_the_admin(client, make_user):
    client.force_login(make_user())
    response = client.get(reverse("admin:court_closureday_changelist"))
    assert response.status_code == 302 and "login" in response["Location"]

"""Draft claims: the services, who may act, and the pages."""
from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse

from claims.errors import NotAllowed
from claims.models import Claim, ClaimEvent
from claims.policy import Action, allowed_actions
from claims.services import claim_draft_create, claim_draft_delete, claim_draft_save
from tests.conftest import uk

pytestmark = pytest.mark.django_db


def test_a_new_draft_expires_28_days_after_it_was_saved(make_user, travel):
    travel(uk(2026, 11, 2, 9, 0), tick=False)
    claim = claim_draft_create(owner=make_user(), data={"defendant": {"type": "company", "name": "Acme Ltd"}})
    assert claim.draft_expires_at == uk(2026, 11, 30, 9, 0)
    event = ClaimEvent.objects.get(claim=claim)
    assert (event.kind, event.actor, event.actor_label) == ("draft_started", claim.owner, claim.owner.display_name)


def test_saving_restarts_the_28_days_and_keeps_earlier_answers(make_user, travel):
    owner = make_user()
    travel(uk(2026, 11, 2, 9, 0), tick=False)
    claim = claim_draft_create(owner=owner, data={"defendant": {"type": "company", "name": "Acme Ltd"}})
    travel(uk(2026, 11, 20, 15, 30), tick=False)
    claim_draft_save(claim_id=claim.pk, actor=owner, data={"amount": "120.00"})
    claim.refresh_from_db()
    assert claim.draft_data == {"defendant": {"type": "company", "name": "Acme Ltd"}, "amount": "120.00"}
    assert claim.draft_expires_at == uk(2026, 12, 18, 15, 30)


def test_only_the_owner_may_edit_or_delete_a_draft(make_user):
    owner, stranger = make_user(), make_user()
    claim = claim_draft_create(owner=owner)
    assert allowed_actions(owner, claim) == {Action.VIEW, Action.EDIT_DRAFT, Action.DELETE_DRAFT}
    assert allowed_actions(stranger, claim) == set()
    with pytest.raises(NotAllowed):
        claim_draft_save(claim_id=claim.pk, actor=stranger, data={"x": 1})
    with pytest.raises(NotAllowed):
        claim_draft_delete(claim_id=claim.pk, actor=stranger)
    assert claim_draft_delete(claim_id=claim.pk, actor=owner) is True
    assert not Claim.objects.exists()


def test_the_court_does_not_delete_a_draft_before_it_expires(make_user, travel):
    travel(uk(2026, 11, 2, 9, 0), tick=False)
    claim = claim_draft_create(owner=make_user())
    travel(uk(2026, 11, 30, 8, 59), tick=False)
    assert claim_draft_delete(claim_id=claim.pk, actor=None) is False
    travel(uk(2026, 11, 30, 9, 0), tick=False)
    assert claim_draft_delete(claim_id=claim.pk, actor=None) is True
    assert claim_draft_delete(claim_id=claim.pk, actor=None) is False  # already gone: idempotent


class TestPages:
    def test_dashboard_lists_own_drafts_with_deletion_date(self, client, make_user, travel):
        travel(uk(2026, 11, 2, 9, 0))
        owner, other = make_user(), make_user()
        claim_draft_create(owner=owner, data={"defendant": {"type": "company", "name": "Acme Ltd"}})
        claim_draft_create(owner=other, data={"defendant": {"type": "company", "name": "Secret Corp"}})
        client.force_login(owner)
        page = client.get(reverse("claims:dashboard")).content.decode()
        assert "Acme Ltd" in page and "Draft" in page
        assert "30 November 2026" in page
        assert "Secret Corp" not in page

    def test_dashboard_needs_sign_in(self, client):
        response = client.get(reverse("claims:dashboard"))
        assert response.status_code == 302 and response["Location"].startswith(reverse("account_login"))

    def test_someone_elses_claim_is_not_found(self, client, make_user):
        claim = claim_draft_create(owner=make_user(), data={"defendant": {"type": "company", "name": "Secret Corp"}})
        client.force_login(make_user())
        for name in ("claims:detail", "claims:draft_delete"):
            response = client.get(reverse(name, args=[claim.public_id]))
            assert response.status_code == 404
            assert b"Secret Corp" not in response.content
        assert client.post(reverse("claims:draft_delete", args=[claim.public_id])).status_code == 404
        assert Claim.objects.filter(pk=claim.pk).exists()

    def test_owner_deletes_a_draft_after_confirming(self, client, make_user):
        owner = make_user()
        claim = claim_draft_create(owner=owner, data={"defendant": {"type": "company", "name": "Acme Ltd"}})
        client.force_login(owner)
        detail = client.get(reverse("claims:detail", args=[claim.public_id])).content.decode()
        assert "Delete this draft" in detail and "Draft claim started" in detail
        confirm = client.get(reverse("claims:draft_delete", args=[claim.public_id]))
        assert b"Are you sure" in confirm.content
        response = client.post(reverse("claims:draft_delete", args=[claim.public_id]), follow=True)
        assert b"Your draft claim has been deleted" in response.content
        assert not Claim.objects.exists()
        # Pressing the button again (back button, double click) finds nothing and leaks nothing.
        assert client.post(reverse("claims:draft_delete", args=[claim.public_id])).status_code == 404


def test_dashboard_deletion_date_follows_the_sweep(make_user, travel, client):
    from court.sweeps import run_sweep

    owner = make_user()
    travel(uk(2026, 11, 2, 9, 0))
    claim_draft_create(owner=owner, data={"defendant": {"type": "company", "name": "Acme Ltd"}})
    travel(uk(2026, 11, 2, 9, 0) + timedelta(days=28, minutes=1))
    run_sweep("claims.delete_expired_drafts")
    client.force_login(owner)
    assert b"You have not made any claims yet" in client.get(reverse("claims:dashboard")).content

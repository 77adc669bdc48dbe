"""Starting a claim (after the eligibility checker) and the task list."""
from __future__ import annotations

import pytest
from django.urls import reverse

from claims import ocon1
from claims.models import Claim
from rules import eligibility as rules
from tests.conftest import uk

from .conftest import url

pytestmark = pytest.mark.django_db


def passing_answers() -> dict[str, str]:
    return {question.slug: sorted(question.eligible_values)[0] for question in rules.QUESTIONS}


def test_start_needs_sign_in(client):
    response = client.get(reverse("drafting:start"))
    assert response.status_code == 302 and "/accounts/" in response["Location"]


def test_start_sends_people_who_have_not_passed_the_checker_to_it(signed_in):
    for method in (signed_in.get, signed_in.post):
        response = method(reverse("drafting:start"))
        assert response.status_code == 302 and response["Location"] == reverse("eligibility:start")
    assert not Claim.objects.exists()


def test_start_page_then_a_draft_with_the_eligibility_answers(signed_in, owner):
    session = signed_in.session
    session["eligibility"] = passing_answers()
    session.save()
    page = signed_in.get(reverse("drafting:start")).content.decode()
    assert "<h1 class=\"govuk-heading-xl\">Make a money claim</h1>" in page and "What you will need" in page
    response = signed_in.post(reverse("drafting:start"))
    claim = Claim.objects.get()
    assert claim.owner == owner and claim.draft_data == {"eligibility": passing_answers()}
    assert response["Location"] == url("task_list", claim)


def test_a_new_draft_has_everything_to_do(signed_in, new_draft, travel):
    page = signed_in.get(url("task_list", new_draft)).content.decode()
    assert page.count("govuk-tag--blue\">Incomplete") == 4
    assert "You have completed 0 of 5 sections" in page
    # Interest needs the amount first; the check page needs every section.
    assert 'id="task-interest-status">\n      Cannot start yet' in page
    assert url("interest", new_draft) not in page and url("check", new_draft) not in page
    for key in ("claimant_type", "defendant_type", "amount", "what_happened"):
        assert url(key, new_draft) in page


def test_the_task_list_says_when_the_draft_will_be_deleted(signed_in, owner, travel):
    from claims.services import claim_draft_create

    travel(uk(2026, 11, 2, 9, 0))
    claim = claim_draft_create(owner=owner)
    page = signed_in.get(url("task_list", claim)).content.decode()
    assert "Your draft is saved after every page. Drafts not saved for 28 days are deleted on 30 November 2026" in page


def test_a_complete_draft_can_be_checked(signed_in, draft):
    assert ocon1.is_complete(draft.draft_data)
    page = signed_in.get(url("task_list", draft)).content.decode()
    assert page.count("Completed") == 5 and "You have completed 5 of 5 sections" in page
    assert url("check", draft) in page and "Check and submit your claim" in page
    assert "Total: £1,000.00" in page and "Ms Sam Claimant" in page and "Acme Building Ltd" in page
    assert "8% a year from the date you submit the claim" in page

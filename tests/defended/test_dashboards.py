"""Both parties' dashboards: a plain page title, and one short sentence on what happens next (the detail
is on the claim page)."""
from __future__ import annotations

import re

import pytest
from django.urls import reverse

from defended import services
from tests.defended.conftest import continue_claim

pytestmark = pytest.mark.django_db

DIRECTIONS = "The claimant must file the invoice. Each party must bring their witness."


def title(page: str) -> str:
    return re.search(r"<title>(.*?)</title>", page, re.DOTALL).group(1)


def next_step_cell(page: str, claim_number: str) -> str:
    row = re.search(rf"<tr[^>]*>(?:(?!</tr>).)*{claim_number}(?:(?!</tr>).)*</tr>", page, re.DOTALL).group(0)
    return " ".join(re.sub(r"<[^>]+>", " ", re.findall(r"<td[^>]*>(.*?)</td>", row, re.DOTALL)[-1]).split())


def test_a_sent_out_claim_on_each_dashboard_says_where_it_went_in_one_sentence(client, defence, judge):
    claim, dan = defence()
    claim = continue_claim(claim, mediation=False)
    services.judge_send_out(claim_id=claim.pk, actor=judge, to="named_centre", court="Manchester Civil Justice Centre",
                            reason="The claim raises a substantial point of law", directions=DIRECTIONS)
    for user, claim_page in ((claim.owner, reverse("claims:detail", args=[claim.public_id])),
                             (dan, reverse("responses:claim", args=[claim.public_id]))):
        client.force_login(user)
        dashboard = client.get(reverse("claims:dashboard")).content.decode()
        assert title(dashboard) == "Your money claims account – Money Claims"
        assert next_step_cell(dashboard, claim.claim_number) == (
            "What happens next The claim continues by post at Manchester Civil Justice Centre.")
        page = client.get(claim_page).content.decode()
        assert "substantial point of law" in page and DIRECTIONS in page

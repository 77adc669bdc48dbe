"""A claim between represented parties that proceeds in an early adopter court after directions (6C.1(2)), as the
6C.1 guard leaves it (state "directions made", no reconsideration window, the order naming the centre): built in
the database, with each firm's solicitors and a read-only member (PD 51R 16B.1)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.contrib.auth.models import Group

from accounts.models import Firm
from claims import assignments
from claims.constants import ClaimState, DefendantRepresentation, Referee, SentOutTo
from claims.models import Claim
from court.models import HearingCentre
from defended.models import DirectionsOrder
from tests.conftest import uk
from tests.documents.conftest import submitted_data
from tests.firm_factories import make_firm, make_member

EARLY_ADOPTER = "Manchester Civil Justice Centre"


@dataclass
class Parties:
    claim: Claim
    claimant_firm: Firm
    defendant_firm: Firm
    claimant_solicitor: Any
    defendant_solicitor: Any
    claimant_reader: Any  # a firm administrator who sees all the firm's cases but is no solicitor
    other_solicitor: Any  # a solicitor of a firm not on the claim


def early_adopter_claim(make_user: Any, *, early_adopter: bool = True, state: str = ClaimState.DIRECTIONS_MADE,
                        number: str = "000MC401", **fields: Any) -> Parties:
    HearingCentre.objects.get_or_create(name=EARLY_ADOPTER, defaults={"early_adopter": early_adopter})
    claimant_firm = make_firm("Able & Co", service_email="service@able.example")
    defendant_firm = make_firm("Baker Defence LLP", service_email="service@baker.example")
    owner = make_member(claimant_firm, email="ash@able.example", name="Ash Able")
    reader = make_member(claimant_firm, email="ada@able.example", name="Ada Admin", admin=True, solicitor=False,
                         sees_all=True)
    defender = make_member(defendant_firm, email="bea@baker.example", name="Bea Baker", sees_all=True)
    other_firm = make_firm("Other Firm LLP")
    other = make_member(other_firm, email="ola@other.example", name="Ola Other", sees_all=True)
    values: dict[str, Any] = {
        "owner": owner, "state": state, "created_at": uk(2026, 11, 2, 9),
        "last_saved_at": uk(2026, 11, 2, 9), "submitted_data": submitted_data(), "claimant_name": "Ms Jane Claimant",
        "defendant_name": "Acme Kitchens Ltd", "submitted_at": uk(2026, 11, 2, 11), "submitted_on": date(2026, 11, 2),
        "issue_date": date(2026, 11, 3), "issued_at": uk(2026, 11, 3, 9), "claim_number": number, "fee": 80,
        "response_deadline": uk(2026, 12, 1, 16), "response_deadline_day": date(2026, 12, 1),
        "claimant_firm": claimant_firm, "claimant_reference": "ABL/1", "defendant_firm": defendant_firm,
        "defendant_representation": DefendantRepresentation.REGISTERED,
        # What the step at directions records when it keeps the claim online (6C.1(2), defended.services.referrals).
        "early_adopter_court": EARLY_ADOPTER if early_adopter else "",
    }
    values.update(fields)
    claim = Claim.objects.create(**values)
    assignments.assign(claim, to=owner, actor=reader)
    judge = make_user(is_staff=True, first_name="Judith", last_name="Bench")
    judge.groups.set([Group.objects.get_or_create(name="judge")[0]])
    DirectionsOrder.objects.create(
        claim=claim, made_by=judge, maker_name="Judith Bench", maker_title="District Judge", maker_role=Referee.JUDGE,
        made_at=uk(2027, 1, 20, 10), made_on=date(2027, 1, 20), standard=[], free_text="Witness statements by 1 March.",
        send_out_to=SentOutTo.NAMED_CENTRE, send_out_court=EARLY_ADOPTER, reason="directions (6C.1(2))")
    return Parties(Claim.objects.get(pk=claim.pk), claimant_firm, defendant_firm, owner, defender, reader, other)

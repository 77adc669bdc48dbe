"""Who reaches what of a represented claim: every role against every URL that names a claim.

The URLs come from walking the project's URL resolver for every pattern with a ``public_id``, so a page
added later is covered without touching this test. Whoever is not entitled to a claim gets exactly what a
claim that does not exist gives (404; 405 for a POST-only step, before anything is looked up), on every
URL; whoever is entitled reaches the claim's page, its PDFs and its timeline (on the claim's page), and the
firm's administrator its allocation page. The claims: a draft, an issued claim defended by a registered
firm, an issued claim against a defendant in person, and one of a firm since suspended."""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.auth.models import Group
from django.urls import URLPattern, URLResolver, get_resolver

from accounts.models import Firm, FirmMembership, FirmState, MemberState
from claims import assignments
from claims.constants import ClaimState
from claims.models import Claim
from documents.models import ClaimDocument, DocumentKind, DocumentStatus
from tests.conftest import uk
from tests.firm_factories import make_firm, make_member

from .conftest import represented

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

#: Values for a claim URL's other parts: a document both parties' firms may download, any slug, any number.
OTHER_PARTS = {"kind": DocumentKind.SEALED_CLAIM.value, "slug": "anything", "application_id": 1}


def claim_url_patterns() -> list[tuple[str, str]]:
    """(name, route) of every URL pattern that takes a claim's ``public_id``, across every app."""
    found: list[tuple[str, str]] = []

    def walk(patterns: list[Any], prefix: str, namespace: str) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = ":".join(part for part in (namespace, pattern.namespace) if part)
                walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
            elif isinstance(pattern, URLPattern) and "<uuid:public_id>" in prefix + str(pattern.pattern):
                found.append((f"{namespace}:{pattern.name}" if namespace else str(pattern.name),
                              prefix + str(pattern.pattern)))

    walk(get_resolver().url_patterns, "/", "")
    return found


def path_of(route: str, public_id: Any) -> str:
    path = route.replace("<uuid:public_id>", str(public_id))
    for part, value in OTHER_PARTS.items():
        for converter in ("str", "slug", "int"):
            path = path.replace(f"<{converter}:{part}>", str(value))
    assert "<" not in path, f"a URL part this test does not fill: {route}"
    return path


@dataclass
class World:
    users: dict[str, Any]
    claims: dict[str, Claim]
    #: role -> the claims it may see.
    sees: dict[str, set[str]]


ROLES = ["claimant firm admin", "assigned solicitor", "solicitor not assigned", "sees all", "shared with",
         "defendant's firm member", "another firm's admin", "citizen", "defendant in person", "removed member",
         "suspended member", "member of a suspended firm", "court staff"]


def build_world(make_user: Any) -> World:
    firm, defence, other = make_firm("Able & Co"), make_firm("Defence LLP"), make_firm("Other LLP")
    gone_firm = make_firm("Gone LLP")
    u: dict[str, Any] = {
        "claimant firm admin": make_member(firm, admin=True, solicitor=False),
        "assigned solicitor": make_member(firm), "solicitor not assigned": make_member(firm),
        "sees all": make_member(firm, sees_all=True), "shared with": make_member(firm),
        "defendant's firm member": make_member(defence, sees_all=True, admin=True),
        "another firm's admin": make_member(other, admin=True, sees_all=True),
        "citizen": make_user(), "defendant in person": make_user(),
        "removed member": make_member(firm), "suspended member": make_member(firm),
        "member of a suspended firm": make_member(gone_firm, admin=True, sees_all=True),
        "court staff": make_user(is_staff=True),
    }
    u["court staff"].groups.set([Group.objects.get(name="caseworker")])
    owner = make_user()
    c = {
        "draft": represented(owner, firm, state=ClaimState.DRAFT, defendant_representation="registered",
                             defendant_firm=defence),
        "issued, firm defends": represented(owner, firm, defendant_representation="registered",
                                            defendant_firm=defence),
        "issued, defendant in person": represented(owner, firm, defendant_user=u["defendant in person"],
                                                   defendant_linked_at=uk(2026, 10, 5, 9)),
        "issued, suspended firm": represented(owner, gone_firm),
    }
    admin = u["claimant firm admin"]
    for name in ("draft", "issued, firm defends", "issued, defendant in person"):
        claim = c[name]
        assignments.assign(claim, to=u["assigned solicitor"], actor=admin)
        for user in (u["shared with"], u["removed member"], u["suspended member"]):
            assignments.share(claim, to=user, actor=admin)
    for claim in c.values():
        if claim.issue_date:
            ClaimDocument.objects.create(claim=claim, kind=DocumentKind.SEALED_CLAIM, status=DocumentStatus.READY,
                                         content=b"%PDF-1.7 sealed", created_at=uk(2026, 10, 2, 9))
    FirmMembership.objects.filter(user=u["removed member"]).update(state=MemberState.REMOVED)
    FirmMembership.objects.filter(user=u["suspended member"]).update(state=MemberState.SUSPENDED)
    Firm.objects.filter(pk=gone_firm.pk).update(state=FirmState.SUSPENDED)
    ours = {"draft", "issued, firm defends", "issued, defendant in person"}
    issued = {"issued, firm defends", "issued, defendant in person", "issued, suspended firm"}
    sees = {role: set() for role in ROLES}
    for role in ("assigned solicitor", "sees all", "shared with"):
        sees[role] = ours
    sees["defendant's firm member"] = {"issued, firm defends"}
    sees["defendant in person"] = {"issued, defendant in person"}
    sees["court staff"] = issued
    return World(u, c, sees)


#: The pages every reader entitled to the claim reaches (the claim's page holds its timeline).
def core_pages(name: str, claim: Claim, role: str) -> list[str]:
    pages = ["claims:detail"]
    if claim.state == ClaimState.DRAFT:
        pages.append("drafting:task_list")
    else:
        pages.append("claims:document")
    if role == "defendant in person":
        pages.append("responses:claim")
    return pages


@pytest.mark.parametrize("role", ROLES)
def test_every_claim_url_for_every_role(client, make_user, role):
    world = build_world(make_user)
    patterns = claim_url_patterns()
    assert {"claims:detail", "claims:document", "casework:allocation", "drafting:task_list",
            "responses:claim"} <= {name for name, _ in patterns}
    client.force_login(world.users[role])
    if role == "member of a suspended firm":  # firms.middleware: nothing but the firm's status page
        for claim_id in [uuid.uuid4(), *(claim.public_id for claim in world.claims.values())]:
            for name, route in patterns:
                response = client.get(path_of(route, claim_id))
                assert (response.status_code, response["Location"]) == (302, "/firm/status/"), name
        return
    missing = {name: client.get(path_of(route, uuid.uuid4())).status_code for name, route in patterns}
    assert set(missing.values()) <= {404, 405}, missing
    wrong: list[str] = []
    for claim_name, claim in world.claims.items():
        entitled = claim_name in world.sees[role]
        for name, route in patterns:
            got = client.get(path_of(route, claim.public_id)).status_code
            if got >= 500:
                wrong.append(f"{name} on the {claim_name} claim: {got}")
            elif name == "casework:allocation":
                allocates = role == "claimant firm admin" and claim_name != "issued, suspended firm" or (
                    role == "defendant's firm member" and claim_name == "issued, firm defends")
                if (got != 404) != allocates:
                    wrong.append(f"{name} on the {claim_name} claim: {got} (allocates: {allocates})")
            elif not entitled and got != missing[name]:
                wrong.append(f"{name} on the {claim_name} claim: {got}, not {missing[name]} as for no claim")
            elif entitled and name in core_pages(claim_name, claim, role) and got == 404:
                wrong.append(f"{name} on the {claim_name} claim: 404 for a reader entitled to it")
    assert not wrong, "\n".join(wrong)


"""Starting a claim and the task list (form OCON1, PD 51R 4.1).

The start page needs the eligibility checker passed (PD 51R 2.1(3)); starting makes the
draft. The task list shows each section of the claim form as completed, not started yet, or
not available until the amount is entered (interest).
"""
from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from claims import ocon1, services
from claims.models import Claim
from eligibility import session as eligibility  # the eligibility checker's answers, in the session
from rules.money import format_money

from .. import figures
from .common import SECTION_PAGES, _page, _section, _url, draft_page


def _display_name(section: dict[str, Any]) -> str:
    """A party's name as the claim form shows it ("Mr Sam Smith", "Sam Smith trading as …", "Acme Ltd")."""
    keys = ("type", "title", "full_name", "trading_name", "name")
    values = {key: str(section.get(key) or "").strip() for key in keys}
    return ocon1.Party(address=ocon1.Address("", "", "", ""), **values).display_name


@login_required
@require_http_methods(["GET", "POST"])
def start(request: HttpRequest) -> HttpResponse:
    """Make a money claim: what you will need; starting makes the draft."""
    if not eligibility.passed(request):
        return redirect("eligibility:start")
    if request.method == "POST":
        claim = services.claim_draft_create(owner=request.user, data={"eligibility": eligibility.answers(request)})
        return redirect("drafting:task_list", public_id=claim.public_id)
    return render(request, "claims/drafting/start.html", {})


@draft_page
def task_list(request: HttpRequest, claim: Claim) -> HttpResponse:
    data = claim.draft_data
    status = ocon1.section_status(data)
    amount = figures.principal(data)
    hints = {
        "claimant": _display_name(_section(claim, "claimant")) if status["claimant"] else "",
        "defendant": ocon1.defendant_name(data) if status["defendant"] else "",
        "amount": f"Total: {format_money(amount)}" if amount is not None else "",
        "interest": figures.interest_summary(data),
        "reference": str(_section(claim, "representation").get("claimant_reference") or ""),
        "defendant_representation": ocon1.REPRESENTATION_LABELS.get(ocon1.representation_answer(data), ""),
    }
    sections = []
    for key, title in ocon1.sections(data):
        if status[key]:
            state = "completed"
        elif key == "interest" and not status["amount"]:
            state = "cannot_start"
        else:
            state = "incomplete"
        sections.append(
            {
                "key": key,
                "title": title,
                "url": "" if state == "cannot_start" else _url(SECTION_PAGES[key], claim),
                "state": state,
                "hint": hints.get(key, "") if state == "completed" else "",
            }
        )
    done = sum(1 for value in status.values() if value)
    return _page(
        request,
        "task_list.html",
        claim,
        {
            "sections": sections,
            "completed_count": done,
            "section_count": len(sections),
            "all_complete": done == len(sections),
        },
    )

"""Paid, settled, discontinued; the register of judgments (MCOL guides 003 and 004, CCJ-28).

The claim of ``tests.responses.conftest``: issued on Monday 1 March 2027, its defendant Dan linked
online. Judgment in default is asked for at 4pm on Monday 22 March 2027 (the response deadline): the
request counts as received on Tuesday 23 March (14.1(1)), the date of the judgment, so its 28 days
(CCJ-28) end at 4pm on Tuesday 20 April 2027.
"""
from __future__ import annotations

import io
import re
from datetime import date
from typing import Any

import pytest
from django.urls import reverse
from pypdf import PdfReader

from claims.constants import ClaimState
from claims.errors import ClaimError, NotAllowed
from claims.models import Claim
from claims.policy import Action, allowed_actions, can
from court.models import Notification
from court.sweeps import run_sweep
from documents.models import ClaimDocument, DocumentKind, DocumentStatus
from judgments import closing, services
from judgments.models import Judgment, JudgmentState
from rules.money import format_money
from tests.conftest import uk
from tests.responses.test_services import respond

pytestmark = pytest.mark.django_db

JUDGMENT_AT = uk(2027, 3, 22, 16, 0)
REGISTER_DEADLINE = uk(2027, 4, 20, 16, 0)

#: Every sweep that acts on a claim's own deadlines, or on its judgment's register window.
CLAIM_SWEEPS = [
    "responses.remind_defendants", "responses.no_response", "responses.stay_after_6_months",
    "responses.pay_immediately_window", "judgments.claimant_silent", "judgments.register_window",
]


def judged(claim: Claim, travel: Any) -> Judgment:
    travel(JUDGMENT_AT, tick=False)
    return services.judgment_default_request(claim_id=claim.pk, actor=claim.owner)


def kinds(claim: Claim) -> list[str]:
    return list(claim.events.values_list("kind", flat=True))


def mails(kind: str) -> dict[str, Notification]:
    """The notifications of ``kind``, by the address they went to."""
    return {n.to_email: n for n in Notification.objects.filter(kind=kind)}


def pdf_text(pdf: bytes) -> str:
    assert pdf.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(pdf))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages)).strip()


def date_post(name: str, day: date, **extra: str) -> dict[str, str]:
    return {f"{name}_day": str(day.day), f"{name}_month": str(day.month), f"{name}_year": str(day.year), **extra}


# -- before judgment: paid or settled ------------------------------------------------------------------


def test_paid_in_full_before_judgment_closes_the_claim(linked, travel):
    claim, dan = linked
    travel(uk(2027, 3, 10, 11, 0), tick=False)
    events_before = claim.events.count()

    closed = closing.claim_mark_settled(claim_id=claim.pk, actor=claim.owner, how="paid",
                                        received_on=date(2027, 3, 8))

    claim.refresh_from_db()
    assert closed.pk == claim.pk and claim.state == ClaimState.SETTLED
    assert claim.closed_on == date(2027, 3, 10)
    assert claim.closed_reason == "Paid in full: the claimant received the money on 8 March 2027"
    assert all(getattr(claim, name) is None for name in closing.CLAIM_DEADLINES)
    event = claim.events.get(kind="claim_settled")
    assert "paid in full (the money was received on 8 March 2027)" in event.summary
    assert event.actor == claim.owner and event.data == {"how": "paid", "received_on": "2027-03-08"}
    told = mails("closing_settled")
    assert set(told) == {claim.owner.email, dan.email}
    assert "received the money on 8 March 2027" in told[dan.email].body
    assert "You do not need to respond" in told[dan.email].body
    assert told[claim.owner.email].subject == f"Claim {claim.claim_number} has been paid: the claim is closed"
    assert not ({Action.CLOSE_CLAIM, Action.REQUEST_DEFAULT_JUDGMENT} & allowed_actions(claim.owner, claim))
    assert not can(dan, claim, Action.RESPOND)

    # A double click: the same claim, nothing more recorded or sent.
    again = closing.claim_mark_settled(claim_id=claim.pk, actor=claim.owner, how="settled",
                                       received_on=date(2027, 3, 9))
    assert again.state == ClaimState.SETTLED and again.closed_reason == claim.closed_reason
    assert claim.events.count() == events_before + 1
    assert Notification.objects.filter(kind="closing_settled").count() == 2

    # Long after every deadline it had: no sweep touches the closed claim.
    sent = Notification.objects.count()
    travel(uk(2027, 10, 1, 9, 0), tick=False)
    for name in CLAIM_SWEEPS:
        run = run_sweep(name)
        assert (run.examined, run.failed) == (0, 0), name
    claim.refresh_from_db()
    assert claim.state == ClaimState.SETTLED and claim.events.count() == events_before + 1
    assert Notification.objects.count() == sent


def test_settled_another_way_after_an_admission_stops_its_deadlines(linked, travel):
    claim, dan = linked
    travel(uk(2027, 3, 10, 11, 0), tick=False)
    respond(claim, dan, details={"phone": "", "date_of_birth": "1980-01-01"},
            response_type={"type": "full_admission"}, payment_option={"option": "immediately"})
    claim.refresh_from_db()
    assert claim.claimant_response_deadline is not None and claim.pay_immediately_deadline is not None

    travel(uk(2027, 3, 12, 9, 0), tick=False)
    closing.claim_mark_settled(claim_id=claim.pk, actor=claim.owner, how="settled", received_on=date(2027, 3, 11))

    claim.refresh_from_db()
    assert claim.state == ClaimState.SETTLED
    assert claim.claimant_response_deadline is None and claim.pay_immediately_deadline is None
    assert claim.closed_reason == "Settled another way on 11 March 2027"
    assert "settled (on 11 March 2027)" in mails("closing_settled")[dan.email].body
    travel(uk(2027, 6, 1, 9, 0), tick=False)
    assert [run_sweep(name).examined for name in CLAIM_SWEEPS] == [0] * len(CLAIM_SWEEPS)
    claim.refresh_from_db()
    assert claim.state == ClaimState.SETTLED


def test_the_date_and_the_party_are_checked(linked, travel):
    claim, dan = linked
    travel(uk(2027, 3, 10, 11, 0), tick=False)
    with pytest.raises(ClaimError, match="today or in the past"):
        closing.claim_mark_settled(claim_id=claim.pk, actor=claim.owner, how="paid", received_on=date(2027, 3, 11))
    with pytest.raises(ClaimError, match="on or after the date the claim was issued, 1 March 2027"):
        closing.claim_mark_settled(claim_id=claim.pk, actor=claim.owner, how="paid", received_on=date(2027, 2, 28))
    with pytest.raises(ClaimError, match="paid in full or settled"):
        closing.claim_mark_settled(claim_id=claim.pk, actor=claim.owner, how="", received_on=date(2027, 3, 9))
    with pytest.raises(NotAllowed):
        closing.claim_mark_settled(claim_id=claim.pk, actor=dan, how="paid", received_on=date(2027, 3, 9))
    with pytest.raises(NotAllowed):
        closing.claim_discontinue(claim_id=claim.pk, actor=dan)
    # The day of issue and today are both fine.
    closing.claim_mark_settled(claim_id=claim.pk, actor=claim.owner, how="paid", received_on=date(2027, 3, 10))
    claim.refresh_from_db()
    assert claim.state == ClaimState.SETTLED


# -- before judgment: discontinued -------------------------------------------------------------------------


def test_discontinue(linked, travel):
    claim, dan = linked
    travel(uk(2027, 3, 10, 11, 0), tick=False)

    closing.claim_discontinue(claim_id=claim.pk, actor=claim.owner, reason="  We sorted   it out  ")

    claim.refresh_from_db()
    assert claim.state == ClaimState.DISCONTINUED
    assert claim.closed_on == date(2027, 3, 10)
    assert claim.closed_reason == "Discontinued by the claimant: We sorted it out"
    assert all(getattr(claim, name) is None for name in closing.CLAIM_DEADLINES)
    assert claim.events.get(kind="claim_discontinued").summary == (
        "The claimant discontinued the claim: We sorted it out")
    told = mails("closing_discontinued")
    assert set(told) == {claim.owner.email, dan.email}
    assert 'They said: "We sorted it out"' in told[dan.email].body
    assert told[dan.email].subject == f"Claim {claim.claim_number} has been discontinued"

    # Twice is harmless; the claim can no longer be marked paid.
    closing.claim_discontinue(claim_id=claim.pk, actor=claim.owner)
    assert Notification.objects.filter(kind="closing_discontinued").count() == 2
    assert claim.events.filter(kind="claim_discontinued").count() == 1
    with pytest.raises(NotAllowed):
        closing.claim_mark_settled(claim_id=claim.pk, actor=claim.owner, how="paid", received_on=date(2027, 3, 9))
    with pytest.raises(ClaimError, match="250 characters or less"):
        closing.claim_discontinue(claim_id=claim.pk, actor=claim.owner, reason="x" * 251)


# -- after judgment: the register (guide 004, CCJ-28) ---------------------------------------------------------


def test_after_judgment_the_claim_cannot_be_closed_only_the_judgment_marked_paid(linked, travel, client):
    claim, dan = linked
    judgment = judged(claim, travel)
    assert judgment.register_removal_deadline == REGISTER_DEADLINE
    claim.refresh_from_db()
    actions = allowed_actions(claim.owner, claim)
    assert Action.CLOSE_CLAIM not in actions and Action.MARK_JUDGMENT_PAID in actions
    with pytest.raises(NotAllowed):
        closing.claim_mark_settled(claim_id=claim.pk, actor=claim.owner, how="paid", received_on=date(2027, 3, 22))
    with pytest.raises(NotAllowed):
        closing.claim_discontinue(claim_id=claim.pk, actor=claim.owner)
    with pytest.raises(NotAllowed):
        closing.judgment_mark_paid(claim_id=claim.pk, actor=dan, paid_on=date(2027, 3, 22))

    client.force_login(claim.owner)
    detail = reverse("claims:detail", args=[claim.public_id])
    for name in ("settled", "discontinue"):
        response = client.get(reverse(f"closing:{name}", args=[claim.public_id]))
        assert response.status_code == 302 and response["Location"] == detail
    page = client.get(reverse("closing:judgment_paid", args=[claim.public_id])).content.decode()
    assert "Tell us the judgment has been paid" in page
    assert "on or before 20 April 2027 (within 28 days of the judgment)" in page


@pytest.mark.parametrize(("paid_on", "removed"), [
    (date(2027, 3, 23), True),   # the day of the judgment
    (date(2027, 4, 20), True),   # the last of the 28 days
    (date(2027, 4, 21), False),  # a day late
])
def test_paid_within_28_days_is_removed_later_is_satisfied(linked, travel, paid_on, removed):
    claim, dan = linked
    judged(claim, travel)
    travel(uk(2027, 4, 22, 9, 0), tick=False)

    assert Judgment.objects.get(claim=claim).state == JudgmentState.ENTERED
    judgment = closing.judgment_mark_paid(claim_id=claim.pk, actor=claim.owner, paid_on=paid_on)

    judgment.refresh_from_db()
    assert judgment.state == (JudgmentState.REMOVED_FROM_REGISTER if removed else JudgmentState.SATISFIED)
    assert judgment.paid_in_full_on == paid_on
    assert judgment.register_removal_deadline is None
    assert (judgment.removed_from_register_at is not None) is removed
    assert (judgment.satisfied_at is not None) is not removed
    assert judgment.register_status == (
        "Removed from the register (paid within 28 days)" if removed else "Marked as satisfied (paid after 28 days)")
    claim.refresh_from_db()
    assert claim.state == ClaimState.JUDGMENT_ENTERED
    event = claim.events.get(kind="judgment_paid")
    outcome = "removed from the register" if removed else "marked as satisfied on the register"
    assert event.summary.startswith("The claimant told the court the judgment was paid in full on ")
    assert outcome in event.summary
    told = mails("register_judgment_paid")
    assert set(told) == {claim.owner.email, dan.email}
    assert ("removed from the register" if removed else "marked as satisfied") in told[dan.email].subject
    assert ("certificate of satisfaction" in told[dan.email].body) is not removed
    assert "certificate" not in told[claim.owner.email].body
    assert Action.MARK_JUDGMENT_PAID not in allowed_actions(claim.owner, claim)
    assert can(dan, claim, Action.REQUEST_CERTIFICATE) is not removed
    assert not can(claim.owner, claim, Action.REQUEST_CERTIFICATE)

    # A double click: the first answer stands.
    again = closing.judgment_mark_paid(claim_id=claim.pk, actor=claim.owner, paid_on=date(2027, 4, 21))
    assert again.paid_in_full_on == paid_on and again.state == judgment.state
    assert Notification.objects.filter(kind="register_judgment_paid").count() == 2
    # The register window is closed: the sweep has nothing to do.
    travel(uk(2027, 5, 1, 9, 0), tick=False)
    assert run_sweep("judgments.register_window").examined == 0


def test_judgment_paid_date_is_checked(linked, travel):
    claim, _ = linked
    judged(claim, travel)
    travel(uk(2027, 4, 1, 9, 0), tick=False)
    with pytest.raises(ClaimError, match="today or in the past"):
        closing.judgment_mark_paid(claim_id=claim.pk, actor=claim.owner, paid_on=date(2027, 4, 2))
    with pytest.raises(ClaimError, match="on or after the date of the judgment, 23 March 2027"):
        closing.judgment_mark_paid(claim_id=claim.pk, actor=claim.owner, paid_on=date(2027, 3, 22))
    assert Judgment.objects.get(claim=claim).paid_in_full_on is None


def test_paid_late_is_satisfied_and_the_defendant_gets_a_certificate(
        linked, travel, django_capture_on_commit_callbacks):
    claim, dan = linked
    judgment = judged(claim, travel)
    travel(uk(2027, 5, 3, 9, 0), tick=False)
    assert run_sweep("judgments.register_window").changed == 1  # the 28 days passed unpaid
    closing.judgment_mark_paid(claim_id=claim.pk, actor=claim.owner, paid_on=date(2027, 4, 30))
    judgment.refresh_from_db()
    assert judgment.satisfied_at is not None and judgment.removed_from_register_at is None
    assert judgment.state == JudgmentState.SATISFIED
    body = mails("register_judgment_paid")[dan.email].body
    assert "stays on the register of judgments, marked as satisfied" in body
    assert f"/respond/{claim.public_id}/" in body

    travel(uk(2027, 5, 4, 10, 0), tick=False)
    with pytest.raises(NotAllowed):
        closing.judgment_certificate_request(claim_id=claim.pk, actor=claim.owner)
    with django_capture_on_commit_callbacks(execute=True):  # the worker renders it (eager in tests)
        closing.judgment_certificate_request(claim_id=claim.pk, actor=dan)

    judgment.refresh_from_db()
    assert judgment.certificate_requested_at == uk(2027, 5, 4, 10, 0)
    assert claim.events.filter(kind="certificate_requested").count() == 1
    document = ClaimDocument.objects.get(claim=claim, kind=DocumentKind.CERTIFICATE_OF_SATISFACTION)
    assert document.status == DocumentStatus.READY, document.last_error
    text = pdf_text(bytes(document.content))
    for fact in [
        "County Court Business Centre, Online Civil Money Claims",
        "Certificate of satisfaction",
        f"Claim number {claim.claim_number}",
        "Judgment date 23 March 2027",
        "Date of certificate 4 May 2027",
        claim.claimant_name,
        "Dan Defendant",
        "3 Oak Road",
        f"Amount of the judgment {format_money(judgment.total)}",
        "was paid in full on 30 April 2027",
        "The judgment has been satisfied",
        "Dated 4 May 2027",
    ]:
        assert fact in text, f"{fact!r} not in {text}"
    assert PdfReader(io.BytesIO(bytes(document.content))).metadata.title == (
        f"Certificate of satisfaction: claim {claim.claim_number}")
    assert claim.security_code not in text

    # Asking again changes nothing: one certificate, one email.
    closing.judgment_certificate_request(claim_id=claim.pk, actor=dan)
    assert ClaimDocument.objects.filter(claim=claim, kind=DocumentKind.CERTIFICATE_OF_SATISFACTION).count() == 1
    assert Notification.objects.filter(kind="register_certificate_requested", to_email=dan.email).count() == 1


def test_the_register_window_sweep_on_time_twice(linked, travel):
    claim, dan = linked
    judged(claim, travel)
    travel(uk(2027, 4, 20, 15, 59), tick=False)
    assert run_sweep("judgments.register_window").examined == 0
    travel(REGISTER_DEADLINE, tick=False)

    first = run_sweep("judgments.register_window")
    second = run_sweep("judgments.register_window")

    assert (first.examined, first.changed, first.failed) == (1, 1, 0)
    assert (second.examined, second.changed) == (0, 0)
    judgment = Judgment.objects.get(claim=claim)
    assert judgment.register_removal_deadline is None and judgment.state == JudgmentState.ENTERED
    assert judgment.register_status == "On the register of judgments"
    assert [e.summary for e in claim.events.filter(kind="register_window_passed")] == [STAYS]
    told = Notification.objects.get(kind="register_window_passed")
    assert told.to_email == dan.email and "stays on the register of judgments" in told.body
    # The claimant can still tell the court it was paid: now it is marked as satisfied.
    travel(uk(2027, 4, 22, 9, 0), tick=False)
    closing.judgment_mark_paid(claim_id=claim.pk, actor=claim.owner, paid_on=date(2027, 4, 21))
    assert Judgment.objects.get(claim=claim).satisfied_at is not None
    assert Judgment.objects.get(claim=claim).state == JudgmentState.SATISFIED


STAYS = ("The judgment stays on the register: the court was not told it was paid in full within 28 days of the "
         "judgment (by 20 April 2027)")


def test_the_register_window_sweep_late(linked, travel):
    claim, dan = linked
    judged(claim, travel)
    travel(uk(2027, 7, 1, 9, 0), tick=False)

    assert run_sweep("judgments.register_window").changed == 1
    assert run_sweep("judgments.register_window").examined == 0

    assert [e.summary for e in claim.events.filter(kind="register_window_passed")] == [STAYS]
    assert Notification.objects.filter(kind="register_window_passed").count() == 1
    # A payment the claimant reports late but that arrived within the 28 days still removes it.
    closing.judgment_mark_paid(claim_id=claim.pk, actor=claim.owner, paid_on=date(2027, 4, 20))
    assert Judgment.objects.get(claim=claim).removed_from_register_at is not None
    assert Judgment.objects.get(claim=claim).state == JudgmentState.REMOVED_FROM_REGISTER


# -- the pages ------------------------------------------------------------------------------------------------


URL_NAMES = ["settled", "discontinue", "judgment_paid", "certificate"]


@pytest.mark.parametrize("judgment", [False, True])
def test_strangers_get_404_on_every_page(linked, travel, client, make_user, judgment):
    claim, _ = linked
    if judgment:
        judged(claim, travel)
    client.force_login(make_user())
    for name in URL_NAMES:
        url = reverse(f"closing:{name}", args=[claim.public_id])
        assert client.get(url).status_code == 404, name
        assert client.post(url, {"how": "paid"}).status_code == 404, name
    client.logout()
    response = client.get(reverse("closing:settled", args=[claim.public_id]))
    assert response.status_code == 302 and "login" in response["Location"]
    claim.refresh_from_db()
    assert claim.state in (ClaimState.ISSUED, ClaimState.JUDGMENT_ENTERED)


def test_the_parties_are_sent_back_from_pages_not_theirs(linked, travel, client):
    claim, dan = linked
    client.force_login(dan)
    respond_page = reverse("responses:claim", args=[claim.public_id])
    for name in URL_NAMES:
        response = client.post(reverse(f"closing:{name}", args=[claim.public_id]), date_post(
            "received_on", date(2027, 3, 1), how="paid"))
        assert response.status_code == 302 and response["Location"] == respond_page, name
    client.force_login(claim.owner)
    response = client.get(reverse("closing:certificate", args=[claim.public_id]))
    assert response["Location"] == reverse("claims:detail", args=[claim.public_id])
    claim.refresh_from_db()
    assert claim.state == ClaimState.ISSUED


def test_paid_or_settled_page(linked, travel, client):
    claim, _ = linked
    travel(uk(2027, 3, 10, 11, 0), tick=False)
    client.force_login(claim.owner)
    url = reverse("closing:settled", args=[claim.public_id])

    page = client.get(url).content.decode()
    assert "Tell us the claim is paid or settled" in page and "<title>Error" not in page

    page = client.post(url, {}).content.decode()
    assert "<title>Error: Tell us the claim is paid or settled" in page
    assert "Select whether the claim has been paid in full or settled another way" in page
    assert "Enter the date you received the money or settled the claim" in page

    cases = [
        (date(2027, 3, 11), "The date you received the money or settled the claim must be today or in the past"),
        (date(2027, 2, 28), "The date must be on or after the date the claim was issued, 1 March 2027"),
    ]
    for day, message in cases:
        page = client.post(url, date_post("received_on", day, how="paid")).content.decode()
        assert message in page and 'href="#id_received_on_day"' in page
    page = client.post(url, {"how": "paid", "received_on_day": "31", "received_on_month": "2",
                             "received_on_year": "2027"}).content.decode()
    assert "The date must be a real date" in page
    claim.refresh_from_db()
    assert claim.state == ClaimState.ISSUED

    response = client.post(url, date_post("received_on", date(2027, 3, 9), how="paid"))
    assert response.status_code == 302 and response["Location"] == reverse("claims:detail", args=[claim.public_id])
    claim.refresh_from_db()
    assert claim.state == ClaimState.SETTLED
    assert "The claim is closed" in client.get(response["Location"]).content.decode()


def test_discontinue_page(linked, travel, client):
    claim, _ = linked
    travel(uk(2027, 3, 10, 11, 0), tick=False)
    client.force_login(claim.owner)
    url = reverse("closing:discontinue", args=[claim.public_id])

    page = client.get(url).content.decode()
    assert "govuk-warning-text" in page and "You cannot undo this online" in page

    page = client.post(url, {"reason": "x" * 251}).content.decode()
    assert "must be 250 characters or less" in page
    claim.refresh_from_db()
    assert claim.state == ClaimState.ISSUED

    response = client.post(url, {"reason": ""})
    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.state == ClaimState.DISCONTINUED and claim.closed_reason == "Discontinued by the claimant"


def test_judgment_paid_and_certificate_pages(linked, travel, client, django_capture_on_commit_callbacks):
    claim, dan = linked
    judged(claim, travel)
    travel(uk(2027, 5, 3, 9, 0), tick=False)
    client.force_login(claim.owner)
    url = reverse("closing:judgment_paid", args=[claim.public_id])

    page = client.post(url, {}).content.decode()
    assert "<title>Error:" in page and "Enter the date the judgment was paid in full" in page
    page = client.post(url, date_post("paid_on", date(2027, 5, 4))).content.decode()
    assert "The date the judgment was paid in full must be today or in the past" in page
    page = client.post(url, date_post("paid_on", date(2027, 3, 22))).content.decode()
    assert "The date must be on or after the date of the judgment, 23 March 2027" in page
    assert Judgment.objects.get(claim=claim).paid_in_full_on is None

    response = client.post(url, date_post("paid_on", date(2027, 5, 1)))
    assert response.status_code == 302
    assert "marked as satisfied" in client.get(response["Location"]).content.decode()

    client.force_login(dan)
    url = reverse("closing:certificate", args=[claim.public_id])
    page = client.get(url).content.decode()
    assert "Get a certificate of satisfaction" in page and "paid in full on 1 May 2027" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)
    assert response.status_code == 302 and response["Location"] == reverse("responses:claim", args=[claim.public_id])
    page = client.get(url).content.decode()
    download = reverse("claims:document", args=[claim.public_id, DocumentKind.CERTIFICATE_OF_SATISFACTION])
    assert "Your certificate of satisfaction is ready" in page and download in page


# -- the register for court staff (admin) -----------------------------------------------------------------------


def test_staff_see_the_register_of_judgments(linked, travel, client, caseworker):
    claim, _ = linked
    judgment = judged(claim, travel)
    client.force_login(caseworker)
    changelist = reverse("admin:judgments_judgment_changelist")

    page = client.get(changelist).content.decode()
    assert claim.claim_number in page and "On the register of judgments" in page
    assert f"£{judgment.total:,}" in page
    assert claim.claim_number in client.get(changelist, {"q": claim.claim_number}).content.decode()
    assert claim.claim_number not in client.get(changelist, {"q": "999MC999"}).content.decode()
    assert claim.claim_number in client.get(changelist, {"register": "on"}).content.decode()
    assert claim.claim_number not in client.get(changelist, {"register": "removed"}).content.decode()

    travel(uk(2027, 4, 1, 9, 0), tick=False)
    closing.judgment_mark_paid(claim_id=claim.pk, actor=claim.owner, paid_on=date(2027, 3, 31))
    page = client.get(changelist, {"register": "removed"}).content.decode()
    assert claim.claim_number in page and "Removed from the register (paid within 28 days)" in page
    assert claim.claim_number not in client.get(changelist, {"register": "satisfied"}).content.decode()

    change = client.get(reverse("admin:judgments_judgment_change", args=[judgment.pk]))
    assert change.status_code == 200
    assert "Removed from the register (paid within 28 days)" in change.content.decode()
    assert client.post(reverse("admin:judgments_judgment_delete", args=[judgment.pk])).status_code == 403
    for name in ("judgments_settlementagreement_changelist", "judgments_claimantanswer_changelist"):
        assert client.get(reverse(f"admin:{name}")).status_code == 200, name
    assert "Judgments" in client.get(reverse("admin:index")).content.decode()


def test_the_public_cannot_see_the_register_in_the_admin(linked, travel, client):
    claim, _ = linked
    judged(claim, travel)
    client.force_login(claim.owner)
    response = client.get(reverse("admin:judgments_judgment_changelist"))
    assert response.status_code == 302 and "login" in response["Location"]


def test_a_defendant_without_an_account_is_told_by_the_email_on_the_claim_form(issue_claim, travel):
    claim = issue_claim()
    judgment = judged(claim, travel)
    travel(uk(2027, 5, 3, 9, 0), tick=False)
    assert run_sweep("judgments.register_window").changed == 1
    assert Notification.objects.get(kind="register_window_passed").to_email == "dan.pack@example.com"
    closing.judgment_mark_paid(claim_id=claim.pk, actor=claim.owner, paid_on=date(2027, 5, 2))
    body = mails("register_judgment_paid")["dan.pack@example.com"].body
    assert body.startswith("Hello,")
    assert "/respond/ and find the claim with its claim number" in body and str(claim.public_id) not in body
    judgment.refresh_from_db()
    assert judgment.satisfied_at is not None

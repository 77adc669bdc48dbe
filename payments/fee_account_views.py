"""Fee accounts: the firm's administrator's pages (record, list, withdraw), and paying a claim's fee from one.

The firm pages are the administrator's alone: anyone else (a solicitor who does not administer the firm,
another firm, a citizen) gets 404, as for a page that does not exist. A claim is reached only through
``claims.selectors.get_claim_for_user``.
"""
from __future__ import annotations

import uuid
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from accounts.models import FeeAccount, Firm
from accounts.roles import acting_membership
from claims.errors import ClaimError, NotAllowed
from claims.models import Claim
from claims.policy import Action, can, require
from claims.selectors import get_claim_for_user
from claims.stale import why_not

from .fee_accounts import (
    FeeAccountError,
    approved_fee_accounts,
    firm_fee_accounts,
    record_fee_account,
    withdraw_fee_account,
)
from .forms import FeeAccountForm, PayByAccountForm
from .models import LIVE_STATUSES, Payment, PaymentMethod, PaymentStatus
from .services import pay_by_account


def _admin_firm_or_404(request: HttpRequest) -> Firm:
    membership = acting_membership(request.user)
    if membership is None or not membership.is_firm_admin:
        raise Http404("No such page")
    return membership.firm


@login_required
def fee_account_list(request: HttpRequest) -> HttpResponse:
    firm = _admin_firm_or_404(request)
    return render(request, "payments/fee_accounts.html", {"firm": firm, "accounts": list(firm_fee_accounts(firm))})


@login_required
@require_http_methods(["GET", "POST"])
def fee_account_add(request: HttpRequest) -> HttpResponse:
    firm = _admin_firm_or_404(request)
    form = FeeAccountForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            account = record_fee_account(actor=request.user, pba_number=form.cleaned_data["pba_number"],
                                         name=form.cleaned_data["name"])
        except FeeAccountError as exc:
            form.add_error("pba_number", str(exc))
        else:
            messages.success(request, f"Fee account {account.pba_number} recorded. The court will check it: you will "
                                      "get an email when it is approved.")
            return redirect("fee_accounts:list")
    return render(request, "payments/fee_account_add.html", {"firm": firm, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def fee_account_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    firm = _admin_firm_or_404(request)
    account = FeeAccount.objects.filter(pk=pk, firm=firm).first()
    if account is None:
        raise Http404("No such fee account")
    error = ""
    if request.method == "POST":
        try:
            account = withdraw_fee_account(actor=request.user, fee_account_id=account.pk)
        except FeeAccountError as exc:
            error = str(exc)
        else:
            messages.success(request, f"Fee account {account.pba_number} withdrawn. Claims can no longer be paid "
                                      "from it.")
            return redirect("fee_accounts:list")
    elif not account.is_live:
        return redirect("fee_accounts:list")
    return render(request, "payments/fee_account_withdraw.html", {"firm": firm, "account": account, "error": error},
                  status=409 if error else 200)


def _live_account_payment(claim: Claim) -> Payment | None:
    return Payment.objects.filter(claim=claim, method=PaymentMethod.FEE_ACCOUNT, status__in=LIVE_STATUSES).first()


def _paid_redirect(claim: Claim) -> HttpResponse:
    return redirect("payments:fee_account_paid", public_id=claim.public_id)


@login_required
@require_http_methods(["GET", "POST"])
def pay_from_fee_account(request: HttpRequest, public_id: UUID) -> HttpResponse:
    """Choose one of the firm's approved fee accounts and pay the claim's fee from it.

    Each page carries an idempotency key: a double submit pays once. A refusal is shown in the error
    summary (the claim is still to be paid: another account, or later); no answer from the service shows
    "we are checking", with a button that asks again with the same key."""
    claim = _claimants_claim(request, public_id)
    if claim.claimant_firm_id is None:
        raise Http404("Only a claim made by a firm is paid from a fee account")
    key = _key(request.POST.get("idempotency_key", "")) if request.method == "POST" else None
    if request.method == "GET":
        live = _live_account_payment(claim)
        if live is not None:
            return _checking(request, claim, live)
        if not can(request.user, claim, Action.PAY_FEE):
            if claim.payments.filter(method=PaymentMethod.FEE_ACCOUNT, status=PaymentStatus.SUCCESS).exists():
                return _paid_redirect(claim)
            require(request.user, claim, Action.PAY_FEE)  # the claim's page says what happened
    accounts = approved_fee_accounts(claim.claimant_firm_id)
    form = PayByAccountForm(request.POST or None, accounts=accounts)
    retry = Payment.objects.filter(idempotency_key=key, claim=claim).first() if key else None
    if request.method == "POST" and key is None:
        form.add_error(None, "Something went wrong with the page. No money has been taken. Try again.")
    elif request.method == "POST" and (retry is not None or form.is_valid()):
        account_id = retry.fee_account_id if retry is not None else form.cleaned_data["fee_account"].pk
        try:
            payment = pay_by_account(claim_id=claim.pk, actor=request.user, fee_account_id=account_id,
                                     idempotency_key=key)
        except NotAllowed:
            raise  # paid, or moved on, since the page was shown: StaleStepMiddleware
        except ClaimError as exc:
            form.add_error("fee_account", str(exc))
        else:
            if payment.status == PaymentStatus.SUCCESS:
                return _paid_redirect(claim)
            if payment.is_live:  # no answer yet: "we are checking"
                return redirect("payments:fee_account", public_id=claim.public_id)
            form.add_error("fee_account", f"{payment.failure_reason or 'The payment was refused'} "
                                          f"({payment.pba_number}). No money has been taken. Choose another "
                                          "account, or try again later.")
            key = None  # another attempt is a new payment, with a new key
    last = claim.payments.order_by("-created_at", "-pk").first()
    refused = last if request.method == "GET" and last is not None and last.status == PaymentStatus.FAILED \
        and last.method == PaymentMethod.FEE_ACCOUNT else None
    return render(request, "payments/fee_account_pay.html", {
        "claim": claim, "form": form, "accounts": list(accounts), "idempotency_key": key or uuid.uuid4(),
        "card_key": uuid.uuid4(), "refused": refused,
    })


def _claimants_claim(request: HttpRequest, public_id: UUID) -> Claim:
    """The claim, for the claimant's side only (who pays, or may read the claimant's papers: the claimant's firm,
    court staff). The defendant and their firm see the claim, never how its fee was paid: 404, as for a claim
    that does not exist."""
    claim = get_claim_for_user(request.user, public_id)
    if not (can(request.user, claim, Action.PAY_FEE) or can(request.user, claim, Action.CLAIMANT_DOCUMENTS)):
        raise Http404("No such claim")
    return claim


def _key(value: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(value)
    except ValueError:
        return None


def _checking(request: HttpRequest, claim: Claim, payment: Payment) -> HttpResponse:
    return render(request, "payments/fee_account_checking.html", {"claim": claim, "payment": payment})


@login_required
def fee_account_paid(request: HttpRequest, public_id: UUID) -> HttpResponse:
    """The confirmation: the fee was paid from the fee account (its PBA number and the firm's reference)."""
    claim = _claimants_claim(request, public_id)
    payment = claim.payments.filter(method=PaymentMethod.FEE_ACCOUNT, status=PaymentStatus.SUCCESS).first()
    if payment is None:
        messages.info(request, why_not(claim, Action.PAY_FEE) if not can(request.user, claim, Action.PAY_FEE)
                      else "The fee has not been paid from a fee account yet.")
        return redirect("claims:detail", public_id=claim.public_id)
    return render(request, "payments/fee_account_paid.html", {"claim": claim, "payment": payment})

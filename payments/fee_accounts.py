"""A firm's fee accounts (Payment by Account): recorded by the firm's administrator, approved or rejected by
court staff, withdrawn by the administrator. Claims are paid from an approved one
(``payments.services.pay_by_account``).

Each step locks the account (and, to record one, the firm), checks who may act, moves the account's state
machine (``accounts.models.FeeAccount``) and emails the firm's administrators, in one transaction.
"""
from __future__ import annotations

import re
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import QuerySet

from accounts.models import (
    FeeAccount,
    FeeAccountState,
    Firm,
    FirmMembership,
    FirmState,
    MemberState,
)
from accounts.roles import acting_membership
from court.notifications import notify
from ocmc import clock

#: The permission court staff need to approve or reject a fee account (caseworkers have it).
DECIDE_PERMISSION = "accounts.change_feeaccount"


class FeeAccountError(Exception):
    """The step cannot be taken; the message says why, for the person who tried."""


def normalise_pba(value: str) -> str:
    """ "pba 001 2345" → "PBA0012345" (spaces and hyphens dropped, letters in capitals)."""
    return re.sub(r"[\s-]", "", value or "").upper()


def is_pba_number(value: str) -> bool:
    return re.fullmatch(r"PBA[0-9]{7}", value) is not None


def _admin_firm(actor: Any) -> Firm:
    membership = acting_membership(actor)
    if membership is None or not membership.is_firm_admin:
        raise FeeAccountError("Only your firm's administrator can manage its fee accounts.")
    return membership.firm


def may_decide(actor: Any) -> bool:
    """Court staff who approve or reject fee accounts."""
    return bool(getattr(actor, "is_staff", False)) and actor.has_perm(DECIDE_PERMISSION)


def firm_fee_accounts(firm: Firm) -> QuerySet[FeeAccount]:
    """Every fee account the firm has recorded: live ones first, newest first."""
    return FeeAccount.objects.filter(firm=firm).order_by("-created_at", "-pk")


def approved_fee_accounts(firm_id: int | None) -> QuerySet[FeeAccount]:
    """The accounts a claim made by the firm may be paid from."""
    return FeeAccount.objects.filter(firm_id=firm_id, state=FeeAccountState.APPROVED).order_by("pba_number")


def _tell_admins(account: FeeAccount, kind: str, **context: Any) -> None:
    admins = FirmMembership.objects.filter(
        firm_id=account.firm_id, is_firm_admin=True, state=MemberState.ACTIVE,
    ).select_related("user")
    for membership in admins:
        notify(kind=kind, to_email=membership.user.email, user=membership.user,
               context={"account": account, "firm": account.firm, "member": membership.user, **context})


def record_fee_account(*, actor: Any, pba_number: str, name: str = "") -> FeeAccount:
    """The firm's administrator records a fee account; it waits for the court to approve it. Recording the same
    number again while the firm's own record of it is live (a double submit) returns that record."""
    number = normalise_pba(pba_number)
    if not is_pba_number(number):
        raise FeeAccountError("Enter a PBA number in the correct format, like PBA0012345")
    with transaction.atomic():
        firm = _admin_firm(actor)
        firm = Firm.objects.select_for_update().get(pk=firm.pk)
        if firm.state != FirmState.APPROVED:
            raise FeeAccountError("Your firm must be approved by the court before it records fee accounts.")
        live = FeeAccount.objects.filter(pba_number=number, state__in=(FeeAccountState.PENDING,
                                                                       FeeAccountState.APPROVED)).first()
        if live is not None and live.firm_id == firm.pk:
            return live
        if live is not None:
            raise FeeAccountError("This PBA number is already recorded on the service")
        try:
            with transaction.atomic():
                account = FeeAccount.objects.create(
                    firm=firm, pba_number=number, name=name.strip()[:100], recorded_by=actor, created_at=clock.now(),
                )
        except IntegrityError as exc:  # recorded at the same moment by another request
            raise FeeAccountError("This PBA number is already recorded on the service") from exc
        _tell_admins(account, "fee_account_recorded", recorded_by=actor)
    return account


def _locked(fee_account_id: int) -> FeeAccount:
    account = FeeAccount.objects.select_for_update().select_related("firm").filter(pk=fee_account_id).first()
    if account is None:
        raise FeeAccountError("This fee account no longer exists.")
    return account


def withdraw_fee_account(*, actor: Any, fee_account_id: int) -> FeeAccount:
    """The firm's administrator stops using a fee account (waiting for approval, or approved)."""
    with transaction.atomic():
        firm = _admin_firm(actor)
        account = _locked(fee_account_id)
        if account.firm_id != firm.pk:
            raise FeeAccountError("This fee account belongs to another firm.")
        if account.state == FeeAccountState.WITHDRAWN:
            return account  # a second press
        if not account.is_live:
            raise FeeAccountError("Only an account waiting for approval, or approved, can be withdrawn.")
        account.withdraw()
        account.save()
        _tell_admins(account, "fee_account_withdrawn", withdrawn_by=actor)
    return account


def _decide(actor: Any, fee_account_id: int, *, approve: bool, reason: str = "") -> FeeAccount:
    """Court staff decide a pending fee account; the same decision pressed again changes nothing."""
    verb, outcome = ("approve", FeeAccountState.APPROVED) if approve else ("reject", FeeAccountState.REJECTED)
    with transaction.atomic():
        if not may_decide(actor):
            raise FeeAccountError(f"Only court staff who decide fee accounts can {verb} one.")
        account = _locked(fee_account_id)
        if account.state == outcome:
            return account  # a second press
        if account.state != FeeAccountState.PENDING:
            raise FeeAccountError(f"This fee account is {account.get_state_display().lower()}: it cannot be {verb}d.")
        if approve:
            account.approve()
        else:
            account.reject()
            account.decision_reason = reason[:500]
        account.decided_at = clock.now()
        account.decided_by = actor
        account.save()
        if approve:
            _tell_admins(account, "fee_account_approved")
        else:
            _tell_admins(account, "fee_account_rejected", reason=account.decision_reason)
    return account


def approve_fee_account(*, actor: Any, fee_account_id: int) -> FeeAccount:
    """Court staff approve a fee account: the firm's claims may be paid from it."""
    return _decide(actor, fee_account_id, approve=True)


def reject_fee_account(*, actor: Any, fee_account_id: int, reason: str) -> FeeAccount:
    """Court staff reject a fee account, saying why (the firm's administrators are told)."""
    reason = (reason or "").strip()
    if not reason:
        raise FeeAccountError("Enter why the fee account is rejected")
    return _decide(actor, fee_account_id, approve=False, reason=reason)

"""The firm's pages: registering a firm, its status, its administrator's pages for its users and invitations, and a
solicitor's notice of change (PD 51R 21).

Who may open what: registering, any signed-in person who is not court staff and not in a firm; the status page,
any member of the firm (not removed); the users and invitations pages, an active administrator of an approved
firm only (403 for anyone else), and a member or invitation of another firm is not found (404); the notice of
change, an active solicitor of an approved firm (404 for anyone else). The pages call ``firms.services``; a
``FirmError`` it raises is shown on the page.
"""
from __future__ import annotations

from typing import Any

from allauth.account.adapter import get_adapter as get_account_adapter
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_http_methods

from accounts.adapter import firm_home_url
from accounts.models import FirmInvitation, FirmMembership, FirmState, InvitationState, MemberState, User
from accounts.roles import acting_membership, membership_of
from ocmc.govuk_forms import error_items

from . import services
from .forms import ConfirmForm, InviteForm, NoticeOfChangeForm, RegisterFirmForm, RolesForm, roles_initial
from .mfa import needs_authenticator_app
from .services import FirmError, Roles


def _admin(request: HttpRequest) -> FirmMembership:
    membership = acting_membership(request.user)
    if membership is None or not membership.is_firm_admin:
        raise PermissionDenied("Only the firm's administrator can manage its users")
    return membership


def _member(request: HttpRequest, pk: int) -> tuple[FirmMembership, FirmMembership]:
    admin = _admin(request)
    member = services.member_of_firm(admin.firm, pk)
    if member is None:
        raise Http404("No such user in your firm")
    return admin, member


def _page(request: HttpRequest, template: str, context: dict[str, Any], *forms_: Any) -> HttpResponse:
    return render(request, template, {"errors": error_items(*forms_), **context})


@login_required
@require_http_methods(["GET", "POST"])
def register(request: HttpRequest) -> HttpResponse:
    if request.user.is_staff:
        raise PermissionDenied("Court staff cannot register a firm")
    if not services.may_register(request.user):
        return redirect("firms:status")
    form = RegisterFirmForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        try:
            services.register_firm(request.user, **form.cleaned_data)
        except FirmError as exc:
            form.add_error(None, str(exc))
        else:
            return redirect("firms:status")
    return _page(request, "firms/register.html", {"form": form}, form)


@login_required
def status(request: HttpRequest) -> HttpResponse:
    membership = membership_of(request.user)
    if membership is None or membership.state == MemberState.REMOVED:
        raise Http404("You are not a member of a firm")
    home = firm_home_url(request.user) if acting_membership(request.user) else ""
    return render(request, "firms/status.html", {
        "membership": membership, "firm": membership.firm, "FirmState": FirmState, "MemberState": MemberState,
        "home_url": home if home != request.path else "",
        "may_manage": acting_membership(request.user) is not None and membership.is_firm_admin,
    })


@login_required
def users(request: HttpRequest) -> HttpResponse:
    admin = _admin(request)
    return render(request, "firms/users.html", {
        "firm": admin.firm, "members": services.members_of(admin.firm), "me": admin,
        "invitation_count": len(services.open_invitations(admin.firm)),
    })


@login_required
@require_http_methods(["GET", "POST"])
def invite(request: HttpRequest) -> HttpResponse:
    admin = _admin(request)
    form = InviteForm(request.POST if request.method == "POST" else None,
                      initial={"roles": roles_initial(Roles())})
    if form.is_bound and form.is_valid():
        try:
            services.invite(request.user, admin.firm, form.cleaned_data["email"], form.cleaned_data["roles"])
        except FirmError as exc:
            form.add_error("email", str(exc))
        else:
            messages.success(request, f"Invitation sent to {form.cleaned_data['email']}")
            return redirect("firms:invitations")
    return _page(request, "firms/invite.html", {"form": form, "firm": admin.firm}, form)


@login_required
def member(request: HttpRequest, pk: int) -> HttpResponse:
    admin, member = _member(request, pk)
    return render(request, "firms/member.html", {"firm": admin.firm, "member": member, "me": admin})


@login_required
@require_http_methods(["GET", "POST"])
def member_roles(request: HttpRequest, pk: int) -> HttpResponse:
    """Choose the roles, then confirm them (the second post carries ``confirm``)."""
    admin, member = _member(request, pk)
    form = RolesForm(request.POST if request.method == "POST" else None,
                     initial={"roles": roles_initial(Roles.of(member))})
    if form.is_bound and form.is_valid():
        roles: Roles = form.cleaned_data["roles"]
        if request.POST.get("confirm") != "yes":
            return render(request, "firms/member_roles_confirm.html", {
                "firm": admin.firm, "member": member, "roles": roles, "chosen": roles_initial(roles),
                "labels": _labels(roles), "errors": [],
            })
        try:
            services.set_roles(request.user, member, admin=roles.admin, solicitor=roles.solicitor,
                               sees_all=roles.sees_all)
        except FirmError as exc:
            form.add_error("roles", str(exc))
        else:
            messages.success(request, f"{member.user.display_name}'s roles are changed")
            return redirect("firms:member", member.pk)
    return _page(request, "firms/member_roles.html", {"firm": admin.firm, "member": member, "form": form}, form)


def _labels(roles: Roles) -> list[str]:
    return [label for on, label in ((roles.admin, "Firm administrator"), (roles.solicitor, "Solicitor"),
                                    (roles.sees_all, "Sees all the firm's cases")) if on]


_MEMBER_STEPS = {
    "suspend": ("Suspend {name}", "Suspend this user", services.suspend_member, "{name} is suspended"),
    "reinstate": ("Reinstate {name}", "Reinstate this user", services.reinstate_member, "{name} is reinstated"),
    "remove": ("Remove {name} from the firm", "Remove this user", services.remove_member,
               "{name} is removed from the firm"),
}


@login_required
@require_http_methods(["GET", "POST"])
def member_step(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    """Suspend, reinstate or remove a member: a confirmation page, then the step."""
    admin, member = _member(request, pk)
    title, button, run, done = _MEMBER_STEPS[step]
    name = member.user.display_name
    form = ConfirmForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        try:
            result = run(request.user, member)
        except FirmError as exc:
            form.add_error(None, str(exc))
        else:
            text = done.format(name=name)
            if isinstance(result, list) and result:
                text += f": {len(result)} case{'s' if len(result) != 1 else ''} went back to unassigned"
            messages.success(request, text)
            if member.user_id == request.user.pk:
                return redirect("firms:status")  # what is left of their access
            if step == "remove":
                return redirect("firms:users")
            return redirect("firms:member", member.pk)
    return _page(request, "firms/member_step.html", {
        "firm": admin.firm, "member": member, "step": step, "title": title.format(name=name), "button": button,
        "form": form, "is_me": member.user_id == request.user.pk,
    }, form)


@login_required
def invitations(request: HttpRequest) -> HttpResponse:
    admin = _admin(request)
    return render(request, "firms/invitations.html", {
        "firm": admin.firm, "invitations": services.open_invitations(admin.firm),
    })


def _invitation(request: HttpRequest, pk: int) -> tuple[FirmMembership, FirmInvitation]:
    admin = _admin(request)
    invitation = FirmInvitation.objects.filter(pk=pk, firm=admin.firm, state=InvitationState.SENT).first()
    if invitation is None:
        raise Http404("No such invitation")
    return admin, invitation


@login_required
@require_http_methods(["GET", "POST"])
def invitation_step(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    """Send an invitation again, or withdraw it: a confirmation page, then the step."""
    admin, invitation = _invitation(request, pk)
    form = ConfirmForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        try:
            if step == "resend":
                services.resend(request.user, invitation)
            else:
                services.revoke(request.user, invitation)
        except FirmError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"Invitation {'sent again' if step == 'resend' else 'withdrawn'}: "
                                      f"{invitation.email}")
            return redirect("firms:invitations")
    return _page(request, "firms/invitation_step.html", {
        "firm": admin.firm, "invitation": invitation, "step": step, "form": form,
    }, form)


@require_http_methods(["GET", "POST"])
def accept(request: HttpRequest, token: str) -> HttpResponse:
    """The invitation's link. Someone not signed in is asked to sign in or create an account with the invited
    address (which the link proves they own, so it needs no confirmation email); then they accept."""
    invitation = services.invitation_for(token)
    problem = services.invitation_problem(invitation)
    user = request.user
    if problem == "used" and invitation is not None and invitation.accepted_by_id == getattr(user, "pk", None):
        return redirect(firm_home_url(user) or "firms:status")  # accepted already (a second press)
    if problem:
        return render(request, "firms/invitation_problem.html",
                      {"message": services.problem_message(problem), "problem": problem},
                      status=404 if problem == "unknown" else 410)
    assert invitation is not None
    here = request.path
    context: dict[str, Any] = {"invitation": invitation, "firm": invitation.firm,
                               "labels": _labels(Roles.of(invitation)), "errors": []}
    if not user.is_authenticated:
        get_account_adapter(request).stash_verified_email(request, invitation.email)
        query = urlencode({"next": here})
        context.update(login_url=f"{reverse('account_login')}?{query}",
                       signup_url=f"{reverse('account_signup')}?{query}")
        return render(request, "firms/invitation_sign_in.html", context)
    if user.email.lower() != invitation.email.lower() or user.is_staff or membership_of(user) is not None:
        return render(request, "firms/invitation_wrong_account.html", context, status=403)
    form = ConfirmForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        try:
            services.accept(user, token)
        except FirmError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"You have joined {invitation.firm.name}")
            fresh = User.objects.get(pk=user.pk)  # request.user has cached "no membership"
            if needs_authenticator_app(fresh):
                return redirect("mfa_activate_totp")
            return redirect(firm_home_url(fresh) or "firms:status")
    context.update(form=form, errors=error_items(form))
    return render(request, "firms/invitation_accept.html", context)


#: Failed notices of change (no claim, or no party, matched) allowed per account in ``NOTICE_WINDOW_SECONDS``: the
#: client's name is what proves the solicitor knows the claim, so it is not to be guessed.
NOTICE_FAILURES = 10
NOTICE_WINDOW_SECONDS = 15 * 60
NOTICE_BLOCKED = ("You have entered a claim number and name that do not match too many times. Wait 15 minutes and "
                  "try again.")


def _notice_key(request: HttpRequest) -> str:
    return f"notice-of-change:user:{request.user.pk}"


def _notice_failed(request: HttpRequest) -> None:
    key = _notice_key(request)
    if not cache.add(key, 1, NOTICE_WINDOW_SECONDS):
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, NOTICE_WINDOW_SECONDS)


@login_required
@require_http_methods(["GET", "POST"])
def notice_of_change(request: HttpRequest) -> HttpResponse:
    """A solicitor files a notice of change for a client on a claim (PD 51R 21): it takes effect at once, and the
    solicitor lands on the claim's page. A refusal is shown on the form (``services.NoticeRefused``)."""
    membership = acting_membership(request.user)
    if membership is None or not membership.is_solicitor:
        raise Http404("Only a solicitor of a registered firm can file a notice of change")
    form = NoticeOfChangeForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        if (cache.get(_notice_key(request)) or 0) >= NOTICE_FAILURES:
            form.add_error("claim_number", NOTICE_BLOCKED)
        else:
            try:
                notice = services.notice_of_change_file(request.user, **form.cleaned_data)
            except FirmError as exc:
                if str(exc) == services.NO_MATCH:
                    _notice_failed(request)
                form.add_error("client_name", str(exc))
            else:
                where = (" The claim now leaves the online service to continue in the CNBC (PD 51R 21.1(3))."
                         if notice.sent_out_reason else
                         " The case is in your firm's unassigned cases, shared with you until it is allocated.")
                messages.success(request, f"Notice of change filed: {membership.firm.name} now acts for "
                                          f"{notice.party_name}, the {notice.side}, on claim "
                                          f"{notice.claim.claim_number}.{where}")
                return redirect("claims:detail", public_id=notice.claim.public_id)
    return _page(request, "firms/notice_of_change.html", {"form": form, "firm": membership.firm}, form)

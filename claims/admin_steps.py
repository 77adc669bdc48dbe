"""The staff steps other apps add to a claim's admin page: one registry of providers.

claims sits low in the layers (rules → … → claims → payments → responses → defended → judgments),
so ``claims.admin`` cannot import the apps whose steps appear on a claim's page. Instead each
such app subclasses :class:`ClaimSteps` and registers it here from its own ``admin`` module
(``defended.admin``, ``judgments.admin``)::

    from claims import admin_steps

    @admin_steps.register                        # or admin_steps.register(DefendedClaimSteps)
    class DefendedClaimSteps(admin_steps.ClaimSteps):
        order = 10
        def steps(self, request, claim): ...     # the buttons: (label, url)
        def context(self, request, claim): ...   # what the claim's page template shows
        def urls(self): ...                      # the step pages

Django's admin imports every installed app's ``admin`` module when the project starts
(``django.contrib.admin``'s autodiscovery, in its ``ready()``), so every provider is registered
before the admin builds its URLs or serves a page. ``claims.admin.ClaimAdmin`` binds each
registered provider to itself (``providers(model_admin)``) and, on a claim's page, offers the
steps of all of them (after its own Help with Fees step), adds each one's context for the
template, and serves each one's pages under ``/admin/claims/claim/<pk>/…`` with URL names
``admin:claims_claim_<name>``. Providers come in ``order`` (then in the order they registered).

A step page follows one pattern (``ClaimSteps.step_page``): the claim, or 404; the step allowed
now (``claims.policy.can``), or back to the claim with a message; the form; the service, whose
refusal is shown as the form's error; done, a message and back to the claim.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path

from .errors import ClaimError
from .models import Claim
from .policy import Action, can


class ClaimSteps:
    """A provider of extra staff steps on a claim's admin page, bound to ``ClaimAdmin``."""

    #: Where this provider's steps come among the others' (lowest first).
    order = 100

    def __init__(self, model_admin: Any) -> None:
        self.model_admin = model_admin
        self.admin_site = model_admin.admin_site

    def has_view_permission(self, request: HttpRequest, claim: Claim) -> bool:
        return self.model_admin.has_view_permission(request, claim)

    def steps(self, request: HttpRequest, claim: Claim) -> list[tuple[str, str]]:
        """The buttons this staff member may press on this claim now: (label, url)."""
        return []

    def context(self, request: HttpRequest, claim: Claim) -> dict[str, Any]:
        """Entries for the claim page's template (``admin/claims/claim/change_form.html``)."""
        return {}

    def urls(self) -> list[Any]:
        """The step pages (``pages(...)`` builds them)."""
        return []

    def pages(self, pages: list[tuple[str, Callable[..., HttpResponse], str]]) -> list[Any]:
        """(slug, view, name) → ``<pk>/<slug>/``, staff only, named ``admin:claims_claim_<name>``."""
        return [path(f"<int:pk>/{slug}/", self.admin_site.admin_view(view), name=f"claims_claim_{name}")
                for slug, view, name in pages]

    def step_page(self, request: HttpRequest, pk: int, *, action: Action, title: str, make_form: Callable[..., Any],
                  run: Callable[[Claim, dict[str, Any]], str], submit: str,
                  intro: Callable[[Claim], list[str]] | None = None, allowed: Callable[[Claim], bool] | None = None,
                  context: dict[str, Any] | None = None) -> HttpResponse:
        """One step's page: ``make_form(post, files, claim=claim)`` builds the form, ``run(claim, cleaned_data)``
        calls the service and says what was done; a ``ClaimError`` it raises is shown on the form."""
        claim = Claim.objects.filter(pk=pk).first()
        if claim is None or not self.has_view_permission(request, claim):
            raise Http404("No such claim")
        if not can(request.user, claim, action) or (allowed is not None and not allowed(claim)):
            messages.error(request, f"{title}: this claim is not waiting for that, or you cannot do it.")
            return redirect("admin:claims_claim_change", claim.pk)
        posted = request.method == "POST"
        # Bound on every POST, even an empty one (a confirmation, or nothing chosen: then its errors show).
        form = make_form(request.POST if posted else None, request.FILES if posted else None, claim=claim)
        if posted and form.is_valid():
            try:
                done = run(claim, form.cleaned_data)
            except ClaimError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, done)
                return redirect("admin:claims_claim_change", claim.pk)
        page = {
            **self.admin_site.each_context(request), "title": title, "claim": claim, "form": form, "submit": submit,
            "intro": intro(claim) if intro else [], "opts": Claim._meta, **(context or {}),
        }
        return TemplateResponse(request, "admin/claims/claim/staff_step.html", page)


_registry: list[type[ClaimSteps]] = []


def register(provider: type[ClaimSteps]) -> type[ClaimSteps]:
    """Add a provider (once; registering it again changes nothing). Usable as a class decorator."""
    if provider not in _registry:
        _registry.append(provider)
    return provider


def providers(model_admin: Any) -> list[ClaimSteps]:
    """Every registered provider, in ``order``, bound to ``model_admin``."""
    return [provider(model_admin) for provider in sorted(_registry, key=lambda p: p.order)]

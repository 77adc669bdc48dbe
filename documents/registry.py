"""Which template and context builder make each kind of document: registered by the app that owns the kind.

``documents`` is low in the layers (rules → ocmc → accounts → court → documents → eligibility → claims →
…): it knows the kinds of document (``DocumentKind``, a vocabulary), renders and retries them, and
imports nothing of the apps whose documents they are. Those apps plug in here:

- **Registering.** Each app that owns a kind of document has a module ``<app>/pdfs.py`` that calls, at
  import, ``register(kind, template="pdf/….html", context=builder, on_ready=None)`` for each of its kinds:
  ``claims.pdfs`` (sealed claim, issue receipt, defendant's pack), ``responses.pdfs`` (the response),
  ``defended.pdfs`` (directions order, paper pack, claimant's directions questionnaire) and
  ``judgments.pdfs`` (judgment, settlement agreement, certificate of satisfaction). A kind is registered
  once: a second registration of it, or a kind ``DocumentKind`` does not name, is refused (ValueError).
- **Discovery.** ``DocumentsConfig.ready()`` calls ``autodiscover_modules("pdfs")``, the way the admin
  finds each app's ``admin.py``: every process that sets Django up (web, Celery worker, sweeps, management
  commands, tests) has every kind registered before it renders one. ``tests/documents/test_registry.py``
  fails if a ``DocumentKind`` has no registration.
- **Building.** ``context(claim, **extra)`` returns the template's context (``extra``: ``respond_url`` for
  the defendant's pack; a builder takes ``**extra`` and ignores what it does not need). It raises
  ValueError for a claim that cannot have the document yet; ``document_render`` records that as a
  failed render and tries again later. The context holds plain views, never the claim itself (the
  privacy rule: see ``claims.pdf_views``), and the templates' strict missing-variable check
  (``documents.pdf``) fails a render that lacks a key.
- **Bundles.** A kind registered with ``sections=builder`` is several documents in one PDF (the trial bundle,
  PD 51R 6C.4): ``sections(claim)`` returns the documents in order (``documents.pdf.Section``: heading, template,
  context, usually another kind's own template and context builder), and ``template`` with ``context`` is the
  index page, given ``entries`` (``documents.pdf.IndexEntry``) by the renderer.
- **When it is ready.** ``on_ready(claim_id=…)``, if given, runs once, in the transaction that marks the
  document ready (a render that loses a race to another worker, or to a newer revision, does not run it):
  for the defendant's pack, ``claims.services.claim_served_by_post`` records service.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .models import ClaimDocument, DocumentKind

#: Builds a document's context from its claim: ``context(claim, **extra)``.
ContextBuilder = Callable[..., dict[str, Any]]
#: Runs when a document of the kind is ready: ``on_ready(claim_id=…)``.
OnReady = Callable[..., Any]
#: The documents of a bundle, in order: ``sections(claim)`` → a list of ``documents.pdf.Section``.
SectionsBuilder = Callable[..., list[Any]]


@dataclass(frozen=True)
class Registration:
    kind: DocumentKind
    template: str  # under templates/, e.g. "pdf/judgment.html"
    context: ContextBuilder
    on_ready: OnReady | None = None
    sections: SectionsBuilder | None = None


_REGISTRY: dict[DocumentKind, Registration] = {}


def _kind(kind: str) -> DocumentKind:
    try:
        return DocumentKind(kind)
    except ValueError:
        raise ValueError(f"no PDF template for documents of kind {kind!r}") from None


def register(
    kind: str, *, template: str, context: ContextBuilder, on_ready: OnReady | None = None,
    sections: SectionsBuilder | None = None,
) -> Registration:
    """Say which template and context builder make documents of ``kind`` (and what to do once one is ready); for a
    bundle, which documents it holds (``sections``)."""
    registration = Registration(_kind(kind), template, context, on_ready, sections)
    existing = _REGISTRY.get(registration.kind)
    if existing is not None:
        if existing != registration:
            raise ValueError(f"documents of kind {registration.kind.value!r} are already registered ({existing})")
        return existing
    _REGISTRY[registration.kind] = registration
    return registration


def registration(kind: str) -> Registration:
    """The registration for ``kind``. ValueError for a kind nobody registered (or that does not exist)."""
    try:
        return _REGISTRY[_kind(kind)]
    except KeyError:
        raise ValueError(f"no PDF template for documents of kind {kind!r}") from None


def registered() -> dict[DocumentKind, Registration]:
    return dict(_REGISTRY)


def context_for(document: ClaimDocument, **extra: Any) -> tuple[str, dict[str, Any]]:
    """The template name and context for ``document``. ``extra``: ``respond_url`` for the pack.

    Raises ValueError for an unknown kind or a claim that cannot have this document yet.
    """
    entry = registration(document.kind)
    return entry.template, entry.context(document.claim, **extra)

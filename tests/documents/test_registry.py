"""documents.registry: each app registers its own kinds of document, every kind has a builder, an unknown
kind is refused, and a kind's ``on_ready`` runs once, when its document is ready."""
from __future__ import annotations

import ast
import dataclasses
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from django.conf import settings

from claims.models import Claim
from claims.services import claim_served_by_post
from documents import pdf, registry
from documents.models import ClaimDocument, DocumentKind, DocumentStatus
from documents.registry import context_for, register, registered, registration
from documents.services import document_render

from .conftest import document

#: The apps above documents in the layers: documents imports none of them.
HIGHER = {"eligibility", "claims", "payments", "responses", "defended", "judgments", "demo"}

#: Which app owns each kind of document (and registers it in its pdfs module).
OWNERS = {
    DocumentKind.SEALED_CLAIM: "claims",
    DocumentKind.ISSUE_RECEIPT: "claims",
    DocumentKind.DEFENDANT_PACK: "claims",
    DocumentKind.RESPONSE: "responses",
    DocumentKind.JUDGMENT: "judgments",
    DocumentKind.SETTLEMENT_AGREEMENT: "judgments",
    DocumentKind.CERTIFICATE_OF_SATISFACTION: "judgments",
    DocumentKind.DIRECTIONS_ORDER: "defended",
    DocumentKind.PAPER_PACK: "defended",
    DocumentKind.CLAIMANT_DQ: "defended",
    DocumentKind.TRIAL_BUNDLE: "defended",
}


def test_every_kind_of_document_has_a_registered_builder_and_template() -> None:
    kinds = registered()
    assert set(kinds) == set(DocumentKind), f"no builder registered for {set(DocumentKind) - set(kinds)}"
    for kind, entry in kinds.items():
        assert entry.kind == kind and callable(entry.context)
        pdf._engine().get_template(entry.template)  # the template exists
        assert entry.context.__module__ == f"{OWNERS[kind]}.pdfs", kind


def test_an_unknown_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="no PDF template for documents of kind 'nonsense'"):
        registration("nonsense")
    with pytest.raises(ValueError, match="no PDF template for documents of kind 'nonsense'"):
        context_for(ClaimDocument(kind="nonsense"))
    with pytest.raises(ValueError, match="'nonsense'"):
        register("nonsense", template="pdf/base.html", context=lambda claim, **extra: {})
    assert "nonsense" not in {kind.value for kind in registered()}


def test_a_kind_is_registered_once() -> None:
    entry = registration(DocumentKind.JUDGMENT)
    with pytest.raises(ValueError, match="already registered"):
        register(DocumentKind.JUDGMENT, template="pdf/judgment.html", context=lambda claim, **extra: {})
    # The same registration again (a module imported twice) changes nothing.
    assert register(entry.kind, template=entry.template, context=entry.context, on_ready=entry.on_ready) == entry
    assert registration(DocumentKind.JUDGMENT) is entry


def test_the_defendant_pack_is_served_by_post_when_it_is_ready() -> None:
    assert registration(DocumentKind.DEFENDANT_PACK).on_ready is claim_served_by_post
    assert all(entry.on_ready is None for kind, entry in registered().items() if kind != DocumentKind.DEFENDANT_PACK)


@pytest.mark.django_db
def test_on_ready_runs_once_when_the_document_is_ready(issued_claim: Claim, monkeypatch: Any) -> None:
    calls: list[int] = []
    entry = registration(DocumentKind.SEALED_CLAIM)
    monkeypatch.setitem(
        registry._REGISTRY, DocumentKind.SEALED_CLAIM,
        dataclasses.replace(entry, on_ready=lambda *, claim_id: calls.append(claim_id)),
    )
    sealed = document(issued_claim, DocumentKind.SEALED_CLAIM)

    with mock.patch("documents.pdf.render_pdf", side_effect=RuntimeError("renderer crashed")):
        assert document_render(document_id=sealed.pk) is False
    assert calls == []  # a failed render is not ready

    assert document_render(document_id=sealed.pk) is True
    assert calls == [issued_claim.pk]
    sealed.refresh_from_db()
    assert sealed.status == DocumentStatus.READY

    assert document_render(document_id=sealed.pk) is False  # already ready: nothing runs again
    assert calls == [issued_claim.pk]


def _imported_modules(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


def test_documents_imports_nothing_from_the_apps_above_it() -> None:
    folder = Path(settings.BASE_DIR) / "documents"
    found = {
        f"{path.relative_to(folder)}: {name}"
        for path in folder.rglob("*.py")
        for name in _imported_modules(path)
        if name.split(".")[0] in HIGHER
    }
    assert not found

"""documents.pdf: failures raise (so the caller can record them), and nothing is fetched from outside static/."""
from __future__ import annotations

from typing import Any

import pytest

from claims.constants import ClaimState
from documents.models import DocumentKind
from documents.pdf import PdfRenderError, ResourceRefused, StaticFilesOnly, html_to_pdf, render_pdf, static_root
from documents.registry import context_for

from .conftest import document, pdf_text


def test_a_missing_template_raises() -> None:
    with pytest.raises(PdfRenderError, match="pdf/no_such_template.html"):
        render_pdf("pdf/no_such_template.html", {})


def test_a_template_missing_its_context_raises_instead_of_printing_blanks() -> None:
    with pytest.raises(PdfRenderError, match="no value for .*claim_number"):
        render_pdf("pdf/sealed_claim.html", {"title": "Claim form"})


def test_an_error_while_rendering_raises_an_ordinary_exception() -> None:
    class Exploding:
        @property
        def name(self) -> str:
            raise RuntimeError("boom")

    with pytest.raises(PdfRenderError, match="boom"):
        render_pdf("pdf/sealed_claim.html", {"court": Exploding()})


@pytest.mark.parametrize(
    "html",
    [
        '<img src="https://example.com/logo.png">',
        '<link rel="stylesheet" href="http://example.com/x.css"><p>x</p>',
        '<img src="file:///etc/hostname">',
        '<img src="../templates/pdf/base.html">',
        '<img src="pdf/no-such-file.png">',
    ],
)
def test_resources_from_outside_static_stop_the_render(html: str) -> None:
    with pytest.raises(PdfRenderError, match="resource refused"):
        html_to_pdf(html)


def test_the_fetcher_serves_the_static_folder_only() -> None:
    fetcher = StaticFilesOnly(static_root())
    seal = fetcher.fetch((static_root() / "pdf" / "seal.svg").as_uri())
    assert seal.content_type == "image/svg+xml"
    assert b"<svg" in seal.read()
    seal.close()
    for url in ("https://example.com/", "http://127.0.0.1/", "ftp://example.com/x", "file:///etc/passwd"):
        with pytest.raises(ResourceRefused):
            fetcher.fetch(url)


def test_html_to_pdf_uses_the_shared_stylesheet_and_footer() -> None:
    pdf = html_to_pdf('<div class="pdf-footer">Claim number X1</div><p>Hello</p>')
    text = pdf_text(pdf)
    assert "Hello" in text and "Claim number X1" in text and "Page 1 of 1" in text


@pytest.mark.django_db
def test_the_pack_needs_the_web_address_to_respond(issued_claim: Any) -> None:
    with pytest.raises(ValueError, match="respond_url"):
        context_for(document(issued_claim, DocumentKind.DEFENDANT_PACK))


@pytest.mark.django_db
def test_a_claim_not_issued_has_no_documents(make_issued_claim: Any) -> None:
    claim = make_issued_claim(state=ClaimState.AWAITING_FEE, claim_number=None, issue_date=None)
    with pytest.raises(ValueError, match="not been issued"):
        context_for(document(claim, DocumentKind.SEALED_CLAIM))

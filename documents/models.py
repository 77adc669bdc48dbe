"""Documents the court produces for a claim: PDFs rendered from HTML templates.

A document row is created in the same transaction as the step that needs it (status
``pending``), and rendered afterwards by the worker. A failed render leaves the row
``failed`` with a time to try again; the deadline engine's ``documents.render_pending``
sweep retries it, so a claim never waits on a PDF and never loses one.
"""
from __future__ import annotations

from django.db import models


class DocumentKind(models.TextChoices):
    SEALED_CLAIM = "sealed_claim", "Sealed claim form"
    ISSUE_RECEIPT = "issue_receipt", "Claim issue receipt"
    DEFENDANT_PACK = "defendant_pack", "Defendant's pack (letter and sealed claim form)"
    #: The defendant's response as received: OCON9A / OCON9B / OCON180 in one document.
    RESPONSE = "response", "Defendant's response"
    JUDGMENT = "judgment", "Judgment"
    SETTLEMENT_AGREEMENT = "settlement_agreement", "Settlement agreement"
    CERTIFICATE_OF_SATISFACTION = "certificate_of_satisfaction", "Certificate of satisfaction"
    #: The latest order giving directions (OCON24-style, Table A 1), naming its maker (15.1(1)).
    DIRECTIONS_ORDER = "directions_order", "Order: directions"
    #: The paper forms posted to a defendant who cannot respond online, with the date sent (10.1(3)-(4)).
    PAPER_PACK = "paper_pack", "Paper response pack (letter, OCON9, OCON9X, OCON180)"
    #: The claimant's directions questionnaire (OCON180) as received with their decision to continue.
    CLAIMANT_DQ = "claimant_dq", "Claimant's directions questionnaire"
    #: The trial bundle the court builds for a fast track claim online (6C.4): the claim form, the statements of
    #: case, the directions questionnaires and the orders in one PDF, with an index.
    TRIAL_BUNDLE = "trial_bundle", "Trial bundle"


class DocumentStatus(models.TextChoices):
    PENDING = "pending", "Being prepared"
    READY = "ready", "Ready"
    FAILED = "failed", "Failed: will be tried again"


class ClaimDocument(models.Model):
    claim = models.ForeignKey("claims.Claim", on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(max_length=40, choices=DocumentKind.choices)
    status = models.CharField(max_length=10, choices=DocumentStatus.choices, default=DocumentStatus.PENDING)
    #: The PDF itself. Kept in the database so web and worker processes share it without a
    #: shared disk, and so it is committed or not with the step that made it.
    content = models.BinaryField(null=True, blank=True, editable=False)
    size = models.PositiveIntegerField(null=True, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField()
    rendered_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    #: When the render sweep should (re)try it; empty once ready.
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    #: Bumped when what the document shows changes (``documents_rerender``): a render that
    #: started before the change does not overwrite the newer one.
    revision = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["claim", "kind"], name="one_document_of_a_kind_per_claim")]
        indexes = [
            models.Index(
                fields=["next_attempt_at"], name="document_next_attempt_idx",
                condition=models.Q(next_attempt_at__isnull=False),
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.get_status_display()})"

    @property
    def filename(self) -> str:
        number = self.claim.claim_number or "draft"
        return f"{number}-{self.kind.replace('_', '-')}.pdf"

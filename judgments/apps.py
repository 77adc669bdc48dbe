from django.apps import AppConfig


class JudgmentsConfig(AppConfig):
    """Judgments, repayment plans, settlement agreements and the register."""

    name = "judgments"

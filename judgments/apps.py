from django.apps import AppConfig


class JudgmentsConfig(AppConfig):
    """Judgments, repayment plans, settlement agreements and the register."""

    name = "judgments"
    verbose_name = "Judgments"

    def ready(self) -> None:
        # Each module registers its deadline sweeps.
        from . import closing, settlement, sweeps  # noqa: F401

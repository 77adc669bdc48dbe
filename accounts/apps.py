from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Accounts and roles"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from .groups import ensure_staff_groups

        post_migrate.connect(ensure_staff_groups, sender=self)

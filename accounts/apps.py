from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = "Accounts and roles"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from .groups import ensure_staff_groups

        # After every app's migrations: the permissions of later apps exist only then.
        post_migrate.connect(ensure_staff_groups, dispatch_uid="accounts.ensure_staff_groups")

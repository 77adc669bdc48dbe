from django.contrib import admin

from court.admin import ReadOnly

from .models import Claim, ClaimEvent


class ClaimEventInline(admin.TabularInline):
    model = ClaimEvent
    fields = ["recorded_at", "summary", "actor_label"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False


@admin.register(Claim)
class ClaimAdmin(ReadOnly):
    list_display = ["public_id", "state", "owner", "last_saved_at", "draft_expires_at"]
    list_filter = ["state"]
    search_fields = ["public_id", "owner__email"]
    inlines = [ClaimEventInline]

"""The Django admin of the record: master data (governments, agencies, units, periods, roles,
plans and indicators) and read-only views of imports and the audit trail."""

from __future__ import annotations

from django.contrib import admin

from kinerja.store import models as m


class UnitInline(admin.TabularInline):
    """Units edited on their agency's page."""

    model = m.Unit
    extra = 0


@admin.register(m.Government)
class GovernmentAdmin(admin.ModelAdmin):
    """Regional governments."""

    list_display = ("name", "level", "region_code")
    search_fields = ("name",)


@admin.register(m.Agency)
class AgencyAdmin(admin.ModelAdmin):
    """Agencies (perangkat daerah), with their units."""

    list_display = ("slug", "name", "government", "org_code")
    list_filter = ("government",)
    search_fields = ("slug", "name")
    prepopulated_fields = {"slug": ("name",)}
    inlines = [UnitInline]


@admin.register(m.Period)
class PeriodAdmin(admin.ModelAdmin):
    """Planning periods."""

    list_display = ("name", "agency", "start_year", "end_year")
    list_filter = ("agency",)


@admin.register(m.Membership)
class MembershipAdmin(admin.ModelAdmin):
    """Roles of users."""

    list_display = ("user", "role", "government", "agency", "unit")
    list_filter = ("role", "government")


@admin.register(m.Tujuan, m.Sasaran)
class StrategyAdmin(admin.ModelAdmin):
    """Tujuan and sasaran."""

    list_display = ("name", "agency")
    list_filter = ("agency",)


@admin.register(m.Node)
class NodeAdmin(admin.ModelAdmin):
    """Programs, kegiatan and sub kegiatan."""

    list_display = ("code", "level", "official_name", "local_name", "agency")
    list_filter = ("agency", "level")
    search_fields = ("code", "official_name", "local_name")


@admin.register(m.Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    """Indicators."""

    list_display = ("name", "unit", "kind", "polarity", "agency")
    list_filter = ("agency", "kind")
    search_fields = ("name",)


@admin.register(m.Document)
class DocumentAdmin(admin.ModelAdmin):
    """Documents and their status."""

    list_display = ("agency", "kind", "year", "version", "status", "finalised_at")
    list_filter = ("agency", "kind", "status")


class FindingInline(admin.TabularInline):
    """Findings shown on their import's page."""

    model = m.ImportFinding
    extra = 0
    can_delete = False
    readonly_fields = ("row", "column", "rule", "severity", "printed", "expected", "message")


@admin.register(m.Import)
class ImportAdmin(admin.ModelAdmin):
    """Imports of document tables, with their findings (read only)."""

    list_display = ("agency", "kind", "year", "version", "title", "imported_at")
    list_filter = ("agency", "kind")
    readonly_fields = [f.name for f in m.Import._meta.fields]
    inlines = [FindingInline]


@admin.register(m.AuditLog)
class AuditLogAdmin(admin.ModelAdmin):
    """The audit trail (read only)."""

    list_display = ("at", "actor_name", "action", "model", "object_repr")
    list_filter = ("action", "model", "agency")
    readonly_fields = [f.name for f in m.AuditLog._meta.fields]

    def has_add_permission(self, request: object) -> bool:
        """Nobody writes the audit trail by hand."""
        return False

"""The Django admin of the record: master data (governments, agencies, units, periods, roles,
plans, indicators and stakeholder proposals) and read-only views of imports, index results
and the audit trail."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.db.models import QuerySet

from kinerja.store import models as m
from kinerja.store import permissions

#: model name -> the action that writing it needs
WRITE_ACTION: dict[str, str] = {
    "agency": "manage_agency", "unit": "manage_agency", "period": "manage_agency",
    "membership": "manage_agency", "tujuan": "edit_plan", "sasaran": "edit_plan",
    "node": "edit_plan", "indicator": "edit_plan", "document": "edit_plan",
    "stakeholderproposal": "edit_plan",
}


class ScopedAdmin(admin.ModelAdmin):
    """An admin page that reads and writes only through the permission layer: the list holds
    the rows the user may view, and a row can be changed only where the user may write it."""

    def get_queryset(self, request: Any) -> QuerySet[Any]:
        """Only the rows the user may view."""
        return permissions.scope(request.user, super().get_queryset(request), "view")

    def _may(self, request: Any, obj: Any, write: bool) -> bool:
        if not request.user.is_active or not request.user.is_staff:
            return False
        if obj is None:
            return True
        action = WRITE_ACTION.get(obj._meta.model_name, "") if write else "view"
        return bool(action) and permissions.can(request.user, action, obj)

    def has_module_permission(self, request: Any) -> bool:
        """Staff see the record's pages; the rows are scoped."""
        return bool(request.user.is_active and request.user.is_staff)

    def has_view_permission(self, request: Any, obj: Any = None) -> bool:
        """Staff may open the page; a row only if the layer lets them view it."""
        return self._may(request, obj, write=False)

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        """A row may be changed only where the layer lets the user write it."""
        return self._may(request, obj, write=True)

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        """Deleting follows changing."""
        return obj is not None and self._may(request, obj, write=True)

    def has_add_permission(self, request: Any) -> bool:
        """Adding is for staff; the object's agency is checked when it is saved."""
        return bool(request.user.is_active and request.user.is_staff)

    def save_model(self, request: Any, obj: Any, form: Any, change: bool) -> None:
        """Save only what the layer allows."""
        action = WRITE_ACTION.get(obj._meta.model_name, "edit_plan")
        target = obj.government if obj._meta.model_name == "agency" else obj
        permissions.require(request.user, action, target)
        super().save_model(request, obj, form, change)


class UnitInline(admin.TabularInline):
    """Units edited on their agency's page."""

    model = m.Unit
    extra = 0


@admin.register(m.Government)
class GovernmentAdmin(admin.ModelAdmin):
    """Regional governments (system administrators only; admin pemda see their own)."""

    list_display = ("name", "level", "region_code")
    search_fields = ("name",)

    def get_queryset(self, request: Any) -> QuerySet[Any]:
        """Only the governments the user holds a role in."""
        return permissions.scope(request.user, super().get_queryset(request), "view")

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        """Only a system administrator changes a government."""
        return bool(request.user.is_superuser)

    has_add_permission = has_delete_permission = (  # type: ignore[assignment]
        lambda self, request, obj=None: bool(request.user.is_superuser))


class AgencyForm(forms.ModelForm):
    """An agency, in an existing government or in a new one named here (as `kinerja pd
    tambah` does)."""

    new_government = forms.CharField(label="atau pemda baru", required=False)
    new_level = forms.ChoiceField(label="tingkat pemda baru", required=False,
                                  choices=[("", "—"), *m.Government.LEVELS])

    class Meta:
        model = m.Agency
        fields = ["government", "slug", "name", "org_code"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["government"].required = False

    user: Any = None  # set per request by AgencyAdmin.get_form

    def clean(self) -> dict[str, Any]:
        """Either an existing government the user manages or, for a system administrator,
        the name and level of a new one."""
        data = super().clean() or {}
        if data.get("government") is not None:
            if not permissions.can(self.user, "manage_agency", data["government"]):
                raise forms.ValidationError("Anda tidak berwenang menambah PD pada pemda ini.")
        else:
            if not getattr(self.user, "is_superuser", False):
                raise forms.ValidationError(
                    "Hanya administrator sistem yang dapat menambah pemda baru.")
            name = (data.get("new_government") or "").strip()
            level = data.get("new_level") or ""
            if not name or not level:
                raise forms.ValidationError(
                    "Pilih pemda yang ada, atau isi nama dan tingkat pemda baru.")
            gov = m.Government.objects.filter(name=name).first()
            if gov is None:
                gov = m.Government(name=name, level=level)
            elif gov.level != level:
                raise forms.ValidationError(
                    f"Pemda '{name}' sudah tercatat dengan tingkat {gov.level}.")
            data["government"] = gov
        return data

    def _get_validation_exclusions(self) -> Any:
        """A new government is saved with the agency, so it is not checked as a saved row."""
        excluded = super()._get_validation_exclusions()
        gov = getattr(self, "cleaned_data", {}).get("government")
        if gov is not None and gov.pk is None:
            excluded.add("government")
        return excluded


@admin.register(m.Agency)
class AgencyAdmin(ScopedAdmin):
    """Agencies (perangkat daerah), with their units."""

    form = AgencyForm
    list_display = ("slug", "name", "government", "org_code")
    list_filter = ("government",)
    search_fields = ("slug", "name")
    prepopulated_fields = {"slug": ("name",)}
    inlines = [UnitInline]

    def get_form(self, request: Any, obj: Any = None, change: bool = False,
                 **kwargs: Any) -> Any:
        """The agency form, knowing who fills it in."""
        form = super().get_form(request, obj, change, **kwargs)
        form.user = request.user
        return form

    def save_model(self, request: Any, obj: Any, form: Any, change: bool) -> None:
        """Save the agency, and first its new government (checked by the form)."""
        if obj.government.pk is None:
            obj.government.save()
        super().save_model(request, obj, form, change)


@admin.register(m.Period)
class PeriodAdmin(ScopedAdmin):
    """Planning periods."""

    list_display = ("name", "agency", "start_year", "end_year")
    list_filter = ("agency",)


@admin.register(m.Membership)
class MembershipAdmin(ScopedAdmin):
    """Roles of users."""

    list_display = ("user", "role", "government", "agency", "unit")
    list_filter = ("role", "government")


@admin.register(m.Tujuan, m.Sasaran)
class StrategyAdmin(ScopedAdmin):
    """Tujuan and sasaran."""

    list_display = ("name", "agency")
    list_filter = ("agency",)


@admin.register(m.Node)
class NodeAdmin(ScopedAdmin):
    """Programs, kegiatan and sub kegiatan."""

    list_display = ("code", "level", "official_name", "local_name", "agency")
    list_filter = ("agency", "level")
    search_fields = ("code", "official_name", "local_name")


@admin.register(m.Indicator)
class IndicatorAdmin(ScopedAdmin):
    """Indicators."""

    list_display = ("name", "unit", "kind", "polarity", "agency")
    list_filter = ("agency", "kind")
    search_fields = ("name",)


@admin.register(m.StakeholderProposal)
class StakeholderProposalAdmin(ScopedAdmin):
    """Proposals of stakeholders (T-C.32)."""

    list_display = ("year", "title", "location", "volume", "stakeholder", "agency")
    list_filter = ("agency", "year")
    search_fields = ("program_name", "indicator", "stakeholder", "location")

    def formfield_for_foreignkey(self, db_field: Any, request: Any, **kwargs: Any) -> Any:
        """Only agencies and plan nodes the user may edit are offered."""
        if db_field.name in ("agency", "node"):
            model = db_field.related_model
            kwargs["queryset"] = permissions.scope(request.user, model.objects.all(),
                                                   "edit_plan")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(m.Document)
class DocumentAdmin(ScopedAdmin):
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
class ImportAdmin(ScopedAdmin):
    """Imports of document tables, with their findings (read only)."""

    list_display = ("agency", "kind", "year", "version", "title", "imported_at")
    list_filter = ("agency", "kind")
    readonly_fields = [f.name for f in m.Import._meta.fields]
    inlines = [FindingInline]

    def has_add_permission(self, request: Any) -> bool:
        """Imports come from `kinerja import`, not from a form."""
        return False


@admin.register(m.AuditLog)
class AuditLogAdmin(ScopedAdmin):
    """The audit trail (read only)."""

    list_display = ("at", "actor_name", "action", "model", "object_repr")
    list_filter = ("action", "model", "agency")
    readonly_fields = [f.name for f in m.AuditLog._meta.fields]

    def has_add_permission(self, request: object) -> bool:
        """Nobody writes the audit trail by hand."""
        return False


@admin.register(m.IndexResult)
class IndexResultAdmin(ScopedAdmin):
    """Stored index results (read only: they come from `kinerja ikm hitung --pd …` and the
    other index commands)."""

    list_display = ("agency", "year", "kind", "name", "value", "category", "computed_at")
    list_filter = ("agency", "kind", "year")
    readonly_fields = [f.name for f in m.IndexResult._meta.fields]
    exclude = ("realisations",)

    def get_queryset(self, request: Any) -> QuerySet[Any]:
        """Only the results of the agencies the user may view."""
        qs = admin.ModelAdmin.get_queryset(self, request)
        return qs.filter(agency__in=permissions.agencies(request.user, "view"))

    def has_add_permission(self, request: Any) -> bool:
        """Results are computed by the index commands, not typed in."""
        return False

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        """Nobody edits a computed result by hand."""
        return False

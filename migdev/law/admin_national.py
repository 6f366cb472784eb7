"""Admin of national legislation: stewards edit a law's subjects and linked instruments, and record an amendment
(a new version, uploaded as AKN or structured text, converted by a background job) through the service that
checks the permission."""

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.db import models
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from migdev.core.admin import StewardsMaintain
from migdev.core.errors import DomainError
from migdev.law.models import AmendmentUpload, Implementation, NationalLaw
from migdev.law.national_files import FORMATS, MAX_TEXT_BYTES
from migdev.law.services.national import queue_amendment


class ImplementationInline(StewardsMaintain, admin.TabularInline):
    model = Implementation
    extra = 0
    autocomplete_fields = ("instrument",)


class AmendmentForm(forms.Form):
    date = forms.DateField(label=_("In force from"), widget=forms.DateInput(attrs={"type": "date"}))
    amending_act = forms.CharField(label=_("Amending act"), max_length=300)
    source = forms.URLField(label=_("Source of the text"), required=False, assume_scheme="https")
    text_format = forms.ChoiceField(label=_("Format"), choices=[(f, f) for f in FORMATS])
    text = forms.FileField(label=_("Text of the whole law as amended"))

    def clean_text(self) -> Any:
        upload = self.cleaned_data["text"]
        if upload.size > MAX_TEXT_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        return upload


@admin.register(NationalLaw)
class NationalLawAdmin(StewardsMaintain, admin.ModelAdmin):
    list_display = ("short_title", "slug", "work")
    search_fields = ("short_title", "slug", "work__title")
    filter_horizontal = ("themes",)
    readonly_fields = ("work",)
    inlines = [ImplementationInline]
    change_form_template = "admin/law/nationallaw/change_form.html"
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_urls(self) -> list[Any]:
        extra = [
            path(
                "<int:law_id>/amend/",
                self.admin_site.admin_view(self.amend_view),
                name="law_nationallaw_amend",
            )
        ]
        return extra + super().get_urls()

    def amend_view(self, request: HttpRequest, law_id: int) -> HttpResponse:
        """Upload the law's text as it stands after an amendment: queued for the job worker, which converts and
        validates it and stores it as a new expression; the page lists the law's uploads and their outcome."""
        law = get_object_or_404(NationalLaw.objects.select_related("work"), pk=law_id)
        form = AmendmentForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                upload = queue_amendment(
                    request.user,  # type: ignore[arg-type]
                    law,
                    date=data["date"],
                    chunks=data["text"].chunks(),
                    file_name=data["text"].name,
                    text_format=data["text_format"],
                    amending_act=data["amending_act"],
                    source=data["source"],
                )
            except DomainError as exc:
                form.add_error(exc.field if exc.field in form.fields else None, str(exc.message))
            else:
                message = _("%(file)s is being converted and validated; this page shows the outcome.")
                messages.success(request, message % {"file": upload.file_name})
                return HttpResponseRedirect(reverse("admin:law_nationallaw_amend", args=[law.pk]))
        uploads = list(AmendmentUpload.objects.filter(law=law).select_related("uploaded_by")[:20])
        context = {
            **self.admin_site.each_context(request),
            "law": law,
            "form": form,
            "uploads": uploads,
            "waiting": any(upload.unfinished for upload in uploads),
            "title": _("Record an amendment"),
        }
        return TemplateResponse(request, "admin/law/nationallaw/amend.html", context)

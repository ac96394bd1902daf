"""Admin report: the translation state of every French page, with filters."""

from django import forms
from django.apps import apps
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.models import Locale, get_page_models

from .status import Status, all_states, default_locale


class TranslationStatusFilterForm(forms.Form):
    locale = forms.ChoiceField(label=_("Langue"), required=False)
    status = forms.ChoiceField(label=_("État"), required=False)
    page_type = forms.ChoiceField(label=_("Type de page"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        source = default_locale()
        self.fields["locale"].choices = [("", _("Toutes"))] + [
            (locale.language_code, locale.get_display_name())
            for locale in Locale.objects.exclude(pk=source.pk).order_by("language_code")
        ]
        self.fields["status"].choices = [("", _("Tous"))] + list(Status.choices)
        self.fields["page_type"].choices = [("", _("Tous"))] + sorted(
            (model._meta.label_lower, str(model._meta.verbose_name).capitalize())
            for model in get_page_models()
            if model._meta.app_label in {"home", "pages"} and not model._meta.abstract
        )


class TranslationStatusReportView(TemplateView):
    template_name = "pages/translation/status_report.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = TranslationStatusFilterForm(self.request.GET or None)
        filters = form.cleaned_data if form.is_valid() else {}
        states = all_states(
            filters.get("locale") or None, status=filters.get("status") or None,
            page_type=filters.get("page_type") or None,
        )
        counts = dict.fromkeys(Status.values, 0)
        for state in states:
            counts[state.status] += 1
        context.update({
            "page_title": _("État des traductions"),
            "header_icon": "globe",
            "form": form,
            "states": states,
            "counts": [(Status(value).label, value, n) for value, n in counts.items()],
            "glossary_model": apps.get_model("pages", "GlossaryTerm"),
        })
        return context

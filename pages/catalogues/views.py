"""Admin views: export a catalogue to CSV, import a CSV back (all rows or none)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView

from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import Button
from wagtail.models import Locale
from wagtail.snippets.views.snippets import IndexView

from .exchange import export_csv, import_csv
from .models import ModelSource, Software

MODELS = {"software": Software, "modelsource": ModelSource}


def _model(model_name, user, actions):
    model = MODELS.get(model_name)
    if model is None:
        raise Http404
    if not all(user.has_perm(f"catalogues.{action}_{model_name}") for action in actions):
        raise PermissionDenied
    return model


class CatalogueIndexView(IndexView):
    """The snippet listing, with « Exporter en CSV » and « Importer un CSV »; an entry links to its
    editor only for those who may change it (permissions.py: a translator, the English entries)."""

    def get_edit_url(self, instance):
        if self.user_has_permission_for_instance("change", instance):
            return super().get_edit_url(instance)
        return None

    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons
        name = self.model._meta.model_name
        user = self.request.user
        if user.has_perm(f"catalogues.view_{name}"):
            locale = self.request.GET.get("locale", "")
            buttons.append(Button(_("Exporter en CSV"), icon_name="download",
                                  url=reverse("catalogue_export", args=[name]) + (f"?locale={locale}" if locale else ""),
                                  priority=20))
        if user.has_perm(f"catalogues.add_{name}") and user.has_perm(f"catalogues.change_{name}"):
            buttons.append(Button(_("Importer un CSV"), icon_name="upload", url=reverse("catalogue_import", args=[name]),
                                  priority=30))
        return buttons


def export_view(request, model_name):
    model = _model(model_name, request.user, ["view"])
    locale = Locale.objects.filter(language_code=request.GET.get("locale") or "fr").first() or Locale.get_default()
    response = HttpResponse(export_csv(model, locale), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{model_name}-{locale.language_code}.csv"'
    return response


class ImportForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Fichier CSV"),
                           help_text=gettext_lazy("Le fichier exporté par « Exporter en CSV », modifié dans un tableur (CSV UTF-8)."))
    locale = forms.ModelChoiceField(queryset=Locale.objects.all(), label=gettext_lazy("Langue des entrées"),
                                    empty_label=None, to_field_name="language_code")

    def __init__(self, *args, model, user, **kwargs):
        super().__init__(*args, **kwargs)
        # The languages whose entries this user may change, by the rule of the entry editor
        # (pages/catalogues/permissions.py): an editor imports French entries only.
        policy = model.snippet_viewset.permission_policy
        allowed = [locale.pk for locale in Locale.objects.all()
                   if policy.user_has_permission_for_instance(user, "change", model(locale=locale))]
        self.fields["locale"].queryset = Locale.objects.filter(pk__in=allowed)


class ImportView(WagtailAdminTemplateMixin, FormView):
    template_name = "catalogues/admin/import.html"
    form_class = ImportForm
    header_icon = "upload"

    def dispatch(self, request, model_name):
        self.model = _model(model_name, request.user, ["add", "change"])
        return super().dispatch(request, model_name)

    def get_page_title(self):
        return _("Importer un CSV : %(catalogue)s") % {"catalogue": self.model._meta.verbose_name_plural}

    def get_initial(self):
        return {"locale": Locale.get_default()}

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "model": self.model, "user": self.request.user}

    def form_valid(self, form):
        form_class = self.model.snippet_viewset.get_edit_handler().get_form_class()
        counts, errors = import_csv(self.model, form_class, form.cleaned_data["file"].read(),
                                    form.cleaned_data["locale"], self.request.user)
        if errors:
            return self.render_to_response(self.get_context_data(form=form, errors=errors))
        messages.success(self.request, _(
            "Import terminé : %(created)s créée(s), %(updated)s modifiée(s), %(unchanged)s inchangée(s) ; "
            "les changements sont soumis à la révision.") % counts)
        return redirect(self.model.snippet_viewset.get_url_name("list"))

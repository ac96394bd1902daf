"""Admin report: the translation state of every French page, with filters, and its actions."""

import functools

from django import forms
from django.apps import apps
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from wagtail.models import Locale, Page, get_page_models
from wagtail_localize.models import Translation

from .drafts import ensure_translation, save_translation_draft, target_page
from .machine import machine_translate_page
from .permissions import SUBMIT_TRANSLATION, may_translate, why_not_startable
from .po import sync_source
from .status import Status, all_states, default_locale
from .targets import Target


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
            # The actions of a row are offered only to those whose request would be accepted.
            state.user_may_translate = may_translate(self.request.user, state.source_page, state.locale)
            state.blocker = why_not_startable(state.source_page, state.locale) if state.status == Status.MISSING else None
        context.update({
            "page_title": _("État des traductions"),
            "header_icon": "globe",
            "form": form,
            "states": states,
            "counts": [(Status(value).label, value, n) for value, n in counts.items()],
            "glossary_model": apps.get_model("pages", "GlossaryTerm"),
        })
        return context


def _back(request):
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect("translation_status")


@require_POST
def sync_translation(request, translation_id):
    """Bring the French text of a translation up to date (changed sentences become untranslated)."""
    translation = get_object_or_404(Translation, pk=translation_id)
    french = translation.source.get_source_instance()
    if not may_translate(request.user, french, translation.target_locale):
        raise PermissionDenied
    sync_source(translation)
    messages.success(request, _("« %(title)s » : texte français synchronisé.") % {"title": french.title})
    return _back(request)


@require_POST
def save_draft(request, translation_id):
    """Write the current translations to a draft revision of the translated page or entry, for review."""
    translation = get_object_or_404(Translation, pk=translation_id)
    target = target_page(translation)
    # Rights on the translation only: rights on the French page or entry give none on it.
    if target is None or not Target(target).rights(request.user).edit:
        raise PermissionDenied
    revision = save_translation_draft(translation, user=request.user)
    messages.success(request, _("Brouillon enregistré pour relecture : « %(title)s ».") % {
        "title": revision.object_str})
    return _back(request)


def translation_action(view):
    """A POST-only action on (French page, target language): refused unless the user may translate it;
    a page that cannot be translated yet (its parent is not) gets the reason, and nothing changes."""

    @require_POST
    @functools.wraps(view)
    def wrapper(request, page_id, language_code):
        page = get_object_or_404(Page, pk=page_id, locale=default_locale()).specific
        locale = get_object_or_404(Locale.objects.exclude(pk=page.locale_id), language_code=language_code)
        if not request.user.has_perm(SUBMIT_TRANSLATION):
            raise PermissionDenied
        reason = why_not_startable(page, locale)
        if reason:
            messages.error(request, reason)
            return _back(request)
        if not may_translate(request.user, page, locale):
            raise PermissionDenied
        return view(request, page, locale)

    return wrapper


@translation_action
def machine_draft(request, page, locale):
    """Machine-translate what is left and save a draft for review (never published)."""
    _translation, revision = machine_translate_page(page, locale, request.user)
    if revision is None:
        messages.info(request, _("Rien à traduire automatiquement : tous les segments sont traduits."))
    else:
        messages.success(request, _("Traduction automatique enregistrée en brouillon, à relire : « %(title)s ».")
                         % {"title": page.title})
    return _back(request)


@translation_action
def start_translation(request, page, locale):
    """Create the translated page as a draft (French text until translated) and open its editor."""
    translation = ensure_translation(page, locale)
    if target_page(translation) is None:
        save_translation_draft(translation, user=request.user)
    target = target_page(translation)
    messages.success(request, _("Traduction commencée : « %(title)s » (%(locale)s), en brouillon.") % {
        "title": page.title, "locale": locale.get_display_name()})
    return redirect("wagtailadmin_pages:edit", target.pk)

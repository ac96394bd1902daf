"""Reader feedback: « Cette page vous a-t-elle été utile ? », a plain form that works without JavaScript."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt

from wagtail.models import Page

from cms.security.client_address import client_address

from .models import ReaderFeedback

MESSAGE_TAG = "feedback"
HONEYPOT_FIELD = "website"


class FeedbackForm(forms.Form):
    helpful = forms.TypedChoiceField(
        label=_("Cette page vous a-t-elle été utile ?"),
        choices=[("yes", _("Oui")), ("no", _("Non"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": _("Choisissez « Oui » ou « Non ».")},
    )
    comment = forms.CharField(label=_("Commentaire (facultatif)"), required=False, max_length=2000,
                              widget=forms.Textarea(attrs={"rows": 3}))
    # Left empty by people; robots that fill every field are thanked and ignored.
    website = forms.CharField(required=False)


def rate_limited(request):
    """True once an address has sent FEEDBACK_RATE_LIMIT answers within the window.

    The address is the reader's, as login throttling sees it (behind the trusted proxies, not
    the proxy's own, which would make one reader block everyone)."""
    limit, window = getattr(settings, "FEEDBACK_RATE_LIMIT", (5, 600))
    key = f"reader-feedback:{client_address(request)}"
    cache.add(key, 0, window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window)
        count = 1
    return count > limit


# No CSRF token: it would set a cookie on every page and make every page uncacheable. The form
# changes no account or session state; the honeypot and the per-address rate limit guard it.
@csrf_exempt
def submit_feedback(request, page_id):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    page = Page.objects.live().public().filter(pk=page_id).first()
    if page is None:
        raise Http404
    target = page.get_url(request=request) + "#feedback"
    form = FeedbackForm(request.POST)
    if not form.is_valid():
        errors = [str(e) for field_errors in form.errors.values() for e in field_errors]
        messages.error(request, " ".join(errors), extra_tags=MESSAGE_TAG)
        return redirect(target)
    if rate_limited(request):
        messages.error(
            request, gettext("Vous avez envoyé beaucoup d'avis en peu de temps. Réessayez plus tard."),
            extra_tags=MESSAGE_TAG,
        )
        return redirect(target)
    if not form.cleaned_data[HONEYPOT_FIELD]:
        ReaderFeedback.objects.create(
            page=page, helpful=form.cleaned_data["helpful"], comment=form.cleaned_data["comment"].strip(),
        )
    messages.success(request, gettext("Merci ! Votre avis a été transmis à l'équipe."), extra_tags=MESSAGE_TAG)
    return redirect(target)

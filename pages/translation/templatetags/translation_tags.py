"""Admin template tags of the translation pipeline."""

from django import template

from wagtail_localize.models import StringSegment

from pages.translation.glossary import glossary_for, terms_in

register = template.Library()


@register.inclusion_tag("pages/translation/glossary_panel.html")
def glossary_panel(translation):
    """The glossary entries found in the French text of a translation, for the translator's eyes."""
    entries = glossary_for(translation.target_locale)
    text = "\n".join(
        StringSegment.objects.filter(source=translation.source).values_list("string__data", flat=True)
    )
    return {"terms": terms_in(text, entries), "all_count": len(entries), "locale": translation.target_locale}


@register.inclusion_tag("pages/translation/editor_actions.html", takes_context=True)
def translation_editor_actions(context, translation, instance):
    """The translator's actions in the translation editor, in order: save the draft, preview, send to
    review; the reviewer's (approve, request changes) when the page awaits them; what is left."""
    from django.urls import reverse

    from wagtail.models import Page

    from pages.translation.completeness import completeness
    from pages.translation.review import translation_for

    request = context["request"]
    is_page = isinstance(instance, Page)
    perms = instance.permissions_for_user(request.user) if is_page else None
    ours = is_page and translation_for(instance) is not None
    result = completeness(translation)
    review = None
    if is_page:
        task_state = instance.current_workflow_task_state
        if task_state is not None:
            actions = {name: label for name, label, _modal in task_state.task.specific.get_actions(instance, request.user)}
            review = {
                "approve_url": reverse("wagtailadmin_pages:workflow_action", args=[instance.pk, "approve", task_state.pk])
                if "approve" in actions else None,
                "reject_url": reverse("wagtailadmin_pages:workflow_action", args=[instance.pk, "reject", task_state.pk])
                if "reject" in actions else None,
            } if actions else None
    edit_url = reverse("wagtailadmin_pages:edit", args=[instance.pk]) if is_page else request.get_full_path()
    return {
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "translation": translation,
        "locale": translation.target_locale,
        "completeness": result,
        "can_save": ours and perms.can_edit(),
        "can_submit": ours and perms.can_edit() and perms.can_submit_for_moderation(),
        "can_delete": bool(perms and perms.can_delete()),
        "delete_url": reverse("wagtailadmin_pages:delete", args=[instance.pk]) if is_page else None,
        "preview_url": reverse("wagtail_localize:preview_translation", args=[translation.pk]),
        "save_url": reverse("translation_save_draft", args=[translation.pk]),
        "submit_url": reverse("studiobib_submit_translation", args=[instance.pk]) if is_page else None,
        "edit_url": edit_url,
        "in_review": is_page and instance.workflow_in_progress,
        "review": review,
    }

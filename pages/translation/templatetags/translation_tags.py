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
    """The translator's actions in the translation editor of a page or a reviewed snippet, in order:
    save the draft, preview, send to review; the reviewer's (approve, request changes) when it
    awaits them; what is left."""
    from django.urls import reverse

    from wagtail.models import WorkflowMixin

    from pages.translation.completeness import completeness
    from pages.translation.review import translation_for
    from pages.translation.targets import Target

    request = context["request"]
    target = Target(instance)
    rights = target.rights(request.user)
    ours = translation_for(target.obj) is not None
    review = None
    task_state = target.obj.current_workflow_task_state if isinstance(target.obj, WorkflowMixin) else None
    if task_state is not None:
        actions = {name for name, _label, _modal in task_state.task.specific.get_actions(target.obj, request.user)}
        review = {
            "approve_url": target.workflow_action_url("approve", task_state) if "approve" in actions else None,
            "reject_url": target.workflow_action_url("reject", task_state) if "reject" in actions else None,
        } if actions else None
    return {
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "translation": translation,
        "locale": translation.target_locale,
        "completeness": completeness(translation),
        "can_save": ours and rights.edit,
        "can_submit": ours and rights.submit,
        "can_delete": rights.delete,
        "delete_url": target.delete_url if rights.delete else None,
        "preview_url": reverse("wagtail_localize:preview_translation", args=[translation.pk]) if target.previewable else None,
        "save_url": reverse("translation_save_draft", args=[translation.pk]),
        "submit_url": target.submit_url if rights.submit else None,
        "edit_url": target.edit_url if (target.is_page or target.viewset) else request.get_full_path(),
        "in_review": isinstance(target.obj, WorkflowMixin) and target.obj.workflow_in_progress,
        "review": review,
    }


@register.simple_tag(takes_context=True)
def snippet_translation_status(context, instance):
    """Give wagtail-localize's editor of a snippet the status panel of Wagtail's snippet editor, with
    its workflow and revision URLs: without them a snippet in review cannot be opened (cms/compat.py)."""
    from wagtail.models import Page

    from cms.compat import snippet_translation_side_panels

    if not isinstance(instance, Page):
        panels, extra = snippet_translation_side_panels(context.get("side_panels", []), instance)
        context["side_panels"] = panels
        for name, value in extra.items():
            context[name] = value
    return ""

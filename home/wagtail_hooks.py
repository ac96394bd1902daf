"""Admin side of the home page: a dashboard panel for sections whose card lacks a summary."""

from wagtail import hooks
from wagtail.admin.ui.components import Component

from .section_summaries import sections_without_summary


class SectionsWithoutSummaryPanel(Component):
    name = "sections_without_summary"
    template_name = "home/admin/sections_without_summary_panel.html"
    order = 170

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        sections = sections_without_summary(request.user)
        return {"sections": list(sections[:20]), "count": sections.count(), "request": request}


@hooks.register("construct_homepage_panels")
def add_sections_without_summary_panel(request, panels):
    panels.append(SectionsWithoutSummaryPanel())

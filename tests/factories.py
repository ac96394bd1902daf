"""Pages built for one test (wagtail-factories), so that a test states what it needs instead of
reading the demo site's copy. Each factory builds a draft; `published()` publishes it."""

import factory
import wagtail_factories

from pages.models import MissionPage, SectionPage, SpacePage, ToolGuidePage


class SectionPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Rubrique {n}")
    intro = "<p>Une rubrique construite pour un test.</p>"

    class Meta:
        model = SectionPage


class SpacePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Salle de test {n}")
    summary = "Un espace construit pour un test."

    class Meta:
        model = SpacePage


class ToolGuidePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Guide de test {n}")
    summary = "Un guide construit pour un test."

    class Meta:
        model = ToolGuidePage


class MissionPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Mission de test {n}")

    class Meta:
        model = MissionPage


def published(page_factory, parent, **fields):
    page = page_factory(parent=parent, **fields)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def published_translation(page, locale, **fields):
    """`page` copied into `locale` (under its parent's translation), with `fields` set, published."""
    translation = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    translation.refresh_from_db()  # publishing saved a copy: read the new slug's address back
    return translation

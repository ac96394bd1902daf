from django import template

from pages.live import notices

register = template.Library()


@register.simple_tag
def site_notices():
    """Where the site-wide notices (or the campus emergency alert) go; filled when the page is served."""
    return notices.placeholder()

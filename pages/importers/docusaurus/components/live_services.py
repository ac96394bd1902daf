"""Components that showed the library's hours, workshops and next free slot, as typed live blocks."""

from __future__ import annotations

from .. import jsx
from . import register

HOURS_VIEWS = {"HoraireAujourdhui": "today", "HoraireSemaine": "week"}


def _attr(tag, name, default=""):
    value = tag.attrs.get(name, default)
    if isinstance(value, jsx.Expression):  # computed in the browser: nothing to import
        return default
    plain = jsx.to_plain(value)
    return plain.strip()[:255] if isinstance(plain, str) else default


@register(*HOURS_VIEWS)
def library_hours(flow, tag, node, line):
    library = _attr(tag, "codeBib") or "ss"  # the component's own default
    # The current site's hours components show the IT support service.
    flow.add("library_hours", {"title": _attr(tag, "titre"), "library": library,
                               "service": _attr(tag, "service") or "soutien-informatique",
                               "view": HOURS_VIEWS[tag.name]})


@register("ProchainsAteliers")
def workshops(flow, tag, node, line):
    flow.add("workshops", {"title": _attr(tag, "titre"),
                           "discipline": _attr(tag, "discipline") or "informatique-creation-medias",
                           "place": _attr(tag, "lieu"), "count": 4})


@register("StudioBaladoVideo", "ProchaineDispo")
def next_slot(flow, tag, node, line):
    flow.add("next_slot", {"title": _attr(tag, "titre"), "service": "studio-balado-video", "booking_url": ""})


@register("LibChatWidget")
def chat(flow, tag, node, line):
    code = _attr(tag, "hash").lower()
    if not code:
        flow.ctx.problem("live_parameter_missing", line, "« <LibChatWidget> » sans hash littéral : bloc de clavardage à placer à la main.")
        return
    flow.add("chat", {"title": "", "hash": code, "email": ""})


@register("AvisBib", "AvisUrgenceUdeM")
def site_wide_notice(flow, tag, node, line):
    """Shown on every page by the CMS itself (site notices, emergency feed): nothing to place here."""
    flow.ctx.problem("site_wide_component", line, f"« <{tag.name}> » : les avis du site et l'alerte d'urgence "
                     "sont affichés sur toutes les pages par le CMS ; rien à importer ici.", level="info")
